// Sampling uncertain parameters: FNV-1a identities, quantiles in range, the same for A and B
// for the same path and replication and different across replications, and a scenario run
// on its sampled specs against itself is exactly zero.

#include "compare/parameter_sampling.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "compare/paired_comparison.h"
#include "compare/replication_metrics.h"
#include "scenario/scenario_loader.h"

namespace bf::compare {
namespace {

const std::filesystem::path kSource = BF_SOURCE_DIR;
const std::filesystem::path kUncertain = kSource / "tests/compare/scenarios/uncertain-beds.yaml";

scenario::UncertainParameter range(std::string path, double low, double high, bool integer) {
  scenario::UncertainParameter p;
  p.path = std::move(path);
  p.low = low;
  p.high = high;
  p.integer = integer;
  return p;
}

TEST(ParameterSampling, PathIdentityIsFnv1a) {
  EXPECT_EQ(path_identity(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(path_identity("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(path_identity("foobar"), 0x85944171f73967e8ULL);
}

TEST(ParameterSampling, QuantilesAreReproducibleAndDifferAcrossReplicationsAndPaths) {
  std::set<double> seen;
  for (int r = 0; r < 50; ++r) {
    const double u = parameter_quantile(7, r, "detention.beds");
    EXPECT_GT(u, 0.0);
    EXPECT_LT(u, 1.0);
    EXPECT_EQ(u, parameter_quantile(7, r, "detention.beds"));
    EXPECT_NE(u, parameter_quantile(7, r, "orr.beds"));
    EXPECT_NE(u, parameter_quantile(8, r, "detention.beds"));
    seen.insert(u);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(ParameterSampling, ValuesLieInTheirRangeAndAreThoseOfTheQuantile) {
  const std::vector<scenario::UncertainParameter> ranges = {
      range("detention.beds", 1500, 4000, true),
      range("apprehension.max_probability", 0.7, 0.95, false)};
  double low_seen = 1.0, high_seen = 0.0;
  for (int r = 0; r < 200; ++r) {
    const auto values = sample_parameters(ranges, 42, r);
    ASSERT_EQ(values.size(), 2u);
    EXPECT_EQ(values[0].first, "detention.beds");
    const double beds = std::stod(values[0].second);
    EXPECT_GE(beds, 1500);
    EXPECT_LE(beds, 4000);
    EXPECT_EQ(beds, std::round(beds));
    const double u = parameter_quantile(42, r, "apprehension.max_probability");
    EXPECT_EQ(std::stod(values[1].second), 0.7 + u * 0.25);
    low_seen = std::min(low_seen, u);
    high_seen = std::max(high_seen, u);
  }
  EXPECT_LT(low_seen, 0.05);  // uniform: 200 draws cover the range
  EXPECT_GT(high_seen, 0.95);
}

TEST(ParameterSampling, TheSamePathTakesTheSameQuantileInAAndB) {
  // A and B give the path different ranges, and declare other paths in another order.
  const std::vector<scenario::UncertainParameter> a = {range("orr.beds", 0, 10, false),
                                                       range("detention.beds", 1000, 2000, false)};
  const std::vector<scenario::UncertainParameter> b = {range("detention.beds", 3000, 7000, false)};
  for (int r = 0; r < 20; ++r) {
    const double in_a = std::stod(sample_parameters(a, 5, r)[1].second);
    const double in_b = std::stod(sample_parameters(b, 5, r)[0].second);
    EXPECT_NEAR((in_a - 1000) / 1000, (in_b - 3000) / 4000, 1e-12) << r;
  }
}

TEST(ParameterSampling, ASampledScenarioAgainstItselfIsExactlyZero) {
  const scenario::LoadResult base = scenario::load_scenario(kUncertain);
  ASSERT_TRUE(base.ok());
  ASSERT_EQ(base.scenario->uncertainty.size(), 3u);
  std::vector<model::ModelSpec> specs;
  std::set<int> beds;
  for (int r = 0; r < 4; ++r) {
    scenario::LoadOptions options;
    options.assignments =
        sample_parameters(base.scenario->uncertainty, base.scenario->spec.seed, r);
    const scenario::LoadResult sampled = scenario::load_scenario(kUncertain, options);
    ASSERT_TRUE(sampled.ok()) << r;
    specs.push_back(sampled.scenario->spec);
    beds.insert(specs.back().detention.beds);
  }
  EXPECT_EQ(beds.size(), 4u);  // a new draw in each replication
  const ScenarioComparison c =
      compare_replications(simulate_metrics(specs, 2), simulate_metrics(specs, 1), false);
  for (const ComparisonRow& row : c.rows) {
    EXPECT_EQ(row.difference.mean_difference, 0.0);
    EXPECT_EQ(row.difference.difference_p5, 0.0);
    EXPECT_EQ(row.difference.difference_p95, 0.0);
  }
}

}  // namespace
}  // namespace bf::compare
