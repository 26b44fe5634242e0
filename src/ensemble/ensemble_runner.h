#pragma once
// Runs the replications of an ensemble on the threads of every rank, with checkpoints, and
// brings the statistics to rank 0.
//
// Work split: job g = point * replications + replication, for every sweep point; rank r runs
// the jobs with g % ranks == r that no checkpoint holds, its threads taking the next job as
// they free up. Replication k of every sweep point uses the same random streams (common
// random numbers), so points differ only by their parameters. Statistics are exact integer
// sums and counts (ensemble_statistics.h), merged in rank order; the result is the same bytes
// for any number of threads and ranks and any completion order.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ensemble/communicator.h"
#include "ensemble/ensemble_statistics.h"
#include "model/model_spec.h"

namespace bf::ensemble {

struct EnsembleOptions {
  std::vector<const model::ModelSpec*> points;  // one per sweep point (same start and days)
  int replications = 1;                         // per point, >= 1
  int threads = 1;                              // worker threads per rank, >= 1
  std::filesystem::path checkpoint_folder;      // see checkpoint_store.h
  std::string run_key;                          // identifies the run in its checkpoint
  bool resume = false;                          // continue the checkpoint in the folder
  bool progress = false;                        // progress bar on stderr (rank 0 only)
};

struct EnsembleOutcome {
  EnsembleStatistics statistics;  // every replication of every point
  std::size_t resumed = 0;        // replications taken from the checkpoint
};

// Collective: every rank calls it. Returns the outcome on rank 0, nullopt elsewhere. Throws
// CheckpointError (bad input; on every rank) or std::runtime_error (a failure on any rank;
// on rank 0).
std::optional<EnsembleOutcome> run_ensemble(const EnsembleOptions& options,
                                            const Communicator& comm);

}  // namespace bf::ensemble
