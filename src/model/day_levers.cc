#include "model/day_levers.h"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "model/encounter_rates.h"

namespace bf::model {
namespace {

// Mexico's enforcement multiplier on `date`: 1 before start + lag, then linear to the full
// multiplier over ramp_days.
double enforcement_multiplier(const MexicoEnforcement& m, util::Date start, util::Date date) {
  const auto since = static_cast<double>(date - start) - m.lag_days;
  if (since < 0) return 1.0;
  const double reached = m.ramp_days == 0 ? 1.0 : std::min(1.0, (since + 1.0) / m.ramp_days);
  return 1.0 + (m.arrivals_multiplier - 1.0) * reached;
}

// Barriers in force, applied once every other lever is known.
struct BarrierAt {
  const Barrier* barrier;
  int sector;
};

// Moves each barrier's displaced crossers to the neighbours along the border (sectors are
// numbered west to east), half each, or all to an end sector's one neighbour. A neighbour
// with no crossers in the table (no mix to give them) receives nobody: everyone displaced
// goes to the other one, and with neither nobody is displaced. Evaders still crossing at a
// segment are caught more often.
void apply_barriers(const std::vector<BarrierAt>& barriers, const PerSector<double>& expected,
                    DayLevers& out, PerSector<double>& segment_catch) {
  PerSector<double> people{};  // expected crossers a day after the other levers
  for (std::size_t s = 0; s < people.size(); ++s) {
    people[s] = expected[s] * out.arrivals_multiplier[s];
  }
  PerSector<double> moved_people{};
  for (const BarrierAt& at : barriers) {
    const Barrier& b = *at.barrier;
    const auto s = static_cast<std::size_t>(at.sector);
    std::vector<std::size_t> receivers;
    if (at.sector > 0 && expected[s - 1] > 0.0) receivers.push_back(s - 1);
    if (at.sector + 1 < kSectorCount && expected[s + 1] > 0.0) receivers.push_back(s + 1);
    const double moved = receivers.empty() ? 0.0 : b.covered_share * b.displaced_share;
    for (std::size_t r : receivers) {
      moved_people[r] += people[s] * moved / static_cast<double>(receivers.size());
    }
    moved_people[s] -= people[s] * moved;
    // Of the people still crossing in the sector, the share who cross at the segment.
    const double stays = b.covered_share * (receivers.empty() ? 1.0 : 1.0 - b.displaced_share);
    const double at_segment = moved < 1.0 ? stays / (1.0 - moved) : 0.0;
    segment_catch[s] += at_segment * b.evasion_reduction;
  }
  for (std::size_t s = 0; s < people.size(); ++s) {
    if (expected[s] > 0.0) out.arrivals_multiplier[s] += moved_people[s] / expected[s];
  }
}

}  // namespace

DayLevers resolve_levers(const ModelSpec& spec, util::Date date, const std::vector<bool>& in_force,
                         const PerSector<double>& expected_crossers) {
  DayLevers out;
  out.arrivals_multiplier.fill(1.0);
  out.detention_beds = spec.detention.beds;
  out.non_mexican_returns_per_day = spec.dispositions.non_mexican_returns_per_day;
  out.mexico_accepts_share = spec.dispositions.mexico_accepts_share;
  out.remain_in_mexico.fill(kNoPolicy);
  out.end_catch_and_release.fill(kNoPolicy);
  out.appointments_per_day = spec.ports.appointments_per_day;
  out.closed.assign(spec.ports.crossings.size(), PerMode<bool>{});
  PerSector<double> patrol{};
  PerSector<double> segment_catch{};
  std::vector<BarrierAt> barriers;
  for (int s = 0; s < kSectorCount; ++s) {
    const auto i = static_cast<std::size_t>(s);
    patrol[i] = spec.sectors[i].agents_on_patrol;
    out.processing_agents[i] = spec.sectors[i].processing_agents;
    out.holding_capacity[i] = spec.sectors[i].holding_capacity;
    out.expedited_removal_share[i] = spec.dispositions.expedited_removal_share;
    out.removal_policy[i].fill(kNoPolicy);
  }

  for (std::size_t p = 0; p < spec.policies.size(); ++p) {
    if (!in_force[p]) continue;
    const PolicySpec& policy = spec.policies[p];
    const int index = static_cast<int>(p);
    const auto each_sector = [&policy](auto&& f) {
      for (int s = 0; s < kSectorCount; ++s) {
        if (policy.sectors[static_cast<std::size_t>(s)]) f(static_cast<std::size_t>(s));
      }
    };
    std::visit(
        [&](const auto& lever) {
          using T = std::decay_t<decltype(lever)>;
          if constexpr (std::is_same_v<T, MexicoEnforcement>) {
            const double m = enforcement_multiplier(lever, policy.start, date);
            each_sector([&](std::size_t s) { out.arrivals_multiplier[s] *= m; });
          } else if constexpr (std::is_same_v<T, MexicoAcceptance>) {
            out.non_mexican_returns_per_day = lever.capacity_per_day;
            out.mexico_accepts_share = lever.accepts_share;
          } else if constexpr (std::is_same_v<T, EntrySuspension>) {
            each_sector([&](std::size_t s) {
              out.arrivals_multiplier[s] *= lever.deterrence;
              for (int d = 0; d < kDemographicCount; ++d) {
                if (!lever.ineligible[static_cast<std::size_t>(d)]) continue;
                out.expedited_removal_share[s][static_cast<std::size_t>(d)] = lever.removal_share;
                out.removal_policy[s][static_cast<std::size_t>(d)] = index;
              }
            });
          } else if constexpr (std::is_same_v<T, RemainInMexico>) {
            each_sector([&](std::size_t s) { out.remain_in_mexico[s] = index; });
          } else if constexpr (std::is_same_v<T, ExpeditedRemoval>) {
            each_sector([&](std::size_t s) {
              for (int d = 0; d < kDemographicCount; ++d) {
                const auto& share = lever.share[static_cast<std::size_t>(d)];
                if (!share) continue;
                out.expedited_removal_share[s][static_cast<std::size_t>(d)] = *share;
                // Its own stricter screen travels with the person, like a suspension's.
                out.removal_policy[s][static_cast<std::size_t>(d)] =
                    lever.screen_pass_share ? index : kNoPolicy;
              }
            });
          } else if constexpr (std::is_same_v<T, EndCatchAndRelease>) {
            each_sector([&](std::size_t s) { out.end_catch_and_release[s] = index; });
          } else if constexpr (std::is_same_v<T, DetentionBeds>) {
            out.detention_beds += lever.change;
          } else if constexpr (std::is_same_v<T, Agents>) {
            each_sector([&](std::size_t s) {
              patrol[s] += lever.patrol_change;
              out.processing_agents[s] += lever.processing_change;
            });
          } else if constexpr (std::is_same_v<T, SoftSidedFacility>) {
            each_sector([&](std::size_t s) {
              out.holding_capacity[s] += lever.capacity;
              out.processing_agents[s] += lever.processing_agents;
            });
          } else if constexpr (std::is_same_v<T, AppointmentQuota>) {
            out.appointments_per_day =
                lever.minimum ? std::max(out.appointments_per_day, lever.per_day) : lever.per_day;
          } else if constexpr (std::is_same_v<T, PortClosure>) {
            for (std::size_t c = 0; c < policy.crossings.size(); ++c) {
              if (!policy.crossings[c]) continue;
              for (int m = 0; m < kModeCount; ++m) {
                if (lever.modes[static_cast<std::size_t>(m)]) {
                  out.closed[c][static_cast<std::size_t>(m)] = true;
                }
              }
            }
          } else {
            // A new lever kind must say here what it changes: it cannot be silently ignored.
            static_assert(std::is_same_v<T, Barrier>);
            each_sector([&](std::size_t s) { barriers.push_back({&lever, static_cast<int>(s)}); });
          }
        },
        policy.lever);
  }

  apply_barriers(barriers, expected_crossers, out, segment_catch);
  // Totals never go below zero, whatever the changes add up to.
  out.detention_beds = std::max<std::int64_t>(0, out.detention_beds);
  for (int s = 0; s < kSectorCount; ++s) {
    const auto i = static_cast<std::size_t>(s);
    out.processing_agents[i] = std::max(0, out.processing_agents[i]);
    SectorSpec staffed = spec.sectors[i];
    staffed.agents_on_patrol = std::max(0.0, patrol[i]);
    out.agents_on_patrol[i] = staffed.agents_on_patrol;
    const double p = apprehension_probability(spec.apprehension, staffed);
    out.apprehension_probability[i] = p + (1.0 - p) * std::min(1.0, segment_catch[i]);
  }
  return out;
}

}  // namespace bf::model
