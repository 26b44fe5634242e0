// The hysteresis of policy triggers (model/policy_trigger.h) on hand-made daily series: the
// June 2024 proclamation's rule and its September 2024 amendment switch on and off on the
// exact days the rules say.
#include "model/policy_trigger.h"

#include <gtest/gtest.h>

#include <vector>

namespace bf::model {
namespace {

// The proclamation: on at a 7-day mean of 2,500 or more; lifted 14 days after the 7-day mean
// falls below 1,500.
PolicyTrigger june_2024() {
  PolicyTrigger t;
  t.on_average_days = 7;
  t.on_at_or_above = 2500;
  t.off_average_days = 7;
  t.off_below = 1500;
  t.off_for_days = 1;
  t.off_delay_days = 14;
  t.initially_in_force = false;
  return t;
}

// Whether the policy is in force on each day 1..n after observing days 0..n-1.
std::vector<bool> replay(TriggerState state, const std::vector<double>& encounters) {
  std::vector<bool> in_force;
  for (double e : encounters) {
    state.observe(e);
    in_force.push_back(state.in_force());
  }
  return in_force;
}

std::vector<double> series(std::initializer_list<std::pair<int, double>> runs) {
  std::vector<double> out;
  for (auto [days, value] : runs) out.insert(out.end(), static_cast<std::size_t>(days), value);
  return out;
}

TEST(PolicyTrigger, SwitchesOnTheDayAfterTheMeanReachesTheThreshold) {
  TriggerState state(june_2024());
  state.start();
  EXPECT_FALSE(state.in_force());
  // 2,000 a day for a week, then 3,500: the 7-day mean reaches 2,500 when 3 of the last 7
  // days are at 3,500 (4·2000 + 3·3500 = 18,500 ≥ 17,500; with 2 it is 17,000).
  const auto in_force = replay(state, series({{7, 2000}, {5, 3500}}));
  for (int day = 0; day < 9; ++day) EXPECT_FALSE(in_force[day]) << day;  // after days 0..8
  EXPECT_TRUE(in_force[9]);  // the mean of days 3..9 is 2,642.9
}

TEST(PolicyTrigger, LiftedFourteenDaysAfterTheMeanFallsBelow1500) {
  TriggerState state(june_2024());
  state.start();
  // In force after day 0 (3,000). From day 10, 1,000 a day: the mean of the last 7 days falls
  // below 1,500 once 6 of them are at 1,000 (3000 + 6000 = 9000 < 10,500): day 15. In force
  // through day 15 + 14 = 29, so still after day 28 and not after day 29.
  const auto in_force = replay(state, series({{10, 3000}, {30, 1000}}));
  EXPECT_TRUE(in_force[0]);
  EXPECT_TRUE(in_force[14]);
  EXPECT_TRUE(in_force[28]);   // decides day 29: still in force
  EXPECT_FALSE(in_force[29]);  // decides day 30: lifted
  EXPECT_FALSE(in_force[39]);
}

TEST(PolicyTrigger, LiftingOnceDeterminedHappensEvenIfNumbersRise) {
  TriggerState state(june_2024());
  state.start();
  // Below 1,500 from day 15 (as above), then 2,000 a day from day 20: under the lifting rule
  // still lifted after day 29; 2,000 is below the 2,500 needed to come back.
  const auto in_force = replay(state, series({{10, 3000}, {10, 1000}, {20, 2000}}));
  EXPECT_TRUE(in_force[28]);
  EXPECT_FALSE(in_force[29]);
  EXPECT_FALSE(in_force[39]);
}

TEST(PolicyTrigger, AmendmentNeedsTwentyEightConsecutiveDaysBelow) {
  PolicyTrigger amended = june_2024();
  amended.off_for_days = 28;
  TriggerState state(amended);
  state.start();
  // Below from day 15; a single day at 9,000 on day 30 keeps the 7-day mean at 2,143 on days
  // 30..36 (15,000 / 7) and restarts the count; below again from day 37 (7,000 / 7). 28
  // consecutive days: days 37..64, determined after day 64, in force through 64 + 14 = 78.
  auto days = series({{10, 3000}, {20, 1000}, {1, 9000}, {60, 1000}});
  const auto in_force = replay(state, days);
  EXPECT_TRUE(in_force[40]);
  EXPECT_TRUE(in_force[77]);   // decides day 78
  EXPECT_FALSE(in_force[78]);  // decides day 79

  // Without the spike, the original rule would have lifted it after day 29.
  TriggerState original(june_2024());
  original.start();
  EXPECT_FALSE(replay(original, days)[29]);
}

TEST(PolicyTrigger, ComesBackWhenTheMeanRisesAgain) {
  TriggerState state(june_2024());
  state.start();
  const auto in_force = replay(state, series({{10, 3000}, {25, 1000}, {10, 4000}}));
  EXPECT_FALSE(in_force[29]);
  // Days 35.. at 4,000: the mean of the last 7 reaches 2,500 with 4 of them at 4,000
  // (16,000 + 3,000 = 19,000 >= 17,500; with 3, 12,000 + 4,000 = 16,000): after day 38.
  EXPECT_FALSE(in_force[37]);
  EXPECT_TRUE(in_force[38]);
}

TEST(PolicyTrigger, StartsInForceByDefaultAndMeansUseTheDaysSoFar) {
  PolicyTrigger t = june_2024();
  t.initially_in_force = true;
  t.off_delay_days = 0;
  TriggerState state(t);
  state.start();
  EXPECT_TRUE(state.in_force());
  state.observe(1000);  // a mean of one day: below 1,500, lifted at once (no delay)
  EXPECT_FALSE(state.in_force());
}

// The Senate's February 2024 border emergency authority, mandatory activation, as the
// scenarios read it: on at a 7-day mean of 5,000 or a single day of 8,500; lifted once the
// 7-day mean has been below 75% of 5,000 (3,750) on 14 consecutive days; at most 270, 225
// and 180 days in force in its first three years.
PolicyTrigger emergency_authority() {
  PolicyTrigger t;
  t.on_average_days = 7;
  t.on_at_or_above = 5000;
  t.off_average_days = 7;
  t.off_below = 3750;
  t.off_for_days = 14;
  t.off_delay_days = 0;
  t.initially_in_force = false;
  t.on_single_day_at_or_above = 8500;
  t.max_days_per_year = {270, 225, 180};
  return t;
}

TEST(PolicyTrigger, ASingleDayAtTheThresholdSwitchesItOn) {
  TriggerState state(emergency_authority());
  state.start();
  // 3,000 a day, with 8,499 on day 5 (not enough) and 8,500 on day 9. The 7-day mean never
  // reaches 5,000 (days 3..9: 31,999 / 7 = 4,571.3), so only the single day switches it on,
  // from day 10.
  const auto in_force =
      replay(state, series({{5, 3000}, {1, 8499}, {3, 3000}, {1, 8500}, {5, 3000}}));
  for (int day = 0; day < 9; ++day) EXPECT_FALSE(in_force[day]) << day;  // decides day+1
  EXPECT_TRUE(in_force[9]);  // after day 9 (8,500): in force from day 10
  EXPECT_TRUE(in_force[14]);
}

TEST(PolicyTrigger, EmergencyAuthorityLiftedAfterFourteenConsecutiveDaysBelow3750) {
  TriggerState state(emergency_authority());
  state.start();
  // 6,000 a day for 10 days (on after day 0: the mean of one day is 6,000), then 3,000 a
  // day. The 7-day mean is below 3,750 once 6 of the last 7 days are at 3,000
  // (6,000 + 18,000 = 24,000 < 26,250; with 5: 27,000): from day 15. The 14th consecutive
  // day below is day 28: in force through day 28, not from day 29.
  const auto in_force = replay(state, series({{10, 6000}, {30, 3000}}));
  EXPECT_TRUE(in_force[0]);
  EXPECT_TRUE(in_force[27]);   // decides day 28: 13 days below so far
  EXPECT_FALSE(in_force[28]);  // decides day 29
  // 4,000 a day (between 3,750 and 5,000) would have kept it on: the hysteresis band.
  TriggerState band(emergency_authority());
  band.start();
  const auto kept = replay(band, series({{10, 6000}, {30, 4000}}));
  EXPECT_TRUE(kept[39]);
}

TEST(PolicyTrigger, ADayAboveRestartsTheFourteenDayCount) {
  TriggerState state(emergency_authority());
  state.start();
  // As above, below from day 15; day 22 at 9,000 lifts the 7-day mean to 3,857 or more on
  // days 22..27 ((6·3000 + 9000)/7 = 3,857 ≥ 3,750) and breaks the run; below again from day
  // 29 (the mean of 23..29 is 3,000). 14 days: 29..42, in force through day 42.
  const auto in_force = replay(state, series({{10, 6000}, {12, 3000}, {1, 9000}, {30, 3000}}));
  EXPECT_TRUE(in_force[41]);   // decides day 42
  EXPECT_FALSE(in_force[42]);  // decides day 43
}

// Whether the policy is in force on each day of `encounters`, the first on `first`, with the
// cap's days counted (begin_day before reading, observe after).
std::vector<bool> replay_dated(TriggerState state, util::Date first,
                               const std::vector<double>& encounters) {
  std::vector<bool> in_force;
  for (std::size_t i = 0; i < encounters.size(); ++i) {
    state.begin_day(first + static_cast<std::int64_t>(i));
    in_force.push_back(state.in_force());
    state.observe(encounters[i]);
  }
  return in_force;
}

int count_between(const std::vector<bool>& in_force, std::size_t first, std::size_t end) {
  int n = 0;
  for (std::size_t i = first; i < end && i < in_force.size(); ++i) n += in_force[i] ? 1 : 0;
  return n;
}

TEST(PolicyTrigger, DaysPerYearCapOf270Then225Then180AndThenNever) {
  PolicyTrigger t = emergency_authority();
  t.initially_in_force = true;
  const util::Date start = *util::Date::parse("2023-12-01");
  TriggerState state(t, start);
  state.start();
  // 6,000 a day throughout: the authority would be on every day. Year one runs from
  // 1 December 2023 to 30 November 2024 (366 days: 2024 is a leap year), year two 365 days,
  // year three 365 days, then 30 days after the sunset.
  const auto in_force = replay_dated(state, start, series({{366 + 365 + 365 + 30, 6000}}));
  EXPECT_EQ(count_between(in_force, 0, 366), 270);
  EXPECT_TRUE(in_force[269]);   // 27 August 2024, the 270th day
  EXPECT_FALSE(in_force[270]);  // off until the anniversary
  EXPECT_FALSE(in_force[365]);  // 30 November 2024
  EXPECT_TRUE(in_force[366]);   // 1 December 2024: year two, on again (its mean is 6,000)
  EXPECT_EQ(count_between(in_force, 366, 731), 225);
  EXPECT_EQ(count_between(in_force, 731, 1096), 180);
  EXPECT_EQ(count_between(in_force, 1096, in_force.size()), 0);  // after the third year
}

TEST(PolicyTrigger, CappedItComesBackOnlyIfTheMeanIsStillAtTheThreshold) {
  PolicyTrigger t = emergency_authority();
  t.max_days_per_year = {5, 5};
  const util::Date start = *util::Date::parse("2023-03-01");
  TriggerState state(t, start);
  state.start();
  // Off at first; 6,000 a day from day 0: on from day 1, days 1..5 use the year's five, off
  // from day 6 to the anniversary (1 March 2024, day 366 since 2024 is a leap year). The
  // count falls to 2,000 a day from day 300, so the year-two mean is below 5,000: still off.
  const auto in_force = replay_dated(state, start, series({{300, 6000}, {100, 2000}}));
  EXPECT_FALSE(in_force[0]);
  EXPECT_EQ(count_between(in_force, 0, 366), 5);
  for (int day = 1; day <= 5; ++day) EXPECT_TRUE(in_force[day]) << day;
  EXPECT_EQ(count_between(in_force, 366, in_force.size()), 0);
}

TEST(PolicyTrigger, AYearStartedOn29FebruaryHasItsAnniversariesOn1March) {
  PolicyTrigger t = emergency_authority();
  t.initially_in_force = true;
  t.max_days_per_year = {1, 1};
  const util::Date start = *util::Date::parse("2024-02-29");
  TriggerState state(t, start);
  state.start();
  const auto in_force = replay_dated(state, start, series({{368, 6000}}));
  EXPECT_TRUE(in_force[0]);     // 29 February 2024
  EXPECT_FALSE(in_force[365]);  // 28 February 2025: still year one
  EXPECT_TRUE(in_force[366]);   // 1 March 2025: year two
  EXPECT_FALSE(in_force[367]);
}

}  // namespace
}  // namespace bf::model
