#pragma once
// Every custody station of a world — one per Border Patrol sector, then one per port
// crossing (custody_station.h numbers them) — with what is pooled over the Southwest's
// sectors: the time in custody of the people who left today and today's encounters. Knows
// nothing of events.

#include <cstdint>
#include <vector>

#include "engine/sim_time.h"
#include "model/custody/custody_station.h"
#include "model/custody_time_histogram.h"
#include "model/day_report.h"
#include "model/model_spec.h"
#include "model/unit.h"

namespace bf::model {

class CustodyStations {
 public:
  // A station per sector with its processing agents, then per crossing of spec.ports with
  // its processing officers.
  explicit CustodyStations(const ModelSpec& spec);

  CustodyStation& operator[](std::size_t station) { return stations_[station]; }
  const CustodyStation& operator[](std::size_t station) const { return stations_[station]; }
  std::size_t size() const { return stations_.size(); }
  // The sector whose policies apply at `station`: a sector's own, or the sector its crossing
  // lies in.
  int policy_sector(int station) const {
    return is_port_station(station) ? crossing_sectors_[crossing_of_station(station)] : station;
  }

  // Processing servers of every sector today: `agents[s]` plus the whole officers of
  // `extra_officers[s]` (moved from ports). Returns the units that start now on added
  // servers, sector by sector, each sector's in order.
  std::vector<UnitHandle> set_sector_servers(const PerSector<int>& agents,
                                             const PerSector<double>& extra_officers);

  // People leave `station` after `minutes_in_custody` (minutes) in custody; a sector's are
  // pooled into the Southwest's time in custody too.
  void leave(int station, std::int64_t people, engine::SimTime minutes_in_custody);

  // Time in custody of everyone who left a sector's custody today (the true Southwest p90,
  // not a mean of the sectors' own).
  CustodyTimeSummary southwest_custody_time() const { return southwest_custody_time_.summary(); }
  // Encounters in all sectors today (people; ports not included).
  std::int64_t southwest_encounters() const;
  // Encounters at all port crossings today (people presenting, appointment holders included).
  std::int64_t port_encounters() const;
  // People in each sector's custody now.
  PerSector<std::int64_t> sector_in_custody() const;

  // Clears today's flows of every station and the pooled time in custody; stocks stay.
  void end_day();

 private:
  std::vector<CustodyStation> stations_;
  std::vector<int> crossing_sectors_;  // per crossing
  CustodyTimeHistogram southwest_custody_time_;
};

}  // namespace bf::model
