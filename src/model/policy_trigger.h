#pragma once
// The state machine of a PolicyTrigger (policy_spec.h): fed the Southwest Border Patrol
// encounters of each simulated day, it says whether the policy is in force the next day.
// Pure and deterministic, so the hysteresis rules are tested on hand-made series.

#include <deque>
#include <optional>

#include "model/policy_spec.h"

namespace bf::model {

class TriggerState {
 public:
  explicit TriggerState(const PolicyTrigger& trigger);

  bool in_force() const { return in_force_; }
  // The policy's start date has come: in force or not as the trigger says it starts.
  // Days observed before keep counting in the means.
  void start();
  // Records the encounters of the day just simulated (people) and decides the next day.
  void observe(double encounters);

 private:
  double trailing_mean(int days) const;

  PolicyTrigger trigger_;
  std::deque<double> history_;  // the last max(on, off) averaging days, oldest first
  bool in_force_ = false;
  int below_run_ = 0;           // consecutive days the off-mean has been below off_below
  std::optional<int> lift_in_;  // days left in force once the lifting is determined
};

}  // namespace bf::model
