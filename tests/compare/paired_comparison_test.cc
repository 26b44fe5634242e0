// Paired differences on hand-made replications: means, nearest-rank band, the t interval and
// when it is undefined; the CSV and the table.

#include "compare/paired_comparison.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "compare/comparison_text.h"

namespace bf::compare {
namespace {

using ::testing::HasSubstr;

TEST(PairedDifferenceTest, MeansBandAndTInterval) {
  const PairedDifference p = paired_difference({1, 2, 3, 4}, {2, 4, 3, 8});  // d = 1, 2, 0, 4
  EXPECT_DOUBLE_EQ(p.mean_a, 2.5);
  EXPECT_DOUBLE_EQ(p.mean_b, 4.25);
  EXPECT_DOUBLE_EQ(p.mean_difference, 1.75);
  EXPECT_EQ(p.difference_p5, 0.0);   // nearest rank: ceil(0.05 · 4) = 1st of 0, 1, 2, 4
  EXPECT_EQ(p.difference_p95, 4.0);  // ceil(0.95 · 4) = 4th
  // s = sqrt(8.75 / 3); half width = t(0.975, 3) · s / 2 = 3.182446 · 0.853913.
  ASSERT_TRUE(p.ci95_low && p.ci95_high);
  EXPECT_NEAR(*p.ci95_low, 1.75 - 2.717533, 1e-5);
  EXPECT_NEAR(*p.ci95_high, 1.75 + 2.717533, 1e-5);
  EXPECT_FALSE(p.distinguishable);
}

TEST(PairedDifferenceTest, AConstantDifferenceIsDistinguishable) {
  const PairedDifference p = paired_difference({10, 20, 30}, {7, 17, 27});
  EXPECT_DOUBLE_EQ(p.mean_difference, -3.0);
  EXPECT_DOUBLE_EQ(*p.ci95_low, -3.0);
  EXPECT_DOUBLE_EQ(*p.ci95_high, -3.0);
  EXPECT_TRUE(p.distinguishable);
}

TEST(PairedDifferenceTest, IdenticalRunsAreExactlyZeroAndNotDistinguishable) {
  const PairedDifference p = paired_difference({5, 9, 2}, {5, 9, 2});
  EXPECT_EQ(p.mean_difference, 0.0);
  EXPECT_EQ(*p.ci95_low, 0.0);
  EXPECT_EQ(*p.ci95_high, 0.0);
  EXPECT_FALSE(p.distinguishable);
}

TEST(PairedDifferenceTest, OneReplicationHasNoInterval) {
  const PairedDifference p = paired_difference({5}, {9});
  EXPECT_EQ(p.mean_difference, 4.0);
  EXPECT_EQ(p.difference_p5, 4.0);
  EXPECT_EQ(p.difference_p95, 4.0);
  EXPECT_FALSE(p.ci95_low.has_value());
  EXPECT_FALSE(p.ci95_high.has_value());
  EXPECT_FALSE(p.distinguishable);
}

// Two replications over January and February 2024; B has 10 more encounters in February.
std::vector<ReplicationMetrics> runs(double extra) {
  std::vector<ReplicationMetrics> out(2);
  for (std::size_t r = 0; r < 2; ++r) {
    out[r].months = {{2024, 1}, {2024, 2}};
    out[r].periods.assign(3, MetricValues{});
    out[r].periods[1][0] = 100.0 + static_cast<double>(r);
    out[r].periods[2][0] = 50.0 + extra;
    out[r].periods[0][0] = out[r].periods[1][0] + out[r].periods[2][0];
  }
  return out;
}

TEST(CompareReplicationsTest, RowsPerMetricAndPeriodAndTheirText) {
  const ScenarioComparison c = compare_replications(runs(0), runs(10), false);
  EXPECT_EQ(c.replications, 2);
  std::size_t border_metrics = 0;
  for (const Metric& m : kMetrics) border_metrics += m.port ? 0 : 1;
  ASSERT_EQ(c.rows.size(), border_metrics * 3);  // total, January, February
  EXPECT_EQ(kMetrics[c.rows[0].metric].key, "encounters");
  EXPECT_FALSE(c.rows[0].month.has_value());
  EXPECT_EQ(c.rows[0].difference.mean_difference, 10.0);
  EXPECT_EQ(c.rows[1].difference.mean_difference, 0.0);
  EXPECT_TRUE(c.rows[2].difference.distinguishable);
  EXPECT_EQ(compare_replications(runs(0), runs(10), true).rows.size(), kMetricCount * 3);

  const std::string csv = comparison_csv(c);
  EXPECT_THAT(csv, HasSubstr("metric,period,mean_a,mean_b,mean_difference,difference_p5,"
                             "difference_p95,ci95_low,ci95_high,distinguishable\n"
                             "encounters,total,150.500,160.500,10.000,10.000,10.000,10.000,"
                             "10.000,true\n"
                             "encounters,2024-01,100.500,100.500,0.000,0.000,0.000,0.000,0.000,"
                             "false\n"
                             "encounters,2024-02,50.000,60.000,10.000,"));
  EXPECT_THAT(csv, HasSubstr("\ngotaways,2024-02,0.000,0.000,0.000,"));
  EXPECT_EQ(csv.find("port_encounters"), std::string::npos);

  const std::string table = totals_table(c);
  EXPECT_THAT(table, ::testing::StartsWith("metric       "));
  EXPECT_THAT(table, ::testing::ContainsRegex(
                         "\nBorder Patrol encounters +150.5 +160.5 +10.0 +10.0 .. 10.0 +10.0 .. "
                         "10.0 +yes\n"));
  EXPECT_THAT(table, ::testing::ContainsRegex("\ngotaways +0.0 +0.0 +0.0 +0.0 .. 0.0 .+ no\n"));
  EXPECT_THAT(table, HasSubstr("Student's t with 1 degree of freedom\n"));
  EXPECT_EQ(table.find("2024-01"), std::string::npos);  // totals only

  const std::string single = totals_table(compare_replications({runs(0)[0]}, {runs(5)[0]}, false));
  EXPECT_THAT(single, HasSubstr("undefined"));
  EXPECT_THAT(comparison_csv(compare_replications({runs(0)[0]}, {runs(5)[0]}, false)),
              HasSubstr("encounters,total,150.000,155.000,5.000,5.000,5.000,,,false\n"));
}

}  // namespace
}  // namespace bf::compare
