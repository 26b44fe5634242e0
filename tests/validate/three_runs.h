#pragma once
// A hand-made ensemble for the comparison tests: three replications of January – March 2024,
// with March simulated for 10 days only (so it is not a full month and never compared).

#include <vector>

#include "util/date.h"
#include "validate/monthly_outcomes.h"

namespace bf::validate::fixtures {

// `fill(outcome, r)` sets replication r's figures of a month (its month and days are set).
template <class Fill>
std::vector<ReplicationOutcome> three_runs(Fill fill) {
  std::vector<ReplicationOutcome> runs(3);
  for (int r = 0; r < 3; ++r) {
    for (util::YearMonth m : {util::YearMonth{2024, 1}, {2024, 2}, {2024, 3}}) {
      MonthOutcome o{m};
      o.days = m.month == 3 ? 10 : util::days_in_month(m.year, m.month);
      fill(o, r);
      runs[static_cast<std::size_t>(r)].push_back(o);
    }
  }
  return runs;
}

}  // namespace bf::validate::fixtures
