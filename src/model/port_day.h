#pragma once
// What one crossing reports at the end of a day (part of DayReport). Flows are units during
// the day (people, vehicles or railcars, by mode); stocks are at the end of the day.

#include <cstdint>
#include <string_view>

#include "model/port_spec.h"

namespace bf::model {

struct ModeDay {
  double demand = 0;            // normal demand arriving at this crossing today (units)
  double diverted_in = 0;       // demand diverted here from a closed crossing of the group
  double diverted_out = 0;      // demand diverted away because this mode was closed here
  double lost = 0;              // demand that gave up (closed, no open alternative or not diverted)
  double processed = 0;         // units that crossed today
  double queue = 0;             // units waiting at the end of the day (held trucks, railcars)
  double lanes_open = 0;        // mean lanes open over the mode's hours of operation
  double delay_unit_hours = 0;  // unit-hours spent waiting today
  double delayed_units = 0;     // processed units that had waited longer than the threshold
  bool closed = false;          // closed (by a closure or for want of officers) all day
};

struct PortDay {
  std::string_view crossing;  // the crossing's key (points into the ModelSpec)
  PerMode<ModeDay> modes{};
  double truck_hours_delay = 0;    // = modes[truck].delay_unit_hours
  double railcar_days_delay = 0;   // = modes[rail].delay_unit_hours / 24
  double freight_delayed_usd = 0;  // delayed trucks and railcars × value per unit
  double traffic_officers = 0;     // on duty for traffic today (after redeployments)
  double officers_redeployed = 0;  // moved to Border Patrol processing today
  // People presenting at the port (Office of Field Operations encounters).
  std::int64_t encounters = 0;    // appointment holders + other inadmissible arrivals
  std::int64_t appointments = 0;  // of whom appointment holders
  std::int64_t processed = 0;     // people whose processing finished
  std::int64_t in_custody = 0;    // end of day
  std::int64_t released = 0;      // paroled or released with an NTA
  std::int64_t returned_to_mexico = 0;
  std::int64_t transferred_to_ice = 0;
  std::int64_t transferred_to_orr = 0;
};

}  // namespace bf::model
