// The release path: crowded only with the scenario's rule, at or above its occupancy.
#include "model/disposition/release_delay.h"

#include <gtest/gtest.h>

namespace bf::model {
namespace {

DispositionSpec with_crowded_release(double occupancy) {
  DispositionSpec spec;
  spec.release_delay = {600, 0.5};
  spec.crowded_release = CrowdedReleaseSpec{occupancy, {120, 0.2}};
  return spec;
}

TEST(ReleaseDelay, WithoutTheRuleNeverCrowded) {
  const DispositionSpec spec;
  EXPECT_FALSE(release_path_crowded(spec, 1'000'000, 10));
  EXPECT_EQ(&release_delay(spec, false), &spec.release_delay);
}

TEST(ReleaseDelay, CrowdedFromTheThresholdOn) {
  const DispositionSpec spec = with_crowded_release(1.25);
  EXPECT_FALSE(release_path_crowded(spec, 1249, 1000));
  EXPECT_TRUE(release_path_crowded(spec, 1250, 1000));  // at the threshold
  EXPECT_TRUE(release_path_crowded(spec, 5000, 1000));
}

TEST(ReleaseDelay, AStationWithoutHoldingCapacityIsNeverCrowded) {
  // Ports report no holding capacity: their releases keep release_delay.
  EXPECT_FALSE(release_path_crowded(with_crowded_release(0.5), 100, 0));
}

TEST(ReleaseDelay, EachPathHasItsOwnDistribution) {
  const DispositionSpec spec = with_crowded_release(1.0);
  EXPECT_EQ(release_delay(spec, false).mean, 600);
  EXPECT_EQ(release_delay(spec, true).mean, 120);
  EXPECT_DOUBLE_EQ(release_delay(spec, true).cv, 0.2);
}

}  // namespace
}  // namespace bf::model
