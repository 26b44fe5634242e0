// The product of the arrivals factors of policies in force together (combined_levers.h).

#include "scenario/combined_levers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bf::scenario {
namespace {

util::Date ymd(int y, int m, int d) { return *util::Date::from_ymd(y, m, d); }

model::PolicySpec enforcement(std::string name, double multiplier, util::Date start,
                              std::optional<util::Date> end = std::nullopt) {
  model::PolicySpec p;
  p.name = std::move(name);
  p.start = start;
  p.end = end;
  p.lever = model::MexicoEnforcement{multiplier, 0, 0};
  return p;
}

TEST(CombinedLevers, FactorsOfTheKindsThatMultiplyArrivals) {
  EXPECT_EQ(arrivals_factor(model::MexicoEnforcement{0.7, 0, 0}), 0.7);
  model::EntrySuspension e;
  EXPECT_EQ(arrivals_factor(e), 0.51);
  EXPECT_EQ(arrivals_factor_key(e), "deterrence");
  EXPECT_EQ(arrivals_factor(model::DetentionBeds{100}), 1.0);
  EXPECT_EQ(arrivals_factor_key(model::DetentionBeds{100}), "");
}

TEST(CombinedLevers, OverlappingRisesMultiply) {
  const util::Date jan1 = ymd(2024, 1, 1), jan5 = ymd(2024, 1, 5);
  const std::vector<model::PolicySpec> policies = {enforcement("a", 20, jan1),
                                                   enforcement("b", 20, jan5)};
  const auto over = find_combined_factor_above(policies, 100.0);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->policy, 1u);
  EXPECT_EQ(over->date, jan5);
  EXPECT_NEAR(over->log10_factor, std::log10(400.0), 1e-12);
  EXPECT_EQ(over->together, (std::vector<std::size_t>{0, 1}));
  EXPECT_FALSE(find_combined_factor_above(policies, 400.0));
}

// Factors beyond a double's range are added in logs: no infinity, no NaN.
TEST(CombinedLevers, HugeProductsStayFinite) {
  const util::Date jan1 = ymd(2024, 1, 1);
  const auto over = find_combined_factor_above(
      {enforcement("a", 1e200, jan1), enforcement("b", 1e200, jan1)}, 100.0);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->policy, 0u);
  EXPECT_NEAR(over->log10_factor, 400.0, 1e-9);
}

TEST(CombinedLevers, DatesThatDoNotOverlapOrFallsDoNotCombine) {
  const util::Date jan1 = ymd(2024, 1, 1), jan10 = ymd(2024, 1, 10), jan11 = ymd(2024, 1, 11);
  EXPECT_FALSE(find_combined_factor_above(
      {enforcement("a", 50, jan1, jan10), enforcement("b", 50, jan11)}, 100.0));
  EXPECT_FALSE(find_combined_factor_above(
      {enforcement("a", 50, jan1), enforcement("b", 0.01, jan1), enforcement("c", 2, jan1)},
      100.0));
  model::PolicySpec other_sector = enforcement("b", 50, jan1);
  other_sector.sectors.fill(false);
  other_sector.sectors[0] = true;
  model::PolicySpec first = enforcement("a", 50, jan1);
  first.sectors[0] = false;
  EXPECT_FALSE(find_combined_factor_above({first, other_sector}, 100.0));
}

TEST(CombinedLevers, ExpectedFactorFollowsLagAndRamp) {
  model::PolicySpec p = enforcement("a", 0.5, ymd(2024, 1, 1));
  p.lever = model::MexicoEnforcement{0.5, 2, 3};
  EXPECT_EQ(expected_arrivals_factor(p, ymd(2024, 1, 2)), 1.0);  // lag
  EXPECT_EQ(expected_arrivals_factor(p, ymd(2024, 1, 4)), 1.0);  // ramping
  EXPECT_EQ(expected_arrivals_factor(p, ymd(2024, 1, 5)), 0.5);  // full
  p.lever = model::MexicoEnforcement{3.0, 2, 3};
  EXPECT_EQ(expected_arrivals_factor(p, ymd(2024, 1, 3)), 3.0);  // a rise counts at once
  EXPECT_EQ(expected_arrivals_factor(p, ymd(2023, 12, 31)), 1.0);
}

}  // namespace
}  // namespace bf::scenario
