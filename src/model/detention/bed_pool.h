#pragma once
// A pool of beds (ICE detention, ORR shelters) with its FIFO waiting list of units. Beds are
// counted in people: a unit takes as many beds as it has members, and is admitted only when
// all its members fit (no splitting of families). The pool owns its waiting list: callers
// add to it and are handed back the units it admits.

#include <cstdint>
#include <deque>
#include <vector>

#include "model/unit.h"

namespace bf::model {

class BedPool {
 public:
  explicit BedPool(std::int64_t beds) : beds_(beds) {}

  std::int64_t beds() const { return beds_; }
  std::int64_t occupied() const { return occupied_; }
  bool fits(std::int64_t people) const { return occupied_ + people <= beds_; }
  // Entries on the waiting list, including stale ones not yet skipped.
  std::size_t waiting() const { return waiting_.size(); }

  // Beds added or removed (a policy): people already in a removed bed stay until they leave;
  // nobody is admitted until occupancy is below the new count. Call admit() afterwards.
  void set_beds(std::int64_t beds) { beds_ = beds; }

  // Beds taken without the waiting list (the initial state).
  void occupy(std::int64_t people) { occupied_ += people; }
  // Beds freed; call admit() afterwards (once, after several releases, is the same).
  void vacate(std::int64_t people) { occupied_ -= people; }

  // A unit joins the end of the waiting list.
  void wait(UnitHandle h) { waiting_.push_back(h); }

  // Admits waiting units in order while the first one still waiting fits, occupying their
  // beds; returns them in order of admission. `people_if_waiting(h)` gives the people of a
  // unit still waiting, or 0 for an entry that stopped waiting (it gave up or left): such
  // entries are dropped.
  template <class PeopleIfWaiting>
  std::vector<UnitHandle> admit(PeopleIfWaiting&& people_if_waiting) {
    std::vector<UnitHandle> admitted;
    while (!waiting_.empty()) {
      const UnitHandle h = waiting_.front();
      const std::int64_t people = people_if_waiting(h);
      if (people <= 0) {
        waiting_.pop_front();
        continue;
      }
      if (!fits(people)) break;
      waiting_.pop_front();
      occupy(people);
      admitted.push_back(h);
    }
    return admitted;
  }

 private:
  std::int64_t beds_;
  std::int64_t occupied_ = 0;
  std::deque<UnitHandle> waiting_;
};

}  // namespace bf::model
