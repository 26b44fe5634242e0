#pragma once
// The ports of entry's day (docs/model.md, "Ports of entry"): traffic through each crossing
// with its officers, closures (scheduled, triggered by a sector's custody, or by a policy)
// and slowdowns; officers moved to Border Patrol processing; and the people presenting —
// appointment holders within the national quota and other inadmissible arrivals. The World
// turns the people presenting into units at the crossings' custody stations.

#include <cstdint>
#include <vector>

#include "engine/sim_time.h"
#include "model/day_levers.h"
#include "model/model_spec.h"
#include "model/port_day.h"
#include "model/port_traffic.h"

namespace bf::model {

class PortsOfEntry {
 public:
  // A unit presenting at a crossing today.
  struct Presenting {
    std::uint64_t identity = 0;  // stable identity for random streams
    std::size_t crossing = 0;    // index into ModelSpec::ports.crossings
    int cell = 0;                // population cell (demographic × citizenship)
    std::uint16_t size = 1;      // people
    bool appointment = false;    // holds an appointment (kept 08:00-17:00)
    engine::SimTime time = 0;    // minutes since the start of the run
  };

  // `spec` must outlive this object.
  PortsOfEntry(const ModelSpec& spec, std::uint32_t replication);

  bool empty() const { return spec_.ports.crossings.empty(); }

  // Plans day `day` under `levers`: officers on traffic, closed modes and lane speeds.
  // Returns the officers moved to each sector's Border Patrol processing (fractional).
  PerSector<double> plan_day(int day, const DayLevers& levers);
  // Runs the planned day's traffic (plan_day first).
  void run_traffic(int day);
  // Appends the units presenting on `day` to `out`, crossing by crossing, appointment
  // holders first: `appointments_per_day` (the national quota) is split over crossings in
  // whole people that add up exactly. `family_size_weights[k]`: weight of a family of k.
  void people_presenting(int day, int appointments_per_day,
                         const std::vector<double>& family_size_weights,
                         std::vector<Presenting>& out) const;

  // People with an appointment presented at `crossing` today.
  void count_appointments(std::size_t crossing, std::int64_t people) {
    appointments_today_[crossing] += people;
  }
  // Today's traffic per crossing (people fields left for the World) and appointments.
  const std::vector<PortDay>& traffic_today() const { return port_days_; }
  std::int64_t appointments_today(std::size_t crossing) const {
    return appointments_today_[crossing];
  }

  // Whether triggered closure `closure` (index into PortsSpec::closures) holds tomorrow.
  bool closure_triggered(std::size_t closure) const { return closure_triggered_[closure]; }

  // End of day: closures triggered by a sector's custody (people held at the end of the
  // day, per sector) open or close for tomorrow, with hysteresis; appointments are reset.
  void end_day(const PerSector<std::int64_t>& sector_in_custody);

 private:
  const ModelSpec& spec_;
  const std::uint32_t replication_;
  PortTraffic traffic_;
  std::vector<PortTraffic::CrossingState> state_;  // today's plan, per crossing
  std::vector<double> moved_;                      // per crossing: officers redeployed today
  std::vector<PortDay> port_days_;                 // today's traffic, filled at day start
  std::vector<std::int64_t> appointments_today_;   // per crossing
  std::vector<bool> closure_triggered_;            // per closure: triggered state
};

}  // namespace bf::model
