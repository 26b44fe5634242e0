// `borderflow calibrate`, `calibrate-ports` and `calibrate-outcomes`: derive the arrival
// table, the port traffic table and the outcome mix from the official data files.

#include <filesystem>
#include <iostream>
#include <string>

#include "apps/commands.h"
#include "apps/exit_codes.h"
#include "ingest/arrival_table_builder.h"
#include "ingest/outcome_mix_builder.h"
#include "ingest/port_traffic_builder.h"

namespace bf::apps {
namespace {

// The output must name a file: a folder there is the user's mistake (exit 2), found before any
// input is read, not a write failure at the end (exit 3).
bool output_is_a_folder(const std::filesystem::path& output) {
  std::error_code error;
  if (!std::filesystem::is_directory(output, error)) return false;
  const std::string message =
      output.string() + ": is a directory, not a file (--output takes the table's file name)";
  print_error(message.c_str());
  return true;
}

// --from and --to as a month range, and an --output that can be a file; nullopt (after
// printing why) when not.
struct MonthRange {
  util::YearMonth first, last;
};
std::optional<MonthRange> check_arguments(const std::string& from, const std::string& to,
                                          const std::filesystem::path& output) {
  const auto first = util::YearMonth::parse(from);
  const auto last = util::YearMonth::parse(to);
  if (!first || !last) {
    print_error("--from and --to take a month as YYYY-MM, e.g. --from 2023-12");
    return std::nullopt;
  }
  if (*last < *first) {
    print_error("--to is before --from");
    return std::nullopt;
  }
  if (output_is_a_folder(output)) return std::nullopt;
  return MonthRange{*first, *last};
}

}  // namespace

int calibrate_command(const CalibrateCommandOptions& options) {
  const auto range = check_arguments(options.first_month, options.last_month, options.output);
  if (!range) return kExitBadInput;
  ingest::CalibrateOptions o;
  o.encounters_csvs = options.encounters;
  o.sectors_csv = options.sectors;
  o.citizenship_csv = options.citizenship;
  o.family_status_csv = options.family_status;
  o.monthly_tables_csv = options.monthly_tables;
  o.output = options.output;
  o.first = range->first;
  o.last = range->last;
  const int code = ingest::run_calibrate(o, std::cout, std::cerr);
  if (code == ingest::kCalibrateOk) std::cout << "wrote " << options.output.string() << "\n";
  return code;
}

int calibrate_outcomes_command(const CalibrateOutcomesCommandOptions& options) {
  const auto range = check_arguments(options.first_month, options.last_month, options.output);
  if (!range) return kExitBadInput;
  ingest::CalibrateOutcomesOptions o;
  if (!options.carry_to.empty()) {
    o.carry_to = util::YearMonth::parse(options.carry_to);
    if (!o.carry_to) {
      print_error("--carry-to takes a month as YYYY-MM, e.g. --carry-to 2024-09");
      return kExitBadInput;
    }
  }
  o.bookouts_csv = options.bookouts;
  o.monthly_tables_csv = options.monthly_tables;
  o.encounters_csvs = options.encounters;
  o.first = range->first;
  o.last = range->last;
  o.output = options.output;
  const int code = ingest::run_calibrate_outcomes(o, std::cout, std::cerr);
  if (code == ingest::kCalibrateOk) std::cout << "wrote " << options.output.string() << "\n";
  return code;
}

int calibrate_ports_command(const CalibratePortsCommandOptions& options) {
  const auto range = check_arguments(options.first_month, options.last_month, options.output);
  if (!range) return kExitBadInput;
  ingest::CalibratePortsOptions o;
  o.sources_csv = options.sources;
  o.bts_csv = options.bts;
  o.texas_csv = options.texas;
  o.output = options.output;
  o.first = range->first;
  o.last = range->last;
  const int code = ingest::run_calibrate_ports(o, std::cerr);
  if (code == ingest::kCalibrateOk) std::cout << "wrote " << options.output.string() << "\n";
  return code;
}

}  // namespace bf::apps
