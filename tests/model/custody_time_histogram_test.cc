#include "model/custody_time_histogram.h"

#include <gtest/gtest.h>

namespace bf::model {
namespace {

TEST(CustodyTimeHistogram, MeanIsExactAndP90IsTheUpperHourEdge) {
  CustodyTimeHistogram h;
  // 9 people after 30 minutes, 1 person after 100 hours: 90% left within the first hour.
  h.add(30, 9);
  h.add(100 * 60, 1);
  auto s = h.summary();
  EXPECT_EQ(s.people, 10);
  EXPECT_DOUBLE_EQ(s.mean_hours, (9 * 30 + 6000) / 10.0 / 60.0);
  EXPECT_EQ(s.p90_hours, 1.0);
  h.add(100 * 60, 1);  // now 9 of 11 within one hour: below 90%
  EXPECT_EQ(h.summary().p90_hours, 101.0);
}

TEST(CustodyTimeHistogram, EmptyAndClearAndOverflowBin) {
  CustodyTimeHistogram h;
  EXPECT_EQ(h.summary().people, 0);
  EXPECT_EQ(h.summary().p90_hours, 0.0);
  h.add(1'000'000, 2);  // beyond 60 days: counted in the last bin, exact in the mean
  EXPECT_EQ(h.summary().p90_hours, CustodyTimeHistogram::kBins);
  EXPECT_DOUBLE_EQ(h.summary().mean_hours, 1'000'000 / 60.0);
  h.clear();
  EXPECT_EQ(h.summary().people, 0);
}

}  // namespace
}  // namespace bf::model
