#include "ingest/port_traffic_builder.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace bf::ingest {
namespace {

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

constexpr std::string_view kHeader = "crossing,mode,source,source_port,share\n";

CrossingSourceTable sources(const std::string& rows) {
  return parse_crossing_sources("# comment\n" + std::string(kHeader) + rows, "s.csv");
}

// Texas: Eagle Pass Bridge 1 and Camino Real, Dec 2022 to Jan 2023 and Dec 2023; the file
// ends in 2023-12.
const std::string kTexas =
    "ID,Year,Month,Region,POE,Crossing,Modes,Northbound Crossing\n"
    "2022-12-EAGL-POVs,2022,12,Laredo,Eagle Pass,Eagle Pass International Bridge,Passenger "
    "Vehicles,98271\n"
    "2023-01-EAGL-POVs,2023,1,Laredo,Eagle Pass,Eagle Pass International Bridge,Passenger "
    "Vehicles,62000\n"
    "2022-12-CAMI-Trucks,2022,12,Laredo,Eagle Pass,Camino Real International Bridge,Commercial "
    "Trucks,16752\n"
    "2023-12-EAGL-POVs,2023,12,Laredo,Eagle Pass,Eagle Pass International Bridge,Passenger "
    "Vehicles,551\n";

// BTS: Nogales, ends in 2022-07 like the published copy.
const std::string kBts =
    "Port Name,State,Port Code,Border,Date,Measure,Value\n"
    "Nogales,Arizona,2604,US-Mexico Border,Dec 2021,Personal Vehicles,310000\n"
    "Nogales,Arizona,2604,US-Mexico Border,Dec 2021,Rail Containers Loaded,3762\n"
    "Nogales,Arizona,2604,US-Mexico Border,Dec 2021,Rail Containers Empty,2897\n"
    "Nogales,Arizona,2604,US-Mexico Border,Jan 2022,Personal Vehicles,279000\n"
    "Nogales,Arizona,2604,US-Mexico Border,Jan 2022,Rail Containers Loaded,3837\n"
    "Nogales,Arizona,2604,US-Mexico Border,Jul 2022,Personal Vehicles,1\n";

TEST(ReferenceMonth, YearBeforeWhenTheSourceHasIt) {
  EXPECT_EQ(reference_month({2023, 12}, {2025, 12}), (util::YearMonth{2022, 12}));
  EXPECT_EQ(reference_month({2024, 3}, {2025, 12}), (util::YearMonth{2023, 3}));
  EXPECT_EQ(reference_month({2023, 12}, {2022, 12}), (util::YearMonth{2022, 12}));
}

TEST(ReferenceMonth, LatestYearWithTheCalendarMonthWhenTheSourceEndsEarlier) {
  // BTS ends in July 2022.
  EXPECT_EQ(reference_month({2023, 12}, {2022, 7}), (util::YearMonth{2021, 12}));
  EXPECT_EQ(reference_month({2024, 1}, {2022, 7}), (util::YearMonth{2022, 1}));
  EXPECT_EQ(reference_month({2024, 7}, {2022, 7}), (util::YearMonth{2022, 7}));
  EXPECT_EQ(reference_month({2024, 8}, {2022, 7}), (util::YearMonth{2021, 8}));
  EXPECT_EQ(reference_month({2023, 7}, {2022, 7}), (util::YearMonth{2022, 7}));
}

TEST(CrossingSources, ReadsRowsInOrder) {
  const CrossingSourceTable t = sources(
      "eagle_pass_bridge_1,passenger_vehicle,texas,Eagle Pass International Bridge,1\n"
      "nogales_deconcini,passenger_vehicle,bts,Nogales,0.6\n");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 2);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 3);
  EXPECT_EQ(t.rows[0].crossing, "eagle_pass_bridge_1");
  EXPECT_EQ(t.rows[0].mode, model::Mode::kPassengerVehicle);
  EXPECT_EQ(t.rows[0].source, TrafficSource::kTexas);
  EXPECT_EQ(t.rows[0].port_column, 45);
  EXPECT_EQ(t.rows[1].source, TrafficSource::kBts);
  EXPECT_EQ(t.rows[1].source_port, "Nogales");
  EXPECT_DOUBLE_EQ(t.rows[1].share, 0.6);
}

