#pragma once
// Reader for ICE's detention statistics ("Detention Management – Detention Statistics",
// ice.gov/detain/detention-management) as a tidy CSV extract of the monthly tables in the
// sheet "Detention FYnn" of each fiscal year's workbook (header below), written by
// scripts/ice-xlsx-to-csv.py. See docs/data.md, "ICE detention statistics".
//
// Overlapping releases. One file may hold the tables of several workbooks (the `source_file`
// column). A workbook's fiscal year is the latest `fiscal_year` of its rows. When several
// workbooks give the same table, category, criminality and calendar month, the row of the
// workbook with the latest fiscal year is used and the others are counted in
// `superseded_rows`: the later fiscal-year workbook wins (ICE revises past months in later
// releases). Two workbooks of that same latest fiscal year (an interim and an end-of-year
// release, say) must agree: a different value is an error (keep one of the two), the same
// value is counted in `repeated_rows`. Within one workbook a repeated key is an error unless
// its value is the same (`repeated_rows`). The outcome does not depend on the order of rows.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "util/date.h"

namespace bf::ingest {

// The monthly tables of the sheet, by what `value` measures.
enum class IceTable : std::uint8_t {
  kAdp,             // average daily population (people in detention), by arresting agency
  kAlosDays,        // average length of stay (days) of stays ended in the month, by agency
  kInitialBookIns,  // initial book-ins (people) in the month, by arresting agency
  kFinalBookOuts    // final book-outs (people) in the month, by release reason
};
inline constexpr int kIceTableCount = 4;

// `table` spellings, in IceTable order.
inline constexpr std::string_view kIceTableNames[] = {
    "adp_by_arresting_agency", "alos_days_by_arresting_agency",
    "initial_book_ins_by_arresting_agency", "final_book_outs_by_release_reason"};

// Arresting agencies (`category`) of the ADP and ALOS tables, and of the book-in table. The
// workbooks label the all-agency row "Average" in the first two and "Total" in the third; the
// extract keeps that difference. Release reasons (book-outs) are not a fixed list: ICE added
// five in FY2024; "Total" is the row of all reasons.
inline constexpr std::string_view kIceAverageAgencies[] = {"CBP", "ICE", "All agencies"};
inline constexpr std::string_view kIceBookInAgencies[] = {"CBP", "ICE", "Total"};

// `criminality` of the ADP, ALOS and book-out tables; empty for initial book-ins.
inline constexpr std::string_view kIceCriminalities[] = {
    "Total", "Convicted Criminal", "Pending Criminal Charges", "Other Immigration Violator"};

inline constexpr std::string_view kIceAgencyCbp = "CBP";
inline constexpr std::string_view kIceCriminalityTotal = "Total";

struct IceDetentionRow {
  int line = 0;             // where the row is in the file
  std::string source_file;  // workbook the row comes from, e.g. "FY24_detentionStats.xlsx"
  int fiscal_year = 0;      // federal fiscal year of the row's table (FY N: Oct N-1 .. Sep N)
  IceTable table = IceTable::kAdp;
  std::string category;     // arresting agency or release reason, as in the file
  std::string criminality;  // one of kIceCriminalities, or "" (initial book-ins)
  util::YearMonth month;    // calendar month
  double value = 0;         // people (ADP, book-ins, book-outs) or days (ALOS); >= 0
};

struct IceDetentionTable {
  std::string file;
  std::int64_t data_rows = 0;         // records after the header
  std::int64_t repeated_rows = 0;     // same key, workbook year and value as a row kept
  std::int64_t superseded_rows = 0;   // replaced by a later fiscal year's workbook (see above)
  std::vector<IceDetentionRow> rows;  // rows in effect, in file order; complete only when ok()
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }

  // The values of `table` for one category and criminality, by calendar month, e.g. the ADP
  // of CBP arrests: monthly(IceTable::kAdp, kIceAgencyCbp, kIceCriminalityTotal). Empty when
  // no row matches (names are compared exactly).
  std::map<util::YearMonth, double> monthly(IceTable table, std::string_view category,
                                            std::string_view criminality) const;
};

inline constexpr std::string_view kIceDetentionColumns[] = {
    "source_file", "fiscal_year", "table", "category", "criminality", "month", "value"};

// Parses the file's bytes; `file` names it in errors. Every row becomes a row, a repeated or
// superseded count, or an error. `month` is the fiscal month "Oct".."Sep" (Oct, Nov, Dec of
// fiscal year N are calendar year N-1); `value` is digits with optional decimals ("26089.29").
IceDetentionTable parse_ice_detention(std::string_view bytes, std::string file);

}  // namespace bf::ingest
