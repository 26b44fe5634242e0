#pragma once
// Readers for two monthly series of ICE's detention statistics by arresting agency, FY2019 –
// FY2026, as extracted by the deportationdata project (github.com/deportationdata/
// ice-detention-management, commit ccc5405, from its parquet files of ICE's "Detention
// Statistics" workbooks; one release chosen per fiscal year). See docs/data.md, "ICE
// detention by agency, FY2019 – FY2026".
//
//   ice_detention_adp_monthly_by_agency_fy2019_fy2026.csv
//     cal_month,fiscal_year,agency,adp,partial_month,source_file_date,source_pull_date
//   ice_detention_bookins_monthly_by_arresting_agency_fy2019_fy2026.csv
//     cal_month,fiscal_year,arresting_agency,n_book_ins,partial_month,source_file_date,...
//
// ADP (average daily population: people in detention, a mean over the month's days) is a
// decimal ("24216.4516129032"); book-ins (people booked into detention in the month) a whole
// number. The workbooks label the agencies differently in the two tables (ADP: "Average",
// "CBP Average", "ICE Average"; book-ins: "Total", "CBP", "ICE"); both map to IceAgency.
//
// Checked beyond each field:
// - partial months: a release is pulled while a month is running, so the month of
//   `source_pull_date` is partial (partial_month = 1) and every earlier month complete (0); a
//   month after the pull date is an error (a mislabelled release). Partial months are kept and
//   flagged, and left out of monthly() unless asked for: never used as complete. In the real
//   files the last month of FY2020 – FY2023, FY2025 and FY2026 (April 2026) is partial.
// - one release per fiscal year: the rows of a fiscal year share their source dates.
// - a (agency, month) given twice is an error; every month has all three agencies and the
//   total is CBP + ICE within 0.01 people (the printed ADP values miss an exact sum by up to
//   0.00001; book-ins add up exactly).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "util/date.h"

namespace bf::ingest {

enum class IceAgency : std::uint8_t {
  kTotal,  // all arresting agencies
  kCbp,    // arrested by CBP (Border Patrol or OFO)
  kIce     // arrested by ICE (interior enforcement)
};
inline constexpr int kIceAgencyCount = 3;

// The agency spellings of each file, in IceAgency order.
inline constexpr std::string_view kIceAdpAgencyNames[kIceAgencyCount] = {"Average", "CBP Average",
                                                                         "ICE Average"};
inline constexpr std::string_view kIceBookInAgencyNames[kIceAgencyCount] = {"Total", "CBP", "ICE"};

struct IceMonthlyRow {
  int line = 0;
  util::YearMonth month;  // calendar month
  int fiscal_year = 0;    // FY N: October N-1 .. September N
  IceAgency agency = IceAgency::kTotal;
  double value = 0;             // people: ADP (mean) or book-ins (count); >= 0
  bool partial_month = false;   // the release was pulled during this month
  util::Date source_file_date;  // as the extract gives them (the file date is a
  util::Date source_pull_date;  // placeholder such as 2024-12-31 for complete years)
};

struct IceMonthlySeries {
  std::string file;
  std::int64_t data_rows = 0;       // records after the header
  std::vector<IceMonthlyRow> rows;  // in file order; complete only when ok()
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }

  // One agency's values by calendar month; partial months only if `include_partial`.
  std::map<util::YearMonth, double> monthly(IceAgency agency, bool include_partial = false) const;
};

inline constexpr std::string_view kIceAdpColumns[] = {
    "cal_month",     "fiscal_year",      "agency",          "adp",
    "partial_month", "source_file_date", "source_pull_date"};
inline constexpr std::string_view kIceBookInColumns[] = {
    "cal_month",     "fiscal_year",      "arresting_agency", "n_book_ins",
    "partial_month", "source_file_date", "source_pull_date"};

// Parses the ADP extract; `file` names it in errors. `adp` is digits with optional decimals.
IceMonthlySeries parse_ice_adp_by_agency(std::string_view bytes, std::string file);

// Parses the book-in extract. `n_book_ins` is a whole number (plain or grouped "12,345").
IceMonthlySeries parse_ice_book_ins_by_agency(std::string_view bytes, std::string file);

}  // namespace bf::ingest
