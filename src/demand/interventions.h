#pragma once
// The policy interventions that moved Border Patrol encounters, as named effects with a date
// and a ramp, and their sizes estimated from the published series by interrupted time
// series: the demand model's forecast from the month before the intervention is the
// counterfactual, and the effect is the mean log ratio of what was published to it over the
// first three fully affected months. docs/model.md, "Demand model", lists the estimates.

#include <string_view>
#include <vector>

#include "demand/rolling_origin.h"
#include "demand/seasonal_forecast.h"
#include "demand/sector_series.h"
#include "util/date.h"

namespace bf::demand {

struct Intervention {
  std::string_view name;         // key used by scenarios (arrivals.effects)
  util::Date date;               // first day in force
  int ramp_months = 0;           // 0 or 1: partly affected months from the date's month on
  bool scenario_effect = false;  // one of the four effects the replay names (else history)
  std::string_view description;  // with its source
};

// Every intervention in the record, oldest first. The scenario effects are the four the
// FY2023–FY2024 replay needs; the historical ones keep policy months out of the
// rolling-origin evaluation and are estimated the same way.
const std::vector<Intervention>& known_interventions();
const Intervention* find_intervention(std::string_view name);

// First month the intervention fully affects.
util::YearMonth first_full_month(const Intervention& intervention);
// Share of `month`'s days on or after the intervention's date, for its ramp: 0 before the
// date's month, linear over the ramp months, 1 from the first full month.
double ramp_share(const Intervention& intervention, util::YearMonth month);
// Whether any intervention affects a month in [first, last].
bool policy_change_between(util::YearMonth first, util::YearMonth last);

// Months averaged for an effect (the first fully affected ones).
inline constexpr int kEffectMonths = 3;

struct EffectEstimate {
  const Intervention* intervention = nullptr;
  int sector = -1;              // -1: the Southwest total
  double log_effect = 0.0;      // mean log(published / counterfactual forecast)
  double standard_error = 0.0;  // from the rolling-origin error spread at those horizons
};

// Estimates every intervention whose origin and averaged months lie in `series`, per sector
// and for the Southwest total, in known_interventions() order (total first, then sectors).
// `errors` supplies the forecast error spread by horizon (at least ramp + 3 horizons).
std::vector<EffectEstimate> estimate_effects(const SectorSeries& series,
                                             const ForecastOptions& options,
                                             const RollingOriginResult& errors);

}  // namespace bf::demand
