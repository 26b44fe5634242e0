#pragma once
// Policy levers: the options argued over in December 2023, each a dated change to the model
// in a scope (sectors or crossings), optionally switched on and off by a trigger on the
// simulated state. Plain data, already validated by scenario/policies_reader. What each kind
// does, its default magnitude and the evidence or assumption behind it are in docs/model.md,
// "Policy levers"; the ranges in docs/parameters.md.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/population.h"
#include "model/port_spec.h"
#include "util/date.h"

namespace bf::model {

// Mexico's own enforcement (interdiction, deportations from Mexico, transfers south): people
// reaching the border in scope are multiplied by `arrivals_multiplier`, reached linearly over
// `ramp_days` once `lag_days` have passed since the start. Back to 1 the day after the end.
struct MexicoEnforcement {
  double arrivals_multiplier = 1.0;  // > 0; < 1 stops people, > 1 lets more through
  int lag_days = 0;                  // >= 0
  int ramp_days = 0;                 // >= 0; 0 = the full multiplier at once
};

// Mexico takes back non-Mexicans returned by the US: replaces dispositions'
// non_mexican_returns_per_day and mexico_accepts_share while in force. Whole border.
struct MexicoAcceptance {
  int capacity_per_day = 0;  // people a day
  PerCitizenship<double> accepts_share = {0.0, 1.0, 1.0, 1.0, 0.3};
};

// Entry suspended under INA 212(f) (the June 2024 proclamation and rule): people of the
// ineligible groups encountered in scope (non-Mexicans; Mexicans are returned anyway) are
// processed for expedited removal with `removal_share`, and pass the fear screening with
// `screen_pass_share` instead of detention's credible_fear_positive_share; people reaching
// the border in scope are multiplied by `deterrence` while it is in force.
struct EntrySuspension {
  PerDemographic<bool> ineligible = {true, true, false, false};  // children are excepted
  double removal_share = 0.6;      // of the ineligible: to expedited removal
  double screen_pass_share = 0.3;  // of those decided in detention: released with an NTA
  double deterrence = 0.51;        // arrivals multiplier while in force
};

// Remain in Mexico (Migrant Protection Protocols): eligible non-Mexicans who would be
// released are instead returned to Mexico to await their hearing, up to Mexico's daily
// acceptance; a share of them give up waiting and cross again.
struct RemainInMexico {
  PerDemographic<bool> demographics = {true, true, false, false};
  PerCitizenship<bool> citizenships = {false, true, true, true, true};
  int acceptance_per_day = 400;      // people a day Mexico accepts
  double recross_probability = 0.2;  // P(an enrollee crosses again rather than wait)
};

// Wider expedited removal: the share of non-Mexicans placed in expedited removal, by
// demographic, replaces dispositions' expedited_removal_share in scope. Demographics the
// policy does not name keep the scenario's share. With `screen_pass_share`, those it places
// in removal and whose case is decided in detention pass a stricter fear screening with that
// probability instead of detention's credible_fear_positive_share (none: the usual screen).
struct ExpeditedRemoval {
  PerDemographic<std::optional<double>> share{};
  std::optional<double> screen_pass_share;  // probability in [0, 1]
};

// Ending catch-and-release: release straight from Border Patrol custody only where the law
// requires it (unaccompanied children go to ORR in any case; families when
// `release_families`, for the Flores settlement's limits on holding children). Everyone else
// who would be released waits in custody for an ICE bed, for as long as it takes: the
// overflow stays in custody and is reported (in_custody, over_capacity, held_over_72h,
// awaiting_detention_bed), never dropped.
struct EndCatchAndRelease {
  bool release_families = true;
};

// Detention beds added (or removed, negative) to the scenario's ICE beds. Whole border.
struct DetentionBeds {
  int change = 0;
};

// Agents hired or moved: added (or removed) in each sector in scope, on duty at any time.
struct Agents {
  double patrol_change = 0.0;
  int processing_change = 0;
};

// Temporary soft-sided processing facilities in each sector in scope: holding capacity and
// the (contract) staff that process people there.
struct SoftSidedFacility {
  int capacity = 1000;        // people
  int processing_agents = 0;  // added processing servers
};

// The daily CBP One appointment quota at ports, replacing ports.appointments. Whole border.
// With `minimum`, a floor instead: the quota in force is raised to `per_day` if below it and
// otherwise kept (the Senate's 2024 emergency authority: at least 1,400 a day processed at
// ports while it is on).
struct AppointmentQuota {
  int per_day = 1450;
  bool minimum = false;
};

// Port or lane closures at the crossings in scope.
struct PortClosure {
  PerMode<bool> modes = {true, true, true, true, true};
};

// Barrier segments in each sector in scope. A share `covered_share` of the sector's
// crossers would cross where the segment is; `displaced_share` of them cross in the
// neighbouring sectors instead (half to each neighbour along the border, all to the one
// neighbour of an end sector); evaders who still cross at the segment are caught with
// p + (1 − p) · evasion_reduction instead of p.
struct Barrier {
  double covered_share = 0.1;
  double displaced_share = 0.5;
  double evasion_reduction = 0.5;
};

using PolicyLever =
    std::variant<MexicoEnforcement, MexicoAcceptance, EntrySuspension, RemainInMexico,
                 ExpeditedRemoval, EndCatchAndRelease, DetentionBeds, Agents, SoftSidedFacility,
                 AppointmentQuota, PortClosure, Barrier>;

// Scenario spellings of the kinds, in the order of PolicyLever's alternatives.
inline constexpr std::array<std::string_view, std::variant_size_v<PolicyLever>> kPolicyKindKeys = {
    "mexico_enforcement",  "mexico_acceptance",     "entry_suspension", "remain_in_mexico",
    "expedited_removal",   "end_catch_and_release", "detention_beds",   "agents",
    "soft_sided_facility", "appointment_quota",     "port_closure",     "barrier"};

// Switches a policy on and off on the Southwest Border Patrol encounters of the simulated
// days (between ports, people a day), with hysteresis. At the end of each day:
// - not in force: in force from the next day once the mean of the last `on_average_days`
//   days is at least `on_at_or_above`;
// - in force: once the mean of the last `off_average_days` days has been below `off_below`
//   on `off_for_days` consecutive days, lifted `off_delay_days` days later (in force through
//   that day, not after).
// The June 2024 proclamation: 7, 2500, 7, 1500, 1, 14. Its September 2024 amendment:
// off_for_days 28. Means use the days simulated so far when there are fewer.
// Four optional rules, for the Senate's February 2024 border emergency authority (on at a
// 7-day mean of 5,000 or a single day of 8,500, off below 3,750 for 14 days, at most 270,
// 225 and 180 days in its first three years, port encounters counted):
// - `on_single_day_at_or_above`: not in force, it is in force from the next day also once a
//   single day's count reaches this;
// - `max_days_per_year`: at most the k-th entry's days in force in the k-th year counted from
//   the policy's `start` (years from its anniversaries; 29 February counts from 1 March);
//   once a year's days are used it is off, its hysteresis restarts (off, no lifting under
//   way) and it may come back from the next year's first day; after the last listed year it
//   is never in force (a sunset). Empty: no cap. Days before the run's first day are not
//   known and count as none used;
// - `count_ports`: the count is Border Patrol's plus the people encountered at ports of entry
//   (every inadmissible person presenting, appointment holders included);
// - `added_per_day`: people added to each day's count for encounters the scenario does not
//   simulate (a replay without ports counting them as a stated constant).
struct PolicyTrigger {
  int on_average_days = 7;
  double on_at_or_above = 0.0;
  int off_average_days = 7;
  double off_below = 0.0;
  int off_for_days = 1;
  int off_delay_days = 0;
  bool initially_in_force = true;  // on the start date, before any day has been observed
  std::optional<double> on_single_day_at_or_above;  // people in one day; none: no such rule
  std::vector<int> max_days_per_year;               // days in force per policy year; >= 0
  bool count_ports = false;                         // add encounters at ports of entry
  double added_per_day = 0.0;                       // people a day added to the count; >= 0
};

struct PolicySpec {
  std::string name;               // the key under `policies`
  util::Date start;               // first day in force (inclusive)
  std::optional<util::Date> end;  // last day in force (inclusive); none: to the end of the run
  // Scope: the sectors, and for port kinds the crossings, it acts in.
  PerSector<bool> sectors = {true, true, true, true, true, true, true, true, true};
  std::vector<bool> crossings;  // per ModelSpec::ports crossing
  std::optional<PolicyTrigger> trigger;
  PolicyLever lever;

  bool in_dates(util::Date d) const { return !(d < start) && !(end && *end < d); }
};

}  // namespace bf::model
