// An M/M/10 queue at utilisation ρ = 0.9 with 1,000,000 customers per run, two ways, in the
// same program so the ratio is measured on the same machine in the same run:
//   BM_MmcEngine    engine::Simulator + engine::ServerPool + engine::exponential draws
//                   (the pattern of tests/engine/mmc_queue_test.cc)
//   BM_MmcBareHeap  a bare std::priority_queue loop with a std::queue of waiting customers
// Both use the same random streams (engine::RandomStream, engine::exponential) and integer
// minutes, so the ratio isolates the engine's overhead. items_per_second = customers per
// second. Counters print the simulated mean wait next to the Erlang C value
// (engine::mmc_mean_wait); they are a sanity check, never asserted.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>
#include <vector>

#include "engine/distributions.h"
#include "engine/queueing_theory.h"
#include "engine/random_stream.h"
#include "engine/server_pool.h"
#include "engine/simulator.h"

namespace bf::engine {
namespace {

constexpr int kServers = 10;
constexpr double kRho = 0.9;
constexpr double kServiceMean = 600.0;  // minutes: large, so integer rounding is negligible
constexpr double kArrivalRate = kRho * kServers / kServiceMean;  // per minute
constexpr std::int64_t kCustomers = 1'000'000;
constexpr std::uint64_t kSeed = 11;

struct MmcResult {
  double total_wait = 0;  // minutes, summed over customers who started service
  std::int64_t served = 0;
};

SimTime draw(RandomStream& rs, double mean) {
  return static_cast<SimTime>(std::llround(exponential(rs, mean)));
}

MmcResult run_engine(std::uint32_t replication) {
  enum Kind : std::uint32_t { kArrival, kDeparture };
  Simulator sim;
  sim.reserve(kServers + 2);
  ServerPool pool(kServers, 1);
  RandomStream arrivals(kSeed, replication, 0, 0), services(kSeed, replication, 1, 0);
  std::vector<SimTime> arrived_at;
  arrived_at.reserve(static_cast<std::size_t>(kCustomers));
  MmcResult r;
  auto start = [&](std::uint64_t id) {
    r.total_wait += static_cast<double>(sim.now() - arrived_at[id]);
    ++r.served;
    sim.schedule_in(draw(services, kServiceMean), kDeparture, id);
  };
  sim.schedule_at(0, kArrival, 0);
  sim.run_until(std::numeric_limits<SimTime>::max(), [&](const Event& e) {
    if (e.kind == kArrival) {
      arrived_at.push_back(sim.now());
      if (pool.arrive(e.payload, 0)) start(e.payload);
      if (e.payload + 1 < static_cast<std::uint64_t>(kCustomers)) {
        sim.schedule_in(draw(arrivals, 1.0 / kArrivalRate), kArrival, e.payload + 1);
      }
    } else if (auto next = pool.finish()) {
      start(*next);
    }
  });
  return r;
}

MmcResult run_bare_heap(std::uint32_t replication) {
  // (time, sequence, kind, customer); sequence breaks ties in insertion order, as the engine.
  using Ev = std::tuple<SimTime, std::uint64_t, int, std::uint64_t>;
  constexpr int kArrival = 0, kDeparture = 1;
  std::vector<Ev> storage;
  storage.reserve(kServers + 2);
  std::priority_queue<Ev, std::vector<Ev>, std::greater<Ev>> heap(std::greater<Ev>{},
                                                                  std::move(storage));
  std::queue<std::uint64_t> waiting;
  RandomStream arrivals(kSeed, replication, 0, 0), services(kSeed, replication, 1, 0);
  std::vector<SimTime> arrived_at;
  arrived_at.reserve(static_cast<std::size_t>(kCustomers));
  std::uint64_t sequence = 0;
  int busy = 0;
  MmcResult r;
  SimTime now = 0;
  auto start = [&](std::uint64_t id) {
    r.total_wait += static_cast<double>(now - arrived_at[id]);
    ++r.served;
    heap.emplace(now + draw(services, kServiceMean), sequence++, kDeparture, id);
  };
  heap.emplace(0, sequence++, kArrival, 0);
  while (!heap.empty()) {
    const auto [time, seq, kind, id] = heap.top();
    heap.pop();
    now = time;
    if (kind == kArrival) {
      arrived_at.push_back(now);
      if (busy < kServers) {
        ++busy;
        start(id);
      } else {
        waiting.push(id);
      }
      if (id + 1 < static_cast<std::uint64_t>(kCustomers)) {
        heap.emplace(now + draw(arrivals, 1.0 / kArrivalRate), sequence++, kArrival, id + 1);
      }
    } else if (!waiting.empty()) {
      const std::uint64_t next = waiting.front();
      waiting.pop();
      start(next);
    } else {
      --busy;
    }
  }
  return r;
}

template <MmcResult (*Run)(std::uint32_t)>
void BM_Mmc(benchmark::State& state) {
  std::uint32_t replication = 0;
  double total_wait = 0;
  std::int64_t served = 0;
  for (auto _ : state) {
    const MmcResult r = Run(replication++);
    total_wait += r.total_wait;
    served += r.served;
  }
  state.SetItemsProcessed(state.iterations() * kCustomers);
  const double theory = mmc_mean_wait(kServers, kArrivalRate, kServiceMean);
  const double mean_wait = served > 0 ? total_wait / static_cast<double>(served) : 0.0;
  state.counters["mean_wait_min"] = mean_wait;
  state.counters["erlang_c_wait_min"] = theory;
  state.counters["wait_ratio"] = mean_wait / theory;
}

void BM_MmcEngine(benchmark::State& state) { BM_Mmc<run_engine>(state); }
void BM_MmcBareHeap(benchmark::State& state) { BM_Mmc<run_bare_heap>(state); }

BENCHMARK(BM_MmcEngine)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MmcBareHeap)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bf::engine

BENCHMARK_MAIN();
