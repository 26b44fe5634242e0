#include "model/custody/custody_stations.h"

#include <cmath>

namespace bf::model {

CustodyStations::CustodyStations(const ModelSpec& spec) {
  stations_.reserve(kSectorCount + spec.ports.crossings.size());
  for (const SectorSpec& s : spec.sectors) stations_.emplace_back(s.processing_agents);
  for (const CrossingSpec& c : spec.ports.crossings) {
    stations_.emplace_back(c.processing_officers);
    crossing_sectors_.push_back(c.sector);
  }
}

std::vector<UnitHandle> CustodyStations::set_sector_servers(
    const PerSector<int>& agents, const PerSector<double>& extra_officers) {
  std::vector<UnitHandle> started;
  for (std::size_t s = 0; s < kSectorCount; ++s) {
    const int servers = agents[s] + static_cast<int>(std::floor(extra_officers[s]));
    for (UnitHandle h : stations_[s].set_processing_servers(servers)) started.push_back(h);
  }
  return started;
}

void CustodyStations::leave(int station, std::int64_t people, engine::SimTime minutes_in_custody) {
  stations_[static_cast<std::size_t>(station)].leave(people, minutes_in_custody);
  if (!is_port_station(station)) southwest_custody_time_.add(minutes_in_custody, people);
}

std::int64_t CustodyStations::southwest_encounters() const {
  std::int64_t encounters = 0;
  for (std::size_t s = 0; s < kSectorCount; ++s) encounters += stations_[s].today().encounters;
  return encounters;
}

std::int64_t CustodyStations::port_encounters() const {
  std::int64_t encounters = 0;
  for (std::size_t s = kSectorCount; s < stations_.size(); ++s) {
    encounters += stations_[s].today().encounters;
  }
  return encounters;
}

PerSector<std::int64_t> CustodyStations::sector_in_custody() const {
  PerSector<std::int64_t> in_custody{};
  for (std::size_t s = 0; s < kSectorCount; ++s) in_custody[s] = stations_[s].in_custody();
  return in_custody;
}

void CustodyStations::end_day() {
  for (CustodyStation& st : stations_) st.end_day();
  southwest_custody_time_.clear();
}

}  // namespace bf::model
