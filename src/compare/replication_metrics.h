#pragma once
// The outputs `borderflow compare` sets side by side, collected per replication: each
// metric's value over the whole run and in each calendar month of it. Flows are summed over
// the period; stocks are the mean (or the peak) of the end-of-day values over the period's
// simulated days. Each metric is declared on the column it reads, in the days or port_days
// table of the output schema (output/output_schema.h, Field::compare); the list below is
// built from there. A key is the column's name, with `_mean` / `_peak` for stocks and `port_`
// for the people who present at ports.

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "model/day_report.h"
#include "model/model_spec.h"
#include "output/output_schema.h"
#include "util/date.h"

namespace bf::compare {

// How a metric reads its column over a period (output::PeriodAggregation).
using Aggregation = output::PeriodAggregation;

struct Metric {
  std::string_view key;    // compare.csv's `metric`
  std::string_view label;  // the printed table's row name
  Aggregation aggregation;
  bool port;  // reported only when a scenario has ports of entry (a port_days column, summed
              // over crossings); otherwise a days column
  std::string_view column;               // the output column read
  const output::Field* field = nullptr;  // ... its schema field
};

// The metrics, in compare.csv's order: every output::CompareUse of the days and port_days
// fields, sorted by CompareUse::order. Built once on first use (throws std::logic_error if
// the orders are not 0, 1, 2, ...); read-only afterwards.
const std::vector<Metric>& metrics();

// kMetrics[m], kMetricCount and range-for over kMetrics read metrics().
struct MetricList {
  const Metric& operator[](std::size_t m) const { return metrics()[m]; }
  std::size_t size() const { return metrics().size(); }
  std::vector<Metric>::const_iterator begin() const { return metrics().begin(); }
  std::vector<Metric>::const_iterator end() const { return metrics().end(); }
};
inline constexpr MetricList kMetrics{};
struct MetricCount {
  // Implicit on purpose: kMetricCount reads as the number it was.
  operator std::size_t() const { return metrics().size(); }
};
inline constexpr MetricCount kMetricCount{};

// One value per metric, indexed like kMetrics (zeros when default-constructed).
class MetricValues {
 public:
  MetricValues() : values_(kMetricCount, 0.0) {}
  double& operator[](std::size_t m) { return values_[m]; }
  double operator[](std::size_t m) const { return values_[m]; }
  std::size_t size() const { return values_.size(); }
  using iterator = std::vector<double>::iterator;
  using const_iterator = std::vector<double>::const_iterator;
  const_iterator begin() const { return values_.begin(); }
  const_iterator end() const { return values_.end(); }
  bool operator==(const MetricValues& other) const { return values_ == other.values_; }
  bool operator!=(const MetricValues& other) const { return values_ != other.values_; }

 private:
  std::vector<double> values_;
};

// One replication's metrics. periods[0] is the whole run; periods[1 + i] is months[i].
struct ReplicationMetrics {
  std::vector<util::YearMonth> months;  // calendar months the run touches, in order
  std::vector<MetricValues> periods;
  std::vector<int> policy_days;  // per ModelSpec::policies: days in force over the run
};

// The day's value of every metric: flows of the day, stocks at its end (all sectors; ports
// summed over crossings).
MetricValues day_values(const model::DayReport& report);

// Collects one replication's metrics from its days (a model::DayObserver).
class MetricsObserver final : public model::DayObserver {
 public:
  void on_day(const model::DayReport& report) override;
  // The metrics of the days observed so far.
  ReplicationMetrics result() const;

 private:
  struct Period {
    MetricValues sum{};
    MetricValues peak{};
    int days = 0;
    void add(const MetricValues& day);
    MetricValues values() const;
  };
  Period run_;
  std::vector<int> policy_days_;
  std::vector<util::YearMonth> months_;
  std::vector<Period> month_periods_;
};

// Called once as each replication finishes, from the thread that ran it (so it must be
// thread-safe): for a progress bar. Default: nothing.
using ReplicationFinished = std::function<void()>;

// Simulates replications 0 .. replications − 1 of `spec` on `threads` threads. The result is
// indexed by replication and does not depend on the number of threads.
std::vector<ReplicationMetrics> simulate_metrics(const model::ModelSpec& spec, int replications,
                                                 int threads,
                                                 const ReplicationFinished& finished = {});

// Simulates replication r of specs[r], for r = 0 .. specs.size() − 1: each replication with
// its own spec (sampled parameters). Indexed by replication; independent of `threads`.
std::vector<ReplicationMetrics> simulate_metrics(const std::vector<model::ModelSpec>& specs,
                                                 int threads,
                                                 const ReplicationFinished& finished = {});

}  // namespace bf::compare
