#include "model/encounter_rates.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace bf::model {

double apprehension_probability(const ApprehensionSpec& apprehension, const SectorSpec& sector) {
  const double a = sector.agents_on_patrol;
  if (a <= 0.0) return 0.0;
  return apprehension.max_probability * a / (a + sector.half_saturation_agents);
}

double encounter_probability(const ModelSpec& spec, int sector, Demographic demographic) {
  const double s = spec.arrivals.surrender_probability[index_of(demographic)];
  const double p = apprehension_probability(spec.apprehension, spec.sectors[sector]);
  return s + (1.0 - s) * p;
}

double return_probability(const ModelSpec& spec, Demographic demographic, Citizenship citizenship,
                          std::optional<util::YearMonth> month) {
  const OutcomeMix& mix = spec.dispositions.outcome_mix;
  if (!mix.empty()) {
    if (!month || *month < mix.months.front().month || mix.months.back().month < *month) {
      throw std::logic_error(
          "the outcome mix used to convert encounters into people crossing (the conversion "
          "reference's) has no month " +
          (month ? month->to_string() : std::string("(none given)")));
    }
    return mix.at(*month).shares[static_cast<std::size_t>(index_of(demographic))]
                                [static_cast<std::size_t>(index_of(citizenship))]
                                [static_cast<std::size_t>(Outcome::kReturned)];
  }
  if (citizenship != Citizenship::kMexico) return 0.0;
  if (demographic == Demographic::kUnaccompaniedChild) {
    return spec.dispositions.repatriate_mexican_children ? 1.0 : 0.0;
  }
  return 1.0;
}

double encounters_per_new_crosser(const ModelSpec& spec, int sector, Demographic demographic,
                                  Citizenship citizenship, double title42_share,
                                  std::optional<util::YearMonth> month) {
  const double f = encounter_probability(spec, sector, demographic);
  const double r = return_probability(spec, demographic, citizenship, month);
  const double q = spec.recrossing.probability[index_of(citizenship)];
  // Without Title 42 the expression is kept exactly as it was, so runs without it keep their
  // arrivals (and fingerprints) to the last bit.
  if (title42_share == 0.0) return f / (1.0 - f * r * q);
  const double q42 = spec.recrossing.title42_probability[index_of(citizenship)];
  const double t = title42_share;
  return f / (1.0 - f * (t * q42 + (1.0 - t) * r * q));
}

namespace {

// Days of `month` before title42_end, and the month's length.
struct EndMonth {
  int days_before_end = 0;
  int days_in_month = 0;
};
EndMonth end_month_days(util::Date end) {
  return {end.day() - 1, util::days_in_month(end.year(), end.month())};
}

}  // namespace

double title42_expulsion_probability(const DispositionSpec& dispositions, double month_share,
                                     util::Date date) {
  if (!dispositions.title42_end || date >= *dispositions.title42_end) return 0.0;
  if (date.year_month() != dispositions.title42_end->year_month()) return month_share;
  // days_before_end >= 1 here: date is in the end month and before the end.
  const EndMonth m = end_month_days(*dispositions.title42_end);
  return std::min(1.0, month_share * m.days_in_month / m.days_before_end);
}

double title42_month_share(const DispositionSpec& dispositions, double month_share,
                           util::YearMonth month) {
  if (!dispositions.title42_end) return 0.0;
  const util::YearMonth end = dispositions.title42_end->year_month();
  if (month < end) return month_share;
  if (month > end) return 0.0;
  const EndMonth m = end_month_days(*dispositions.title42_end);
  return std::min(month_share, static_cast<double>(m.days_before_end) / m.days_in_month);
}

}  // namespace bf::model
