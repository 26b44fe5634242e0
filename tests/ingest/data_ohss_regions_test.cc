#include "ingest/data_ohss_regions.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "model/population.h"

namespace bf::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";

std::string bytes(const std::string& name) {
  const FileText text = read_file_bytes(kData / name);
  EXPECT_TRUE(text.bytes) << name;
  return text.bytes.value_or("");
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

TEST(OhssCitizenship, MapsCountriesToTheModelsGroups) {
  const OhssRegionTable t = parse_ohss_citizenship(bytes("ohss_citizenship_small.csv"), "c.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 5);
  EXPECT_EQ(t.other_regions, 1);
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].category, model::index_of(model::Citizenship::kMexico));
  EXPECT_EQ(t.rows[0].month, (util::YearMonth{2023, 12}));
  EXPECT_EQ(t.rows[0].encounters, 1270);
  EXPECT_EQ(t.rows[1].category, model::index_of(model::Citizenship::kGuatemala));
  EXPECT_EQ(t.rows[2].category, model::index_of(model::Citizenship::kOther));  // Venezuela
  // A quoted country name with a comma.
  EXPECT_EQ(t.rows[3].category, model::index_of(model::Citizenship::kOther));
  EXPECT_EQ(t.rows[3].line, 5);
}

TEST(OhssFamilyStatus, MapsStatusesToDemographics) {
  const OhssRegionTable t =
      parse_ohss_family_status(bytes("ohss_family_status_small.csv"), "f.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].category, model::index_of(model::Demographic::kSingleAdult));
  EXPECT_EQ(t.rows[1].category, model::index_of(model::Demographic::kFamilyUnitMember));
  EXPECT_EQ(t.rows[2].category, model::index_of(model::Demographic::kUnaccompaniedChild));
  EXPECT_EQ(t.other_regions, 1);
}

TEST(OhssFamilyStatus, EveryBadValueIsReportedAtItsColumn) {
  const OhssRegionTable t = parse_ohss_family_status(bytes("ohss_regions_bad.csv"), "bad.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{
                "bad.csv:2:47: unknown family status \"Single Adult\" (did you mean \"Single "
                "Adults\"?)",
                "bad.csv:3:47: unknown family status \"Accompanied Minors\" (expected one of "
                "\"Single Adults\", \"Family Unit Individuals\", \"Unaccompanied Children\")",
                "bad.csv:4:8: month name \"December\" does not match calendar month 11 "
                "(November)",
                "bad.csv:4:17: calendar month 2023-11 does not match fiscal year 2024 month 3",
                "bad.csv:5:70: encounters \"21O\" is not a whole number",
                "bad.csv:7: duplicate row: family status \"Family Unit Individuals\" in 2023-12 "
                "already on line 6",
                "bad.csv:8:54: encounters \"ninety\" is not a whole number"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 6);
}

TEST(OhssCitizenship, HeaderAndEmptyCountry) {
  EXPECT_EQ(messages(parse_ohss_citizenship(
                         "fiscal_year,fy_month,month,calendar_year,calendar_month,region,"
                         "citizenshp,encounters\n",
                         "h.csv")
                         .errors),
            std::vector<std::string>{"h.csv:1:64: missing column \"citizenship\" (found "
                                     "\"citizenshp\" instead: renamed?)"});
  EXPECT_EQ(messages(parse_ohss_citizenship(
                         "fiscal_year,fy_month,month,calendar_year,calendar_month,region,"
                         "citizenship,encounters\n"
                         "2024,3,December,2023,12,Southwest Land Border,,10\n",
                         "e.csv")
                         .errors),
            std::vector<std::string>{"e.csv:2:47: empty citizenship (expected a country name "
                                     "such as \"Mexico\")"});
}

}  // namespace
}  // namespace bf::ingest
