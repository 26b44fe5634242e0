#include "scenario/units.h"

#include <gtest/gtest.h>

namespace bf::scenario {
namespace {

TEST(ParseDuration, AcceptsEachUnitAndRoundsToMinutes) {
  EXPECT_EQ(parse_duration("72h").value, 72 * 60);
  EXPECT_EQ(parse_duration("3d").value, 3 * 24 * 60);
  EXPECT_EQ(parse_duration("90min").value, 90);
  EXPECT_EQ(parse_duration("1.5h").value, 90);
  EXPECT_EQ(parse_duration("2w").value, 2 * 7 * 24 * 60);
  EXPECT_EQ(parse_duration("0min").value, 0);
  EXPECT_EQ(parse_duration("4 h").value, 240);
  EXPECT_EQ(parse_duration("0.5min").value, 1);  // halves round up
  EXPECT_EQ(parse_duration("0.4min").value, 0);
}

TEST(ParseDuration, RejectsNegativeMissingAndUnknownUnits) {
  Parsed<engine::SimTime> p = parse_duration("-3h");
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(p.error, "duration must not be negative, got '-3h'");

  p = parse_duration("72");
  EXPECT_EQ(p.error, "duration '72' has no unit");
  EXPECT_EQ(p.hint, "write e.g. '72h'; units are min, h, d and w");

  p = parse_duration("3hours");
  EXPECT_EQ(p.error, "unknown duration unit 'hours' in '3hours'");
  EXPECT_EQ(p.hint, "did you mean 'h'?");

  p = parse_duration("10m");
  EXPECT_EQ(p.hint, "'m' is ambiguous; write 'min' for minutes");

  p = parse_duration("5mn");  // too short for a confident guess
  EXPECT_EQ(p.hint, "units are min, h, d and w");

  p = parse_duration("5minn");
  EXPECT_EQ(p.hint, "did you mean 'min'?");

  p = parse_duration("3x");
  EXPECT_EQ(p.hint, "units are min, h, d and w");

  p = parse_duration("h");
  EXPECT_EQ(p.error, "expected a duration like '72h', got 'h'");

  EXPECT_FALSE(parse_duration("").ok());
  EXPECT_FALSE(parse_duration("1.2.3h").ok());
  EXPECT_FALSE(parse_duration("3h extra").ok());
}

TEST(ParseRate, ConvertsBetweenDaysAndWeeks) {
  Parsed<Rate> day = parse_rate("1450/day");
  ASSERT_TRUE(day.ok());
  EXPECT_DOUBLE_EQ(day.value->per_day(), 1450.0);
  EXPECT_DOUBLE_EQ(day.value->per_week(), 10150.0);
  Parsed<Rate> week = parse_rate("1500 / week");
  ASSERT_TRUE(week.ok());
  EXPECT_DOUBLE_EQ(week.value->per_week(), 1500.0);
  EXPECT_NEAR(week.value->per_day(), 214.2857142857, 1e-9);
}

TEST(ParseRate, RejectsMissingOrUnknownPeriodAndNegatives) {
  Parsed<Rate> p = parse_rate("4000");
  EXPECT_EQ(p.error, "rate '4000' has no period");
  EXPECT_EQ(p.hint, "write e.g. '4000/day' or '4000/week'");
  p = parse_rate("10/month");
  EXPECT_EQ(p.error, "unknown rate period 'month' in '10/month'");
  EXPECT_EQ(p.hint, "periods are /day and /week");
  p = parse_rate("-5/day");
  EXPECT_EQ(p.error, "rate must not be negative, got '-5/day'");
  p = parse_rate("many/day");
  EXPECT_EQ(p.error, "expected a rate like '4000/day', got 'many/day'");
}

TEST(ParseTimeOfDay, AcceptsHhMm) {
  EXPECT_EQ(parse_time_of_day("06:00").value, 360);
  EXPECT_EQ(parse_time_of_day("23:59").value, 23 * 60 + 59);
  EXPECT_EQ(parse_time_of_day("00:00").value, 0);
  EXPECT_EQ(parse_time_of_day("24:00").error, "time of day '24:00' is not between 00:00 and 23:59");
  EXPECT_EQ(parse_time_of_day("6:00").error, "expected a time of day 'HH:MM', got '6:00'");
  EXPECT_FALSE(parse_time_of_day("12:60").ok());
}

TEST(ParseWeekday, NamesInLowerCase) {
  EXPECT_EQ(parse_weekday("monday").value, 0);
  EXPECT_EQ(parse_weekday("tuesday").value, 1);
  EXPECT_EQ(parse_weekday("sunday").value, 6);
  Parsed<int> p = parse_weekday("Tuesday");
  EXPECT_EQ(p.error, "expected a weekday, got 'Tuesday'");
  EXPECT_EQ(p.hint, "did you mean 'tuesday'?");
  EXPECT_EQ(parse_weekday("xyz").hint, "weekdays are monday .. sunday, in lower case");
}

TEST(ParseNumber, StrictDecimals) {
  EXPECT_EQ(parse_number("0.5").value, 0.5);
  EXPECT_EQ(parse_number("+2").value, 2.0);
  EXPECT_EQ(parse_number("1e3").value, 1000.0);
  EXPECT_FALSE(parse_number("nan").ok());
  EXPECT_FALSE(parse_number("inf").ok());
  EXPECT_FALSE(parse_number("1,5").ok());
  EXPECT_FALSE(parse_number("").ok());
  EXPECT_EQ(parse_integer("2000").value, 2000);
  EXPECT_EQ(parse_integer("2000.5").error, "expected a whole number, got '2000.5'");
}

}  // namespace
}  // namespace bf::scenario
