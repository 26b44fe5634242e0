#pragma once
// Which policies are in force on each simulated day (docs/model.md, "Policy levers"): a
// policy is in force within its dates and, when it has a trigger, while the trigger holds it
// on. Triggers observe each day's Southwest Border Patrol encounters at the end of the day.

#include <cstdint>
#include <optional>
#include <vector>

#include "model/model_spec.h"
#include "model/policy_trigger.h"

namespace bf::model {

class PoliciesInForce {
 public:
  // `spec` must outlive this object.
  explicit PoliciesInForce(const ModelSpec& spec);

  // A new day: decides which policies are in force on `date` (a trigger starts on its
  // policy's first day within the run).
  void start_day(util::Date date);
  // Per ModelSpec::policies: in force today.
  const std::vector<bool>& in_force() const { return in_force_; }
  // End of day: every trigger observes the day's Southwest Border Patrol encounters (people,
  // between ports), plus the people encountered at ports of entry if it counts them, plus its
  // `added_per_day`.
  void observe(std::int64_t southwest_encounters, std::int64_t port_encounters);

 private:
  const ModelSpec& spec_;
  std::vector<std::optional<TriggerState>> triggers_;  // per policy, when it has a trigger
  std::vector<bool> in_force_;                         // per policy, today
};

}  // namespace bf::model
