#pragma once
// The outputs `borderflow compare` sets side by side, collected per replication: each
// metric's value over the whole run and in each calendar month of it. Flows are summed over
// the period; stocks are the mean (or the peak) of the end-of-day values over the period's
// simulated days. Each metric reads one column of the days or port_days table from the output
// schema (output/output_schema.h): its key is the column's name, with `_mean` / `_peak` for
// stocks and `port_` for the people who present at ports.

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "model/day_report.h"
#include "model/model_spec.h"
#include "util/date.h"

namespace bf::compare {

enum class Aggregation {
  kSum,   // a flow: total over the period's days
  kMean,  // a stock: mean of the end-of-day values
  kPeak,  // a stock: largest end-of-day value
};

struct Metric {
  std::string_view key;    // compare.csv's `metric`
  std::string_view label;  // the printed table's row name
  Aggregation aggregation;
  bool port;  // reported only when a scenario has ports of entry (a port_days column, summed
              // over crossings); otherwise a days column
  std::string_view column;  // the output column read
};

inline constexpr std::array<Metric, 21> kMetrics = {{
    {"encounters", "Border Patrol encounters", Aggregation::kSum, false, "encounters"},
    {"gotaways", "gotaways", Aggregation::kSum, false, "gotaways"},
    {"crossings", "crossings", Aggregation::kSum, false, "crossings"},
    {"repeat_crossings", "of which repeat crossings", Aggregation::kSum, false, "repeat_crossings"},
    {"returned_to_mexico", "returned to Mexico", Aggregation::kSum, false, "returned_to_mexico"},
    {"title42_expulsions", "Title 42 expulsions", Aggregation::kSum, false, "title42_expulsions"},
    {"remain_in_mexico", "returned to await hearing (MPP)", Aggregation::kSum, false,
     "remain_in_mexico"},
    {"transferred_to_ice", "transferred to ICE", Aggregation::kSum, false, "transferred_to_ice"},
    {"released", "released", Aggregation::kSum, false, "released"},
    {"transferred_to_orr", "transferred to ORR", Aggregation::kSum, false, "transferred_to_orr"},
    {"in_custody_mean", "in custody (mean)", Aggregation::kMean, false, "in_custody"},
    {"in_custody_peak", "in custody (peak)", Aggregation::kPeak, false, "in_custody"},
    {"over_capacity_mean", "over capacity (mean)", Aggregation::kMean, false, "over_capacity"},
    {"held_over_72h_mean", "held over 72 h (mean)", Aggregation::kMean, false, "held_over_72h"},
    {"detention_population_mean", "detention population (mean)", Aggregation::kMean, false,
     "detention_population"},
    {"detention_book_ins", "detention book-ins", Aggregation::kSum, false, "detention_book_ins"},
    {"removals", "removals (flights)", Aggregation::kSum, false, "removals"},
    {"port_encounters", "encounters at ports", Aggregation::kSum, true, "encounters"},
    {"truck_hours_delay", "truck-hours of delay", Aggregation::kSum, true, "truck_hours_delay"},
    {"railcar_days_delay", "railcar-days of delay", Aggregation::kSum, true, "railcar_days_delay"},
    {"freight_delayed_usd", "freight delayed (USD)", Aggregation::kSum, true,
     "freight_delayed_usd"},
}};
inline constexpr std::size_t kMetricCount = kMetrics.size();

using MetricValues = std::array<double, kMetricCount>;  // indexed like kMetrics

// One replication's metrics. periods[0] is the whole run; periods[1 + i] is months[i].
struct ReplicationMetrics {
  std::vector<util::YearMonth> months;  // calendar months the run touches, in order
  std::vector<MetricValues> periods;
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
  std::vector<util::YearMonth> months_;
  std::vector<Period> month_periods_;
};

// Simulates replications 0 .. replications − 1 of `spec` on `threads` threads. The result is
// indexed by replication and does not depend on the number of threads.
std::vector<ReplicationMetrics> simulate_metrics(const model::ModelSpec& spec, int replications,
                                                 int threads);

// Simulates replication r of specs[r], for r = 0 .. specs.size() − 1: each replication with
// its own spec (sampled parameters). Indexed by replication; independent of `threads`.
std::vector<ReplicationMetrics> simulate_metrics(const std::vector<model::ModelSpec>& specs,
                                                 int threads);

}  // namespace bf::compare
