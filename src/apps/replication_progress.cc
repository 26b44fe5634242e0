#include "apps/replication_progress.h"

#include <cstdio>

namespace bf::apps {

ReplicationProgress::ReplicationProgress(std::size_t total)
    : bar_(ensemble::ProgressBar::is_terminal(stderr), total) {}

ReplicationProgress::~ReplicationProgress() { bar_.finish(); }

compare::ReplicationFinished ReplicationProgress::callback() {
  return [this] {
    const std::lock_guard<std::mutex> lock(mutex_);
    bar_.update(++done_);
  };
}

}  // namespace bf::apps
