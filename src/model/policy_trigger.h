#pragma once
// The state machine of a PolicyTrigger (policy_spec.h): fed the encounters of each simulated
// day, it says whether the policy is in force the next day. Pure and deterministic, so the
// hysteresis, single-day and days-per-year rules are tested on hand-made series.

#include <deque>
#include <optional>

#include "model/policy_spec.h"
#include "util/date.h"

namespace bf::model {

class TriggerState {
 public:
  // `year_start`: the first day of the first year of `max_days_per_year` (the policy's start);
  // not used without a cap.
  explicit TriggerState(const PolicyTrigger& trigger, util::Date year_start = {});

  bool in_force() const { return in_force_ && !capped_; }
  // The policy's start date has come: in force or not as the trigger says it starts.
  // Days observed before keep counting in the means.
  void start();
  // A new day `date` begins (call on every day from start(), before reading in_force()): with
  // a cap, counts the day against its year if in force, or switches the policy off for the
  // rest of the year once the year's days are used. Without a cap it changes nothing.
  void begin_day(util::Date date);
  // Records the count of the day just simulated (people) and decides the next day.
  void observe(double encounters);

  // Days in force counted in the current policy year (0 without a cap).
  int days_used_this_year() const { return days_used_; }

 private:
  double trailing_mean(int days) const;
  // Off, no count of days below and no lifting under way.
  void reset_hysteresis();
  // The policy year `date` falls in: 0 from year_start_, 1 from its first anniversary, ...
  int policy_year(util::Date date) const;

  PolicyTrigger trigger_;
  util::Date year_start_;
  std::deque<double> history_;  // the last max(on, off) averaging days, oldest first
  bool in_force_ = false;       // what the hysteresis says, before the cap
  int below_run_ = 0;           // consecutive days the off-mean has been below off_below
  std::optional<int> lift_in_;  // days left in force once the lifting is determined
  bool capped_ = false;         // this year's days are used up (or the last year is over)
  int year_ = -1;               // the policy year of the last begin_day
  int days_used_ = 0;           // days in force so far in year_
};

}  // namespace bf::model
