#pragma once
// Reader for the DHS Office of Homeland Security Statistics (OHSS) "CBP Encounters – USBP"
// monthly region × sector table, as extracted to CSV from the KHSM workbook's sheet
// "Monthly Rgn and Sector" (header below). OHSS rounds every value to the nearest 10.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "util/date.h"

namespace bf::ingest {

struct OhssSectorRow {
  int line = 0;                 // where the row is in the file
  util::YearMonth month;        // calendar month
  int sector = 0;               // index into model::kSectorKeys (Southwest sectors only)
  std::int64_t encounters = 0;  // Border Patrol encounters (T8 apprehensions + T42 expulsions)
};

struct OhssSectorTable {
  std::string file;
  std::int64_t data_rows = 0;       // records after the header, all regions
  std::int64_t other_regions = 0;   // valid rows left out because they are not Southwest
  std::vector<OhssSectorRow> rows;  // Southwest rows; complete only when `errors` is empty
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

inline constexpr std::string_view kOhssSectorColumns[] = {
    "fiscal_year",    "fy_month", "month",  "calendar_year",
    "calendar_month", "region",   "sector", "encounters"};

// The region whose sectors are kept; rows of other regions (Northern Land Border, Coastal
// Border) are checked like any other row and then counted in `other_regions`.
inline constexpr std::string_view kOhssSouthwestRegion = "Southwest Land Border";

// OHSS spellings of the nine Southwest sectors, in model::kSectorKeys order.
inline constexpr std::string_view kOhssSectorNames[] = {
    "San Diego, CA", "El Centro, CA", "Yuma, AZ",   "Tucson, AZ",           "El Paso, TX",
    "Big Bend, TX",  "Del Rio, TX",   "Laredo, TX", "Rio Grande Valley, TX"};

// Parses the file's bytes; `file` names it in errors. Every row becomes a row, an
// other-region count or an error. Checks that fiscal year/month and calendar year/month
// agree and that no sector-month appears twice.
OhssSectorTable parse_ohss_sectors(std::string_view bytes, std::string file);

}  // namespace bf::ingest
