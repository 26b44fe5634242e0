#pragma once
// Hand-made day reports shared by the io tests: three days, two non-zero sectors (san_diego
// and rio_grande_valley), every other sector all zero.

#include <vector>

#include "model/day_report.h"
#include "util/date.h"

namespace bf::output::testing {

inline constexpr int kSanDiego = 0;
inline constexpr int kRioGrandeValley = 8;

inline model::SectorDay make_sector(std::int64_t base, double tic_mean, double tic_p90,
                                    std::int64_t tic_people) {
  model::SectorDay s;
  s.crossings = base;
  s.repeat_crossings = base / 10;
  s.encounters = base - 5;
  s.encounters_by_demographic = {base - 25, 10, 10, 5};
  s.encounters_by_citizenship = {base - 45, 20, 10, 5, 5};
  s.gotaways = 5;
  s.processed = base - 10;
  s.returned_to_mexico = 20;
  s.title42_expulsions = 6;
  s.remain_in_mexico = 3;
  s.transferred_to_ice = 10;
  s.released_by_ice = 4;
  s.released = base - 50;
  s.crowded_releases = 7;
  s.transferred_to_orr = 10;
  s.custody_time = {tic_people, tic_mean, tic_p90};
  s.in_custody = base * 2;
  s.over_capacity = base > 150 ? base * 2 - 300 : 0;
  s.held_over_72h = base / 20;
  s.awaiting_processing = base / 5;
  s.holding_capacity = 300;
  s.processing_agents = 40;
  s.agents_on_patrol = 120.5;
  return s;
}

inline std::vector<model::DayReport> make_reports() {
  std::vector<model::DayReport> days;
  const util::Date start = *util::Date::from_ymd(2024, 2, 28);
  for (int i = 0; i < 3; ++i) {
    model::DayReport r;
    r.day_index = i;
    r.date = start + i;
    // Day 1 (2024-02-29) is the peak of both sectors.
    const std::int64_t sd = i == 1 ? 200 : 100;
    const std::int64_t rgv = i == 1 ? 180 : 120 + 10 * i;
    r.sectors[kSanDiego] = make_sector(sd, 10.25, 20.0, 40);
    r.sectors[kRioGrandeValley] = make_sector(rgv, 30.0, 50.0, i == 2 ? 0 : 60);
    if (i == 2) r.sectors[kRioGrandeValley].custody_time = {0, 0.0, 0.0};
    model::SystemDay& d = r.system;
    // Pooled over both sectors; the p90 of the pool need not be either sector's.
    d.custody_time = i == 2 ? model::CustodyTimeSummary{40, 10.25, 20.0}
                            : model::CustodyTimeSummary{100, 22.10, 48.0};
    d.detention_population = 1000 + 100 * i;
    d.detention_beds = 1500;
    d.detention_book_ins = 20;
    d.detention_releases = 3;
    d.removals_by_destination = {1, 2, 3, 4, 5 + i};
    d.awaiting_detention_bed = 7;
    d.orr_population = 50;
    d.orr_beds = 80;
    d.orr_releases = 4;
    d.waiting_in_mexico = 900 - i;
    d.states = {10000 + i, 900 - i, 30,  500,  1000 + 100 * i,
                50,        200,     300, 7000, 2000 - 100 * i + 2 * i};
    days.push_back(r);
  }
  return days;
}

}  // namespace bf::output::testing
