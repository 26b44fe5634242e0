#include "apps/validate_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "apps/exit_codes.h"
#include "apps/number_options.h"
#include "apps/scenario_errors.h"
#include "demand/rolling_origin.h"
#include "ingest/data_error.h"
#include "ingest/data_ice_detention.h"
#include "ingest/data_ice_monthly.h"
#include "ingest/data_ohss_bookouts.h"
#include "scenario/scenario_loader.h"
#include "util/atomic_file.h"
#include "validate/arrival_forecast.h"
#include "validate/bookout_comparison.h"
#include "validate/comparison.h"
#include "validate/ice_comparison.h"
#include "validate/monthly_outcomes.h"
#include "validate/title42_comparison.h"
#include "validate/validation_charts.h"
#include "validate/validation_text.h"

namespace bf::apps {
namespace {

constexpr int kDefaultReplications = 20;
const char* const kSectorsFile = "cbp_encounters/ohss_khsm_usbp_monthly_region_sector.csv";
// ICE's detention statistics: the monthly series by arresting agency FY2019 – FY2026 (ADP and
// book-ins), and the FY2023 – FY2024 workbook extract, read only for the average length of
// stay, which the monthly series do not give (one source per figure).
const char* const kIceAdpFile =
    "ice_detention/ice_detention_adp_monthly_by_agency_fy2019_fy2026.csv";
const char* const kIceBookInsFile =
    "ice_detention/ice_detention_bookins_monthly_by_arresting_agency_fy2019_fy2026.csv";
const char* const kIceFile = "ice_detention/ice_detention_monthly_fy23_fy24.csv";
const char* const kBookOutsFile =
    "ohss_enforcement_tables/ohss_cbp_swb_bookouts_by_agency_monthly_fy2014_2024aug.csv";

// A published table that refines the comparison. One the user named must be readable; the
// default one may be absent (its comparison is then skipped, and the output says so).
template <typename Table>
struct Published {
  bool ok = true;  // false: an error was printed
  std::optional<Table> table;
};
template <typename Parse>
auto read_published_table(const std::filesystem::path& file, bool named, Parse parse)
    -> Published<decltype(parse(std::string_view{}, std::string{}))> {
  const ingest::FileText text = ingest::read_file_bytes(file);
  if (text.error) {
    if (!named) return {};
    print_error(text.error->to_string().c_str());
    return {false, std::nullopt};
  }
  auto table = parse(*text.bytes, file.string());
  if (!table.ok()) {
    for (const ingest::DataError& e : table.errors) std::cerr << e.to_string() << "\n";
    return {false, std::nullopt};
  }
  return {true, std::move(table)};
}

// The table a Published holds, or nullptr when the default file was absent.
template <typename Table>
const Table* or_null(const std::optional<Table>& table) {
  return table ? &*table : nullptr;
}

// The published sector series, or nullopt after printing why not.
std::optional<demand::SectorSeries> read_published(const std::filesystem::path& file) {
  demand::SectorSeriesFile read = demand::read_sector_series(file, file.string());
  using Problem = demand::SectorSeriesFile::Problem;
  if (read.problem == Problem::kUnreadable) {
    print_error(
        (read.errors.front() + " (download the OHSS file, or point --data or --sectors at it)")
            .c_str());
    return std::nullopt;
  }
  if (read.problem == Problem::kIncomplete) {
    print_error(read.errors.front().c_str());
    return std::nullopt;
  }
  if (!read.ok()) {
    for (const std::string& e : read.errors) std::cerr << e << "\n";
    return std::nullopt;
  }
  return std::move(read.series);
}

std::string rolling_origin_text(const demand::SectorSeries& published, util::YearMonth first,
                                util::YearMonth last, int horizon) {
  const demand::RollingOriginResult r =
      demand::rolling_origin(published, first, last, horizon, demand::ForecastOptions{});
  std::string out = fmt::format(
      "Rolling origin, Southwest total: fit through m-1, forecast m .. m+{}, for every m from "
      "{} to {} whose window has no new policy ({} origins)\n",
      horizon - 1, first.to_string(), last.to_string(), r.origins.size());
  if (r.origins.empty()) return out;
  std::string list;
  for (const util::YearMonth m : r.origins) list += " " + m.to_string();
  out += "  origins:" + list + "\n";
  out += "  horizon  model MAPE   mean absolute error, model / simple forecast\n";
  out += "                        year-ago x trend  last month  mean of 3\n";
  for (std::size_t h = 0; h < r.total.size(); ++h) {
    const demand::HorizonErrors& e = r.total[h];
    const auto ratio = [&](int m) {
      return e.mean_absolute[0] / e.mean_absolute[static_cast<std::size_t>(m)];
    };
    out += fmt::format("  {:>7}  {:>9.1f}%  {:>16.2f}  {:>10.2f}  {:>9.2f}\n", h + 1,
                       e.model_mean_absolute_percent, ratio(1), ratio(2), ratio(3));
  }
  return out;
}

}  // namespace

CLI::App* add_validate_subcommand(CLI::App& app, ValidateOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "validate", "Replay a historical scenario and compare it with the published record");
  cmd->add_option("scenario", o.scenario, "Scenario YAML file (a replay)")->required();
  cmd->add_option("--data", o.data, "Folder holding the published files (PROVENANCE layout)")
      ->capture_default_str();
  cmd->add_option("--sectors", o.sectors,
                  "DHS OHSS monthly region x sector CSV (default: under --data)");
  cmd->add_option("--ice-adp", o.ice_adp,
                  "ICE detention average daily population by arresting agency, monthly FY2019 - "
                  "FY2026 (default: under --data)");
  cmd->add_option("--ice-book-ins", o.ice_book_ins,
                  "ICE detention book-ins by arresting agency, monthly FY2019 - FY2026 "
                  "(default: under --data)");
  cmd->add_option("--ice", o.ice,
                  "ICE detention statistics, tidy extract of the FY2023 - FY2024 workbooks, for "
                  "the average length of stay (default: under --data; "
                  "scripts/ice-xlsx-to-csv.py converts the workbooks)");
  cmd->add_option(
      "--bookouts", o.bookouts,
      "DHS OHSS SW border book-outs by agency, monthly (default: the one under --data)");
  cmd->add_option("--replications,-r", o.replications,
                  "Replications (default: the scenario's, at least 20)")
      ->check(digits_only())
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--threads,-j", o.threads, "Worker threads (default: every core)")
      ->check(digits_only())
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", o.seed, "Overrides the scenario's seed")->check(whole_number_64());
  cmd->add_option("--fit-until", o.fit_until,
                  "Last month the model may see, YYYY-MM; later months are forecast");
  cmd->add_option("--horizon", o.horizon, "Out-of-sample months summarised")
      ->check(digits_only())
      ->check(CLI::Range(1, 24))
      ->capture_default_str();
  cmd->add_flag("--rolling-origin", o.rolling_origin,
                "Forecast error by horizon over the scenario's period (no simulation)");
  cmd->add_option("--out,-o", o.out,
                  "Folder for the tables, charts and text (validation.txt, *.csv, *.svg)");
  return cmd;
}

