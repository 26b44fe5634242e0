#include "scenario/arrival_table.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "model/population.h"
#include "scenario/parameter_bounds.h"
#include "scenario/suggest.h"
#include "scenario/table_text.h"
#include "scenario/units.h"
#include "util/csv_reader.h"

namespace bf::scenario {
namespace {

constexpr std::string_view kPath = "arrivals.table";
constexpr int kCellsPerSectorMonth = model::kDemographicCount * model::kCitizenshipCount;
constexpr int kMaxListedCells = 4;

template <std::size_t N>
std::optional<int> key_index(const util::CsvField& field, int line, std::string_view what,
                             const std::array<std::string_view, N>& keys, int file,
                             DiagnosticSink& sink) {
  for (std::size_t i = 0; i < N; ++i) {
    if (keys[i] == field.text) return static_cast<int>(i);
  }
  sink.error(Location{file, line, field.column}, std::string(kPath),
             "unknown " + std::string(what) + " '" + field.text + "' in arrival table",
             did_you_mean_or_list(field.text, keys));
  return std::nullopt;
}

struct CellKey {
  int month_index;
  int sector;
  int demographic;
  int citizenship;
  auto operator<=>(const CellKey&) const = default;
};

void sort_levels(std::vector<model::ArrivalLevel>& levels) {
  std::sort(levels.begin(), levels.end(),
            [](const model::ArrivalLevel& a, const model::ArrivalLevel& b) {
              return std::make_tuple(a.month.index(), a.sector, a.demographic, a.citizenship) <
                     std::make_tuple(b.month.index(), b.sector, b.demographic, b.citizenship);
            });
}

}  // namespace

std::vector<model::ArrivalLevel> read_arrival_table(std::string_view contents, int file,
                                                    const std::optional<Horizon>& horizon,
                                                    DiagnosticSink& sink) {
  const std::string path(kPath);
  const std::optional<util::CsvDocument> document =
      parse_scenario_table(contents, file, kPath, "arrival table", kArrivalTableHeader, sink);
  if (!document) return {};
  const std::vector<util::CsvRecord>& records = document->records;
  const util::CsvRecord& header = records.front();
  const std::string header_line = header_text(header);
  const bool has_title42 = header_line == kArrivalTableHeaderWithTitle42;
  const std::size_t columns = has_title42 ? 6 : 5;
  const std::string expected_header(has_title42 ? kArrivalTableHeaderWithTitle42
                                                : kArrivalTableHeader);
  if ((header_line != kArrivalTableHeader || header.fields.size() != 5) &&
      (!has_title42 || header.fields.size() != 6)) {
    sink.error(Location{file, header.line, 1}, path,
               "arrival table header must be '" + std::string(kArrivalTableHeader) +
                   "' (optionally followed by ',title42_share')");
    return {};
  }

  // First line of each cell, to name it when the cell is written twice.
  std::map<CellKey, int> first_line;
  std::vector<model::ArrivalLevel> levels;
  const util::YearMonth first_month =
      horizon ? horizon->first_day.year_month() : util::YearMonth{-100000, 1};
  const util::YearMonth last_month =
      horizon ? horizon->last_day.year_month() : util::YearMonth{100000, 12};
  for (std::size_t r = 1; r < records.size(); ++r) {
    const util::CsvRecord& row = records[r];
    if (row.fields.size() != columns) {
      sink.error(Location{file, row.line, 1}, path,
                 "arrival table row has " + std::to_string(row.fields.size()) +
                     " fields; expected " + std::to_string(columns) + " (" + expected_header + ")");
      continue;
    }
    const std::size_t errors = sink.count();
    const std::optional<int> sector =
        key_index(row.fields[0], row.line, "sector", model::kSectorKeys, file, sink);
    const std::optional<util::YearMonth> month = util::YearMonth::parse(row.fields[1].text);
    if (!month) {
      sink.error(Location{file, row.line, row.fields[1].column}, path,
                 "arrival table month must be 'YYYY-MM', got '" + row.fields[1].text + "'");
    }
    const std::optional<int> demographic =
        key_index(row.fields[2], row.line, "demographic", model::kDemographicKeys, file, sink);
    const std::optional<int> citizenship =
        key_index(row.fields[3], row.line, "citizenship", model::kCitizenshipKeys, file, sink);
    const Parsed<double> value = parse_number(row.fields[4].text);
    if (!value.ok() || *value.value < 0.0) {
      sink.error(Location{file, row.line, row.fields[4].column}, path,
                 "arrival table encounters_per_day must be a number >= 0, got '" +
                     row.fields[4].text + "'");
    } else if (*value.value > kMaxEncountersPerDay) {
      sink.error(Location{file, row.line, row.fields[4].column}, path,
                 "arrival table encounters_per_day must be at most 10000000 (people a day in one "
                 "cell), got '" +
                     row.fields[4].text + "'");
    }
    double title42_share = 0.0;
    if (has_title42) {
      const Parsed<double> share = parse_number(row.fields[5].text);
      if (!share.ok() || !(*share.value >= 0.0 && *share.value <= 1.0)) {
        sink.error(Location{file, row.line, row.fields[5].column}, path,
                   "arrival table title42_share must be a number from 0 to 1, got '" +
                       row.fields[5].text + "'");
      } else {
        title42_share = *share.value;
      }
    }
    if (!sector || !month || !demographic || !citizenship) continue;

    // A row whose value is bad is still the cell's row: coverage does not report it missing.
    const CellKey key{month->index(), *sector, *demographic, *citizenship};
    const auto [it, inserted] = first_line.emplace(key, row.line);
    if (!inserted && sink.count() == errors) {
      sink.error(Location{file, row.line, 1}, path,
                 "duplicate arrival table row for " + std::string(model::kSectorKeys[*sector]) +
                     " " + month->to_string() + " " +
                     std::string(model::kDemographicKeys[*demographic]) + " " +
                     std::string(model::kCitizenshipKeys[*citizenship]),
                 "first written at line " + std::to_string(it->second));
      continue;
    }
    if (sink.count() != errors) continue;
    if (*month < first_month || *month > last_month) continue;
    levels.push_back(model::ArrivalLevel{
        *sector, *month, static_cast<model::Demographic>(*demographic),
        static_cast<model::Citizenship>(*citizenship), *value.value, title42_share});
  }

  // Coverage: every cell of every sector-month the run touches. Missing months are reported
  // once per month, missing cells once per sector-month, at most kMaxCoverageErrors in all.
  if (!horizon) {
    sort_levels(levels);
    return levels;
  }
  const Location at_header{file, header.line, 1};
  const std::string covered =
      horizon->first_day.to_string() + " to " + horizon->last_day.to_string();
  int reported = 0;
  int unreported = 0;
  const auto report = [&](std::string message, std::string hint) {
    if (reported < kMaxCoverageErrors) {
      sink.error(at_header, path, std::move(message), std::move(hint));
      ++reported;
    } else {
      ++unreported;
    }
  };
  // Cells present per (month index, sector), counted once rather than once per month.
  std::map<std::pair<int, int>, int> present_cells;
  for (const auto& [key, line] : first_line) ++present_cells[{key.month_index, key.sector}];
  for (util::YearMonth m = first_month; m <= last_month; m = m.next()) {
    std::array<int, model::kSectorCount> present{};
    for (int s = 0; s < model::kSectorCount; ++s) {
      const auto it = present_cells.find({m.index(), s});
      if (it != present_cells.end()) present[static_cast<std::size_t>(s)] = it->second;
    }
    if (std::all_of(present.begin(), present.end(), [](int n) { return n == 0; })) {
      report("arrival table has no rows for month " + m.to_string() + " (the run covers " +
                 covered + ")",
             "");
      continue;
    }
    for (int s = 0; s < model::kSectorCount; ++s) {
      const int missing = kCellsPerSectorMonth - present[static_cast<std::size_t>(s)];
      if (missing == 0) continue;
      std::string cells;
      int listed = 0;
      for (int d = 0; d < model::kDemographicCount; ++d) {
        for (int c = 0; c < model::kCitizenshipCount; ++c) {
          if (first_line.count(CellKey{m.index(), s, d, c}) != 0) continue;
          if (listed++ < kMaxListedCells) {
            cells += (cells.empty() ? "" : ", ") + std::string(model::kDemographicKeys[d]) + "/" +
                     std::string(model::kCitizenshipKeys[c]);
          }
        }
      }
      if (listed > kMaxListedCells) {
        cells += " and " + std::to_string(listed - kMaxListedCells) + " more";
      }
      report("arrival table is missing " + std::to_string(missing) + " of " +
                 std::to_string(kCellsPerSectorMonth) + " rows for " +
                 std::string(model::kSectorKeys[static_cast<std::size_t>(s)]) + " " +
                 m.to_string() + ": " + cells,
             "every sector, month, demographic and citizenship needs a row; write 0 for none");
    }
  }
  if (unreported > 0) {
    sink.error(at_header, path,
               "arrival table coverage: " + std::to_string(unreported) +
                   " more month or sector-month gaps not listed");
  }

  sort_levels(levels);
  return levels;
}

}  // namespace bf::scenario
