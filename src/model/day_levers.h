#pragma once
// What the policies in force change on one day, resolved per sector: the World reads these
// numbers instead of the scenario's fixed ones. When several policies of a kind act in the
// same place, multipliers multiply, changes add up, and for replacements (shares, capacities,
// quotas) the policy declared last wins (docs/model.md, "Policy levers").

#include <cstdint>
#include <vector>

#include "model/model_spec.h"

namespace bf::model {

inline constexpr int kNoPolicy = -1;

struct DayLevers {
  PerSector<double> arrivals_multiplier{};       // people reaching the border, × the table's
  PerSector<double> apprehension_probability{};  // P(an evader is caught)
  PerSector<double> agents_on_patrol{};          // the sector's, with an agents policy's patrol
  PerSector<int> processing_agents{};            // before officers moved from ports
  PerSector<std::int64_t> holding_capacity{};
  std::int64_t detention_beds = 0;
  int non_mexican_returns_per_day = 0;
  PerCitizenship<double> mexico_accepts_share{};
  PerSector<PerDemographic<double>> expedited_removal_share{};
  // The entry-suspension or expedited-removal policy with its own screen that sends a
  // demographic to expedited removal (its screening share applies in detention), or
  // kNoPolicy.
  PerSector<PerDemographic<int>> removal_policy{};
  PerSector<int> remain_in_mexico{};       // policy index, or kNoPolicy
  PerSector<int> end_catch_and_release{};  // policy index, or kNoPolicy
  int appointments_per_day = 0;
  std::vector<PerMode<bool>> closed;  // per crossing: modes closed by a policy
};

// The levers of `date` with `in_force[i]` telling whether spec.policies[i] is in force.
// `expected_crossers[s]` is the day's mean of new crossers in sector s before policies (the
// arrival table's level): barrier displacement moves people in proportion to it.
DayLevers resolve_levers(const ModelSpec& spec, util::Date date, const std::vector<bool>& in_force,
                         const PerSector<double>& expected_crossers);

}  // namespace bf::model
