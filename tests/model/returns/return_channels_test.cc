// The return channels alone: batch shares, Mexico's intake, Remain in Mexico's acceptance.
#include "model/returns/return_channels.h"

#include <gtest/gtest.h>

namespace bf::model {
namespace {

using Handles = std::vector<UnitHandle>;

TEST(ReturnChannels, BatchSharesAddUpToTheDay) {
  std::int64_t total = 0;
  for (int b = 0; b < 3; ++b) total += ReturnChannels::batch_share(100, b, 3);
  EXPECT_EQ(total, 100);
  EXPECT_EQ(ReturnChannels::batch_share(100, 0, 3), 33);
  EXPECT_EQ(ReturnChannels::batch_share(100, 2, 3), 34);
}

TEST(ReturnChannels, EachChannelStopsAtTheFirstUnitThatDoesNotFit) {
  ReturnChannels r(0);
  r.queue_mexican(1, 2);
  r.queue_mexican(2, 3);  // does not fit in the 4 of batch 0: 3 waits too
  r.queue_mexican(3, 1);
  r.queue_non_mexican({4, 1, 0.5});
  EXPECT_EQ(r.non_mexican_queued_people(), 1);
  EXPECT_EQ(r.batch(0, 3, 12, 3), (Handles{1, 4}));
  EXPECT_EQ(r.non_mexican_queued_people(), 0);
  EXPECT_EQ(r.batch(1, 3, 12, 3), (Handles{2, 3}));
}

TEST(ReturnChannels, MexicosIntakeFallingCutsTheLatestQueued) {
  ReturnChannels r(0);
  r.queue_non_mexican({1, 2, 0.1});
  r.queue_non_mexican({2, 2, 0.2});
  r.queue_non_mexican({3, 2, 0.3});
  const auto cut = r.cut_non_mexican(3);
  ASSERT_EQ(cut.size(), 2U);
  EXPECT_EQ(cut[0].unit, 3U);
  EXPECT_EQ(cut[0].expedited_draw, 0.3);
  EXPECT_EQ(cut[1].unit, 2U);
  EXPECT_EQ(r.non_mexican_queued_people(), 2);
  EXPECT_TRUE(r.cut_non_mexican(2).empty());
}

TEST(ReturnChannels, RemainInMexicoEnrollsUpToTheDailyAcceptanceAndReturnsAll) {
  ReturnChannels r(2);
  EXPECT_TRUE(r.enroll_remain_in_mexico(1, 3, 1, 4));
  EXPECT_FALSE(r.enroll_remain_in_mexico(2, 2, 1, 4));  // 3 + 2 > 4
  EXPECT_TRUE(r.enroll_remain_in_mexico(3, 1, 1, 4));
  EXPECT_TRUE(r.enroll_remain_in_mexico(4, 2, 0, 4));   // another policy's own acceptance
  EXPECT_EQ(r.batch(0, 3, 0, 0), (Handles{1, 3, 4}));   // not limited by the batch
  EXPECT_FALSE(r.enroll_remain_in_mexico(5, 1, 1, 4));  // still the same day
  r.start_day();
  EXPECT_TRUE(r.enroll_remain_in_mexico(5, 1, 1, 4));
}

}  // namespace
}  // namespace bf::model
