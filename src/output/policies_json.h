#pragma once
// The scenario's policy levers as JSON, for the resolved scenario a run writes
// (spec_json.h): kind, dates, scope, trigger and every parameter with its unit.

#include <nlohmann/json.hpp>
#include <vector>

#include "model/model_spec.h"

namespace bf::output {

nlohmann::ordered_json policies_to_json(const model::ModelSpec& spec);

}  // namespace bf::output
