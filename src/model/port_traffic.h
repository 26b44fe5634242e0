#pragma once
// Traffic through the ports of entry, in aggregate: an hourly fluid queue per crossing and
// mode (about ten million crossings a month cannot be agents and need not be). Each hour
// demand arrives evenly over the mode's hours of operation, open lanes serve
// lanes × units_per_lane_hour, the rest waits. A closed mode sends part of its demand to the
// open crossing of its group with the most lanes for that mode; the rest waits (trucks,
// railcars: held until it reopens) or is lost (people, cars, buses). Where the queue is
// longer than the mode's max_wait, newcomers turn away (lost). Demand follows the mode's
// weekly pattern; slowdowns scale a lane's throughput.
// docs/model.md, "Ports of entry".

#include <cstdint>
#include <vector>

#include "model/port_day.h"
#include "model/port_spec.h"

namespace bf::model {

class PortTraffic {
 public:
  // `ports` and the dates must outlive the object.
  PortTraffic(const PortsSpec& ports, util::Date start_date, int days, std::uint64_t seed);

  struct CrossingState {
    double traffic_officers = 0;           // officers available for lanes today
    PerMode<bool> closed{};                // closed by a closure today
    PerMode<double> speed{1, 1, 1, 1, 1};  // lane throughput factor today (slowdowns)
  };

  // Runs one day of traffic. `state` has one entry per crossing. Fills `out` (one per
  // crossing; the people fields are left for the World).
  void run_day(int day, std::uint32_t replication, const std::vector<CrossingState>& state,
               std::vector<PortDay>& out);

  // Lanes the officers can staff, in priority order truck, pedestrian, passenger vehicle,
  // bus, rail (rail last: CBP suspended rail processing first in December 2023). Closed
  // modes take no officers.
  static PerMode<int> staffed_lanes(const CrossingSpec& crossing, double officers,
                                    const PerMode<bool>& closed = {});

 private:
  double demand_per_day(int day, int crossing, Mode mode) const;

  const PortsSpec& ports_;
  util::Date start_date_;
  util::YearMonth first_month_;
  std::uint64_t seed_;
  // [month slot][crossing][mode] normal units per day.
  std::vector<std::vector<PerMode<double>>> demand_;
  // Queue carried over from one day to the next, [crossing][mode].
  std::vector<PerMode<double>> queue_;
  // Diversion target per [crossing][mode], -1 if none in the group.
  std::vector<PerMode<int>> divert_to_;
};

}  // namespace bf::model
