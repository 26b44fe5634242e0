#include "model/policy_trigger.h"

#include <algorithm>

namespace bf::model {

TriggerState::TriggerState(const PolicyTrigger& trigger, util::Date year_start)
    : trigger_(trigger), year_start_(year_start) {}

double TriggerState::trailing_mean(int days) const {
  const auto n = std::min<std::size_t>(static_cast<std::size_t>(days), history_.size());
  double sum = 0.0;
  for (std::size_t i = history_.size() - n; i < history_.size(); ++i) sum += history_[i];
  return n == 0 ? 0.0 : sum / static_cast<double>(n);
}

void TriggerState::reset_hysteresis() {
  in_force_ = false;
  below_run_ = 0;
  lift_in_.reset();
}

void TriggerState::start() {
  in_force_ = trigger_.initially_in_force;
  below_run_ = 0;
  lift_in_.reset();
}

int TriggerState::policy_year(util::Date date) const {
  int year = 0;
  while (true) {
    // The (year + 1)-th anniversary; a start on 29 February has its anniversaries on 1 March
    // in years without one.
    const int y = year_start_.year() + year + 1;
    const std::optional<util::Date> anniversary =
        util::Date::from_ymd(y, year_start_.month(), year_start_.day());
    const util::Date next = anniversary ? *anniversary : *util::Date::from_ymd(y, 3, 1);
    if (date < next) return year;
    ++year;
  }
}

void TriggerState::begin_day(util::Date date) {
  const std::vector<int>& cap = trigger_.max_days_per_year;
  if (cap.empty()) return;
  const int year = date < year_start_ ? 0 : policy_year(date);
  if (year != year_) {
    year_ = year;
    days_used_ = 0;
    capped_ = false;
  }
  const bool over = static_cast<std::size_t>(year) >= cap.size() ||
                    days_used_ >= cap[static_cast<std::size_t>(year)];
  if (over && !capped_) reset_hysteresis();  // deactivated: the suspension clock restarts
  capped_ = over;
  if (in_force()) ++days_used_;
}

void TriggerState::observe(double encounters) {
  history_.push_back(encounters);
  const auto keep =
      static_cast<std::size_t>(std::max(trigger_.on_average_days, trigger_.off_average_days));
  while (history_.size() > keep) history_.pop_front();

  if (!in_force_) {
    const bool single_day =
        trigger_.on_single_day_at_or_above && encounters >= *trigger_.on_single_day_at_or_above;
    if (single_day || trailing_mean(trigger_.on_average_days) >= trigger_.on_at_or_above) {
      in_force_ = true;
      below_run_ = 0;
    }
    return;
  }
  if (lift_in_) {
    // The lifting was determined: it happens on its day whatever the numbers do meanwhile.
    if (--*lift_in_ < 0) reset_hysteresis();
    return;
  }
  below_run_ = trailing_mean(trigger_.off_average_days) < trigger_.off_below ? below_run_ + 1 : 0;
  if (below_run_ >= trigger_.off_for_days) {
    lift_in_ = trigger_.off_delay_days;
    if (--*lift_in_ < 0) reset_hysteresis();
  }
}

}  // namespace bf::model
