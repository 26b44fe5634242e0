#pragma once
// Forwards each day report to several observers, in the order they were added (so, e.g.,
// the CSV and SQLite writers and the run summary all see the same days). Observers are not
// owned and must outlive the FanOut. If one throws, the later ones do not see that day and
// the exception propagates to the model's caller (the run has failed; the OutputFolder then
// discards everything).

#include <vector>

#include "model/day_report.h"

namespace bf::output {

class FanOut : public model::DayObserver {
 public:
  FanOut() = default;
  explicit FanOut(std::vector<model::DayObserver*> observers);

  // Appends `observer`; it receives days after those added before it.
  void add(model::DayObserver& observer) { observers_.push_back(&observer); }
  std::size_t size() const { return observers_.size(); }

  void on_day(const model::DayReport& report) override;

 private:
  std::vector<model::DayObserver*> observers_;  // not owned, never null
};

}  // namespace bf::output
