#pragma once
// Derives the arrival table (mean daily Border Patrol encounters per Southwest sector ×
// calendar month × demographic × citizenship group) from CBP's national demographic ×
// citizenship counts and OHSS's sector totals, and writes it in the CSV format the scenario
// loader reads. Method and caveats: docs/data.md, "Arrival table".

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "io/data_cbp_encounters.h"
#include "io/data_error.h"
#include "io/data_ohss_sectors.h"
#include "model/model_spec.h"
#include "util/date.h"

namespace bf::io {

// One line of the method comment written into every table.
inline constexpr std::string_view kArrivalTableMethod =
    "proportional split: encounters_per_day = OHSS sector USBP total x CBP national USBP "
    "share of the demographic x citizenship cell (all titles and encounter types) / days in "
    "month";

struct ArrivalTableResult {
  // Every sector × month × demographic × citizenship cell of the range (180 per month), in
  // the file's order: month, sector, demographic, citizenship. Empty when `errors` is not.
  std::vector<model::ArrivalLevel> rows;
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

// Builds the table for calendar months first..last (inclusive). Uses only Border Patrol rows
// of `encounters`. Errors when first > last, when a month has no Border Patrol rows (or a zero
// total) in `encounters`, or when a sector-month is missing from `sectors`.
ArrivalTableResult build_arrival_table(const CbpEncounterTable& encounters,
                                       const OhssSectorTable& sectors, util::YearMonth first,
                                       util::YearMonth last);

// A file the table was derived from, named in its header.
struct ArrivalTableSource {
  std::string file_name;  // without directory, so tables are identical across machines
  std::string sha256;     // lowercase hex digest of the file's bytes
  std::int64_t rows = 0;  // data rows in the file (after the header)
};

// Writes the table: comment lines (title, `derived_by`, method, one per source), the header
// `sector,month,demographic,citizenship,encounters_per_day`, then the rows sorted by month,
// sector (west to east), demographic and citizenship (enum order), values with 4 decimals.
void write_arrival_table(std::ostream& out, const std::vector<model::ArrivalLevel>& rows,
                         const std::vector<ArrivalTableSource>& sources,
                         std::string_view derived_by);

// What `borderflow calibrate` does.
struct CalibrateOptions {
  std::filesystem::path encounters_csv;  // CBP Southwest Land Border Encounters CSV (required)
  std::filesystem::path sectors_csv;     // OHSS monthly region × sector CSV (required)
  std::filesystem::path output;          // table to write; replaced atomically (required)
  util::YearMonth first;                 // first calendar month, inclusive (required)
  util::YearMonth last;                  // last calendar month, inclusive (required)
};

// Exit codes of run_calibrate (the CLI returns them as they are).
inline constexpr int kCalibrateOk = 0;
inline constexpr int kCalibrateBadInput = 2;     // an input is unreadable or invalid
inline constexpr int kCalibrateWriteFailed = 3;  // the output could not be written

// Reads both inputs, builds the table and writes it to `output` through a temporary file in
// the same directory renamed over it, so `output` is either the old file or the complete new
// one. Prints every error found, one per line ("file:line:column: message"), to `err`.
// Thread-safe for distinct outputs.
int run_calibrate(const CalibrateOptions& options, std::ostream& err);

// The same without printing: the errors found (empty on success) and which kind they are.
struct CalibrateResult {
  int exit_code = kCalibrateOk;
  std::vector<DataError> errors;
};
CalibrateResult calibrate(const CalibrateOptions& options);

}  // namespace bf::io
