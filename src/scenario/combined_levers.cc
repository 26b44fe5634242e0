#include "scenario/combined_levers.h"

#include <cmath>
#include <cstdint>
#include <variant>

namespace bf::scenario {

double arrivals_factor(const model::PolicyLever& lever) {
  if (const auto* m = std::get_if<model::MexicoEnforcement>(&lever)) return m->arrivals_multiplier;
  if (const auto* e = std::get_if<model::EntrySuspension>(&lever)) return e->deterrence;
  return 1.0;
}

std::string_view arrivals_factor_key(const model::PolicyLever& lever) {
  if (std::holds_alternative<model::MexicoEnforcement>(lever)) return "arrivals_multiplier";
  if (std::holds_alternative<model::EntrySuspension>(lever)) return "deterrence";
  return {};
}

double expected_arrivals_factor(const model::PolicySpec& policy, util::Date date) {
  const double factor = arrivals_factor(policy.lever);
  if (factor == 1.0 || !policy.in_dates(date)) return 1.0;
  int lag_days = 0, ramp_days = 0;
  if (const auto* m = std::get_if<model::MexicoEnforcement>(&policy.lever)) {
    lag_days = m->lag_days;
    ramp_days = m->ramp_days;
  }
  const std::int64_t since = date - policy.start;
  if (since < lag_days) return 1.0;
  if (factor > 1.0) return factor;
  return policy.trigger || since < lag_days + ramp_days - 1 ? 1.0 : factor;
}

std::optional<CombinedFactor> find_combined_factor_above(
    const std::vector<model::PolicySpec>& policies, double max) {
  const double log10_max = std::log10(max);
  for (std::size_t p = 0; p < policies.size(); ++p) {
    if (!(arrivals_factor(policies[p].lever) > 1.0)) continue;
    const util::Date day = policies[p].start;
    for (int s = 0; s < model::kSectorCount; ++s) {
      const auto sector = static_cast<std::size_t>(s);
      if (!policies[p].sectors[sector]) continue;
      CombinedFactor found{p, s, day, 0.0, {}};
      for (std::size_t q = 0; q < policies.size(); ++q) {
        const double factor = arrivals_factor(policies[q].lever);
        if (!(factor > 1.0) || !policies[q].sectors[sector] || !policies[q].in_dates(day)) continue;
        found.log10_factor += std::log10(factor);  // in logs: the product may overflow
        found.together.push_back(q);
      }
      if (found.log10_factor > log10_max) return found;
    }
  }
  return std::nullopt;
}

}  // namespace bf::scenario
