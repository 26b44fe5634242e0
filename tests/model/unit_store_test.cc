// UnitStore: handles, stale-handle detection, and slots that start clean when reused.
#include <gtest/gtest.h>

#include "model/unit.h"

namespace bf::model {
namespace {

TEST(UnitStore, ReleasedHandleIsStaleAndItsSlotIsReused) {
  UnitStore store;
  const UnitHandle first = store.allocate();
  store[first].state = UnitState::kInCustody;
  store.release(first);
  EXPECT_FALSE(store.is_live(first));
  const UnitHandle second = store.allocate();
  EXPECT_NE(second, first);                              // new generation ...
  EXPECT_EQ(second & 0xffffffffu, first & 0xffffffffu);  // ... same slot
}

// Regression: a port appointment holder's slot, reused for a Border Patrol arrival, kept
// `appointment = true`, so the arrival was paroled instead of returned or detained.
TEST(UnitStore, ReusedSlotStartsAsANewUnit) {
  UnitStore store;
  const UnitHandle port = store.allocate();
  Unit& u = store[port];
  u.state = UnitState::kInCustody;
  u.appointment = true;
  u.attempt = 3;
  u.size = 4;
  u.custody_start = 12345;
  store.release(port);
  const UnitHandle next = store.allocate();
  const Unit& fresh = store[next];
  const Unit blank{};
  EXPECT_FALSE(fresh.appointment);
  EXPECT_EQ(fresh.attempt, blank.attempt);
  EXPECT_EQ(fresh.size, blank.size);
  EXPECT_EQ(fresh.custody_start, blank.custody_start);
  EXPECT_EQ(fresh.generation, static_cast<std::uint32_t>(next >> 32));
}

}  // namespace
}  // namespace bf::model
