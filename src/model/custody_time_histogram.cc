#include "model/custody_time_histogram.h"

#include <algorithm>

namespace bf::model {

void CustodyTimeHistogram::add(engine::SimTime minutes, std::int64_t people) {
  const auto hour = std::clamp<engine::SimTime>(minutes / 60, 0, kBins - 1);
  people_by_hour_[static_cast<std::size_t>(hour)] += people;
  people_ += people;
  total_minutes_ += static_cast<double>(minutes) * static_cast<double>(people);
}

CustodyTimeSummary CustodyTimeHistogram::summary() const {
  CustodyTimeSummary s;
  s.people = people_;
  if (people_ == 0) return s;
  s.mean_hours = total_minutes_ / static_cast<double>(people_) / 60.0;
  // Smallest h with (people within h hours) >= 0.9 · people, in integer arithmetic.
  std::int64_t cumulative = 0;
  for (int h = 0; h < kBins; ++h) {
    cumulative += people_by_hour_[static_cast<std::size_t>(h)];
    if (cumulative * 10 >= people_ * 9) {
      s.p90_hours = h + 1;
      break;
    }
  }
  return s;
}

void CustodyTimeHistogram::clear() {
  people_by_hour_.fill(0);
  people_ = 0;
  total_minutes_ = 0.0;
}

}  // namespace bf::model
