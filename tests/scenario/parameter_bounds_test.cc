// The bounds checked at load (parameter_bounds.h, docs/parameters.md "Bounds checked at
// load"): each edge is accepted, one step beyond is refused at the value's line and column.

#include "scenario/parameter_bounds.h"

#include <gtest/gtest.h>

#include <string>

#include "scenario/scenario_loader.h"
#include "test_files.h"

namespace bf::scenario {
namespace {

using testing::all_messages;
using testing::kMinimal;
using testing::TempDir;

LoadResult load_bounded(const TempDir& dir, const std::string& extra) {
  return testing::load_beside_january(dir, std::string(kMinimal) + extra);
}

struct Edge {
  std::string accepted;  // YAML added to the minimal scenario, at the bound
  std::string refused;   // just beyond it
  std::string message;   // part of the refusal
};

TEST(ParameterBounds, EdgesAreAcceptedAndBeyondRefused) {
  const Edge edges[] = {
      {"  day_dispersion: 0.01\n", "  day_dispersion: 0.0099\n",
       "s.yaml:5:19: error: arrivals.day_dispersion: must be >= 0.01, got 0.0099"},
      {"sector_defaults: {agents_on_patrol: 100000}\n",
       "sector_defaults: {agents_on_patrol: 100001}\n",
       "sector_defaults.agents_on_patrol: must be at most 100000, got 100001"},
      {"sector_defaults: {processing_agents: 100000}\n",
       "sector_defaults: {processing_agents: 2147483600}\n",
       "sector_defaults.processing_agents: must be at most 100000, got 2147483600"},
      {"policies: {m: {kind: mexico_enforcement, start: 2024-01-01, arrivals_multiplier: 100}}\n",
       "policies: {m: {kind: mexico_enforcement, start: 2024-01-01, arrivals_multiplier: 100.5}}\n",
       "policies.m.arrivals_multiplier: must be at most 100, got 100.5"},
      {"surges: [{sector: del_rio, first_day: 2024-01-02, last_day: 2024-01-02, people: 1e7}]\n",
       "surges: [{sector: del_rio, first_day: 2024-01-02, last_day: 2024-01-02, people: 1.1e8}]\n",
       "surges[0].people: must be at most 100000000, got 1.1e8"},
      {"detention: {beds: 10000000}\n", "detention: {beds: 10000001}\n",
       "detention.beds: must be at most 10000000, got 10000001"},
  };
  for (const Edge& e : edges) {
    TempDir dir;
    const LoadResult ok = load_bounded(dir, e.accepted);
    EXPECT_TRUE(ok.ok()) << e.accepted << all_messages(ok, dir);
    const LoadResult bad = load_bounded(dir, e.refused);
    EXPECT_FALSE(bad.ok()) << e.refused;
    EXPECT_NE(all_messages(bad, dir).find(e.message), std::string::npos)
        << e.refused << all_messages(bad, dir);
  }
}

TEST(ParameterBounds, WeeklyWeightsAreBoundedAndTheirSumNotReportedAgain) {
  TempDir dir;
  const LoadResult bad = load_bounded(
      dir,
      "  weekly_pattern: {monday: 3e307, tuesday: 3e307, wednesday: 3e307, thursday: 3e307,\n"
      "                   friday: 3e307, saturday: 3e307, sunday: 3e307}\n");
  ASSERT_EQ(bad.diagnostics.size(), 7u) << all_messages(bad, dir);
  EXPECT_NE(all_messages(bad, dir).find("arrivals.weekly_pattern.monday: must be at most "
                                        "1000, got 3e307"),
            std::string::npos);
}

// Each factor within its bound, their product over the policy timeline beyond it.
TEST(ParameterBounds, CombinedArrivalsFactorIsReportedAtTheLaterPolicy) {
  TempDir dir;
  const LoadResult bad = load_bounded(
      dir,
      "policies:\n"
      "  a: {kind: mexico_enforcement, start: 2024-01-01, arrivals_multiplier: 20}\n"
      "  b: {kind: mexico_enforcement, start: 2024-01-10, end: 2024-01-12, scope: [yuma],\n"
      "      arrivals_multiplier: 6}\n");
  EXPECT_NE(all_messages(bad, dir).find(
                "s.yaml:8:28: error: policies.b.arrivals_multiplier: on 2024-01-10 in yuma the "
                "policies in force multiply the people reaching the border by 120 (a × b); at "
                "most 100 in all"),
            std::string::npos)
      << all_messages(bad, dir);
  const LoadResult ok =
      load_bounded(dir,
                   "policies:\n"
                   "  a: {kind: mexico_enforcement, start: 2024-01-01, end: 2024-01-09, "
                   "arrivals_multiplier: 20}\n"
                   "  b: {kind: mexico_enforcement, start: 2024-01-10, arrivals_multiplier: 6}\n");
  EXPECT_TRUE(ok.ok()) << all_messages(ok, dir);
}

}  // namespace
}  // namespace bf::scenario
