#pragma once
// Reader for the long CSV extract of DHS OHSS's "Immigration Enforcement and Legal Processes
// Monthly Tables" (August 2024 edition, data to 30 September 2024: all 34 sheets, FY2014 –
// August 2024, 105,020 rows, 6.8 MB): one row per sheet × fiscal year × month × group ×
// measure. `group` is the sheet's column super-header (USBP, OFO, Total CBP, a family status,
// a citizenship, or empty) and `measure` the column under it. See docs/data.md, "OHSS
// monthly tables".
//
// Quirks, each checked:
// - `month` is an English month name with `cal_month` YYYY-MM, or `Total` with `cal_month`
//   empty: the fiscal year's total (year to date, October – August, for FY2024). Totals are
//   counted and compared with their months (below) but never taken as a month.
// - `value` is empty exactly when `value_flag` is X (not applicable) or NA (not available); a
//   value with a flag, a flag without an empty value or any other flag is an error.
// - Every cell is rounded by OHSS to the nearest 10 (privacy), so totals miss the sum of their
//   months by up to 5 × (months + 1). A fiscal-year total beyond that is listed in
//   `total_mismatches`, not an error: in the real file the FY2019 MPP totals of the three
//   book-out sheets are 70 to 170 above their months, because MPP began in late January
//   2019 while the monthly cells of January and February 2019 are X.
// - June 2024 recoding. In November 2024 OHSS added disposition rules for the Securing the
//   Border rule of 5 June 2024: about 1,100 USBP apprehensions a month from June 2024 that
//   earlier editions counted as "Other outcomes" are now transfers to ICE and T8
//   repatriations. This edition already has the new rules, so its USBP "Other outcomes" do not
//   drop in June 2024 (80 – 110 a month through FY2024); figures for June 2024 on compared with
//   an earlier edition differ by that much. The reader changes no value.
//
// Only the sheets asked for are kept; the rows of every sheet are checked (month, value and
// flag, and the layout of the sheets below), so one bad row anywhere is an error. The file is
// read in one pass, one record in memory at a time (detail::stream_records).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "ingest/data_ohss_bookouts.h"
#include "util/date.h"

namespace bf::ingest {

// The sheets the calibration reads, by their names in the `sheet` column. Their groups and
// measures are checked (an unknown one is an error with a "did you mean"):
// - the three book-out sheets: measures kBookOutTotalMeasure and kBookOutOutcomeMeasures
//   (some groups lack some measures: the family sheet has no "Transfers to HHS" for adults);
// - by agency: groups kBookOutComponents; by family: kOhssBookOutFamilyGroups; by
//   citizenship: the top ten citizenships of the last twelve months (they change from
//   edition to edition: not a fixed list, but not empty) plus "Others" and the total group;
// - ICE book-ins: no group, measures kOhssIceBookInMeasures (the total also counts book-ins
//   whose arresting agency is unknown; it is within rounding of CBP + ICE in every month);
// - ICE book-outs: groups kOhssIceArrestAgencies, measures kOhssIceBookOutReasons (the
//   reasons a person left ICE detention; "Total" is their sum within rounding).
inline constexpr std::string_view kOhssBookOutsByAgencySheet = "CBP SWB Book-Outs by Agency";
inline constexpr std::string_view kOhssBookOutsByFamilySheet = "CBP SWB Book-Outs by Family";
inline constexpr std::string_view kOhssBookOutsByCitizenshipSheet = "CBP SWB Book-Outs by Citp";
inline constexpr std::string_view kOhssIceBookInsByAgencySheet = "ICE Book-Ins by Arrest Agency";

// The all-people group of the family and citizenship sheets.
inline constexpr std::string_view kOhssBookOutTotalGroup = "Total Encounters";
inline constexpr std::string_view kOhssBookOutFamilyGroups[] = {
    kOhssBookOutTotalGroup, "Single Adults", "Family Unit Individuals",
    "Unaccompanied Children/Single Minors"};
inline constexpr std::string_view kOhssIceBookInMeasures[] = {"Total", "CBP", "ICE"};
inline constexpr std::string_view kOhssIceBookOutsByAgencySheet = "ICE Book-Outs by Arrest Agency";
// ICE ERO removals and returns by initial arresting agency: no group, the book-ins' measures
// (Total, CBP, ICE). Published from FY2014, where the book-outs sheet starts in FY2018.
inline constexpr std::string_view kOhssIceRemovalsByAgencySheet = "ICE ERO R&R by Arrest Agcy";
inline constexpr std::string_view kOhssIceArrestAgencies[] = {"Total", "CBP", "ICE"};
inline constexpr std::string_view kOhssIceRemovalBookOut = "Removal Book-out";
inline constexpr std::string_view kOhssIceBookOutReasons[] = {"Total",
                                                              kOhssIceRemovalBookOut,
                                                              "Bonded Out",
                                                              "Order of Recognizance",
                                                              "Order of Supervision",
                                                              "Paroled",
                                                              "Relief",
                                                              "Other"};

// Why a cell has no value.
enum class OhssFlag : std::uint8_t {
  kNone,           // it has one
  kNotApplicable,  // X
  kNotAvailable    // NA
};

struct OhssCell {
  int line = 0;
  util::YearMonth month;  // calendar month
  std::string group;      // may be empty
  std::string measure;
  std::optional<std::int64_t> value;  // people, rounded to 10; nullopt: X or NA (`flag`)
  OhssFlag flag = OhssFlag::kNone;
};

// A fiscal-year total that misses the sum of its months by more than rounding allows.
struct OhssTotalMismatch {
  int line = 0;  // the Total row
  std::string sheet, group, measure;
  int fiscal_year = 0;
  std::optional<std::int64_t> total;  // nullopt: X or NA while some month has a value
  std::int64_t month_sum = 0;         // of the months with a value
  int months = 0;                     // how many months have a value
};

inline constexpr std::string_view kOhssMonthlyTablesColumns[] = {
    "sheet", "fiscal_year", "month", "cal_month", "group", "measure", "value", "value_flag"};

struct OhssMonthlyTables {
  std::string file;
  std::int64_t data_rows = 0;         // records after the header
  std::int64_t total_rows = 0;        // fiscal-year Total rows, all sheets (checked, not kept)
  std::int64_t other_sheet_rows = 0;  // month rows of sheets not asked for (checked, not kept)
  // Monthly cells per sheet asked for, sorted by group, measure and month; complete only when
  // ok(). When ok(), data_rows = total_rows + other_sheet_rows + the cells.
  std::map<std::string, std::vector<OhssCell>, std::less<>> sheets;
  std::vector<OhssTotalMismatch> total_mismatches;  // sheets asked for; by line
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }

