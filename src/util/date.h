#pragma once
// Calendar dates in the proleptic Gregorian calendar, as a count of days since 1970-01-01.
// Conversions follow H. Hinnant's public-domain civil-date algorithms.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bf::util {

struct YearMonth {
  int year = 1970;
  int month = 1;  // 1..12
  auto operator<=>(const YearMonth&) const = default;
  int index() const { return year * 12 + (month - 1); }  // months since year 0
  static YearMonth from_index(int index) { return {index / 12, index % 12 + 1}; }
  YearMonth plus(int months) const { return from_index(index() + months); }
  YearMonth next() const {
    return month == 12 ? YearMonth{year + 1, 1} : YearMonth{year, month + 1};
  }
  std::string to_string() const;  // "2023-12"
  // Parses exactly "YYYY-MM" (four digits, a dash, a month 01..12).
  static std::optional<YearMonth> parse(std::string_view text);
};

class Date {
 public:
  Date() = default;
  static Date from_days(std::int64_t days_since_epoch) { return Date(days_since_epoch); }
  // nullopt if year/month/day is not a real calendar date.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Parses exactly "YYYY-MM-DD".
  static std::optional<Date> parse(std::string_view text);

  std::int64_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  YearMonth year_month() const { return {year(), month()}; }
  int weekday() const;            // 0 = Monday .. 6 = Sunday
  std::string to_string() const;  // "YYYY-MM-DD"

  Date operator+(std::int64_t n) const { return Date(days_ + n); }
  std::int64_t operator-(Date other) const { return days_ - other.days_; }
  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(std::int64_t days) : days_(days) {}
  std::int64_t days_ = 0;
};

int days_in_month(int year, int month);

// How much of `month` a change starting on `start` affects, with a ramp of 0 or 1 months:
// 0 before start's month; with no ramp, 1 from start's month on; with a one-month ramp, the
// share of start's month on or after `start` (days), then 1.
double share_in_force(Date start, int ramp_months, YearMonth month);

}  // namespace bf::util
