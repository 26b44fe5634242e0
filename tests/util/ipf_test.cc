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

namespace bf::util {
namespace {

// A 2 × 3 × 4 table with two-way interactions only: x = a[i][j] · b[i][k] · c[j][k].
std::vector<double> no_three_way_interaction() {
  std::vector<double> x;
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) {
      for (int k = 0; k < 4; ++k) {
        x.push_back((1.0 + i + 2.0 * j) * (0.5 + i * k) * (3.0 - j * 0.5 + k));
      }
    }
  }
  return x;
}

ThreeWayMargins margins_of(const std::vector<double>& x) {
  ThreeWayMargins m{
      2, 3, 4, std::vector<double>(6), std::vector<double>(8), std::vector<double>(12)};
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) {
      for (int k = 0; k < 4; ++k) {
        const double v = x[static_cast<std::size_t>((i * 3 + j) * 4 + k)];
        m.ij[static_cast<std::size_t>(i * 3 + j)] += v;
        m.ik[static_cast<std::size_t>(i * 4 + k)] += v;
        m.jk[static_cast<std::size_t>(j * 4 + k)] += v;
      }
    }
  }
  return m;
}

TEST(IpfThreeWay, RecoversATableWithoutThreeWayInteractionFromAFlatSeed) {
  const std::vector<double> truth = no_three_way_interaction();
  const IpfResult r = fit_three_way(std::vector<double>(24, 1.0), margins_of(truth));
  EXPECT_TRUE(r.converged);
  EXPECT_LT(r.max_relative_margin_error, 1e-9);
  for (std::size_t c = 0; c < truth.size(); ++c) EXPECT_NEAR(r.cells[c], truth[c], 1e-6 * truth[c]);
}

TEST(IpfThreeWay, ATableWithItsOwnMarginsIsAFixedPoint) {
  std::vector<double> x = no_three_way_interaction();
  x[5] *= 3.0;  // a three-way interaction: still its own margins' fit from itself
  const IpfResult r = fit_three_way(x, margins_of(x));
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.sweeps, 1);
  for (std::size_t c = 0; c < x.size(); ++c) EXPECT_NEAR(r.cells[c], x[c], 1e-12 * x[c]);
}

TEST(IpfThreeWay, ZeroMarginCellsEmptyTheirCells) {
  std::vector<double> truth = no_three_way_interaction();
  for (int k = 0; k < 4; ++k) truth[static_cast<std::size_t>((1 * 3 + 2) * 4 + k)] = 0.0;
  const ThreeWayMargins m = margins_of(truth);
  ASSERT_EQ(m.ij[5], 0.0);
  const IpfResult r = fit_three_way(std::vector<double>(24, 1.0), m);
  for (int k = 0; k < 4; ++k) EXPECT_EQ(r.cells[static_cast<std::size_t>(20 + k)], 0.0);
  EXPECT_LT(r.max_relative_margin_error, 1e-8);
}

}  // namespace
}  // namespace bf::util
