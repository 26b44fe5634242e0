#include "util/date.h"

#include <gtest/gtest.h>

namespace bf::util {
namespace {

TEST(Date, RoundTripsKnownDates) {
  EXPECT_EQ(Date::parse("1970-01-01")->days_since_epoch(), 0);
  EXPECT_EQ(Date::parse("2023-12-01")->days_since_epoch(), 19692);
  const Date d = *Date::parse("2024-02-29");
  EXPECT_EQ(d.year(), 2024);
  EXPECT_EQ(d.month(), 2);
  EXPECT_EQ(d.day(), 29);
  EXPECT_EQ(d.to_string(), "2024-02-29");
  EXPECT_EQ((d + 1).to_string(), "2024-03-01");
}

TEST(Date, RejectsImpossibleDates) {
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2023-13-01"));
  EXPECT_FALSE(Date::parse("2023-1-01"));
  EXPECT_FALSE(Date::parse("2023-01-0x"));
  EXPECT_FALSE(Date::parse(""));
}

TEST(Date, WeekdayIsMondayBased) {
  EXPECT_EQ(Date::parse("2023-12-01")->weekday(), 4);  // a Friday
  EXPECT_EQ(Date::parse("2023-12-04")->weekday(), 0);  // a Monday
  EXPECT_EQ(Date::parse("1969-12-31")->weekday(), 2);  // a Wednesday, before the epoch
}

TEST(Date, MonthArithmetic) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ((YearMonth{2023, 12}.next()), (YearMonth{2024, 1}));
  EXPECT_EQ((YearMonth{2023, 12}.to_string()), "2023-12");
}

}  // namespace
}  // namespace bf::util
