#include "output/ports_json.h"

#include <string>

#include "model/population.h"

namespace bf::output {
namespace {

using model::kModeCount;
using model::kModeKeys;
using nlohmann::ordered_json;

template <typename T>
ordered_json by_mode(const model::PerMode<T>& values) {
  ordered_json j = ordered_json::object();
  for (int m = 0; m < kModeCount; ++m) {
    j[std::string(kModeKeys[static_cast<std::size_t>(m)])] = values[static_cast<std::size_t>(m)];
  }
  return j;
}

ordered_json modes_list(const model::PerMode<bool>& modes) {
  ordered_json j = ordered_json::array();
  for (int m = 0; m < kModeCount; ++m) {
    if (modes[static_cast<std::size_t>(m)]) j.push_back(kModeKeys[static_cast<std::size_t>(m)]);
  }
  return j;
}

std::string crossing_key(const model::PortsSpec& ports, int index) {
  return ports.crossings[static_cast<std::size_t>(index)].key;
}

}  // namespace

ordered_json ports_to_json(const model::PortsSpec& ports) {
  ordered_json crossings = ordered_json::object();
  for (const model::CrossingSpec& c : ports.crossings) {
    ordered_json lanes = ordered_json::object();
    for (int m = 0; m < kModeCount; ++m) {
      const model::LaneSpec& l = c.modes[static_cast<std::size_t>(m)];
      if (l.lanes <= 0) continue;
      lanes[std::string(kModeKeys[static_cast<std::size_t>(m)])] = {
          {"lanes", l.lanes},
          {"per_lane_hour", l.units_per_lane_hour},
          {"open_hour", l.open_hour},
          {"close_hour", l.close_hour}};
    }
    crossings[c.key] = {
        {"name", c.name},
        {"sector", std::string(model::kSectorKeys[static_cast<std::size_t>(c.sector)])},
        {"group", c.diversion_group},
        {"traffic_officers", c.traffic_officers},
        {"processing_officers", c.processing_officers},
        {"appointment_share", c.appointment_share},
        {"inadmissibles_per_day", c.inadmissibles_per_day},
        {"officers_per_lane", by_mode(c.officers_per_lane)},
        {"lanes", lanes}};
  }
  ordered_json redeployments = ordered_json::array();
  for (const model::RedeploymentSpec& r : ports.redeployments) {
    redeployments.push_back(
        {{"crossing", crossing_key(ports, r.crossing)},
         {"to_sector", std::string(model::kSectorKeys[static_cast<std::size_t>(r.sector)])},
         {"officers", r.officers},
         {"first_day", r.first_day.to_string()},
         {"last_day", r.last_day.to_string()}});
  }
  ordered_json closures = ordered_json::array();
  for (const model::ClosureSpec& c : ports.closures) {
    ordered_json j = {{"crossing", crossing_key(ports, c.crossing)},
                      {"modes", modes_list(c.modes)}};
    if (c.scheduled) {
      j["first_day"] = c.first_day.to_string();
      j["last_day"] = c.last_day.to_string();
    } else {
      j["sector"] = std::string(model::kSectorKeys[static_cast<std::size_t>(c.trigger_sector)]);
      j["custody_above"] = c.custody_above;
      j["custody_below"] = c.custody_below;
    }
    closures.push_back(j);
  }
  ordered_json slowdowns = ordered_json::array();
  for (const model::SlowdownSpec& s : ports.slowdowns) {
    slowdowns.push_back({{"crossing", crossing_key(ports, s.crossing)},
                         {"modes", modes_list(s.modes)},
                         {"factor", s.factor},
                         {"first_day", s.first_day.to_string()},
                         {"last_day", s.last_day.to_string()}});
  }
  ordered_json weekly = ordered_json::object();
  for (int m = 0; m < kModeCount; ++m) {
    weekly[std::string(kModeKeys[static_cast<std::size_t>(m)])] =
        ports.weekly_pattern[static_cast<std::size_t>(m)];
  }
  return {{"crossings", crossings},
          {"traffic_table_rows", ports.traffic.size()},
          {"day_dispersion", ports.day_dispersion},
          {"divert_share", by_mode(ports.divert_share)},
          {"max_wait_hours_0_none", by_mode(ports.max_wait_hours)},
          {"weekly_pattern_monday_first", weekly},
          {"value_per_truck_usd", ports.value_per_truck_usd},
          {"value_per_railcar_usd", ports.value_per_railcar_usd},
          {"delay_threshold_hours", ports.delay_threshold_hours},
          {"appointments_per_day", ports.appointments_per_day},
          {"parole_appointments", ports.parole_appointments},
          {"redeployments", redeployments},
          {"closures", closures},
          {"slowdowns", slowdowns}};
}

}  // namespace bf::output
