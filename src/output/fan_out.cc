#include "output/fan_out.h"

#include <algorithm>
#include <cassert>

namespace bf::output {

FanOut::FanOut(std::vector<model::DayObserver*> observers) : observers_(std::move(observers)) {
  assert(std::none_of(observers_.begin(), observers_.end(),
                      [](const model::DayObserver* o) { return o == nullptr; }));
}

void FanOut::on_day(const model::DayReport& report) {
  for (model::DayObserver* observer : observers_) observer->on_day(report);
}

}  // namespace bf::output
