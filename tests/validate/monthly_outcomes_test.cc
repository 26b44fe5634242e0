// Monthly outcomes of replications: the same numbers whatever the thread count, and the
// months add up to the days.

#include "validate/monthly_outcomes.h"

#include <gtest/gtest.h>

#include "tiny_world.h"

namespace bf::validate {
namespace {

using model::Citizenship;
using model::Demographic;

TEST(MonthlyOutcomesTest, SameResultsOnOneOrThreeThreadsAndDaysAddUp) {
  model::ModelSpec spec = model::testing::tiny_spec(45);  // 1 Jan – 14 Feb 2024
  model::testing::set_level(spec, 2, Demographic::kSingleAdult, Citizenship::kMexico, 40.0);
  model::testing::set_level(spec, 5, Demographic::kFamilyUnitMember, Citizenship::kOther, 30.0);
  spec.detention.beds = 100;
  spec.dispositions.expedited_removal_share[0] = 1.0;
  const auto one = simulate_months(spec, 5, 1);
  const auto three = simulate_months(spec, 5, 3);
  ASSERT_EQ(one.size(), 5u);
  for (std::size_t r = 0; r < one.size(); ++r) {
    ASSERT_EQ(one[r].size(), 2u);
    EXPECT_EQ(one[r][0].days, 31);
    EXPECT_EQ(one[r][1].days, 14);
    for (std::size_t m = 0; m < 2; ++m) {
      EXPECT_EQ(one[r][m].encounters, three[r][m].encounters);
      EXPECT_EQ(one[r][m].detention_population_days, three[r][m].detention_population_days);
      EXPECT_EQ(one[r][m].encounters[0], 0);
      EXPECT_GT(one[r][m].encounters[2], 0);
    }
  }
  EXPECT_NE(one[0][0].encounters, one[1][0].encounters);  // replications differ
}

}  // namespace
}  // namespace bf::validate