int validate_command(const ValidateOptions& options) {
  std::optional<util::YearMonth> fit_until;
  if (!options.fit_until.empty()) {
    fit_until = util::YearMonth::parse(options.fit_until);
    if (!fit_until) {
      print_error("--fit-until takes a month as YYYY-MM, e.g. --fit-until 2023-09");
      return kExitBadInput;
    }
  }
  scenario::LoadOptions load;
  load.seed = options.seed;
  const scenario::LoadResult loaded = scenario::load_scenario(options.scenario, load);
  if (!loaded.ok()) {
    print_scenario_errors(loaded, options.scenario, "");
    return kExitBadInput;
  }
  const std::optional<demand::SectorSeries> published =
      read_published(options.sectors.value_or(options.data / kSectorsFile));
  if (!published) return kExitBadInput;

  // ICE's monthly book-ins and ADP of CBP arrests, and the ALOS of the workbook extract.
  const std::filesystem::path ice_adp_file = options.ice_adp.value_or(options.data / kIceAdpFile);
  const auto ice_adp = read_published_table(ice_adp_file, options.ice_adp.has_value(),
                                            ingest::parse_ice_adp_by_agency);
  if (!ice_adp.ok) return kExitBadInput;
  const std::filesystem::path ice_book_ins_file =
      options.ice_book_ins.value_or(options.data / kIceBookInsFile);
  const auto ice_book_ins = read_published_table(
      ice_book_ins_file, options.ice_book_ins.has_value(), ingest::parse_ice_book_ins_by_agency);
  if (!ice_book_ins.ok) return kExitBadInput;
  const std::filesystem::path ice_file = options.ice.value_or(options.data / kIceFile);
  const auto ice_workbooks =
      read_published_table(ice_file, options.ice.has_value(), ingest::parse_ice_detention);
  if (!ice_workbooks.ok) return kExitBadInput;
  const std::filesystem::path bookouts_file =
      options.bookouts.value_or(options.data / kBookOutsFile);
  // OHSS's monthly book-outs by agency (the USBP rows are compared).
  const auto bookouts = read_published_table(bookouts_file, options.bookouts.has_value(),
                                             ingest::parse_ohss_bookouts_by_agency);
  if (!bookouts.ok) return kExitBadInput;

  // The output folder first: one that cannot be created is the user's mistake, found before
  // the run (exit 2), not after it.
  if (options.out) {
    std::error_code error;
    std::filesystem::create_directories(*options.out, error);
    if (error) {
      print_error(
          (options.out->string() + ": cannot create the folder: " + error.message()).c_str());
      return kExitBadInput;
    }
  }

  model::ModelSpec spec = loaded.scenario->spec;
  const util::YearMonth first = spec.start_date.year_month();
  const util::YearMonth last = (spec.start_date + (spec.days - 1)).year_month();
  if (options.rolling_origin) {
    std::cout << rolling_origin_text(*published, first, last, options.horizon);
    return kExitOk;
  }
  if (fit_until) {
    try {
      validate::forecast_arrivals(spec.arrivals, *published, *fit_until, {});
    } catch (const std::invalid_argument& e) {
      print_error(("--fit-until " + fit_until->to_string() + ": " + e.what()).c_str());
      return kExitBadInput;
    }
  }
  const int replications = options.replications.value_or(
      std::max(kDefaultReplications, loaded.scenario->ensemble.replications));
  const int threads =
      options.threads.value_or(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  std::cout << fmt::format("{}: {} replications of {} .. {} (seed {}){}\n",
                           options.scenario.string(), replications, first.to_string(),
                           last.to_string(), spec.seed,
                           fit_until ? ", fitted through " + fit_until->to_string() : "");
  std::vector<validate::ReplicationOutcome> runs;
  try {
    runs = validate::simulate_months(spec, replications, threads);
  } catch (const std::exception& e) {
    print_error((std::string("the simulation failed: ") + e.what()).c_str());
    return kExitRunFailed;
  }
  const validate::EncounterComparison comparison =
      validate::compare_encounters(runs, *published, fit_until);
  std::string text = validate::encounters_text(comparison, *published, {options.horizon});
  text += validate::title42_text(validate::compare_title42(runs, spec.arrivals));
  std::optional<validate::IceComparison> ice;
  if (ice_adp.table || ice_book_ins.table) {
    ice = validate::compare_ice(
        runs,
        validate::ice_published(or_null(ice_book_ins.table), or_null(ice_adp.table),
                                or_null(ice_workbooks.table)),
        validate::kSouthwestBorderPatrolShare, fit_until);
    text += validate::ice_text(*ice);
  }
  for (const auto& [found, file] : {std::pair{ice_book_ins.table.has_value(), ice_book_ins_file},
                                    std::pair{ice_adp.table.has_value(), ice_adp_file},
                                    std::pair{ice_workbooks.table.has_value(), ice_file}}) {
    if (!found) text += "ICE detention: " + file.string() + " not found, not compared\n";
  }
  std::optional<validate::BookOutComparison> outcomes;
  if (bookouts.table) {
    outcomes =
        validate::compare_bookouts(runs, validate::usbp_bookouts(*bookouts.table), fit_until);
    text += validate::bookouts_text(*outcomes);
  } else {
    text += "Book-out comparison skipped: " + bookouts_file.string() + " not found\n";
  }
  std::cout << text;
  if (!options.out) return kExitOk;

  // The tables, charts and text, each written atomically into the folder.
  std::vector<std::pair<std::string, std::string>> files = {
      {"validation.txt", text},
      {"validation-encounters.csv", validate::encounters_csv(comparison)},
      {"validation-encounters.svg", report::render_svg(validate::encounters_chart(comparison))},
  };
  if (ice && !ice->rows.empty()) {
    files.emplace_back("validation-ice.csv", validate::ice_csv(*ice));
    files.emplace_back("validation-ice.svg", report::render_svg(validate::ice_chart(*ice)));
  }
  if (outcomes) {
    files.emplace_back("validation-bookouts.csv", validate::bookouts_csv(*outcomes));
    files.emplace_back("validation-bookouts.svg",
                       report::render_svg(validate::bookouts_chart(*outcomes)));
  }
  for (const auto& [name, contents] : files) {
    if (const auto write_error = util::write_file_atomically(*options.out / name, contents)) {
      print_error(write_error->to_string().c_str());
      return kExitRunFailed;
    }
  }
  std::cout << "wrote validation.txt, validation-*.csv, validation-*.svg in "
            << options.out->string() << "\n";
  return kExitOk;
}

}  // namespace bf::apps
