#include "serve/what_if_run.h"

#include <cstdint>

#include "model/world.h"
#include "util/parallel_for.h"

namespace bf::serve {

SideRuns simulate_side(const model::ModelSpec& spec, int replications, int threads) {
  SideRuns runs;
  runs.metrics.resize(static_cast<std::size_t>(replications));
  runs.series.resize(static_cast<std::size_t>(replications));
  util::parallel_for(replications, threads, [&](int r) {
    compare::MetricsObserver metrics;
    DaySeriesObserver series;
    TeeObserver both(metrics, series);
    model::World world(spec, static_cast<std::uint32_t>(r));
    world.run(both);
    runs.metrics[static_cast<std::size_t>(r)] = metrics.result();
    runs.series[static_cast<std::size_t>(r)] = series.take();
  });
  return runs;
}

}  // namespace bf::serve
