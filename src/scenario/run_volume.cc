#include "scenario/run_volume.h"

#include <algorithm>
#include <map>
#include <variant>

#include "scenario/combined_levers.h"

namespace bf::scenario {
namespace {

double& part(RunVolume& v, VolumeCause cause) { return v.by_cause[static_cast<int>(cause)]; }

// Encounters a day in each sector of each month of the arrival table.
std::map<int, model::PerSector<double>> table_per_day(const model::ModelSpec& spec) {
  std::map<int, model::PerSector<double>> out;  // month index -> per sector
  for (const model::ArrivalLevel& level : spec.arrivals.levels) {
    out[level.month.index()][static_cast<std::size_t>(level.sector)] += level.encounters_per_day;
  }
  return out;
}

// The initial populations, and the scenario path of the largest.
double initial_people(const model::ModelSpec& spec, std::string& largest_path) {
  double total = 0.0, largest = -1.0;
  const auto add = [&](double people, std::string path) {
    total += people;
    if (people > largest) {
      largest = people;
      largest_path = std::move(path);
    }
  };
  for (std::size_t s = 0; s < spec.sectors.size(); ++s) {
    const std::string sector = "sectors." + std::string(model::kSectorKeys[s]) + ".initial.";
    add(spec.sectors[s].initial_in_custody, sector + "in_custody");
    add(spec.sectors[s].initial_waiting_in_mexico, sector + "waiting_in_mexico");
  }
  add(spec.detention.initial_population, "detention.initial_population");
  add(spec.orr.initial_population, "orr.initial_population");
  return total;
}

}  // namespace

VolumeCause RunVolume::largest() const {
  int best = 0;
  for (int c = 1; c < 5; ++c) {
    if (by_cause[c] > by_cause[best]) best = c;
  }
  return static_cast<VolumeCause>(best);
}

int RunVolume::days_within(double limit) const {
  const auto end = std::upper_bound(cumulative.begin(), cumulative.end(), limit);
  return static_cast<int>(end - cumulative.begin());
}

RunVolume expected_volume(const model::ModelSpec& spec) {
  RunVolume v;
  const std::map<int, model::PerSector<double>> table = table_per_day(spec);
  double inadmissibles_per_day = 0.0;
  for (const model::CrossingSpec& c : spec.ports.crossings)
    inadmissibles_per_day += c.inadmissibles_per_day;

  // Surges by day, and what each adds beyond the month's level when the table counts it.
  std::vector<model::PerSector<double>> surge_by_day(static_cast<std::size_t>(spec.days));
  double largest_surge = -1.0;
  for (std::size_t i = 0; i < spec.surges.size(); ++i) {
    const model::SurgeSpec& surge = spec.surges[i];
    const double span = static_cast<double>(surge.last_day - surge.first_day + 1);
    double added = 0.0;
    for (util::Date d = surge.first_day; d <= surge.last_day; d = d + 1) {
      const std::int64_t day = d - spec.start_date;
      if (day < 0 || day >= spec.days) continue;
      double people = surge.people / span;
      if (surge.included_in_table) {
        // The table's month already holds them, up to its own level (arrival_generator.h).
        const auto found = table.find(d.year_month().index());
        const double month_people =
            found == table.end()
                ? 0.0
                : found->second[static_cast<std::size_t>(surge.sector)] *
                      util::days_in_month(d.year_month().year, d.year_month().month);
        people = std::max(0.0, people - month_people / span);
      }
      surge_by_day[static_cast<std::size_t>(day)][static_cast<std::size_t>(surge.sector)] += people;
      added += people;
    }
    if (added > largest_surge) {
      largest_surge = added;
      v.surge = i;
    }
  }

  double largest_rise = 0.0, largest_quota = spec.ports.appointments_per_day;
  v.quota_policy = spec.policies.size();
  for (std::size_t p = 0; p < spec.policies.size(); ++p) {
    const double factor = arrivals_factor(spec.policies[p].lever);
    if (factor > largest_rise) {
      largest_rise = factor;
      v.policy = p;
    }
    if (const auto* q = std::get_if<model::AppointmentQuota>(&spec.policies[p].lever)) {
      if (q->per_day > largest_quota) {
        largest_quota = q->per_day;
        v.quota_policy = p;
      }
    }
  }

  double total = initial_people(spec, v.initial_path);
  part(v, VolumeCause::kInitial) = total;
  v.cumulative.reserve(static_cast<std::size_t>(spec.days));
  for (int day = 0; day < spec.days; ++day) {
    const util::Date date = spec.start_date + day;
    const auto found = table.find(date.year_month().index());
    double appointments = spec.ports.appointments_per_day;
    for (const model::PolicySpec& policy : spec.policies) {
      if (const auto* q = std::get_if<model::AppointmentQuota>(&policy.lever)) {
        // A quota replaces the ports' appointments while in force; a trigger may lift it.
        if (policy.in_dates(date)) {
          appointments = policy.trigger ? std::max<double>(appointments, q->per_day) : q->per_day;
        }
      }
    }
    const double ports = appointments + inadmissibles_per_day;
    part(v, VolumeCause::kPorts) += ports;
    total += ports;
    for (int s = 0; s < model::kSectorCount; ++s) {
      const auto sector = static_cast<std::size_t>(s);
      const double level = found == table.end() ? 0.0 : found->second[sector];
      double factor = 1.0;
      for (const model::PolicySpec& policy : spec.policies) {
        if (policy.sectors[sector]) factor *= expected_arrivals_factor(policy, date);
      }
      const double surge = surge_by_day[static_cast<std::size_t>(day)][sector];
      // Policies multiply the surge's people too (arrival_generator.h).
      part(v, VolumeCause::kTable) += level * std::min(factor, 1.0);
      part(v, VolumeCause::kSurges) += surge * std::min(factor, 1.0);
      part(v, VolumeCause::kPolicies) += (level + surge) * std::max(factor - 1.0, 0.0);
      total += (level + surge) * factor;
    }
    v.cumulative.push_back(total);
  }
  return v;
}

}  // namespace bf::scenario
