#include "scenario/units.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

#include "scenario/suggest.h"

namespace bf::scenario {
namespace {

std::string quoted(std::string_view text) {
  std::string out(1, '\'');  // built by appending: GCC 12 warns falsely on "'" + string
  out += text;
  out += '\'';
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits "1.5h" into the numeric prefix "1.5" and the rest "h".
std::pair<std::string_view, std::string_view> split_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
  return {s.substr(0, i), s.substr(i)};
}

struct DurationUnit {
  std::string_view name;
  double minutes;
};
constexpr std::array<DurationUnit, 4> kDurationUnits = {
    {{"min", 1.0}, {"h", 60.0}, {"d", 24.0 * 60.0}, {"w", 7.0 * 24.0 * 60.0}}};
constexpr std::array<std::string_view, 4> kDurationUnitNames = {"min", "h", "d", "w"};

// Common spellings that are not accepted, with the accepted one; edit distance alone would
// not find "h" from "hours".
std::string duration_unit_hint(std::string_view unit) {
  struct Alias {
    std::string_view spelled;
    std::string_view hint;
  };
  static constexpr std::array<Alias, 16> kAliases = {{
      {"m", "'m' is ambiguous; write 'min' for minutes"},
      {"mins", "did you mean 'min'?"},
      {"minute", "did you mean 'min'?"},
      {"minutes", "did you mean 'min'?"},
      {"hr", "did you mean 'h'?"},
      {"hrs", "did you mean 'h'?"},
      {"hour", "did you mean 'h'?"},
      {"hours", "did you mean 'h'?"},
      {"day", "did you mean 'd'?"},
      {"days", "did you mean 'd'?"},
      {"wk", "did you mean 'w'?"},
      {"week", "did you mean 'w'?"},
      {"weeks", "did you mean 'w'?"},
      {"s", "seconds are finer than the model's minute clock; use 'min'"},
      {"sec", "seconds are finer than the model's minute clock; use 'min'"},
      {"mo", "months vary in length; write days, e.g. '30d'"},
  }};
  for (const Alias& a : kAliases) {
    if (a.spelled == unit) return std::string(a.hint);
  }
  std::string hint = did_you_mean(unit, kDurationUnitNames);
  return hint.empty() ? "units are min, h, d and w" : hint;
}

}  // namespace

Parsed<double> parse_number(std::string_view text) {
  const std::string_view s = trim(text);
  double value = 0.0;
  const char* first = s.data();
  if (!s.empty() && s.front() == '+') ++first;  // from_chars does not take a leading '+'
  const auto [end, ec] = std::from_chars(first, s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    return {std::nullopt, "expected a number, got " + quoted(text), {}};
  }
  return {value, {}, {}};
}

Parsed<std::int64_t> parse_integer(std::string_view text) {
  const std::string_view s = trim(text);
  std::int64_t value = 0;
  const char* first = s.data();
  if (!s.empty() && s.front() == '+') ++first;
  const auto [end, ec] = std::from_chars(first, s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return {std::nullopt, "expected a whole number, got " + quoted(text), {}};
  }
  return {value, {}, {}};
}

Parsed<engine::SimTime> parse_duration(std::string_view text) {
  const std::string_view s = trim(text);
  auto [number, rest] = split_number(s);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const Parsed<double> amount = parse_number(number);
  if (number.empty() || !amount.ok()) {
    return {std::nullopt, "expected a duration like '72h', got " + quoted(text),
            "units are min, h, d and w"};
  }
  if (rest.empty()) {
    return {std::nullopt, "duration " + quoted(text) + " has no unit",
            "write e.g. '" + std::string(number) + "h'; units are min, h, d and w"};
  }
  for (const DurationUnit& unit : kDurationUnits) {
    if (unit.name != rest) continue;
    if (*amount.value < 0.0) {
      return {std::nullopt, "duration must not be negative, got " + quoted(text), {}};
    }
    const double minutes = *amount.value * unit.minutes;
    if (minutes > static_cast<double>(std::numeric_limits<std::int32_t>::max())) {
      return {std::nullopt, "duration " + quoted(text) + " is too long", {}};
    }
    return {static_cast<engine::SimTime>(std::floor(minutes + 0.5)), {}, {}};
  }
  return {std::nullopt, "unknown duration unit '" + std::string(rest) + "' in " + quoted(text),
          duration_unit_hint(rest)};
}

Parsed<Rate> parse_rate(std::string_view text) {
  const std::string_view s = trim(text);
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) {
    const bool is_number = parse_number(s).ok();
    return {std::nullopt,
            is_number ? "rate " + quoted(text) + " has no period"
                      : "expected a rate like '4000/day', got " + quoted(text),
            is_number ? "write e.g. '" + std::string(s) + "/day' or '" + std::string(s) + "/week'"
                      : std::string()};
  }
  const Parsed<double> amount = parse_number(trim(s.substr(0, slash)));
  if (!amount.ok()) {
    return {std::nullopt, "expected a rate like '4000/day', got " + quoted(text), {}};
  }
  const std::string_view period = trim(s.substr(slash + 1));
  Rate rate;
  if (period == "day") {
    rate.period = RatePeriod::kDay;
  } else if (period == "week") {
    rate.period = RatePeriod::kWeek;
  } else {
    return {std::nullopt, "unknown rate period '" + std::string(period) + "' in " + quoted(text),
            "periods are /day and /week"};
  }
  if (*amount.value < 0.0) {
    return {std::nullopt, "rate must not be negative, got " + quoted(text), {}};
  }
  rate.amount = *amount.value;
  return {rate, {}, {}};
}

Parsed<engine::SimTime> parse_time_of_day(std::string_view text) {
  const std::string_view s = trim(text);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (s.size() != 5 || !digit(s[0]) || !digit(s[1]) || s[2] != ':' || !digit(s[3]) ||
      !digit(s[4])) {
    return {std::nullopt, "expected a time of day 'HH:MM', got " + quoted(text),
            "use a 24-hour clock with two digits each, e.g. '06:00'"};
  }
  const int hours = (s[0] - '0') * 10 + (s[1] - '0');
  const int minutes = (s[3] - '0') * 10 + (s[4] - '0');
  if (hours > 23 || minutes > 59) {
    return {std::nullopt, "time of day " + quoted(text) + " is not between 00:00 and 23:59", {}};
  }
  return {static_cast<engine::SimTime>(hours * 60 + minutes), {}, {}};
}

Parsed<int> parse_weekday(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const std::string_view s = trim(text);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == s) return {static_cast<int>(i), {}, {}};
  }
  std::string hint = did_you_mean(s, kNames);
  return {std::nullopt, "expected a weekday, got " + quoted(text),
          hint.empty() ? "weekdays are monday .. sunday, in lower case" : hint};
}

}  // namespace bf::scenario
