#include "ensemble/ensemble_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "ensemble/checkpoint_store.h"
#include "ensemble/progress_bar.h"
#include "model/world.h"

namespace bf::ensemble {
namespace {

// What rank 0 tells every rank before work starts: "E<message>" (checkpoint refused) or
// "S<generation>\n<one '0'/'1' per job: done>".
std::string encode_start(int generation, const EnsembleStatistics& finished, std::size_t jobs,
                         int replications) {
  std::string done(jobs, '0');
  for (const ReplicationRow& r : finished.rows()) {
    done[static_cast<std::size_t>(r.point) * static_cast<std::size_t>(replications) +
         static_cast<std::size_t>(r.replication)] = '1';
  }
  return fmt::format("S{}\n{}", generation, done);
}

}  // namespace

std::optional<EnsembleOutcome> run_ensemble(const EnsembleOptions& options,
                                            const Communicator& comm) {
  const int points = static_cast<int>(options.points.size());
  const int days = options.points.front()->days;
  const OutputColumns columns = OutputColumns::of_days_table();
  const std::size_t jobs =
      static_cast<std::size_t>(points) * static_cast<std::size_t>(options.replications);
  const CheckpointStore store(options.checkpoint_folder, options.run_key);

  std::optional<EnsembleStatistics> finished;
  std::string start;
  if (comm.is_root()) {
    try {
      CheckpointStore::Opened opened = store.open(options.resume, points, days, columns.size());
      start = encode_start(opened.generation, opened.finished, jobs, options.replications);
      finished.emplace(std::move(opened.finished));
    } catch (const std::exception& e) {
      start = std::string("E") + e.what();
    }
  }
  comm.broadcast(start);
  if (start.front() == 'E') throw CheckpointError(start.substr(1));
  const std::size_t newline = start.find('\n');
  const int generation = std::stoi(start.substr(1, newline - 1));
  const std::string_view done(start.data() + newline + 1, jobs);

  std::vector<std::size_t> mine;
  for (std::size_t g = static_cast<std::size_t>(comm.rank()); g < jobs;
       g += static_cast<std::size_t>(comm.size())) {
    if (done[g] == '0') mine.push_back(g);
  }

  const int threads = std::max(1, std::min<int>(options.threads, static_cast<int>(mine.size())));
  std::vector<EnsembleStatistics> partial(static_cast<std::size_t>(threads),
                                          EnsembleStatistics(points, days, columns.size()));
  std::atomic<std::size_t> next{0}, completed{0};
  std::atomic<bool> stop{false};
  std::mutex error_mutex;
  std::exception_ptr error;

  auto worker = [&](int w) {
    try {
      EnsembleStatistics& mine_stats = partial[static_cast<std::size_t>(w)];
      while (!stop.load()) {
        const std::size_t i = next.fetch_add(1);
        if (i >= mine.size()) break;
        const int point =
            static_cast<int>(mine[i] / static_cast<std::size_t>(options.replications));
        const int replication =
            static_cast<int>(mine[i] % static_cast<std::size_t>(options.replications));
        ReplicationRecorder recorder(columns.size());
        model::World world(*options.points[static_cast<std::size_t>(point)],
                           static_cast<std::uint32_t>(replication));
        world.run(recorder);
        mine_stats.add(point, replication, recorder, world.fingerprint().value(),
                       world.events_processed());
        store.write_shard(generation, comm.rank(), w, mine_stats);
        completed.fetch_add(1);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      stop.store(true);
    }
  };

  // Rank 0's bar counts its own share and scales by the ranks (an estimate under MPI), from
  // the replications earlier starts finished.
  const auto resumed = static_cast<std::size_t>(std::count(done.begin(), done.end(), '1'));
  ProgressBar bar(options.progress && comm.is_root() && !mine.empty(),
                  std::max(jobs, resumed + mine.size() * static_cast<std::size_t>(comm.size())),
                  resumed);
  std::vector<std::thread> pool;
  for (int w = 1; w < threads; ++w) pool.emplace_back(worker, w);
  std::thread progress_thread;
  std::atomic<bool> workers_done{false};
  if (options.progress && comm.is_root() && !mine.empty()) {
    progress_thread = std::thread([&] {
      while (!workers_done.load()) {
        bar.update(completed.load() * static_cast<std::size_t>(comm.size()));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });
  }
  if (!mine.empty()) worker(0);
  for (std::thread& t : pool) t.join();
  workers_done.store(true);
  if (progress_thread.joinable()) progress_thread.join();
  if (!mine.empty()) bar.update(completed.load() * static_cast<std::size_t>(comm.size()));
  bar.finish();

  std::string message;
  EnsembleStatistics rank_stats(points, days, columns.size());
  if (error) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message = fmt::format("Erank {}: {}", comm.rank(), e.what());
    }
  } else {
    for (const EnsembleStatistics& p : partial) rank_stats.merge(p);
    message = rank_stats.serialize();
    message.insert(message.begin(), 'S');
  }
  const std::vector<std::string> gathered = comm.gather(message);
  if (!comm.is_root()) return std::nullopt;

  EnsembleOutcome outcome{std::move(*finished), 0};
  outcome.resumed = outcome.statistics.replications_done();
  for (const std::string& g : gathered) {
    if (g.front() == 'E') throw std::runtime_error(g.substr(1));
  }
  for (const std::string& g : gathered) {
    std::optional<EnsembleStatistics> s =
        EnsembleStatistics::parse(std::string_view(g).substr(1), points, days, columns.size());
    if (!s) throw std::runtime_error("a rank sent damaged statistics");
    outcome.statistics.merge(*s);
  }
  if (outcome.statistics.replications_done() != jobs) {
    throw std::runtime_error("only " + std::to_string(outcome.statistics.replications_done()) +
                             " of " + std::to_string(jobs) + " replications finished");
  }
  return outcome;
}

}  // namespace bf::ensemble
