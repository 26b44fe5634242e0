#pragma once
// Readers for two more sheets of the DHS OHSS "CBP Encounters – USBP" workbook (KHSM), as
// extracted to CSV: "Monthly Rgn and Citp" (region × country of citizenship) and "Monthly Rgn
// and Fam Status" (region × family status). Both are Border Patrol encounters per calendar
// month and border REGION — neither has a sector column — rounded by OHSS to the nearest 10.
// The calibration uses their Southwest rows as a consistency check of CBP's national figures
// (docs/data.md, "Arrival table").

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "util/date.h"

namespace bf::ingest {

// One Southwest row: a month, a category mapped to the model and the count.
struct OhssRegionRow {
  int line = 0;
  util::YearMonth month;
  // model::index_of(model::Citizenship) for the citizenship file, of model::Demographic for
  // the family-status file.
  int category = 0;
  std::int64_t encounters = 0;  // rounded to 10 by OHSS
};

struct OhssRegionTable {
  std::string file;
  std::int64_t data_rows = 0;       // records after the header, all regions
  std::int64_t other_regions = 0;   // valid rows left out because they are not Southwest
  std::vector<OhssRegionRow> rows;  // Southwest rows; complete only when `errors` is empty
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

inline constexpr std::string_view kOhssCitizenshipColumns[] = {
    "fiscal_year",    "fy_month", "month",       "calendar_year",
    "calendar_month", "region",   "citizenship", "encounters"};
inline constexpr std::string_view kOhssFamilyStatusColumns[] = {
    "fiscal_year",    "fy_month", "month",         "calendar_year",
    "calendar_month", "region",   "family_status", "encounters"};

// OHSS family-status labels, mapped to model::Demographic (in this order: single_adult,
// family_unit_member, unaccompanied_child). OHSS has no accompanied-minor category for Border
// Patrol (nor does CBP). Any other label is an error.
inline constexpr std::string_view kOhssFamilyStatuses[] = {
    "Single Adults", "Family Unit Individuals", "Unaccompanied Children"};

// Parses the region × citizenship extract. OHSS lists single countries (about 190 names,
// with quoted ones such as "China, People's Republic of"): "Mexico", "Guatemala", "Honduras"
// and "El Salvador" map to those groups, every other name (including "Unknown") to
// model::Citizenship::kOther, as CBP's "Other" grouping does. A row with an empty country, or
// the same country twice in one month, is an error. Month columns are checked as in
// parse_ohss_sectors.
OhssRegionTable parse_ohss_citizenship(std::string_view bytes, std::string file);

// Parses the region × family-status extract (labels above).
OhssRegionTable parse_ohss_family_status(std::string_view bytes, std::string file);

namespace detail {
class Record;

// Maps the category text (column 6) of a Southwest row to a category index, or reports the
// problem on the record and returns nullopt.
using OhssCategoryMapper = std::function<std::optional<int>(Record&)>;

// The loop every OHSS KHSM monthly reader shares (also parse_ohss_sectors): `columns` are
// the five month columns, "region", the category column and "encounters", in that order.
// Rows of other regions are checked (month and count) and counted; a category text seen
// twice in a month is a "duplicate row: <what> ..." error.
OhssRegionTable parse_ohss_region_table(std::string_view bytes, std::string file,
                                        const std::vector<std::string_view>& columns,
                                        std::string_view what,
                                        const OhssCategoryMapper& map_category);
}  // namespace detail

}  // namespace bf::ingest
