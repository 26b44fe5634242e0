#pragma once
// The `policies` section of a scenario: a map from a policy's name to its kind, dates,
// scope, optional trigger and parameters (docs/scenario-format.md, "policies"). A map, not a
// list, so a scenario that extends another can override one policy, or one of its
// parameters, by name.

#include <optional>
#include <vector>

#include "model/policy_spec.h"
#include "model/port_spec.h"
#include "scenario/arrival_table.h"
#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {

// Most policies a scenario may declare (a unit records the policy that routed it in a byte).
inline constexpr int kMaxPolicies = 100;

// Reads `node` (null: no policies) against the crossings already read. Every problem goes
// to `sink` with its location; `out` receives the valid policies in declaration order.
void read_policies(const YamlNode* node, const std::optional<Horizon>& horizon,
                   const model::PortsSpec& ports, DiagnosticSink& sink,
                   std::vector<model::PolicySpec>& out);

}  // namespace bf::scenario
