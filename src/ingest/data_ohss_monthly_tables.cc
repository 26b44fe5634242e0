#include "ingest/data_ohss_monthly_tables.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <tuple>
#include <utility>

#include "ingest/data_fields.h"

namespace bf::ingest {
namespace {

// Columns of kOhssMonthlyTablesColumns by index.
constexpr std::size_t kSheetColumn = 0, kFiscalYearColumn = 1, kMonthColumn = 2,
                      kCalMonthColumn = 3, kGroupColumn = 4, kMeasureColumn = 5, kValueColumn = 6,
                      kFlagColumn = 7;

constexpr std::string_view kTotalMonth = "Total";

// Each rounded cell is within 5 of its true value.
constexpr std::int64_t kRoundingPerCell = 5;

// What a known sheet's `group` may be.
enum class GroupRule : std::uint8_t {
  kListed,       // one of `groups`
  kAnyNonEmpty,  // free text (citizenships), not empty
  kEmpty         // no group
};

struct SheetLayout {
  std::string_view sheet;
  GroupRule group_rule = GroupRule::kListed;
  std::vector<std::string_view> groups;  // kListed
  std::vector<std::string_view> measures;
};

std::vector<std::string_view> book_out_measures() {
  std::vector<std::string_view> out{kBookOutTotalMeasure};
  out.insert(out.end(), std::begin(kBookOutOutcomeMeasures), std::end(kBookOutOutcomeMeasures));
  return out;
}

std::vector<SheetLayout> known_layouts() {
  return {
      {kOhssBookOutsByAgencySheet,
       GroupRule::kListed,
       {std::begin(kBookOutComponents), std::end(kBookOutComponents)},
       book_out_measures()},
      {kOhssBookOutsByFamilySheet,
       GroupRule::kListed,
       {std::begin(kOhssBookOutFamilyGroups), std::end(kOhssBookOutFamilyGroups)},
       book_out_measures()},
      {kOhssBookOutsByCitizenshipSheet, GroupRule::kAnyNonEmpty, {}, book_out_measures()},
      {kOhssIceBookInsByAgencySheet,
       GroupRule::kEmpty,
       {},
       {std::begin(kOhssIceBookInMeasures), std::end(kOhssIceBookInMeasures)}},
      {kOhssIceRemovalsByAgencySheet,
       GroupRule::kEmpty,
       {},
       {std::begin(kOhssIceBookInMeasures), std::end(kOhssIceBookInMeasures)}},
      {kOhssIceBookOutsByAgencySheet,
       GroupRule::kListed,
       {std::begin(kOhssIceArrestAgencies), std::end(kOhssIceArrestAgencies)},
       {std::begin(kOhssIceBookOutReasons), std::end(kOhssIceBookOutReasons)}},
  };
}

bool is_book_out_sheet(std::string_view sheet) {
  return sheet == kOhssBookOutsByAgencySheet || sheet == kOhssBookOutsByFamilySheet ||
         sheet == kOhssBookOutsByCitizenshipSheet;
}

// Checks a known sheet's group and measure on the record.
void check_layout(detail::Record& rec, const SheetLayout& layout) {
  const std::string& group = rec.text(kGroupColumn);
  const std::string what = " of sheet " + detail::quote_text(layout.sheet);
  switch (layout.group_rule) {
    case GroupRule::kListed:
      if (std::find(layout.groups.begin(), layout.groups.end(), group) == layout.groups.end()) {
        rec.fail(kGroupColumn, detail::unknown_value_message("group", group, layout.groups) + what);
      }
      break;
    case GroupRule::kAnyNonEmpty:
      if (group.empty()) rec.fail(kGroupColumn, "empty group" + what + " (a citizenship)");
      break;
    case GroupRule::kEmpty:
      if (!group.empty()) {
        rec.fail(kGroupColumn, "group " + detail::quote_text(group) + what +
                                   " (expected none: it has no groups)");
      }
      break;
  }
  const std::string& measure = rec.text(kMeasureColumn);
  if (std::find(layout.measures.begin(), layout.measures.end(), measure) == layout.measures.end()) {
    rec.fail(kMeasureColumn,
             detail::unknown_value_message("measure", measure, layout.measures) + what);
  }
}

// The value and flag of a record: a count, or empty with X or NA. nullopt after reporting a
// problem.
struct Value {
  std::optional<std::int64_t> value;
  OhssFlag flag = OhssFlag::kNone;
};
std::optional<Value> parse_value(detail::Record& rec) {
  const std::string& text = rec.text(kValueColumn);
  const std::string& flag_text = rec.text(kFlagColumn);
  OhssFlag flag = OhssFlag::kNone;
  if (flag_text == "X") {
    flag = OhssFlag::kNotApplicable;
  } else if (flag_text == "NA") {
    flag = OhssFlag::kNotAvailable;
  } else if (!flag_text.empty()) {
    rec.fail(kFlagColumn, "value_flag " + detail::quote_text(flag_text) +
                              " is not X (not applicable), NA (not available) or empty");
    return std::nullopt;
  }
  if (text.empty()) {
    if (flag == OhssFlag::kNone) {
      rec.fail(kValueColumn, "empty value without a value_flag (X or NA says why it is empty)");
      return std::nullopt;
    }
    return Value{std::nullopt, flag};
  }
  if (flag != OhssFlag::kNone) {
    rec.fail(kFlagColumn, "value_flag " + detail::quote_text(flag_text) + " with value " +
                              detail::quote_text(text) + " (a flag is only for an empty value)");
    return std::nullopt;
  }
  const auto count = detail::parse_count(text);
  if (!count) {
    rec.fail(kValueColumn, "value " + detail::quote_text(text) + " is not a whole number");
    return std::nullopt;
  }
  return Value{count, OhssFlag::kNone};
}

// The calendar month of a month row, checked against its month name and fiscal year; nullopt
// after reporting a problem.
std::optional<util::YearMonth> parse_month(detail::Record& rec, int fiscal_year) {
  const std::string& name = rec.text(kMonthColumn);
  const auto* found =
      std::find(std::begin(detail::kMonthNames), std::end(detail::kMonthNames), name);
  if (found == std::end(detail::kMonthNames)) {
    std::vector<std::string_view> names(std::begin(detail::kMonthNames),
                                        std::end(detail::kMonthNames));
    names.push_back(kTotalMonth);
    std::string message =
        "month " + detail::quote_text(name) + " is not an English month name or Total";
    if (auto near = nearest_name(name, names)) {
      message += " (did you mean " + detail::quote_text(*near) + "?)";
    }
    rec.fail(kMonthColumn, message);
    return std::nullopt;
  }
  const std::string& text = rec.text(kCalMonthColumn);
  const auto month = util::YearMonth::parse(text);
  if (!month) {
    rec.fail(kCalMonthColumn, "cal_month " + detail::quote_text(text) +
                                  " is not YYYY-MM (like 2023-12; empty only on Total rows)");
    return std::nullopt;
  }
  if (detail::kMonthNames[month->month - 1] != name) {
    rec.fail(kMonthColumn, "month " + detail::quote_text(name) + " does not match cal_month " +
                               month->to_string());
    return std::nullopt;
  }
  if (detail::fiscal_year_of(*month) != fiscal_year) {
    rec.fail(kFiscalYearColumn, "fiscal year " + std::to_string(fiscal_year) +
                                    " does not match cal_month " + month->to_string() +
                                    " (fiscal year " +
                                    std::to_string(detail::fiscal_year_of(*month)) +
                                    ": October to December belong to the next one)");
    return std::nullopt;
  }
  return month;
}

// A fiscal-year Total row of a sheet asked for, kept until the months are all read.
struct TotalRow {
  int line = 0;
  const std::vector<OhssCell>* sheet = nullptr;  // its kept cells
  std::string sheet_name, group, measure;
  int fiscal_year = 0;
  std::optional<std::int64_t> value;
};

// A cell's place in its sheet's sorted cells. Views, so a key can be built from the
// string_views of a lookup too (a tuple of std::string does not compare with one of views
// under every compiler).
using CellKey = std::tuple<std::string_view, std::string_view, util::YearMonth>;
CellKey key_of(const OhssCell& cell) { return {cell.group, cell.measure, cell.month}; }

bool cell_less(const OhssCell& a, const OhssCell& b) { return key_of(a) < key_of(b); }

// Sorts a sheet's cells and reports repeated keys at the later line; the repeats are not
// kept (nor summed into a total).
void sort_and_check_repeats(const std::string& file, const std::string& sheet,
                            std::vector<OhssCell>& cells, std::vector<DataError>& errors) {
  std::stable_sort(cells.begin(), cells.end(), cell_less);  // equal keys stay in line order
  std::size_t kept = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (kept > 0 && !cell_less(cells[kept - 1], cells[i])) {
      const OhssCell& first = cells[kept - 1];
      errors.push_back({file, cells[i].line, 0,
                        "duplicate row: sheet " + detail::quote_text(sheet) + " group " +
                            detail::quote_text(first.group) + " measure " +
                            detail::quote_text(first.measure) + " " + first.month.to_string() +
                            " already on line " + std::to_string(first.line)});
      continue;
    }
    if (kept != i) cells[kept] = std::move(cells[i]);
    ++kept;
  }
  cells.resize(kept);
}

// Compares the fiscal-year totals with the sums of their months (see the header).
void check_totals(OhssMonthlyTables& tables, const std::vector<TotalRow>& totals) {
  struct Sum {
    std::int64_t sum = 0;
    int months = 0;
  };
  // (sheet, group, measure, fiscal year) -> the months with a value.
  std::map<std::tuple<const std::vector<OhssCell>*, std::string_view, std::string_view, int>, Sum>
      sums;
  for (const auto& [name, cells] : tables.sheets) {
    for (const OhssCell& cell : cells) {
      if (!cell.value) continue;
      Sum& s = sums[{&cells, cell.group, cell.measure, detail::fiscal_year_of(cell.month)}];
      s.sum += *cell.value;
      ++s.months;
    }
  }
  std::map<std::tuple<const std::vector<OhssCell>*, std::string_view, std::string_view, int>, int>
      first_line;
  for (const TotalRow& total : totals) {
    const auto key = std::tuple{total.sheet, std::string_view(total.group),
                                std::string_view(total.measure), total.fiscal_year};
    const auto [it, inserted] = first_line.emplace(key, total.line);
    if (!inserted) {
      tables.errors.push_back({tables.file, total.line, 0,
                               "duplicate row: sheet " + detail::quote_text(total.sheet_name) +
                                   " group " + detail::quote_text(total.group) + " measure " +
                                   detail::quote_text(total.measure) + " fiscal year " +
                                   std::to_string(total.fiscal_year) + " Total already on line " +
                                   std::to_string(it->second)});
      continue;
    }
    const auto found = sums.find(key);
    const Sum s = found == sums.end() ? Sum{} : found->second;
    const bool off = total.value
                         ? std::llabs(*total.value - s.sum) > kRoundingPerCell * (s.months + 1)
                         : s.months > 0;
    if (off) {
      tables.total_mismatches.push_back({total.line, total.sheet_name, total.group, total.measure,
                                         total.fiscal_year, total.value, s.sum, s.months});
    }
  }
}

}  // namespace

