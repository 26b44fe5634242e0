#pragma once
// The pending-event set: a binary min-heap of small plain events, totally ordered by
// (time, priority, insertion sequence). Equal time and priority pop in insertion order, so
// a run never depends on the heap's internal layout.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/sim_time.h"

namespace bf::engine {

struct Event {
  SimTime time = 0;
  std::uint64_t order = 0;    // priority (high 16 bits, lower first) then sequence (48 bits)
  std::uint64_t payload = 0;  // the model's meaning: usually an entity handle
  std::uint32_t kind = 0;     // the model's event type

  int priority() const { return static_cast<int>(order >> 48); }
  std::uint64_t sequence() const { return order & ((std::uint64_t{1} << 48) - 1); }
};

inline bool fires_before(const Event& a, const Event& b) {
  return a.time != b.time ? a.time < b.time : a.order < b.order;
}

class EventQueue {
 public:
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }

  // priority: 0..65535, lower fires first at equal time.
  void push(SimTime time, std::uint32_t kind, std::uint64_t payload, std::uint16_t priority = 0) {
    push_event(Event{time, (std::uint64_t{priority} << 48) | next_sequence_++, payload, kind});
  }
  // Pushes an event whose order (priority and sequence) was set elsewhere: WindowedEventQueue
  // numbers events itself. Orders must be unique.
  void push_event(const Event& e) {
    heap_.push_back(e);
    sift_up(heap_.size() - 1);
  }

  // Precondition: empty(). Replaces the (empty) heap by `events`, heaped in linear time, and
  // hands back the old storage in `events`; orders must be unique (as push_event).
  void assign_events(std::vector<Event>& events) {
    heap_.swap(events);
    std::make_heap(heap_.begin(), heap_.end(),
                   [](const Event& a, const Event& b) { return fires_before(b, a); });
  }

  Event pop() {
    Event top = heap_.front();
    Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
    return top;
  }

  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  void sift_up(std::size_t i) {
    Event e = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (!fires_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  // Moves `e` down from the root (the root slot is a hole).
  void sift_down(const Event& e) {
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    while (true) {
      std::size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && fires_before(heap_[child + 1], heap_[child])) ++child;
      if (!fires_before(heap_[child], e)) break;
      heap_[i] = heap_[child];
      i = child;
    }
    heap_[i] = e;
  }

  std::vector<Event> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace bf::engine
