// Number formatting for people (grouped) and for written tables (fixed).

#include "util/number_format.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace bf::util {
namespace {

TEST(NumberFormat, GroupedSeparatesThousands) {
  EXPECT_EQ(grouped(0), "0");
  EXPECT_EQ(grouped(999), "999");
  EXPECT_EQ(grouped(1234567), "1,234,567");
  EXPECT_EQ(grouped(-1234), "-1,234");
  EXPECT_EQ(grouped(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
}

TEST(NumberFormat, FixedRoundsToTheGivenDecimals) {
  EXPECT_EQ(fixed(0.25, 4), "0.2500");
  EXPECT_EQ(fixed(2016.84, 1), "2016.8");
  EXPECT_EQ(fixed(0.6555204, 6), "0.655520");
  EXPECT_EQ(fixed(1.0, 0), "1");
  EXPECT_EQ(fixed(-0.5, 2), "-0.50");
}

}  // namespace
}  // namespace bf::util
