#pragma once
// Who is already in the system on the first morning (docs/model.md, "Initial state"): people
// in ICE detention and ORR shelters part-way through their stay, people in Border Patrol
// custody already processed, and people waiting in Mexican border cities who cross over the
// first days. A pure function of the spec, the arrival table and the replication; the World
// places the units in this order (the order is part of the event sequence).

#include <cstdint>
#include <vector>

#include "engine/sim_time.h"
#include "model/arrival_generator.h"
#include "model/model_spec.h"

namespace bf::model {

struct InitialUnit {
  enum class Where : std::uint8_t { kInDetention, kInOrr, kInCustody, kWaitingInMexico };
  Where where = Where::kWaitingInMexico;
  std::uint64_t identity = 0;  // stable identity for random streams
  int sector = 0;              // 0 for detention and ORR (national)
  int cell = 0;                // population cell
  std::uint16_t size = 1;      // people
  // Minutes: kInDetention, kInOrr: when the stay ends; kInCustody: when custody began (<= 0);
  // kWaitingInMexico: when the unit crosses.
  engine::SimTime time = 0;
};

// Detention first, then ORR, then per sector the people in custody and those waiting:
// the beds are full before anyone in custody asks for one.
std::vector<InitialUnit> initial_state(const ModelSpec& spec, const ArrivalGenerator& arrivals,
                                       std::uint32_t replication);

}  // namespace bf::model
