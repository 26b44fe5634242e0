#include "apps/compare_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "apps/exit_codes.h"
#include "apps/number_options.h"
#include "apps/replication_progress.h"
#include "apps/scenario_errors.h"
#include "apps/set_option.h"
#include "compare/comparable_periods.h"
#include "compare/comparison_text.h"
#include "compare/paired_comparison.h"
#include "compare/parameter_sampling.h"
#include "compare/policy_days_text.h"
#include "compare/replication_metrics.h"
#include "compare/sampling_text.h"
#include "scenario/scenario_loader.h"
#include "util/atomic_file.h"
#include "util/parallel_for.h"

namespace bf::apps {
namespace {

// A's header line and B's: "A: FILE (NAME)".
std::string scenario_line(char which, const std::filesystem::path& file,
                          const model::ModelSpec& spec) {
  return fmt::format("{}: {} ({})\n", which, file.string(), spec.name);
}

// Replication r's spec of `file`: loaded with `load` and every parameter of `ranges` at its
// quantile in r (compare/parameter_sampling.h). A replication whose values do not load is
// reported (the first, so the message does not depend on the threads) and gives nullopt.
std::optional<std::vector<model::ModelSpec>> load_sampled_specs(
    const std::filesystem::path& file, const scenario::LoadOptions& load,
    const std::vector<scenario::UncertainParameter>& ranges, int replications, int threads) {
  std::vector<scenario::LoadResult> loaded(static_cast<std::size_t>(replications));
  util::parallel_for(replications, threads, [&](int r) {
    scenario::LoadOptions sampled = load;
    sampled.assignments = compare::sample_parameters(ranges, *load.seed, r);
    loaded[static_cast<std::size_t>(r)] = scenario::load_scenario(file, sampled);
  });
  std::vector<model::ModelSpec> specs;
  for (std::size_t r = 0; r < loaded.size(); ++r) {
    if (!loaded[r].ok()) {
      print_scenario_errors(loaded[r], file,
                            fmt::format(" with the parameters sampled for replication {}; "
                                        "nothing was run",
                                        r));
      return std::nullopt;
    }
    specs.push_back(std::move(loaded[r].scenario->spec));
  }
  return specs;
}

}  // namespace

CLI::App* add_compare_subcommand(CLI::App& app, CompareOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Run two scenarios with the same seed and compare them replication by replication");
  cmd->add_option("scenario_a", o.scenario_a, "Scenario A, the reference (YAML)")->required();
  cmd->add_option("scenario_b", o.scenario_b, "Scenario B, the alternative (YAML)")->required();
  cmd->add_option("--replications,-r", o.replications, "Replications of each scenario")
      ->check(digits_only())
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--threads,-j", o.threads, "Worker threads (default: every core)")
      ->check(digits_only())
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", o.seed, "Root seed of both scenarios (default: scenario A's)")
      ->check(whole_number_64());
  cmd->add_option("--out,-o", o.out, "Folder for compare.csv and compare.txt (created)");
  cmd->add_flag("--sample-parameters", o.sample_parameters,
                "Draw the scenarios' uncertain parameters anew in each replication "
                "(their `uncertainty` sections; parameters.csv lists the values)");
  add_set_option(*cmd, o.overrides);
  cmd->add_flag("--allow-large", o.allow_large,
                "Run even if it expects more than 20 million people (memory: about 70 bytes each)");
  return cmd;
}

int compare_command(const CompareOptions& options) {
  scenario::LoadOptions load_a;
  load_a.seed = options.seed;
  load_a.allow_large = options.allow_large;
  load_a.overrides = options.overrides;
  const scenario::LoadResult a = scenario::load_scenario(options.scenario_a, load_a);
  // B runs with A's seed, so that replication r of both shares its random streams.
  scenario::LoadOptions load_b = load_a;
  if (a.ok()) load_a.seed = load_b.seed = a.scenario->spec.seed;
  const scenario::LoadResult b = scenario::load_scenario(options.scenario_b, load_b);
  if (!a.ok()) print_scenario_errors(a, options.scenario_a, "; nothing was run");
  if (!b.ok()) print_scenario_errors(b, options.scenario_b, "; nothing was run");
  if (!a.ok() || !b.ok()) return kExitBadInput;

  const model::ModelSpec& spec_a = a.scenario->spec;
  const model::ModelSpec& spec_b = b.scenario->spec;
  if (const auto mismatch = compare::period_mismatch(options.scenario_a.string(), spec_a,
                                                     options.scenario_b.string(), spec_b)) {
    print_error(mismatch->c_str());
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

  const std::vector<scenario::UncertainParameter>& ranges_a = a.scenario->uncertainty;
  const std::vector<scenario::UncertainParameter>& ranges_b = b.scenario->uncertainty;
  if (options.sample_parameters && ranges_a.empty() && ranges_b.empty()) {
    print_error(fmt::format("--sample-parameters: neither {} nor {} has an `uncertainty` section "
                            "(docs/scenario-format.md)",
                            options.scenario_a.string(), options.scenario_b.string())
                    .c_str());
    return kExitBadInput;
  }

  const int threads =
      options.threads.value_or(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  std::optional<std::vector<model::ModelSpec>> sampled_a, sampled_b;
  if (options.sample_parameters) {
    sampled_a =
        load_sampled_specs(options.scenario_a, load_a, ranges_a, options.replications, threads);
    if (!sampled_a) return kExitBadInput;
    sampled_b =
        load_sampled_specs(options.scenario_b, load_b, ranges_b, options.replications, threads);
    if (!sampled_b) return kExitBadInput;
  }
  std::vector<compare::ReplicationMetrics> runs_a, runs_b;
  try {
    ReplicationProgress progress(2 * static_cast<std::size_t>(options.replications));
    const compare::ReplicationFinished finished = progress.callback();
    runs_a = sampled_a ? compare::simulate_metrics(*sampled_a, threads, finished)
                       : compare::simulate_metrics(spec_a, options.replications, threads, finished);
    runs_b = sampled_b ? compare::simulate_metrics(*sampled_b, threads, finished)
                       : compare::simulate_metrics(spec_b, options.replications, threads, finished);
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
      (options.sample_parameters ? compare::sampled_ranges_text(ranges_a, ranges_b) + "\n" : "") +
      compare::totals_table(comparison);
  const std::string policy_days = compare::policy_days_text('A', spec_a, runs_a) +
                                  compare::policy_days_text('B', spec_b, runs_b);
  if (!policy_days.empty()) text += "\n" + policy_days;
  std::cout << text;
  if (!options.out) return kExitOk;

  std::vector<std::pair<std::string, std::string>> files = {
      {"compare.csv", compare::comparison_csv(comparison)}, {"compare.txt", text}};
  if (options.sample_parameters) {
    files.emplace_back(
        "parameters.csv",
        compare::sampled_values_csv(ranges_a, ranges_b, spec_a.seed, options.replications));
  }
  for (const auto& [name, contents] : files) {
    if (const auto write_error = util::write_file_atomically(*options.out / name, contents)) {
      print_error(write_error->to_string().c_str());
      return kExitRunFailed;
    }
  }
  std::cout << (options.sample_parameters ? "wrote compare.csv, compare.txt and parameters.csv in "
                                          : "wrote compare.csv and compare.txt in ")
            << options.out->string() << "\n";
  return kExitOk;
}

}  // namespace bf::apps
