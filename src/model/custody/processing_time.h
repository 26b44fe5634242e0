#pragma once
// How long a processing agent (or officer) takes over a unit: a pure function of the unit,
// the processing settings and the unit attempt's Purpose::kService stream.

#include "engine/random_stream.h"
#include "engine/sim_time.h"
#include "model/model_spec.h"
#include "model/unit.h"

namespace bf::model {

// Minutes of processing of `u`: a Title 42 expulsion is a short form
// (title42_service_time), anyone else a Title 8 case of their demographic (service_time). A
// family is one case: the mean adds up over its members, the cv stays. At least 1 minute.
engine::SimTime draw_processing_time(const Unit& u, const ProcessingSpec& processing,
                                     engine::RandomStream& service_stream);

}  // namespace bf::model
