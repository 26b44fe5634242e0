#include "ingest/arrival_table_builder.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>
#include <tuple>

#include "util/atomic_file.h"
#include "util/ipf.h"
#include "util/number_format.h"
#include "util/sha256.h"

namespace bf::ingest {
namespace {

using model::kCitizenshipCount;
using model::kDemographicCount;
using model::kSectorCount;

// CBP's national cells of each month first..last; a month without Border Patrol rows is an
// error in `missing`.
std::vector<MonthCells> cbp_months(const CbpEncounterTable& encounters, util::YearMonth first,
                                   util::YearMonth last, std::vector<DataError>& missing) {
  std::vector<MonthCells> months;
  for (util::YearMonth ym = first; ym <= last; ym = ym.next()) {
    const NationalCells cells = cbp_cells(encounters, ym, ym);
    if (cells.total() == 0.0) {
      missing.push_back({encounters.file, 0, 0,
                         "no U.S. Border Patrol encounters for " + ym.to_string() +
                             " (month missing from this release?)"});
      continue;
    }
    months.push_back({ym, cells, false});
  }
  return months;
}

// The first month with Border Patrol rows; nullopt when there are none.
std::optional<util::YearMonth> first_cbp_month(const CbpEncounterTable& encounters) {
  std::optional<util::YearMonth> first;
  for (const CbpEncounterRow& row : encounters.rows) {
    if (row.component == CbpComponent::kBorderPatrol && (!first || row.month < *first)) {
      first = row.month;
    }
  }
  return first;
}

}  // namespace

ArrivalTableResult build_arrival_table(const CbpEncounterTable& encounters,
                                       const OhssSectorTable& sectors, util::YearMonth first,
                                       util::YearMonth last) {
  if (last < first) return split_by_sector({}, sectors, first, last);
  std::vector<DataError> missing;
  const std::vector<MonthCells> national = cbp_months(encounters, first, last, missing);
  ArrivalTableResult result = split_by_sector(national, sectors, first, last);
  if (!missing.empty()) {
    result.errors.insert(result.errors.begin(), missing.begin(), missing.end());
    result.rows.clear();
    result.fits.clear();
  }
  return result;
}

ArrivalTableResult split_by_sector(const std::vector<MonthCells>& national,
                                   const OhssSectorTable& sectors, util::YearMonth first,
                                   util::YearMonth last) {
  ArrivalTableResult result;
  if (last < first) {
    result.errors.push_back(
        {"", 0, 0, "empty month range: " + first.to_string() + " is after " + last.to_string()});
    return result;
  }
  std::map<int, const MonthCells*> by_month;
  for (const MonthCells& m : national) by_month[m.month.index()] = &m;
  std::map<std::pair<int, int>, std::int64_t> sector_totals;  // (month index, sector)
  for (const OhssSectorRow& row : sectors.rows) {
    if (row.month < first || last < row.month) continue;
    sector_totals[{row.month.index(), row.sector}] = row.encounters;
  }

  constexpr auto kCells = static_cast<std::size_t>(kDemographicCount) * kCitizenshipCount;
  // Column of demographic d × citizenship c in the fitted table (and in col_targets).
  const auto cell_index = [](int d, int c) {
    return static_cast<std::size_t>(d) * kCitizenshipCount + static_cast<std::size_t>(c);
  };
  for (util::YearMonth ym = first; ym <= last; ym = ym.next()) {
    const auto found = by_month.find(ym.index());
    if (found == by_month.end()) continue;  // the caller reported it
    const MonthCells& month = *found->second;
    const auto& counts = month.cells.encounters;
    const auto& t42 = month.cells.title42;
    const double n = month.cells.total();
    std::array<std::int64_t, kSectorCount> totals{};
    std::int64_t ohss_total = 0;
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
        ohss_total += it->second;
      }
    }
    if (sectors_complete && ohss_total == 0 && n != 0.0) {
      result.errors.push_back({sectors.file, 0, 0,
                               "every Southwest sector is 0 in " + ym.to_string() +
                                   " but CBP has " + std::to_string(std::llround(n)) +
                                   " Border Patrol encounters"});
      sectors_complete = false;
    }
    if (n == 0.0 || !sectors_complete) continue;

