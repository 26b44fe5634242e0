#pragma once
// The resolved scenario as JSON: every parameter the run used, after defaults and
// overrides, so a result folder documents itself. The arrival table is summarised (rows
// and the sources' hashes are in summary.json), not copied.

#include <nlohmann/json.hpp>

#include "model/model_spec.h"

namespace bf::output {

nlohmann::ordered_json spec_to_json(const model::ModelSpec& spec);

}  // namespace bf::output
