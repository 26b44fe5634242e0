#include "ingest/data_ice_detention.h"

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>
#include <utility>

#include "ingest/data_fields.h"
#include "util/csv_reader.h"

namespace bf::ingest {
namespace {

// Fiscal months in fiscal order: October is month 1 of the fiscal year.
constexpr std::array<std::string_view, 12> kFiscalMonths = {
    "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"};

std::string unknown_name(std::string_view what, std::string_view text,
                         const std::vector<std::string_view>& candidates) {
  std::string message = "unknown " + std::string(what) + " " + detail::quote_text(text);
  if (auto near = nearest_name(text, candidates)) {
    message += " (did you mean " + detail::quote_text(*near) + "?)";
  }
  message += "; expected one of ";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) message += ", ";
    message += candidates[i];
  }
  return message;
}

// "adp_by_arresting_agency "CBP" "Total" 2023-12": a row's key in messages.
std::string describe(const IceDetentionRow& row) {
  return std::string(kIceTableNames[static_cast<int>(row.table)]) + " " +
         detail::quote_text(row.category) + " " + detail::quote_text(row.criminality) + " " +
         row.month.to_string();
}

struct Candidate {
  IceDetentionRow row;
  std::string value_text;  // as in the file, for messages
};

}  // namespace

std::map<util::YearMonth, double> IceDetentionTable::monthly(IceTable table,
                                                             std::string_view category,
                                                             std::string_view criminality) const {
  std::map<util::YearMonth, double> out;
  for (const IceDetentionRow& row : rows) {
    if (row.table == table && row.category == category && row.criminality == criminality) {
      out[row.month] = row.value;  // rows in effect have one value per month (see the header)
    }
  }
  return out;
}

