#include "model/ports/ports_of_entry.h"

#include <algorithm>
#include <cmath>

#include "engine/distributions.h"
#include "engine/random_stream.h"
#include "model/arrival_generator.h"
#include "model/custody/custody_station.h"
#include "model/random_purpose.h"
#include "model/stream_identity.h"

namespace bf::model {

PortsOfEntry::PortsOfEntry(const ModelSpec& spec, std::uint32_t replication)
    : spec_(spec),
      replication_(replication),
      traffic_(spec.ports, spec.start_date, spec.days, spec.seed),
      appointments_today_(spec.ports.crossings.size(), 0),
      closure_triggered_(spec.ports.closures.size(), false) {}

PerSector<double> PortsOfEntry::plan_day(int day, const DayLevers& levers) {
  const PortsSpec& ports = spec_.ports;
  const util::Date date = spec_.start_date + day;
  state_.assign(ports.crossings.size(), PortTraffic::CrossingState{});
  for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
    state_[c].traffic_officers = ports.crossings[c].traffic_officers;
  }
  // Officers moved to Border Patrol processing: fewer lanes here, more servers there.
  PerSector<double> extra_processing{};
  moved_.assign(ports.crossings.size(), 0.0);
  for (const RedeploymentSpec& r : ports.redeployments) {
    if (date < r.first_day || date > r.last_day) continue;
    const auto c = static_cast<std::size_t>(r.crossing);
    const double officers = std::min(r.officers, state_[c].traffic_officers);
    state_[c].traffic_officers -= officers;
    moved_[c] += officers;
    extra_processing[static_cast<std::size_t>(r.sector)] += officers;
  }
  for (std::size_t i = 0; i < ports.closures.size(); ++i) {
    const ClosureSpec& cl = ports.closures[i];
    const bool active =
        cl.scheduled ? (date >= cl.first_day && date <= cl.last_day) : closure_triggered_[i];
    if (!active) continue;
    for (int m = 0; m < kModeCount; ++m) {
      if (cl.modes[static_cast<std::size_t>(m)]) {
        state_[static_cast<std::size_t>(cl.crossing)].closed[static_cast<std::size_t>(m)] = true;
      }
    }
  }
  for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
    for (std::size_t m = 0; m < kModeCount; ++m) {
      if (levers.closed[c][m]) state_[c].closed[m] = true;
    }
  }
  for (const SlowdownSpec& slow : ports.slowdowns) {
    if (date < slow.first_day || date > slow.last_day) continue;
    for (int m = 0; m < kModeCount; ++m) {
      if (slow.modes[static_cast<std::size_t>(m)]) {
        state_[static_cast<std::size_t>(slow.crossing)].speed[static_cast<std::size_t>(m)] *=
            slow.factor;
      }
    }
  }
  return extra_processing;
}

void PortsOfEntry::run_traffic(int day) {
  traffic_.run_day(day, replication_, state_, port_days_);
  for (std::size_t c = 0; c < spec_.ports.crossings.size(); ++c) {
    port_days_[c].crossing = spec_.ports.crossings[c].key;
    port_days_[c].officers_redeployed = moved_[c];
  }
}

void PortsOfEntry::people_presenting(int day, int appointments_per_day,
                                     const std::vector<double>& family_size_weights,
                                     std::vector<Presenting>& out) const {
  const PortsSpec& ports = spec_.ports;
  const engine::AliasTable demographics(ports.people_demographic_share);
  const engine::AliasTable citizenships(ports.people_citizenship_share);
  const engine::AliasTable family_sizes(family_size_weights);
  const engine::SimTime day_start = day * engine::kMinutesPerDay;
  double cumulative_share = 0.0;
  const auto quota = static_cast<double>(appointments_per_day);
  for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
    const CrossingSpec& crossing = ports.crossings[c];
    const int station = port_station(c);
    // The day's quota split over crossings in whole people that add up exactly.
    const auto before = static_cast<std::int64_t>(std::floor(cumulative_share * quota + 1e-9));
    cumulative_share += crossing.appointment_share;
    const auto after = static_cast<std::int64_t>(std::floor(cumulative_share * quota + 1e-9));
    engine::RandomStream count(spec_.seed, replication_,
                               static_cast<std::uint8_t>(Purpose::kPortPeople),
                               sector_day_identity(day, station));
    const std::int64_t others = engine::poisson(count, crossing.inadmissibles_per_day);
    const std::int64_t appointments = after - before;
    for (int kind = 0; kind < 2; ++kind) {
      std::int64_t people = kind == 0 ? appointments : others;
      for (std::uint64_t k = 0; people > 0; ++k) {
        const std::uint64_t id = arrival_identity(day, station, 40 + kind, k);
        engine::RandomStream rs(spec_.seed, replication_,
                                static_cast<std::uint8_t>(Purpose::kPortPeople), id);
        const auto d = static_cast<Demographic>(demographics.sample(rs));
        const auto cz = static_cast<Citizenship>(citizenships.sample(rs));
        std::int64_t size = d == Demographic::kFamilyUnitMember ? family_sizes.sample(rs) : 1;
        size = std::min(size, people);
        people -= size;
        // Appointments are kept 08:00-17:00; others present at any hour.
        const double minute = kind == 0
                                  ? 8 * 60 + rs.uniform() * 9 * 60
                                  : rs.uniform() * static_cast<double>(engine::kMinutesPerDay);
        out.push_back({id, c, cell_of(d, cz), static_cast<std::uint16_t>(size), kind == 0,
                       day_start + static_cast<engine::SimTime>(minute)});
      }
    }
  }
}

void PortsOfEntry::end_day(const PerSector<std::int64_t>& sector_in_custody) {
  const PortsSpec& ports = spec_.ports;
  for (std::size_t i = 0; i < ports.closures.size(); ++i) {
    const ClosureSpec& cl = ports.closures[i];
    if (cl.scheduled) continue;
    const std::int64_t custody = sector_in_custody[static_cast<std::size_t>(cl.trigger_sector)];
    if (!closure_triggered_[i] && custody > cl.custody_above) closure_triggered_[i] = true;
    if (closure_triggered_[i] && custody <= cl.custody_below) closure_triggered_[i] = false;
  }
  std::fill(appointments_today_.begin(), appointments_today_.end(), 0);
}

}  // namespace bf::model
