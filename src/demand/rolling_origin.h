#pragma once
// Rolling-origin evaluation of the demand model against the simple forecasts an analyst
// would try first: for every origin m (fit through m − 1, forecast m .. m + H − 1) whose
// window has no policy change and whose months are all published, the absolute errors of
// each method by horizon. Ratios of mean absolute errors (model / simple) below 1 mean the
// model forecasts better (MASE-style).

#include <array>
#include <string_view>
#include <vector>

#include "demand/seasonal_forecast.h"
#include "demand/sector_series.h"
#include "util/date.h"

namespace bf::demand {

// The forecasts compared, in this order.
enum class Method : int { kModel, kSeasonalTrend, kLastMonth, kMeanOfThree, kSameMonthLastYear };
inline constexpr int kMethodCount = 5;
inline constexpr std::array<std::string_view, kMethodCount> kMethodNames = {
    "demand model", "same month a year earlier x recent trend", "last month",
    "mean of last three months", "same month a year earlier"};

// Forecast of `month` by a simple method, from the history through origin − 1 (the series
// must hold the 15 months before origin). `sector` −1 means the Southwest total.
double simple_forecast(Method method, const SectorSeries& series, util::YearMonth origin,
                       util::YearMonth month, int sector);

struct HorizonErrors {
  int forecasts = 0;                                 // origins evaluated at this horizon
  std::array<double, kMethodCount> mean_absolute{};  // encounters per month
  double model_mean_absolute_percent = 0.0;          // mean |error| / published, percent
  double model_log_rms = 0.0;  // root mean square of log(published / model forecast)
};

struct RollingOriginResult {
  util::YearMonth first_origin;
  util::YearMonth last_origin;
  std::vector<util::YearMonth> origins;  // the origins evaluated (policy-free, complete)
  std::vector<HorizonErrors> total;      // Southwest total, [horizon − 1]
  model::PerSector<std::vector<HorizonErrors>> sectors;  // each sector, [horizon − 1]
};

// Evaluates origins first_origin .. last_origin (clamped to what `series` allows: 15 months
// of history before the origin, all H months published) with `horizons` horizons.
RollingOriginResult rolling_origin(const SectorSeries& series, util::YearMonth first_origin,
                                   util::YearMonth last_origin, int horizons,
                                   const ForecastOptions& options);

}  // namespace bf::demand
