#pragma once
// Simulation time: an integer count of minutes since the start of the run. Integer time
// makes event order exact and runs reproducible across compilers and machines.

#include <cstdint>

namespace bf::engine {

using SimTime = std::int64_t;  // minutes since the scenario start (00:00 of day 0)

inline constexpr SimTime kMinutesPerHour = 60;
inline constexpr SimTime kMinutesPerDay = 24 * kMinutesPerHour;
inline constexpr SimTime kMinutesPerWeek = 7 * kMinutesPerDay;

constexpr std::int64_t day_of(SimTime t) { return t / kMinutesPerDay; }  // t >= 0

}  // namespace bf::engine
