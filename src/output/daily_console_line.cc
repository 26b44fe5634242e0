#include "output/daily_console_line.h"

#include <fmt/format.h>

namespace bf::output {

std::string DailyConsoleLine::header() const {
  return fmt::format("{:<10}  {:>10}  {:>10}  {:>13}  {:>13}  {:>10}", "date", "encounters",
                     "in_custody", "over_capacity", "held_over_72h", "detention");
}

std::string DailyConsoleLine::operator()(const model::DayReport& report) const {
  std::int64_t encounters = 0;
  std::int64_t in_custody = 0;
  std::int64_t over_capacity = 0;
  std::int64_t held_over_72h = 0;
  for (const model::SectorDay& s : report.sectors) {
    encounters += s.encounters;
    in_custody += s.in_custody;
    over_capacity += s.over_capacity;
    held_over_72h += s.held_over_72h;
  }
  return fmt::format("{:<10}  {:>10}  {:>10}  {:>13}  {:>13}  {:>10}", report.date.to_string(),
                     encounters, in_custody, over_capacity, held_over_72h,
                     report.system.detention_population);
}

}  // namespace bf::output
