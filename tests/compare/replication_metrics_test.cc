// Compare on small hand-made scenarios (tests/compare/scenarios, extending
// scenarios/examples/tiny.yaml): a scenario against itself is exactly zero; a change
// downstream of arrivals keeps every crossing identical (common random numbers) and moves
// what it should; the results do not depend on the number of threads.

#include "compare/replication_metrics.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "compare/paired_comparison.h"
#include "scenario/scenario_loader.h"

namespace bf::compare {
namespace {

const std::filesystem::path kSource = BF_SOURCE_DIR;
constexpr int kReplications = 6;

model::ModelSpec load(const std::filesystem::path& file) {
  const scenario::LoadResult loaded = scenario::load_scenario(kSource / file);
  if (!loaded.ok()) ADD_FAILURE() << file << " does not load";
  return loaded.ok() ? loaded.scenario->spec : model::ModelSpec{};
}

// The metrics come from the output schema's compare uses, in compare.csv's order; each reads
// the schema field named by its column, from days or (port metrics) port_days.
TEST(MetricsTest, BuiltFromTheSchemaInCompareOrder) {
  const std::vector<std::string_view> keys = {
      "encounters",         "gotaways",           "crossings",          "repeat_crossings",
      "returned_to_mexico", "title42_expulsions", "remain_in_mexico",   "transferred_to_ice",
      "released_by_ice",    "released",           "transferred_to_orr", "in_custody_mean",
      "in_custody_peak",    "over_capacity_mean", "held_over_72h_mean", "detention_population_mean",
      "detention_book_ins", "removals",           "port_encounters",    "truck_hours_delay",
      "railcar_days_delay", "freight_delayed_usd"};
  ASSERT_EQ(kMetricCount, keys.size());
  for (std::size_t m = 0; m < keys.size(); ++m) {
    const Metric& metric = kMetrics[m];
    SCOPED_TRACE(std::string(metric.key));
    EXPECT_EQ(metric.key, keys[m]);
    ASSERT_NE(metric.field, nullptr);
    EXPECT_EQ(metric.field->name, metric.column);
    EXPECT_EQ(metric.port, m >= 18);
    const auto& table =
        output::fields(metric.port ? output::Table::kPortDays : output::Table::kDays);
    EXPECT_TRUE(metric.field >= table.data() && metric.field < table.data() + table.size());
  }
  EXPECT_EQ(kMetrics[0].label, "Border Patrol encounters");
  EXPECT_EQ(kMetrics[12].aggregation, Aggregation::kPeak);
  EXPECT_EQ(kMetrics[12].column, "in_custody");
  EXPECT_EQ(kMetrics[18].column, "encounters");
  EXPECT_EQ(MetricValues{}.size(), kMetricCount);
}

std::size_t metric(std::string_view key) {
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    if (kMetrics[m].key == key) return m;
  }
  ADD_FAILURE() << "no metric " << key;
  return 0;
}

const PairedDifference& total(const ScenarioComparison& c, std::string_view key) {
  for (const ComparisonRow& row : c.rows) {
    if (!row.month && kMetrics[row.metric].key == key) return row.difference;
  }
  static const PairedDifference kNone;
  ADD_FAILURE() << "no row " << key;
  return kNone;
}

TEST(CompareScenariosTest, AScenarioAgainstItselfIsExactlyZero) {
  const model::ModelSpec spec_a = load("scenarios/examples/tiny.yaml");
  const model::ModelSpec spec_b = load("scenarios/examples/tiny.yaml");
  const ScenarioComparison c = compare_replications(
      simulate_metrics(spec_a, kReplications, 2), simulate_metrics(spec_b, kReplications, 1), true);
  ASSERT_FALSE(c.rows.empty());
  for (const ComparisonRow& row : c.rows) {
    const PairedDifference& d = row.difference;
    const std::string where = std::string(kMetrics[row.metric].key) + " " +
                              (row.month ? row.month->to_string() : "total");
    EXPECT_EQ(d.mean_a, d.mean_b) << where;
    EXPECT_EQ(d.mean_difference, 0.0) << where;
    EXPECT_EQ(d.difference_p5, 0.0) << where;
    EXPECT_EQ(d.difference_p95, 0.0) << where;
    EXPECT_EQ(d.ci95_low, 0.0) << where;
    EXPECT_EQ(d.ci95_high, 0.0) << where;
    EXPECT_FALSE(d.distinguishable) << where;
  }
  EXPECT_GT(total(c, "encounters").mean_a, 0.0);
}

TEST(CompareScenariosTest, SameResultsOnOneOrThreeThreads) {
  const model::ModelSpec spec = load("tests/compare/scenarios/tight-beds.yaml");
  const auto one = simulate_metrics(spec, 4, 1);
  const auto three = simulate_metrics(spec, 4, 3);
  ASSERT_EQ(one.size(), 4u);
  for (std::size_t r = 0; r < one.size(); ++r) {
    EXPECT_EQ(one[r].months, three[r].months);
    EXPECT_EQ(one[r].periods, three[r].periods) << r;
  }
  EXPECT_NE(one[0].periods[0], one[1].periods[0]);  // replications differ
}

// The progress of compare and sensitivity (issue 19): one call per replication, on any
// thread, and the results are the same with or without it.
TEST(CompareScenariosTest, EachFinishedReplicationIsReported) {
  const model::ModelSpec spec = load("tests/compare/scenarios/tight-beds.yaml");
  std::atomic<int> calls{0};
  const auto counted = simulate_metrics(spec, 5, 3, [&calls] { ++calls; });
  EXPECT_EQ(calls.load(), 5);
  const auto plain = simulate_metrics(spec, 5, 2);
  for (std::size_t r = 0; r < plain.size(); ++r) EXPECT_EQ(counted[r].periods, plain[r].periods);
  calls = 0;
  simulate_metrics(std::vector<model::ModelSpec>(3, spec), 2, [&calls] { ++calls; });
  EXPECT_EQ(calls.load(), 3);
}

TEST(CompareScenariosTest, PeriodsAreTheRunAndItsMonths) {
  model::ModelSpec spec = load("scenarios/examples/tiny.yaml");
  const auto runs = simulate_metrics(spec, 1, 1);
  ASSERT_EQ(runs[0].months.size(), 1u);  // 1–14 January 2024
  EXPECT_EQ(runs[0].months[0], (util::YearMonth{2024, 1}));
  EXPECT_EQ(runs[0].periods[0], runs[0].periods[1]);  // a one-month run: total = its month
  const std::size_t peak = metric("in_custody_peak"), mean = metric("in_custody_mean");
  EXPECT_GE(runs[0].periods[0][peak], runs[0].periods[0][mean]);
}

TEST(CompareScenariosTest, MoreBedsKeepArrivalsAndHoldMorePeopleInDetention) {
  const auto a =
      simulate_metrics(load("tests/compare/scenarios/tight-beds.yaml"), kReplications, 2);
  const auto b = simulate_metrics(load("tests/compare/scenarios/more-beds.yaml"), kReplications, 2);
  // Beds act after arrival: every replication crosses and is encountered identically.
  for (std::size_t r = 0; r < a.size(); ++r) {
    for (std::size_t p = 0; p < a[r].periods.size(); ++p) {
      EXPECT_EQ(a[r].periods[p][metric("crossings")], b[r].periods[p][metric("crossings")]) << r;
      EXPECT_EQ(a[r].periods[p][metric("encounters")], b[r].periods[p][metric("encounters")]) << r;
    }
    EXPECT_GE(b[r].periods[0][metric("detention_population_mean")],
              a[r].periods[0][metric("detention_population_mean")])
        << r;
    EXPECT_LE(b[r].periods[0][metric("released")], a[r].periods[0][metric("released")]) << r;
  }
  const ScenarioComparison c = compare_replications(a, b, false);
  EXPECT_EQ(total(c, "crossings").mean_difference, 0.0);
  EXPECT_FALSE(total(c, "crossings").distinguishable);
  EXPECT_GT(total(c, "detention_population_mean").mean_difference, 0.0);
  EXPECT_TRUE(total(c, "detention_population_mean").distinguishable);
  EXPECT_GT(total(c, "detention_book_ins").mean_difference, 0.0);
  EXPECT_LT(total(c, "released").mean_difference, 0.0);
  EXPECT_TRUE(total(c, "released").distinguishable);
}

TEST(CompareScenariosTest, MoreProcessingAgentsShortenCustodyAndKeepFirstCrossings) {
  const auto a =
      simulate_metrics(load("tests/compare/scenarios/few-agents.yaml"), kReplications, 2);
  const auto b =
      simulate_metrics(load("tests/compare/scenarios/more-agents.yaml"), kReplications, 2);
  // People returned to Mexico sooner may cross again within the run, so only first crossings
  // (crossings − repeat crossings) are untouched by the change.
  const auto first_crossings = [](const ReplicationMetrics& r, std::size_t p) {
    return r.periods[p][metric("crossings")] - r.periods[p][metric("repeat_crossings")];
  };
  for (std::size_t r = 0; r < a.size(); ++r) {
    for (std::size_t p = 0; p < a[r].periods.size(); ++p) {
      EXPECT_EQ(first_crossings(a[r], p), first_crossings(b[r], p)) << r;
    }
    EXPECT_LT(b[r].periods[0][metric("in_custody_mean")],
              a[r].periods[0][metric("in_custody_mean")])
        << r;
  }
  const ScenarioComparison c = compare_replications(a, b, false);
  EXPECT_LT(total(c, "in_custody_mean").mean_difference, 0.0);
  EXPECT_TRUE(total(c, "in_custody_mean").distinguishable);
  EXPECT_LT(total(c, "in_custody_peak").mean_difference, 0.0);
  EXPECT_GE(total(c, "returned_to_mexico").mean_difference, 0.0);
  // Detention is untouched: no bed is short and transfers do not depend on queueing here.
  EXPECT_EQ(total(c, "detention_population_mean").mean_difference, 0.0);
}

TEST(CompareScenariosTest, TheShippedExampleDoesNotQueueForAgents) {
  // tiny.yaml's 40 Del Rio agents never keep anyone waiting, so doubling them
  // (tiny-more-agents.yaml) changes nothing at all: every metric is exactly equal.
  const auto a = simulate_metrics(load("scenarios/examples/tiny.yaml"), 3, 2);
  const auto b = simulate_metrics(load("scenarios/examples/tiny-more-agents.yaml"), 3, 2);
  for (std::size_t r = 0; r < a.size(); ++r) EXPECT_EQ(a[r].periods, b[r].periods) << r;
}

}  // namespace
}  // namespace bf::compare
