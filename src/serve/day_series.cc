#include "serve/day_series.h"

namespace bf::serve {
namespace {

void push(std::vector<double>& series, std::int64_t value) {
  series.push_back(static_cast<double>(value));
}

}  // namespace

void DaySeriesObserver::on_day(const model::DayReport& report) {
  series_.dates.push_back(report.date);
  model::SectorDay all{};
  for (std::size_t s = 0; s < report.sectors.size(); ++s) {
    const model::SectorDay& day = report.sectors[s];
    auto& out = series_.sectors[s];
    push(out[static_cast<std::size_t>(SectorSeries::kInCustody)], day.in_custody);
    push(out[static_cast<std::size_t>(SectorSeries::kOverCapacity)], day.over_capacity);
    push(out[static_cast<std::size_t>(SectorSeries::kEncounters)], day.encounters);
    push(out[static_cast<std::size_t>(SectorSeries::kHeldOver72h)], day.held_over_72h);
    push(out[static_cast<std::size_t>(SectorSeries::kHoldingCapacity)], day.holding_capacity);
    all.encounters += day.encounters;
    all.in_custody += day.in_custody;
    all.over_capacity += day.over_capacity;
    all.held_over_72h += day.held_over_72h;
    all.released += day.released;
    all.gotaways += day.gotaways;
  }
  auto& border = series_.border;
  push(border[static_cast<std::size_t>(BorderSeries::kEncounters)], all.encounters);
  push(border[static_cast<std::size_t>(BorderSeries::kInCustody)], all.in_custody);
  push(border[static_cast<std::size_t>(BorderSeries::kOverCapacity)], all.over_capacity);
  push(border[static_cast<std::size_t>(BorderSeries::kHeldOver72h)], all.held_over_72h);
  push(border[static_cast<std::size_t>(BorderSeries::kReleased)], all.released);
  push(border[static_cast<std::size_t>(BorderSeries::kGotaways)], all.gotaways);
  push(border[static_cast<std::size_t>(BorderSeries::kDetentionPopulation)],
       report.system.detention_population);
}

}  // namespace bf::serve
