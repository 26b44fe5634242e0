#include "scenario/outcome_mix_table.h"

#include <array>
#include <cmath>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "model/population.h"
#include "scenario/suggest.h"
#include "scenario/table_text.h"
#include "scenario/units.h"

namespace bf::scenario {
namespace {

constexpr std::string_view kPath = "dispositions.outcome_mix";
constexpr std::string_view kWhat = "outcome-mix table";
constexpr std::size_t kColumns = 11;
constexpr int kCellsPerMonth = model::kDemographicCount * model::kCitizenshipCount;

// Columns, in kOutcomeMixHeader order.
enum Column : std::uint8_t {
  kMonth,
  kDemographic,
  kCitizenship,
  kBookouts,
  kFirstShare,  // returned, to_ice, to_hhs, released
  kBookInShare = kFirstShare + model::kOutcomeCount,
  kReleaseShare,
  kBasis,
};

template <std::size_t N>
std::optional<int> key_index(const util::CsvField& field, int line, std::string_view what,
                             std::span<const std::string_view, N> keys, int file,
                             DiagnosticSink& sink) {
  for (std::size_t i = 0; i < N; ++i) {
    if (keys[i] == field.text) return static_cast<int>(i);
  }
  sink.error(Location{file, line, field.column}, std::string(kPath),
             "unknown " + std::string(what) + " '" + field.text + "' in " + std::string(kWhat),
             did_you_mean_or_list(field.text, keys));
  return std::nullopt;
}

// A number in [0, 1], or an error at the field.
std::optional<double> read_share(const util::CsvField& field, int line, std::string_view column,
                                 int file, DiagnosticSink& sink) {
  const Parsed<double> share = parse_number(field.text);
  if (!share.ok() || !(*share.value >= 0.0 && *share.value <= 1.0)) {
    sink.error(Location{file, line, field.column}, std::string(kPath),
               std::string(kWhat) + " " + std::string(column) +
                   " must be a number from 0 to 1, got '" + field.text + "'");
    return std::nullopt;
  }
  return *share.value;
}

struct MonthRows {
  model::OutcomeMixMonth mix;
  std::array<bool, kCellsPerMonth> present{};
  int cells = 0;
  int book_in_line = 0;  // the first row, which set the month's ICE shares
};

// The month's one value of a per-month column, written in every row of the month: the first
// row sets it, a later row that differs is an error at its field.
void same_in_month(double& month_value, double value, bool first, const util::CsvRecord& row,
                   Column column, std::string_view name, const MonthRows& rows, int file,
                   DiagnosticSink& sink) {
  if (first) {
    month_value = value;
    return;
  }
  if (value == month_value) return;
  sink.error(Location{file, row.line, row.fields[column].column}, std::string(kPath),
             std::string(kWhat) + " " + std::string(name) + " of " + rows.mix.month.to_string() +
                 " is " + row.fields[column].text + " here but " + std::to_string(month_value) +
                 " at line " + std::to_string(rows.book_in_line),
             "it is one share per month: write the same value in every row of the month");
}

// Index of a demographic × citizenship cell in MonthRows::present.
std::size_t cell_index(int demographic, int citizenship) {
  return static_cast<std::size_t>(demographic) * model::kCitizenshipCount +
         static_cast<std::size_t>(citizenship);
}

std::string cell_name(int demographic, int citizenship) {
  return std::string(model::kDemographicKeys[static_cast<std::size_t>(demographic)]) + "/" +
         std::string(model::kCitizenshipKeys[static_cast<std::size_t>(citizenship)]);
}

}  // namespace

model::OutcomeMix read_outcome_mix_table(std::string_view contents, int file,
                                         const std::optional<Horizon>& horizon,
                                         DiagnosticSink& sink) {
  const std::string path(kPath);
  const std::string what(kWhat);
  const std::optional<util::CsvDocument> document =
      parse_scenario_table(contents, file, kPath, kWhat, kOutcomeMixHeader, sink);
  if (!document) return {};
  const std::vector<util::CsvRecord>& records = document->records;
  const util::CsvRecord& header = records.front();
  const std::string header_line = header_text(header);
  if (header_line != kOutcomeMixHeader || header.fields.size() != kColumns) {
    sink.error(Location{file, header.line, 1}, path,
               what + " header must be '" + std::string(kOutcomeMixHeader) + "'");
    return {};
  }

  std::map<util::YearMonth, MonthRows> months;
  std::map<std::tuple<int, int, int>, int> first_line;  // (month, demographic, citizenship)
  for (std::size_t r = 1; r < records.size(); ++r) {
    const util::CsvRecord& row = records[r];
    if (row.fields.size() != kColumns) {
      sink.error(Location{file, row.line, 1}, path,
                 what + " row has " + std::to_string(row.fields.size()) + " fields; expected " +
                     std::to_string(kColumns) + " (" + std::string(kOutcomeMixHeader) + ")");
      continue;
    }
    const std::size_t errors = sink.count();
    const std::optional<util::YearMonth> month = util::YearMonth::parse(row.fields[kMonth].text);
    if (!month) {
      sink.error(Location{file, row.line, row.fields[kMonth].column}, path,
                 what + " month must be 'YYYY-MM', got '" + row.fields[kMonth].text + "'");
    }
    const std::optional<int> demographic =
        key_index(row.fields[kDemographic], row.line, "demographic",
                  std::span(model::kDemographicKeys), file, sink);
    const std::optional<int> citizenship =
        key_index(row.fields[kCitizenship], row.line, "citizenship",
                  std::span(model::kCitizenshipKeys), file, sink);
    const Parsed<double> bookouts = parse_number(row.fields[kBookouts].text);
    if (!bookouts.ok() || !(*bookouts.value >= 0.0)) {
      sink.error(
          Location{file, row.line, row.fields[kBookouts].column}, path,
          what + " bookouts must be a number >= 0, got '" + row.fields[kBookouts].text + "'");
    }
    model::OutcomeShares shares{};
    bool shares_read = true;
    for (int o = 0; o < model::kOutcomeCount; ++o) {
      const auto share = read_share(row.fields[kFirstShare + o], row.line,
                                    model::kOutcomeKeys[static_cast<std::size_t>(o)], file, sink);
      if (share) {
        shares[static_cast<std::size_t>(o)] = *share;
      } else {
        shares_read = false;
      }
    }
    const auto book_in =
        read_share(row.fields[kBookInShare], row.line, "ice_book_in_share", file, sink);
    const auto release =
        read_share(row.fields[kReleaseShare], row.line, "ice_release_share", file, sink);
    key_index(row.fields[kBasis], row.line, "basis", std::span(kOutcomeMixBases), file, sink);
    if (shares_read) {
      double sum = 0.0;
      for (double s : shares) sum += s;
      if (std::abs(sum - 1.0) > kOutcomeShareTolerance) {
        sink.error(Location{file, row.line, row.fields[kFirstShare].column}, path,
                   what + " shares returned + to_ice + to_hhs + released must sum to 1, got " +
                       std::to_string(sum));
      } else {
        for (double& s : shares) s /= sum;
      }
    }
    if (sink.count() != errors) continue;

    const auto key = std::make_tuple(month->index(), *demographic, *citizenship);
    const auto [first, inserted] = first_line.emplace(key, row.line);
    if (!inserted) {
      sink.error(Location{file, row.line, 1}, path,
                 "duplicate " + what + " row for " + month->to_string() + " " +
                     cell_name(*demographic, *citizenship),
                 "first written at line " + std::to_string(first->second));
      continue;
    }
    MonthRows& rows = months[*month];
    const bool first_of_month = rows.cells == 0;
    if (first_of_month) {
      rows.mix.month = *month;
      rows.book_in_line = row.line;
    }
    same_in_month(rows.mix.ice_book_in_share, *book_in, first_of_month, row, kBookInShare,
                  "ice_book_in_share", rows, file, sink);
    same_in_month(rows.mix.ice_release_share, *release, first_of_month, row, kReleaseShare,
                  "ice_release_share", rows, file, sink);
    rows.mix
        .shares[static_cast<std::size_t>(*demographic)][static_cast<std::size_t>(*citizenship)] =
        shares;
    rows.present[cell_index(*demographic, *citizenship)] = true;
    ++rows.cells;
  }

  model::OutcomeMix mix;
  if (!horizon) {
    // Every month the table has, which must follow one another (OutcomeMix::at indexes them).
    for (auto& [month, rows] : months) {
      if (!mix.months.empty() && mix.months.back().month.next() != month) {
        sink.error(Location{file, rows.book_in_line, 1}, path,
                   what + " skips from " + mix.months.back().month.to_string() + " to " +
                       month.to_string(),
                   "give every month between the table's first and last");
        return {};
      }
      mix.months.push_back(rows.mix);
    }
    return mix;
  }
  // Coverage: every cell of every month the run touches.
  const Location at_header{file, header.line, 1};
  const std::string covered =
      horizon->first_day.to_string() + " to " + horizon->last_day.to_string();
  int reported = 0;
  for (util::YearMonth m = horizon->first_day.year_month(); m <= horizon->last_day.year_month();
       m = m.next()) {
    const auto it = months.find(m);
    if (it == months.end()) {
      if (reported++ < kMaxCoverageErrors) {
        sink.error(
            at_header, path,
            what + " has no rows for month " + m.to_string() + " (the run covers " + covered + ")",
            "calibrate-outcomes --to the run's last month (--carry-to past the data)");
      }
      continue;
    }
    if (it->second.cells < kCellsPerMonth) {
      std::string missing;
      for (int d = 0; d < model::kDemographicCount; ++d) {
        for (int c = 0; c < model::kCitizenshipCount; ++c) {
          if (it->second.present[cell_index(d, c)]) {
            continue;
          }
          missing += (missing.empty() ? "" : ", ") + cell_name(d, c);
        }
      }
      if (reported++ < kMaxCoverageErrors) {
        sink.error(at_header, path, what + " is missing rows for " + m.to_string() + ": " + missing,
                   "every month, demographic and citizenship needs a row");
      }
      continue;
    }
    mix.months.push_back(it->second.mix);
  }
  if (reported > kMaxCoverageErrors) {
    sink.error(at_header, path,
               what + " coverage: " + std::to_string(reported - kMaxCoverageErrors) +
                   " more gaps not listed");
  }
  return mix;
}

}  // namespace bf::scenario
