// `borderflow run` with several replications or a sweep (or under mpirun): runs the ensemble
// on every rank's threads and writes its statistics from rank 0 into a folder that appears
// whole or not at all. See src/ensemble/ and the README's "Ensembles" section.

#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "apps/commands.h"
#include "apps/exit_codes.h"
#include "apps/report_command.h"
#include "apps/version.h"
#include "ensemble/checkpoint_store.h"
#include "ensemble/communicator.h"
#include "ensemble/ensemble_runner.h"
#include "ensemble/ensemble_writer.h"
#include "ensemble/progress_bar.h"
#include "output/output_folder.h"
#include "output/reference_days.h"
#include "output/spec_json.h"
#include "util/sha256.h"

namespace bf::apps {
namespace {

int resolved_replications(const RunOptions& options, const scenario::LoadedScenario& loaded) {
  return options.replications.value_or(loaded.ensemble.replications);
}

// What identifies a run for its checkpoint: anything that changes its results.
std::string run_key(const scenario::LoadedScenario& loaded, int replications,
                    const std::vector<const model::ModelSpec*>& points) {
  std::string text = std::string("borderflow ") + kVersion + "\nreplications " +
                     std::to_string(replications) + "\n";
  for (const model::ModelSpec* spec : points) text += output::spec_to_json(*spec).dump() + "\n";
  for (const scenario::SweepPoint& p : loaded.ensemble.points) {
    for (const auto& [path, value] : p.assignments) text += path + "=" + value + "\n";
  }
  return util::sha256(text) + "\n";
}

}  // namespace

bool wants_ensemble(const RunOptions& options, const scenario::LoadedScenario& loaded) {
  return resolved_replications(options, loaded) > 1 || loaded.ensemble.has_sweep() ||
         options.resume ||
         (ensemble::Communicator::built_with_mpi() && ensemble::Communicator::launched_by_mpi());
}

int run_ensemble_command(const RunOptions& options, const scenario::LoadedScenario& loaded) {
  const int replications = resolved_replications(options, loaded);
  int threads = options.threads.value_or(loaded.ensemble.threads);
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  std::optional<ensemble::Communicator> comm;
  try {
    comm.emplace();
  } catch (const std::exception& e) {
    print_error(e.what());
    return kExitRunFailed;
  }

  std::vector<const model::ModelSpec*> points;
  std::vector<std::vector<std::pair<std::string, std::string>>> assignments;
  if (loaded.ensemble.has_sweep()) {
    for (const scenario::SweepPoint& p : loaded.ensemble.points) {
      points.push_back(&p.spec);
      assignments.push_back(p.assignments);
    }
  } else {
    points.push_back(&loaded.spec);
    assignments.emplace_back();
  }

  // Check the result folder can be made before running (rank 0 writes it; all ranks agree).
  int code = kExitOk;
  if (comm->is_root()) {
    try {
      output::OutputFolder::create(options.out);  // removed again at once; made anew at the end
    } catch (const std::exception& e) {
      print_error(e.what());
      code = kExitBadInput;
    }
  }
  if (comm->max(code) != kExitOk) return comm->is_root() ? code : kExitBadInput;

  ensemble::EnsembleOptions run;
  run.points = points;
  run.replications = replications;
  run.threads = threads;
  run.checkpoint_folder = ensemble::CheckpointStore::folder_for(options.out);
  run.run_key = run_key(loaded, replications, points);
  run.resume = options.resume;
  run.progress = !options.quiet && ensemble::ProgressBar::is_terminal(stderr);

  std::optional<ensemble::EnsembleOutcome> outcome;
  try {
    outcome = ensemble::run_ensemble(run, *comm);
  } catch (const ensemble::CheckpointError& e) {
    if (comm->is_root()) print_error(e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    print_error(fmt::format("run failed, no results written (finished replications are kept "
                            "in {}; finish them with --resume): {}",
                            run.checkpoint_folder.string(), e.what())
                    .c_str());
    return kExitRunFailed;
  }
  if (!comm->is_root()) return kExitOk;

  try {
    output::OutputFolder folder = output::OutputFolder::create(options.out);
    ensemble::EnsembleReport report;
    report.statistics = &outcome->statistics;
    report.start_date = loaded.spec.start_date;
    report.days = loaded.spec.days;
    report.replications = replications;
    report.point_assignments = assignments;
    report.provenance = {{"version", kVersion},
                         {"scenario_name", loaded.spec.name},
                         {"scenario_file", options.scenario.string()},
                         {"scenario_sha256", util::sha256(loaded.sources.front().contents)},
                         {"seed", std::to_string(loaded.spec.seed)},
                         {"start_date", loaded.spec.start_date.to_string()},
                         {"days", std::to_string(loaded.spec.days)}};
    for (const auto& source : loaded.sources) {
      report.provenance.emplace_back("source " + source.path.filename().string(),
                                     util::sha256(source.contents));
    }
    ensemble::write_ensemble_results(folder.path(), report);
    std::ofstream json(folder.file("scenario.json"), std::ios::binary);
    json << output::spec_to_json(loaded.spec).dump(2) << "\n";
    json.close();
    if (!json) throw std::runtime_error("cannot write scenario.json");
    output::write_reference_days(folder.file(output::kReferenceDaysFile), loaded.spec);
    if (!options.no_report) write_run_report(folder.path(), options.out);
    folder.commit();
    ensemble::CheckpointStore(run.checkpoint_folder, run.run_key).remove();
    std::printf(
        "ensemble: %d replication%s x %zu sweep point%s (%zu resumed); fingerprint %s; "
        "results in %s/\n",
        replications, replications == 1 ? "" : "s", points.size(), points.size() == 1 ? "" : "s",
        outcome->resumed, ensemble::ensemble_fingerprint(outcome->statistics).c_str(),
        options.out.string().c_str());
    return kExitOk;
  } catch (const std::exception& e) {
    print_error(fmt::format("writing the results failed (finished replications are kept in "
                            "{}; rerun with --resume): {}",
                            run.checkpoint_folder.string(), e.what())
                    .c_str());
    return kExitRunFailed;
  }
}

}  // namespace bf::apps
