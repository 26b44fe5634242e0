#pragma once
// How long a released person still waits in Border Patrol custody after processing
// (docs/model.md, "Dispositions: release when crowded"). A pure choice of distribution; the
// World draws from it with the unit's disposition-delay stream, so the number of draws is the
// same on either path and common random numbers hold.

#include <cstdint>

#include "model/model_spec.h"

namespace bf::model {

// True when the scenario has a crowded release path and the station's custody (people, the
// unit itself included) is at least its occupancy × the holding capacity in force. A station
// without holding capacity (a port) is never crowded.
inline bool release_path_crowded(const DispositionSpec& spec, std::int64_t in_custody,
                                 std::int64_t holding_capacity) {
  const auto& crowded = spec.crowded_release;
  return crowded && holding_capacity > 0 &&
         static_cast<double>(in_custody) >=
             crowded->occupancy * static_cast<double>(holding_capacity);
}

// The release delay's distribution on the path `crowded` says.
inline const DurationSpec& release_delay(const DispositionSpec& spec, bool crowded) {
  return crowded ? spec.crowded_release->delay : spec.release_delay;
}

}  // namespace bf::model
