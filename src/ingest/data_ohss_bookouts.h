#pragma once
// Reader for DHS OHSS "CBP SW Border Encounters Book-Outs by Agency" (the sheet "CBP SWB
// Book-Outs by Agency" of the "Immigration Enforcement and Legal Processes Monthly Tables",
// August 2024 edition) as a wide CSV extract: one row per calendar month and CBP component,
// saying what became of the people encountered at the Southwest border that month (book-outs
// are counted by ENCOUNTER month, not by the month of the outcome). See docs/data.md, "OHSS
// book-outs by agency".
//
// Every cell is rounded by OHSS to the nearest 10, so parts and totals differ by a few tens.
// An empty cell is the workbook's "X", not applicable: Title 42 expulsions outside March 2020
// – May 2023, MPP outside its months, OFO paroles for USBP and USBP releases for OFO. An
// empty cell anywhere else is an error.
//
// Checked on the whole table:
// - USBP (the component the model's outcome chain calibrates on): the outcomes add up to
//   total_encounters within rounding. Each of the n non-X outcome cells and the total is off
//   by at most 5, so the allowance is 5 × (n + 1) (the real file is off by at most 20, with
//   n = 6 or 7: allowances 35 and 40). A row beyond it is an error giving both sums.
// - OFO and Total CBP rows are not held to that: OFO February 2019 is 140 short (9,520 of
//   9,660; the FY2019 MPP total of the long extract suggests about 150 MPP cases published as
//   X that month), and Total CBP with it. Their rows beyond the allowance are listed in
//   `unbalanced_lines`, not errors.
// - Total CBP = USBP + OFO in every column of every month, within rounding (3 cells: 15), and
//   X in Total CBP exactly where both are X. A month without all three rows is an error.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "util/date.h"

namespace bf::ingest {

// What became of an encounter, in the workbook's column order.
enum class BookOutOutcome : std::uint8_t {
  kT8Repatriations,  // removed or returned under Title 8 (expedited removal, VR, reinstatement)
  kT42Expulsions,    // expelled under Title 42 (March 2020 – 11 May 2023)
  kMpp,              // Migrant Protection Protocols, returned to Mexico to await a hearing
  kTransfersToIce,   // handed to ICE (detention, or released by ICE with ATD: not a book-in)
  kTransfersToHhs,   // unaccompanied children to HHS's Office of Refugee Resettlement
  kUsbpReleases,     // released by USBP (NTA/OR, Notice to Report, parole + ATD, ...)
  kOfoParoles,       // paroled by OFO at a port (CBP One appointments among them)
  kOther             // everything else (prosecution, U.S. Marshals, ...)
};
inline constexpr int kBookOutOutcomeCount = 8;

// The outcomes' names in the long extract's `measure` column (BookOutOutcome order), and the
// measure of the encounters themselves.
inline constexpr std::string_view kBookOutOutcomeMeasures[kBookOutOutcomeCount] = {
    "T8 repatriations", "T42 expulsions",   "Migrant Protection Protocols",
    "Transfers to ICE", "Transfers to HHS", "USBP Releases",
    "OFO Paroles",      "Other outcomes"};
inline constexpr std::string_view kBookOutTotalMeasure = "Total Encounters";

// The outcome a measure name stands for; nullopt for any other text (kBookOutTotalMeasure too).
std::optional<BookOutOutcome> book_out_outcome(std::string_view measure);

enum class BookOutComponent : std::uint8_t { kTotalCbp, kUsbp, kOfo };
inline constexpr int kBookOutComponentCount = 3;
// `component` spellings, in BookOutComponent order.
inline constexpr std::string_view kBookOutComponents[kBookOutComponentCount] = {"Total CBP", "USBP",
                                                                                "OFO"};

struct BookOutMonth {  // one row
  int line = 0;
  util::YearMonth month;  // calendar month of the encounters
  int fiscal_year = 0;    // FY N: October N-1 .. September N
  BookOutComponent component{};
  std::int64_t total_encounters = 0;  // people; rounded to 10 like every cell
  // People per outcome (BookOutOutcome order); nullopt = X, not applicable.
  std::array<std::optional<std::int64_t>, kBookOutOutcomeCount> outcomes{};
  std::int64_t outcome(BookOutOutcome o) const;  // the value, or 0 for X
};

struct OhssBookOutsTable {
  std::string file;
  std::int64_t data_rows = 0;      // records after the header
  std::vector<BookOutMonth> rows;  // in file order; complete only when ok()
  // Lines of OFO and Total CBP rows whose outcomes miss total_encounters by more than
  // rounding allows (see the header comment; not errors).
  std::vector<int> unbalanced_lines;
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }

  // The row of a component and month; nullptr if there is none.
  const BookOutMonth* find(BookOutComponent c, util::YearMonth m) const&;
  // The pointer would outlive a temporary table: name the table first.
  const BookOutMonth* find(BookOutComponent c, util::YearMonth m) const&& = delete;
};

inline constexpr std::string_view kOhssBookOutsColumns[] = {"cal_month",
                                                            "fiscal_year",
                                                            "component",
                                                            "total_encounters",
                                                            "t8_repatriations",
                                                            "t42_expulsions",
                                                            "migrant_protection_protocols",
                                                            "transfers_to_ice",
                                                            "transfers_to_hhs",
                                                            "usbp_releases",
                                                            "ofo_paroles",
                                                            "other_outcomes"};

// Parses the file's bytes; `file` names it in errors. `cal_month` is YYYY-MM, `fiscal_year` its
// fiscal year, counts are whole numbers >= 0 (plain or grouped "12,345"), a (component, month)
// given twice is an error.
OhssBookOutsTable parse_ohss_bookouts_by_agency(std::string_view bytes, std::string file);

}  // namespace bf::ingest