    // Margins. OHSS rounds each sector to 10, so its sum differs from CBP's exact national
    // count by a few tens; the sector totals are scaled to CBP's total (docs/data.md).
    const double scale = n / static_cast<double>(ohss_total);
    std::vector<double> row_targets(kSectorCount);
    for (int s = 0; s < kSectorCount; ++s) {
      row_targets[static_cast<std::size_t>(s)] = static_cast<double>(totals[s]) * scale;
    }
    std::vector<double> col_targets(kCells);
    for (int d = 0; d < kDemographicCount; ++d) {
      for (int c = 0; c < kCitizenshipCount; ++c) col_targets[cell_index(d, c)] = counts[d][c];
    }
    // Seed: the proportional split (the method before IPF), sector total × national share.
    std::vector<double> seed(static_cast<std::size_t>(kSectorCount) * kCells);
    for (std::size_t s = 0; s < static_cast<std::size_t>(kSectorCount); ++s) {
      for (std::size_t k = 0; k < kCells; ++k) {
        seed[s * kCells + k] = row_targets[s] * col_targets[k] / n;
      }
    }
    const util::IpfResult fit =
        util::fit_two_way(std::move(seed), kSectorCount, static_cast<int>(kCells), row_targets,
                          col_targets, {kArrivalIpfTolerance, kArrivalIpfMaxSweeps});
    // Converging to a table that misses a margin would mean inconsistent margins (which the
    // scaling above rules out); both are checked.
    if (!fit.converged || fit.max_relative_margin_error > 1e-9) {
      result.errors.push_back({"", 0, 0,
                               "iterative proportional fitting did not converge for " +
                                   ym.to_string() + " in " + std::to_string(fit.sweeps) +
                                   " sweeps"});
      continue;
    }
    result.fits.push_back({ym, std::llround(n), ohss_total, fit.sweeps, fit.last_relative_change,
                           fit.max_relative_margin_error, month.from_margins});

    const double days = util::days_in_month(ym.year, ym.month);
    for (int s = 0; s < kSectorCount; ++s) {
      for (int d = 0; d < kDemographicCount; ++d) {
        for (int c = 0; c < kCitizenshipCount; ++c) {
          const double share42 = counts[d][c] > 0 ? t42[d][c] / counts[d][c] : 0.0;
          const double fitted = fit.cells[static_cast<std::size_t>(s) * kCells + cell_index(d, c)];
          result.rows.push_back({s, ym, static_cast<model::Demographic>(d),
                                 static_cast<model::Citizenship>(c), fitted / days, share42});
        }
      }
    }
  }
  if (!result.errors.empty()) {
    result.rows.clear();
    result.fits.clear();
  }
  return result;
}

const MarginDiscrepancy* MarginCheck::largest() const {
  const MarginDiscrepancy* best = nullptr;
  for (const MarginDiscrepancy& cell : cells) {
    if (!best || std::llabs(cell.difference()) > std::llabs(best->difference())) best = &cell;
  }
  return best;
}

MarginCheck check_region_margins(const CbpEncounterTable& encounters, const OhssRegionTable& region,
                                 bool by_citizenship, util::YearMonth first, util::YearMonth last) {
  MarginCheck check;
  const int categories = by_citizenship ? kCitizenshipCount : kDemographicCount;
  std::map<std::pair<int, int>, std::int64_t> cbp;   // (month index, category)
  std::map<std::pair<int, int>, std::int64_t> ohss;  // (month index, category)
  std::map<int, bool> ohss_months;
  for (const CbpEncounterRow& row : encounters.rows) {
    if (row.component != CbpComponent::kBorderPatrol) continue;
    const int category =
        by_citizenship ? model::index_of(row.citizenship) : model::index_of(row.demographic);
    cbp[{row.month.index(), category}] += row.encounters;
  }
  for (const OhssRegionRow& row : region.rows) {
    ohss[{row.month.index(), row.category}] += row.encounters;
    ohss_months[row.month.index()] = true;
  }
  for (util::YearMonth ym = first; ym <= last; ym = ym.next()) {
    if (!ohss_months.count(ym.index())) {
      check.errors.push_back({region.file, 0, 0,
                              "no Southwest Land Border rows for " + ym.to_string() +
                                  " (month missing from this extract?)"});
      continue;
    }
    for (int k = 0; k < categories; ++k) {
      const auto c = cbp.find({ym.index(), k});
      const auto o = ohss.find({ym.index(), k});
      check.cells.push_back(
          {ym, k, c == cbp.end() ? 0 : c->second, o == ohss.end() ? 0 : o->second});
    }
  }
  return check;
}

