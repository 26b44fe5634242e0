#include "output/spec_json.h"

#include "output/policies_json.h"
#include "output/ports_json.h"

namespace bf::output {
namespace {

using model::kCitizenshipKeys;
using model::kDemographicKeys;
using model::kSectorKeys;
using nlohmann::ordered_json;

double minutes_to_hours(model::SimTime m) { return static_cast<double>(m) / 60.0; }

ordered_json duration(const model::DurationSpec& d) {
  return ordered_json{{"mean_hours", minutes_to_hours(d.mean)}, {"cv", d.cv}};
}

template <typename T, std::size_t N>
ordered_json keyed(const std::array<T, N>& values, const std::array<std::string_view, N>& keys) {
  ordered_json j = ordered_json::object();
  for (std::size_t i = 0; i < N; ++i) j[std::string(keys[i])] = values[i];
  return j;
}

template <std::size_t N>
ordered_json keyed_durations(const std::array<model::DurationSpec, N>& values,
                             const std::array<std::string_view, N>& keys) {
  ordered_json j = ordered_json::object();
  for (std::size_t i = 0; i < N; ++i) j[std::string(keys[i])] = duration(values[i]);
  return j;
}

}  // namespace

ordered_json spec_to_json(const model::ModelSpec& spec) {
  ordered_json j;
  j["name"] = spec.name;
  j["start"] = spec.start_date.to_string();
  j["days"] = spec.days;
  j["seed"] = spec.seed;

  ordered_json arrivals;
  arrivals["table_rows"] = spec.arrivals.levels.size();
  arrivals["day_dispersion"] = spec.arrivals.day_dispersion;
  arrivals["weekly_pattern_monday_first"] = spec.arrivals.weekly_pattern;
  arrivals["family_size_probabilities_from_2"] = spec.arrivals.family_size_probabilities;
  arrivals["surrender_probability"] = keyed(spec.arrivals.surrender_probability, kDemographicKeys);
  // Only effects the scenario rescales: the rest of the table changes nothing.
  ordered_json effects = ordered_json::array();
  for (const model::EffectScale& e : spec.arrivals.effects) {
    if (e.scale == 1.0) continue;
    effects.push_back({{"name", e.name},
                       {"date", e.date.to_string()},
                       {"ramp_months", e.ramp_months},
                       {"scale", e.scale},
                       {"log_effect", keyed(e.log_effect, kSectorKeys)}});
  }
  arrivals["effects_rescaled"] = effects;
  // The replay whose parameters convert encounters into crossers; "" = this scenario.
  arrivals["conversion_reference"] =
      spec.arrivals.conversion_reference ? spec.arrivals.conversion_reference_file : "";
  j["arrivals"] = arrivals;

  ordered_json surges = ordered_json::array();
  for (const auto& s : spec.surges) {
    surges.push_back({{"name", s.name},
                      {"sector", std::string(kSectorKeys[static_cast<std::size_t>(s.sector)])},
                      {"first_day", s.first_day.to_string()},
                      {"last_day", s.last_day.to_string()},
                      {"people", s.people},
                      {"included_in_table", s.included_in_table}});
  }
  j["surges"] = surges;

  ordered_json sectors = ordered_json::object();
  for (std::size_t i = 0; i < spec.sectors.size(); ++i) {
    const auto& s = spec.sectors[i];
    sectors[std::string(kSectorKeys[i])] = {
        {"agents_on_patrol", s.agents_on_patrol},
        {"processing_agents", s.processing_agents},
        {"holding_capacity", s.holding_capacity},
        {"half_saturation_agents", s.half_saturation_agents},
        {"initial_in_custody", s.initial_in_custody},
        {"initial_waiting_in_mexico", s.initial_waiting_in_mexico},
        {"initial_waiting_days", s.initial_waiting_days}};
  }
  j["sectors"] = sectors;

  j["apprehension"] = {{"max_probability", spec.apprehension.max_probability},
                       {"delay", duration(spec.apprehension.delay)},
                       {"surrender_wait", duration(spec.apprehension.surrender_wait)}};
  j["processing"] = {
      {"transport", duration(spec.processing.transport)},
      {"service_time_per_person", keyed_durations(spec.processing.service_time, kDemographicKeys)},
      {"custody_standard_hours", minutes_to_hours(spec.processing.custody_standard)},
      {"title42_service_time_per_person", duration(spec.processing.title42_service_time)}};
  // Only when the sectors' processing agents were derived (their values are under sectors).
  if (spec.processing.agents_utilization) {
    j["processing"]["agents_from_encounters"] = {
        {"utilization", *spec.processing.agents_utilization}};
  }

  const auto& d = spec.dispositions;
  ordered_json batches = ordered_json::array();
  for (auto t : d.return_batch_times) batches.push_back(minutes_to_hours(t));
  j["dispositions"] = {
      {"return_batch_hours", batches},
      {"mexican_returns_per_day", d.mexican_returns_per_day},
      {"non_mexican_returns_per_day", d.non_mexican_returns_per_day},
      {"mexico_accepts_share", keyed(d.mexico_accepts_share, kCitizenshipKeys)},
      {"expedited_removal_share", keyed(d.expedited_removal_share, kDemographicKeys)},
      {"release_delay", duration(d.release_delay)},
      {"crowded_release", d.crowded_release
                              ? ordered_json{{"occupancy", d.crowded_release->occupancy},
                                             {"delay", duration(d.crowded_release->delay)}}
                              : ordered_json()},
      {"ice_transfer_delay", duration(d.ice_transfer_delay)},
      {"max_wait_for_bed_hours", minutes_to_hours(d.max_wait_for_bed)},
      {"repatriate_mexican_children", d.repatriate_mexican_children},
      {"title42_end", d.title42_end ? ordered_json(d.title42_end->to_string()) : ordered_json()},
      // The table as the scenario names it ("" for none) and the months of it the run uses.
      {"outcome_mix", d.outcome_mix_file},
      {"outcome_mix_months", d.outcome_mix.months.size()}};
  const auto& det = spec.detention;
  j["detention"] = {{"beds", det.beds},
                    {"initial_population", det.initial_population},
                    {"length_of_stay", duration(det.length_of_stay)},
                    // With an outcome mix ICE's release share is the mix's, month by month
                    // (its ice_release_share), and the fixed share is not used: null.
                    {"credible_fear_positive_share",
                     d.outcome_mix.months.empty() ? ordered_json(det.credible_fear_positive_share)
                                                  : ordered_json()},
                    {"flight_seats_per_week", keyed(det.flight_seats_per_week, kCitizenshipKeys)},
                    {"flight_weekday_monday_0", det.flight_weekday},
                    {"max_wait_for_flight_hours", minutes_to_hours(det.max_wait_for_flight)},
                    {"book_in_bed_elasticity", det.book_in_bed_elasticity}};
  j["orr"] = {{"beds", spec.orr.beds},
              {"initial_population", spec.orr.initial_population},
              {"length_of_stay", duration(spec.orr.length_of_stay)},
              {"transfer_delay", duration(spec.orr.transfer_delay)}};
  j["recrossing"] = {
      {"probability", keyed(spec.recrossing.probability, kCitizenshipKeys)},
      {"title42_probability", keyed(spec.recrossing.title42_probability, kCitizenshipKeys)},
      {"delay", duration(spec.recrossing.delay)}};
  if (!spec.ports.crossings.empty()) j["ports"] = ports_to_json(spec.ports);
  if (!spec.policies.empty()) j["policies"] = policies_to_json(spec);
  return j;
}

}  // namespace bf::output
