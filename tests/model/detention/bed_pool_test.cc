// The bed pool and its waiting list alone.
#include "model/detention/bed_pool.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace bf::model {
namespace {

using Handles = std::vector<UnitHandle>;

// People per waiting unit; a unit missing from the map stopped waiting (a stale entry).
struct Waiting {
  std::map<UnitHandle, std::int64_t> people;
  std::int64_t operator()(UnitHandle h) const {
    const auto it = people.find(h);
    return it == people.end() ? 0 : it->second;
  }
};

TEST(BedPool, AdmitsInOrderWhileTheFirstFitsAndNeverSplitsAUnit) {
  BedPool pool(5);
  Waiting w{{{1, 2}, {2, 4}, {3, 1}}};
  for (UnitHandle h : {1, 2, 3}) pool.wait(h);
  // 1 (2 people) fits; 2 (4 people) does not fit in the 3 left: 3 waits behind it (FIFO).
  EXPECT_EQ(pool.admit(w), (Handles{1}));
  EXPECT_EQ(pool.occupied(), 2);
  EXPECT_EQ(pool.waiting(), 2U);
  pool.vacate(2);
  EXPECT_EQ(pool.admit(w), (Handles{2, 3}));
  EXPECT_EQ(pool.occupied(), 5);
  EXPECT_FALSE(pool.fits(1));
  EXPECT_EQ(pool.waiting(), 0U);
}

TEST(BedPool, SkipsEntriesThatStoppedWaiting) {
  BedPool pool(1);
  pool.occupy(1);
  Waiting w{{{1, 1}, {2, 1}, {3, 1}}};
  for (UnitHandle h : {1, 2, 3}) pool.wait(h);
  EXPECT_TRUE(pool.admit(w).empty());
  w.people.erase(1);  // gave up waiting
  w.people.erase(2);
  pool.vacate(1);
  EXPECT_EQ(pool.admit(w), (Handles{3}));
  EXPECT_EQ(pool.waiting(), 0U);
}

TEST(BedPool, BedsChangingAdmitsOrHoldsBack) {
  BedPool pool(2);
  Waiting w{{{1, 2}, {2, 2}}};
  pool.wait(1);
  pool.wait(2);
  EXPECT_EQ(pool.admit(w), (Handles{1}));
  pool.set_beds(4);  // beds added
  EXPECT_EQ(pool.admit(w), (Handles{2}));
  pool.set_beds(1);  // beds removed: people stay, nobody is admitted until below the count
  EXPECT_EQ(pool.occupied(), 4);
  pool.wait(3);
  w.people[3] = 1;
  pool.vacate(2);
  EXPECT_TRUE(pool.admit(w).empty());
  pool.vacate(2);
  EXPECT_EQ(pool.admit(w), (Handles{3}));
}

}  // namespace
}  // namespace bf::model
