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

}  // namespace
}  // namespace bf::model