const OhssCell* OhssMonthlyTables::find(std::string_view sheet, std::string_view group,
                                        std::string_view measure, util::YearMonth m) const& {
  const auto it = sheets.find(sheet);
  if (it == sheets.end()) return nullptr;
  const CellKey key{group, measure, m};
  const auto at =
      std::lower_bound(it->second.begin(), it->second.end(), key,
                       [](const OhssCell& cell, const CellKey& k) { return key_of(cell) < k; });
  if (at == it->second.end() || key_of(*at) != key) {
    return nullptr;
  }
  return &*at;
}

std::optional<std::int64_t> OhssMonthlyTables::value(std::string_view sheet, std::string_view group,
                                                     std::string_view measure,
                                                     util::YearMonth m) const {
  const OhssCell* cell = find(sheet, group, measure, m);
  return cell ? cell->value : std::nullopt;
}

std::map<util::YearMonth, std::optional<std::int64_t>> OhssMonthlyTables::series(
    std::string_view sheet, std::string_view group, std::string_view measure) const {
  std::map<util::YearMonth, std::optional<std::int64_t>> out;
  const auto it = sheets.find(sheet);
  if (it == sheets.end()) return out;
  // The cells are sorted by group, measure and month: the series is one run of them.
  auto at = std::lower_bound(
      it->second.begin(), it->second.end(), std::pair{group, measure},
      [](const OhssCell& cell, const std::pair<std::string_view, std::string_view>& k) {
        return std::pair<std::string_view, std::string_view>(cell.group, cell.measure) < k;
      });
  for (; at != it->second.end() && at->group == group && at->measure == measure; ++at) {
    out[at->month] = at->value;
  }
  return out;
}

