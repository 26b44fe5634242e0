#pragma once
// The demand model's forecast of monthly Border Patrol encounters per sector: the last
// observed month carried forward, adjusted by a seasonal profile estimated from the years
// before it (a seasonal random walk without drift). docs/model.md, "Demand model", gives the
// method and the rolling-origin evidence that chose it.

#include <array>

#include "demand/sector_series.h"
#include "util/date.h"

namespace bf::demand {

struct ForecastOptions {
  // Years of history the seasonal profile averages (the most recent ones the history allows).
  int seasonal_years = 5;
  // How much of the estimated profile is applied: 0 = flat, 1 = all of it. Chosen by
  // rolling-origin error on FY2013–FY2019 origins (docs/model.md).
  double seasonal_weight = 0.5;
};

// Log encounters below this count are taken at this count: OHSS rounds to 10, so a published
// 0 means fewer than 5, and a log needs a positive value.
inline constexpr double kSmallestCount = 5.0;

// Mean log deviation of each calendar month (index 0 = January) from a centred 2×12 moving
// average, over the last `years` years of `sector` whose moving average `history` allows,
// centred so the twelve values sum to 0. All zeros when fewer than 25 months are available.
std::array<double, 12> seasonal_profile(const SectorSeries& history, int sector, int years);

class SeasonalForecaster {
 public:
  // Forecasts from the last month of `history`. Precondition: !history.empty().
  SeasonalForecaster(const SectorSeries& history, const ForecastOptions& options);

  util::YearMonth last_observed() const { return last_observed_; }
  // Expected encounters in `sector` in `month`. Precondition: month > last_observed().
  double forecast(int sector, util::YearMonth month) const;
  double forecast_total(util::YearMonth month) const;  // sum of the sectors' forecasts
  const std::array<double, 12>& profile(int sector) const {
    return profiles_[static_cast<std::size_t>(sector)];
  }

 private:
  util::YearMonth last_observed_;
  model::PerSector<double> last_value_{};
  model::PerSector<std::array<double, 12>> profiles_{};
  double weight_ = 0.5;
};

}  // namespace bf::demand
