#pragma once
// The purposes that key the model's random streams (engine::RandomStream). Each decision
// draws from its own stream, keyed by the entity it concerns, so changing how one decision
// is made (or a policy that skips it) never shifts the numbers any other decision sees:
// the same seed gives the same arrivals under two policies (common random numbers).
// Values are part of the results: never renumber, only append.

#include <cstdint>

namespace bf::model {

enum class Purpose : std::uint8_t {
  // Drawn before a world is built, by the commands that sample a scenario's uncertain
  // parameters (compare/parameter_sampling.h). Such purposes count down from 255, away from
  // the model's own. entity: FNV-1a hash of the parameter's path.
  kParameterSample = 255,
  kDayShock = 1,           // entity: sector-day
  kArrivalCount = 2,       // entity: sector-day-cell
  kArrivalDetail = 3,      // entity: unit (crossing minute, family size)
  kSurrender = 4,          // entity: unit attempt
  kApprehension = 5,       // entity: unit attempt
  kEncounterDelay = 6,     // entity: unit attempt
  kTransport = 7,          // entity: unit attempt
  kService = 8,            // entity: unit attempt
  kDisposition = 9,        // entity: unit attempt
  kDispositionDelay = 10,  // entity: unit attempt (release, ICE or ORR transfer delay)
  kDetention = 11,         // entity: unit attempt (length of stay, credible fear)
  kRecross = 12,           // entity: unit attempt
  kInitialState = 13,      // entity: initial-population slot
  kCredibleFear = 14,      // entity: unit attempt
  kOrrStay = 15,           // entity: unit attempt
  kTraffic = 16,           // entity: crossing-day
  kPortPeople = 17,        // entity: crossing-day (count) or person at a port
  kTitle42 = 18,           // entity: unit attempt (expelled under Title 42 or not)
  kIceBookIn = 19,         // entity: unit attempt (booked into detention by ICE or released)
};

}  // namespace bf::model
