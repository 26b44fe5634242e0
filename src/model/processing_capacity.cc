#include "model/processing_capacity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "model/encounter_rates.h"

namespace bf::model {

PerSector<int> processing_agents_from_encounters(const ModelSpec& spec, double utilization) {
  if (!(utilization > 0.0 && utilization <= 1.0)) {
    throw std::invalid_argument("processing_agents_from_encounters: utilization must be in (0, 1]");
  }
  const util::YearMonth first = spec.start_date.year_month();
  const util::YearMonth last = (spec.start_date + (spec.days - 1)).year_month();
  // Agent-minutes a day, per sector and month of the run.
  PerSector<std::map<util::YearMonth, double>> work{};
  for (const ArrivalLevel& level : spec.arrivals.levels) {
    if (level.month < first || last < level.month) continue;
    const double expelled =
        title42_month_share(spec.dispositions, level.title42_share, level.month);
    const auto title8_minutes = static_cast<double>(
        spec.processing.service_time[static_cast<std::size_t>(index_of(level.demographic))].mean);
    const auto title42_minutes = static_cast<double>(spec.processing.title42_service_time.mean);
    work[static_cast<std::size_t>(level.sector)][level.month] +=
        level.encounters_per_day * (expelled * title42_minutes + (1.0 - expelled) * title8_minutes);
  }
  PerSector<int> agents{};
  for (std::size_t s = 0; s < agents.size(); ++s) {
    double busiest = 0.0;
    for (const auto& [month, minutes] : work[s]) busiest = std::max(busiest, minutes);
    // Saturated rather than cast out of range: the loader refuses more agents than a sector
    // can have (scenario/parameter_bounds.h).
    const double needed = std::min(std::ceil(busiest / (1440.0 * utilization)),
                                   static_cast<double>(std::numeric_limits<int>::max()));
    agents[s] = std::max(1, static_cast<int>(needed));
  }
  return agents;
}

}  // namespace bf::model
