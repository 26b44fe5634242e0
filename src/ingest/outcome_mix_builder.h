#pragma once
// Derives the outcome-mix table of `borderflow calibrate-outcomes` (docs/data.md, "Outcome
// mix"): per calendar month, model demographic and citizenship group, the shares of Border
// Patrol (USBP) Southwest book-outs, other than Title 42 expulsions, that were returned,
// transferred to ICE, transferred to HHS and released, and the month's share of transfers to
// ICE that ICE booked into detention. Written in the format the scenario loader reads
// (scenario/outcome_mix_table.h; docs/scenario-format.md, "Outcome-mix table").
//
// Method, per month (docs/data.md gives the reasons):
// 1. USBP's book-outs per outcome come from the by-agency table. The family-status and
//    citizenship tables are of all CBP (USBP and OFO); each outcome's cells are scaled by
//    USBP's share of that outcome (USBP / Total CBP in the by-agency table), assuming OFO's
//    part of an outcome splits over family statuses and citizenships as USBP's does, and
//    then scaled to USBP's total of the outcome exactly. Citizenship "other" is the total
//    minus Mexico, Guatemala, Honduras and El Salvador.
// 2. CBP's national USBP encounters by demographic × citizenship (accompanied minors counted
//    with families) are fitted (two-way IPF) to the family-status and citizenship totals of
//    step 1, so the three margins agree.
// 3. A flat three-way table family status × citizenship × outcome is fitted (util/ipf.h
//    fit_three_way) to the three two-way margins: family × outcome, citizenship × outcome
//    (step 1) and family × citizenship (step 2).
// 4. A cell's shares are its returned (Title 8 repatriations + MPP), to ICE, to HHS and
//    released book-outs over their sum; Title 42 expulsions (the arrival table's share) and
//    "other outcomes" are left out. A cell with no such book-outs takes its family status'
//    shares over all citizenships (basis `margin`), and so do accompanied minors (OHSS has no
//    such group; they are few).
// 5. ice_book_in_share = ICE book-ins of CBP arrests (OHSS "ICE Book-Ins by Arrest Agency")
//    / CBP transfers to ICE (Total CBP), at most 1 (ICE books in people CBP transferred in an
//    earlier month, and CBP arrests made away from the Southwest border).
// 6. ice_release_share = ICE book-outs of CBP arrests other than removals (bond,
//    recognizance, supervision, parole, relief, other) / all ICE book-outs of CBP arrests
//    (OHSS "ICE Book-Outs by Arrest Agency"): the share of the month's decided cases ICE
//    releases.
// Months after the last one asked to be fitted, up to `carry_to`, repeat its rows (basis
// `carried`): the run may go past the published data.
// Months before the published series reach (issue 16, docs/data.md "Outcome mix before
// FY2021"):
// - before CBP's encounters file (October 2020), step 2's seed is CBP's first twelve months
//   summed: only its odds matter, the margins are the month's own;
// - before ICE's book-outs by arrest agency (October 2017), ice_release_share = 1 − k × ICE
//   ERO removals and returns of CBP arrests / ICE book-ins of CBP arrests (OHSS "ICE ERO R&R
//   by Arrest Agcy"), at least 0, with k fitted so that the first twelve published months
//   pooled give their published share (k = removal book-outs / removals and returns × book-ins
//   / book-outs, all pooled).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/arrival_table_builder.h"
#include "ingest/data_cbp_encounters.h"
#include "ingest/data_error.h"
#include "ingest/data_ohss_bookouts.h"
#include "ingest/data_ohss_monthly_tables.h"
#include "model/disposition/outcome_mix.h"
#include "model/population.h"
#include "util/date.h"