IceDetentionTable parse_ice_detention(std::string_view bytes, std::string file) {
  IceDetentionTable table;
  table.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kIceDetentionColumns),
                                              std::end(kIceDetentionColumns));

  const std::vector<std::string_view> table_names(std::begin(kIceTableNames),
                                                  std::end(kIceTableNames));
  const std::vector<std::string_view> average_agencies(std::begin(kIceAverageAgencies),
                                                       std::end(kIceAverageAgencies));
  const std::vector<std::string_view> book_in_agencies(std::begin(kIceBookInAgencies),
                                                       std::end(kIceBookInAgencies));
  const std::vector<std::string_view> criminalities(std::begin(kIceCriminalities),
                                                    std::end(kIceCriminalities));
  const std::vector<std::string_view> months(kFiscalMonths.begin(), kFiscalMonths.end());

  // Pass 1: check every row; a repeat within one workbook is an error unless its value is
  // the same. Key: (source, table, category, criminality, month index) -> candidate.
  std::vector<Candidate> candidates;
  std::map<std::tuple<std::string, int, std::string, std::string, int>, std::size_t> first;
  std::map<std::string, int> workbook_year;  // source -> latest fiscal year of its rows
  detail::for_each_record(
      bytes, columns, table.file, table.errors, table.data_rows, [&](detail::Record& rec) {
        if (rec.field(0).text.empty()) rec.fail(0, "empty source file");
        const auto fiscal_year = detail::parse_small_int(rec.field(1).text);
        if (!fiscal_year || *fiscal_year < 1900 || *fiscal_year > 9999) {
          rec.fail(1, "fiscal year " + detail::quote_text(rec.field(1).text) + " is not a year");
        }
        int kind = -1;
        for (int t = 0; t < kIceTableCount; ++t) {
          if (rec.field(2).text == kIceTableNames[t]) kind = t;
        }
        if (kind < 0) rec.fail(2, unknown_name("table", rec.field(2).text, table_names));
        const std::string& category = rec.field(3).text;
        const std::string& criminality = rec.field(4).text;
        if (kind == static_cast<int>(IceTable::kFinalBookOuts)) {
          if (category.empty()) rec.fail(3, "empty release reason");
        } else if (kind >= 0) {
          const auto& agencies = kind == static_cast<int>(IceTable::kInitialBookIns)
                                     ? book_in_agencies
                                     : average_agencies;
          if (std::find(agencies.begin(), agencies.end(), category) == agencies.end()) {
            rec.fail(3, unknown_name("arresting agency", category, agencies));
          }
        }
        if (kind == static_cast<int>(IceTable::kInitialBookIns)) {
          if (!criminality.empty()) {
            rec.fail(4,
                     "criminality " + detail::quote_text(criminality) +
                         " given for initial book-ins (published by agency only: leave it empty)");
          }
        } else if (kind >= 0 && std::find(criminalities.begin(), criminalities.end(),
                                          criminality) == criminalities.end()) {
          rec.fail(4, unknown_name("criminality", criminality, criminalities));
        }
        const auto month = std::find(months.begin(), months.end(), rec.field(5).text);
        if (month == months.end()) {
          rec.fail(5, "month " + detail::quote_text(rec.field(5).text) +
                          " is not a fiscal month Oct..Sep (English, three letters)");
        }
        const auto value = detail::parse_decimal(rec.field(6).text);
        if (!value) {
          rec.fail(6, "value " + detail::quote_text(rec.field(6).text) +
                          " is not a decimal number >= 0 (like 26089.29)");
        }
        if (rec.failed()) return;

        // Fiscal month 1..3 (Oct..Dec) of fiscal year N is in calendar year N-1.
        const int fiscal_month = static_cast<int>(month - months.begin()) + 1;
        const util::YearMonth calendar{fiscal_month <= 3 ? *fiscal_year - 1 : *fiscal_year,
                                       (fiscal_month + 8) % 12 + 1};
        Candidate candidate{{rec.line(), rec.field(0).text, *fiscal_year,
                             static_cast<IceTable>(kind), category, criminality, calendar, *value},
                            rec.field(6).text};
        const auto [it, inserted] = first.emplace(
            std::tuple{rec.field(0).text, kind, category, criminality, calendar.index()},
            candidates.size());
        if (!inserted) {
          const Candidate& earlier = candidates[it->second];
          if (earlier.row.value == *value) {
            ++table.repeated_rows;
          } else {
            rec.fail_record("duplicate row: " + describe(candidate.row) + " of " +
                            detail::quote_text(rec.field(0).text) + " already on line " +
                            std::to_string(earlier.row.line) + " with value " + earlier.value_text);
          }
          return;
        }
        int& year = workbook_year[rec.field(0).text];
        year = std::max(year, *fiscal_year);
        candidates.push_back(std::move(candidate));
      });

  // Pass 2: between workbooks, the rows of the latest fiscal year win (see the header). Each
  // key is decided over all its rows, so the result does not depend on the order of rows.
  std::map<std::tuple<int, std::string, std::string, int>, std::vector<std::size_t>> by_key;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const IceDetentionRow& row = candidates[c].row;
    by_key[{static_cast<int>(row.table), row.category, row.criminality, row.month.index()}]
        .push_back(c);
  }
  std::vector<bool> kept(candidates.size(), false);
  std::vector<DataError> conflicts;
  for (const auto& [key, group] : by_key) {
    int latest = 0;
    for (std::size_t c : group)
      latest = std::max(latest, workbook_year[candidates[c].row.source_file]);
    std::optional<std::size_t> winner;
    for (std::size_t c : group) {
      const IceDetentionRow& row = candidates[c].row;
      if (workbook_year[row.source_file] != latest) {
        ++table.superseded_rows;
      } else if (!winner) {
        winner = c;
        kept[c] = true;
      } else if (candidates[*winner].row.value == row.value) {
        ++table.repeated_rows;
      } else {
        const Candidate& first_row = candidates[*winner];
        conflicts.push_back({table.file, row.line, 0,
                             "conflicting row: " + describe(row) + " already on line " +
                                 std::to_string(first_row.row.line) + " from " +
                                 detail::quote_text(first_row.row.source_file) + " with value " +
                                 first_row.value_text + ", a workbook of the same fiscal year " +
                                 std::to_string(latest) + " (keep one of them)"});
      }
    }
  }
  std::sort(conflicts.begin(), conflicts.end(),
            [](const DataError& a, const DataError& b) { return a.line < b.line; });
  table.errors.insert(table.errors.end(), conflicts.begin(), conflicts.end());
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (kept[c]) table.rows.push_back(std::move(candidates[c].row));
  }
  return table;
}

}  // namespace bf::ingest
