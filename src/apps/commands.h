#pragma once
// The subcommands. Each returns an exit code (exit_codes.h) and writes its own messages.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "util/date.h"

namespace bf::apps {

struct RunOptions {
  std::filesystem::path scenario;
  std::filesystem::path out = "out";  // result folder, replaced whole or left untouched
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::optional<int> days;            // overrides the scenario's horizon
  bool quiet = false;                 // no daily lines, only the final summary
  bool no_report = false;             // skip report.html in the result folder
};
int run_command(const RunOptions& options);

struct CheckOptions {
  std::filesystem::path scenario;
};
int check_command(const CheckOptions& options);

struct CalibrateCommandOptions {
  std::filesystem::path encounters;
  std::filesystem::path sectors;
  std::filesystem::path output;
  std::string first_month;  // YYYY-MM
  std::string last_month;   // YYYY-MM
};
int calibrate_command(const CalibrateCommandOptions& options);

}  // namespace bf::apps