void write_arrival_table(std::ostream& out, const std::vector<model::ArrivalLevel>& rows,
                         const std::vector<ArrivalTableSource>& sources,
                         std::string_view derived_by, const std::vector<std::string>& notes) {
  out << "# borderflow arrival table\n";
  out << "# derived by: " << derived_by << "\n";
  out << "# method: " << kArrivalTableMethod << "\n";
  for (const std::string& note : notes) out << "# " << note << "\n";
  for (const ArrivalTableSource& source : sources) {
    out << "# source: " << source.file_name << " sha256=" << source.sha256
        << " rows=" << source.rows << "\n";
  }
  out << "sector,month,demographic,citizenship,encounters_per_day,title42_share\n";
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
        << util::fixed(row.encounters_per_day, 4) << ',' << util::fixed(row.title42_share, 4)
        << '\n';
  }
}

namespace {

std::string format_scientific(double value) {
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::scientific, 1);
  return std::string(buffer.data(), result.ptr);
}

// "largest |CBP - OHSS| = 60 (other, 2023-10: CBP 1234, OHSS 1294, -4.86% of CBP)".
std::string describe_largest(const MarginCheck& check, bool by_citizenship) {
  const MarginDiscrepancy* worst = check.largest();
  if (!worst) return "no months compared";
  const std::string_view category = by_citizenship ? model::kCitizenshipKeys[worst->category]
                                                   : model::kDemographicKeys[worst->category];
  std::string text = "largest |CBP - OHSS| = " + std::to_string(std::llabs(worst->difference())) +
                     " (" + std::string(category) + ", " + worst->month.to_string() + ": CBP " +
                     std::to_string(worst->cbp) + ", OHSS " + std::to_string(worst->ohss);
  if (worst->cbp > 0) {
    text +=
        ", " +
        util::fixed(
            100.0 * static_cast<double>(worst->difference()) / static_cast<double>(worst->cbp), 3) +
        "% of CBP";
  }
  return text + ")";
}

struct ReadInput {
  std::string name;  // file name without directory
  std::optional<std::string> bytes;
};

ReadInput read_input(const std::filesystem::path& path, std::vector<DataError>& errors) {
  FileText text = read_file_bytes(path);
  if (text.error) errors.push_back(*text.error);
  return {path.filename().string(), std::move(text.bytes)};
}

