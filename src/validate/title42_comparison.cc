#include "validate/title42_comparison.h"

#include <fmt/format.h>

#include <map>
#include <utility>

namespace bf::validate {

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
    if (!first.full_month() || p == published.end() || p->second.first <= 0.0) continue;
    Title42Row row;
    row.month = first.month;
    row.published_share = p->second.first / p->second.second;
    row.simulated_share = band_across_runs(runs, i, [](const MonthOutcome& m) {
      return m.processed > 0
                 ? static_cast<double>(m.title42_expulsions) / static_cast<double>(m.processed)
                 : 0.0;
    });
    rows.push_back(row);
  }
  return rows;
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
