// Every column the report names (report/report_columns.h) is a column of the output schema,
// so renaming or dropping one in output/output_schema.cc fails here.

#include "report/report_columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "output/output_schema.h"

namespace bf::report {
namespace {

bool in_schema(output::Table table, std::string_view name) {
  const std::vector<output::Field>& fields = output::fields(table);
  return std::any_of(fields.begin(), fields.end(),
                     [name](const output::Field& f) { return f.name == name; });
}

TEST(ReportColumnsTest, EveryNamedColumnIsInTheOutputSchema) {
  for (const std::string_view name : kDaysColumns) {
    EXPECT_TRUE(in_schema(output::Table::kDays, name)) << "days." << name;
  }
  for (const std::string_view name : kSectorDaysColumns) {
    EXPECT_TRUE(in_schema(output::Table::kSectorDays, name)) << "sector_days." << name;
  }
}

TEST(ReportColumnsTest, ListedOnce) {
  std::vector<std::string_view> names(std::begin(kDaysColumns), std::end(kDaysColumns));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST(ReportColumnsTest, CheckedNamesAreTheNamesGiven) {
  EXPECT_EQ(std::string(days_column("in_custody")), "in_custody");
  EXPECT_EQ(std::string(sector_column("encounters")), "encounters");
}

}  // namespace
}  // namespace bf::report