// The national cells of the months before CBP's file, estimated from OHSS's margins
// (arrival_cells_from_margins.h), seeded with CBP's first twelve months.
struct EarlyMonths {
  std::vector<MonthCells> cells;
  std::vector<DataError> errors;
  util::YearMonth reference_first, reference_last;
};
EarlyMonths estimate_early_months(const CbpEncounterTable& encounters, util::YearMonth cbp_first,
                                  const OhssRegionTable& citizenship, const OhssRegionTable& family,
                                  const OhssSectorTable& sectors, const OhssMonthlyTables& tables,
                                  util::YearMonth first, util::YearMonth last) {
  const BookOutsByGroup by_agency = book_outs_by_group(tables, kOhssBookOutsByAgencySheet);
  const BookOutsByGroup by_family = book_outs_by_group(tables, kOhssBookOutsByFamilySheet);
  EarlyMonths out;
  out.reference_first = cbp_first;
  out.reference_last = cbp_first.plus(11);
  const NationalCells reference = cbp_cells(encounters, out.reference_first, out.reference_last);
  for (util::YearMonth ym = out.reference_first; ym <= out.reference_last; ym = ym.next()) {
    if (cbp_cells(encounters, ym, ym).total() == 0.0) {
      out.errors.push_back({encounters.file, 0, 0,
                            "the months before " + cbp_first.to_string() +
                                " take their odds from CBP's first twelve months, but " +
                                ym.to_string() + " has no Border Patrol encounters"});
    }
  }
  if (!out.errors.empty()) return out;
  std::map<int, MonthMargins> margins;
  for (util::YearMonth ym = first; ym <= last; ym = ym.next()) margins[ym.index()].month = ym;
  const auto in_range = [&](util::YearMonth m) { return !(m < first) && !(last < m); };
  std::map<int, bool> has_family, has_citizenship;
  for (const OhssRegionRow& row : family.rows) {
    if (!in_range(row.month)) continue;
    margins[row.month.index()].demographic[row.category] += static_cast<double>(row.encounters);
    has_family[row.month.index()] = true;
  }
  for (const OhssRegionRow& row : citizenship.rows) {
    if (!in_range(row.month)) continue;
    margins[row.month.index()].citizenship[row.category] += static_cast<double>(row.encounters);
    has_citizenship[row.month.index()] = true;
  }
  for (const OhssSectorRow& row : sectors.rows) {
    if (in_range(row.month))
      margins[row.month.index()].total += static_cast<double>(row.encounters);
  }
  for (util::YearMonth ym = first; ym <= last; ym = ym.next()) {
    MonthMargins& m = margins[ym.index()];
    const std::size_t errors_before = out.errors.size();
    if (!has_family.count(ym.index())) {
      out.errors.push_back({family.file, 0, 0,
                            "no Southwest Land Border rows for " + ym.to_string() +
                                " (needed: CBP's file starts in " + cbp_first.to_string() + ")"});
    }
    if (!has_citizenship.count(ym.index())) {
      out.errors.push_back({citizenship.file, 0, 0,
                            "no Southwest Land Border rows for " + ym.to_string() +
                                " (needed: CBP's file starts in " + cbp_first.to_string() + ")"});
    }
    if (const std::optional<std::string> missing =
            usbp_title42_by_demographic(by_agency, by_family, ym, m.title42)) {
      out.errors.push_back({tables.file, 0, 0,
                            *missing +
                                " (its Title 42 expulsions are needed: CBP's file starts in " +
                                cbp_first.to_string() + ")"});
    }
    if (out.errors.size() != errors_before) continue;
    EstimatedCells estimate = estimate_cells_from_margins(reference, m);
    if (estimate.error) {
      out.errors.push_back({"", 0, 0, *estimate.error});
      continue;
    }
    out.cells.push_back({ym, estimate.cells, true});
  }
  return out;
}

}  // namespace

