#pragma once
// The days each triggered policy was in force, per scenario of a comparison: a trigger's own
// output (docs/model.md, "Triggers"), which the paired metrics do not show. Policies without
// a trigger are in force on their dates in every replication and are left out.

#include <string>
#include <vector>

#include "compare/replication_metrics.h"
#include "model/model_spec.h"

namespace bf::compare {

// For scenario `letter` ('A' or 'B'), one line per policy of `spec` with a trigger: its name,
// the mean days in force over `runs` (ReplicationMetrics::policy_days), the fewest and the
// most, of the run's days. Empty when no policy of `spec` has a trigger. Every line ends in
// '\n'.
std::string policy_days_text(char letter, const model::ModelSpec& spec,
                             const std::vector<ReplicationMetrics>& runs);

}  // namespace bf::compare
