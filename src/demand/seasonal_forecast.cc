#include "demand/seasonal_forecast.h"

#include <algorithm>
#include <cmath>

namespace bf::demand {
namespace {

double log_count(double value) { return std::log(std::max(value, kSmallestCount)); }

}  // namespace

std::array<double, 12> seasonal_profile(const SectorSeries& history, int sector, int years) {
  std::array<double, 12> sum{};
  std::array<int, 12> count{};
  std::array<double, 12> profile{};
  if (history.empty()) return profile;
  // Month i has a centred moving average when i − 6 and i + 6 are both in the history.
  const int first_centre = history.first().index() + 6;
  const int last_centre = history.last().index() - 6;
  if (last_centre - first_centre + 1 < 13) return profile;
  const int from = std::max(first_centre, last_centre - 12 * years + 1);
  const auto value = [&](int index) {
    return log_count(history.at(util::YearMonth::from_index(index), sector));
  };
  for (int i = from; i <= last_centre; ++i) {
    double average = 0.5 * (value(i - 6) + value(i + 6));
    for (int j = i - 5; j <= i + 5; ++j) average += value(j);
    average /= 12.0;
    const auto calendar = static_cast<std::size_t>(i % 12);
    sum[calendar] += value(i) - average;
    ++count[calendar];
  }
  double mean = 0.0;
  for (std::size_t m = 0; m < 12; ++m) {
    profile[m] = sum[m] / count[m];
    mean += profile[m] / 12.0;
  }
  for (double& p : profile) p -= mean;
  return profile;
}

SeasonalForecaster::SeasonalForecaster(const SectorSeries& history, const ForecastOptions& options)
    : last_observed_(history.last()), weight_(options.seasonal_weight) {
  for (int s = 0; s < model::kSectorCount; ++s) {
    const auto index = static_cast<std::size_t>(s);
    last_value_[index] = history.at(last_observed_, s);
    profiles_[index] = seasonal_profile(history, s, options.seasonal_years);
  }
}

double SeasonalForecaster::forecast(int sector, util::YearMonth month) const {
  const auto index = static_cast<std::size_t>(sector);
  const std::array<double, 12>& profile = profiles_[index];
  const double shift = profile[static_cast<std::size_t>(month.month - 1)] -
                       profile[static_cast<std::size_t>(last_observed_.month - 1)];
  return std::max(last_value_[index], kSmallestCount) * std::exp(weight_ * shift);
}

double SeasonalForecaster::forecast_total(util::YearMonth month) const {
  double sum = 0.0;
  for (int s = 0; s < model::kSectorCount; ++s) sum += forecast(s, month);
  return sum;
}

}  // namespace bf::demand
