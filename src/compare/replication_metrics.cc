#include "compare/replication_metrics.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <utility>

#include "model/world.h"
#include "output/output_schema.h"
#include "util/parallel_for.h"

namespace bf::compare {
namespace {

std::vector<Metric> build_metrics() {
  std::vector<std::pair<int, Metric>> found;
  for (const output::Table table : {output::Table::kDays, output::Table::kPortDays}) {
    const bool port = table == output::Table::kPortDays;
    for (const output::Field& f : output::fields(table)) {
      for (const output::CompareUse& use : f.compare) {
        found.emplace_back(use.order,
                           Metric{use.key, use.label, use.aggregation, port, f.name, &f});
      }
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Metric> out;
  out.reserve(found.size());
  for (std::size_t m = 0; m < found.size(); ++m) {
    if (found[m].first != static_cast<int>(m)) {
      throw std::logic_error("compare metric orders in the output schema are not 0, 1, 2, ...");
    }
    out.push_back(found[m].second);
  }
  return out;
}

double as_double(const output::Cell& c) {
  return c.type == output::ColumnType::kInteger ? static_cast<double>(c.integer) : c.real;
}

}  // namespace

const std::vector<Metric>& metrics() {
  static const std::vector<Metric> kList = build_metrics();
  return kList;
}

MetricValues day_values(const model::DayReport& report) {
  const std::vector<Metric>& list = metrics();
  MetricValues v{};
  for (std::size_t m = 0; m < list.size(); ++m) {
    if (list[m].port) {
      for (const model::PortDay& port : report.ports) v[m] += as_double(list[m].field->port(port));
    } else {
      v[m] = as_double(output::day_value(*list[m].field, report));
    }
  }
  return v;
}

void MetricsObserver::Period::add(const MetricValues& day) {
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    sum[m] += day[m];
    peak[m] = days == 0 ? day[m] : std::max(peak[m], day[m]);
  }
  ++days;
}

MetricValues MetricsObserver::Period::values() const {
  MetricValues v{};
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    switch (kMetrics[m].aggregation) {
      case Aggregation::kSum:
        v[m] = sum[m];
        break;
      case Aggregation::kMean:
        v[m] = days > 0 ? sum[m] / days : 0.0;
        break;
      case Aggregation::kPeak:
        v[m] = peak[m];
        break;
    }
  }
  return v;
}

void MetricsObserver::on_day(const model::DayReport& report) {
  const MetricValues day = day_values(report);
  const util::YearMonth month = report.date.year_month();
  if (months_.empty() || months_.back() != month) {
    months_.push_back(month);
    month_periods_.emplace_back();
  }
  month_periods_.back().add(day);
  run_.add(day);
  policy_days_.resize(report.policies_in_force.size(), 0);
  for (std::size_t p = 0; p < report.policies_in_force.size(); ++p) {
    if (report.policies_in_force[p]) ++policy_days_[p];
  }
}

ReplicationMetrics MetricsObserver::result() const {
  ReplicationMetrics r;
  r.months = months_;
  r.policy_days = policy_days_;
  r.periods.push_back(run_.values());
  for (const Period& p : month_periods_) r.periods.push_back(p.values());
  return r;
}

namespace {

// Replication r runs spec_of(r).
std::vector<ReplicationMetrics> simulate_each(
    int replications, int threads, const std::function<const model::ModelSpec&(int)>& spec_of,
    const ReplicationFinished& finished) {
  std::vector<ReplicationMetrics> results(static_cast<std::size_t>(std::max(0, replications)));
  util::parallel_for(replications, threads, [&](int r) {
    MetricsObserver observer;
    model::World world(spec_of(r), static_cast<std::uint32_t>(r));
    world.run(observer);
    results[static_cast<std::size_t>(r)] = observer.result();
    if (finished) finished();
  });
  return results;
}

}  // namespace

std::vector<ReplicationMetrics> simulate_metrics(const model::ModelSpec& spec, int replications,
                                                 int threads, const ReplicationFinished& finished) {
  return simulate_each(
      replications, threads, [&spec](int) -> const model::ModelSpec& { return spec; }, finished);
}

std::vector<ReplicationMetrics> simulate_metrics(const std::vector<model::ModelSpec>& specs,
                                                 int threads, const ReplicationFinished& finished) {
  return simulate_each(
      static_cast<int>(specs.size()), threads,
      [&specs](int r) -> const model::ModelSpec& { return specs[static_cast<std::size_t>(r)]; },
      finished);
}

}  // namespace bf::compare
