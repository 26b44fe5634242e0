#include "ingest/data_ohss_sectors.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bf::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";

OhssSectorTable read_sample(const std::string& name) {
  const FileText text = read_file_bytes(kData / name);
  EXPECT_TRUE(text.bytes) << name;
  return parse_ohss_sectors(text.bytes.value_or(""), name);
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

TEST(OhssSectors, KeepsSouthwestSectorsInOurOrder) {
  const OhssSectorTable t = read_sample("ohss_sectors_small.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 11);
  EXPECT_EQ(t.other_regions, 1);  // Swanton, VT
  ASSERT_EQ(t.rows.size(), 10u);
  for (int s = 0; s < 9; ++s) {
    EXPECT_EQ(t.rows[s].sector, s);
    EXPECT_EQ(t.rows[s].month, (util::YearMonth{2023, 12}));
  }
  EXPECT_EQ(t.rows[6].encounters, 930);  // Del Rio
  EXPECT_EQ(t.rows[9].sector, 6);
  EXPECT_EQ(t.rows[9].month, (util::YearMonth{2024, 1}));
  EXPECT_EQ(t.rows[9].encounters, 16710);
  EXPECT_EQ(t.rows[9].line, 12);
}

TEST(OhssSectors, ReportsEveryBadRow) {
  const OhssSectorTable t = read_sample("ohss_sectors_bad.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{
                "ohss_sectors_bad.csv:2:47: unknown Southwest sector \"Del Rio TX\" (did you "
                "mean \"Del Rio, TX\"?)",
                "ohss_sectors_bad.csv:3:17: calendar month 2024-12 does not match fiscal year "
                "2024 month 3",
                "ohss_sectors_bad.csv:4:8: month name \"Dec\" does not match calendar month 12 "
                "(December)",
                "ohss_sectors_bad.csv:6: duplicate row: sector \"Laredo, TX\" in 2023-12 "
                "already on line 5",
                "ohss_sectors_bad.csv:7:52: encounters \"sixty\" is not a whole number"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].sector, 7);  // Laredo
}

TEST(OhssSectors, RejectsRenamedHeader) {
  const OhssSectorTable t = parse_ohss_sectors(
      "fiscal_year,fy_month,month,calendar_year,calendar_month,region,sector,encounter\n", "h.csv");
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{"h.csv:1:71: missing column \"encounters\" (found "
                                     "\"encounter\" instead: renamed?)"});
}

}  // namespace
}  // namespace bf::ingest
