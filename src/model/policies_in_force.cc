#include "model/policies_in_force.h"

#include <algorithm>

namespace bf::model {

PoliciesInForce::PoliciesInForce(const ModelSpec& spec)
    : spec_(spec), in_force_(spec.policies.size(), false) {
  for (const PolicySpec& p : spec.policies) {
    triggers_.push_back(p.trigger ? std::optional<TriggerState>(TriggerState(*p.trigger, p.start))
                                  : std::nullopt);
  }
}

void PoliciesInForce::start_day(util::Date date) {
  for (std::size_t p = 0; p < spec_.policies.size(); ++p) {
    const PolicySpec& policy = spec_.policies[p];
    const bool dated = policy.in_dates(date);
    const util::Date first_day = std::max(policy.start, spec_.start_date);
    if (triggers_[p] && date == first_day) triggers_[p]->start();
    if (triggers_[p] && !(date < first_day)) triggers_[p]->begin_day(date);
    in_force_[p] = dated && (!triggers_[p] || triggers_[p]->in_force());
  }
}

void PoliciesInForce::observe(std::int64_t southwest_encounters, std::int64_t port_encounters) {
  for (std::size_t p = 0; p < triggers_.size(); ++p) {
    if (!triggers_[p]) continue;
    const PolicyTrigger& t = *spec_.policies[p].trigger;
    triggers_[p]->observe(static_cast<double>(southwest_encounters) +
                          (t.count_ports ? static_cast<double>(port_encounters) : 0.0) +
                          t.added_per_day);
  }
}

}  // namespace bf::model
