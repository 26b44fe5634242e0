#pragma once
// The calibrated outcome mix (docs/model.md, "Dispositions: the calibrated outcome mix"): per
// calendar month, demographic and citizenship, the shares of Border Patrol book-outs that
// were returns to Mexico, transfers to ICE, transfers to HHS and releases, among those not
// expelled under Title 42 (Title 42 keeps its own rule, title42.h). Derived from DHS OHSS's
// book-outs by `borderflow calibrate-outcomes`; read from a scenario's
// `dispositions.outcome_mix`. Plain data and one draw; no behaviour of the World.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/population.h"
#include "util/date.h"

namespace bf::model {

// The modelled book-out categories. OHSS's categories map onto them as: Title 8
// repatriations and Migrant Protection Protocols → kReturned; transfers to ICE → kToIce;
// transfers to HHS → kToHhs; USBP releases → kReleased. OHSS's "other outcomes" (at most 0.6%
// of a month's book-outs since FY2022) are left out and the shares renormalised.
enum class Outcome : std::uint8_t { kReturned, kToIce, kToHhs, kReleased };
inline constexpr int kOutcomeCount = 4;
inline constexpr std::array<std::string_view, kOutcomeCount> kOutcomeKeys = {"returned", "to_ice",
                                                                             "to_hhs", "released"};

// Shares in Outcome order, each in [0, 1], summing to 1.
using OutcomeShares = std::array<double, kOutcomeCount>;

struct OutcomeMixMonth {
  util::YearMonth month;
  PerDemographic<PerCitizenship<OutcomeShares>> shares{};
  // Of the people transferred to ICE, the share ICE books into detention; the rest ICE
  // releases on the spot (alternatives to detention, parole, a Notice to Appear).
  double ice_book_in_share = 1.0;
  // Of the people ICE books out of detention, the share it releases (bond, recognizance,
  // supervision, parole, relief) rather than removes: replaces detention's
  // credible_fear_positive_share for the cases decided in the month (disposition.h,
  // screen_pass_share).
  double ice_release_share = 0.45;
};

struct OutcomeMix {
  std::vector<OutcomeMixMonth> months;  // consecutive calendar months, in order
  bool empty() const { return months.empty(); }
  // The month holding `date`. Precondition: the mix covers it (the scenario loader checks
  // the run's months).
  const OutcomeMixMonth& at(util::Date date) const;
  const OutcomeMixMonth& at(util::YearMonth month) const;
};

// ICE's book-in share when the beds available to Border Patrol transfers differ from those of
// the replay the share was measured in: share × (beds / reference_beds)^elasticity, at most 1.
// The published share already carries ICE's capacity in that month, so a counterfactual with
// more beds books in more people, one with fewer fewer (docs/model.md, "The calibrated outcome
// mix"). reference_beds <= 0 or equal beds: the share unchanged.
double scaled_book_in_share(double share, std::int64_t beds, std::int64_t reference_beds,
                            double elasticity);

// The outcome a uniform draw u in [0, 1) picks: the first whose cumulative share exceeds u;
// the last with a share > 0 when rounding leaves u above the sum.
Outcome draw_outcome(const OutcomeShares& shares, double u);

}  // namespace bf::model
