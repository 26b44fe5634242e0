#include "demand/interventions.h"

#include <cmath>

namespace bf::demand {
namespace {

util::Date day(int year, int month, int day_of_month) {
  return *util::Date::from_ymd(year, month, day_of_month);
}

double value(const SectorSeries& series, util::YearMonth month, int sector) {
  return std::max(sector < 0 ? series.total(month) : series.at(month, sector), kSmallestCount);
}

}  // namespace

const std::vector<Intervention>& known_interventions() {
  static const std::vector<Intervention> list = {
      {"mpp_2019", day(2019, 1, 29), 1, false,
       "Migrant Protection Protocols (Remain in Mexico) begin at San Ysidro (DHS, 29 Jan 2019)"},
      {"mexico_enforcement_2019_06", day(2019, 6, 7), 1, false,
       "US–Mexico Joint Declaration: Mexico deploys its National Guard (7 Jun 2019)"},
      {"title42_start_2020_03", day(2020, 3, 21), 1, false,
       "CDC order under Title 42 and COVID-19 border restrictions (21 Mar 2020)"},
      {"appointments_2023_01", day(2023, 1, 5), 0, true,
       "Parole processes for Cubans, Haitians, Nicaraguans and Venezuelans (5 Jan 2023) and "
       "CBP One appointments at ports (12 Jan 2023)"},
      {"title42_end_2023_05", day(2023, 5, 12), 1, true,
       "End of Title 42; Circumvention of Lawful Pathways rule in force (12 May 2023)"},
      {"mexico_enforcement_2023_12", day(2023, 12, 27), 1, true,
       "Mexico's immigration institute resumes enforcement after its December funding lapse "
       "(US–Mexico meeting of 27 Dec 2023)"},
      {"proclamation_2024_06", day(2024, 6, 5), 1, true,
       "Proclamation 10773 suspending entry, Securing the Border rule (5 Jun 2024)"},
  };
  return list;
}

const Intervention* find_intervention(std::string_view name) {
  for (const Intervention& i : known_interventions()) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

util::YearMonth first_full_month(const Intervention& intervention) {
  return intervention.date.year_month().plus(intervention.ramp_months);
}

double ramp_share(const Intervention& intervention, util::YearMonth month) {
  return util::share_in_force(intervention.date, intervention.ramp_months, month);
}

bool policy_change_between(util::YearMonth first, util::YearMonth last) {
  for (const Intervention& i : known_interventions()) {
    if (i.date.year_month() <= last && first_full_month(i) >= first) return true;
  }
  return false;
}

std::vector<EffectEstimate> estimate_effects(const SectorSeries& series,
                                             const ForecastOptions& options,
                                             const RollingOriginResult& errors) {
  std::vector<EffectEstimate> estimates;
  if (series.empty()) return estimates;
  for (const Intervention& intervention : known_interventions()) {
    const util::YearMonth origin = intervention.date.year_month();  // first forecast month
    const util::YearMonth first = first_full_month(intervention);
    const util::YearMonth last = first.plus(kEffectMonths - 1);
    if (!series.contains(origin.plus(-16)) || !series.contains(last)) continue;
    const SeasonalForecaster counterfactual(series.through(origin.plus(-1)), options);
    for (int s = -1; s < model::kSectorCount; ++s) {
      const std::vector<HorizonErrors>& spread =
          s < 0 ? errors.total : errors.sectors[static_cast<std::size_t>(s)];
      EffectEstimate e;
      e.intervention = &intervention;
      e.sector = s;
      double variance = 0.0;
      for (util::YearMonth m = first; m <= last; m = m.next()) {
        const double forecast =
            s < 0 ? counterfactual.forecast_total(m) : counterfactual.forecast(s, m);
        e.log_effect += std::log(value(series, m, s) / std::max(forecast, kSmallestCount));
        const auto horizon = static_cast<std::size_t>(m.index() - origin.index());
        const double sd = horizon < spread.size() ? spread[horizon].model_log_rms : 0.0;
        variance += sd * sd;
      }
      e.log_effect /= kEffectMonths;
      // The months' errors share one origin, so they are strongly correlated: take the
      // root mean square of their spreads rather than dividing by the number of months.
      e.standard_error = std::sqrt(variance / kEffectMonths);
      estimates.push_back(e);
    }
  }
  return estimates;
}

}  // namespace bf::demand
