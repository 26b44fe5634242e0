#pragma once
// A unit is what moves through the model together: one person, or a family group processed
// together (CBP processes family units as one case). Units live in a slab whose slots are
// recycled, so memory is bounded by the people in the system at once, not by the horizon.

#include <cstdint>
#include <vector>

#include "engine/sim_time.h"
#include "model/population.h"

namespace bf::model {

using engine::SimTime;

// Where a unit is. Each maps onto one StateCounts field (see day_report.h).
enum class UnitState : std::uint8_t {
  kFree,             // slab slot not in use
  kWaitingInMexico,  // scheduled to cross (initial state or a returned person trying again)
  kCrossing,         // crossed, not yet encountered
  kInCustody,        // Border Patrol custody (transport, queue, processing, awaiting disposition)
  kInDetention,      // ICE detention
  kInOrr,            // ORR shelter
};

// What a unit in custody is waiting for, once processed.
enum class CustodyStep : std::uint8_t {
  kToFacility,
  kAwaitingProcessing,
  kInProcessing,
  kAwaitingReturn,
  kAwaitingBed,  // expedited removal: waiting for an ICE bed
  kAwaitingOrrBed,
  kTransferring,  // bed assigned, transfer under way
  kAwaitingRelease,
  kAwaitingIceTransfer,  // outcome mix: to be handed to ICE after the transfer delay
};

struct Unit {
  std::uint64_t identity = 0;    // stable identity for random streams (see world.cc)
  SimTime custody_start = 0;     // minutes; when the current custody began
  SimTime step_start = 0;        // minutes; when the current waiting step began
  std::uint32_t generation = 0;  // bumped when the slot is recycled (stale-handle check)
  std::uint16_t size = 1;        // people in the unit
  std::uint8_t station = 0;  // custody station: a sector (0..8), or kSectorCount + crossing index
  std::uint8_t attempt = 0;  // 0 = first crossing, 1 = first repeat, ...
  Demographic demographic = Demographic::kSingleAdult;
  Citizenship citizenship = Citizenship::kOther;
  UnitState state = UnitState::kFree;
  CustodyStep step = CustodyStep::kToFacility;
  bool appointment = false;  // presented at a port with an appointment
  bool title42 = false;      // this attempt is expelled under Title 42 (decided at encounter)
  // This attempt waits in custody for an ICE bed however long it takes (ending
  // catch-and-release): no release when dispositions.max_wait_for_bed has passed.
  bool hold_for_bed = false;
  // The policy (index into ModelSpec::policies) that routed this attempt: an entry
  // suspension (its fear screening applies in detention) or Remain in Mexico; -1 none.
  std::int8_t policy = -1;
};

// Handle = generation (high 32 bits) | slot (low 32 bits): an event or queue entry that
// outlives its unit is recognised as stale instead of touching the slot's next occupant.
using UnitHandle = std::uint64_t;

class UnitStore {
 public:
  UnitHandle allocate() {
    std::uint32_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
      // A reused slot starts as a new unit: nothing of its previous occupant may leak into it
      // (a port appointment kept on a reused slot once paroled Border Patrol arrivals).
      const std::uint32_t generation = units_[slot].generation;
      units_[slot] = Unit{};
      units_[slot].generation = generation;
    } else {
      slot = static_cast<std::uint32_t>(units_.size());
      units_.emplace_back();
    }
    return (std::uint64_t{units_[slot].generation} << 32) | slot;
  }

  void release(UnitHandle h) {
    Unit& u = units_[slot_of(h)];
    u.state = UnitState::kFree;
    ++u.generation;
    free_.push_back(slot_of(h));
  }

  bool is_live(UnitHandle h) const {
    const Unit& u = units_[slot_of(h)];
    return u.state != UnitState::kFree && u.generation == static_cast<std::uint32_t>(h >> 32);
  }

  Unit& operator[](UnitHandle h) { return units_[slot_of(h)]; }
  const Unit& operator[](UnitHandle h) const { return units_[slot_of(h)]; }

  // All slots, live or free, for end-of-day scans.
  const std::vector<Unit>& slots() const { return units_; }
  std::size_t live() const { return units_.size() - free_.size(); }

 private:
  static std::uint32_t slot_of(UnitHandle h) { return static_cast<std::uint32_t>(h); }
  std::vector<Unit> units_;
  std::vector<std::uint32_t> free_;
};

}  // namespace bf::model
