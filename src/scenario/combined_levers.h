#pragma once
// What the policies of a scenario do together to the people reaching the border: each
// mexico_enforcement (arrivals_multiplier) and entry_suspension (deterrence) multiplies them in
// its sectors while in force, and the model multiplies the factors of all those in force on a
// day (model/day_levers.h). Each factor alone is bounded at load (parameter_bounds.h); so is
// their product over the policy timeline, here: two valid factors of 1e200 multiply to
// infinity, and the run hung (issue 19).

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "model/policy_spec.h"
#include "util/date.h"

namespace bf::scenario {

// The full factor by which `lever` multiplies the people reaching the border in its scope: its
// arrivals_multiplier or deterrence, 1 for the other kinds.
double arrivals_factor(const model::PolicyLever& lever);
// The scenario key of that factor ("arrivals_multiplier", "deterrence"); empty for the others.
std::string_view arrivals_factor_key(const model::PolicyLever& lever);

// The factor a policy is expected to apply on `date`, for the load-time estimate of the people
// in a run (run_volume.h): a rise counts on every day of its dates from the end of its lag (as
// if at once, and whatever its trigger: the estimate errs high); a fall only where it is sure,
// once fully ramped and when no trigger can lift it.
double expected_arrivals_factor(const model::PolicySpec& policy, util::Date date);

struct CombinedFactor {
  std::size_t policy = 0;  // the policy whose first day takes the product over the limit
  int sector = 0;
  util::Date date;
  double log10_factor = 0.0;          // log10 of the product (it may be beyond a double)
  std::vector<std::size_t> together;  // the policies multiplied, `policy` among them
};

// The first policy (in declaration order) on whose first day the factors above 1 of the
// policies in force by their dates multiply, in some sector, to more than `max`. Triggers are
// ignored (each may be on), and so are lags and ramps (the full factor comes in the end), so
// the product checked is the largest the run can reach.
std::optional<CombinedFactor> find_combined_factor_above(
    const std::vector<model::PolicySpec>& policies, double max);

}  // namespace bf::scenario
