#pragma once
// One line per simulated day for the CLI's progress output: Southwest totals of the day's
// encounters and of the end-of-day stocks that show stress (people in Border Patrol custody,
// over holding capacity, held over 72 hours) and the ICE detention population. Returns
// strings; printing (and deciding how often) is the caller's job. Columns are right-aligned
// under header(), numbers plain, so lines stay aligned up to 10-digit values.
//
//   date        encounters  in_custody  over_capacity  held_over_72h  detention
//   2024-02-28         210         440              0             11       1000

#include <string>

#include "model/day_report.h"

namespace bf::output {

class DailyConsoleLine {
 public:
  std::string header() const;
  std::string operator()(const model::DayReport& report) const;
};

}  // namespace bf::output