CalibrateResult calibrate(const CalibrateOptions& options) {
  CalibrateResult result;
  result.exit_code = kCalibrateBadInput;
  if (options.encounters_csvs.empty()) {
    result.errors.push_back({"", 0, 0, "no CBP encounters file given (--encounters)"});
    return result;
  }
  std::vector<ReadInput> encounter_inputs;
  for (const auto& path : options.encounters_csvs) {
    encounter_inputs.push_back(read_input(path, result.errors));
  }
  const ReadInput sectors_input = read_input(options.sectors_csv, result.errors);
  const bool check_citizenship = !options.citizenship_csv.empty();
  const bool check_family = !options.family_status_csv.empty();
  ReadInput citizenship_input, family_input;
  if (check_citizenship) citizenship_input = read_input(options.citizenship_csv, result.errors);
  if (check_family) family_input = read_input(options.family_status_csv, result.errors);
  const bool with_tables = !options.monthly_tables_csv.empty();
  ReadInput tables_input;
  if (with_tables) tables_input = read_input(options.monthly_tables_csv, result.errors);
  if (!result.errors.empty()) return result;

  std::vector<CbpEncounterTable> releases;
  for (std::size_t i = 0; i < encounter_inputs.size(); ++i) {
    releases.push_back(
        parse_cbp_encounters(*encounter_inputs[i].bytes, options.encounters_csvs[i].string()));
  }
  const CbpEncounterTable encounters = combine_cbp_releases(releases);
  const OhssSectorTable sectors =
      parse_ohss_sectors(*sectors_input.bytes, options.sectors_csv.string());
  OhssRegionTable citizenship, family;
  if (check_citizenship) {
    citizenship =
        parse_ohss_citizenship(*citizenship_input.bytes, options.citizenship_csv.string());
  }
  if (check_family) {
    family = parse_ohss_family_status(*family_input.bytes, options.family_status_csv.string());
  }
  OhssMonthlyTables tables;
  if (with_tables) {
    tables = parse_ohss_monthly_tables(*tables_input.bytes, options.monthly_tables_csv.string(),
                                       {kOhssBookOutsByAgencySheet, kOhssBookOutsByFamilySheet});
  }
  for (const std::vector<DataError>* errors : std::initializer_list<const std::vector<DataError>*>{
           &encounters.errors, &sectors.errors, &citizenship.errors, &family.errors,
           &tables.errors}) {
    result.errors.insert(result.errors.end(), errors->begin(), errors->end());
  }
  if (!result.errors.empty()) return result;

  // Months before CBP's file are estimated from OHSS's margins; the others are CBP's cells.
  const std::optional<util::YearMonth> cbp_first = first_cbp_month(encounters);
  const bool early = cbp_first && options.first < *cbp_first;
  const util::YearMonth cbp_from = early ? *cbp_first : options.first;
  std::vector<DataError> national_errors;
  std::vector<MonthCells> national;
  EarlyMonths early_months;
  if (early) {
    if (!check_citizenship || !check_family || !with_tables) {
      result.errors.push_back(
          {"", 0, 0,
           "the months before " + cbp_first->to_string() +
               " (where CBP's files start) are estimated from OHSS's Southwest margins: give "
               "--citizenship, --family-status and --monthly-tables"});
      return result;
    }
    const util::YearMonth early_last = std::min(options.last, cbp_first->plus(-1));
    early_months = estimate_early_months(encounters, *cbp_first, citizenship, family, sectors,
                                         tables, options.first, early_last);
    national = early_months.cells;
    national_errors = early_months.errors;
  }
  if (!(options.last < cbp_from)) {
    std::vector<MonthCells> cbp = cbp_months(encounters, cbp_from, options.last, national_errors);
    national.insert(national.end(), cbp.begin(), cbp.end());
  }
  ArrivalTableResult table = split_by_sector(national, sectors, options.first, options.last);
  table.errors.insert(table.errors.begin(), national_errors.begin(), national_errors.end());
  // The region margins check CBP's cells; where they are the estimate's input there is
  // nothing to check.
  MarginCheck citizenship_check, family_check;
  if (check_citizenship && !(options.last < cbp_from)) {
    citizenship_check = check_region_margins(encounters, citizenship, true, cbp_from, options.last);
    table.errors.insert(table.errors.end(), citizenship_check.errors.begin(),
                        citizenship_check.errors.end());
  }
  if (check_family && !(options.last < cbp_from)) {
    family_check = check_region_margins(encounters, family, false, cbp_from, options.last);
    table.errors.insert(table.errors.end(), family_check.errors.begin(), family_check.errors.end());
  }
  if (!table.errors.empty()) {
    result.errors = std::move(table.errors);
    return result;
  }

  // Notes: deterministic text only (no figures that depend on floating-point rounding), so
  // the table is byte-identical across machines.
  int max_sweeps = 0;
  double max_margin_error = 0.0;
  const ArrivalMonthFit* worst_scaling = nullptr;
  int months_equal = 0;
  int cbp_fits = 0;
  for (const ArrivalMonthFit& fit : table.fits) {
    max_sweeps = std::max(max_sweeps, fit.sweeps);
    max_margin_error = std::max(max_margin_error, fit.max_relative_margin_error);
    if (fit.from_margins) continue;  // scaled to the OHSS sector sum by construction
    ++cbp_fits;
    const std::int64_t gap = std::llabs(fit.cbp_total - fit.ohss_total);
    if (gap == 0) ++months_equal;
    if (!worst_scaling || gap > std::llabs(worst_scaling->cbp_total - worst_scaling->ohss_total)) {
      worst_scaling = &fit;
    }
  }
  result.notes.push_back(
      "ipf: " + std::to_string(table.fits.size()) + " months, at most " +
      std::to_string(max_sweeps) + (max_sweeps == 1 ? " sweep" : " sweeps") +
      " (tolerance 1e-10, limit 1000); every sector and cell margin met to a relative " +
      (max_margin_error < 1e-12 ? std::string("1e-12") : format_scientific(max_margin_error)));
  if (worst_scaling) {
    const std::int64_t gap = worst_scaling->cbp_total - worst_scaling->ohss_total;
    result.notes.push_back(
        "scaling: OHSS sector totals x CBP national total / OHSS sum; equal in " +
        std::to_string(months_equal) + " of " + std::to_string(cbp_fits) +
        " months; largest |CBP - OHSS| = " + std::to_string(std::llabs(gap)) + " (" +
        worst_scaling->month.to_string() + ": CBP " + std::to_string(worst_scaling->cbp_total) +
        ", OHSS " + std::to_string(worst_scaling->ohss_total) + ")");
  }
  if (early) {
    const util::YearMonth early_last = std::min(options.last, cbp_first->plus(-1));
    result.notes.push_back(
        "before CBP's file: " + options.first.to_string() + " - " + early_last.to_string() +
        " estimated from OHSS's Southwest family status and citizenship margins (scaled to the "
        "sector sum) by IPF of CBP's " +
        early_months.reference_first.to_string() + " - " + early_months.reference_last.to_string() +
        " cells; title42_share = that period's share of the cell x one factor per month and "
        "family status meeting OHSS's USBP Title 42 expulsions of the status, at most 1 "
        "(docs/data.md)");
  }
  if (check_citizenship && !(options.last < cbp_from)) {
    result.notes.push_back("check citizenship, CBP national vs OHSS Southwest region: " +
                           describe_largest(citizenship_check, true));
  }
  if (check_family && !(options.last < cbp_from)) {
    result.notes.push_back("check demographic, CBP national vs OHSS Southwest family status: " +
                           describe_largest(family_check, false));
  }
  result.fits = table.fits;

  std::string derived_by = "borderflow calibrate";
  for (const ReadInput& input : encounter_inputs) derived_by += " --encounters " + input.name;
  derived_by += " --sectors " + sectors_input.name;
  if (check_citizenship) derived_by += " --citizenship " + citizenship_input.name;
  if (check_family) derived_by += " --family-status " + family_input.name;
  if (with_tables) derived_by += " --monthly-tables " + tables_input.name;
  derived_by += " --from " + options.first.to_string() + " --to " + options.last.to_string() +
                " -o " + options.output.filename().string();

  std::vector<ArrivalTableSource> sources;
  for (std::size_t i = 0; i < encounter_inputs.size(); ++i) {
    sources.push_back({encounter_inputs[i].name, util::sha256(*encounter_inputs[i].bytes),
                       releases[i].data_rows});
  }
  sources.push_back({sectors_input.name, util::sha256(*sectors_input.bytes), sectors.data_rows});
  if (check_citizenship) {
    sources.push_back(
        {citizenship_input.name, util::sha256(*citizenship_input.bytes), citizenship.data_rows});
  }
  if (check_family) {
    sources.push_back({family_input.name, util::sha256(*family_input.bytes), family.data_rows});
  }
  if (with_tables) {
    sources.push_back({tables_input.name, util::sha256(*tables_input.bytes), tables.data_rows});
  }

  std::ostringstream text;
  write_arrival_table(text, table.rows, sources, derived_by, result.notes);
  if (auto error = util::write_file_atomically(options.output, text.str())) {
    result.exit_code = kCalibrateWriteFailed;
    result.errors.push_back({std::move(error->file), 0, 0, std::move(error->message)});
    return result;
  }
  result.exit_code = kCalibrateOk;
  return result;
}

int run_calibrate(const CalibrateOptions& options, std::ostream& out, std::ostream& err) {
  const CalibrateResult result = calibrate(options);
  for (const DataError& e : result.errors) err << e.to_string() << '\n';
  if (result.exit_code != kCalibrateOk) return result.exit_code;
  for (const std::string& note : result.notes) out << note << '\n';
  for (const ArrivalMonthFit& fit : result.fits) {
    out << "ipf " << fit.month.to_string() << ": " << fit.sweeps
        << (fit.sweeps == 1 ? " sweep" : " sweeps") << ", last change "
        << format_scientific(fit.last_relative_change) << ", margin error "
        << format_scientific(fit.max_relative_margin_error) << ", CBP " << fit.cbp_total
        << ", OHSS sectors " << fit.ohss_total << '\n';
  }
  return result.exit_code;
}

}  // namespace bf::ingest
