#include "model/port_traffic.h"

#include <algorithm>
#include <cmath>

#include "engine/distributions.h"
#include "engine/random_stream.h"
#include "model/random_purpose.h"

namespace bf::model {
namespace {

// Trucks first (trade), then people on foot before cars (CBP suspended vehicle processing at
// Eagle Pass Bridge 1 in November 2023 but kept its pedestrian lanes), rail last (suspended
// first in December 2023).
constexpr std::array<Mode, kModeCount> kStaffingOrder = {
    Mode::kTruck, Mode::kPedestrian, Mode::kPassengerVehicle, Mode::kBus, Mode::kRail};

constexpr std::size_t idx(Mode m) { return static_cast<std::size_t>(m); }

bool holds_back(Mode m) { return m == Mode::kTruck || m == Mode::kRail; }

}  // namespace

PortTraffic::PortTraffic(const PortsSpec& ports, util::Date start_date, int days,
                         std::uint64_t seed)
    : ports_(ports), start_date_(start_date), first_month_(start_date.year_month()), seed_(seed) {
  const std::size_t n = ports.crossings.size();
  const util::YearMonth last = (start_date + (days - 1)).year_month();
  const int months = last.index() - first_month_.index() + 1;
  demand_.assign(static_cast<std::size_t>(months),
                 std::vector<PerMode<double>>(n, PerMode<double>{}));
  for (const TrafficLevel& t : ports.traffic) {
    const int slot = t.month.index() - first_month_.index();
    if (slot < 0 || slot >= months) continue;
    demand_[static_cast<std::size_t>(slot)][static_cast<std::size_t>(t.crossing)][idx(t.mode)] =
        t.units_per_day;
  }
  queue_.assign(n, PerMode<double>{});

  // Diversion candidates: same group, serves the mode; most lanes first, then list order.
  divert_to_.assign(n, PerMode<int>{});
  for (std::size_t c = 0; c < n; ++c) {
    for (int m = 0; m < kModeCount; ++m) {
      int best = -1;
      for (std::size_t o = 0; o < n; ++o) {
        if (o == c || ports.crossings[o].diversion_group.empty() ||
            ports.crossings[o].diversion_group != ports.crossings[c].diversion_group) {
          continue;
        }
        const int lanes = ports.crossings[o].modes[static_cast<std::size_t>(m)].lanes;
        if (lanes > 0 && (best < 0 || lanes > ports.crossings[static_cast<std::size_t>(best)]
                                                  .modes[static_cast<std::size_t>(m)]
                                                  .lanes)) {
          best = static_cast<int>(o);
        }
      }
      divert_to_[c][static_cast<std::size_t>(m)] = best;
    }
  }
}

double PortTraffic::demand_per_day(int day, int crossing, Mode mode) const {
  const int slot = (start_date_ + day).year_month().index() - first_month_.index();
  return demand_[static_cast<std::size_t>(slot)][static_cast<std::size_t>(crossing)][idx(mode)];
}

PerMode<int> PortTraffic::staffed_lanes(const CrossingSpec& crossing, double officers,
                                        const PerMode<bool>& closed) {
  PerMode<int> lanes{};
  for (Mode m : kStaffingOrder) {
    const LaneSpec& spec = crossing.modes[idx(m)];
    const double per_lane = crossing.officers_per_lane[idx(m)];
    if (spec.lanes <= 0 || closed[idx(m)]) continue;
    const int affordable =
        per_lane > 0 ? static_cast<int>(std::floor(officers / per_lane + 1e-9)) : spec.lanes;
    lanes[idx(m)] = std::min(spec.lanes, affordable);
    officers -= lanes[idx(m)] * per_lane;
  }
  return lanes;
}

void PortTraffic::run_day(int day, std::uint32_t replication,
                          const std::vector<CrossingState>& state, std::vector<PortDay>& out) {
  const std::size_t n = ports_.crossings.size();
  out.assign(n, PortDay{});
  // Lanes open today and the day's demand (with a gamma shock shared by a crossing's modes).
  std::vector<PerMode<int>> lanes(n);
  std::vector<PerMode<double>> demand(n);
  for (std::size_t c = 0; c < n; ++c) {
    const CrossingSpec& crossing = ports_.crossings[c];
    lanes[c] = staffed_lanes(crossing, state[c].traffic_officers, state[c].closed);
    engine::RandomStream rs(seed_, replication, static_cast<std::uint8_t>(Purpose::kTraffic),
                            (static_cast<std::uint64_t>(day + 1) << 40) | c);
    const double k = ports_.day_dispersion;
    const double shock = engine::gamma(rs, k, 1.0 / k);
    const auto weekday = static_cast<std::size_t>((start_date_ + day).weekday());
    for (int m = 0; m < kModeCount; ++m) {
      const auto mode = static_cast<Mode>(m);
      const double week = ports_.weekly_pattern[idx(mode)][weekday];
      demand[c][idx(mode)] = demand_per_day(day, static_cast<int>(c), mode) * shock * week;
      ModeDay& md = out[c].modes[idx(mode)];
      md.demand = demand[c][idx(mode)];
      md.closed = crossing.modes[idx(mode)].lanes > 0 && lanes[c][idx(mode)] == 0;
    }
    out[c].traffic_officers = state[c].traffic_officers;
  }

  // Pass 1: closed modes send their demand away (or hold or lose it).
  std::vector<PerMode<double>> arriving = demand;
  for (std::size_t c = 0; c < n; ++c) {
    for (int m = 0; m < kModeCount; ++m) {
      const auto mode = static_cast<Mode>(m);
      ModeDay& md = out[c].modes[idx(mode)];
      if (!md.closed || md.demand <= 0) continue;
      const int target = divert_to_[c][idx(mode)];
      const bool target_open =
          target >= 0 && lanes[static_cast<std::size_t>(target)][idx(mode)] > 0;
      const double diverted = target_open ? md.demand * ports_.divert_share[idx(mode)] : 0.0;
      const double rest = md.demand - diverted;
      if (diverted > 0) {
        md.diverted_out = diverted;
        out[static_cast<std::size_t>(target)].modes[idx(mode)].diverted_in += diverted;
        arriving[static_cast<std::size_t>(target)][idx(mode)] += diverted;
      }
      if (holds_back(mode)) {
        arriving[c][idx(mode)] = rest;  // joins the queue and waits for the reopening
      } else {
        md.lost = rest;
        arriving[c][idx(mode)] = 0;
      }
    }
  }

  // Pass 2: hourly fluid queue.
  for (std::size_t c = 0; c < n; ++c) {
    const CrossingSpec& crossing = ports_.crossings[c];
    for (int m = 0; m < kModeCount; ++m) {
      const auto mode = static_cast<Mode>(m);
      const LaneSpec& spec = crossing.modes[idx(mode)];
      ModeDay& md = out[c].modes[idx(mode)];
      double& queue = queue_[c][idx(mode)];
      if (spec.lanes <= 0) {
        md.lost += arriving[c][idx(mode)];  // no lanes at all for this mode: nowhere to go
        continue;
      }
      const int hours_open = spec.close_hour - spec.open_hour;
      const double per_hour = arriving[c][idx(mode)] / hours_open;
      const double capacity =
          lanes[c][idx(mode)] * spec.units_per_lane_hour * state[c].speed[idx(mode)];
      const double max_wait = ports_.max_wait_hours[idx(mode)];
      md.lanes_open = lanes[c][idx(mode)];
      for (int h = spec.open_hour; h < spec.close_hour; ++h) {
        const double wait_hours = capacity > 0 ? queue / capacity : 1e9;
        double joining = per_hour;
        if (max_wait > 0 && capacity > 0) {
          // Joins only while the wait ahead is at most max_wait (a held backlog from a closure
          // stays: it was already in line).
          joining = std::clamp(max_wait * capacity - queue, 0.0, per_hour);
          md.lost += per_hour - joining;
        }
        queue += joining;
        const double served = std::min(queue, capacity);
        queue -= served;
        md.processed += served;
        if (wait_hours > ports_.delay_threshold_hours) md.delayed_units += served;
        md.delay_unit_hours += queue;  // those still waiting wait this hour
      }
      // Closed hours: whoever still waits waits through them too.
      md.delay_unit_hours += queue * (24 - hours_open);
      md.queue = queue;
    }
    PortDay& pd = out[c];
    pd.truck_hours_delay = pd.modes[idx(Mode::kTruck)].delay_unit_hours;
    pd.railcar_days_delay = pd.modes[idx(Mode::kRail)].delay_unit_hours / 24.0;
    pd.freight_delayed_usd =
        pd.modes[idx(Mode::kTruck)].delayed_units * ports_.value_per_truck_usd +
        pd.modes[idx(Mode::kRail)].delayed_units * ports_.value_per_railcar_usd;
  }
}

}  // namespace bf::model
