#include "python/replication_runs.h"

#include <optional>

#include "model/world.h"
#include "output/fan_out.h"
#include "util/parallel_for.h"

namespace bf::python {

ReplicationRuns run_replications(const std::vector<const model::ModelSpec*>& points,
                                 int replications, int threads, bool sectors) {
  const int point_count = static_cast<int>(points.size());
  const int days = points.front()->days;
  const ensemble::OutputColumns columns = ensemble::OutputColumns::of_days_table();
  const int jobs = point_count * replications;

  struct Job {
    std::optional<ReplicationRun> run;
    std::optional<ensemble::ReplicationRecorder> recorder;
  };
  std::vector<Job> done(static_cast<std::size_t>(jobs));
  util::parallel_for(jobs, threads, [&](int g) {
    Job& job = done[static_cast<std::size_t>(g)];
    const int point = g / replications;
    const int replication = g % replications;
    job.run.emplace(ReplicationRun{point, replication, 0, 0, DayTables(sectors, false)});
    job.recorder.emplace(columns.size());
    model::World world(*points[static_cast<std::size_t>(point)],
                       static_cast<std::uint32_t>(replication));
    output::FanOut observers({&job.run->tables, &*job.recorder});
    world.run(observers);
    job.run->fingerprint = world.fingerprint().value();
    job.run->events = world.events_processed();
  });

  ReplicationRuns out{{}, ensemble::EnsembleStatistics(point_count, days, columns.size())};
  for (Job& job : done) {
    out.statistics.add(job.run->point, job.run->replication, *job.recorder, job.run->fingerprint,
                       job.run->events);
    out.runs.push_back(std::move(*job.run));
  }
  return out;
}

}  // namespace bf::python
