#pragma once
// `borderflow compare A.yaml B.yaml`: runs both scenarios over the same replications with the
// same seed (common random numbers) and reports, per output metric, for the whole run and
// each month, the means, the paired differences B − A, their 5–95% band, and the 95%
// interval of the mean difference (docs/compare.md).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace bf::apps {

struct CompareOptions {
  std::filesystem::path scenario_a;
  std::filesystem::path scenario_b;
  int replications = 20;
  std::optional<int> threads;                // default: every core
  std::optional<std::uint64_t> seed;         // default: A's seed; B always runs with A's
  std::optional<std::filesystem::path> out;  // folder for compare.csv and compare.txt
  // Draw the uncertain parameters of A and B anew in each replication (docs/compare.md,
  // "Parameter uncertainty"); parameters.csv then lists the values. Default: as written.
  bool sample_parameters = false;
  bool allow_large = false;  // load runs expecting over 20 million people
  // --set PATH=VALUE, written over both A and B (apps/set_option.h). Default: none.
  std::vector<std::pair<std::string, std::string>> overrides;
};

CLI::App* add_compare_subcommand(CLI::App& app, CompareOptions& options);

// Exit codes: 0 done; 2 bad scenario or argument, or scenarios of different periods (nothing
// run, nothing written); 3 the run or a write failed.
int compare_command(const CompareOptions& options);

}  // namespace bf::apps
