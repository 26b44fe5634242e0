#include "apps/sensitivity_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <thread>
#include <vector>

#include "apps/exit_codes.h"
#include "apps/number_options.h"
#include "apps/replication_progress.h"
#include "apps/scenario_errors.h"
#include "compare/replication_metrics.h"
#include "compare/sensitivity.h"
#include "compare/sensitivity_text.h"
#include "report/tornado_chart.h"
#include "scenario/scenario_loader.h"
#include "util/atomic_file.h"

namespace bf::apps {
namespace {

std::optional<std::size_t> metric_index(const std::string& key) {
  for (std::size_t m = 0; m < compare::kMetricCount; ++m) {
    if (compare::kMetrics[m].key == key) return m;
  }
  return std::nullopt;
}

std::string metric_keys() {
  std::string out;
  for (const compare::Metric& m : compare::kMetrics)
    out += (out.empty() ? "" : ", ") + std::string(m.key);
  return out;
}

// The metric's whole-run value in each replication of `spec`.
std::vector<double> whole_run(const model::ModelSpec& spec, std::size_t metric, int replications,
                              int threads, const compare::ReplicationFinished& finished) {
  std::vector<double> values;
  for (const compare::ReplicationMetrics& r :
       compare::simulate_metrics(spec, replications, threads, finished)) {
    values.push_back(r.periods.front()[metric]);
  }
  return values;
}

report::TornadoChart tornado(const compare::SensitivityResult& s, const model::ModelSpec& spec) {
  const compare::Metric& metric = compare::kMetrics[s.metric];
  report::TornadoChart chart;
  chart.id = "sensitivity";
  chart.title = fmt::format("Sensitivity of {} to the uncertain parameters", metric.label);
  chart.x_label =
      fmt::format("{} over the whole run (mean of {} replications)", metric.label, s.replications);
  chart.caption = fmt::format(
      "{}: one parameter at a time at each end of its range, the others as written; seed {}",
      spec.name, spec.seed);
  chart.base = s.mean_base;
  for (const compare::ParameterSwing& p : s.parameters) {
    chart.bars.push_back({p.path, p.low_text, p.high_text, p.swing.mean_a, p.swing.mean_b});
  }
  return chart;
}

}  // namespace

CLI::App* add_sensitivity_subcommand(CLI::App& app, SensitivityOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "sensitivity",
      "Rank a scenario's uncertain parameters by how much one output moves between the ends of "
      "their ranges");
  cmd->add_option("scenario", o.scenario, "Scenario with an `uncertainty` section (YAML)")
      ->required();
  cmd->add_option("--metric,-m", o.metric, "Output to rank by, a key of compare.csv")->required();
  cmd->add_option("--replications,-r", o.replications, "Replications at each end and the base")
      ->check(digits_only())
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--threads,-j", o.threads, "Worker threads (default: every core)")
      ->check(digits_only())
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", o.seed, "Root seed (default: the scenario's)")
      ->check(whole_number_64());
  cmd->add_option("--out,-o", o.out,
                  "Folder for sensitivity.txt, sensitivity.csv and sensitivity.svg (created)");
  cmd->add_flag("--allow-large", o.allow_large,
                "Run even if it expects more than 20 million people (memory: about 70 bytes each)");
  return cmd;
}

int sensitivity_command(const SensitivityOptions& options) {
  const std::optional<std::size_t> metric = metric_index(options.metric);
  if (!metric) {
    print_error(
        fmt::format("--metric: unknown output '{}'; one of {}", options.metric, metric_keys())
            .c_str());
    return kExitBadInput;
  }
  scenario::LoadOptions load;
  load.seed = options.seed;
  load.allow_large = options.allow_large;
  const scenario::LoadResult base = scenario::load_scenario(options.scenario, load);
  if (!base.ok()) {
    print_scenario_errors(base, options.scenario, "; nothing was run");
    return kExitBadInput;
  }
  const std::vector<scenario::UncertainParameter>& ranges = base.scenario->uncertainty;
  if (ranges.empty()) {
    print_error(fmt::format("{} has no `uncertainty` section: no parameter to vary (see "
                            "docs/scenario-format.md)",
                            options.scenario.string())
                    .c_str());
    return kExitBadInput;
  }
  // Every end runs with the base's seed: replication r shares its random streams with r of
  // the base and of every other end (common random numbers).
  load.seed = base.scenario->spec.seed;
  std::vector<std::pair<model::ModelSpec, model::ModelSpec>> ends;
  for (const scenario::UncertainParameter& p : ranges) {
    std::pair<model::ModelSpec, model::ModelSpec> specs;
    for (const auto& [text, spec] :
         {std::pair{&p.low_text, &specs.first}, std::pair{&p.high_text, &specs.second}}) {
      scenario::LoadOptions at_end = load;
      at_end.assignments = {{p.path, *text}};
      scenario::LoadResult loaded = scenario::load_scenario(options.scenario, at_end);
      if (!loaded.ok()) {
        print_scenario_errors(loaded, options.scenario,
                              fmt::format(" with {} at {}; nothing was run", p.path, *text));
        return kExitBadInput;
      }
      *spec = std::move(loaded.scenario->spec);
    }
    ends.push_back(std::move(specs));
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
  const model::ModelSpec& spec = base.scenario->spec;
  const int n = options.replications;
  compare::SensitivityResult result;
  try {
    // The base and both ends of every range, n replications each.
    ReplicationProgress progress(static_cast<std::size_t>(n) * (1 + 2 * ranges.size()));
    const compare::ReplicationFinished finished = progress.callback();
    std::vector<compare::EndValues> values;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      values.push_back({ranges[i].path, ranges[i].low_text, ranges[i].high_text,
                        whole_run(ends[i].first, *metric, n, threads, finished),
                        whole_run(ends[i].second, *metric, n, threads, finished)});
    }
    result = compare::rank_swings(*metric, whole_run(spec, *metric, n, threads, finished), values);
  } catch (const std::exception& e) {
    print_error((std::string("the simulation failed: ") + e.what()).c_str());
    return kExitRunFailed;
  }

  const util::Date last = spec.start_date + (spec.days - 1);
  const std::string text =
      fmt::format("sensitivity of {} ({}, whole run) to the uncertain parameters of {} ({})\n",
                  compare::kMetrics[*metric].key, compare::kMetrics[*metric].label,
                  options.scenario.string(), spec.name) +
      fmt::format("{} replications at each end, seed {}, {} .. {} ({} days)\n\n", n, spec.seed,
                  spec.start_date.to_string(), last.to_string(), spec.days) +
      compare::sensitivity_table(result);
  std::cout << text;
  if (!options.out) return kExitOk;

  const std::vector<std::pair<std::string, std::string>> files = {
      {"sensitivity.csv", compare::sensitivity_csv(result)},
      {"sensitivity.svg", report::render_tornado_svg(tornado(result, spec))},
      {"sensitivity.txt", text}};
  for (const auto& [name, contents] : files) {
    if (const auto write_error = util::write_file_atomically(*options.out / name, contents)) {
      print_error(write_error->to_string().c_str());
      return kExitRunFailed;
    }
  }
  std::cout << "wrote sensitivity.csv, sensitivity.svg and sensitivity.txt in "
            << options.out->string() << "\n";
  return kExitOk;
}

}  // namespace bf::apps
