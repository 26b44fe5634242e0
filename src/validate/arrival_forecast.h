#pragma once
// Out-of-sample arrivals: the arrival table's months after the fit date are replaced by the
// demand model's forecast from the published series through that date, so a validation
// run is told nothing about the months it predicts.

#include "demand/seasonal_forecast.h"
#include "demand/sector_series.h"
#include "model/model_spec.h"
#include "util/date.h"

namespace bf::validate {

// For every level of a month after `fit_until`: encounters_per_day = the table's level of the
// same sector and cell in `fit_until` × (forecast sector total per day / the table's sector
// total per day in `fit_until`). Each sector keeps its demographic × citizenship mix of
// `fit_until`; title42_share stays the month's own (the policy calendar is known ahead).
// Throws std::invalid_argument when `published` does not reach `fit_until` or the table
// has no level in `fit_until` for some sector with later months.
void forecast_arrivals(model::ArrivalSpec& arrivals, const demand::SectorSeries& published,
                       util::YearMonth fit_until, const demand::ForecastOptions& options);

}  // namespace bf::validate
