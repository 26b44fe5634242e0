#include "validate/comparison.h"

#include <algorithm>
#include <cmath>

#include "demand/interventions.h"
#include "util/nearest_rank.h"

namespace bf::validate {

Band band_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return Band{util::nearest_rank(values, 0.05), util::nearest_rank(values, 0.50),
              util::nearest_rank(values, 0.95)};
}

EncounterComparison compare_encounters(const std::vector<ReplicationOutcome>& runs,
                                       const demand::SectorSeries& published,
                                       std::optional<util::YearMonth> fit_until) {
  EncounterComparison c;
  c.fit_until = fit_until;
  if (runs.empty()) return c;
  for (std::size_t i = 0; i < runs.front().size(); ++i) {
    const MonthOutcome& first = runs.front()[i];
    const util::YearMonth month = first.month;
    if (first.days != util::days_in_month(month.year, month.month)) continue;
    if (!published.contains(month)) continue;
    const int horizon = fit_until && month > *fit_until ? month.index() - fit_until->index() : 0;
    const bool policy_change =
        horizon > 0 && demand::policy_change_between(fit_until->next(), month);
    for (int s = -1; s < model::kSectorCount; ++s) {
      std::vector<double> values;
      values.reserve(runs.size());
      for (const ReplicationOutcome& run : runs) {
        const MonthOutcome& m = run[i];
        values.push_back(static_cast<double>(s < 0 ? m.total_encounters()
                                                   : m.encounters[static_cast<std::size_t>(s)]));
      }
      MonthComparison row;
      row.month = month;
      row.sector = s;
      row.horizon = horizon;
      row.policy_change = policy_change;
      row.published = s < 0 ? published.total(month) : published.at(month, s);
      row.simulated = band_of(std::move(values));
      c.rows.push_back(row);
    }
  }
  return c;
}

}  // namespace bf::validate
