// The population ledger alone: moves keep every person counted exactly once.
#include "model/population_ledger.h"

#include <gtest/gtest.h>

namespace bf::model {
namespace {

TEST(PopulationLedger, MovesAndExitsConserveThePeopleWhoEntered) {
  PopulationLedger ledger;
  Unit family;
  family.size = 4;
  Unit adult;
  ledger.enter(family);
  ledger.enter(adult);
  EXPECT_EQ(family.state, UnitState::kWaitingInMexico);
  EXPECT_EQ(ledger.counts().waiting_in_mexico, 5);
  ledger.move(family, UnitState::kCrossing);
  ledger.move(family, UnitState::kInCustody);
  ledger.move(adult, UnitState::kCrossing);
  ledger.exit(adult, Exit::kGotAway);
  EXPECT_EQ(family.state, UnitState::kInCustody);
  const StateCounts& c = ledger.counts();
  EXPECT_EQ(c.entered, 5);
  EXPECT_EQ(c.in_custody, 4);
  EXPECT_EQ(c.crossing, 0);
  EXPECT_EQ(c.got_away, 1);
  EXPECT_EQ(c.sum_of_states(), c.entered);
  ledger.move(family, UnitState::kInDetention);
  ledger.exit(family, Exit::kRemoved);
  EXPECT_EQ(ledger.counts().removed, 4);
  EXPECT_EQ(ledger.counts().in_detention, 0);
  EXPECT_EQ(ledger.counts().sum_of_states(), 5);
}

}  // namespace
}  // namespace bf::model
