// The load-time estimate of the people a run adds (run_volume.h), on hand-made specs: each
// cause counted, the largest named, and the days that fit.

#include "scenario/run_volume.h"

#include <gtest/gtest.h>

namespace bf::scenario {
namespace {

util::Date ymd(int y, int m, int d) { return *util::Date::from_ymd(y, m, d); }

// 31 days of January 2024, 100 encounters a day in del_rio.
model::ModelSpec january(double per_day = 100.0) {
  model::ModelSpec spec;
  spec.start_date = ymd(2024, 1, 1);
  spec.days = 31;
  model::ArrivalLevel level;
  level.sector = 6;  // del_rio
  level.month = util::YearMonth{2024, 1};
  level.encounters_per_day = per_day;
  spec.arrivals.levels.push_back(level);
  return spec;
}

model::PolicySpec enforcement(double multiplier, util::Date start) {
  model::PolicySpec p;
  p.name = "mexico";
  p.start = start;
  p.lever = model::MexicoEnforcement{multiplier, 0, 0};
  return p;
}

TEST(RunVolume, TheTableOverTheRunsDays) {
  const RunVolume v = expected_volume(january());
  EXPECT_DOUBLE_EQ(v.total(), 3100.0);
  EXPECT_EQ(v.largest(), VolumeCause::kTable);
  EXPECT_EQ(v.days_within(1000.0), 10);
  EXPECT_EQ(v.days_within(99.0), 0);
  EXPECT_EQ(v.days_within(1e9), 31);
}

TEST(RunVolume, PolicyRisesCountFromTheirStartAndFallsOnlyWhenSure) {
  model::ModelSpec spec = january();
  spec.policies.push_back(enforcement(3.0, ymd(2024, 1, 22)));  // 10 days × 200 more
  RunVolume v = expected_volume(spec);
  EXPECT_DOUBLE_EQ(v.total(), 3100.0 + 2000.0);
  EXPECT_DOUBLE_EQ(v.by_cause[static_cast<int>(VolumeCause::kPolicies)], 2000.0);

  // A fall counts once certain (no trigger) ...
  spec.policies = {enforcement(0.5, ymd(2024, 1, 22))};
  EXPECT_DOUBLE_EQ(expected_volume(spec).total(), 2100.0 + 500.0);
  // ... but not when a trigger may lift it: the estimate errs high.
  spec.policies[0].trigger = model::PolicyTrigger{};
  EXPECT_DOUBLE_EQ(expected_volume(spec).total(), 3100.0);
}

TEST(RunVolume, DeterrenceAboveOneCounts) {
  model::ModelSpec spec = january();
  model::PolicySpec p;
  p.name = "rule";
  p.start = spec.start_date;
  model::EntrySuspension lever;
  lever.deterrence = 10.0;
  p.lever = lever;
  p.trigger = model::PolicyTrigger{};
  spec.policies.push_back(p);
  const RunVolume v = expected_volume(spec);
  EXPECT_DOUBLE_EQ(v.total(), 31000.0);
  EXPECT_EQ(v.largest(), VolumeCause::kPolicies);
  EXPECT_EQ(v.policy, 0u);
}

TEST(RunVolume, SurgesBeyondTheTablesMonthAndInitialPopulations) {
  model::ModelSpec spec = january();
  model::SurgeSpec surge;
  surge.sector = 6;
  surge.first_day = ymd(2024, 1, 10);
  surge.last_day = ymd(2024, 1, 10);
  surge.people = 10000.0;
  surge.included_in_table = true;  // the month holds 3,100 of them
  spec.surges.push_back(surge);
  spec.detention.initial_population = 500;
  spec.sectors[3].initial_in_custody = 700;
  const RunVolume v = expected_volume(spec);
  EXPECT_DOUBLE_EQ(v.by_cause[static_cast<int>(VolumeCause::kSurges)], 10000.0 - 3100.0);
  EXPECT_DOUBLE_EQ(v.by_cause[static_cast<int>(VolumeCause::kInitial)], 1200.0);
  EXPECT_EQ(v.initial_path, "sectors.tucson.initial.in_custody");
  EXPECT_EQ(v.largest(), VolumeCause::kSurges);
  EXPECT_DOUBLE_EQ(v.total(), 3100.0 + 6900.0 + 1200.0);
}

TEST(RunVolume, PortsTakeTheLargerOfAppointmentsAndAQuota) {
  model::ModelSpec spec = january(0.0);
  spec.ports.appointments_per_day = 100;
  model::PolicySpec quota;
  quota.name = "quota";
  quota.start = ymd(2024, 1, 22);
  quota.lever = model::AppointmentQuota{1000};
  spec.policies.push_back(quota);
  const RunVolume v = expected_volume(spec);
  EXPECT_DOUBLE_EQ(v.total(), 21 * 100.0 + 10 * 1000.0);
  EXPECT_EQ(v.largest(), VolumeCause::kPorts);
  EXPECT_EQ(v.quota_policy, 0u);
}

}  // namespace
}  // namespace bf::scenario
