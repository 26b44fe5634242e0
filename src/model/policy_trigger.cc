#include "model/policy_trigger.h"

#include <algorithm>

namespace bf::model {

TriggerState::TriggerState(const PolicyTrigger& trigger) : trigger_(trigger) {}

double TriggerState::trailing_mean(int days) const {
  const auto n = std::min<std::size_t>(static_cast<std::size_t>(days), history_.size());
  double sum = 0.0;
  for (std::size_t i = history_.size() - n; i < history_.size(); ++i) sum += history_[i];
  return n == 0 ? 0.0 : sum / static_cast<double>(n);
}

void TriggerState::start() {
  in_force_ = trigger_.initially_in_force;
  below_run_ = 0;
  lift_in_.reset();
}

void TriggerState::observe(double encounters) {
  history_.push_back(encounters);
  const auto keep =
      static_cast<std::size_t>(std::max(trigger_.on_average_days, trigger_.off_average_days));
  while (history_.size() > keep) history_.pop_front();

  if (!in_force_) {
    if (trailing_mean(trigger_.on_average_days) >= trigger_.on_at_or_above) {
      in_force_ = true;
      below_run_ = 0;
    }
    return;
  }
  if (lift_in_) {
    // The lifting was determined: it happens on its day whatever the numbers do meanwhile.
    if (--*lift_in_ < 0) {
      in_force_ = false;
      lift_in_.reset();
      below_run_ = 0;
    }
    return;
  }
  below_run_ = trailing_mean(trigger_.off_average_days) < trigger_.off_below ? below_run_ + 1 : 0;
  if (below_run_ >= trigger_.off_for_days) {
    lift_in_ = trigger_.off_delay_days;
    if (--*lift_in_ < 0) {
      in_force_ = false;
      lift_in_.reset();
      below_run_ = 0;
    }
  }
}

}  // namespace bf::model
