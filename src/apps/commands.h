#pragma once
// The subcommands. Each returns an exit code (exit_codes.h) and writes its own messages.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario_loader.h"
#include "util/date.h"

namespace bf::apps {

struct RunOptions {
  std::filesystem::path scenario;
  std::filesystem::path out = "out";  // result folder, replaced whole or left untouched
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::optional<int> days;            // overrides the scenario's horizon
  bool quiet = false;                 // no daily lines, only the final summary
  bool no_report = false;             // skip report.html in the result folder
  std::optional<int> replications;    // overrides the scenario's ensemble.replications
  std::optional<int> threads;         // overrides ensemble.threads (default: every core)
  bool resume = false;                // finish the ensemble checkpointed beside `out`
  bool allow_large = false;           // load a run expecting over 20 million people
  scenario::Overrides overrides;      // --set PATH=VALUE, in order (apps/set_option.h)
};
int run_command(const RunOptions& options);

// Ensembles (ensemble_command.cc): more than one replication, a sweep, --resume, or a start
// by an MPI launcher.
bool wants_ensemble(const RunOptions& options, const scenario::LoadedScenario& loaded);
int run_ensemble_command(const RunOptions& options, const scenario::LoadedScenario& loaded);

struct CheckOptions {
  std::filesystem::path scenario;
  bool allow_large = false;       // accept a run expecting over 20 million people
  scenario::Overrides overrides;  // --set PATH=VALUE, in order (apps/set_option.h)
};
int check_command(const CheckOptions& options);

struct CalibrateCommandOptions {
  std::vector<std::filesystem::path> encounters;  // one or more CBP releases
  std::filesystem::path sectors;
  std::filesystem::path citizenship;     // optional OHSS region × citizenship (a check)
  std::filesystem::path family_status;   // optional OHSS region × family status (a check)
  std::filesystem::path monthly_tables;  // OHSS monthly tables: Title 42 before CBP's file
  std::filesystem::path output;
  std::string first_month;  // YYYY-MM
  std::string last_month;   // YYYY-MM
};
int calibrate_command(const CalibrateCommandOptions& options);

struct CalibratePortsCommandOptions {
  std::filesystem::path sources;  // data/ports/crossing-sources.csv
  std::filesystem::path bts;      // BTS Border Crossing Entry Data CSV
  std::filesystem::path texas;    // Texas-Mexico monthly crossings CSV
  std::filesystem::path output;
  std::string first_month;  // YYYY-MM
  std::string last_month;   // YYYY-MM
};
int calibrate_ports_command(const CalibratePortsCommandOptions& options);

struct CalibrateOutcomesCommandOptions {
  std::filesystem::path bookouts;                 // OHSS book-outs by agency, wide extract
  std::filesystem::path monthly_tables;           // OHSS monthly tables, long extract
  std::vector<std::filesystem::path> encounters;  // CBP encounter releases
  std::filesystem::path output;
  std::string first_month;  // YYYY-MM
  std::string last_month;   // YYYY-MM
  std::string carry_to;     // YYYY-MM or empty
};
int calibrate_outcomes_command(const CalibrateOutcomesCommandOptions& options);

}  // namespace bf::apps
