#include "model/policies_in_force.h"

#include <algorithm>

namespace bf::model {

PoliciesInForce::PoliciesInForce(const ModelSpec& spec)
    : spec_(spec), in_force_(spec.policies.size(), false) {
  for (const PolicySpec& p : spec.policies) {
    triggers_.push_back(p.trigger ? std::optional<TriggerState>(TriggerState(*p.trigger))
                                  : std::nullopt);
  }
}

void PoliciesInForce::start_day(util::Date date) {
  for (std::size_t p = 0; p < spec_.policies.size(); ++p) {
    const PolicySpec& policy = spec_.policies[p];
    const bool dated = policy.in_dates(date);
    if (triggers_[p] && date == std::max(policy.start, spec_.start_date)) triggers_[p]->start();
    in_force_[p] = dated && (!triggers_[p] || triggers_[p]->in_force());
  }
}

void PoliciesInForce::observe(std::int64_t southwest_encounters) {
  for (std::optional<TriggerState>& t : triggers_) {
    if (t) t->observe(static_cast<double>(southwest_encounters));
  }
}

}  // namespace bf::model
