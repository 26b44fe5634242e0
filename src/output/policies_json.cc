#include "output/policies_json.h"

#include <string>
#include <type_traits>
#include <variant>

namespace bf::output {
namespace {

using nlohmann::ordered_json;

template <std::size_t N>
ordered_json named(const std::array<bool, N>& flags, const std::array<std::string_view, N>& keys) {
  ordered_json j = ordered_json::array();
  for (std::size_t i = 0; i < N; ++i) {
    if (flags[i]) j.push_back(std::string(keys[i]));
  }
  return j;
}

template <typename T, std::size_t N>
ordered_json keyed(const std::array<T, N>& values, const std::array<std::string_view, N>& keys) {
  ordered_json j = ordered_json::object();
  for (std::size_t i = 0; i < N; ++i) j[std::string(keys[i])] = values[i];
  return j;
}

ordered_json parameters(const model::PolicyLever& lever) {
  return std::visit(
      [](const auto& l) -> ordered_json {
        using T = std::decay_t<decltype(l)>;
        using namespace model;
        if constexpr (std::is_same_v<T, MexicoEnforcement>) {
          return {{"arrivals_multiplier", l.arrivals_multiplier},
                  {"lag_days", l.lag_days},
                  {"ramp_days", l.ramp_days}};
        } else if constexpr (std::is_same_v<T, MexicoAcceptance>) {
          return {{"capacity_per_day", l.capacity_per_day},
                  {"accepts_share", keyed(l.accepts_share, kCitizenshipKeys)}};
        } else if constexpr (std::is_same_v<T, EntrySuspension>) {
          return {{"ineligible", named(l.ineligible, kDemographicKeys)},
                  {"removal_share", l.removal_share},
                  {"screen_pass_share", l.screen_pass_share},
                  {"deterrence", l.deterrence}};
        } else if constexpr (std::is_same_v<T, RemainInMexico>) {
          return {{"demographics", named(l.demographics, kDemographicKeys)},
                  {"citizenships", named(l.citizenships, kCitizenshipKeys)},
                  {"acceptance_per_day", l.acceptance_per_day},
                  {"recross_probability", l.recross_probability}};
        } else if constexpr (std::is_same_v<T, ExpeditedRemoval>) {
          ordered_json share = ordered_json::object();
          for (std::size_t d = 0; d < l.share.size(); ++d) {
            if (l.share[d]) share[std::string(kDemographicKeys[d])] = *l.share[d];
          }
          return {{"share", share},
                  {"screen_pass_share", l.screen_pass_share ? ordered_json(*l.screen_pass_share)
                                                            : ordered_json(nullptr)}};
        } else if constexpr (std::is_same_v<T, EndCatchAndRelease>) {
          return {{"release_families", l.release_families}};
        } else if constexpr (std::is_same_v<T, DetentionBeds>) {
          return {{"change", l.change}};
        } else if constexpr (std::is_same_v<T, Agents>) {
          return {{"patrol_change", l.patrol_change}, {"processing_change", l.processing_change}};
        } else if constexpr (std::is_same_v<T, SoftSidedFacility>) {
          return {{"capacity", l.capacity}, {"processing_agents", l.processing_agents}};
        } else if constexpr (std::is_same_v<T, AppointmentQuota>) {
          return {{"per_day", l.per_day}, {"minimum", l.minimum}};
        } else if constexpr (std::is_same_v<T, PortClosure>) {
          return {{"modes", named(l.modes, kModeKeys)}};
        } else {
          static_assert(std::is_same_v<T, Barrier>);
          return {{"covered_share", l.covered_share},
                  {"displaced_share", l.displaced_share},
                  {"evasion_reduction", l.evasion_reduction}};
        }
      },
      lever);
}

}  // namespace

ordered_json policies_to_json(const model::ModelSpec& spec) {
  ordered_json out = ordered_json::array();
  for (const model::PolicySpec& p : spec.policies) {
    ordered_json j;
    j["name"] = p.name;
    j["kind"] = std::string(model::kPolicyKindKeys[p.lever.index()]);
    j["start"] = p.start.to_string();
    j["end"] = p.end ? ordered_json(p.end->to_string()) : ordered_json(nullptr);
    j["sectors"] = named(p.sectors, model::kSectorKeys);
    ordered_json crossings = ordered_json::array();
    for (std::size_t c = 0; c < p.crossings.size(); ++c) {
      if (p.crossings[c]) crossings.push_back(spec.ports.crossings[c].key);
    }
    j["crossings"] = crossings;
    if (p.trigger) {
      const model::PolicyTrigger& t = *p.trigger;
      j["trigger"] = {{"on_average_days", t.on_average_days},
                      {"on_at_or_above", t.on_at_or_above},
                      {"off_average_days", t.off_average_days},
                      {"off_below", t.off_below},
                      {"off_for_days", t.off_for_days},
                      {"off_delay_days", t.off_delay_days},
                      {"initially_in_force", t.initially_in_force},
                      {"on_single_day_at_or_above", t.on_single_day_at_or_above
                                                        ? ordered_json(*t.on_single_day_at_or_above)
                                                        : ordered_json(nullptr)},
                      {"max_days_per_year", t.max_days_per_year},
                      {"count_ports", t.count_ports},
                      {"added_per_day", t.added_per_day}};
    }
    j["parameters"] = parameters(p.lever);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace bf::output
