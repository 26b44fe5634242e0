#pragma once
// Small hand-made worlds for model tests: one sector with traffic, everything else empty,
// durations fixed unless a test says otherwise, so expectations can be exact.

#include <functional>
#include <vector>

#include "model/day_report.h"
#include "model/model_spec.h"
#include "model/world.h"

namespace bf::model::testing {

// A spec with `days` days from 2024-01-01, no arrivals anywhere, no initial state, and fixed
// (cv = 0) durations. Tests add arrivals with set_level.
inline ModelSpec tiny_spec(int days) {
  ModelSpec spec;
  spec.name = "tiny";
  spec.start_date = *util::Date::parse("2024-01-01");
  spec.days = days;
  spec.seed = 7;
  spec.arrivals.day_dispersion = 1e9;  // practically Poisson unless a test wants shocks
  for (auto* d : {&spec.apprehension.delay, &spec.apprehension.surrender_wait,
                  &spec.processing.transport, &spec.dispositions.release_delay,
                  &spec.dispositions.ice_transfer_delay, &spec.detention.length_of_stay,
                  &spec.orr.length_of_stay, &spec.orr.transfer_delay, &spec.recrossing.delay}) {
    d->cv = 0.0;
  }
  for (auto& s : spec.processing.service_time) s.cv = 0.0;
  spec.detention.initial_population = 0;
  spec.orr.initial_population = 0;
  const util::YearMonth first = spec.start_date.year_month();
  const util::YearMonth last = (spec.start_date + (days - 1)).year_month();
  for (util::YearMonth m = first; m <= last; m = m.next()) {
    for (int s = 0; s < kSectorCount; ++s) {
      for (int d = 0; d < kDemographicCount; ++d) {
        for (int c = 0; c < kCitizenshipCount; ++c) {
          spec.arrivals.levels.push_back(
              {s, m, static_cast<Demographic>(d), static_cast<Citizenship>(c), 0.0});
        }
      }
    }
  }
  return spec;
}

inline void set_level(ModelSpec& spec, int sector, Demographic d, Citizenship c,
                      double encounters_per_day) {
  for (auto& l : spec.arrivals.levels) {
    if (l.sector == sector && l.demographic == d && l.citizenship == c) {
      l.encounters_per_day = encounters_per_day;
    }
  }
}

// Sets the arrival table's Title 42 share of a cell, in every month.
inline void set_title42_share(ModelSpec& spec, int sector, Demographic d, Citizenship c,
                              double share) {
  for (auto& l : spec.arrivals.levels) {
    if (l.sector == sector && l.demographic == d && l.citizenship == c) l.title42_share = share;
  }
}

// A busy 40-day world: adults, families and children in Del Rio (sector 6) and Mexican
// children in Tucson (3), people in custody, detention and ORR on day 0, day shocks, and a
// processing backlog in Del Rio. For conservation checks.
inline ModelSpec busy_spec() {
  constexpr int kDelRio = 6;
  ModelSpec spec = tiny_spec(40);
  set_level(spec, kDelRio, Demographic::kSingleAdult, Citizenship::kMexico, 300);
  set_level(spec, kDelRio, Demographic::kSingleAdult, Citizenship::kHonduras, 200);
  set_level(spec, kDelRio, Demographic::kFamilyUnitMember, Citizenship::kGuatemala, 250);
  set_level(spec, kDelRio, Demographic::kUnaccompaniedChild, Citizenship::kOther, 40);
  set_level(spec, 3, Demographic::kUnaccompaniedChild, Citizenship::kMexico, 20);
  spec.sectors[kDelRio].initial_in_custody = 500;
  spec.sectors[kDelRio].initial_waiting_in_mexico = 700;
  spec.detention.initial_population = 300;
  spec.detention.beds = 400;
  spec.orr.initial_population = 50;
  spec.orr.beds = 80;
  spec.arrivals.day_dispersion = 5;
  spec.sectors[kDelRio].processing_agents = 10;  // a backlog builds
  return spec;
}

class RecordingObserver : public DayObserver {
 public:
  void on_day(const DayReport& r) override { days.push_back(r); }
  std::vector<DayReport> days;

  std::int64_t total(std::function<std::int64_t(const SectorDay&)> f, int sector) const {
    std::int64_t t = 0;
    for (const auto& d : days) t += f(d.sectors[static_cast<std::size_t>(sector)]);
    return t;
  }
};

inline RecordingObserver run(const ModelSpec& spec, std::uint32_t replication = 0) {
  RecordingObserver obs;
  World world(spec, replication);
  world.run(obs);
  return obs;
}

}  // namespace bf::model::testing
