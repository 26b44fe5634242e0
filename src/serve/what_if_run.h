#pragma once
// One side of a what-if (the baseline or the changed scenario): replications 0 .. n − 1 of a
// spec, each observed for the compare metrics (compare/replication_metrics.h) and the page's
// daily series (day_series.h). Two sides run with the same seed share their random streams
// replication by replication (common random numbers), so their paired differences measure
// the change, not the noise.

#include <vector>

#include "compare/replication_metrics.h"
#include "model/model_spec.h"
#include "serve/day_series.h"

namespace bf::serve {

struct SideRuns {
  std::vector<compare::ReplicationMetrics> metrics;  // by replication
  std::vector<DaySeries> series;                     // by replication
};

// Simulates replications `first` .. `first` + `count` − 1 of `spec` on `threads` threads and
// appends them to `runs` (which must hold replications 0 .. first − 1). The result does not
// depend on `threads`. Throws what model::World throws (and then leaves `runs` as it was).
void simulate_side(const model::ModelSpec& spec, int first, int count, int threads, SideRuns& runs);

}  // namespace bf::serve
