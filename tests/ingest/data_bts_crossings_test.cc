#include "ingest/data_bts_crossings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bf::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";

BtsCrossingTable read_sample(const std::string& name) {
  const FileText text = read_file_bytes(kData / name);
  EXPECT_TRUE(text.bytes) << name;
  return parse_bts_crossings(text.bytes.value_or(""), name);
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

TEST(BtsCrossings, KeepsMexicoRowsOfModeMeasures) {
  const BtsCrossingTable t = read_sample("bts_crossings_small.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 12);
  // Alcan, Alaska; Alexandria Bay (code "708"); Boston, without a state (as published).
  EXPECT_EQ(t.other_borders, 3);
  EXPECT_EQ(t.ignored_measures, 2);  // Personal Vehicle Passengers, Trains
  EXPECT_EQ(t.repeated_rows, 1);     // Nogales Personal Vehicles, same value
  ASSERT_EQ(t.rows.size(), 6u);
  EXPECT_EQ(t.rows[0].port, "Eagle Pass");
  EXPECT_EQ(t.rows[0].port_code, 2303);
  EXPECT_EQ(t.rows[0].month, (util::YearMonth{2021, 12}));
  EXPECT_EQ(t.rows[0].measure, BtsMeasure::kTrucks);
  EXPECT_EQ(t.rows[0].units, 16937);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[2].measure, BtsMeasure::kRailContainersLoaded);
  EXPECT_EQ(t.rows[3].measure, BtsMeasure::kRailContainersEmpty);
  EXPECT_EQ(t.rows[3].units, 9000);
  EXPECT_EQ(t.rows[4].port, "Nogales");
  EXPECT_EQ(t.rows[4].month, (util::YearMonth{2022, 7}));
  EXPECT_EQ(t.rows[4].measure, BtsMeasure::kPersonalVehicles);
  EXPECT_EQ(t.rows[5].measure, BtsMeasure::kBuses);
  EXPECT_EQ(t.rows[5].line, 9);
}

TEST(BtsCrossings, BothRailMeasuresAreRailcars) {
  EXPECT_EQ(kBtsMeasureModes[static_cast<int>(BtsMeasure::kRailContainersLoaded)],
            model::Mode::kRail);
  EXPECT_EQ(kBtsMeasureModes[static_cast<int>(BtsMeasure::kRailContainersEmpty)],
            model::Mode::kRail);
  EXPECT_EQ(kBtsMeasureModes[static_cast<int>(BtsMeasure::kPersonalVehicles)],
            model::Mode::kPassengerVehicle);
}

TEST(BtsCrossings, ReportsEveryBadRow) {
  const BtsCrossingTable t = read_sample("bts_crossings_bad.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{
                "bts_crossings_bad.csv:2:49: unknown measure \"Truks\" (did you mean "
                "\"Trucks\"?)",
                "bts_crossings_bad.csv:3:40: date \"Dce 2021\" is not a month like \"Dec 2021\" "
                "(Jan..Dec and a year)",
                "bts_crossings_bad.csv:4:23: border \"US-Mexican Border\" is not \"US-Mexico "
                "Border\" or \"US-Canada Border\"",
                "bts_crossings_bad.csv:5:18: port code \"23O3\" is not 1 to 4 digits",
                "bts_crossings_bad.csv:6:61: value \"-4\" is not a whole number >= 0",
                "bts_crossings_bad.csv:7:61: value \"\" is not a whole number >= 0",
                "bts_crossings_bad.csv:9: duplicate row: port \"Del Rio\" measure \"Personal "
                "Vehicles\" in 2019-06 already on line 8 with value 123068",
                "bts_crossings_bad.csv:10:51: expected 7 fields, found 6 (truncated line?)",
                "bts_crossings_bad.csv:11:9: empty state"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 8);
}

TEST(BtsCrossings, RejectsChangedHeader) {
  const BtsCrossingTable t =
      parse_bts_crossings("Port Name,State,Port Code,Border,Date,Measure,Count\n", "h.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{"h.csv:1: missing column \"Value\"",
                                      "h.csv:1:47: unexpected column \"Count\""}));
}

TEST(BtsCrossings, FullFileWithLatitudeIsNotSilentlyRead) {
  // Some BTS releases add Latitude, Longitude and Point columns: an added column is an error
  // so a layout change is seen, not guessed around.
  const BtsCrossingTable t = parse_bts_crossings(
      "Port Name,State,Port Code,Border,Date,Measure,Value,Latitude\n", "h.csv");
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{"h.csv:1:53: unexpected column \"Latitude\""});
}

TEST(BtsCrossings, EmptyFileIsAnError) {
  EXPECT_EQ(messages(parse_bts_crossings("", "e.csv").errors),
            std::vector<std::string>{"e.csv: empty file (no header)"});
}

}  // namespace
}  // namespace bf::ingest
