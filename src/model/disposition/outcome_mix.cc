#include "model/disposition/outcome_mix.h"

#include <cassert>

namespace bf::model {

const OutcomeMixMonth& OutcomeMix::at(util::Date date) const { return at(date.year_month()); }

const OutcomeMixMonth& OutcomeMix::at(util::YearMonth wanted) const {
  assert(!months.empty() && months.front().month <= wanted && wanted <= months.back().month);
  return months[static_cast<std::size_t>(wanted.index() - months.front().month.index())];
}

Outcome draw_outcome(const OutcomeShares& shares, double u) {
  double cumulative = 0.0;
  int last_possible = 0;
  for (int i = 0; i < kOutcomeCount; ++i) {
    const double share = shares[static_cast<std::size_t>(i)];
    if (share <= 0.0) continue;
    last_possible = i;
    cumulative += share;
    if (u < cumulative) return static_cast<Outcome>(i);
  }
  return static_cast<Outcome>(last_possible);
}

}  // namespace bf::model
