#pragma once
// A pool of identical servers with a FIFO queue per priority class (class 0 served first):
// the generic multi-server station of queueing theory (M/M/c when arrivals are Poisson and
// service exponential). Holds only entity handles; the caller schedules completions.

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace bf::engine {

class ServerPool {
 public:
  ServerPool(int servers, int priority_classes)
      : servers_(servers), queues_(static_cast<std::size_t>(priority_classes)) {}

  int servers() const { return servers_; }
  int busy() const { return busy_; }
  std::size_t queued() const {
    std::size_t n = 0;
    for (const auto& q : queues_) n += q.size();
    return n;
  }

  // An entity arrives. Returns true if a server was free and it starts service now;
  // otherwise it waits in its class's queue.
  bool arrive(std::uint64_t entity, int priority_class) {
    if (busy_ < servers_) {
      ++busy_;
      return true;
    }
    queues_[static_cast<std::size_t>(priority_class)].push_back(entity);
    return false;
  }

  // A service finishes. Returns the next entity to start service on the freed server, if
  // any is waiting (and the pool has not shrunk below the busy count).
  std::optional<std::uint64_t> finish() {
    --busy_;
    return start_next();
  }

  // Changes the number of servers; busy servers finish their current service first.
  // Returns the entities that start service now thanks to added servers.
  std::vector<std::uint64_t> set_servers(int servers) {
    servers_ = servers;
    std::vector<std::uint64_t> started;
    while (auto next = start_next()) started.push_back(*next);
    return started;
  }

 private:
  std::optional<std::uint64_t> start_next() {
    if (busy_ >= servers_) return std::nullopt;
    for (auto& q : queues_) {
      if (!q.empty()) {
        const std::uint64_t e = q.front();
        q.pop_front();
        ++busy_;
        return e;
      }
    }
    return std::nullopt;
  }

  int servers_;
  int busy_ = 0;
  std::vector<std::deque<std::uint64_t>> queues_;
};

}  // namespace bf::engine
