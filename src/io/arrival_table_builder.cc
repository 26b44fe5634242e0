#include "io/arrival_table_builder.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <tuple>

#include "util/sha256.h"

namespace bf::io {
namespace {

using model::kCitizenshipCount;
using model::kDemographicCount;
using model::kSectorCount;

// CBP Border Patrol encounters of one month, by demographic × citizenship.
using CellCounts = std::array<std::array<std::int64_t, kCitizenshipCount>, kDemographicCount>;

std::string format_4dp(double value) {
  // std::to_chars is locale-independent, unlike printf and streams.
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::fixed, 4);
  return std::string(buffer.data(), result.ptr);
}

}  // namespace

ArrivalTableResult build_arrival_table(const CbpEncounterTable& encounters,
                                       const OhssSectorTable& sectors, util::YearMonth first,
                                       util::YearMonth last) {
  ArrivalTableResult result;
  if (last < first) {
    result.errors.push_back(
        {"", 0, 0, "empty month range: " + first.to_string() + " is after " + last.to_string()});
    return result;
  }
  std::map<int, CellCounts> cells;  // month index -> counts
  for (const CbpEncounterRow& row : encounters.rows) {
    if (row.component != CbpComponent::kBorderPatrol) continue;
    if (row.month < first || last < row.month) continue;
    cells[row.month.index()][model::index_of(row.demographic)][model::index_of(row.citizenship)] +=
        row.encounters;
  }
  std::map<std::pair<int, int>, std::int64_t> sector_totals;  // (month index, sector)
  for (const OhssSectorRow& row : sectors.rows) {
    if (row.month < first || last < row.month) continue;
    sector_totals[{row.month.index(), row.sector}] = row.encounters;
  }

  for (util::YearMonth ym = first; ym <= last; ym = ym.next()) {
    const auto found = cells.find(ym.index());
    std::int64_t national = 0;
    if (found != cells.end()) {
      for (const auto& by_citizenship : found->second) {
        for (std::int64_t n : by_citizenship) national += n;
      }
    }
    if (national == 0) {
      result.errors.push_back({encounters.file, 0, 0,
                               "no U.S. Border Patrol encounters for " + ym.to_string() +
                                   " (month missing from this release?)"});
    }
    std::array<std::int64_t, kSectorCount> totals{};
    bool sectors_complete = true;
    for (int s = 0; s < kSectorCount; ++s) {
      const auto it = sector_totals.find({ym.index(), s});
      if (it == sector_totals.end()) {
        result.errors.push_back({sectors.file, 0, 0,
                                 "no row for sector \"" + std::string(kOhssSectorNames[s]) + "\"" +
                                     " in " + ym.to_string()});
        sectors_complete = false;
      } else {
        totals[s] = it->second;
      }
    }
    if (national == 0 || !sectors_complete) continue;

    const double days = util::days_in_month(ym.year, ym.month);
    for (int s = 0; s < kSectorCount; ++s) {
      for (int d = 0; d < kDemographicCount; ++d) {
        for (int c = 0; c < kCitizenshipCount; ++c) {
          const double share =
              static_cast<double>(found->second[d][c]) / static_cast<double>(national);
          result.rows.push_back({s, ym, static_cast<model::Demographic>(d),
                                 static_cast<model::Citizenship>(c),
                                 static_cast<double>(totals[s]) * share / days});
        }
      }
    }
  }
  if (!result.errors.empty()) result.rows.clear();
  return result;
}

void write_arrival_table(std::ostream& out, const std::vector<model::ArrivalLevel>& rows,
                         const std::vector<ArrivalTableSource>& sources,
                         std::string_view derived_by) {
  out << "# borderflow arrival table\n";
  out << "# derived by: " << derived_by << "\n";
  out << "# method: " << kArrivalTableMethod << "\n";
  for (const ArrivalTableSource& source : sources) {
    out << "# source: " << source.file_name << " sha256=" << source.sha256
        << " rows=" << source.rows << "\n";
  }
  out << "sector,month,demographic,citizenship,encounters_per_day\n";
  std::vector<model::ArrivalLevel> sorted = rows;
  auto key = [](const model::ArrivalLevel& a) {
    return std::tuple(a.month, a.sector, model::index_of(a.demographic),
                      model::index_of(a.citizenship));
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
  for (const model::ArrivalLevel& row : sorted) {
    out << model::kSectorKeys[row.sector] << ',' << row.month.to_string() << ','
        << model::kDemographicKeys[model::index_of(row.demographic)] << ','
        << model::kCitizenshipKeys[model::index_of(row.citizenship)] << ','
        << format_4dp(row.encounters_per_day) << '\n';
  }
}

CalibrateResult calibrate(const CalibrateOptions& options) {
  CalibrateResult result;
  result.exit_code = kCalibrateBadInput;
  const FileText encounters_text = read_file_bytes(options.encounters_csv);
  const FileText sectors_text = read_file_bytes(options.sectors_csv);
  if (encounters_text.error) result.errors.push_back(*encounters_text.error);
  if (sectors_text.error) result.errors.push_back(*sectors_text.error);
  if (!result.errors.empty()) return result;

  const std::string encounters_name = options.encounters_csv.filename().string();
  const std::string sectors_name = options.sectors_csv.filename().string();
  CbpEncounterTable encounters =
      parse_cbp_encounters(*encounters_text.bytes, options.encounters_csv.string());
  OhssSectorTable sectors = parse_ohss_sectors(*sectors_text.bytes, options.sectors_csv.string());
  result.errors = encounters.errors;
  result.errors.insert(result.errors.end(), sectors.errors.begin(), sectors.errors.end());
  if (!result.errors.empty()) return result;

  ArrivalTableResult table = build_arrival_table(encounters, sectors, options.first, options.last);
  if (!table.ok()) {
    result.errors = std::move(table.errors);
    return result;
  }

  const std::string derived_by = "borderflow calibrate --encounters " + encounters_name +
                                 " --sectors " + sectors_name + " --from " +
                                 options.first.to_string() + " --to " + options.last.to_string() +
                                 " -o " + options.output.filename().string();
  const std::vector<ArrivalTableSource> sources = {
      {encounters_name, util::sha256(*encounters_text.bytes), encounters.data_rows},
      {sectors_name, util::sha256(*sectors_text.bytes), sectors.data_rows}};

  std::ostringstream text;
  write_arrival_table(text, table.rows, sources, derived_by);
  if (auto error = write_file_atomically(options.output, text.str())) {
    result.exit_code = kCalibrateWriteFailed;
    result.errors.push_back(std::move(*error));
    return result;
  }
  result.exit_code = kCalibrateOk;
  return result;
}

int run_calibrate(const CalibrateOptions& options, std::ostream& err) {
  const CalibrateResult result = calibrate(options);
  for (const DataError& e : result.errors) err << e.to_string() << '\n';
  return result.exit_code;
}

}  // namespace bf::io
