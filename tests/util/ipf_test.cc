#include "util/ipf.h"

#include <gtest/gtest.h>

#include <vector>

namespace bf::util {
namespace {

// A seed with interaction: IPF meets both margins and keeps the seed's odds ratio.
TEST(Ipf, MeetsBothMarginsAndKeepsTheOddsRatio) {
  const std::vector<double> seed = {1, 2, 3, 4};  // odds ratio 1·4 / (2·3) = 2/3
  const IpfResult r = fit_two_way(seed, 2, 2, {10, 20}, {12, 18});
  ASSERT_TRUE(r.converged);
  EXPECT_GT(r.sweeps, 3);
  EXPECT_LT(r.sweeps, 100);
  EXPECT_LT(r.last_relative_change, 1e-10);
  EXPECT_LT(r.max_relative_margin_error, 1e-9);
  const auto& x = r.cells;
  EXPECT_NEAR(x[0] + x[1], 10, 1e-8);
  EXPECT_NEAR(x[2] + x[3], 20, 1e-8);
  EXPECT_NEAR(x[0] + x[2], 12, 1e-8);
  EXPECT_NEAR(x[1] + x[3], 18, 1e-8);
  EXPECT_NEAR(x[0] * x[3] / (x[1] * x[2]), 2.0 / 3.0, 1e-9);
}

// A seed that is the outer product of the margins over the total is already the answer.
TEST(Ipf, IndependenceSeedIsAFixedPoint) {
  const std::vector<double> rows = {30, 70};
  const std::vector<double> cols = {50, 25, 25};
  std::vector<double> seed;
  for (double r : rows) {
    for (double c : cols) seed.push_back(r * c / 100.0);
  }
  const IpfResult r = fit_two_way(seed, 2, 3, rows, cols);
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.sweeps, 1);
  for (std::size_t i = 0; i < seed.size(); ++i) EXPECT_NEAR(r.cells[i], seed[i], 1e-12);
}

// Zero rows and columns stay zero; a target the seed cannot reach is left unmet (and does
// not converge within the limit, which callers treat as an error).
TEST(Ipf, ZerosAndUnreachableTargets) {
  const IpfResult zero = fit_two_way({0, 0, 0, 5}, 2, 2, {0, 10}, {0, 10});
  EXPECT_TRUE(zero.converged);
  EXPECT_EQ(zero.cells, (std::vector<double>{0, 0, 0, 10}));
  // Structural zeros make row 0 = 5 and column 1 = 5 impossible to meet together with the
  // other targets: the fit oscillates.
  const IpfResult stuck = fit_two_way({1, 0, 1, 1}, 2, 2, {5, 5}, {2, 8}, {1e-10, 50});
  EXPECT_FALSE(stuck.converged);
  EXPECT_EQ(stuck.sweeps, 50);
  EXPECT_GT(stuck.max_relative_margin_error, 0.01);
}

}  // namespace
}  // namespace bf::util
