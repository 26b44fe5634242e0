// The bed path alone: waiting in custody, admission in order when all of a unit fits, stale
// entries skipped, the transfer into detention or a shelter, and the ORR shelters' day.
#include "model/detention/bed_path.h"

#include <gtest/gtest.h>

#include <vector>

#include "../tiny_world.h"

namespace bf::model {
namespace {

using Handles = std::vector<UnitHandle>;

// A unit of `size` in custody, processed.
UnitHandle in_custody(UnitStore& units, std::uint16_t size) {
  const UnitHandle h = units.allocate();
  units[h].size = size;
  units[h].state = UnitState::kInCustody;
  units[h].step = CustodyStep::kAwaitingRelease;
  return h;
}

engine::RandomStream stream(Purpose p) {
  return engine::RandomStream(7, 0, static_cast<std::uint8_t>(p), 1);
}

ModelSpec spec_with_beds(int detention, int orr) {
  ModelSpec spec = testing::tiny_spec(3);  // fixed durations (cv 0)
  spec.detention.beds = detention;
  spec.orr.beds = orr;
  return spec;
}

TEST(BedPath, AUnitWaitsInCustodyUntilAllItsMembersFit) {
  const ModelSpec spec = spec_with_beds(5, 0);
  BedPath path(spec);
  UnitStore units;
  const UnitHandle family = in_custody(units, 4);
  const UnitHandle pair = in_custody(units, 2);
  const UnitHandle adult = in_custody(units, 1);
  EXPECT_EQ(path.wait(Facility::kIceDetention, units, family, 100), (Handles{family}));
  EXPECT_EQ(units[family].step, CustodyStep::kTransferring);
  EXPECT_EQ(path.wait(Facility::kIceDetention, units, pair, 200), Handles{});
  EXPECT_EQ(units[pair].step, CustodyStep::kAwaitingBed);
  EXPECT_EQ(units[pair].step_start, 200);
  // First come, first served: the adult would fit but waits behind the pair.
  EXPECT_EQ(path.wait(Facility::kIceDetention, units, adult, 300), Handles{});
  EXPECT_TRUE(BedPath::waiting(Facility::kIceDetention, units, adult));
  EXPECT_EQ(path.detention().beds().occupied(), 4);

  path.detention().release(4);
  EXPECT_EQ(path.admit(Facility::kIceDetention, units), (Handles{pair, adult}));
  EXPECT_EQ(units[adult].step, CustodyStep::kTransferring);
  EXPECT_FALSE(BedPath::waiting(Facility::kIceDetention, units, adult));
  EXPECT_EQ(path.detention().beds().occupied(), 3);
}

TEST(BedPath, EntriesThatStoppedWaitingAreSkipped) {
  const ModelSpec spec = spec_with_beds(1, 0);
  BedPath path(spec);
  UnitStore units;
  const UnitHandle first = in_custody(units, 1);
  const UnitHandle released = in_custody(units, 1);
  const UnitHandle gone = in_custody(units, 1);
  const UnitHandle last = in_custody(units, 1);
  for (UnitHandle h : {first, released, gone, last}) {
    path.wait(Facility::kIceDetention, units, h, 0);
  }
  units[released].step = CustodyStep::kAwaitingRelease;  // the wait ran out
  units.release(gone);                                   // left the model; slot may be reused
  EXPECT_FALSE(BedPath::waiting(Facility::kIceDetention, units, gone));
  // A unit waiting for the other facility's bed is not waiting for this one.
  EXPECT_FALSE(BedPath::waiting(Facility::kOrrShelter, units, last));
  path.detention().release(1);
  EXPECT_EQ(path.admit(Facility::kIceDetention, units), (Handles{last}));
}

TEST(BedPath, ChildrenWaitForShelterBeds) {
  const ModelSpec spec = spec_with_beds(0, 2);
  BedPath path(spec);
  UnitStore units;
  const UnitHandle a = in_custody(units, 1);
  const UnitHandle b = in_custody(units, 1);
  const UnitHandle c = in_custody(units, 1);
  EXPECT_EQ(path.wait(Facility::kOrrShelter, units, a, 0), (Handles{a}));
  EXPECT_EQ(path.wait(Facility::kOrrShelter, units, b, 0), (Handles{b}));
  EXPECT_EQ(path.wait(Facility::kOrrShelter, units, c, 0), Handles{});
  EXPECT_EQ(units[c].step, CustodyStep::kAwaitingOrrBed);
  EXPECT_EQ(path.detention().beds().occupied(), 0);
  path.orr().release(1);  // a child released to a sponsor
  EXPECT_EQ(path.orr().releases_today(), 1);
  EXPECT_EQ(path.admit(Facility::kOrrShelter, units), (Handles{c}));
  path.end_day();
  EXPECT_EQ(path.orr().releases_today(), 0);
  EXPECT_EQ(path.orr().beds().occupied(), 2);  // stocks stay
}

TEST(BedPath, TransferDelaysAndStaysAreEachFacilitysOwn) {
  ModelSpec spec = spec_with_beds(10, 10);
  spec.dispositions.ice_transfer_delay.mean = 300;
  spec.orr.transfer_delay.mean = 500;
  spec.detention.length_of_stay.mean = 20 * engine::kMinutesPerDay;
  spec.orr.length_of_stay.mean = 40 * engine::kMinutesPerDay;
  BedPath path(spec);
  auto delay = stream(Purpose::kDispositionDelay);
  EXPECT_EQ(path.draw_transfer_delay(Facility::kIceDetention, delay), 300);
  EXPECT_EQ(path.draw_transfer_delay(Facility::kOrrShelter, delay), 500);

  auto stay = stream(BedPath::stay_purpose(Facility::kIceDetention));
  EXPECT_EQ(path.transfer_in(Facility::kIceDetention, 3, stay), 20 * engine::kMinutesPerDay);
  EXPECT_EQ(path.detention().today().book_ins, 3);
  auto orr_stay = stream(BedPath::stay_purpose(Facility::kOrrShelter));
  EXPECT_EQ(path.transfer_in(Facility::kOrrShelter, 1, orr_stay), 40 * engine::kMinutesPerDay);
  EXPECT_EQ(path.detention().today().book_ins, 3);  // no ICE book-in for a child

  EXPECT_EQ(BedPath::held_in(Facility::kIceDetention), UnitState::kInDetention);
  EXPECT_EQ(BedPath::held_in(Facility::kOrrShelter), UnitState::kInOrr);
  EXPECT_EQ(BedPath::transferred(Facility::kOrrShelter), &SectorDay::transferred_to_orr);
  EXPECT_EQ(BedPath::stay_purpose(Facility::kIceDetention), Purpose::kDetention);
  EXPECT_EQ(BedPath::stay_purpose(Facility::kOrrShelter), Purpose::kOrrStay);
}

}  // namespace
}  // namespace bf::model
