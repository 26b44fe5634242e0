// Ports of entry: lanes, officers, the fluid queue, closures and diversion, on tiny
// hand-made crossings with exact expectations.
#include "model/port_traffic.h"

#include <gtest/gtest.h>

namespace bf::model {
namespace {

constexpr auto kTruck = static_cast<std::size_t>(Mode::kTruck);
constexpr auto kCar = static_cast<std::size_t>(Mode::kPassengerVehicle);
constexpr auto kWalk = static_cast<std::size_t>(Mode::kPedestrian);
constexpr auto kRail = static_cast<std::size_t>(Mode::kRail);
constexpr double kTol = 1e-3;  // the day shock is gamma with shape 1e12: 1 ± 1e-6

CrossingSpec crossing(std::string key, std::string group) {
  CrossingSpec c;
  c.key = std::move(key);
  c.name = c.key;
  c.diversion_group = std::move(group);
  c.traffic_officers = 1000;
  return c;
}

PortsSpec ports_with(std::vector<CrossingSpec> crossings) {
  PortsSpec p;
  p.crossings = std::move(crossings);
  p.day_dispersion = 1e12;
  return p;
}

void set_demand(PortsSpec& p, int crossing, Mode mode, double per_day) {
  p.traffic.push_back({crossing, util::YearMonth{2024, 1}, mode, per_day});
}

const util::Date kStart = *util::Date::parse("2024-01-01");

std::vector<PortTraffic::CrossingState> open_state(const PortsSpec& p) {
  std::vector<PortTraffic::CrossingState> s(p.crossings.size());
  for (std::size_t i = 0; i < s.size(); ++i)
    s[i].traffic_officers = p.crossings[i].traffic_officers;
  return s;
}

TEST(PortTraffic, OfficersStaffLanesInPriorityOrder) {
  CrossingSpec c = crossing("a", "");
  c.modes[kTruck].lanes = 3;  // 2 officers a lane
  c.modes[kCar].lanes = 6;    // 1 officer a lane
  c.modes[kWalk].lanes = 2;   // 1 officer a lane
  c.modes[kRail].lanes = 1;   // 4 officers
  const auto lanes = PortTraffic::staffed_lanes(c, 10);
  EXPECT_EQ(lanes[kTruck], 3);  // 6 officers
  EXPECT_EQ(lanes[kWalk], 2);   // then pedestrians: 2
  EXPECT_EQ(lanes[kCar], 2);    // the last 2
  EXPECT_EQ(lanes[kRail], 0);   // rail is staffed last
  EXPECT_EQ(PortTraffic::staffed_lanes(c, 1000)[kRail], 1);
  // A closed mode takes no officers: with cars closed, the 2 left after trucks and
  // pedestrians are not enough for a rail track (4).
  PerMode<bool> closed{};
  closed[kCar] = true;
  const auto without_cars = PortTraffic::staffed_lanes(c, 10, closed);
  EXPECT_EQ(without_cars[kCar], 0);
  EXPECT_EQ(without_cars[kWalk], 2);
  EXPECT_EQ(without_cars[kRail], 0);
  EXPECT_EQ(PortTraffic::staffed_lanes(c, 12, closed)[kRail], 1);  // 4 left: the track
}

TEST(PortTraffic, EnoughLanesMeanNoQueue) {
  CrossingSpec c = crossing("a", "");
  c.modes[kTruck] = {2, 10.0, 0, 24};
  PortsSpec p = ports_with({c});
  set_demand(p, 0, Mode::kTruck, 480);  // 20 an hour = capacity
  PortTraffic t(p, kStart, 1, 1);
  std::vector<PortDay> out;
  t.run_day(0, 0, open_state(p), out);
  EXPECT_NEAR(out[0].modes[kTruck].processed, 480, kTol * 480);
  EXPECT_NEAR(out[0].modes[kTruck].queue, 0, kTol);
  EXPECT_NEAR(out[0].truck_hours_delay, 0, kTol);
  EXPECT_EQ(out[0].modes[kTruck].lanes_open, 2);
}

TEST(PortTraffic, HalfTheLanesBuildAQueueOfExactSize) {
  CrossingSpec c = crossing("a", "");
  c.modes[kTruck] = {2, 10.0, 0, 24};
  c.traffic_officers = 2;  // one truck lane
  PortsSpec p = ports_with({c});
  set_demand(p, 0, Mode::kTruck, 480);
  PortTraffic t(p, kStart, 1, 1);
  std::vector<PortDay> out;
  t.run_day(0, 0, open_state(p), out);
  const ModeDay& m = out[0].modes[kTruck];
  EXPECT_NEAR(m.processed, 240, 0.5);
  EXPECT_NEAR(m.queue, 240, 0.5);
  // 10 more trucks wait after every hour: 10 + 20 + ... + 240 truck-hours.
  EXPECT_NEAR(out[0].truck_hours_delay, 10.0 * 24 * 25 / 2, 2);
  // Trucks served after the first hour had waited over the 1-hour threshold.
  EXPECT_GT(m.delayed_units, 200);
  EXPECT_NEAR(out[0].freight_delayed_usd, m.delayed_units * p.value_per_truck_usd, 1);
}

TEST(PortTraffic, ClosedCrossingDivertsWithinItsGroupAndConservesTraffic) {
  CrossingSpec a = crossing("a", "g"), b = crossing("b", "g"), far = crossing("far", "other");
  for (CrossingSpec* c : {&a, &b, &far}) c->modes[kCar] = {4, 100.0, 0, 24};
  b.modes[kCar].lanes = 8;
  far.modes[kCar].lanes = 20;  // more lanes, but another group: never a target
  PortsSpec p = ports_with({a, b, far});
  for (int i = 0; i < 3; ++i) set_demand(p, i, Mode::kPassengerVehicle, 1000);
  PortTraffic t(p, kStart, 1, 1);
  auto state = open_state(p);
  state[0].closed[kCar] = true;
  std::vector<PortDay> out;
  t.run_day(0, 0, state, out);
  EXPECT_TRUE(out[0].modes[kCar].closed);
  EXPECT_NEAR(out[0].modes[kCar].diverted_out, 800, 1);  // divert share 0.8
  EXPECT_NEAR(out[0].modes[kCar].lost, 200, 1);
  EXPECT_NEAR(out[1].modes[kCar].diverted_in, 800, 1);
  EXPECT_NEAR(out[1].modes[kCar].processed, 1800, 2);
  EXPECT_NEAR(out[2].modes[kCar].diverted_in, 0, kTol);
  double demand = 0, done = 0;
  for (const PortDay& d : out) {
    demand += d.modes[kCar].demand;
    done += d.modes[kCar].processed + d.modes[kCar].lost + d.modes[kCar].queue;
  }
  EXPECT_NEAR(done, demand, 1e-6);
}

TEST(PortTraffic, ClosedRailHoldsRailcarsAndClearsTheBacklogAfter) {
  CrossingSpec c = crossing("rail", "");
  c.modes[kRail] = {1, 100.0, 0, 24};  // 2,400 a day possible
  PortsSpec p = ports_with({c});
  set_demand(p, 0, Mode::kRail, 800);
  PortTraffic t(p, kStart, 4, 1);
  std::vector<PortDay> out;
  auto state = open_state(p);
  state[0].closed[kRail] = true;
  t.run_day(0, 0, state, out);
  EXPECT_NEAR(out[0].modes[kRail].processed, 0, kTol);
  EXPECT_NEAR(out[0].modes[kRail].queue, 800, 1);
  EXPECT_GT(out[0].railcar_days_delay, 0);
  t.run_day(1, 0, state, out);
  EXPECT_NEAR(out[0].modes[kRail].queue, 1600, 2);
  state[0].closed[kRail] = false;
  t.run_day(2, 0, state, out);
  EXPECT_NEAR(out[0].modes[kRail].processed, 2400, 3);  // backlog and today's
  // All but the last hours' railcars had waited over an hour.
  EXPECT_GT(out[0].modes[kRail].delayed_units, 2000);
  EXPECT_LT(out[0].modes[kRail].delayed_units, 2400);
  t.run_day(3, 0, state, out);
  EXPECT_NEAR(out[0].modes[kRail].queue, 0, 1);
}

// A slowdown scales each lane's throughput: one truck lane at 10 an hour slowed to half
// serves 5 an hour, so 20 an hour of demand leaves 15 an hour in the queue.
TEST(PortTraffic, SlowdownScalesLaneThroughput) {
  CrossingSpec c = crossing("a", "");
  c.modes[kTruck] = {2, 10.0, 0, 24};
  PortsSpec p = ports_with({c});
  set_demand(p, 0, Mode::kTruck, 480);
  PortTraffic t(p, kStart, 1, 1);
  auto state = open_state(p);
  state[0].speed[kTruck] = 0.25;  // 2 lanes x 10 x 0.25 = 5 an hour
  std::vector<PortDay> out;
  t.run_day(0, 0, state, out);
  EXPECT_NEAR(out[0].modes[kTruck].processed, 5 * 24, kTol * 480);
  EXPECT_NEAR(out[0].modes[kTruck].queue, 15 * 24, kTol * 480);
  EXPECT_EQ(out[0].modes[kTruck].lanes_open, 2);  // lanes stay open, they are just slower
}

// With max_wait, newcomers join only while at most capacity x max_wait are ahead of them.
// One car lane at 10 an hour, 20 an hour arriving, max wait 2 h (room for 20): hour 1 all 20
// join and 10 are served; from then on 10 wait at each hour's start, so 10 join, 10 turn
// away, 10 are served.
TEST(PortTraffic, ArrivalsTurnAwayBeyondMaxWait) {
  CrossingSpec c = crossing("a", "");
  c.modes[kCar] = {1, 10.0, 0, 24};
  PortsSpec p = ports_with({c});
  p.max_wait_hours[kCar] = 2.0;
  set_demand(p, 0, Mode::kPassengerVehicle, 480);
  PortTraffic t(p, kStart, 1, 1);
  std::vector<PortDay> out;
  t.run_day(0, 0, open_state(p), out);
  const ModeDay& car = out[0].modes[kCar];
  EXPECT_NEAR(car.processed, 240, kTol * 480);
  EXPECT_NEAR(car.queue, 10, kTol * 480);
  EXPECT_NEAR(car.lost, 23 * 10, kTol * 480);
  // Conservation: every unit of demand was processed, still waits, or turned away.
  EXPECT_NEAR(car.processed + car.queue + car.lost, car.demand, kTol);
}

// A held backlog (trucks waiting through a closure) is not thrown away at reopening by
// max_wait; only newcomers are turned away while it is longer than max_wait.
TEST(PortTraffic, HeldBacklogSurvivesMaxWait) {
  CrossingSpec c = crossing("a", "");
  c.modes[kTruck] = {1, 10.0, 0, 24};
  PortsSpec p = ports_with({c});
  p.max_wait_hours[kTruck] = 1.0;
  set_demand(p, 0, Mode::kTruck, 120);  // 5 an hour
  PortTraffic t(p, kStart, 2, 1);
  std::vector<PortDay> out;
  auto closed = open_state(p);
  closed[0].closed[kTruck] = true;
  t.run_day(0, 0, closed, out);
  EXPECT_NEAR(out[0].modes[kTruck].queue, 120, kTol * 120);
  t.run_day(1, 0, open_state(p), out);
  const ModeDay& truck = out[0].modes[kTruck];
  // Day 2: the backlog of 120 is served at 10 an hour; newcomers (5 an hour) turn away while
  // more than 10 (1 h of capacity) wait: for the first 12 hours. Then all join.
  EXPECT_NEAR(truck.lost, 12 * 5, kTol * 240);
  EXPECT_NEAR(truck.processed, 120 + 12 * 5, kTol * 240);
  EXPECT_NEAR(truck.queue, 0, kTol);
  EXPECT_NEAR(truck.processed + truck.queue + truck.lost, 120 + truck.demand, kTol * 240);
}

// The weekly pattern scales each weekday's demand (2024-01-01 is a Monday).
TEST(PortTraffic, WeeklyPatternScalesDemandByWeekday) {
  CrossingSpec c = crossing("a", "");
  c.modes[kTruck] = {10, 100.0, 0, 24};
  PortsSpec p = ports_with({c});
  p.weekly_pattern[kTruck] = {1.2, 1.2, 1.2, 1.2, 1.2, 0.6, 0.4};
  set_demand(p, 0, Mode::kTruck, 100);
  PortTraffic t(p, kStart, 7, 1);
  std::vector<PortDay> out;
  double week = 0;
  for (int day = 0; day < 7; ++day) {
    t.run_day(day, 0, open_state(p), out);
    week += out[0].modes[kTruck].demand;
    const double expected[] = {120, 120, 120, 120, 120, 60, 40};
    EXPECT_NEAR(out[0].modes[kTruck].demand, expected[day], kTol) << "day " << day;
  }
  EXPECT_NEAR(week, 700, kTol * 7);
}

}  // namespace
}  // namespace bf::model
