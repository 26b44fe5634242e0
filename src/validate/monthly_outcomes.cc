#include "validate/monthly_outcomes.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "model/world.h"

namespace bf::validate {
namespace {

class MonthlyObserver final : public model::DayObserver {
 public:
  explicit MonthlyObserver(ReplicationOutcome& out) : out_(out) {}
  void on_day(const model::DayReport& report) override {
    const util::YearMonth month = report.date.year_month();
    if (out_.empty() || out_.back().month != month) out_.push_back(MonthOutcome{month});
    MonthOutcome& m = out_.back();
    ++m.days;
    for (int s = 0; s < model::kSectorCount; ++s) {
      const auto i = static_cast<std::size_t>(s);
      m.encounters[i] += report.sectors[i].encounters;
      m.processed += report.sectors[i].processed;
      m.title42_expulsions += report.sectors[i].title42_expulsions;
    }
    m.detention_population_days += report.system.detention_population;
    m.detention_book_ins += report.system.detention_book_ins;
  }

 private:
  ReplicationOutcome& out_;
};

}  // namespace

std::int64_t MonthOutcome::total_encounters() const {
  std::int64_t sum = 0;
  for (std::int64_t e : encounters) sum += e;
  return sum;
}

std::vector<ReplicationOutcome> simulate_months(const model::ModelSpec& spec, int replications,
                                                int threads) {
  std::vector<ReplicationOutcome> results(static_cast<std::size_t>(replications));
  std::atomic<int> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto work = [&] {
    for (int r = next++; r < replications; r = next++) {
      try {
        ReplicationOutcome& out = results[static_cast<std::size_t>(r)];
        MonthlyObserver observer(out);
        model::World world(spec, static_cast<std::uint32_t>(r));
        world.run(observer);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::clamp(threads, 1, replications); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace bf::validate
