#pragma once
// Durable per-replication checkpoints of an ensemble, in the folder `<out>.checkpoint` beside
// the result folder:
//   run-key                 what run this is (hash of version, resolved specs, replications);
//                           a resume of a different run is refused
//   shard-g<G>-r<R>-w<W>    everything worker W of rank R finished in generation G (the G-th
//                           start of this run): its EnsembleStatistics after a line with their
//                           SHA-256, rewritten atomically (temporary file, fsync, rename, fsync
//                           of the folder) after each replication it finishes. A shard whose
//                           checksum does not match is refused: --resume stops before running.
// After kill -9, every replication whose shard rename happened is kept and the others are
// run again; a replication is in at most one shard (a resumed run only runs the replications
// no shard holds, in a new generation), so nothing is lost and nothing is counted twice.
// Several ranks of an MPI job write to the same folder (a shared filesystem on a cluster);
// only rank 0 reads it. The folder is removed once the results are committed.

#include <filesystem>
#include <stdexcept>
#include <string>

#include "ensemble/ensemble_statistics.h"

namespace bf::ensemble {

// A checkpoint that cannot be used (absent on --resume, of another run, damaged, or present
// without --resume): bad input, nothing was run.
class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CheckpointStore {
 public:
  CheckpointStore(std::filesystem::path folder, std::string run_key)
      : folder_(std::move(folder)), run_key_(std::move(run_key)) {}

  static std::filesystem::path folder_for(const std::filesystem::path& out);

  struct Opened {
    int generation = 0;           // for this start's shard names
    EnsembleStatistics finished;  // everything earlier generations recorded
  };
  // Rank 0 only. Without `resume`, the folder must not exist and is created. With `resume`,
  // it must exist and hold this run's key; every shard is read and merged. Throws
  // CheckpointError, or IoError-like std::runtime_error for filesystem failures.
  Opened open(bool resume, int points, int days, std::size_t columns) const;

  // Durably replaces this worker's shard. Thread-safe for distinct (rank, worker).
  void write_shard(int generation, int rank, int worker, const EnsembleStatistics& stats) const;

  // Removes the folder and everything in it.
  void remove() const;
  const std::filesystem::path& folder() const { return folder_; }

 private:
  std::filesystem::path folder_;
  std::string run_key_;
};

}  // namespace bf::ensemble
