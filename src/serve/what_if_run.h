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

// Simulates `replications` replications of `spec` on `threads` threads. The result is indexed
// by replication and does not depend on `threads`. Throws what model::World throws.
SideRuns simulate_side(const model::ModelSpec& spec, int replications, int threads);

}  // namespace bf::serve
