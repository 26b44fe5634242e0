#include "apps/fit_demand_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <stdexcept>

#include "apps/exit_codes.h"
#include "demand/effects_table.h"
#include "demand/interventions.h"
#include "demand/rolling_origin.h"
#include "demand/sector_series.h"
#include "model/population.h"
#include "util/atomic_file.h"

namespace bf::apps {
namespace {

// Horizons evaluated: an effect's months reach horizon ramp + 3 = 4.
constexpr int kHorizons = 4;

void print_rolling_origin(const demand::RollingOriginResult& r) {
  if (r.origins.empty()) return;
  std::cout << fmt::format(
      "rolling origin, Southwest total: {} policy-free origins from {} to {}\n", r.origins.size(),
      r.origins.front().to_string(), r.origins.back().to_string());
  std::cout << "  horizon  model MAPE   ratio of mean absolute errors, model / simple forecast\n";
  std::cout << "                        trend-scaled year-ago  last month  mean of 3  year-ago\n";
  for (std::size_t h = 0; h < r.total.size(); ++h) {
    const demand::HorizonErrors& e = r.total[h];
    const auto ratio = [&](int m) {
      return e.mean_absolute[0] / e.mean_absolute[static_cast<std::size_t>(m)];
    };
    std::cout << fmt::format("  {:>7}  {:>9.1f}%  {:>21.2f}  {:>10.2f}  {:>9.2f}  {:>8.2f}\n",
                             h + 1, e.model_mean_absolute_percent, ratio(1), ratio(2), ratio(3),
                             ratio(4));
  }
}

void print_effects(const std::vector<demand::EffectEstimate>& estimates) {
  std::cout << "intervention effects, Southwest total (log effect ± standard error, "
               "multiplier):\n";
  for (const demand::EffectEstimate& e : estimates) {
    if (e.sector >= 0) continue;
    std::cout << fmt::format("  {:<28} {:>7.3f} ± {:.3f}   x{:.2f}\n", e.intervention->name,
                             e.log_effect, e.standard_error, std::exp(e.log_effect));
  }
}

}  // namespace

CLI::App* add_fit_demand_subcommand(CLI::App& app, FitDemandOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "fit-demand",
      "Evaluate the demand model and estimate intervention effects from the OHSS sector file");
  cmd->add_option("--sectors", options.sectors,
                  "DHS OHSS monthly region x sector CSV (extract of the KHSM workbook)")
      ->required();
  cmd->add_option("--output,-o", options.output, "Effects table to write")->required();
  cmd->add_option("--through", options.through, "Last month to use, YYYY-MM (default: all)");
  return cmd;
}

int fit_demand_command(const FitDemandOptions& options) {
  std::optional<util::YearMonth> through;
  if (!options.through.empty()) {
    through = util::YearMonth::parse(options.through);
    if (!through) {
      print_error("--through takes a month as YYYY-MM, e.g. --through 2023-09");
      return kExitBadInput;
    }
  }
  demand::SectorSeriesFile read =
      demand::read_sector_series(options.sectors, options.sectors.filename().string());
  if (!read.ok()) {
    if (read.problem != demand::SectorSeriesFile::Problem::kBadRows) {
      print_error(read.errors.front().c_str());
    } else {
      for (const std::string& e : read.errors) std::cerr << e << "\n";
    }
    return kExitBadInput;
  }
  demand::SectorSeries series = std::move(read.series);
  if (through) series = series.through(*through);
  if (series.empty()) {
    print_error("no Southwest sector months to fit");
    return kExitBadInput;
  }
  const demand::ForecastOptions forecast;
  const demand::RollingOriginResult errors =
      demand::rolling_origin(series, series.first(), series.last(), kHorizons, forecast);
  const std::vector<demand::EffectEstimate> estimates =
      demand::estimate_effects(series, forecast, errors);
  print_rolling_origin(errors);
  print_effects(estimates);

  std::string derived_by = "borderflow fit-demand --sectors " + options.sectors.filename().string();
  if (through) derived_by += " --through " + through->to_string();
  derived_by += " -o " + options.output.filename().string();
  const std::string out = demand::effects_table_text(
      estimates, {{options.sectors.filename().string(), read.sha256, read.data_rows}}, derived_by);
  if (const auto error = util::write_file_atomically(options.output, out)) {
    print_error(error->to_string().c_str());
    return kExitRunFailed;
  }
  std::cout << "wrote " << options.output.string() << "\n";
  return kExitOk;
}

}  // namespace bf::apps
