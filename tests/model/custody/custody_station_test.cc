// The custody station alone: processing priority classes, holding counts, time in custody.
#include "model/custody/custody_station.h"

#include <gtest/gtest.h>

namespace bf::model {
namespace {

TEST(CustodyStation, ProcessesChildrenThenFamiliesThenAdults) {
  CustodyStation st(1);
  st.admit(1);
  EXPECT_TRUE(st.queue_for_processing(10, Demographic::kSingleAdult));  // the free server
  st.admit(1);
  st.admit(4);
  st.admit(1);
  st.admit(1);
  EXPECT_FALSE(st.queue_for_processing(11, Demographic::kSingleAdult));
  EXPECT_FALSE(st.queue_for_processing(12, Demographic::kFamilyUnitMember));
  EXPECT_FALSE(st.queue_for_processing(13, Demographic::kAccompaniedMinor));
  EXPECT_FALSE(st.queue_for_processing(14, Demographic::kUnaccompaniedChild));
  EXPECT_EQ(st.awaiting_processing(), 8);
  EXPECT_EQ(st.finish_processing(1), std::optional<UnitHandle>(14));
  EXPECT_EQ(st.finish_processing(1), std::optional<UnitHandle>(12));  // families in order
  EXPECT_EQ(st.finish_processing(4), std::optional<UnitHandle>(13));
  EXPECT_EQ(st.finish_processing(1), std::optional<UnitHandle>(11));
  EXPECT_EQ(st.finish_processing(1), std::nullopt);
  EXPECT_EQ(st.awaiting_processing(), 0);
  EXPECT_EQ(st.in_custody(), 8);  // processed people stay in custody until they leave
  EXPECT_EQ(st.today().processed, 8);
}

TEST(CustodyStation, AddedServersStartTheQueue) {
  CustodyStation st(0);
  EXPECT_FALSE(st.queue_for_processing(1, Demographic::kSingleAdult));
  EXPECT_FALSE(st.queue_for_processing(2, Demographic::kUnaccompaniedChild));
  EXPECT_EQ(st.set_processing_servers(1), (std::vector<UnitHandle>{2}));
  EXPECT_EQ(st.processing_servers(), 1);
  EXPECT_EQ(st.set_processing_servers(3), (std::vector<UnitHandle>{1}));
}

TEST(CustodyStation, LeavingCountsTimeInCustodyUntilTheDayEnds) {
  CustodyStation st(2);
  st.hold_processed(1);  // initial state: already processed
  st.admit(3);
  EXPECT_EQ(st.in_custody(), 4);
  EXPECT_EQ(st.awaiting_processing(), 3);
  st.leave(3, 30 * 60);  // 30 hours
  st.leave(1, 2 * 60);
  EXPECT_EQ(st.in_custody(), 0);
  const CustodyTimeSummary tic = st.custody_time();
  EXPECT_EQ(tic.people, 4);
  EXPECT_DOUBLE_EQ(tic.mean_hours, (3 * 30 + 2) / 4.0);
  st.today().released += 3;
  st.end_day();
  EXPECT_EQ(st.custody_time().people, 0);
  EXPECT_EQ(st.today().released, 0);
  EXPECT_EQ(st.awaiting_processing(), 3);  // stocks stay
}

TEST(CustodyStation, StationIndicesPutPortsAfterSectors) {
  EXPECT_FALSE(is_port_station(kSectorCount - 1));
  EXPECT_TRUE(is_port_station(port_station(0)));
  EXPECT_EQ(crossing_of_station(port_station(3)), 3U);
}

}  // namespace
}  // namespace bf::model
