#pragma once
// Turns the arrival table (observed encounters per day by sector, month and cell) into the
// people who reach the border on each simulated day: a conversion from encounters to
// crossers, the weekly pattern, surges, a gamma day shock shared by a sector's cells
// (negative binomial over-dispersion) and Poisson counts per cell.

#include <array>
#include <cstdint>
#include <vector>

#include "engine/sim_time.h"
#include "model/model_spec.h"

namespace bf::model {

inline constexpr int kCellCount = kDemographicCount * kCitizenshipCount;
constexpr int cell_of(Demographic d, Citizenship c) {
  return index_of(d) * kCitizenshipCount + index_of(c);
}
constexpr Demographic demographic_of_cell(int cell) {
  return static_cast<Demographic>(cell / kCitizenshipCount);
}
constexpr Citizenship citizenship_of_cell(int cell) {
  return static_cast<Citizenship>(cell % kCitizenshipCount);
}

// One group reaching the border: a person, or a family group (family-unit members).
struct NewArrival {
  std::uint64_t identity = 0;  // stable: day, sector, cell, index (see stream_identity.h)
  engine::SimTime time = 0;    // minute of crossing, absolute
  std::uint16_t size = 1;
  std::uint8_t cell = 0;
};

class ArrivalGenerator {
 public:
  // Precomputes per-month crosser intensities for the run's horizon. `spec` must outlive
  // the generator.
  explicit ArrivalGenerator(const ModelSpec& spec);

  // Appends the day's new arrivals in `sector` (day 0 = spec.start_date) to `out`, sorted
  // by nothing in particular (the event queue orders them). `multiplier` scales the day's
  // mean (policy levers: Mexico's enforcement, deterrence, displacement by barriers).
  void generate(int day, int sector, std::uint32_t replication, double multiplier,
                std::vector<NewArrival>& out) const;

  // Expected people crossing per day in a sector-month cell, before the weekly pattern and
  // shocks (for tests and documentation).
  double crossers_per_day(int day, int sector, int cell) const;
  // Per sector: the sum of crossers_per_day over the cells (the day's level before policies).
  PerSector<double> expected_crossers(int day) const;

  // The arrival table's Title 42 share of a sector-month cell (0 where the table has none).
  // The probability of expulsion on a given day is title42_expulsion_probability of it.
  double title42_share(int day, int sector, int cell) const;

  // People-weighted cell mix of a sector in the month of `day` (sums to 1; uniform if the
  // month has no arrivals at all).
  std::array<double, kCellCount> cell_mix(int day, int sector) const;

  double mean_family_size() const { return mean_family_size_; }
  // Weights of family group sizes, indexed by size (0 and 1 have weight 0).
  const std::vector<double>& family_size_weights() const { return family_size_weights_; }

 private:
  int month_slot(int day) const;

  const ModelSpec& spec_;
  util::YearMonth first_month_;
  // [month slot][sector][cell] new crossers per day, surge-adjusted (see generator .cc).
  std::vector<std::array<std::array<double, kCellCount>, kSectorCount>> crossers_;
  // [month slot][sector][cell] the table's Title 42 share (ArrivalLevel::title42_share).
  std::vector<std::array<std::array<double, kCellCount>, kSectorCount>> title42_shares_;
  // [day][sector] extra surge people that day (not in the table).
  std::vector<std::array<double, kSectorCount>> surge_people_;
  std::vector<double> family_size_weights_;  // index = size
  double mean_family_size_ = 1.0;
};

}  // namespace bf::model
