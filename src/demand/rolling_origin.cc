#include "demand/rolling_origin.h"

#include <algorithm>
#include <cmath>

#include "demand/interventions.h"

namespace bf::demand {
namespace {

double value(const SectorSeries& series, util::YearMonth month, int sector) {
  return sector < 0 ? series.total(month) : series.at(month, sector);
}

// Accumulates sums per method for one horizon; finish() turns them into means.
struct HorizonSums {
  std::array<double, kMethodCount> absolute{};
  double percent = 0.0;
  double log_squared = 0.0;
  int count = 0;

  void add(const std::array<double, kMethodCount>& forecasts, double published) {
    for (int m = 0; m < kMethodCount; ++m) {
      absolute[static_cast<std::size_t>(m)] +=
          std::abs(forecasts[static_cast<std::size_t>(m)] - published);
    }
    const double model = forecasts[0];
    if (published > 0.0) percent += 100.0 * std::abs(model - published) / published;
    const double ratio =
        std::log(std::max(published, kSmallestCount) / std::max(model, kSmallestCount));
    log_squared += ratio * ratio;
    ++count;
  }
  HorizonErrors finish() const {
    HorizonErrors e;
    e.forecasts = count;
    if (count == 0) return e;
    for (int m = 0; m < kMethodCount; ++m) {
      e.mean_absolute[static_cast<std::size_t>(m)] = absolute[static_cast<std::size_t>(m)] / count;
    }
    e.model_mean_absolute_percent = percent / count;
    e.model_log_rms = std::sqrt(log_squared / count);
    return e;
  }
};

}  // namespace

double simple_forecast(Method method, const SectorSeries& series, util::YearMonth origin,
                       util::YearMonth month, int sector) {
  const auto v = [&](int months_before_origin) {
    return value(series, origin.plus(-months_before_origin), sector);
  };
  switch (method) {
    case Method::kLastMonth:
      return v(1);
    case Method::kMeanOfThree:
      return (v(1) + v(2) + v(3)) / 3.0;
    case Method::kSameMonthLastYear:
      return value(series, month.plus(-12), sector);
    case Method::kSeasonalTrend: {
      // Same month a year earlier × (last three months / the same three a year before).
      const double recent = v(1) + v(2) + v(3);
      const double year_before = v(13) + v(14) + v(15);
      const double trend = year_before > 0.0 ? recent / year_before : 1.0;
      return value(series, month.plus(-12), sector) * trend;
    }
    case Method::kModel:
      break;
  }
  return 0.0;  // kModel is not a simple forecast
}

RollingOriginResult rolling_origin(const SectorSeries& series, util::YearMonth first_origin,
                                   util::YearMonth last_origin, int horizons,
                                   const ForecastOptions& options) {
  RollingOriginResult result;
  result.first_origin = first_origin;
  result.last_origin = last_origin;
  std::vector<HorizonSums> total(static_cast<std::size_t>(horizons));
  std::vector<std::vector<HorizonSums>> sectors(
      model::kSectorCount, std::vector<HorizonSums>(static_cast<std::size_t>(horizons)));
  if (!series.empty()) {
    const util::YearMonth earliest = series.first().plus(15);
    const util::YearMonth latest = series.last().plus(-(horizons - 1));
    for (util::YearMonth origin = std::max(first_origin, earliest);
         origin <= std::min(last_origin, latest); origin = origin.next()) {
      if (policy_change_between(origin, origin.plus(horizons - 1))) continue;
      result.origins.push_back(origin);
      const SeasonalForecaster model(series.through(origin.plus(-1)), options);
      for (int h = 1; h <= horizons; ++h) {
        const util::YearMonth month = origin.plus(h - 1);
        const auto index = static_cast<std::size_t>(h - 1);
        for (int s = -1; s < model::kSectorCount; ++s) {
          std::array<double, kMethodCount> forecasts{};
          forecasts[0] = s < 0 ? model.forecast_total(month) : model.forecast(s, month);
          for (int m = 1; m < kMethodCount; ++m) {
            forecasts[static_cast<std::size_t>(m)] =
                simple_forecast(static_cast<Method>(m), series, origin, month, s);
          }
          HorizonSums& sums = s < 0 ? total[index] : sectors[static_cast<std::size_t>(s)][index];
          sums.add(forecasts, value(series, month, s));
        }
      }
    }
  }
  for (const HorizonSums& sums : total) result.total.push_back(sums.finish());
  for (int s = 0; s < model::kSectorCount; ++s) {
    for (const HorizonSums& sums : sectors[static_cast<std::size_t>(s)]) {
      result.sectors[static_cast<std::size_t>(s)].push_back(sums.finish());
    }
  }
  return result;
}

}  // namespace bf::demand