TEST(CrossingSources, ReportsEveryBadRow) {
  const CrossingSourceTable t = sources(
      "Eagle Pass,truck,texas,Camino Real International Bridge,1\n"
      "a,trucks,texas,X,1\n"
      "b,truck,cbp,X,1\n"
      "c,truck,bts,,1\n"
      "d,truck,bts,X,1.5\n"
      "e,truck,bts,X,0\n"
      "f,truck,bts,X,1e0\n"
      "g,truck,bts,Y,0.7\n"
      "g,truck,bts,Y,0.7\n"
      "h,truck,bts,Y,0.7\n"
      "i,truck,bts\n");
  EXPECT_EQ(
      messages(t.errors),
      (std::vector<std::string>{
          "s.csv:3:1: crossing \"Eagle Pass\" is not a key (lower-case letters, digits and "
          "'_', starting with a letter)",
          "s.csv:4:3: unknown mode \"trucks\" (did you mean \"truck\"?)",
          "s.csv:5:9: unknown source \"cbp\" (expected one of \"texas\", \"bts\")",
          "s.csv:6:13: empty source_port", "s.csv:7:15: share \"1.5\" is not a number in (0, 1]",
          "s.csv:8:15: share \"0\" is not a number in (0, 1]",
          "s.csv:9:15: share \"1e0\" is not a number in (0, 1]",
          "s.csv:11: duplicate row: crossing \"g\" mode truck already on line 10",
          "s.csv:12:15: shares of bts \"Y\" truck add up to 1.4000 (more than the whole "
          "count)",
          "s.csv:13:12: expected 5 fields, found 3 (truncated line?)"}));
}

TEST(PortTraffic, SharesOverDaysOfTheReferenceMonth) {
  const CrossingSourceTable s = sources(
      "eagle_pass_bridge_1,passenger_vehicle,texas,Eagle Pass International Bridge,1\n"
      "eagle_pass_camino_real,truck,texas,Camino Real International Bridge,1\n"
      "nogales_deconcini,passenger_vehicle,bts,Nogales,0.6\n");
  const PortTrafficResult r =
      build_port_traffic(s, parse_bts_crossings(kBts, "bts.csv"),
                         parse_texas_crossings(kTexas, "tx.csv"), {2023, 12}, {2023, 12});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r.errors));
  EXPECT_EQ(r.crossings, (std::vector<std::string>{"eagle_pass_bridge_1", "eagle_pass_camino_real",
                                                   "nogales_deconcini"}));
  EXPECT_EQ(r.texas_last, (util::YearMonth{2023, 12}));
  EXPECT_EQ(r.bts_last, (util::YearMonth{2022, 7}));
  ASSERT_EQ(r.rows.size(), 3u);
  // December 2023 stands on December 2022 (Texas) and December 2021 (BTS ends in July 2022).
  EXPECT_DOUBLE_EQ(r.rows[0].units_per_day, 98271.0 / 31);
  EXPECT_DOUBLE_EQ(r.rows[1].units_per_day, 16752.0 / 31);
  EXPECT_DOUBLE_EQ(r.rows[2].units_per_day, 0.6 * 310000 / 31);
  EXPECT_EQ(r.rows[2].crossing, 2);
  EXPECT_EQ(r.rows[2].month, (util::YearMonth{2023, 12}));
}

TEST(PortTraffic, MissingReferenceRowNamesTheSourcesLine) {
  const CrossingSourceTable s = sources(
      "eagle_pass_camino_real,truck,texas,Camino Real International Bridge,1\n"
      "nogales_rail,rail,bts,Nogales,1\n"
      "laredo,truck,texas,World Trade Bridge,1\n"
      "nogales_x,pedestrian,bts,Nogalez,1\n");
  const PortTrafficResult r =
      build_port_traffic(s, parse_bts_crossings(kBts, "bts.csv"),
                         parse_texas_crossings(kTexas, "tx.csv"), {2023, 12}, {2024, 1});
  EXPECT_EQ(messages(r.errors),
            (std::vector<std::string>{
                "s.csv:3:36: texas has no \"Commercial Trucks\" row for \"Camino Real "
                "International Bridge\" in 2023-01 (reference month of 2024-01) nor in the 3 "
                "years before in tx.csv",
                "s.csv:4:23: bts has no \"Rail Containers Empty\" row for \"Nogales\" in 2022-01 "
                "(reference month of 2024-01) nor in the 3 years before in bts.csv",
                "s.csv:5:20: unknown texas crossing \"World Trade Bridge\" (expected one of "
                "\"Camino Real International Bridge\", \"Eagle Pass International Bridge\") in "
                "tx.csv",
                "s.csv:6:26: unknown bts port \"Nogalez\" (did you mean \"Nogales\"?) in "
                "bts.csv"}));
  EXPECT_TRUE(r.rows.empty());
}

