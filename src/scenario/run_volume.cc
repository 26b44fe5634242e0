#include "scenario/run_volume.h"

#include <map>

namespace bf::scenario {

double expected_people(const model::ModelSpec& spec) {
  std::map<int, double> per_day_by_month;  // month index -> encounters a day, all cells
  for (const model::ArrivalLevel& level : spec.arrivals.levels) {
    per_day_by_month[level.month.index()] += level.encounters_per_day;
  }
  double ports_per_day = spec.ports.appointments_per_day;
  for (const model::CrossingSpec& crossing : spec.ports.crossings) {
    ports_per_day += crossing.inadmissibles_per_day;
  }
  double total = 0;
  for (int day = 0; day < spec.days; ++day) {
    const auto found = per_day_by_month.find((spec.start_date + day).year_month().index());
    if (found != per_day_by_month.end()) total += found->second;
    total += ports_per_day;
  }
  for (const model::SurgeSpec& surge : spec.surges) {
    if (!surge.included_in_table) total += surge.people;
  }
  return total;
}

}  // namespace bf::scenario