OhssMonthlyTables parse_ohss_monthly_tables(std::string_view bytes, std::string file,
                                            const std::vector<std::string_view>& sheets) {
  OhssMonthlyTables tables;
  tables.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kOhssMonthlyTablesColumns),
                                              std::end(kOhssMonthlyTablesColumns));
  const std::vector<SheetLayout> layouts = known_layouts();
  std::set<std::string, std::less<>> present;  // every sheet of the file
  std::vector<TotalRow> totals;

  // What the last sheet name seen stands for: rows of one sheet are usually together, so the
  // name is looked up only when it changes.
  std::string current;
  bool have_current = false;
  std::vector<OhssCell>* keep = nullptr;  // its cells, when asked for
  const SheetLayout* layout = nullptr;    // its layout, when known

  const bool read = detail::stream_records(
      bytes, columns, tables.file, tables.errors, tables.data_rows, [&](detail::Record& rec) {
        const std::string& sheet = rec.text(kSheetColumn);
        if (!have_current || sheet != current) {
          current = sheet;
          have_current = true;
          present.insert(sheet);
          keep = nullptr;
          if (std::find(sheets.begin(), sheets.end(), sheet) != sheets.end()) {
            keep = &tables.sheets[sheet];
          }
          layout = nullptr;
          for (const SheetLayout& l : layouts) {
            if (l.sheet == sheet) layout = &l;
          }
        }
        if (sheet.empty()) rec.fail(kSheetColumn, "empty sheet");
        if (rec.text(kMeasureColumn).empty()) rec.fail(kMeasureColumn, "empty measure");
        if (layout) check_layout(rec, *layout);
        const auto fiscal_year = detail::parse_small_int(rec.text(kFiscalYearColumn));
        if (!fiscal_year || *fiscal_year < 1900 || *fiscal_year > 9999) {
          rec.fail(
              kFiscalYearColumn,
              "fiscal year " + detail::quote_text(rec.text(kFiscalYearColumn)) + " is not a year");
        }
        const bool is_total = rec.text(kMonthColumn) == kTotalMonth;
        std::optional<util::YearMonth> month;
        if (is_total) {
          if (!rec.text(kCalMonthColumn).empty()) {
            rec.fail(kCalMonthColumn, "cal_month " + detail::quote_text(rec.text(kCalMonthColumn)) +
                                          " on a fiscal-year Total row (expected empty)");
          }
        } else if (fiscal_year) {
          month = parse_month(rec, *fiscal_year);
        }
        const std::optional<Value> value = parse_value(rec);
        if (rec.failed()) return;
        if (is_total) {
          ++tables.total_rows;
          if (keep) {
            totals.push_back({rec.line(), keep, sheet, rec.text(kGroupColumn),
                              rec.text(kMeasureColumn), *fiscal_year, value->value});
          }
          return;
        }
        if (!keep) {
          ++tables.other_sheet_rows;
          return;
        }
        keep->push_back({rec.line(), *month, rec.text(kGroupColumn), rec.text(kMeasureColumn),
                         value->value, value->flag});
      });
  if (!read) {
    // A syntax error (or a bad header) leaves the rows before it: none is kept.
    tables.sheets.clear();
    return tables;
  }

  for (std::string_view asked : sheets) {
    if (present.count(asked)) continue;
    std::vector<std::string_view> names(present.begin(), present.end());
    std::string message = "sheet " + detail::quote_text(asked) + " is not in the file";
    if (auto near = nearest_name(asked, names)) {
      message += " (did you mean " + detail::quote_text(*near) + "?)";
    }
    message += names.empty() ? "; it has no rows that could be read" : "; its sheets:";
    for (std::size_t i = 0; i < names.size(); ++i) {
      message += (i ? ", " : " ") + detail::quote_text(names[i]);
    }
    tables.errors.push_back({tables.file, 0, 0, message});
  }
  for (auto& [name, cells] : tables.sheets) {
    sort_and_check_repeats(tables.file, name, cells, tables.errors);
  }
  check_totals(tables, totals);
  std::sort(tables.total_mismatches.begin(), tables.total_mismatches.end(),
            [](const OhssTotalMismatch& a, const OhssTotalMismatch& b) { return a.line < b.line; });
  return tables;
}

