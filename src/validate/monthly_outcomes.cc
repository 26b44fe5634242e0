#include "validate/monthly_outcomes.h"

#include "model/world.h"
#include "util/parallel_for.h"

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
      const model::SectorDay& day = report.sectors[i];
      // Releases and transfers to ICE by the day they were decided (hours after the
      // encounter), as OHSS counts book-outs by month of encounter; the others leave custody
      // within about a day, and are counted when they do.
      m.bookouts[0] += day.releases_decided;
      m.bookouts[1] += day.ice_transfers_decided;
      m.bookouts[2] += day.transferred_to_orr;
      m.bookouts[3] += day.returned_to_mexico + day.title42_expulsions + day.remain_in_mexico;
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
  util::parallel_for(replications, threads, [&](int r) {
    ReplicationOutcome& out = results[static_cast<std::size_t>(r)];
    MonthlyObserver observer(out);
    model::World world(spec, static_cast<std::uint32_t>(r));
    world.run(observer);
  });
  return results;
}

}  // namespace bf::validate
