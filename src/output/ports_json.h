#pragma once
// The `ports` part of scenario.json: the resolved crossings, timeline and parameters of a
// run's ports of entry (output/spec_json.h writes the rest).

#include <nlohmann/json.hpp>

#include "model/port_spec.h"

namespace bf::output {

// {} members in a fixed order; "crossings" is empty for a run without ports.
nlohmann::ordered_json ports_to_json(const model::PortsSpec& ports);

}  // namespace bf::output
