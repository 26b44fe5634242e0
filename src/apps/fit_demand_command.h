#pragma once
// `borderflow fit-demand --sectors OHSS.csv -o EFFECTS.csv [--through YYYY-MM]`: evaluates the
// demand model by rolling origin against simple forecasts, estimates the intervention effects
// and writes the effects table scenarios reference (arrivals.effects).

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace bf::apps {

struct FitDemandOptions {
  std::filesystem::path sectors;  // OHSS monthly region × sector CSV
  std::filesystem::path output;   // effects table, replaced atomically
  std::string through;            // last month used, YYYY-MM; empty = the whole file
};

CLI::App* add_fit_demand_subcommand(CLI::App& app, FitDemandOptions& options);

// Exit codes: 0 written; 2 bad input (nothing written); 3 the table could not be written.
int fit_demand_command(const FitDemandOptions& options);

}  // namespace bf::apps
