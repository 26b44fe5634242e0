#include "compare/replication_metrics.h"

#include <algorithm>
#include <cstdint>
#include <functional>

#include "model/world.h"
#include "util/parallel_for.h"

namespace bf::compare {
namespace {

// Position of `key` in kMetrics (compile-time; an unknown key fails to compile).
constexpr std::size_t index_of(std::string_view key) {
  for (std::size_t i = 0; i < kMetricCount; ++i) {
    if (kMetrics[i].key == key) return i;
  }
  throw "unknown metric key";
}

// Positions of the metrics, computed at compile time.
constexpr std::size_t kEncounters = index_of("encounters");
constexpr std::size_t kGotaways = index_of("gotaways");
constexpr std::size_t kCrossings = index_of("crossings");
constexpr std::size_t kRepeatCrossings = index_of("repeat_crossings");
constexpr std::size_t kReturnedToMexico = index_of("returned_to_mexico");
constexpr std::size_t kTitle42Expulsions = index_of("title42_expulsions");
constexpr std::size_t kRemainInMexico = index_of("remain_in_mexico");
constexpr std::size_t kTransferredToIce = index_of("transferred_to_ice");
constexpr std::size_t kReleased = index_of("released");
constexpr std::size_t kTransferredToOrr = index_of("transferred_to_orr");
constexpr std::size_t kInCustodyMean = index_of("in_custody_mean");
constexpr std::size_t kInCustodyPeak = index_of("in_custody_peak");
constexpr std::size_t kOverCapacityMean = index_of("over_capacity_mean");
constexpr std::size_t kHeldOver72hMean = index_of("held_over_72h_mean");
constexpr std::size_t kDetentionPopulationMean = index_of("detention_population_mean");
constexpr std::size_t kDetentionBookIns = index_of("detention_book_ins");
constexpr std::size_t kRemovals = index_of("removals");
constexpr std::size_t kPortEncounters = index_of("port_encounters");
constexpr std::size_t kTruckHoursDelay = index_of("truck_hours_delay");
constexpr std::size_t kRailcarDaysDelay = index_of("railcar_days_delay");
constexpr std::size_t kFreightDelayedUsd = index_of("freight_delayed_usd");

}  // namespace

MetricValues day_values(const model::DayReport& report) {
  MetricValues v{};
  const auto add = [&v](std::size_t metric, auto value) {
    v[metric] += static_cast<double>(value);
  };
  for (const model::SectorDay& s : report.sectors) {
    add(kEncounters, s.encounters);
    add(kGotaways, s.gotaways);
    add(kCrossings, s.crossings);
    add(kRepeatCrossings, s.repeat_crossings);
    add(kReturnedToMexico, s.returned_to_mexico);
    add(kTitle42Expulsions, s.title42_expulsions);
    add(kRemainInMexico, s.remain_in_mexico);
    add(kTransferredToIce, s.transferred_to_ice);
    add(kReleased, s.released);
    add(kTransferredToOrr, s.transferred_to_orr);
    add(kInCustodyMean, s.in_custody);
    add(kInCustodyPeak, s.in_custody);
    add(kOverCapacityMean, s.over_capacity);
    add(kHeldOver72hMean, s.held_over_72h);
  }
  const model::SystemDay& sys = report.system;
  add(kDetentionPopulationMean, sys.detention_population);
  add(kDetentionBookIns, sys.detention_book_ins);
  for (std::int64_t r : sys.removals_by_destination) add(kRemovals, r);
  for (const model::PortDay& port : report.ports) {
    add(kPortEncounters, port.encounters);
    add(kTruckHoursDelay, port.truck_hours_delay);
    add(kRailcarDaysDelay, port.railcar_days_delay);
    add(kFreightDelayedUsd, port.freight_delayed_usd);
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
}

ReplicationMetrics MetricsObserver::result() const {
  ReplicationMetrics r;
  r.months = months_;
  r.periods.push_back(run_.values());
  for (const Period& p : month_periods_) r.periods.push_back(p.values());
  return r;
}

namespace {

// Replication r runs spec_of(r).
std::vector<ReplicationMetrics> simulate_each(
    int replications, int threads, const std::function<const model::ModelSpec&(int)>& spec_of) {
  std::vector<ReplicationMetrics> results(static_cast<std::size_t>(std::max(0, replications)));
  util::parallel_for(replications, threads, [&](int r) {
    MetricsObserver observer;
    model::World world(spec_of(r), static_cast<std::uint32_t>(r));
    world.run(observer);
    results[static_cast<std::size_t>(r)] = observer.result();
  });
  return results;
}

}  // namespace

std::vector<ReplicationMetrics> simulate_metrics(const model::ModelSpec& spec, int replications,
                                                 int threads) {
  return simulate_each(replications, threads,
                       [&spec](int) -> const model::ModelSpec& { return spec; });
}

std::vector<ReplicationMetrics> simulate_metrics(const std::vector<model::ModelSpec>& specs,
                                                 int threads) {
  return simulate_each(
      static_cast<int>(specs.size()), threads,
      [&specs](int r) -> const model::ModelSpec& { return specs[static_cast<std::size_t>(r)]; });
}

}  // namespace bf::compare
