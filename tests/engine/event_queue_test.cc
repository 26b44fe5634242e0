#include "engine/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "engine/random_stream.h"
#include "engine/simulator.h"
#include "engine/windowed_event_queue.h"

namespace bf::engine {
namespace {

TEST(EventQueue, OrdersByTimeThenPriorityThenInsertion) {
  EventQueue q;
  q.push(10, 1, 100);
  q.push(5, 1, 101, /*priority=*/3);
  q.push(5, 1, 102, /*priority=*/1);
  q.push(5, 1, 103, /*priority=*/3);
  q.push(0, 1, 104);
  q.push(5, 1, 105, /*priority=*/1);
  std::vector<std::uint64_t> order;
  while (!q.empty()) order.push_back(q.pop().payload);
  EXPECT_EQ(order, (std::vector<std::uint64_t>{104, 102, 105, 101, 103, 100}));
}

TEST(EventQueue, ManyEqualTimesPopInInsertionOrder) {
  EventQueue q;
  for (std::uint64_t i = 0; i < 1000; ++i) q.push(7, 0, i);
  for (std::uint64_t i = 0; i < 1000; ++i) EXPECT_EQ(q.pop().payload, i);
}

// The windowed queue (current window's heap, buckets, overflow) pops exactly the order a
// plain sort of (time, priority, sequence) gives, whatever the window width: near events,
// events many windows ahead (overflow), ties and pushes between pops.
TEST(WindowedEventQueue, PopsTheSameOrderAsASort) {
  for (const SimTime window : {SimTime{1}, SimTime{7}, SimTime{240}}) {
    WindowedEventQueue q(window);
    RandomStream rs(3, 0, 0, window);
    using Key = std::tuple<SimTime, int, std::uint64_t>;  // (time, priority, sequence)
    std::vector<Key> pending;
    std::uint64_t sequence = 0;
    SimTime now = 0;
    auto push = [&] {
      // Mostly near, sometimes thousands of windows ahead.
      const double u = rs.uniform();
      const auto delay = static_cast<SimTime>(u < 0.9 ? rs.uniform() * 50 : rs.uniform() * 1e6);
      const auto priority = static_cast<std::uint16_t>(rs.uniform() < 0.1 ? 1 : 0);
      q.push(now + delay, 0, sequence, priority);
      pending.emplace_back(now + delay, priority, sequence++);
    };
    for (int i = 0; i < 200; ++i) push();
    for (int i = 0; i < 20000; ++i) {
      ASSERT_EQ(q.size(), pending.size());
      const auto first = std::min_element(pending.begin(), pending.end());
      const Event e = q.pop();
      EXPECT_EQ(e.time, std::get<0>(*first));
      ASSERT_EQ(e.payload, std::get<2>(*first));
      pending.erase(first);
      now = e.time;
      if (rs.uniform() < 0.5 || pending.empty()) push();
      if (rs.uniform() < 0.5) push();
    }
  }
}

TEST(Simulator, RunsUntilEndAndSchedulesFromHandlers) {
  Simulator sim;
  sim.schedule_at(5, 0, 1);
  std::vector<SimTime> fired;
  sim.run_until(100, [&](const Event& e) {
    fired.push_back(sim.now());
    if (e.payload < 5) sim.schedule_in(30, 0, e.payload + 1);
  });
  EXPECT_EQ(fired, (std::vector<SimTime>{5, 35, 65, 95}));
  EXPECT_EQ(sim.now(), 100);
  EXPECT_EQ(sim.pending(), 1u);  // the event at 125 waits for the next call
  EXPECT_EQ(sim.events_processed(), 4u);
}

TEST(Simulator, FingerprintDependsOnEventSequence) {
  auto run = [](std::uint64_t second_payload) {
    Simulator sim;
    sim.schedule_at(1, 0, 7);
    sim.schedule_at(2, 0, second_payload);
    sim.run_until(10, [](const Event&) {});
    return sim.fingerprint().value();
  };
  EXPECT_EQ(run(8), run(8));
  EXPECT_NE(run(8), run(9));
}

}  // namespace
}  // namespace bf::engine