std::int64_t BookOutGroupMonth::outcome(BookOutOutcome o) const {
  return outcomes[static_cast<std::size_t>(o)].value_or(0);
}

const BookOutGroupMonth* BookOutsByGroup::find(std::string_view group, util::YearMonth m) const& {
  using Key = std::pair<std::string_view, util::YearMonth>;
  const auto at = std::lower_bound(
      rows.begin(), rows.end(), Key{group, m},
      [](const BookOutGroupMonth& row, const Key& key) { return Key(row.group, row.month) < key; });
  if (at == rows.end() || at->group != group || at->month != m) return nullptr;
  return &*at;
}

BookOutsByGroup book_outs_by_group(const OhssMonthlyTables& tables, std::string_view sheet) {
  BookOutsByGroup out;
  out.sheet = std::string(sheet);
  const auto it = tables.sheets.find(sheet);
  if (it == tables.sheets.end() || !is_book_out_sheet(sheet)) return out;
  // (group, month) -> row; the cells are sorted by group, so rows come out by group and month.
  std::map<std::pair<std::string_view, util::YearMonth>, BookOutGroupMonth> rows;
  for (const OhssCell& cell : it->second) {
    auto [at, inserted] = rows.try_emplace({cell.group, cell.month});
    BookOutGroupMonth& row = at->second;
    if (inserted) {
      row.line = cell.line;
      row.month = cell.month;
      row.group = cell.group;
    }
    row.line = std::min(row.line, cell.line);
    if (cell.measure == kBookOutTotalMeasure) {
      row.total_encounters = cell.value;
    } else if (const auto outcome = book_out_outcome(cell.measure)) {
      row.outcomes[static_cast<std::size_t>(*outcome)] = cell.value;
    }
  }
  out.rows.reserve(rows.size());
  for (auto& [key, row] : rows) out.rows.push_back(std::move(row));
  return out;
}

}  // namespace bf::ingest
