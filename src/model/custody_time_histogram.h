#pragma once
// Time in custody of the people leaving custody during one day: exact mean, and the 90th
// percentile at one-hour resolution from a fixed histogram (bounded memory whatever the
// number of people).

#include <array>
#include <cstdint>

#include "engine/sim_time.h"
#include "model/day_report.h"

namespace bf::model {

class CustodyTimeHistogram {
 public:
  static constexpr int kBins = 24 * 60;  // hours 0..1439 (60 days); the last bin is open-ended

  void add(engine::SimTime minutes_in_custody, std::int64_t people);
  // Mean and p90 in hours. p90 is the upper edge of the hour bin where the cumulative
  // share first reaches 90%, i.e. "90% left within this many hours".
  CustodyTimeSummary summary() const;
  void clear();

 private:
  std::array<std::int64_t, kBins> people_by_hour_{};
  std::int64_t people_ = 0;
  double total_minutes_ = 0.0;
};

}  // namespace bf::model
