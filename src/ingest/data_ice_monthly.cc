#include "ingest/data_ice_monthly.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>

#include "ingest/data_fields.h"

namespace bf::ingest {
namespace {

// Columns of kIceAdpColumns / kIceBookInColumns by index.
constexpr std::size_t kMonthColumn = 0, kFiscalYearColumn = 1, kAgencyColumn = 2, kValueColumn = 3,
                      kPartialColumn = 4, kFileDateColumn = 5, kPullDateColumn = 6;

// How far the total may be from CBP + ICE, in people (see the header).
constexpr double kSumTolerance = 0.01;

// What the value column holds.
enum class ValueKind : std::uint8_t {
  kDecimal,  // ADP
  kCount     // book-ins
};

// The release a fiscal year's rows come from, as first seen.
struct Release {
  util::Date file_date;
  util::Date pull_date;
  int line = 0;
};

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

// A date YYYY-MM-DD in `column` (named `name` in messages).
std::optional<util::Date> parse_date(detail::Record& rec, std::size_t column,
                                     std::string_view name) {
  const auto date = util::Date::parse(rec.text(column));
  if (!date) {
    rec.fail(column, std::string(name) + " " + detail::quote_text(rec.text(column)) +
                         " is not a date YYYY-MM-DD");
  }
  return date;
}

IceMonthlySeries parse_ice_monthly(std::string_view bytes, std::string file,
                                   const std::vector<std::string_view>& columns,
                                   const std::string_view (&names)[kIceAgencyCount],
                                   ValueKind kind) {
  IceMonthlySeries series;
  series.file = std::move(file);
  const std::vector<std::string_view> agencies(std::begin(names), std::end(names));
  const std::string value_name(columns[kValueColumn]);
  std::vector<int> value_columns;            // parallel to rows
  detail::MonthCategories months(agencies);  // repeats, and the total against its parts
  std::map<int, Release> releases;           // fiscal year -> release

  detail::for_each_record(
      bytes, columns, series.file, series.errors, series.data_rows, [&](detail::Record& rec) {
        const auto month =
            detail::parse_month_and_fiscal_year(rec, kMonthColumn, kFiscalYearColumn);
        int agency = -1;
        for (int a = 0; a < kIceAgencyCount; ++a) {
          if (rec.text(kAgencyColumn) == names[a]) agency = a;
        }
        if (agency < 0) {
          rec.fail(kAgencyColumn, detail::unknown_value_message(columns[kAgencyColumn],
                                                                rec.text(kAgencyColumn), agencies));
        }
        const std::string& value_text = rec.text(kValueColumn);
        std::optional<double> value;
        if (kind == ValueKind::kDecimal) {
          value = detail::parse_decimal(value_text);
          if (!value) {
            rec.fail(kValueColumn, value_name + " " + detail::quote_text(value_text) +
                                       " is not a decimal number >= 0 (like 24216.45)");
          }
        } else if (const auto count = detail::parse_count(value_text)) {
          value = static_cast<double>(*count);
        } else {
          rec.fail(kValueColumn,
                   value_name + " " + detail::quote_text(value_text) + " is not a whole number");
        }
        const std::string& partial_text = rec.text(kPartialColumn);
        if (partial_text != "0" && partial_text != "1") {
          rec.fail(kPartialColumn,
                   "partial_month " + detail::quote_text(partial_text) + " is not 0 or 1");
        }
        const auto file_date = parse_date(rec, kFileDateColumn, columns[kFileDateColumn]);
        const auto pull_date = parse_date(rec, kPullDateColumn, columns[kPullDateColumn]);
        const bool partial_known = partial_text == "0" || partial_text == "1";
        const bool partial = partial_text == "1";

        // A month is partial exactly when the release was pulled during it (see the header).
        if (month && pull_date) {
          const util::YearMonth pulled = pull_date->year_month();
          if (*month > pulled) {
            rec.fail(kMonthColumn, "month " + month->to_string() + " is after source_pull_date " +
                                       pull_date->to_string() +
                                       " (a release cannot hold it: mislabelled release?)");
          } else if (partial_known && partial != (*month == pulled)) {
            rec.fail(kPartialColumn,
                     partial ? "partial_month 1 for " + month->to_string() +
                                   ", before the month of source_pull_date " +
                                   pull_date->to_string() + " (expected 0: complete)"
                             : "partial_month 0 for " + month->to_string() +
                                   ", the month of source_pull_date " + pull_date->to_string() +
                                   " (expected 1: it was running when the release was pulled)");
          }
        }
        // One release per fiscal year.
        if (month && file_date && pull_date) {
          const auto [it, inserted] = releases.try_emplace(
              detail::fiscal_year_of(*month), Release{*file_date, *pull_date, rec.line()});
          const Release& first = it->second;
          if (!inserted && (first.file_date != *file_date || first.pull_date != *pull_date)) {
            const bool pull = first.pull_date != *pull_date;
            rec.fail(pull ? kPullDateColumn : kFileDateColumn,
                     std::string(pull ? "source_pull_date " : "source_file_date ") +
                         (pull ? pull_date : file_date)->to_string() + " differs from " +
                         (pull ? first.pull_date : first.file_date).to_string() + " on line " +
                         std::to_string(first.line) + ", a row of the same fiscal year " +
                         std::to_string(detail::fiscal_year_of(*month)) +
                         " (one release per fiscal year)");
          }
        }
        if (!months.admit(rec, month, agency, series.rows.size())) return;
        series.rows.push_back({rec.line(), *month, detail::fiscal_year_of(*month),
                               static_cast<IceAgency>(agency), *value, partial, *file_date,
                               *pull_date});
        value_columns.push_back(rec.field(kValueColumn).column);
      });

  // Every month has the three agencies, and the total is CBP + ICE.
  months.check_months(
      series.file, "the total is checked against CBP + ICE", series.errors,
      [&](util::YearMonth month, const std::vector<std::size_t>& at) {
        const IceMonthlyRow& total = series.rows[at[static_cast<std::size_t>(IceAgency::kTotal)]];
        const double parts = series.rows[at[static_cast<std::size_t>(IceAgency::kCbp)]].value +
                             series.rows[at[static_cast<std::size_t>(IceAgency::kIce)]].value;
        if (std::fabs(total.value - parts) > kSumTolerance) {
          series.errors.push_back({series.file, total.line,
                                   value_columns[at[static_cast<std::size_t>(IceAgency::kTotal)]],
                                   std::string(names[0]) + " " + number(total.value) + " for " +
                                       month.to_string() + " is not CBP + ICE = " + number(parts) +
                                       " (within " + number(kSumTolerance) + ")"});
        }
      });
  return series;
}

}  // namespace

std::map<util::YearMonth, double> IceMonthlySeries::monthly(IceAgency agency,
                                                            bool include_partial) const {
  std::map<util::YearMonth, double> out;
  for (const IceMonthlyRow& row : rows) {
    if (row.agency == agency && (include_partial || !row.partial_month)) {
      out[row.month] = row.value;  // one row per agency and month (a repeat is an error)
    }
  }
  return out;
}

IceMonthlySeries parse_ice_adp_by_agency(std::string_view bytes, std::string file) {
  const std::vector<std::string_view> columns(std::begin(kIceAdpColumns), std::end(kIceAdpColumns));
  return parse_ice_monthly(bytes, std::move(file), columns, kIceAdpAgencyNames,
                           ValueKind::kDecimal);
}

IceMonthlySeries parse_ice_book_ins_by_agency(std::string_view bytes, std::string file) {
  const std::vector<std::string_view> columns(std::begin(kIceBookInColumns),
                                              std::end(kIceBookInColumns));
  return parse_ice_monthly(bytes, std::move(file), columns, kIceBookInAgencyNames,
                           ValueKind::kCount);
}

}  // namespace bf::ingest
