// Ranking one-at-a-time swings: largest |swing| first whatever its sign, ties by path, the
// paired interval of compare, and the base mean.

#include "compare/sensitivity.h"

#include <gtest/gtest.h>

#include "compare/sensitivity_text.h"

namespace bf::compare {
namespace {

TEST(Sensitivity, RanksByAbsoluteSwingThenPath) {
  const std::vector<double> base = {10, 12, 14};
  const std::vector<EndValues> ends = {
      {"b.flat", "1", "2", {10, 12, 14}, {10, 12, 14}},
      {"c.down", "1", "2", {20, 22, 24}, {0, 2, 4}},  // swing -20
      {"a.flat", "1", "2", {10, 12, 14}, {10, 12, 14}},
      {"d.up", "1", "2", {10, 12, 14}, {15, 17, 20}},  // swing +5.33
  };
  const SensitivityResult s = rank_swings(3, base, ends);
  EXPECT_EQ(s.metric, 3u);
  EXPECT_EQ(s.replications, 3);
  EXPECT_EQ(s.mean_base, 12.0);
  ASSERT_EQ(s.parameters.size(), 4u);
  EXPECT_EQ(s.parameters[0].path, "c.down");
  EXPECT_EQ(s.parameters[1].path, "d.up");
  EXPECT_EQ(s.parameters[2].path, "a.flat");
  EXPECT_EQ(s.parameters[3].path, "b.flat");
  const PairedDifference& down = s.parameters[0].swing;
  EXPECT_EQ(down.mean_a, 22.0);
  EXPECT_EQ(down.mean_b, 2.0);
  EXPECT_EQ(down.mean_difference, -20.0);
  EXPECT_EQ(*down.ci95_low, -20.0);  // the same swing in every replication
  EXPECT_TRUE(down.distinguishable);
  EXPECT_FALSE(s.parameters[2].swing.distinguishable);
}

TEST(Sensitivity, CsvRowsInRankOrder) {
  const SensitivityResult s =
      rank_swings(0, {5}, {{"x", "1d", "2d", {4}, {6}}, {"y", "0.1", "0.9", {5}, {5}}});
  EXPECT_EQ(sensitivity_csv(s),
            "rank,path,low,high,mean_low,mean_high,mean_base,swing,ci95_low,ci95_high,"
            "distinguishable\n"
            "1,x,1d,2d,4.000,6.000,5.000,2.000,,,false\n"
            "2,y,0.1,0.9,5.000,5.000,5.000,0.000,,,false\n");
}

}  // namespace
}  // namespace bf::compare
