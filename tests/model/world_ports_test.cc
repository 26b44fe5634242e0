// Ports of entry inside the World: officers moved to Border Patrol processing, people
// presenting at ports, closures triggered by custody.
#include <gtest/gtest.h>

#include "model/world.h"
#include "tiny_world.h"

namespace bf::model {
namespace {

using testing::run;
using testing::set_level;
using testing::tiny_spec;

constexpr int kDelRio = 6;
constexpr auto kCar = static_cast<std::size_t>(Mode::kPassengerVehicle);

// Two crossings in Del Rio: "bridge" (cars) and "other" (cars), one diversion group.
ModelSpec spec_with_ports(int days) {
  ModelSpec spec = tiny_spec(days);
  for (const char* key : {"bridge", "other"}) {
    CrossingSpec c;
    c.key = key;
    c.name = key;
    c.sector = kDelRio;
    c.diversion_group = "eagle_pass";
    c.modes[kCar] = {4, 100.0, 0, 24};
    c.traffic_officers = 4;
    c.processing_officers = 5;
    spec.ports.crossings.push_back(c);
  }
  spec.ports.day_dispersion = 1e12;
  for (int c = 0; c < 2; ++c) {
    spec.ports.traffic.push_back({c, util::YearMonth{2024, 1}, Mode::kPassengerVehicle, 2400});
  }
  return spec;
}

TEST(WorldPorts, RedeployedOfficersCloseLanesAndJoinProcessing) {
  ModelSpec spec = spec_with_ports(6);
  spec.ports.redeployments.push_back(
      {0, kDelRio, 4.0, *util::Date::parse("2024-01-03"), *util::Date::parse("2024-01-04")});
  const auto obs = run(spec);
  const int base = spec.sectors[kDelRio].processing_agents;
  for (const DayReport& d : obs.days) {
    const bool moved = d.day_index == 2 || d.day_index == 3;
    EXPECT_EQ(d.sectors[kDelRio].processing_agents, moved ? base + 4 : base) << d.day_index;
    EXPECT_EQ(d.ports[0].officers_redeployed, moved ? 4.0 : 0.0);
    EXPECT_EQ(d.ports[0].modes[kCar].lanes_open, moved ? 0.0 : 4.0);
    EXPECT_EQ(d.ports[0].modes[kCar].closed, moved);
    // While the bridge is shut, 80% of its cars cross at the other bridge.
    EXPECT_NEAR(d.ports[1].modes[kCar].diverted_in, moved ? 1920 : 0, 1);
  }
}

TEST(WorldPorts, AppointmentsAreSplitExactlyAndParoled) {
  ModelSpec spec = spec_with_ports(10);
  spec.ports.appointments_per_day = 101;
  spec.ports.crossings[0].appointment_share = 0.5;
  spec.ports.crossings[1].appointment_share = 0.5;
  spec.ports.people_demographic_share = {1, 0, 0, 0};  // single adults: one person a unit
  spec.ports.people_citizenship_share = {0, 0, 0, 0, 1};
  spec.ports.crossings[0].processing_officers = 1000;
  spec.ports.crossings[1].processing_officers = 1000;
  const auto obs = run(spec);
  std::int64_t released = 0;
  for (const DayReport& d : obs.days) {
    EXPECT_EQ(d.ports[0].appointments + d.ports[1].appointments, 101);
    EXPECT_EQ(d.ports[0].appointments, 50);  // floor(50.5) - floor(0)
    EXPECT_EQ(d.ports[0].encounters, d.ports[0].appointments);
    EXPECT_EQ(d.ports[0].returned_to_mexico + d.ports[0].transferred_to_ice, 0);
    released += d.ports[0].released + d.ports[1].released;
    EXPECT_EQ(d.system.states.sum_of_states(), d.system.states.entered);
  }
  EXPECT_GT(released, 101 * 9);  // all paroled, within the release delay
}

TEST(WorldPorts, ClosureTriggeredByCustodyHasHysteresis) {
  ModelSpec spec = spec_with_ports(12);
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  set_level(spec, kDelRio, Demographic::kSingleAdult, Citizenship::kOther, 400);
  spec.sectors[kDelRio].processing_agents = 1;  // custody grows day after day
  ClosureSpec closure;
  closure.crossing = 0;
  closure.modes[kCar] = true;
  closure.scheduled = false;
  closure.trigger_sector = kDelRio;
  closure.custody_above = 1500;
  closure.custody_below = 1000;
  spec.ports.closures.push_back(closure);
  const auto obs = run(spec);
  bool seen_closed = false;
  for (std::size_t i = 1; i < obs.days.size(); ++i) {
    const bool above_yesterday = obs.days[i - 1].sectors[kDelRio].in_custody > 1500;
    if (above_yesterday) {
      EXPECT_TRUE(obs.days[i].ports[0].modes[kCar].closed) << i;
    }
    if (obs.days[i].ports[0].modes[kCar].closed) seen_closed = true;
  }
  EXPECT_TRUE(seen_closed);
  EXPECT_FALSE(obs.days[0].ports[0].modes[kCar].closed);
}

// Policy levers at ports (docs/model.md, "Policy levers"): an appointment quota and a closure,
// each on its own dates; the other crossing and Border Patrol sectors are untouched.
TEST(WorldPorts, QuotaAndClosurePoliciesActOnTheirDatesAndCrossings) {
  ModelSpec spec = spec_with_ports(8);
  spec.ports.appointments_per_day = 100;
  spec.ports.crossings[0].appointment_share = 1.0;
  PolicySpec quota;
  quota.name = "quota";
  quota.start = *util::Date::parse("2024-01-03");
  quota.end = *util::Date::parse("2024-01-05");
  quota.lever = AppointmentQuota{40};
  PolicySpec closure;
  closure.name = "closure";
  closure.start = *util::Date::parse("2024-01-06");
  closure.crossings = {false, true};
  closure.lever = PortClosure{{false, true, false, false, false}};
  ModelSpec with = spec;
  with.policies = {quota, closure};
  const auto a = run(spec);
  const auto b = run(with);
  for (std::size_t day = 0; day < b.days.size(); ++day) {
    const bool quota_days = day >= 2 && day <= 4;
    const bool closed = day >= 5;
    EXPECT_EQ(b.days[day].ports[0].appointments, quota_days ? 40 : 100) << day;
    EXPECT_EQ(b.days[day].ports[1].modes[kCar].closed, closed) << day;
    EXPECT_FALSE(b.days[day].ports[0].modes[kCar].closed) << day;
    // While the other bridge is shut, 80% of its cars divert to this one.
    EXPECT_NEAR(b.days[day].ports[0].modes[kCar].diverted_in, closed ? 1920 : 0, 1) << day;
    EXPECT_EQ(b.days[day].policies_in_force, (std::vector<bool>{quota_days, closed}));
    EXPECT_EQ(b.days[day].sectors[kDelRio].encounters, a.days[day].sectors[kDelRio].encounters);
  }
}

TEST(WorldPorts, ATriggerCountingPortsSeesThePeoplePresentingThere) {
  // Nobody between ports; 101 appointment holders a day at the ports. A trigger on a 7-day
  // mean of 100 switches on from day 1 when it counts ports, never when it does not.
  ModelSpec spec = spec_with_ports(10);
  spec.ports.appointments_per_day = 101;
  spec.ports.crossings[0].appointment_share = 0.5;
  spec.ports.crossings[1].appointment_share = 0.5;
  spec.ports.people_demographic_share = {1, 0, 0, 0};
  spec.ports.people_citizenship_share = {0, 0, 0, 0, 1};
  PolicySpec p;
  p.name = "authority";
  p.start = spec.start_date;
  p.lever = AppointmentQuota{101};
  PolicyTrigger trigger;  // 7-day means, on at 100, off below 50, no delay
  trigger.on_at_or_above = 100;
  trigger.off_below = 50;
  trigger.initially_in_force = false;
  trigger.count_ports = true;
  p.trigger = trigger;
  ModelSpec border_patrol_only = spec;
  spec.policies.push_back(p);
  p.trigger->count_ports = false;
  border_patrol_only.policies.push_back(p);
  // Without counting ports, a stated constant for them: 101 a day, the same days.
  ModelSpec constant = border_patrol_only;
  constant.policies[0].trigger->added_per_day = 101;
  const auto with_ports = run(spec);
  const auto without = run(border_patrol_only);
  const auto with_constant = run(constant);
  for (int day = 0; day < 10; ++day) {
    EXPECT_EQ(with_ports.days[day].policies_in_force[0], day >= 1) << day;
    EXPECT_FALSE(without.days[day].policies_in_force[0]) << day;
    EXPECT_EQ(with_constant.days[day].policies_in_force[0], day >= 1) << day;
  }
  // 99 a day is not enough: the mean must reach 100.
  constant.policies[0].trigger->added_per_day = 99;
  const auto below = run(constant);
  for (int day = 0; day < 10; ++day) EXPECT_FALSE(below.days[day].policies_in_force[0]) << day;
}

TEST(WorldPorts, EmergencyAuthorityTriggerDaysWithAndWithoutThePortCount) {
  // The Senate's 2024 emergency authority's trigger (mandatory: on at a 7-day mean of 5,000,
  // lifted once it has been below 3,750 on 14 consecutive days) on a tiny world: Mexican
  // single adults surrendering in Del Rio, 6,000 a day in January and 1,500 in February, and
  // exactly 800 appointment holders a day at the ports. The margins below are many standard
  // deviations of the Poisson days wide.
  ModelSpec spec = spec_with_ports(60);
  spec.ports.traffic.push_back({0, util::YearMonth{2024, 2}, Mode::kPassengerVehicle, 2400});
  spec.ports.traffic.push_back({1, util::YearMonth{2024, 2}, Mode::kPassengerVehicle, 2400});
  spec.ports.appointments_per_day = 800;
  spec.ports.crossings[0].appointment_share = 0.5;
  spec.ports.crossings[1].appointment_share = 0.5;
  spec.ports.crossings[0].processing_officers = 1000;
  spec.ports.crossings[1].processing_officers = 1000;
  spec.ports.people_demographic_share = {1, 0, 0, 0};
  spec.ports.people_citizenship_share = {0, 0, 0, 0, 1};
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  spec.apprehension.surrender_wait = {0, 0};
  spec.recrossing.probability = {0, 0, 0, 0, 0};
  spec.sectors[kDelRio].processing_agents = 2000;
  for (auto& l : spec.arrivals.levels) {
    if (l.sector == kDelRio && l.demographic == Demographic::kSingleAdult &&
        l.citizenship == Citizenship::kMexico) {
      l.encounters_per_day = l.month.month == 1 ? 6000 : 1500;
    }
  }
  PolicyTrigger authority;
  authority.on_at_or_above = 5000;
  authority.on_single_day_at_or_above = 8500;
  authority.off_below = 3750;
  authority.off_for_days = 14;
  authority.max_days_per_year = {270, 225, 180};
  authority.initially_in_force = false;
  authority.count_ports = true;
  ExpeditedRemoval rule;  // acts on dispositions only: the counts do not depend on it
  rule.share[index_of(Demographic::kSingleAdult)] = 0.5;
  PolicySpec p;
  p.name = "emergency_authority";
  p.start = spec.start_date;
  p.lever = rule;
  p.trigger = authority;
  ModelSpec border_patrol_only = spec;
  spec.policies.push_back(p);
  p.trigger->count_ports = false;
  border_patrol_only.policies.push_back(p);
  const auto with_ports = run(spec);
  const auto without = run(border_patrol_only);
  // Counted with ports: 6,800 a day, then 2,300 from day 31 (1 February). The 7-day mean is
  // below 3,750 once 5 February days are in it (13,600 + 11,500 = 25,100 < 26,250; with 4,
  // 29,600): from day 35; the 14th day below is day 48, so in force on days 1..48.
  // Border Patrol alone: 6,000 then 1,500; below once 4 are in it (18,000 + 6,000 = 24,000;
  // with 3, 28,500): from day 34, in force on days 1..47.
  for (int day = 0; day < 60; ++day) {
    EXPECT_EQ(with_ports.days[day].policies_in_force[0], day >= 1 && day <= 48) << day;
    EXPECT_EQ(without.days[day].policies_in_force[0], day >= 1 && day <= 47) << day;
  }
}

}  // namespace
}  // namespace bf::model
