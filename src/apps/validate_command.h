#pragma once
// `borderflow validate SCENARIO`: replays a historical scenario over replications and
// compares it month by month and sector by sector with the published record; with
// --fit-until, months after the date are forecast by the demand model (out of sample); with
// --rolling-origin, the demand model's forecast error by horizon over the scenario's period.

#include <filesystem>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace bf::apps {

struct ValidateOptions {
  std::filesystem::path scenario;
  std::filesystem::path data = "../shared/data";  // folder with the published files
  std::optional<std::filesystem::path> sectors;   // OHSS region × sector CSV (else under data)
  std::optional<std::filesystem::path> ice;       // ICE FY23–FY24 workbook extract, for ALOS
  std::optional<std::filesystem::path> ice_adp;   // ICE ADP by agency FY2019– (else under data)
  std::optional<std::filesystem::path> ice_book_ins;  // ICE book-ins by agency FY2019– (ditto)
  std::optional<std::filesystem::path> bookouts;      // OHSS book-outs by agency (else under data)
  std::optional<int> replications;                    // default: the scenario's, at least 20
  std::optional<int> threads;                         // default: every core
  std::optional<std::uint64_t> seed;
  std::string fit_until;  // YYYY-MM; empty: all months in sample
  int horizon = 3;        // out-of-sample months summarised
  bool rolling_origin = false;
  std::optional<std::filesystem::path> out;  // folder for the CSV tables
};

CLI::App* add_validate_subcommand(CLI::App& app, ValidateOptions& options);

// Exit codes: 0 done; 2 bad scenario, data file or argument; 3 the run or a write failed.
int validate_command(const ValidateOptions& options);

}  // namespace bf::apps
