#include "model/encounter_rates.h"

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

double return_probability(const ModelSpec& spec, Demographic demographic, Citizenship citizenship) {
  if (citizenship != Citizenship::kMexico) return 0.0;
  if (demographic == Demographic::kUnaccompaniedChild) {
    return spec.dispositions.repatriate_mexican_children ? 1.0 : 0.0;
  }
  return 1.0;
}

double encounters_per_new_crosser(const ModelSpec& spec, int sector, Demographic demographic,
                                  Citizenship citizenship) {
  const double f = encounter_probability(spec, sector, demographic);
  const double r = return_probability(spec, demographic, citizenship);
  const double q = spec.recrossing.probability[index_of(citizenship)];
  return f / (1.0 - f * r * q);
}

}  // namespace bf::model
