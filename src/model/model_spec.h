#pragma once
// The frozen description of one simulated world: every parameter of the Border Patrol
// processing model, already validated (see scenario/ for how YAML becomes this).
// Plain data only. Each field documents its unit and its default; docs/parameters.md gives
// the source or assumption and the plausible range of each default.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/sim_time.h"
#include "model/disposition/outcome_mix.h"
#include "model/policy_spec.h"
#include "model/population.h"
#include "model/port_spec.h"
#include "util/date.h"

namespace bf::model {

using engine::kMinutesPerDay;
using engine::kMinutesPerHour;
using engine::SimTime;

// A positive random duration: lognormal with this mean and coefficient of variation.
// cv == 0 means the duration is exactly `mean`.
struct DurationSpec {
  SimTime mean = 0;  // minutes
  double cv = 0.0;   // standard deviation / mean
};

// One row of an arrival table: the mean daily number of Border Patrol encounters observed in
// one sector and calendar month for one demographic × citizenship cell. The model converts
// observed encounters into people crossing (see docs/model.md, "Arrivals").
struct ArrivalLevel {
  int sector = 0;
  util::YearMonth month;
  Demographic demographic = Demographic::kSingleAdult;
  Citizenship citizenship = Citizenship::kMexico;
  double encounters_per_day = 0.0;  // >= 0
  // Share of these encounters that were Title 42 expulsions (0..1). While the scenario's
  // Title 42 period lasts, that share of the cell is expelled to Mexico instead of being
  // processed under Title 8 (docs/model.md, "Dispositions"). 0 outside that period.
  double title42_share = 0.0;
};

// One estimated intervention effect (data/arrivals/demand-effects.csv) as a scenario scales
// it: arrivals.effects. The arrival table records what happened, effects included; a scale k
// multiplies a sector's levels from the effect's date by exp((k − 1) · log_effect · share in
// force), so k = 1 changes nothing, 0 removes the effect, 2 doubles it (docs/model.md).
struct EffectScale {
  std::string name;
  util::Date date;                     // first day in force
  int ramp_months = 0;                 // 0 or 1 (util::share_in_force)
  double scale = 1.0;                  // >= 0
  PerSector<double> log_effect{};      // estimate per sector
  PerSector<double> standard_error{};  // of the estimate
};

struct ArrivalSpec {
  std::vector<ArrivalLevel> levels;  // must cover every simulated sector-month (0 is allowed)
  // Shape k of the gamma-distributed day-to-day shock shared by all cells of a sector-day;
  // daily counts are then negative binomial with variance mean + mean²/k. Default 20.
  double day_dispersion = 20.0;
  // Multipliers Monday..Sunday, normalised to mean 1 by the loader. Default all 1.
  std::array<double, 7> weekly_pattern = {1, 1, 1, 1, 1, 1, 1};
  // P(family group has 2, 3, 4, 5, 6 members). Default {0.42, 0.33, 0.16, 0.06, 0.03}.
  std::vector<double> family_size_probabilities = {0.42, 0.33, 0.16, 0.06, 0.03};
  // P(a person turns themselves in to agents rather than trying to evade), by demographic.
  PerDemographic<double> surrender_probability = {0.60, 0.97, 0.97, 0.97};
  // Intervention effects the scenario rescales, already applied to `levels` by the loader.
  std::vector<EffectScale> effects;
  // The scenario whose parameters turn the table's observed encounters into people crossing
  // (docs/model.md, "Arrivals"): the replay the data describe. A counterfactual keeps the
  // replay's crossers, so a lever that changes apprehension or returns changes encounters.
  // Null: this scenario's own parameters (it is the replay).
  std::shared_ptr<const struct ModelSpec> conversion_reference;
  std::string conversion_reference_file;  // as written in the scenario, for the resolved copy
};

// Extra people arriving in one sector over a date range (e.g. Eagle Pass, December 2023),
// spread evenly over the days, with the sector-month's demographic × citizenship mix.
struct SurgeSpec {
  std::string name;
  int sector = 0;
  util::Date first_day;  // inclusive
  util::Date last_day;   // inclusive
  double people = 0.0;   // total extra people crossing over the whole surge
  // True when the arrival table's monthly level already counts these people (a replay of a
  // month whose total includes the surge): the rest of that month's days are lowered by the
  // same number, so the month's total is unchanged and only its timing moves. Default true.
  bool included_in_table = true;
};

struct SectorSpec {
  // Agents on patrol at any time (average over shifts). Drives the apprehension probability
  // of people who evade. Default 400.
  double agents_on_patrol = 400.0;
  // Agents processing apprehended people at any time: the server pool size. Default 60.
  int processing_agents = 60;
  // Rated holding capacity of the sector's processing facilities, people. Default 1000.
  int holding_capacity = 1000;
  // Agents on patrol at which evaders are caught with half the maximum probability;
  // larger for long, rugged sectors. Default 400.
  double half_saturation_agents = 400.0;
  // Initial state on the first day.
  int initial_in_custody = 0;         // people already held (processed, awaiting disposition)
  int initial_waiting_in_mexico = 0;  // people in Mexican border cities about to cross
  int initial_waiting_days = 7;       // ... who cross evenly over this many days
};

struct ApprehensionSpec {
  double max_probability = 0.85;                    // P(caught) as agents on patrol → ∞
  DurationSpec delay = {4 * kMinutesPerHour, 1.0};  // from crossing to apprehension, evaders
  DurationSpec surrender_wait = {90, 1.0};          // from crossing to encounter, surrenders
};

struct ProcessingSpec {
  DurationSpec transport = {3 * kMinutesPerHour, 0.6};  // encounter → processing facility
  // Agent time to process one person, by demographic; a family group takes the sum.
  PerDemographic<DurationSpec> service_time = {DurationSpec{75, 0.5}, DurationSpec{60, 0.5},
                                               DurationSpec{120, 0.5}, DurationSpec{60, 0.5}};
  SimTime custody_standard = 72 * kMinutesPerHour;  // CBP's 72-hour standard, minutes
  // Agent time to process one person expelled under Title 42 (a short form, no Title 8
  // case); a family takes the sum. Default 30 min, cv 0.5 (assumption, docs/parameters.md).
  DurationSpec title42_service_time = {30, 0.5};
  // processing.agents_from_encounters.utilization: when set, every sector's processing_agents
  // is derived from the run's encounters (processing_capacity.h) at this utilization of the
  // busiest month, instead of being given per sector.
  std::optional<double> agents_utilization;
};

// dispositions.crowded_release (docs/model.md, "Dispositions").
struct CrowdedReleaseSpec {
  double occupancy = 1.25;                          // custody / holding capacity, > 0
  DurationSpec delay = {6 * kMinutesPerHour, 0.5};  // end of processing → release
};

struct DispositionSpec {
  // Returns to Mexico happen in batches at these minutes after midnight each day.
  std::vector<SimTime> return_batch_times = {6 * kMinutesPerHour, 14 * kMinutesPerHour,
                                             22 * kMinutesPerHour};
  int mexican_returns_per_day = 4000;   // Mexico's intake of its own nationals
  int non_mexican_returns_per_day = 0;  // non-Mexicans Mexico agrees to take back
  // Share of non-Mexican single adults/families whose nationality Mexico accepts when it
  // accepts non-Mexicans at all (by citizenship group).
  PerCitizenship<double> mexico_accepts_share = {0.0, 1.0, 1.0, 1.0, 0.3};
  // Share of non-Mexicans placed in expedited removal (sent to ICE detention), by demographic.
  PerDemographic<double> expedited_removal_share = {0.25, 0.0, 0.0, 0.0};
  // Time from the end of processing to a release with a Notice to Appear or parole.
  DurationSpec release_delay = {10 * kMinutesPerHour, 0.5};
  // Border Patrol's faster release path when a sector is crowded (Notice to Report, parole
  // with conditions): used instead of release_delay for a release decided while the sector's
  // custody is at least crowded_release->occupancy × its holding capacity in force
  // (disposition/release_delay.h). Default none: release_delay always.
  std::optional<CrowdedReleaseSpec> crowded_release;
  // Time from a detention bed becoming available to the transfer being done.
  DurationSpec ice_transfer_delay = {12 * kMinutesPerHour, 0.5};
  // Longest a person waits in Border Patrol custody for a detention bed before release.
  SimTime max_wait_for_bed = 5 * kMinutesPerDay;
  // Unaccompanied Mexican children are repatriated (TVPRA screening) rather than sent to ORR.
  bool repatriate_mexican_children = true;
  // First day Title 42 no longer applies: people encountered between ports before it are
  // expelled with the probability their arrival cell's `title42_share` gives
  // (docs/model.md, "Dispositions"). Default none: Title 42 never applies.
  std::optional<util::Date> title42_end;
  // The calibrated outcome mix (disposition/outcome_mix.h), or empty: the rules above decide
  // (docs/model.md, "Dispositions"). With a mix, mexico_accepts_share and
  // expedited_removal_share are 0 unless a policy sets them, and then act on the people the
  // mix would release; repatriate_mexican_children is not used.
  OutcomeMix outcome_mix;
  std::string outcome_mix_file;  // as written in the scenario, for the resolved copy
};

struct DetentionSpec {
  int beds = 27000;            // ICE beds available to Border Patrol transfers
  int initial_population = 0;  // people in those beds on the first day
  DurationSpec length_of_stay = {30 * kMinutesPerDay, 0.8};  // book-in → case decided
  double credible_fear_positive_share = 0.45;                // decided cases released with an NTA
  // Removal flights: seats per week by destination (citizenship group; Mexico is by land).
  PerCitizenship<int> flight_seats_per_week = {0, 1500, 1200, 400, 600};
  int flight_weekday = 2;                             // 0 = Monday
  SimTime max_wait_for_flight = 60 * kMinutesPerDay;  // then released with an NTA
  // With an outcome mix: the month's ICE book-in share is scaled by (beds in force / the
  // conversion reference's beds) to this power, at most 1 (disposition/outcome_mix.h,
  // scaled_book_in_share). 1: book-ins in proportion to beds; 0: beds never change the share.
  double book_in_bed_elasticity = 1.0;
};

struct OrrSpec {
  int beds = 12000;  // ORR shelter beds (unaccompanied children)
  int initial_population = 0;
  DurationSpec length_of_stay = {30 * kMinutesPerDay, 0.6};  // until released to a sponsor
  DurationSpec transfer_delay = {kMinutesPerDay, 0.5};  // bed assigned → child leaves BP custody
};

struct RecrossingSpec {
  // P(a person returned to Mexico tries again), by citizenship group.
  PerCitizenship<double> probability = {0.25, 0.10, 0.10, 0.10, 0.10};
  // P(a person expelled under Title 42 tries again), by citizenship group. Default
  // {0.30, 0.15, 0.15, 0.15, 0.15} (assumption from CBP's FY2021 re-encounter rate,
  // docs/parameters.md).
  PerCitizenship<double> title42_probability = {0.30, 0.15, 0.15, 0.15, 0.15};
  DurationSpec delay = {4 * kMinutesPerDay, 1.0};  // return → next crossing
};

struct ModelSpec {
  std::string name;
  util::Date start_date;  // day 0
  int days = 0;           // horizon, whole days, > 0
  std::uint64_t seed = 1;
  ArrivalSpec arrivals;
  std::vector<SurgeSpec> surges;
  PerSector<SectorSpec> sectors;
  ApprehensionSpec apprehension;
  ProcessingSpec processing;
  DispositionSpec dispositions;
  DetentionSpec detention;
  OrrSpec orr;
  RecrossingSpec recrossing;
  PortsSpec ports;
  // Policy levers in declaration order (docs/model.md, "Policy levers"). Default none.
  std::vector<PolicySpec> policies;
};

}  // namespace bf::model
