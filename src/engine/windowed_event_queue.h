#pragma once
// The pending-event set of a model with many far-future events (issue 20): the same total
// order as EventQueue — (time, priority, insertion sequence) — so it pops exactly the same
// sequence, but only the events of the current time window sit in a heap (an EventQueue);
// later events wait unsorted in one bucket per window and are heaped when their window comes.
// The World keeps tens of thousands of events pending days or weeks ahead (stays in
// detention, waits in Mexico, releases); in one large heap every pop sifted through them,
// missing cache at each level, while here a push beyond the window is an append and the heap
// holds a few thousand events. Events more than kMaxWindowsAhead windows ahead go to an
// overflow heap, so a far-off time never allocates buckets for the windows in between.
//
// With few pending events or most firing soon (M/M/10, the hold benchmark) the plain
// EventQueue is faster: measured 10-40% slower here. Choose by measuring.

#include <algorithm>
#include <cstdint>
#include <deque>
#include <vector>

#include "engine/event_queue.h"
#include "engine/sim_time.h"

namespace bf::engine {

class WindowedEventQueue {
 public:
  // Buckets kept ahead of the current window (683 days with four-hour windows).
  static constexpr std::int64_t kMaxWindowsAhead = 4096;

  // window_minutes > 0: the width of a window; pick one that leaves a few thousand events
  // per window (World: four hours).
  explicit WindowedEventQueue(SimTime window_minutes)
      : window_(window_minutes), window_end_(window_minutes) {}

  // Invariant: the current window's heap is empty only when the whole set is.
  bool empty() const { return near_.empty(); }
  std::size_t size() const { return near_.size() + parked_count_ + overflow_.size(); }
  // Precondition: !empty().
  const Event& top() const { return near_.top(); }

  // priority: 0..65535, lower fires first at equal time.
  void push(SimTime time, std::uint32_t kind, std::uint64_t payload, std::uint16_t priority = 0) {
    const Event e{time, (std::uint64_t{priority} << 48) | next_sequence_++, payload, kind};
    if (time < window_end_) {
      near_.push_event(e);
      return;
    }
    park(e);
    if (near_.empty()) advance();
  }

  // Precondition: !empty().
  Event pop() {
    const Event top = near_.pop();
    if (near_.empty() && (parked_count_ > 0 || !overflow_.empty())) advance();
    return top;
  }

  void reserve(std::size_t n) { near_.reserve(n); }

 private:
  std::int64_t window_of(SimTime t) const { return t >= 0 ? t / window_ : (t + 1) / window_ - 1; }

  // A later window's event: appended to its bucket (or the overflow heap if too far ahead).
  void park(const Event& e) {
    const std::int64_t ahead = window_of(e.time) - next_window_;
    if (ahead >= kMaxWindowsAhead) {
      overflow_.push_back(e);
      std::push_heap(overflow_.begin(), overflow_.end(), fires_later);
      return;
    }
    if (buckets_.size() <= static_cast<std::size_t>(ahead)) {
      buckets_.resize(static_cast<std::size_t>(ahead) + 1);
    }
    buckets_[static_cast<std::size_t>(ahead)].push_back(e);
    ++parked_count_;
  }

  // The heap is empty and events wait in buckets or the overflow: makes the earliest window
  // holding any the current one and heaps its events.
  void advance() {
    std::size_t first = 0;
    while (first < buckets_.size() && buckets_[first].empty()) ++first;
    std::int64_t window =
        first < buckets_.size() ? next_window_ + static_cast<std::int64_t>(first) : INT64_MAX;
    if (!overflow_.empty()) window = std::min(window, window_of(overflow_.front().time));
    // Drop the empty buckets before `window`, then take its bucket's events (if any).
    const auto skip =
        std::min<std::int64_t>(window - next_window_, static_cast<std::int64_t>(buckets_.size()));
    buckets_.erase(buckets_.begin(), buckets_.begin() + skip);
    if (!buckets_.empty()) {
      parked_count_ -= buckets_.front().size();
      near_.assign_events(buckets_.front());  // the bucket gets the empty heap's storage
      buckets_.pop_front();
    }
    next_window_ = window + 1;
    window_end_ = next_window_ * window_;
    // Overflow events whose window is now current or within the buckets' reach.
    while (!overflow_.empty() &&
           window_of(overflow_.front().time) - next_window_ < kMaxWindowsAhead) {
      std::pop_heap(overflow_.begin(), overflow_.end(), fires_later);
      const Event e = overflow_.back();
      overflow_.pop_back();
      if (e.time < window_end_) {
        near_.push_event(e);
      } else {
        park(e);
      }
    }
  }

  static bool fires_later(const Event& a, const Event& b) { return fires_before(b, a); }

  SimTime window_;
  EventQueue near_;  // the current window's events
  // buckets_[i]: the events of window next_window_ + i, unsorted. Each bucket has its own
  // storage, freed when its window comes, so memory follows the events pending (handing old
  // buckets' day-sized storage on to far, sparse ones once tripled the resident set).
  std::deque<std::vector<Event>> buckets_;
  std::size_t parked_count_ = 0;  // events in buckets_
  std::vector<Event> overflow_;   // beyond the buckets: a min-heap (fires_later)
  std::int64_t next_window_ = 1;  // the window after the current one
  SimTime window_end_;            // the current window's end (exclusive)
  std::uint64_t next_sequence_ = 0;
};

}  // namespace bf::engine
