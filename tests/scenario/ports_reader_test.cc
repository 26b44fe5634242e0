// The `ports` section and its traffic table.
#include "scenario/ports_reader.h"

#include <gtest/gtest.h>

#include "scenario/scenario_loader.h"
#include "test_files.h"

namespace bf::scenario {
namespace {

using testing::all_messages;
using testing::full_table;
using testing::TempDir;

constexpr std::string_view kBase =
    "start: 2024-01-01\n"
    "days: 10\n"
    "arrivals: {table: jan.csv}\n";

constexpr std::string_view kPorts =
    "ports:\n"
    "  traffic_table: traffic.csv\n"
    "  appointments: 100/day\n"
    "  crossings:\n"
    "    bridge:\n"
    "      name: Bridge\n"
    "      sector: del_rio\n"
    "      group: eagle_pass\n"
    "      traffic_officers: 20\n"
    "      processing_officers: 4\n"
    "      appointment_share: 1\n"
    "      lanes:\n"
    "        passenger_vehicle: {lanes: 4, per_lane_hour: 60, open_hour: 6}\n"
    "        rail: {lanes: 1, per_lane_hour: 100}\n";

constexpr std::string_view kTraffic =
    "crossing,month,mode,units_per_day\n"
    "bridge,2024-01,passenger_vehicle,4000\n"
    "bridge,2024-01,rail,800\n";

LoadResult load(const TempDir& dir, std::string_view extra, std::string_view traffic = kTraffic) {
  dir.write("jan.csv", full_table({"2024-01"}));
  dir.write("traffic.csv", traffic);
  return load_scenario(
      dir.write("s.yaml", std::string(kBase) + std::string(kPorts) + std::string(extra)));
}

TEST(Ports, ReadsCrossingsTrafficRedeploymentsAndClosures) {
  TempDir dir;
  const LoadResult r = load(dir,
                            "  redeployments:\n"
                            "    - {crossing: bridge, officers: 8, to_sector: tucson,\n"
                            "       first_day: 2024-01-02, last_day: 2024-01-03}\n"
                            "  closures:\n"
                            "    - {crossing: bridge, modes: [rail], first_day: 2024-01-05,\n"
                            "       last_day: 2024-01-06}\n"
                            "    - {crossing: bridge, custody_above: 3000, custody_below: 2000}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::PortsSpec& p = r.scenario->spec.ports;
  ASSERT_EQ(p.crossings.size(), 1u);
  const model::CrossingSpec& c = p.crossings[0];
  EXPECT_EQ(c.key, "bridge");
  EXPECT_EQ(c.sector, 6);
  EXPECT_EQ(c.diversion_group, "eagle_pass");
  EXPECT_EQ(c.modes[1].lanes, 4);
  EXPECT_EQ(c.modes[1].open_hour, 6);
  EXPECT_EQ(c.modes[1].close_hour, 24);
  EXPECT_EQ(p.appointments_per_day, 100);
  ASSERT_EQ(p.traffic.size(), 2u);
  EXPECT_EQ(p.traffic[1].units_per_day, 800.0);
  ASSERT_EQ(p.redeployments.size(), 1u);
  EXPECT_EQ(p.redeployments[0].sector, 3);  // tucson
  ASSERT_EQ(p.closures.size(), 2u);
  EXPECT_TRUE(p.closures[0].scheduled);
  EXPECT_TRUE(p.closures[0].modes[4]);
  EXPECT_FALSE(p.closures[0].modes[0]);
  EXPECT_FALSE(p.closures[1].scheduled);
  EXPECT_EQ(p.closures[1].trigger_sector, 6);  // the crossing's sector by default
  EXPECT_EQ(p.closures[1].custody_above, 3000);
}

TEST(Ports, BadDefinitionsAreReportedWithLineAndColumn) {
  TempDir dir;
  const LoadResult r = load(dir,
                            "  closures:\n"
                            "    - {crossing: bridj, modes: [rails], first_day: 2024-01-05,\n"
                            "       last_day: 2024-01-04}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:19:18: error: ports.closures[0].crossing: unknown crossing 'bridj'\n"
            "   19 |     - {crossing: bridj, modes: [rails], first_day: 2024-01-05,\n"
            "      |                  ^\n"
            "T/s.yaml:19:33: error: ports.closures[0].modes: unknown mode 'rails' (did you mean "
            "'rail'?)\n"
            "   19 |     - {crossing: bridj, modes: [rails], first_day: 2024-01-05,\n"
            "      |                                 ^\n"
            "T/s.yaml:20:18: error: ports.closures[0]: last_day 2024-01-04 is before first_day "
            "2024-01-05\n"
            "   20 |        last_day: 2024-01-04}\n"
            "      |                  ^\n");
}

TEST(Ports, ReadsSlowdownsWeeklyPatternAndMaxWait) {
  TempDir dir;
  const LoadResult r = load(dir,
                            "  max_wait: {passenger_vehicle: 3h, rail: 2d}\n"
                            "  weekly_pattern: {rail: [1.2, 1.2, 1.2, 1.2, 1.2, 0.6, 0.4]}\n"
                            "  slowdowns:\n"
                            "    - {crossing: bridge, modes: [passenger_vehicle], factor: 0.5,\n"
                            "       first_day: 2024-01-02, last_day: 2024-01-04}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::PortsSpec& p = r.scenario->spec.ports;
  constexpr auto kCar = static_cast<std::size_t>(model::Mode::kPassengerVehicle);
  constexpr auto kRail = static_cast<std::size_t>(model::Mode::kRail);
  EXPECT_EQ(p.max_wait_hours[kCar], 3.0);
  EXPECT_EQ(p.max_wait_hours[kRail], 48.0);
  EXPECT_EQ(p.max_wait_hours[static_cast<std::size_t>(model::Mode::kTruck)], 0.0);  // no limit
  EXPECT_DOUBLE_EQ(p.weekly_pattern[kRail][6], 0.4);
  EXPECT_EQ(p.weekly_pattern[kCar][6], 1.0);
  ASSERT_EQ(p.slowdowns.size(), 1u);
  EXPECT_EQ(p.slowdowns[0].factor, 0.5);
  EXPECT_TRUE(p.slowdowns[0].modes[kCar]);
  EXPECT_FALSE(p.slowdowns[0].modes[kRail]);
  EXPECT_EQ(p.slowdowns[0].first_day, *util::Date::parse("2024-01-02"));
}

TEST(Ports, BadSlowdownsAndWeeklyPatternsAreReported) {
  TempDir dir;
  const LoadResult r = load(dir,
                            "  weekly_pattern: {rail: [1, 1, 1, 1, 1, 1, 2], bus: [1, 1]}\n"
                            "  slowdowns:\n"
                            "    - {crossing: bridge, factor: 0, first_day: 2024-01-02,\n"
                            "       last_day: 2024-01-04}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:18:26: error: ports.weekly_pattern.rail: the 7 factors must average 1 "
            "(they keep the month's daily mean), they average 1.143\n"
            "   18 |   weekly_pattern: {rail: [1, 1, 1, 1, 1, 1, 2], bus: [1, 1]}\n"
            "      |                          ^\n"
            "T/s.yaml:18:54: error: ports.weekly_pattern.bus: expected a list of 7 numbers, "
            "Monday to Sunday, got a list\n"
            "   18 |   weekly_pattern: {rail: [1, 1, 1, 1, 1, 1, 2], bus: [1, 1]}\n"
            "      |                                                      ^\n"
            "T/s.yaml:20:34: error: ports.slowdowns[0].factor: must be above 0 (a lane that "
            "serves nobody is a closure: use ports.closures)\n"
            "   20 |     - {crossing: bridge, factor: 0, first_day: 2024-01-02,\n"
            "      |                                  ^\n");
}

TEST(Ports, TrafficTableMustCoverEveryServedModeAndMonth) {
  TempDir dir;
  const LoadResult r = load(dir, "",
                            "crossing,month,mode,units_per_day\n"
                            "bridge,2024-01,passenger_vehicle,4000\n"
                            "brige,2024-01,rail,x\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/traffic.csv:1:1: error: traffic table: no row for bridge 2024-01 rail\n"
            "    1 | crossing,month,mode,units_per_day\n"
            "      | ^\n"
            "T/traffic.csv:3:1: error: traffic table: unknown crossing 'brige' (did you mean "
            "'bridge'?)\n"
            "    3 | brige,2024-01,rail,x\n"
            "      | ^\n");
}

TEST(Ports, TheWorkedExampleLoads) {
  const LoadResult r = load_scenario(std::string(BF_SOURCE_DIR) + "/scenarios/examples/ports.yaml");
  ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : format_diagnostic(r.diagnostics[0]));
  const model::PortsSpec& p = r.scenario->spec.ports;
  EXPECT_EQ(p.crossings.size(), 4u);
  EXPECT_EQ(p.traffic.size(), 7u);
  EXPECT_EQ(p.redeployments.size(), 1u);
  EXPECT_EQ(p.closures.size(), 2u);
  EXPECT_EQ(p.appointments_per_day, 40);
}

}  // namespace
}  // namespace bf::scenario