  // The cell of a sheet, group, measure and month; nullptr when the sheet was not read or has
  // no such cell.
  const OhssCell* find(std::string_view sheet, std::string_view group, std::string_view measure,
                       util::YearMonth m) const&;
  // The pointer would outlive a temporary table: name the table first.
  const OhssCell* find(std::string_view sheet, std::string_view group, std::string_view measure,
                       util::YearMonth m) const&& = delete;
  // Its value; nullopt for X or NA and for no cell (find tells them apart).
  std::optional<std::int64_t> value(std::string_view sheet, std::string_view group,
                                    std::string_view measure, util::YearMonth m) const;
  // One group and measure by month, e.g. CBP's book-ins:
  // series(kOhssIceBookInsByAgencySheet, "", "CBP").
  std::map<util::YearMonth, std::optional<std::int64_t>> series(std::string_view sheet,
                                                                std::string_view group,
                                                                std::string_view measure) const;
};

// Parses the file's bytes, keeping the monthly cells of `sheets` (exact names). A sheet asked
// for that the file does not have is an error listing the sheets it has. A repeated (sheet,
// group, measure, month) or fiscal-year total of a sheet asked for is an error.
OhssMonthlyTables parse_ohss_monthly_tables(std::string_view bytes, std::string file,
                                            const std::vector<std::string_view>& sheets);

// One group's book-outs of one month, gathered from a book-out sheet's cells.
struct BookOutGroupMonth {
  int line = 0;  // of its first cell
  util::YearMonth month;
  std::string group;  // "Single Adults", "Mexico", "USBP", kOhssBookOutTotalGroup, ...
  std::optional<std::int64_t> total_encounters;  // nullopt: X, or no cell
  // People per outcome (BookOutOutcome order); nullopt: X, or no cell for it in this group.
  std::array<std::optional<std::int64_t>, kBookOutOutcomeCount> outcomes{};
  std::int64_t outcome(BookOutOutcome o) const;  // the value, or 0
};

struct BookOutsByGroup {
  std::string sheet;
  std::vector<BookOutGroupMonth> rows;  // by group (sorted by name), then month
  // The row of a group and month; nullptr if there is none.
  const BookOutGroupMonth* find(std::string_view group, util::YearMonth m) const&;
  // The pointer would outlive a temporary table: name the table first.
  const BookOutGroupMonth* find(std::string_view group, util::YearMonth m) const&& = delete;
};

// The cells of one of the three book-out sheets, by group and month (measures mapped to
// BookOutOutcome; they were checked when read). No rows when the sheet was not read or is
// not a book-out sheet.
BookOutsByGroup book_outs_by_group(const OhssMonthlyTables& tables, std::string_view sheet);

}  // namespace bf::ingest
