#pragma once
// Derives the arrival table (mean daily Border Patrol encounters per Southwest sector ×
// calendar month × demographic × citizenship group, and the Title 42 share of each cell) by
// iterative proportional fitting to CBP's national demographic × citizenship counts and
// OHSS's sector totals, checks CBP against OHSS's region × citizenship and region × family
// status margins, and writes the table in the CSV format the scenario loader reads. Method,
// equations and caveats: docs/data.md, "Arrival table".

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/arrival_cells_from_margins.h"
#include "ingest/data_cbp_encounters.h"
#include "ingest/data_error.h"
#include "ingest/data_ohss_monthly_tables.h"
#include "ingest/data_ohss_regions.h"
#include "ingest/data_ohss_sectors.h"
#include "model/model_spec.h"
#include "util/date.h"

namespace bf::ingest {

// One line of the method comment written into every table.
inline constexpr std::string_view kArrivalTableMethod =
    "iterative proportional fitting per month of the sector x (demographic x citizenship) "
    "table: seed = OHSS sector USBP total x CBP national USBP share of the cell; margins = "
    "OHSS sector totals scaled to CBP's national USBP total, and CBP national USBP counts of "
    "the demographic x citizenship cells (all titles and encounter types); / days in month. "
    "title42_share = CBP national USBP Title 42 share of the cell, the same in every sector "
    "(docs/data.md)";

// IPF tolerances (docs/data.md): stop when no cell changes by more than this fraction in a
// sweep, or after this many sweeps (not converging is an error).
inline constexpr double kArrivalIpfTolerance = 1e-10;
inline constexpr int kArrivalIpfMaxSweeps = 1000;

// How one month was fitted.
struct ArrivalMonthFit {
  util::YearMonth month;
  // CBP national (Southwest) USBP encounters, exact; for a month estimated from OHSS's
  // margins (from_margins), the OHSS sector sum the estimate was scaled to.
  std::int64_t cbp_total = 0;
  std::int64_t ohss_total = 0;        // sum of the nine OHSS sector totals (each rounded to 10)
  int sweeps = 0;                     // IPF sweeps (row then column scaling) until converged
  double last_relative_change = 0.0;  // largest cell change in the last sweep
  double max_relative_margin_error = 0.0;  // after fitting, over sector and cell margins
  bool from_margins = false;  // the national cells were estimated (arrival_cells_from_margins.h)
};

struct ArrivalTableResult {
  // Every sector × month × demographic × citizenship cell of the range (180 per month), in
  // the file's order: month, sector, demographic, citizenship. Empty when `errors` is not.
  std::vector<model::ArrivalLevel> rows;
  std::vector<ArrivalMonthFit> fits;  // one per month, in order
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

// Builds the table for calendar months first..last (inclusive). Uses only Border Patrol rows
// of `encounters` (combine several releases first with combine_cbp_releases). Errors when
// first > last, when a month has no Border Patrol rows (or a zero total) in `encounters`, when
// a sector-month is missing from `sectors` or all its sectors are 0, or when IPF does not
// converge.
ArrivalTableResult build_arrival_table(const CbpEncounterTable& encounters,
                                       const OhssSectorTable& sectors, util::YearMonth first,
                                       util::YearMonth last);

// The national cells of one month and where they come from.
struct MonthCells {
  util::YearMonth month;
  NationalCells cells;
  bool from_margins = false;  // estimated from OHSS's margins rather than CBP's cells
};

// The sector split alone: builds the table for months first..last from the national cells
// given for them (a month without cells is skipped: the caller reports it). Errors as
// build_arrival_table for the sectors and the fit.
ArrivalTableResult split_by_sector(const std::vector<MonthCells>& national,
                                   const OhssSectorTable& sectors, util::YearMonth first,
                                   util::YearMonth last);

// One month × category of a consistency check: CBP's national USBP count against OHSS's
// Southwest region count (rounded to 10) for one citizenship group or demographic.
struct MarginDiscrepancy {
  util::YearMonth month;
  int category = 0;  // model::index_of of the Citizenship or Demographic
  std::int64_t cbp = 0;
  std::int64_t ohss = 0;
  std::int64_t difference() const { return cbp - ohss; }
};

struct MarginCheck {
  std::vector<MarginDiscrepancy> cells;  // month-major, every category of the model
  std::vector<DataError> errors;         // a month of the range missing from the OHSS file
  // The cell with the largest |cbp - ohss| (the first such in month, category order);
  // nullptr when there are no cells.
  const MarginDiscrepancy* largest() const;
};

// Compares CBP's national USBP counts per citizenship group (by_citizenship = true) or per
// demographic (false) with an OHSS region table of the same kind, month by month over
// first..last. The comparison is a check only: these margins are coarsenings of CBP's
// demographic × citizenship counts, so as IPF constraints they would add nothing but their
// rounding disagreement (docs/data.md).
MarginCheck check_region_margins(const CbpEncounterTable& encounters, const OhssRegionTable& region,
                                 bool by_citizenship, util::YearMonth first, util::YearMonth last);

// A file the table was derived from, named in its header.
struct ArrivalTableSource {
  std::string file_name;  // without directory, so tables are identical across machines
  std::string sha256;     // lowercase hex digest of the file's bytes
  std::int64_t rows = 0;  // data rows in the file (after the header)
};

// Writes the table: comment lines (title, `derived_by`, method, each of `notes` as "# "
// + note, one per source), the header
// `sector,month,demographic,citizenship,encounters_per_day,title42_share`, then the rows
// sorted by month, sector (west to east), demographic and citizenship (enum order), values
// with 4 decimals.
void write_arrival_table(std::ostream& out, const std::vector<model::ArrivalLevel>& rows,
                         const std::vector<ArrivalTableSource>& sources,
                         std::string_view derived_by, const std::vector<std::string>& notes = {});

// What `borderflow calibrate` does.
struct CalibrateOptions {
  // CBP Southwest Land Border Encounters CSVs, one or more releases (required); overlapping
  // months are taken from the release with the latest data (combine_cbp_releases).
  std::vector<std::filesystem::path> encounters_csvs;
  std::filesystem::path sectors_csv;  // OHSS monthly region × sector CSV (required)
  std::filesystem::path output;       // table to write; replaced atomically (required)
  util::YearMonth first;              // first calendar month, inclusive (required)
  util::YearMonth last;               // last calendar month, inclusive (required)
  // OHSS monthly region × citizenship CSV; empty (the default) skips that consistency check.
  std::filesystem::path citizenship_csv;
  // OHSS monthly region × family status CSV; empty (the default) skips that check.
  std::filesystem::path family_status_csv;
  // OHSS monthly tables, long CSV extract: the Title 42 expulsions by family status of months
  // before CBP's files ("CBP SWB Book-Outs by Agency" and "… by Family", FY2014 on). Months
  // before the first month of `encounters_csvs` are estimated from the OHSS margins
  // (arrival_cells_from_margins.h) and need it, citizenship_csv and family_status_csv.
  std::filesystem::path monthly_tables_csv;
};

// Exit codes of run_calibrate (the CLI returns them as they are).
inline constexpr int kCalibrateOk = 0;
inline constexpr int kCalibrateBadInput = 2;     // an input is unreadable or invalid
inline constexpr int kCalibrateWriteFailed = 3;  // the output could not be written

// Reads the inputs, builds the table and writes it to `output` through a temporary file in
// the same directory renamed over it, so `output` is either the old file or the complete new
// one. Prints every error found, one per line ("file:line:column: message"), to `err`, and on
// success the notes to `out`. Thread-safe for distinct outputs.
int run_calibrate(const CalibrateOptions& options, std::ostream& out, std::ostream& err);

// The same without printing: the errors found (empty on success) and which kind they are.
struct CalibrateResult {
  int exit_code = kCalibrateOk;
  std::vector<DataError> errors;
  // On success: what the fit and the checks found, one line each (also written into the
  // table as "# " comment lines, except the per-month IPF figures).
  std::vector<std::string> notes;
  std::vector<ArrivalMonthFit> fits;  // on success, one per month
};
CalibrateResult calibrate(const CalibrateOptions& options);

}  // namespace bf::ingest
