#include "validate/arrival_forecast.h"

#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

namespace bf::validate {

void forecast_arrivals(model::ArrivalSpec& arrivals, const demand::SectorSeries& published,
                       util::YearMonth fit_until, const demand::ForecastOptions& options) {
  if (!published.contains(fit_until)) {
    throw std::invalid_argument("the published sector series does not reach " +
                                fit_until.to_string());
  }
  const demand::SeasonalForecaster model(published.through(fit_until), options);
  // The fit month's levels per (sector, cell), and each sector's total per day.
  std::map<std::tuple<int, int, int>, double> base;
  model::PerSector<double> base_total{};
  model::PerSector<bool> has_base{};
  for (const model::ArrivalLevel& level : arrivals.levels) {
    if (level.month != fit_until) continue;
    base[{level.sector, static_cast<int>(level.demographic), static_cast<int>(level.citizenship)}] =
        level.encounters_per_day;
    base_total[static_cast<std::size_t>(level.sector)] += level.encounters_per_day;
    has_base[static_cast<std::size_t>(level.sector)] = true;
  }
  for (model::ArrivalLevel& level : arrivals.levels) {
    if (level.month <= fit_until) continue;
    const auto s = static_cast<std::size_t>(level.sector);
    if (!has_base[s]) {
      throw std::invalid_argument("the arrival table has no " + fit_until.to_string() +
                                  " level for sector " + std::string(model::kSectorKeys[s]) +
                                  " to forecast from");
    }
    const double per_day = model.forecast(level.sector, level.month) /
                           util::days_in_month(level.month.year, level.month.month);
    const double share = base_total[s] > 0.0
                             ? base[{level.sector, static_cast<int>(level.demographic),
                                     static_cast<int>(level.citizenship)}] /
                                   base_total[s]
                             : 0.0;
    level.encounters_per_day = per_day * share;
  }
}

}  // namespace bf::validate
