#pragma once
// A pool of beds (ICE detention, ORR shelters) with a FIFO waiting list of units. Beds are
// counted in people: a unit takes as many beds as it has members. A unit is admitted only
// when all its members fit (no splitting of families).

#include <cstdint>
#include <deque>

#include "model/unit.h"

namespace bf::model {

class BedPool {
 public:
  explicit BedPool(std::int64_t beds) : beds_(beds) {}

  std::int64_t beds() const { return beds_; }
  std::int64_t occupied() const { return occupied_; }
  bool fits(std::int64_t people) const { return occupied_ + people <= beds_; }

  // Beds added or removed (a policy): people already in a removed bed stay until they leave;
  // nobody is admitted until occupancy is below the new count.
  void set_beds(std::int64_t beds) { beds_ = beds; }

  void occupy(std::int64_t people) { occupied_ += people; }
  void vacate(std::int64_t people) { occupied_ -= people; }

  // The waiting list may hold stale handles (units that gave up waiting); the caller skips
  // them when it admits (UnitStore::is_live plus the unit's step).
  std::deque<UnitHandle>& waiting() { return waiting_; }

 private:
  std::int64_t beds_;
  std::int64_t occupied_ = 0;
  std::deque<UnitHandle> waiting_;
};

}  // namespace bf::model
