// ICE detention's flight queues and flows alone.
#include "model/detention/ice_detention.h"

#include <gtest/gtest.h>

namespace bf::model {
namespace {

TEST(IceDetention, FlightsTakeTheQueueInOrderThenReleaseWhoWaitedTooLong) {
  IceDetention ice(100);
  ice.beds().occupy(10);
  ice.book_in(10);
  constexpr engine::SimTime kDay = engine::kMinutesPerDay;
  ice.queue_for_flight(1, 3, Citizenship::kHonduras, 0);
  ice.queue_for_flight(2, 2, Citizenship::kHonduras, 0);
  ice.queue_for_flight(3, 1, Citizenship::kHonduras, 5 * kDay);
  ice.queue_for_flight(4, 1, Citizenship::kGuatemala, 0);
  const PerCitizenship<int> seats = {0, 0, 4, 0, 0};  // Honduras: 4 seats
  const auto left = ice.flight_day(7 * kDay, seats, 6 * kDay);
  // Guatemala: no seat, waited 7 days > 6: released. Honduras: 1 boards, 2 does not fit
  // (stops the queue) and has waited too long; 3 has not.
  ASSERT_EQ(left.size(), 3U);
  EXPECT_EQ(left[0].unit, 4U);
  EXPECT_FALSE(left[0].removed);
  EXPECT_EQ(left[1].unit, 1U);
  EXPECT_TRUE(left[1].removed);
  EXPECT_EQ(left[2].unit, 2U);
  EXPECT_FALSE(left[2].removed);
  EXPECT_EQ(ice.beds().occupied(), 4);
  EXPECT_EQ(ice.today().removals[index_of(Citizenship::kHonduras)], 3);
  EXPECT_EQ(ice.today().releases, 3);
  EXPECT_EQ(ice.today().book_ins, 10);
  ice.release(2);  // passed the fear screening
  EXPECT_EQ(ice.today().releases, 5);
  EXPECT_EQ(ice.beds().occupied(), 2);
  ice.end_day();
  EXPECT_EQ(ice.today().releases, 0);
}

TEST(IceDetention, ACaseDecidedReleasesWhoPassedTheScreeningAndQueuesTheOthers) {
  IceDetention ice(10);
  ice.beds().occupy(5);
  using Decision = IceDetention::Decision;
  EXPECT_EQ(ice.decide_case(1, 2, Citizenship::kHonduras, true, 0), Decision::kReleased);
  EXPECT_EQ(ice.beds().occupied(), 3);
  EXPECT_EQ(ice.today().releases, 2);
  EXPECT_EQ(ice.decide_case(2, 3, Citizenship::kHonduras, false, 0), Decision::kAwaitingFlight);
  EXPECT_EQ(ice.beds().occupied(), 3);  // held until the flight
  const PerCitizenship<int> seats = {0, 0, 3, 0, 0};
  const auto left = ice.flight_day(engine::kMinutesPerDay, seats, 30 * engine::kMinutesPerDay);
  ASSERT_EQ(left.size(), 1U);
  EXPECT_EQ(left[0].unit, 2U);
  EXPECT_TRUE(left[0].removed);
}

TEST(IceDetention, AMexicanOrderedRemovedLeavesByLandAtOnce) {
  IceDetention ice(10);
  ice.beds().occupy(6);
  EXPECT_EQ(ice.decide_case(1, 4, Citizenship::kMexico, false, 0),
            IceDetention::Decision::kRemovedByLand);
  EXPECT_EQ(ice.beds().occupied(), 2);  // the bed is free the same minute
  EXPECT_EQ(ice.today().removals[index_of(Citizenship::kMexico)], 4);
  EXPECT_EQ(ice.today().releases, 0);
  // Nobody waits for a flight to Mexico, so a flight day moves no one.
  const PerCitizenship<int> seats = {0, 0, 0, 0, 0};
  EXPECT_TRUE(ice.flight_day(7 * engine::kMinutesPerDay, seats, 0).empty());
  // A Mexican who passes the screening is released like anyone else.
  EXPECT_EQ(ice.decide_case(2, 2, Citizenship::kMexico, true, 0),
            IceDetention::Decision::kReleased);
  EXPECT_EQ(ice.today().releases, 2);
}

}  // namespace
}  // namespace bf::model
