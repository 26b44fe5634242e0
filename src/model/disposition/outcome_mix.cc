#include "model/disposition/outcome_mix.h"

#include <algorithm>
#include <cassert>
#include <cmath>

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

double scaled_book_in_share(double share, std::int64_t beds, std::int64_t reference_beds,
                            double elasticity) {
  if (reference_beds <= 0 || beds == reference_beds) return share;
  const double ratio =
      static_cast<double>(std::max<std::int64_t>(beds, 0)) / static_cast<double>(reference_beds);
  return std::min(1.0, share * std::pow(ratio, elasticity));
}

}  // namespace bf::model
