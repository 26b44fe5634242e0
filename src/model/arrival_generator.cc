#include "model/arrival_generator.h"

#include <algorithm>
#include <cassert>

#include "engine/distributions.h"
#include "model/encounter_rates.h"
#include "model/random_purpose.h"
#include "model/stream_identity.h"

namespace bf::model {

using engine::RandomStream;

ArrivalGenerator::ArrivalGenerator(const ModelSpec& spec)
    : spec_(spec), first_month_(spec.start_date.year_month()) {
  const util::Date last_day = spec.start_date + (spec.days - 1);
  const int months = last_day.year_month().index() - first_month_.index() + 1;
  crossers_.assign(static_cast<std::size_t>(months), {});
  title42_shares_.assign(static_cast<std::size_t>(months), {});

  // Observed encounters per day → new crossers per day (encounter_rates.h), with the share
  // of the month's encounters expelled under Title 42 while it applies.
  // A counterfactual converts with the replay's parameters (ArrivalSpec::conversion_reference).
  const ModelSpec& rates =
      spec.arrivals.conversion_reference ? *spec.arrivals.conversion_reference : spec;
  for (const ArrivalLevel& level : spec.arrivals.levels) {
    const int slot = level.month.index() - first_month_.index();
    if (slot < 0 || slot >= months) continue;  // the table may cover more months than the run
    const double expelled =
        title42_month_share(rates.dispositions, level.title42_share, level.month);
    const double per_crosser = encounters_per_new_crosser(rates, level.sector, level.demographic,
                                                          level.citizenship, expelled, level.month);
    const auto sector = static_cast<std::size_t>(level.sector);
    const auto cell = static_cast<std::size_t>(cell_of(level.demographic, level.citizenship));
    crossers_[static_cast<std::size_t>(slot)][sector][cell] =
        level.encounters_per_day / per_crosser;
    title42_shares_[static_cast<std::size_t>(slot)][sector][cell] = level.title42_share;
  }

  // Surges: extra people on their days. A surge already counted in the table lowers the
  // whole month's level by the same number of people, so the month total is unchanged.
  surge_people_.assign(static_cast<std::size_t>(spec.days), {});
  for (const SurgeSpec& surge : spec.surges) {
    const double span = static_cast<double>(surge.last_day - surge.first_day + 1);
    for (util::Date d = surge.first_day; d <= surge.last_day; d = d + 1) {
      const std::int64_t day = d - spec.start_date;
      if (day < 0 || day >= spec.days) continue;
      const double people = surge.people / span;
      surge_people_[static_cast<std::size_t>(day)][static_cast<std::size_t>(surge.sector)] +=
          people;
      if (!surge.included_in_table) continue;
      const util::YearMonth ym = d.year_month();
      auto& cells = crossers_[static_cast<std::size_t>(ym.index() - first_month_.index())]
                             [static_cast<std::size_t>(surge.sector)];
      double month_people = 0.0;
      for (double c : cells) month_people += c;
      month_people *= util::days_in_month(ym.year, ym.month);
      const double keep = month_people > people ? (month_people - people) / month_people : 0.0;
      for (double& c : cells) c *= keep;
    }
  }

  // Family group sizes start at 2.
  family_size_weights_.assign(2, 0.0);
  double mean = 0.0, total = 0.0;
  for (std::size_t i = 0; i < spec.arrivals.family_size_probabilities.size(); ++i) {
    const double p = spec.arrivals.family_size_probabilities[i];
    family_size_weights_.push_back(p);
    mean += p * static_cast<double>(i + 2);
    total += p;
  }
  mean_family_size_ = total > 0.0 ? mean / total : 2.0;
}

int ArrivalGenerator::month_slot(int day) const {
  return (spec_.start_date + day).year_month().index() - first_month_.index();
}

PerSector<double> ArrivalGenerator::expected_crossers(int day) const {
  PerSector<double> expected{};
  for (int s = 0; s < kSectorCount; ++s) {
    for (int cell = 0; cell < kCellCount; ++cell) {
      expected[static_cast<std::size_t>(s)] += crossers_per_day(day, s, cell);
    }
  }
  return expected;
}

double ArrivalGenerator::crossers_per_day(int day, int sector, int cell) const {
  return crossers_[static_cast<std::size_t>(month_slot(day))][static_cast<std::size_t>(sector)]
                  [static_cast<std::size_t>(cell)];
}

double ArrivalGenerator::title42_share(int day, int sector, int cell) const {
  return title42_shares_[static_cast<std::size_t>(month_slot(day))]
                        [static_cast<std::size_t>(sector)][static_cast<std::size_t>(cell)];
}

std::array<double, kCellCount> ArrivalGenerator::cell_mix(int day, int sector) const {
  std::array<double, kCellCount> mix =
      crossers_[static_cast<std::size_t>(month_slot(day))][static_cast<std::size_t>(sector)];
  double total = 0.0;
  for (double m : mix) total += m;
  for (double& m : mix) m = total > 0.0 ? m / total : 1.0 / kCellCount;
  return mix;
}

void ArrivalGenerator::generate(int day, int sector, std::uint32_t replication, double multiplier,
                                std::vector<NewArrival>& out) const {
  const std::uint64_t seed = spec_.seed;
  const int weekday = (spec_.start_date + day).weekday();
  const double week = spec_.arrivals.weekly_pattern[static_cast<std::size_t>(weekday)];

  // One gamma shock (mean 1) for the sector-day: all its cells rise and fall together.
  RandomStream shock_stream(seed, replication, static_cast<std::uint8_t>(Purpose::kDayShock),
                            sector_day_identity(day, sector));
  const double k = spec_.arrivals.day_dispersion;
  const double shock = engine::gamma(shock_stream, k, 1.0 / k);

  const auto& cells =
      crossers_[static_cast<std::size_t>(month_slot(day))][static_cast<std::size_t>(sector)];
  const double surge =
      surge_people_[static_cast<std::size_t>(day)][static_cast<std::size_t>(sector)];
  std::array<double, kCellCount> surge_mix{};
  if (surge > 0.0) surge_mix = cell_mix(day, sector);

  const engine::AliasTable family_sizes(family_size_weights_);
  const engine::SimTime day_start = day * engine::kMinutesPerDay;
  for (int cell = 0; cell < kCellCount; ++cell) {
    const double people = multiplier * (cells[static_cast<std::size_t>(cell)] * week * shock +
                                        surge * surge_mix[static_cast<std::size_t>(cell)]);
    if (people <= 0.0) continue;
    const bool family = demographic_of_cell(cell) == Demographic::kFamilyUnitMember;
    const double mean_units = family ? people / mean_family_size_ : people;
    RandomStream count_stream(seed, replication, static_cast<std::uint8_t>(Purpose::kArrivalCount),
                              cell_day_identity(day, sector, cell));
    const std::int64_t units = engine::poisson(count_stream, mean_units);
    for (std::int64_t i = 0; i < units; ++i) {
      NewArrival a;
      a.identity = arrival_identity(day, sector, cell, static_cast<std::uint64_t>(i));
      RandomStream detail(seed, replication, static_cast<std::uint8_t>(Purpose::kArrivalDetail),
                          a.identity);
      // Crossing minute uniform over the day (no hourly pattern: assumption, docs/model.md).
      a.time = day_start + static_cast<engine::SimTime>(detail.uniform() * engine::kMinutesPerDay);
      a.size = family ? static_cast<std::uint16_t>(family_sizes.sample(detail)) : 1;
      a.cell = static_cast<std::uint8_t>(cell);
      out.push_back(a);
    }
  }
}

}  // namespace bf::model