// A row missing in the reference month is a gap: the same month of the latest earlier year
// that has it is used (here Jan 2021 for Jan 2022's empty railcars), and the header says so.
TEST(PortTraffic, GapInTheReferenceMonthUsesAnEarlierYearAndSaysSo) {
  const CrossingSourceTable s = sources("nogales_rail,rail,bts,Nogales,1\n");
  const std::string bts = kBts +
                          "Nogales,Arizona,2604,US-Mexico Border,Jan 2021,Rail "
                          "Containers Empty,2480\n";
  const PortTrafficResult r =
      build_port_traffic(s, parse_bts_crossings(bts, "bts.csv"),
                         parse_texas_crossings(kTexas, "tx.csv"), {2024, 1}, {2024, 1});
  ASSERT_TRUE(r.ok()) << messages(r.errors).front();
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_DOUBLE_EQ(r.rows[0].units_per_day, (3837.0 + 2480.0) / 31);
  EXPECT_EQ(r.gaps,
            (std::vector<std::string>{
                "bts \"Nogales\" \"Rail Containers Empty\" 2022-01 missing: 2021-01 used"}));
  std::ostringstream out;
  write_port_traffic(out, r, {}, "test");
  EXPECT_NE(out.str().find("# gap: bts \"Nogales\" \"Rail Containers Empty\" 2022-01 missing: "
                           "2021-01 used\n"),
            std::string::npos);
}

TEST(PortTraffic, WritesSortedRowsWithProvenance) {
  const CrossingSourceTable s = sources(
      "nogales_deconcini,passenger_vehicle,bts,Nogales,0.6\n"
      "eagle_pass_bridge_1,passenger_vehicle,texas,Eagle Pass International Bridge,1\n"
      "nogales_deconcini,rail,bts,Nogales,0.5\n");
  const PortTrafficResult r =
      build_port_traffic(s, parse_bts_crossings(kBts, "bts.csv"),
                         parse_texas_crossings(kTexas, "tx.csv"), {2023, 12}, {2023, 12});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(messages(r.errors));
  std::ostringstream out;
  write_port_traffic(out, r, {{"s.csv", "ab12", 3}, {"bts.csv", "cd34", 6}}, "test");
  EXPECT_EQ(out.str(),
            "# borderflow traffic table: normal northbound units per day\n"
            "# derived by: test\n"
            "# method: units_per_day = share x northbound count of the source port and mode in "
            "the reference month / days in the reference month\n"
            "# reference month: the same calendar month one year earlier when the source has "
            "it (the month itself may be disturbed by the closures simulated), else the "
            "source's latest year with that calendar month\n"
            "# reference months of 2023-12: bts 2021-12, texas 2022-12\n"
            "# source: s.csv sha256=ab12 rows=3\n"
            "# source: bts.csv sha256=cd34 rows=6\n"
            "crossing,month,mode,units_per_day\n"
            "nogales_deconcini,2023-12,passenger_vehicle,6000.0000\n"
            "nogales_deconcini,2023-12,rail,107.4032\n"
            "eagle_pass_bridge_1,2023-12,passenger_vehicle,3170.0323\n");
}

TEST(PortTraffic, EmptyRangeIsAnError) {
  const PortTrafficResult r =
      build_port_traffic(sources(""), parse_bts_crossings(kBts, "bts.csv"),
                         parse_texas_crossings(kTexas, "tx.csv"), {2024, 1}, {2023, 12});
  EXPECT_EQ(messages(r.errors),
            std::vector<std::string>{"empty month range: 2024-01 is after 2023-12"});
}

TEST(PortTraffic, EmptySourcesFileIsAnError) {
  const PortTrafficResult r =
      build_port_traffic(sources(""), parse_bts_crossings(kBts, "bts.csv"),
                         parse_texas_crossings(kTexas, "tx.csv"), {2023, 12}, {2023, 12});
  EXPECT_EQ(messages(r.errors),
            std::vector<std::string>{"s.csv: no rows: no crossing to derive traffic for"});
}

}  // namespace
}  // namespace bf::ingest
