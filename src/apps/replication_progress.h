#pragma once
// The progress bar of `compare` and `sensitivity` (issue 19: they showed none while running
// hundreds of replications): the ensemble's bar, drawn on standard error when it is a
// terminal, fed by compare::simulate_metrics as replications finish on any thread.

#include <cstddef>
#include <mutex>

#include "compare/replication_metrics.h"
#include "ensemble/progress_bar.h"

namespace bf::apps {

class ReplicationProgress {
 public:
  // `total` replications over every simulate_metrics call that follows.
  explicit ReplicationProgress(std::size_t total);
  ~ReplicationProgress();  // ends the bar's line
  ReplicationProgress(const ReplicationProgress&) = delete;
  ReplicationProgress& operator=(const ReplicationProgress&) = delete;

  // For simulate_metrics; valid while this object lives. Thread-safe.
  compare::ReplicationFinished callback();

 private:
  std::mutex mutex_;
  std::size_t done_ = 0;
  ensemble::ProgressBar bar_;
};

}  // namespace bf::apps
