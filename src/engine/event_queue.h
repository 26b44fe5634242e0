#pragma once
// The pending-event set, totally ordered by (time, priority, insertion sequence). Equal time
// and priority pop in insertion order, so a run never depends on the set's internal layout:
// any correct structure pops the same sequence, which is why it may be tuned for speed
// without moving a single result.
//
// Layout (issue 20): a binary min-heap holds only the events of the current time window
// (four hours by default); later events wait unsorted in one bucket
// per window and are heapified when their window comes. A model keeps many far-future events
// pending (stays in detention, waits in Mexico), and in one large heap every pop sifted
// through them, missing cache at each level; now a push beyond the window is an append and
// the heap stays small. Events more than kMaxWindowsAhead windows ahead go to an overflow
// heap, so a far-off time never allocates buckets for the windows in between.

#include <algorithm>
#include <cstdint>
#include <deque>
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
  // Width of a window in minutes. Four hours measured best on december-2023 (its heap then
  // holds a few thousand events and stays in cache); a day and an hour were 10-15% slower.
  static constexpr SimTime kDefaultWindow = 4 * kMinutesPerHour;
  // Buckets kept ahead of the current window (683 days with the default width).
  static constexpr std::int64_t kMaxWindowsAhead = 4096;

  // window_minutes > 0.
  explicit EventQueue(SimTime window_minutes = kDefaultWindow)
      : window_(window_minutes), window_end_(window_minutes) {}

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  // Precondition: !empty(). (Invariant: the current window's heap is empty only when the
  // whole set is.)
  const Event& top() const { return heap_.front(); }

  // priority: 0..65535, lower fires first at equal time.
  void push(SimTime time, std::uint32_t kind, std::uint64_t payload, std::uint16_t priority = 0) {
    const Event e{time, (std::uint64_t{priority} << 48) | next_sequence_++, payload, kind};
    ++size_;
    if (time < window_end_) {
      heap_.push_back(e);
      sift_up(heap_.size() - 1);
      return;
    }
    park(e);
    if (heap_.empty()) advance();
  }

  // Precondition: !empty().
  Event pop() {
    const Event top = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    --size_;
    if (!heap_.empty()) {
      sift_down(last);
    } else if (size_ > 0) {
      advance();
    }
    return top;
  }

  void reserve(std::size_t n) { heap_.reserve(n); }

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
    while (buckets_.size() <= static_cast<std::size_t>(ahead)) {
      buckets_.emplace_back();
    }
    buckets_[static_cast<std::size_t>(ahead)].push_back(e);
  }

  // The heap is empty and events wait in buckets or the overflow: makes the earliest window
  // holding any the current one and heapifies its events.
  void advance() {
    std::size_t first = 0;
    while (first < buckets_.size() && buckets_[first].empty()) ++first;
    std::int64_t window =
        first < buckets_.size() ? next_window_ + static_cast<std::int64_t>(first) : INT64_MAX;
    if (!overflow_.empty()) window = std::min(window, window_of(overflow_.front().time));
    // Drop the empty buckets before `window`, then take its bucket (if it has one).
    const auto skip =
        std::min<std::int64_t>(window - next_window_, static_cast<std::int64_t>(buckets_.size()));
    for (std::int64_t i = 0; i < skip; ++i) recycle_front();
    if (window == next_window_ && !buckets_.empty()) {
      heap_.swap(buckets_.front());
      recycle_front();
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
        heap_.push_back(e);
      } else {
        park(e);
      }
    }
    std::make_heap(heap_.begin(), heap_.end(), fires_later);
  }

  // Removes the first bucket (empty by now). Its storage is not kept for a later window: a
  // bucket far ahead holds few events, and handing it a day's worth of capacity would make
  // memory grow with the windows pending.
  void recycle_front() {
    buckets_.pop_front();
    ++next_window_;
  }

  static bool fires_later(const Event& a, const Event& b) { return fires_before(b, a); }

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

  SimTime window_;
  std::vector<Event> heap_;                 // the current window's events: a min-heap
  std::deque<std::vector<Event>> buckets_;  // buckets_[i]: window next_window_ + i, unsorted
  std::vector<Event> overflow_;             // beyond the buckets: a min-heap (fires_later)
  std::int64_t next_window_ = 1;            // the window after the current one
  SimTime window_end_;                      // the current window's end (exclusive)
  std::size_t size_ = 0;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace bf::engine
