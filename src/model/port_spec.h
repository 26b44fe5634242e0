#pragma once
// Ports of entry: crossings with lanes by mode, the officers who staff them, their traffic,
// and the people who present themselves there (appointment holders and other inadmissible
// arrivals). Plain data; validated by the scenario loader. docs/model.md, "Ports of entry".

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/population.h"
#include "util/date.h"

namespace bf::model {

// Modes of crossing, as in the BTS and Texas crossing files.
enum class Mode : std::uint8_t { kPedestrian, kPassengerVehicle, kTruck, kBus, kRail };
inline constexpr int kModeCount = 5;
inline constexpr std::array<std::string_view, kModeCount> kModeKeys = {
    "pedestrian", "passenger_vehicle", "truck", "bus", "rail"};
template <typename T>
using PerMode = std::array<T, kModeCount>;

struct LaneSpec {
  int lanes = 0;                   // lanes (or tracks) for the mode; 0 = mode not served
  double units_per_lane_hour = 0;  // throughput of one open lane: people, vehicles, railcars
  int open_hour = 0;               // first hour open (0..23)
  int close_hour = 24;             // hour it closes (open_hour < close_hour <= 24)
};

struct CrossingSpec {
  std::string key;   // e.g. eagle_pass_bridge_1
  std::string name;  // e.g. "Eagle Pass Bridge 1"
  int sector = 0;    // Border Patrol sector it lies in (receives redeployed officers)
  // Crossings of one group substitute for each other when one closes (e.g. the Eagle Pass and
  // Laredo crossings).
  std::string diversion_group;
  PerMode<LaneSpec> modes{};
  // Officers needed per open lane, by mode (primary inspection plus its share of secondary).
  PerMode<double> officers_per_lane = {1.0, 1.0, 2.0, 2.0, 4.0};
  double traffic_officers = 0;   // officers on duty for traffic at any time when nobody is moved
  int processing_officers = 0;   // officers processing inadmissible people (server pool)
  double appointment_share = 0;  // share of the national appointment quota taken here
  double inadmissibles_per_day = 0;  // people arriving without an appointment
};

// Normal daily traffic (northbound units per day) of one crossing, mode and month.
struct TrafficLevel {
  int crossing = 0;  // index into PortsSpec::crossings
  util::YearMonth month;
  Mode mode = Mode::kPedestrian;
  double units_per_day = 0;
};

// Officers moved from a crossing's traffic lanes to Border Patrol processing.
struct RedeploymentSpec {
  int crossing = 0;
  int sector = 0;  // sector whose processing pool they join
  double officers = 0;
  util::Date first_day;  // inclusive
  util::Date last_day;   // inclusive
};

// A crossing (some or all modes) closed outright, on dates or while a sector's custody is
// above a level (closes the day after custody ends a day above `custody_above`, reopens the
// day after it ends a day at or below `custody_below`).
struct ClosureSpec {
  int crossing = 0;
  PerMode<bool> modes{};  // which modes close
  bool scheduled = true;
  util::Date first_day;            // scheduled: inclusive
  util::Date last_day;             // scheduled: inclusive
  int trigger_sector = 0;          // triggered: sector whose custody is watched
  std::int64_t custody_above = 0;  // triggered: close above this many people
  std::int64_t custody_below = 0;  // triggered: reopen at or below this many people
};

// Lanes of a crossing that work slower for a period: each open lane serves `factor` times
// its usual units per hour (e.g. the Texas safety inspections of every truck from Mexico at
// Eagle Pass and Del Rio from 28 November 2023).
struct SlowdownSpec {
  int crossing = 0;
  PerMode<bool> modes{};  // which modes slow down
  double factor = 1;      // 0 < factor <= 1
  util::Date first_day;   // inclusive
  util::Date last_day;    // inclusive
};

struct PortsSpec {
  std::vector<CrossingSpec> crossings;  // empty: no ports in the run
  std::vector<TrafficLevel> traffic;    // must cover every crossing-mode with lanes, every month
  std::vector<RedeploymentSpec> redeployments;
  std::vector<ClosureSpec> closures;
  std::vector<SlowdownSpec> slowdowns;
  // Day-to-day variation of traffic: gamma shock per crossing-day with this shape. Default 50.
  double day_dispersion = 50.0;
  // Share of the demand facing a closed crossing that goes to the open crossing of its group
  // with the most lanes for the mode; the rest waits (truck, rail) or is lost (others).
  PerMode<double> divert_share = {0.8, 0.8, 1.0, 0.8, 0.0};
  // Demand by day of the week (Monday..Sunday) as a multiple of the month's daily mean; each
  // mode's seven factors average 1. Default flat (the published series are monthly).
  PerMode<std::array<double, 7>> weekly_pattern = {{{1, 1, 1, 1, 1, 1, 1},
                                                    {1, 1, 1, 1, 1, 1, 1},
                                                    {1, 1, 1, 1, 1, 1, 1},
                                                    {1, 1, 1, 1, 1, 1, 1},
                                                    {1, 1, 1, 1, 1, 1, 1}}};
  // Longest wait anyone joins, hours, by mode: arrivals that would wait longer turn away
  // (counted as lost: they cross elsewhere, later, or not at all). 0 = no limit (default).
  PerMode<double> max_wait_hours{};
  // Freight value per loaded unit, US dollars (docs/parameters.md).
  double value_per_truck_usd = 50000;
  double value_per_railcar_usd = 60000;
  // A freight unit counts as delayed when it waited longer than this, hours.
  double delay_threshold_hours = 1.0;
  // People at ports.
  int appointments_per_day = 0;  // national quota (CBP One), spread by appointment_share
  PerDemographic<double> people_demographic_share = {0.56, 0.42, 0.02, 0.0};
  PerCitizenship<double> people_citizenship_share = {0.25, 0.05, 0.08, 0.02, 0.60};
  // Appointment holders are paroled after processing (true) or follow the usual rules.
  bool parole_appointments = true;
};

}  // namespace bf::model
