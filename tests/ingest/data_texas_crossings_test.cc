#include "ingest/data_texas_crossings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bf::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";

TexasCrossingTable read_sample(const std::string& name) {
  const FileText text = read_file_bytes(kData / name);
  EXPECT_TRUE(text.bytes) << name;
  return parse_texas_crossings(text.bytes.value_or(""), name);
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

TEST(TexasCrossings, ReadsEveryRow) {
  const TexasCrossingTable t = read_sample("texas_crossings_small.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 6);
  ASSERT_EQ(t.rows.size(), 6u);
  EXPECT_EQ(t.rows[0].crossing, "Eagle Pass International Bridge");
  EXPECT_EQ(t.rows[0].poe, "Eagle Pass");
  EXPECT_EQ(t.rows[0].region, "Laredo");
  EXPECT_EQ(t.rows[0].month, (util::YearMonth{2023, 12}));
  EXPECT_EQ(t.rows[0].mode, model::Mode::kPassengerVehicle);
  EXPECT_EQ(t.rows[0].units, 551);
  EXPECT_EQ(t.rows[1].mode, model::Mode::kPedestrian);
  // Names are kept byte for byte (UTF-8).
  EXPECT_EQ(t.rows[2].crossing, "Ju\xC3\xA1rez-Lincoln International Bridge");
  EXPECT_EQ(t.rows[2].mode, model::Mode::kBus);
  EXPECT_EQ(t.rows[3].mode, model::Mode::kRail);
  EXPECT_EQ(t.rows[3].units, 25077);
  EXPECT_EQ(t.rows[4].mode, model::Mode::kTruck);
  // Quoted name with a comma and doubled quotes; a count grouped by commas.
  EXPECT_EQ(t.rows[5].crossing, "Bridge of the Americas, \"BOTA\"");
  EXPECT_EQ(t.rows[5].month, (util::YearMonth{2008, 1}));
  EXPECT_EQ(t.rows[5].units, 34638);
  EXPECT_EQ(t.rows[5].line, 7);
}

TEST(TexasCrossings, ByteOrderMarkAndCrlf) {
  const TexasCrossingTable t = parse_texas_crossings(
      "\xEF\xBB\xBFID,Year,Month,Region,POE,Crossing,Modes,Northbound Crossing\r\n"
      "2023-12-CAMI-Trucks,2023,12,Laredo,Eagle Pass,Camino Real International Bridge,"
      "Commercial Trucks,10504\r\n",
      "bom.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].units, 10504);
}

TEST(TexasCrossings, ReportsEveryBadRow) {
  const TexasCrossingTable t = read_sample("texas_crossings_bad.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{
                "texas_crossings_bad.csv:2:24: month \"13\" is not 1..12",
                "texas_crossings_bad.csv:3:77: unknown mode \"Passenger Vehicle\" (did you mean "
                "\"Passenger Vehicles\"?)",
                "texas_crossings_bad.csv:4:1: ID \"2023-11-EAGL-POVs\" does not start with "
                "\"2023-12-\" (the row's year and month)",
                "texas_crossings_bad.csv:5:96: northbound crossing \"5.5\" is not a whole number "
                ">= 0",
                "texas_crossings_bad.csv:6:45: empty crossing name",
                "texas_crossings_bad.csv:8: duplicate row: crossing \"Eagle Pass International "
                "Bridge\" mode \"Passenger Vehicles\" in 2023-12 already on line 7",
                "texas_crossings_bad.csv:9:45: expected 8 fields, found 5 (truncated line?)"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 7);
}

TEST(TexasCrossings, NegativeCountIsAnError) {
  const TexasCrossingTable t = parse_texas_crossings(
      "ID,Year,Month,Region,POE,Crossing,Modes,Northbound Crossing\n"
      "2023-12-X,2023,12,Laredo,Laredo,World Trade Bridge,Commercial Trucks,-1\n",
      "n.csv");
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{
                "n.csv:2:70: northbound crossing \"-1\" is not a whole number >= 0"});
}

TEST(TexasCrossings, RejectsRenamedHeader) {
  const TexasCrossingTable t = parse_texas_crossings(
      "ID,Year,Month,Region,POE,Crossing,Mode,Northbound Crossing\n", "h.csv");
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{
                "h.csv:1:35: missing column \"Modes\" (found \"Mode\" instead: renamed?)"});
}

}  // namespace
}  // namespace bf::ingest