namespace bf::ingest {

inline constexpr std::string_view kOutcomeMixMethod =
    "per month: USBP book-outs per outcome (by-agency table); family-status and citizenship "
    "book-outs of all CBP scaled by USBP's share of each outcome; CBP national USBP "
    "encounters by demographic x citizenship fitted to those totals; a flat family x "
    "citizenship x outcome table fitted to the three two-way margins (IPF); shares of "
    "returned (T8 repatriations + MPP), to_ice, to_hhs, released among them (Title 42 and "
    "other outcomes left out); ice_book_in_share = ICE book-ins of CBP arrests / CBP "
    "transfers to ICE, at most 1; ice_release_share = ICE book-outs of CBP arrests other than "
    "removals / all of them (docs/data.md, \"Outcome mix\")";

// IPF limits (docs/data.md): both fits stop when no cell changes by more than this fraction
// in a sweep, or after this many sweeps (then the share of book-outs left off the margins is
// reported).
inline constexpr double kOutcomeIpfTolerance = 1e-10;
inline constexpr int kOutcomeIpfMaxSweeps = 2000;

struct OutcomeMixRow {
  util::YearMonth month;
  model::Demographic demographic{};
  model::Citizenship citizenship{};
  double bookouts = 0.0;  // fitted non-Title 42 book-outs of the modelled outcomes, people
  model::OutcomeShares shares{};
  double ice_book_in_share = 1.0;
  double ice_release_share = 0.0;
  std::string_view basis;  // "fitted", "margin" or "carried"
};

// How one month was fitted.
struct OutcomeMixMonthFit {
  util::YearMonth month;
  std::int64_t usbp_bookouts = 0;   // USBP total encounters of the month (by-agency table)
  std::int64_t other_outcomes = 0;  // of which "other outcomes", left out
  int sweeps = 0;                   // of the three-way fit
  bool converged = false;
  // Share of the month's book-outs the three-way fit leaves off its margins: the largest over
  // the three margins of sum |fitted - target| / (2 × total). Mixed sources (encounters,
  // family and citizenship sheets) need not agree on structural zeros, so it is not 0.
  double misplaced_share = 0.0;
  double book_in_ratio = 0.0;            // before the cap at 1
  bool seeded_by_reference = false;      // step 2's seed was CBP's first year (before its file)
  bool release_share_estimated = false;  // before ICE's book-outs by arrest agency
};

struct OutcomeMixResult {
  // Every month × demographic × citizenship (20 a month), month-major, then demographic,
  // then citizenship, in model order. Empty when `errors` is not.
  std::vector<OutcomeMixRow> rows;
  std::vector<OutcomeMixMonthFit> fits;  // one per fitted month
  // The factor k of the estimated ice_release_share and the months it was fitted on, when any
  // month needed it.
  std::optional<double> release_factor;
  util::YearMonth release_factor_first, release_factor_last;
  std::optional<util::YearMonth> reference_first;  // CBP's first month, when a seed needed it
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

// The sheets of the OHSS monthly tables the mix is derived from.
inline std::vector<std::string_view> outcome_mix_sheets() {
  return {kOhssBookOutsByFamilySheet, kOhssBookOutsByCitizenshipSheet, kOhssIceBookInsByAgencySheet,
          kOhssIceBookOutsByAgencySheet, kOhssIceRemovalsByAgencySheet};
}

// The inputs, parsed and checked.
struct OutcomeMixInputs {
  const OhssBookOutsTable& by_agency;
  const OhssMonthlyTables& tables;  // with the family, citizenship and ICE book-in sheets
  const CbpEncounterTable& encounters;
};

// Builds the table for the months first..last, carrying `last` to `carry_to` if given.
// Errors when first > last, carry_to < last, or a month lacks a row or group it needs.
OutcomeMixResult build_outcome_mix(const OutcomeMixInputs& inputs, util::YearMonth first,
                                   util::YearMonth last,
                                   std::optional<util::YearMonth> carry_to = std::nullopt);

// A file the table names as a source, in its "# source:" lines.
struct OutcomeMixSource {
  std::string name;
  std::string sha256;
  std::int64_t rows = 0;
};

// Writes the table: '#' lines (derived by, method, sources, notes), the header, the rows.
void write_outcome_mix(std::ostream& out, const std::vector<OutcomeMixRow>& rows,
                       const std::vector<OutcomeMixSource>& sources, const std::string& derived_by,
                       const std::vector<std::string>& notes);

struct CalibrateOutcomesOptions {
  std::filesystem::path bookouts_csv;                  // OHSS book-outs by agency (wide extract)
  std::filesystem::path monthly_tables_csv;            // OHSS monthly tables (long extract)
  std::vector<std::filesystem::path> encounters_csvs;  // CBP encounter releases
  util::YearMonth first, last;
  std::optional<util::YearMonth> carry_to;
  std::filesystem::path output;
};

// Reads, builds and writes (atomically); prints errors to `err` and the notes and per-month
// fits to `out`. Returns kCalibrateOk, kCalibrateBadInput or kCalibrateWriteFailed
// (arrival_table_builder.h).
int run_calibrate_outcomes(const CalibrateOutcomesOptions& options, std::ostream& out,
                           std::ostream& err);

}  // namespace bf::ingest
