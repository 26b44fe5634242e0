#include "engine/distributions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace bf::engine {
namespace {

// Frozen values from one stream: any change to a generator changes every result, so it must
// be deliberate. (Values printed with %.17g when the generators were written.)
TEST(Distributions, KnownValues) {
  RandomStream rs(42, 0, 2, 7);
  EXPECT_DOUBLE_EQ(exponential(rs, 2.0), 0.59780963355511962);
  EXPECT_DOUBLE_EQ(standard_normal(rs), -1.5814607399314955);
  EXPECT_DOUBLE_EQ(lognormal_mean_cv(rs, 3.0, 0.5), 5.0255195241569028);
  EXPECT_DOUBLE_EQ(gamma(rs, 2.5, 1.5), 4.4950258806039729);
  EXPECT_DOUBLE_EQ(gamma(rs, 0.3, 1.0), 1.093915675480853);
  EXPECT_EQ(poisson(rs, 3.2), 3);
  EXPECT_EQ(poisson(rs, 250.0), 253);
  EXPECT_EQ(poisson(rs, 1e6), 1000377);
  EXPECT_EQ(negative_binomial(rs, 1000.0, 20.0), 787);
  const double w[] = {0.2, 0.5, 0.3};
  AliasTable t(w);
  EXPECT_EQ(t.sample(rs), 1);
  EXPECT_EQ(t.sample(rs), 0);
  EXPECT_EQ(t.sample(rs), 2);
  EXPECT_EQ(t.sample(rs), 1);
}

struct Moments {
  double mean = 0, var = 0;
};

template <typename Draw>
Moments sample_moments(Draw draw, int n) {
  double s = 0, s2 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = draw();
    s += x;
    s2 += x * x;
  }
  const double m = s / n;
  return {m, (s2 - n * m * m) / (n - 1)};
}

constexpr int kN = 200000;

// Each check allows 5 standard errors of the sample mean, so a false failure has
// probability below 1e-6 per assertion (and the streams are fixed, so it is reproducible).
void expect_mean(const Moments& m, double mean, double var) {
  EXPECT_NEAR(m.mean, mean, 5 * std::sqrt(var / kN));
}
void expect_variance(const Moments& m, double var, double rel_tol) {
  EXPECT_NEAR(m.var / var, 1.0, rel_tol);
}

TEST(Distributions, ExponentialMoments) {
  RandomStream rs(1, 0, 0, 0);
  auto m = sample_moments([&] { return exponential(rs, 3.0); }, kN);
  expect_mean(m, 3.0, 9.0);
  expect_variance(m, 9.0, 0.03);
}

TEST(Distributions, NormalMoments) {
  RandomStream rs(1, 0, 0, 1);
  auto m = sample_moments([&] { return normal(rs, -2.0, 0.5); }, kN);
  expect_mean(m, -2.0, 0.25);
  expect_variance(m, 0.25, 0.02);
}

TEST(Distributions, LognormalMeanAndCv) {
  RandomStream rs(1, 0, 0, 2);
  auto m = sample_moments([&] { return lognormal_mean_cv(rs, 10.0, 0.6); }, kN);
  expect_mean(m, 10.0, 36.0);
  expect_variance(m, 36.0, 0.05);
  EXPECT_EQ(lognormal_mean_cv(rs, 7.5, 0.0), 7.5);
}

TEST(Distributions, GammaMomentsBothBranches) {
  for (double shape : {0.4, 1.0, 2.5, 40.0}) {
    RandomStream rs(1, 0, 0, static_cast<std::uint64_t>(shape * 10));
    auto m = sample_moments([&] { return gamma(rs, shape, 2.0); }, kN);
    expect_mean(m, 2.0 * shape, 4.0 * shape);
    expect_variance(m, 4.0 * shape, 0.05);
  }
}

TEST(Distributions, PoissonMomentsBothMethods) {
  for (double mean : {0.3, 4.0, 9.99, 10.0, 37.5, 2500.0}) {
    RandomStream rs(2, 0, 0, static_cast<std::uint64_t>(mean * 100));
    auto m = sample_moments([&] { return static_cast<double>(poisson(rs, mean)); }, kN);
    expect_mean(m, mean, mean);
    expect_variance(m, mean, 0.03);
  }
  RandomStream rs(2, 0, 0, 0);
  EXPECT_EQ(poisson(rs, 0.0), 0);
}

// A rate that is not a count (NaN, infinite, negative, beyond int64) is refused at once:
// PTRS looped for ever on NaN (issue 19), and a huge mean overflowed its integer candidate.
TEST(Distributions, PoissonRefusesImpossibleMeans) {
  RandomStream rs(2, 0, 0, 0);
  for (double mean : {std::nan(""), std::numeric_limits<double>::infinity(), -1.0, -1e-300, 1e20,
                      kMaxPoissonMean * 2.0}) {
    EXPECT_THROW(poisson(rs, mean), std::domain_error) << mean;
  }
  // The largest mean allowed still draws a count near it.
  EXPECT_NEAR(static_cast<double>(poisson(rs, kMaxPoissonMean)), kMaxPoissonMean, 1e9);
}

TEST(Distributions, PoissonProbabilitiesMatchTheMassFunction) {
  // P(X = k) for mean 12 (PTRS branch) against exp(-μ) μ^k / k!.
  RandomStream rs(3, 0, 0, 0);
  std::vector<int> counts(60, 0);
  for (int i = 0; i < kN; ++i)
    ++counts[static_cast<std::size_t>(std::min<std::int64_t>(poisson(rs, 12.0), 59))];
  for (int k : {5, 10, 12, 15, 20}) {
    const double p = std::exp(-12.0 + k * std::log(12.0) - log_factorial(k));
    EXPECT_NEAR(counts[static_cast<std::size_t>(k)] / double(kN), p,
                5 * std::sqrt(p * (1 - p) / kN))
        << k;
  }
}

TEST(Distributions, NegativeBinomialIsOverdispersed) {
  RandomStream rs(4, 0, 0, 0);
  const double mean = 500.0, shape = 10.0;
  const double var = mean + mean * mean / shape;
  auto m =
      sample_moments([&] { return static_cast<double>(negative_binomial(rs, mean, shape)); }, kN);
  expect_mean(m, mean, var);
  expect_variance(m, var, 0.05);
}

TEST(Distributions, LogFactorialMatchesExactValues) {
  EXPECT_DOUBLE_EQ(log_factorial(0), 0.0);
  EXPECT_DOUBLE_EQ(log_factorial(1), 0.0);
  EXPECT_NEAR(log_factorial(5), std::log(120.0), 1e-12);
  double exact = 0;
  for (int i = 2; i <= 40; ++i) exact += std::log(static_cast<double>(i));
  EXPECT_NEAR(log_factorial(40), exact, 1e-10);
}

TEST(Distributions, AliasTableFrequencies) {
  const std::vector<double> w = {1.0, 0.0, 3.0, 6.0};
  AliasTable t(w);
  RandomStream rs(5, 0, 0, 0);
  std::vector<int> counts(4, 0);
  for (int i = 0; i < kN; ++i) ++counts[static_cast<std::size_t>(t.sample(rs))];
  EXPECT_EQ(counts[1], 0);
  for (std::size_t i = 0; i < 4; ++i) {
    const double p = w[i] / 10.0;
    EXPECT_NEAR(counts[i] / double(kN), p, 5 * std::sqrt(p * (1 - p) / kN + 1e-12));
  }
}

}  // namespace
}  // namespace bf::engine
