#pragma once
// A Border Patrol custody station: one per sector, and one per port-of-entry crossing (where
// CBP officers process the people presenting). Holds the processing servers with their
// priority queue, the holding counts, the time-in-custody histogram and today's flows. Knows
// nothing of events: the World schedules completions and tells the station what happened.

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/server_pool.h"
#include "engine/sim_time.h"
#include "model/custody_time_histogram.h"
#include "model/day_report.h"
#include "model/population.h"
#include "model/unit.h"

namespace bf::model {

// Stations are numbered sectors first (0..kSectorCount-1), then one per crossing of
// ModelSpec::ports (kSectorCount + crossing index): Unit::station holds this index.
inline constexpr bool is_port_station(int station) { return station >= kSectorCount; }
inline constexpr int port_station(std::size_t crossing) {
  return kSectorCount + static_cast<int>(crossing);
}
inline constexpr std::size_t crossing_of_station(int station) {
  return static_cast<std::size_t>(station - kSectorCount);
}

class CustodyStation {
 public:
  // Queue class in processing: unaccompanied children first, then families, then adults
  // (CBP prioritises vulnerable groups; assumption, docs/model.md).
  static int processing_class(Demographic d);
  static constexpr int kProcessingClasses = 3;

  explicit CustodyStation(int processing_servers)
      : processing_(processing_servers, kProcessingClasses) {}

  // People enter custody (encountered, or presenting at a port): held, awaiting processing.
  void admit(std::int64_t people) {
    in_custody_ += people;
    awaiting_processing_ += people;
  }
  // People of the initial state, already processed, held since before day 0.
  void hold_processed(std::int64_t people) { in_custody_ += people; }

  // A unit reaches the processing queue. True: a server is free and it starts now.
  bool queue_for_processing(UnitHandle h, Demographic d) {
    return processing_.arrive(h, processing_class(d));
  }
  // Processing of a unit of `people` finished: counted as processed. Returns the next unit to
  // start on the freed server, if any waits.
  std::optional<UnitHandle> finish_processing(std::int64_t people) {
    awaiting_processing_ -= people;
    today_.processed += people;
    return processing_.finish();
  }
  // Servers on duty today; returns the units that start now on added servers, in order.
  std::vector<UnitHandle> set_processing_servers(int servers) {
    return processing_.set_servers(servers);
  }
  int processing_servers() const { return processing_.servers(); }

  // People leave custody after `minutes_in_custody` (minutes) in it.
  void leave(std::int64_t people, engine::SimTime minutes_in_custody) {
    custody_time_.add(minutes_in_custody, people);
    in_custody_ -= people;
  }

  std::int64_t in_custody() const { return in_custody_; }                    // people
  std::int64_t awaiting_processing() const { return awaiting_processing_; }  // people
  // Time in custody of the people who left today.
  CustodyTimeSummary custody_time() const { return custody_time_.summary(); }
  // Today's flows (people); the World adds the ones the station does not see.
  SectorDay& today() { return today_; }
  const SectorDay& today() const { return today_; }
  // The day's report of a sector's station: today's flows and time in custody, the stocks, and
  // the settings in force (`holding_capacity` in people; `held_over_standard`: people held
  // longer than the custody standard, from the World's scan of its units).
  SectorDay sector_day(std::int64_t holding_capacity, std::int64_t held_over_standard,
                       double agents_on_patrol) const;
  // The people fields of a crossing's report (its traffic fields are the ports' own).
  void fill_port_day(PortDay& out) const;
  // Clears today's flows and time-in-custody histogram; stocks stay.
  void end_day() {
    today_ = SectorDay{};
    custody_time_.clear();
  }

 private:
  engine::ServerPool processing_;
  std::int64_t in_custody_ = 0;           // people
  std::int64_t awaiting_processing_ = 0;  // people encountered, not yet processed
  CustodyTimeHistogram custody_time_;
  SectorDay today_;
};

}  // namespace bf::model
