#pragma once
// Many replications kept whole in memory, for Python's ensemble, sweep and data frames: job
// g = point × replications + replication runs replication `replication` of `points[point]`
// (the CLI's ensemble numbering, ensemble/ensemble_runner.h), on `threads` threads with
// results kept by job index (util/parallel_for.h), so nothing depends on the number of
// threads. Each run keeps its day tables (day_tables.h), and every replication is added to
// one ensemble::EnsembleStatistics in job order, which gives the bands (mean, p5, p50, p95)
// the CLI's ensemble_days.csv prints.
//
// Unlike the CLI's ensemble, nothing is checkpointed and memory grows with the replications
// (days × columns × 8 bytes each): meant for the tens to hundreds of replications a
// notebook plots, not the CLI's millions.

#include <cstdint>
#include <vector>

#include "ensemble/ensemble_statistics.h"
#include "model/model_spec.h"
#include "python/day_tables.h"

namespace bf::python {

struct ReplicationRun {
  int point = 0;
  int replication = 0;
  std::uint64_t fingerprint = 0;
  std::uint64_t events = 0;
  DayTables tables;
};

struct ReplicationRuns {
  std::vector<ReplicationRun> runs;  // in job order: point-major
  ensemble::EnsembleStatistics statistics;
};

// Preconditions: points non-empty, all with the same days; replications >= 1; threads >= 1.
// `sectors`: keep each run's sector_days too. Thread-safe to call; releases nothing itself
// (the caller releases Python's GIL around it).
ReplicationRuns run_replications(const std::vector<const model::ModelSpec*>& points,
                                 int replications, int threads, bool sectors);

}  // namespace bf::python
