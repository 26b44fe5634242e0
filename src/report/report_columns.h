#pragma once
// Every output column the report names (the summary table's totals and peaks, the curated
// chart series), listed once here. tests/report/report_columns_test.cc checks each against
// the output schema (output/output_schema.h), so a column renamed or dropped there fails a
// test instead of leaving an empty row or chart. The report's call sites name a column
// through days_column() / sector_column(), which do not compile for a name missing here.
//
// The port charts are not listed: they pick port_days columns by pattern (lanes_open,
// _closed, delay), whatever the file has.

#include <cstddef>
#include <string_view>

namespace bf::report {

// Columns of the days table (days.csv; summary.json's totals.<name> and peaks.<name>).
inline constexpr std::string_view kDaysColumns[] = {
    "crossings",        "encounters",           "gotaways",
    "processed",        "returned_to_mexico",   "transferred_to_ice",
    "released",         "transferred_to_orr",   "removals",
    "in_custody",       "over_capacity",        "held_over_72h",
    "holding_capacity", "detention_population", "awaiting_detention_bed",
    "detention_beds",   "remain_in_mexico",     "released_by_ice",
};

// Columns of the sector_days table (sector_days.csv).
inline constexpr std::string_view kSectorDaysColumns[] = {"encounters"};

namespace detail {
template <std::size_t N>
consteval const char* listed(const std::string_view (&list)[N], const char* name) {
  for (const std::string_view c : list) {
    if (c == name) return name;
  }
  // Not a constant expression: a column the report names must be listed above.
  throw "column not listed in report/report_columns.h";
}
}  // namespace detail

// `name`, checked at compile time to be in kDaysColumns.
consteval const char* days_column(const char* name) { return detail::listed(kDaysColumns, name); }
// `name`, checked at compile time to be in kSectorDaysColumns.
consteval const char* sector_column(const char* name) {
  return detail::listed(kSectorDaysColumns, name);
}

}  // namespace bf::report
