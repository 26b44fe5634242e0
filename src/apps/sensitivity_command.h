#pragma once
// `borderflow sensitivity SCENARIO --metric KEY`: one-at-a-time sensitivity of one output to
// the scenario's uncertain parameters (its `uncertainty` section). Each parameter is run at
// the low and at the high end of its range, the others as written, over the same replications
// with the same seed; the parameters are ranked by the swing of the output's mean, with its
// 95% paired interval (docs/compare.md, "Sensitivity").

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace bf::apps {

struct SensitivityOptions {
  std::filesystem::path scenario;
  std::string metric;                        // a key of compare::kMetrics; required
  int replications = 20;                     // at each end and for the base
  std::optional<int> threads;                // default: every core
  std::optional<std::uint64_t> seed;         // default: the scenario's
  std::optional<std::filesystem::path> out;  // folder for sensitivity.{txt,csv,svg}
  bool allow_large = false;                  // load runs expecting over 20 million people
};

CLI::App* add_sensitivity_subcommand(CLI::App& app, SensitivityOptions& options);

// Exit codes: 0 done; 2 bad scenario, unknown metric, no `uncertainty` section or an --out
// folder that cannot be made (nothing run, nothing written); 3 the run or a write failed.
int sensitivity_command(const SensitivityOptions& options);

}  // namespace bf::apps
