#pragma once
// Where every person who ever entered the model is (StateCounts, day_report.h), kept by the
// one place that moves units between states: the counts cannot drift from the units' states.

#include <cstdint>

#include "model/day_report.h"
#include "model/unit.h"

namespace bf::model {

// The terminal states: a unit leaving the model is counted here and its slot freed.
enum class Exit : std::uint8_t {
  kGotAway,   // evaded Border Patrol
  kInMexico,  // returned and not trying again
  kReleased,  // released into the US (Border Patrol, ICE or ORR)
  kRemoved,   // removed by flight
};

class PopulationLedger {
 public:
  // A new unit enters the model, waiting in Mexico to cross.
  void enter(Unit& u) {
    u.state = UnitState::kWaitingInMexico;
    counts_.entered += u.size;
    counts_.waiting_in_mexico += u.size;
  }
  // Moves `u` from its current state to `to` (both live states).
  void move(Unit& u, UnitState to) {
    counts_.*field(u.state) -= u.size;
    counts_.*field(to) += u.size;
    u.state = to;
  }
  // `u` leaves the model from its current state; the caller frees its slot.
  void exit(const Unit& u, Exit where) {
    counts_.*field(u.state) -= u.size;
    counts_.*field(where) += u.size;
  }
  const StateCounts& counts() const { return counts_; }

 private:
  static std::int64_t StateCounts::*field(UnitState s) {
    switch (s) {
      case UnitState::kFree:  // never counted; a precondition violation
      case UnitState::kWaitingInMexico:
        return &StateCounts::waiting_in_mexico;
      case UnitState::kCrossing:
        return &StateCounts::crossing;
      case UnitState::kInCustody:
        return &StateCounts::in_custody;
      case UnitState::kInDetention:
        return &StateCounts::in_detention;
      case UnitState::kInOrr:
        return &StateCounts::in_orr;
    }
    return &StateCounts::waiting_in_mexico;
  }
  static std::int64_t StateCounts::*field(Exit e) {
    switch (e) {
      case Exit::kGotAway:
        return &StateCounts::got_away;
      case Exit::kInMexico:
        return &StateCounts::in_mexico;
      case Exit::kReleased:
        return &StateCounts::released;
      case Exit::kRemoved:
        return &StateCounts::removed;
    }
    return &StateCounts::released;
  }

  StateCounts counts_;
};

}  // namespace bf::model
