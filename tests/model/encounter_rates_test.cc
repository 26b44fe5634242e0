#include "model/encounter_rates.h"

#include <gtest/gtest.h>

#include "tiny_world.h"

namespace bf::model {
namespace {

TEST(EncounterRates, ApprehensionSaturatesInAgents) {
  ApprehensionSpec a;
  a.max_probability = 0.8;
  SectorSpec s;
  s.half_saturation_agents = 100;
  s.agents_on_patrol = 100;
  EXPECT_DOUBLE_EQ(apprehension_probability(a, s), 0.4);
  s.agents_on_patrol = 300;
  EXPECT_DOUBLE_EQ(apprehension_probability(a, s), 0.6);
  s.agents_on_patrol = 0;
  EXPECT_DOUBLE_EQ(apprehension_probability(a, s), 0.0);
}

TEST(EncounterRates, RepeatsRaiseEncountersPerCrosser) {
  ModelSpec spec = testing::tiny_spec(1);
  spec.arrivals.surrender_probability[0] = 0.5;
  spec.apprehension.max_probability = 0.8;
  spec.sectors[0].agents_on_patrol = 100;
  spec.sectors[0].half_saturation_agents = 100;
  spec.recrossing.probability = {0.5, 0.2, 0.2, 0.2, 0.2};
  // f = 0.5 + 0.5 · 0.4 = 0.7
  EXPECT_DOUBLE_EQ(encounter_probability(spec, 0, Demographic::kSingleAdult), 0.7);
  // Non-Mexicans are not returned: one attempt.
  EXPECT_DOUBLE_EQ(
      encounters_per_new_crosser(spec, 0, Demographic::kSingleAdult, Citizenship::kHonduras), 0.7);
  // Mexicans: f / (1 - f · 1 · 0.5)
  EXPECT_DOUBLE_EQ(
      encounters_per_new_crosser(spec, 0, Demographic::kSingleAdult, Citizenship::kMexico),
      0.7 / (1 - 0.35));
}

}  // namespace
}  // namespace bf::model
