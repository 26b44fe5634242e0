// The classic hold model (Jones 1986; Vaucher & Duval 1975) on the engine's pending-event
// set: a queue pre-filled with N events; each pop schedules one new event at
// now + exponential(mean). The population stays N, so the cost per event is the cost of one
// pop and one push at heap size N, plus one exponential draw.
//
// Three variants, measured in the same run so their ratios are meaningful:
//   BM_HoldEventQueue  engine::EventQueue driven directly (pop + push)
//   BM_HoldSimulator   engine::Simulator::run_until (adds the clock and the run fingerprint)
//   BM_HoldBareHeap    std::priority_queue of (time, sequence) pairs: the baseline
// All three draw from the same engine::RandomStream and round to integer minutes, so the
// ratio isolates the event-set overhead. items_per_second = events per second.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

#include "engine/distributions.h"
#include "engine/event_queue.h"
#include "engine/random_stream.h"
#include "engine/simulator.h"

namespace bf::engine {
namespace {

// Mean hold time in minutes: large against the 1-minute clock tick, so rounding leaves few
// ties and the heap sees realistic, distinct keys.
constexpr double kMeanHold = 1.0e6;
constexpr std::uint64_t kSeed = 20231201;
// Events processed per benchmark iteration (keeps the timer overhead negligible).
constexpr std::int64_t kEventsPerIteration = 100000;

SimTime draw_hold(RandomStream& rs) {
  return static_cast<SimTime>(std::llround(exponential(rs, kMeanHold)));
}

void BM_HoldEventQueue(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  RandomStream rs(kSeed, 0, 0, 0);
  EventQueue queue;
  queue.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) queue.push(draw_hold(rs), 0, i);
  for (auto _ : state) {
    for (std::int64_t k = 0; k < kEventsPerIteration; ++k) {
      const Event e = queue.pop();
      queue.push(e.time + draw_hold(rs), e.kind, e.payload);
    }
  }
  benchmark::DoNotOptimize(queue.top());
  state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
  state.counters["heap_size"] = static_cast<double>(queue.size());
}

void BM_HoldSimulator(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  RandomStream rs(kSeed, 0, 0, 0);
  Simulator sim;
  sim.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) sim.schedule_at(draw_hold(rs), 0, i);
  // With N events pending, events fire at rate N / mean per minute; advance the clock by a
  // slice that fires about kEventsPerIteration of them.
  const auto slice = static_cast<SimTime>(kMeanHold * static_cast<double>(kEventsPerIteration) /
                                          static_cast<double>(n));
  const auto handler = [&](const Event& e) { sim.schedule_in(draw_hold(rs), e.kind, e.payload); };
  const std::uint64_t before = sim.events_processed();
  for (auto _ : state) sim.run_until(sim.now() + slice, handler);
  benchmark::DoNotOptimize(sim.fingerprint());
  state.SetItemsProcessed(static_cast<std::int64_t>(sim.events_processed() - before));
  state.counters["heap_size"] = static_cast<double>(sim.pending());
}

void BM_HoldBareHeap(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  using Key = std::pair<SimTime, std::uint64_t>;  // (time, sequence)
  std::vector<Key> storage;
  storage.reserve(n + 1);
  std::priority_queue<Key, std::vector<Key>, std::greater<Key>> heap(std::greater<Key>{},
                                                                     std::move(storage));
  RandomStream rs(kSeed, 0, 0, 0);
  std::uint64_t sequence = 0;
  for (std::size_t i = 0; i < n; ++i) heap.emplace(draw_hold(rs), sequence++);
  for (auto _ : state) {
    for (std::int64_t k = 0; k < kEventsPerIteration; ++k) {
      const SimTime now = heap.top().first;
      heap.pop();
      heap.emplace(now + draw_hold(rs), sequence++);
    }
  }
  benchmark::DoNotOptimize(heap.top());
  state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
  state.counters["heap_size"] = static_cast<double>(heap.size());
}

BENCHMARK(BM_HoldEventQueue)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HoldSimulator)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HoldBareHeap)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bf::engine

BENCHMARK_MAIN();
