#include "validate/detention_comparison.h"

#include <fmt/format.h>

#include <cmath>

#include "util/number_format.h"

namespace bf::validate {
namespace {

bool full_month(const MonthOutcome& m) {
  return m.days == util::days_in_month(m.month.year, m.month.month);
}

template <class Value>
Band across_runs(const std::vector<ReplicationOutcome>& runs, std::size_t month, Value value) {
  std::vector<double> values;
  values.reserve(runs.size());
  for (const ReplicationOutcome& run : runs) values.push_back(value(run[month]));
  return band_of(std::move(values));
}

}  // namespace

std::vector<DetentionRow> compare_detention(const std::vector<ReplicationOutcome>& runs,
                                            const std::map<util::YearMonth, double>& adp,
                                            const std::map<util::YearMonth, double>& alos,
                                            double southwest_share) {
  std::vector<DetentionRow> rows;
  if (runs.empty()) return rows;
  for (std::size_t i = 0; i < runs.front().size(); ++i) {
    const MonthOutcome& first = runs.front()[i];
    const auto published = adp.find(first.month);
    if (!full_month(first) || published == adp.end()) continue;
    DetentionRow row;
    row.month = first.month;
    row.published_adp = published->second;
    row.expected = published->second * southwest_share;
    row.simulated =
        across_runs(runs, i, [](const MonthOutcome& m) { return m.mean_detention_population(); });
    const auto stay = alos.find(first.month);
    row.published_alos = stay == alos.end() ? 0.0 : stay->second;
    row.simulated_stay =
        across_runs(runs, i, [](const MonthOutcome& m) { return m.detention_stay_days(); });
    rows.push_back(row);
  }
  return rows;
}

std::vector<Title42Row> compare_title42(const std::vector<ReplicationOutcome>& runs,
                                        const model::ArrivalSpec& arrivals) {
  std::map<util::YearMonth, std::pair<double, double>> published;  // expelled, all per day
  for (const model::ArrivalLevel& l : arrivals.levels) {
    published[l.month].first += l.encounters_per_day * l.title42_share;
    published[l.month].second += l.encounters_per_day;
  }
  std::vector<Title42Row> rows;
  if (runs.empty()) return rows;
  for (std::size_t i = 0; i < runs.front().size(); ++i) {
    const MonthOutcome& first = runs.front()[i];
    const auto p = published.find(first.month);
    if (!full_month(first) || p == published.end() || p->second.first <= 0.0) continue;
    Title42Row row;
    row.month = first.month;
    row.published_share = p->second.first / p->second.second;
    row.simulated_share = across_runs(runs, i, [](const MonthOutcome& m) {
      return m.processed > 0
                 ? static_cast<double>(m.title42_expulsions) / static_cast<double>(m.processed)
                 : 0.0;
    });
    rows.push_back(row);
  }
  return rows;
}

std::string detention_text(const std::vector<DetentionRow>& rows, double southwest_share) {
  if (rows.empty()) return "";
  std::string out = fmt::format(
      "ICE detention of Border Patrol transfers: simulated mean population vs ICE's average "
      "daily population of CBP arrests x {:.2f} (the Southwest Border Patrol share, an "
      "assumption); stay by Little's law vs ICE's ALOS\n",
      southwest_share);
  out += fmt::format("  {:<8} {:>9} {:>9} {:>9} {:>19} {:>7}  {:>6} {:>6}\n", "month", "ICE ADP",
                     "x share", "simulated", "band", "error", "ALOS", "stay");
  double sum = 0.0;
  for (const DetentionRow& r : rows) {
    out += fmt::format("  {:<8} {:>9} {:>9} {:>9} {:>19} {:>+6.1f}%  {:>6.1f} {:>6.1f}\n",
                       r.month.to_string(), util::grouped(std::llround(r.published_adp)),
                       util::grouped(std::llround(r.expected)),
                       util::grouped(std::llround(r.simulated.median)),
                       fmt::format("[{}-{}]", util::grouped(std::llround(r.simulated.p5)),
                                   util::grouped(std::llround(r.simulated.p95))),
                       r.error_percent(), r.published_alos, r.simulated_stay.median);
    sum += std::abs(r.error_percent());
  }
  out += fmt::format("  mean absolute error {:.1f}% over {} months\n",
                     sum / static_cast<double>(rows.size()), rows.size());
  return out;
}

std::string title42_text(const std::vector<Title42Row>& rows) {
  if (rows.empty()) return "";
  std::string out =
      "Title 42 expulsions, share of people processed: simulated median [5%-95%] vs CBP's "
      "share of encounters\n";
  for (const Title42Row& r : rows) {
    out += fmt::format("  {:<8} published {:>5.1f}%  simulated {:>5.1f}% [{:.1f}-{:.1f}]\n",
                       r.month.to_string(), 100.0 * r.published_share,
                       100.0 * r.simulated_share.median, 100.0 * r.simulated_share.p5,
                       100.0 * r.simulated_share.p95);
  }
  return out;
}

}  // namespace bf::validate
