#pragma once
// Scenario B against scenario A, replication by replication. Both run with the same seed,
// so replication r of A and of B share their random streams (common random numbers) and the
// difference d_r = B_r − A_r measures the policy, not the noise of two unrelated draws.
// docs/compare.md explains the statistics.

#include <optional>
#include <vector>

#include "compare/replication_metrics.h"

namespace bf::compare {

struct PairedDifference {
  double mean_a = 0.0;
  double mean_b = 0.0;
  double mean_difference = 0.0;  // mean of d_r = b_r − a_r
  double difference_p5 = 0.0;    // nearest-rank 5th and 95th percentiles of the d_r
  double difference_p95 = 0.0;
  // 95% confidence interval of the mean difference: mean ± t(0.975, n − 1) · s / √n, s the
  // sample standard deviation of the d_r. Undefined (nullopt) for one replication.
  std::optional<double> ci95_low;
  std::optional<double> ci95_high;
  // The interval excludes 0 (false when it is undefined).
  bool distinguishable = false;
};

// Precondition: a.size() == b.size() > 0; a[r] and b[r] come from replication r.
PairedDifference paired_difference(const std::vector<double>& a, const std::vector<double>& b);

struct ComparisonRow {
  std::size_t metric = 0;                // index into kMetrics
  std::optional<util::YearMonth> month;  // nullopt: the whole run
  PairedDifference difference;
};

struct ScenarioComparison {
  int replications = 0;
  std::vector<util::YearMonth> months;
  // Per metric (kMetrics order; port metrics only when `ports`): the whole run, then each
  // month.
  std::vector<ComparisonRow> rows;
};

// Precondition: a.size() == b.size() > 0 and every replication covers the same months
// (the scenarios share their start date and number of days).
ScenarioComparison compare_replications(const std::vector<ReplicationMetrics>& a,
                                        const std::vector<ReplicationMetrics>& b, bool ports);

}  // namespace bf::compare
