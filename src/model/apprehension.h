#pragma once
// What happens to someone crossing between ports of entry (docs/model.md, "Crossing,
// surrender, apprehension, gotaways"): a pure function of the unit, the spec, the day's
// apprehension probability of its sector and the unit attempt's streams.

#include <optional>

#include "engine/random_stream.h"
#include "engine/sim_time.h"
#include "model/model_spec.h"
#include "model/unit.h"

namespace bf::model {

// Minutes from crossing to the encounter, or nullopt for a gotaway. The unit surrenders to
// Border Patrol with its demographic's surrender_probability (one draw from
// `surrender_stream`; encountered after apprehension.surrender_wait); otherwise it evades
// and is caught with `apprehension_probability` (one draw from `apprehension_stream`;
// encountered after apprehension.delay). The wait is drawn from `delay_stream` (the
// attempt's Purpose::kEncounterDelay) only when there is an encounter.
std::optional<engine::SimTime> minutes_to_encounter(const Unit& u, const ModelSpec& spec,
                                                    double apprehension_probability,
                                                    engine::RandomStream& surrender_stream,
                                                    engine::RandomStream& apprehension_stream,
                                                    engine::RandomStream& delay_stream);

}  // namespace bf::model
