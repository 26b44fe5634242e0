// The crossing between ports alone: surrender, apprehension or gotaway, and the wait until
// the encounter.
#include "model/apprehension.h"

#include <gtest/gtest.h>

#include "model/random_purpose.h"

namespace bf::model {
namespace {

engine::RandomStream stream(Purpose p, std::uint64_t entity) {
  return engine::RandomStream(7, 0, static_cast<std::uint8_t>(p), entity);
}

struct Outcomes {
  int surrendered = 0;
  int caught = 0;
  int got_away = 0;
};

// `n` attempts of `u`, told apart by their wait (surrender_wait 60, apprehension delay 600).
Outcomes cross(const Unit& u, const ModelSpec& spec, double apprehension_probability, int n) {
  Outcomes o;
  for (int i = 0; i < n; ++i) {
    const auto e = static_cast<std::uint64_t>(i);
    engine::RandomStream surrender = stream(Purpose::kSurrender, e);
    engine::RandomStream caught = stream(Purpose::kApprehension, e);
    engine::RandomStream delay = stream(Purpose::kEncounterDelay, e);
    const auto wait =
        minutes_to_encounter(u, spec, apprehension_probability, surrender, caught, delay);
    if (!wait) {
      ++o.got_away;
    } else {
      ++(*wait == 60 ? o.surrendered : o.caught);
    }
  }
  return o;
}

ModelSpec fixed_waits() {
  ModelSpec spec;
  spec.apprehension.surrender_wait = {60, 0.0};
  spec.apprehension.delay = {600, 0.0};
  return spec;
}

TEST(Apprehension, EveryoneSurrendersOrIsCaughtWhenBothAreCertain) {
  ModelSpec spec = fixed_waits();
  Unit u;
  u.demographic = Demographic::kFamilyUnitMember;
  spec.arrivals.surrender_probability[index_of(u.demographic)] = 1.0;
  EXPECT_EQ(cross(u, spec, 0.0, 100).surrendered, 100);
  spec.arrivals.surrender_probability[index_of(u.demographic)] = 0.0;
  EXPECT_EQ(cross(u, spec, 1.0, 100).caught, 100);
  EXPECT_EQ(cross(u, spec, 0.0, 100).got_away, 100);
}

TEST(Apprehension, EvadersAreCaughtWithTheDaysProbability) {
  ModelSpec spec = fixed_waits();
  Unit u;  // a single adult
  spec.arrivals.surrender_probability[index_of(u.demographic)] = 0.5;
  const Outcomes o = cross(u, spec, 0.8, 8000);
  EXPECT_NEAR(o.surrendered / 8000.0, 0.5, 0.02);
  EXPECT_NEAR(o.caught / 8000.0, 0.5 * 0.8, 0.02);
  EXPECT_NEAR(o.got_away / 8000.0, 0.5 * 0.2, 0.02);
}

}  // namespace
}  // namespace bf::model
