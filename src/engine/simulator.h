#pragma once
// The event loop: a clock, the pending-event set and a fingerprint of everything that fired.
// Knows nothing of what events mean; the model passes a handler.

#include <cstdint>
#include <utility>

#include "engine/event_queue.h"
#include "engine/fingerprint.h"
#include "engine/windowed_event_queue.h"

namespace bf::engine {

// Queue: EventQueue, or WindowedEventQueue for a model with many far-future events (same
// pop order, so the same run); constructor arguments go to the queue.
template <typename Queue>
class BasicSimulator {
 public:
  template <typename... QueueArgs>
  explicit BasicSimulator(QueueArgs&&... args) : queue_(std::forward<QueueArgs>(args)...) {}

  SimTime now() const { return now_; }
  std::size_t pending() const { return queue_.size(); }
  std::uint64_t events_processed() const { return processed_; }
  const Fingerprint& fingerprint() const { return fingerprint_; }

  // Schedules an event at absolute time `at` (>= now).
  void schedule_at(SimTime at, std::uint32_t kind, std::uint64_t payload,
                   std::uint16_t priority = 0) {
    queue_.push(at < now_ ? now_ : at, kind, payload, priority);
  }
  void schedule_in(SimTime delay, std::uint32_t kind, std::uint64_t payload,
                   std::uint16_t priority = 0) {
    schedule_at(now_ + delay, kind, payload, priority);
  }

  // Fires every event with time < end, in order, calling handler(const Event&); the handler
  // may schedule more. Afterwards now() == end.
  template <typename Handler>
  void run_until(SimTime end, Handler&& handler) {
    while (!queue_.empty() && queue_.top().time < end) {
      const Event e = queue_.pop();
      now_ = e.time;
      fingerprint_.add(e.time, e.kind, e.payload);
      ++processed_;
      handler(e);
    }
    if (end > now_) now_ = end;
  }

  void reserve(std::size_t n) { queue_.reserve(n); }

 private:
  Queue queue_;
  SimTime now_ = 0;
  std::uint64_t processed_ = 0;
  Fingerprint fingerprint_;
};

using Simulator = BasicSimulator<EventQueue>;
using WindowedSimulator = BasicSimulator<WindowedEventQueue>;

}  // namespace bf::engine
