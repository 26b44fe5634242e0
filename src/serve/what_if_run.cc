#include "serve/what_if_run.h"

#include <cstdint>

#include "model/world.h"
#include "util/parallel_for.h"

namespace bf::serve {

void simulate_side(const model::ModelSpec& spec, int first, int count, int threads,
                   SideRuns& runs) {
  SideRuns added;
  added.metrics.resize(static_cast<std::size_t>(count));
  added.series.resize(static_cast<std::size_t>(count));
  util::parallel_for(count, threads, [&](int i) {
    compare::MetricsObserver metrics;
    DaySeriesObserver series;
    TeeObserver both(metrics, series);
    model::World world(spec, static_cast<std::uint32_t>(first + i));
    world.run(both);
    added.metrics[static_cast<std::size_t>(i)] = metrics.result();
    added.series[static_cast<std::size_t>(i)] = series.take();
  });
  for (auto& m : added.metrics) runs.metrics.push_back(std::move(m));
  for (auto& s : added.series) runs.series.push_back(std::move(s));
}

}  // namespace bf::serve
