#include "apps/compare_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "apps/exit_codes.h"
#include "apps/scenario_errors.h"
#include "compare/comparison_text.h"
#include "compare/paired_comparison.h"
#include "compare/replication_metrics.h"
#include "io/data_error.h"
#include "scenario/scenario_loader.h"

namespace bf::apps {
namespace {

// A's header line and B's: "A: FILE (NAME)".
std::string scenario_line(char which, const std::filesystem::path& file,
                          const model::ModelSpec& spec) {
  return fmt::format("{}: {} ({})\n", which, file.string(), spec.name);
}

}  // namespace

CLI::App* add_compare_subcommand(CLI::App& app, CompareOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Run two scenarios with the same seed and compare them replication by replication");
  cmd->add_option("scenario_a", o.scenario_a, "Scenario A, the reference (YAML)")->required();
  cmd->add_option("scenario_b", o.scenario_b, "Scenario B, the alternative (YAML)")->required();
  cmd->add_option("--replications,-r", o.replications, "Replications of each scenario")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--threads,-j", o.threads, "Worker threads (default: every core)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", o.seed, "Root seed of both scenarios (default: scenario A's)");
  cmd->add_option("--out,-o", o.out, "Folder for compare.csv and compare.txt (created)");
  return cmd;
}

int compare_command(const CompareOptions& options) {
  scenario::LoadOptions load;
  load.seed = options.seed;
  const scenario::LoadResult a = scenario::load_scenario(options.scenario_a, load);
  // B runs with A's seed, so that replication r of both shares its random streams.
  if (a.ok()) load.seed = a.scenario->spec.seed;
  const scenario::LoadResult b = scenario::load_scenario(options.scenario_b, load);
  if (!a.ok()) print_scenario_errors(a, options.scenario_a, "; nothing was run");
  if (!b.ok()) print_scenario_errors(b, options.scenario_b, "; nothing was run");
  if (!a.ok() || !b.ok()) return kExitBadInput;

  const model::ModelSpec& spec_a = a.scenario->spec;
  const model::ModelSpec& spec_b = b.scenario->spec;
  if (spec_a.start_date != spec_b.start_date || spec_a.days != spec_b.days) {
    print_error(fmt::format("{} and {} cover different periods ({} days from {} vs {} days from "
                            "{}); compare needs the same start date and number of days",
                            options.scenario_a.string(), options.scenario_b.string(), spec_a.days,
                            spec_a.start_date.to_string(), spec_b.days,
                            spec_b.start_date.to_string())
                    .c_str());
    return kExitBadInput;
  }
  if (options.out) {
    std::error_code error;
    std::filesystem::create_directories(*options.out, error);
    if (error) {
      print_error((options.out->string() + ": " + error.message()).c_str());
      return kExitBadInput;
    }
  }

  const int threads =
      options.threads.value_or(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  std::vector<compare::ReplicationMetrics> runs_a, runs_b;
  try {
    runs_a = compare::simulate_metrics(spec_a, options.replications, threads);
    runs_b = compare::simulate_metrics(spec_b, options.replications, threads);
  } catch (const std::exception& e) {
    print_error((std::string("the simulation failed: ") + e.what()).c_str());
    return kExitRunFailed;
  }
  const bool ports = !spec_a.ports.crossings.empty() || !spec_b.ports.crossings.empty();
  const compare::ScenarioComparison comparison =
      compare::compare_replications(runs_a, runs_b, ports);

  const util::Date last = spec_a.start_date + (spec_a.days - 1);
  std::string text =
      scenario_line('A', options.scenario_a, spec_a) +
      scenario_line('B', options.scenario_b, spec_b) +
      fmt::format("{} replications each, seed {}, {} .. {} ({} days)\n\n", options.replications,
                  spec_a.seed, spec_a.start_date.to_string(), last.to_string(), spec_a.days) +
      compare::totals_table(comparison);
  std::cout << text;
  if (!options.out) return kExitOk;

  const std::vector<std::pair<std::string, std::string>> files = {
      {"compare.csv", compare::comparison_csv(comparison)}, {"compare.txt", text}};
  for (const auto& [name, contents] : files) {
    if (const auto write_error = io::write_file_atomically(*options.out / name, contents)) {
      print_error(write_error->to_string().c_str());
      return kExitRunFailed;
    }
  }
  std::cout << "wrote compare.csv and compare.txt in " << options.out->string() << "\n";
  return kExitOk;
}

}  // namespace bf::apps
