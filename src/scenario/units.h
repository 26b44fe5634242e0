#pragma once
// Parsing of the unit-bearing scalars a scenario is written with: numbers, durations,
// rates, times of day, weekdays. Pure functions of the text; the caller adds the location.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/sim_time.h"

namespace bf::scenario {

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // set when !value: what is wrong, e.g. "expected a duration ..."
  std::string hint;   // may be empty
  bool ok() const { return value.has_value(); }
};

// A finite decimal number ("12", "-0.5", "1e3"); no "inf", "nan", or trailing text.
Parsed<double> parse_number(std::string_view text);
// A whole number in [-2^63, 2^63); "2000.0" is rejected (it is not written as a count).
Parsed<std::int64_t> parse_integer(std::string_view text);

// A non-negative duration with a unit: "<number><unit>" with unit min, h, d or w
// (e.g. "90min", "1.5h", "3d", "2w"; one space before the unit is allowed). Returns minutes,
// rounded to the nearest minute (halves up), since simulation time is whole minutes.
Parsed<engine::SimTime> parse_duration(std::string_view text);

enum class RatePeriod { kDay, kWeek };
struct Rate {
  double amount = 0.0;  // >= 0, people (or seats) per `period`
  RatePeriod period = RatePeriod::kDay;
  double per_day() const { return period == RatePeriod::kDay ? amount : amount / 7.0; }
  double per_week() const { return period == RatePeriod::kWeek ? amount : amount * 7.0; }
};
// A non-negative rate "<number>/day" or "<number>/week" (spaces around '/' allowed).
Parsed<Rate> parse_rate(std::string_view text);

// "HH:MM" on a 24-hour clock, 00:00..23:59 → minutes after midnight.
Parsed<engine::SimTime> parse_time_of_day(std::string_view text);

// "monday".."sunday" (lower case) → 0..6.
Parsed<int> parse_weekday(std::string_view text);

}  // namespace bf::scenario
