// One replication of a whole scenario (default scenarios/december-2023.yaml, 122 days): the
// scenario is loaded once, outside the timed loop; each iteration builds a World and runs it.
//
//   BM_Replication     World construction + run. items_per_second = people crossing per second
//                      (the run's total SectorDay::crossings); the time per iteration is the
//                      wall time of one replication. Also: events/s, live units at the end,
//                      peak resident set (getrusage ru_maxrss) of the process so far.
//   BM_Horizon/<days>  One run each at 61, 122 and 244 days, sampling World::live_units() and
//                      the current resident set after every day: memory must follow the
//                      population in the system, not the horizon. The scenario's arrival table
//                      ends in March 2024, so for horizons beyond it every later month repeats
//                      the table's last month. ru_maxrss is per process: run each horizon in
//                      its own process (scripts/run-benchmarks.sh does) to read it per horizon.
//
// Usage: bench_scenario [--scenario=PATH] [benchmark flags]. Nothing here asserts a timing.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/day_report.h"
#include "model/model_spec.h"
#include "model/world.h"
#include "scenario/scenario_loader.h"

namespace bf {
namespace {

// Peak resident set of this process so far, in MiB (Linux reports ru_maxrss in KiB).
double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Current resident set, in MiB, from /proc/self/statm (second field, in pages); 0 if absent.
double current_rss_mib() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size_pages = 0, resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return 0.0;
  return static_cast<double>(resident_pages) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
         (1024.0 * 1024.0);
}

// Sums the people crossing over all sectors and days; otherwise does nothing.
class CrossingCounter : public model::DayObserver {
 public:
  void on_day(const model::DayReport& report) override {
    for (const model::SectorDay& s : report.sectors) crossings_ += s.crossings;
  }
  std::int64_t crossings() const { return crossings_; }

 private:
  std::int64_t crossings_ = 0;
};

// Also samples the World's live units and the process's resident set after every day.
class MemorySampler : public CrossingCounter {
 public:
  explicit MemorySampler(const model::World& world) : world_(world) {}
  void on_day(const model::DayReport& report) override {
    CrossingCounter::on_day(report);
    max_live_units_ = std::max(max_live_units_, world_.live_units());
    max_rss_mib_ = std::max(max_rss_mib_, current_rss_mib());
  }
  std::size_t max_live_units() const { return max_live_units_; }
  double max_rss_mib() const { return max_rss_mib_; }

 private:
  const model::World& world_;
  std::size_t max_live_units_ = 0;
  double max_rss_mib_ = 0.0;
};

// A copy of `spec` running `days` days. Months past the arrival table's last month repeat
// that month's levels, so the arrival process stays defined over any horizon.
model::ModelSpec with_horizon(const model::ModelSpec& spec, int days) {
  model::ModelSpec out = spec;
  out.days = days;
  if (spec.arrivals.levels.empty()) return out;
  util::YearMonth last = spec.arrivals.levels.front().month;
  for (const auto& level : spec.arrivals.levels) last = std::max(last, level.month);
  const util::YearMonth end = (spec.start_date + (days - 1)).year_month();
  for (util::YearMonth m = last.next(); m <= end; m = m.next()) {
    for (const auto& level : spec.arrivals.levels) {
      if (level.month != last) continue;
      model::ArrivalLevel copy = level;
      copy.month = m;
      out.arrivals.levels.push_back(copy);
    }
  }
  return out;
}

void BM_Replication(benchmark::State& state, const model::ModelSpec& spec) {
  std::uint32_t replication = 0;
  std::int64_t crossings = 0;
  std::uint64_t events = 0;
  std::size_t live_units = 0;
  for (auto _ : state) {
    CrossingCounter counter;
    model::World world(spec, replication++);
    world.run(counter);
    crossings += counter.crossings();
    events += world.events_processed();
    live_units = world.live_units();
    benchmark::DoNotOptimize(world.fingerprint());
  }
  state.SetItemsProcessed(crossings);
  state.counters["days"] = spec.days;
  state.counters["crossers_per_rep"] =
      static_cast<double>(crossings) / static_cast<double>(state.iterations());
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["live_units_end"] = static_cast<double>(live_units);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

void BM_Horizon(benchmark::State& state, const model::ModelSpec& base) {
  const model::ModelSpec spec = with_horizon(base, static_cast<int>(state.range(0)));
  std::int64_t crossings = 0;
  std::size_t live_end = 0, live_max = 0;
  double rss_end = 0, rss_max = 0;
  for (auto _ : state) {
    model::World world(spec, 0);
    MemorySampler sampler(world);
    world.run(sampler);
    crossings += sampler.crossings();
    live_end = world.live_units();
    live_max = sampler.max_live_units();
    rss_end = current_rss_mib();
    rss_max = sampler.max_rss_mib();
  }
  state.SetItemsProcessed(crossings);
  state.counters["days"] = spec.days;
  state.counters["live_units_end"] = static_cast<double>(live_end);
  state.counters["live_units_max"] = static_cast<double>(live_max);
  state.counters["rss_end_MiB"] = rss_end;
  state.counters["rss_max_sampled_MiB"] = rss_max;
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

}  // namespace
}  // namespace bf

int main(int argc, char** argv) {
  std::string scenario_path = BF_SOURCE_DIR "/scenarios/december-2023.yaml";
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--scenario=")) {
      scenario_path = std::string(arg.substr(std::string_view("--scenario=").size()));
    } else {
      args.push_back(argv[i]);
    }
  }
  int benchmark_argc = static_cast<int>(args.size());
  benchmark::Initialize(&benchmark_argc, args.data());
  if (benchmark::ReportUnrecognizedArguments(benchmark_argc, args.data())) return 2;

  const bf::scenario::LoadResult loaded = bf::scenario::load_scenario(scenario_path);
  if (!loaded.ok()) {
    std::cerr << "bench_scenario: cannot load " << scenario_path << " ("
              << loaded.diagnostics.size() << " problem(s)); check it with `borderflow check`\n";
    return 1;
  }
  const bf::model::ModelSpec& spec = loaded.scenario->spec;
  std::cerr << "scenario: " << scenario_path << " (" << spec.days << " days)\n";

  // Horizons first, ascending, so that a single-process run reads ru_maxrss in growing order.
  benchmark::RegisterBenchmark("BM_Horizon", bf::BM_Horizon, spec)
      ->Arg(spec.days / 2)
      ->Arg(spec.days)
      ->Arg(spec.days * 2)
      ->Iterations(1)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Replication", bf::BM_Replication, spec)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
