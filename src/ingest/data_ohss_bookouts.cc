#include "ingest/data_ohss_bookouts.h"

#include <cstdlib>
#include <utility>

#include "ingest/data_fields.h"
#include "util/number_format.h"

namespace bf::ingest {
namespace {

// Columns of kOhssBookOutsColumns by index.
constexpr std::size_t kMonthColumn = 0, kFiscalYearColumn = 1, kComponentColumn = 2,
                      kTotalColumn = 3, kFirstOutcomeColumn = 4;
// The value columns (total_encounters, then the outcomes): what the cross-component check
// compares.
constexpr std::size_t kValueCount = 1 + kBookOutOutcomeCount;

// Each rounded cell is within 5 of its true value.
constexpr std::int64_t kRoundingPerCell = 5;

// Whether an outcome may be X for a component: Title 42 and MPP in the months they were not in
// force, and the other component's way of letting people in (USBP releases, OFO paroles).
bool may_be_x(BookOutComponent component, BookOutOutcome outcome) {
  switch (outcome) {
    case BookOutOutcome::kT42Expulsions:
    case BookOutOutcome::kMpp:
      return true;
    case BookOutOutcome::kUsbpReleases:
      return component == BookOutComponent::kOfo;
    case BookOutOutcome::kOfoParoles:
      return component == BookOutComponent::kUsbp;
    default:
      return false;
  }
}

// Whether an outcome must be X: a port does not release on USBP's authority, Border Patrol
// does not parole at a port.
bool must_be_x(BookOutComponent component, BookOutOutcome outcome) {
  return (outcome == BookOutOutcome::kUsbpReleases && component == BookOutComponent::kOfo) ||
         (outcome == BookOutOutcome::kOfoParoles && component == BookOutComponent::kUsbp);
}

// The byte columns of a row's value columns, for errors placed after the rows are read.
using ValueColumns = std::array<int, kValueCount>;

// Value column v of a row: total_encounters, then the outcomes.
std::optional<std::int64_t> value_of(const BookOutMonth& row, std::size_t v) {
  return v == 0 ? std::optional<std::int64_t>(row.total_encounters) : row.outcomes[v - 1];
}

// Checks Total CBP = USBP + OFO, column by column, for one month whose three rows are all
// present (`at`: their indices into table.rows and `columns`, in BookOutComponent order).
void check_components(const OhssBookOutsTable& table, const std::vector<ValueColumns>& columns,
                      util::YearMonth month, const std::vector<std::size_t>& at,
                      std::vector<DataError>& errors) {
  const BookOutMonth& row = table.rows[at[static_cast<std::size_t>(BookOutComponent::kTotalCbp)]];
  const BookOutMonth& usbp = table.rows[at[static_cast<std::size_t>(BookOutComponent::kUsbp)]];
  const BookOutMonth& ofo = table.rows[at[static_cast<std::size_t>(BookOutComponent::kOfo)]];
  const ValueColumns& where_in_row =
      columns[at[static_cast<std::size_t>(BookOutComponent::kTotalCbp)]];
  for (std::size_t v = 0; v < kValueCount; ++v) {
    const auto t = value_of(row, v);
    const auto u = value_of(usbp, v);
    const auto o = value_of(ofo, v);
    const std::string name(kOhssBookOutsColumns[kTotalColumn + v]);
    const std::string where = " (" + month.to_string() + ")";
    if (!t) {
      if (u || o) {
        errors.push_back({table.file, row.line, where_in_row[v],
                          "Total CBP " + name + " is X but USBP + OFO is " +
                              util::grouped(u.value_or(0) + o.value_or(0)) + where});
      }
      continue;
    }
    if (!u && !o) {
      errors.push_back({table.file, row.line, where_in_row[v],
                        "Total CBP " + name + " is " + util::grouped(*t) +
                            " but USBP and OFO are both X" + where});
      continue;
    }
    const std::int64_t sum = u.value_or(0) + o.value_or(0);
    const std::int64_t allowed = 3 * kRoundingPerCell;  // three rounded cells
    if (std::llabs(*t - sum) > allowed) {
      errors.push_back({table.file, row.line, where_in_row[v],
                        "Total CBP " + name + " " + util::grouped(*t) +
                            " is not USBP + OFO = " + util::grouped(u.value_or(0)) + " + " +
                            util::grouped(o.value_or(0)) + " = " + util::grouped(sum) +
                            " within rounding (±" + std::to_string(allowed) + ")" + where});
    }
  }
}

}  // namespace

std::optional<BookOutOutcome> book_out_outcome(std::string_view measure) {
  for (int o = 0; o < kBookOutOutcomeCount; ++o) {
    if (kBookOutOutcomeMeasures[o] == measure) return static_cast<BookOutOutcome>(o);
  }
  return std::nullopt;
}

std::int64_t BookOutMonth::outcome(BookOutOutcome o) const {
  return outcomes[static_cast<std::size_t>(o)].value_or(0);
}

const BookOutMonth* OhssBookOutsTable::find(BookOutComponent c, util::YearMonth m) const& {
  for (const BookOutMonth& row : rows) {
    if (row.component == c && row.month == m) return &row;
  }
  return nullptr;
}

OhssBookOutsTable parse_ohss_bookouts_by_agency(std::string_view bytes, std::string file) {
  OhssBookOutsTable table;
  table.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kOhssBookOutsColumns),
                                              std::end(kOhssBookOutsColumns));
  const std::vector<std::string_view> components(std::begin(kBookOutComponents),
                                                 std::end(kBookOutComponents));
  std::vector<ValueColumns> value_columns;     // parallel to table.rows
  detail::MonthCategories months(components);  // repeats, and Total CBP against its parts

  detail::for_each_record(
      bytes, columns, table.file, table.errors, table.data_rows, [&](detail::Record& rec) {
        const auto month =
            detail::parse_month_and_fiscal_year(rec, kMonthColumn, kFiscalYearColumn);
        int component = -1;
        for (int c = 0; c < kBookOutComponentCount; ++c) {
          if (rec.text(kComponentColumn) == kBookOutComponents[c]) component = c;
        }
        if (component < 0) {
          rec.fail(kComponentColumn, detail::unknown_value_message(
                                         "component", rec.text(kComponentColumn), components));
        }
        BookOutMonth row;
        ValueColumns row_columns{};
        const auto total = detail::parse_count(rec.text(kTotalColumn));
        if (rec.text(kTotalColumn).empty()) {
          rec.fail(kTotalColumn, "empty total_encounters (X, not applicable, is not allowed here)");
        } else if (!total) {
          rec.fail(kTotalColumn, "total_encounters " + detail::quote_text(rec.text(kTotalColumn)) +
                                     " is not a whole number");
        }
        row_columns[0] = rec.field(kTotalColumn).column;
        for (int o = 0; o < kBookOutOutcomeCount; ++o) {
          const std::size_t column = kFirstOutcomeColumn + static_cast<std::size_t>(o);
          const std::string& text = rec.text(column);
          const auto outcome = static_cast<BookOutOutcome>(o);
          const std::string name(kOhssBookOutsColumns[column]);
          row_columns[1 + o] = rec.field(column).column;
          if (text.empty()) {
            if (component >= 0 && !may_be_x(static_cast<BookOutComponent>(component), outcome)) {
              rec.fail(column, "empty " + name + " for " +
                                   std::string(kBookOutComponents[component]) +
                                   " (X, not applicable, is allowed only for t42_expulsions, "
                                   "migrant_protection_protocols, OFO's usbp_releases and USBP's "
                                   "ofo_paroles)");
            }
            continue;
          }
          const auto value = detail::parse_count(text);
          if (!value) {
            rec.fail(column,
                     name + " " + detail::quote_text(text) + " is not a whole number or empty (X)");
            continue;
          }
          if (component >= 0 && must_be_x(static_cast<BookOutComponent>(component), outcome)) {
            rec.fail(column, name + " " + detail::quote_text(text) + " for " +
                                 std::string(kBookOutComponents[component]) +
                                 " (must be empty, X: " +
                                 (outcome == BookOutOutcome::kOfoParoles
                                      ? "Border Patrol does not parole at ports)"
                                      : "ports do not release on Border Patrol's authority)"));
            continue;
          }
          row.outcomes[static_cast<std::size_t>(o)] = value;
        }
        // Parts against the total, within rounding (see the header).
        bool unbalanced = false;
        if (!rec.failed()) {
          std::int64_t sum = 0;
          int cells_given = 0;
          for (const auto& value : row.outcomes) {
            if (value) {
              sum += *value;
              ++cells_given;
            }
          }
          const std::int64_t allowed = kRoundingPerCell * (cells_given + 1);
          const bool usbp = component == static_cast<int>(BookOutComponent::kUsbp);
          const bool within = std::llabs(sum - *total) <= allowed;
          unbalanced = !within && !usbp;
          if (!within && usbp) {
            rec.fail(kTotalColumn,
                     "USBP outcomes add up to " + util::grouped(sum) + ", total_encounters is " +
                         util::grouped(*total) + ": off by " + util::grouped(sum - *total) +
                         ", more than rounding allows (±" + std::to_string(allowed) + " for " +
                         std::to_string(cells_given) + " outcomes and the total)");
          }
        }
        if (!months.admit(rec, month, component, table.rows.size())) return;
        row.line = rec.line();
        row.month = *month;
        row.fiscal_year = detail::fiscal_year_of(*month);
        row.component = static_cast<BookOutComponent>(component);
        row.total_encounters = *total;
        if (unbalanced) table.unbalanced_lines.push_back(row.line);
        table.rows.push_back(row);
        value_columns.push_back(row_columns);
      });

  // Total CBP against USBP + OFO, month by month (errors after the rows' own, by month).
  months.check_months(table.file, "Total CBP is checked against USBP + OFO", table.errors,
                      [&](util::YearMonth month, const std::vector<std::size_t>& rows) {
                        check_components(table, value_columns, month, rows, table.errors);
                      });
  return table;
}

}  // namespace bf::ingest
