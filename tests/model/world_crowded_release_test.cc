// dispositions.crowded_release on tiny worlds: releases decided while a sector is at or above
// the occupancy threshold take the shorter delay, so custody stops growing there; below it
// nothing changes, and under common random numbers the arrivals are the same.
#include <gtest/gtest.h>

#include "model/world.h"
#include "tiny_world.h"

namespace bf::model {
namespace {

using testing::run;
using testing::set_level;
using testing::tiny_spec;

constexpr int kSector = 6;  // del_rio

// 50 adults a day, all released after 10 days: custody grows by about 50 a day.
ModelSpec slow_release_world() {
  ModelSpec spec = tiny_spec(10);
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  spec.dispositions.expedited_removal_share = {0, 0, 0, 0};
  spec.dispositions.release_delay = {10 * kMinutesPerDay, 0};
  spec.sectors[kSector].processing_agents = 1000;
  spec.sectors[kSector].holding_capacity = 100;
  set_level(spec, kSector, Demographic::kSingleAdult, Citizenship::kOther, 50);
  return spec;
}

TEST(WorldCrowdedRelease, CustodyStopsGrowingAtTheThreshold) {
  const ModelSpec without = slow_release_world();
  ModelSpec with = without;
  with.dispositions.crowded_release = CrowdedReleaseSpec{1.0, {60, 0}};
  const auto slow = run(without);
  const auto fast = run(with);

  const SectorDay& slow_last = slow.days.back().sectors[kSector];
  const SectorDay& fast_last = fast.days.back().sectors[kSector];
  EXPECT_GT(slow_last.in_custody, 400);  // nobody has left yet
  EXPECT_EQ(slow.total([](const SectorDay& d) { return d.crowded_releases; }, kSector), 0);
  // At most the threshold plus those in transport, processing or their last hour (a few
  // hours of 50 a day), never the growing stock.
  EXPECT_GE(fast_last.in_custody, 90);
  EXPECT_LE(fast_last.in_custody, 130);
  // Everyone past the threshold went the fast way and has left.
  const auto crowded = fast.total([](const SectorDay& d) { return d.crowded_releases; }, kSector);
  const auto released = fast.total([](const SectorDay& d) { return d.released; }, kSector);
  EXPECT_GT(crowded, 250);
  EXPECT_GE(crowded, released);
  EXPECT_LE(crowded - released, 5);  // decided in the last hour, not out yet
  EXPECT_EQ(fast.days.back().system.states.sum_of_states(), fast.days.back().system.states.entered);
}

TEST(WorldCrowdedRelease, BelowTheThresholdNothingChanges) {
  const ModelSpec without = slow_release_world();
  ModelSpec with = without;
  with.dispositions.crowded_release = CrowdedReleaseSpec{10.0, {60, 0}};  // 1,000: never
  const auto a = run(without);
  const auto b = run(with);
  ASSERT_EQ(a.days.size(), b.days.size());
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    EXPECT_EQ(a.days[i].sectors[kSector].in_custody, b.days[i].sectors[kSector].in_custody);
    EXPECT_EQ(b.days[i].sectors[kSector].crowded_releases, 0);
  }
}

TEST(WorldCrowdedRelease, ArrivalsAreTheSameUnderCommonRandomNumbers) {
  const ModelSpec without = slow_release_world();
  ModelSpec with = without;
  with.dispositions.crowded_release = CrowdedReleaseSpec{1.0, {60, 0}};
  const auto a = run(without);
  const auto b = run(with);
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    EXPECT_EQ(a.days[i].sectors[kSector].encounters, b.days[i].sectors[kSector].encounters);
  }
}

}  // namespace
}  // namespace bf::model
