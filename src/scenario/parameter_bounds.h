#pragma once
// The hard bounds every number of a scenario is checked against at load (docs/parameters.md,
// "Bounds checked at load"). They are not the plausible ranges of the parameter tables, which
// are judgement for the sensitivity analysis: they are the limits of physical sense, wide enough
// for any counterfactual and narrow enough that no product or sum the model forms from them can
// overflow, reach infinity or lose every digit. Issue 19 found what happens without them:
// weekday weights of 3e307 made a NaN rate and a hang, an arrivals multiplier of 1e20 overflowed
// the Poisson draw to 0 encounters, 2147483600 processing agents plus 100 wrapped to 0.

#include <limits>

#include "scenario/fields.h"
#include "scenario/policies_reader.h"

namespace bf::scenario {

// Agents or officers on duty in one sector or at one crossing, people. Border Patrol has about
// 20,000 agents in all and CBP's Office of Field Operations about 26,000 officers.
inline constexpr double kMaxStaff = 1e5;
inline constexpr Bounds kStaff{0.0, kMaxStaff, false, true};
inline constexpr Bounds kProcessingAgents{1.0, kMaxStaff, false, true};
inline constexpr Bounds kHalfSaturationAgents{0.0, kMaxStaff, true, true};

// People held or waiting in one place (a sector's custody, ICE or ORR beds, a sector's queue
// in Mexico), people. The largest ever held at once is about 40,000 (ICE, 2019).
inline constexpr double kMaxPeopleHeld = 1e7;
inline constexpr Bounds kPeopleHeld{0.0, kMaxPeopleHeld, false, true};

// People in one surge, people: more than the whole Southwest border's encounters in a year.
inline constexpr Bounds kSurgePeople{0.0, 1e8, false, true};

// Encounters a day in one cell of the arrival table (sector × month × demographic ×
// citizenship), people a day: the whole border's busiest day was about 12,000.
inline constexpr double kMaxEncountersPerDay = 1e7;

// People a day presenting in one place other than the arrival table (a crossing's other
// inadmissibles), people a day.
inline constexpr Bounds kPeoplePerDay{0.0, 1e7, false, true};

// A multiplier of the people reaching the border (mexico_enforcement's arrivals_multiplier,
// entry_suspension's deterrence), and the product of those in force on one day in one sector
// (checked over the policy timeline at load, combined_levers.h): a hundredfold is beyond any
// change ever seen; below one in a million nobody crosses anyway.
inline constexpr double kMaxArrivalsMultiplier = 100.0;
inline constexpr Bounds kArrivalsMultiplier{1e-6, kMaxArrivalsMultiplier, false, true};

// Relative weight of one weekday (arrivals.weekly_pattern), normalised to mean 1: no day
// brings a thousand times another.
inline constexpr Bounds kWeekdayWeight{0.0, 1e3, false, true};

// Gamma shape k of the day-to-day shock (arrivals and ports' day_dispersion): the day-to-day
// coefficient of variation is 1/√k, so 0.01 is a CV of 10 and 1e6 one of 0.1%. Below, the
// shock's draw u^(1/k) is 0 on every day (1e-300 gave 0 encounters).
inline constexpr Bounds kDayDispersion{0.01, 1e6, false, true};

// Value of one crossing unit (a truck's or railcar's cargo), US dollars: the dearest loads are
// worth millions.
inline constexpr Bounds kUsdPerUnit{0.0, 1e9, false, true};

// A scale of an estimated intervention effect (arrivals.effects.scale): 0 removes it, 1 keeps
// it as published, 10 is an effect ten times its estimate in log terms.
inline constexpr Bounds kEffectScale{0.0, 10.0, false, true};

// Lanes at one crossing, and the units one lane passes in an hour.
inline constexpr Bounds kLanes{0.0, 1e3, false, true};
inline constexpr Bounds kUnitsPerLaneHour{0.0, 1e4, true, true};

// Sums of counts the model forms from these cannot overflow an int: a sector's processing
// agents plus every policy's additions (agents and soft-sided facilities, 1e5 each), a sector's
// holding capacity plus every soft-sided facility's (1e6 each).
static_assert(kMaxStaff * (1.0 + 2.0 * kMaxPolicies) < std::numeric_limits<int>::max());
static_assert(kMaxPeopleHeld + 1e6 * kMaxPolicies < std::numeric_limits<int>::max());

}  // namespace bf::scenario
