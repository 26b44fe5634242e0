// Policy levers inside the World (docs/model.md, "Policy levers"): on tiny hand-made worlds,
// each policy changes what it should, in its scope and dates, and nothing else. Runs with and
// without a policy share their random streams, so "nothing else" is checked exactly.
#include <gtest/gtest.h>

#include <cmath>

#include "model/day_levers.h"
#include "model/world.h"
#include "tiny_world.h"

namespace bf::model {
namespace {

using testing::RecordingObserver;
using testing::run;
using testing::set_level;
using testing::tiny_spec;

constexpr int kDelRio = 6;
constexpr int kTucson = 3;
constexpr auto kAdult = Demographic::kSingleAdult;
constexpr auto kFamily = Demographic::kFamilyUnitMember;

util::Date date(const char* text) { return *util::Date::parse(text); }

// Honduran adults and Guatemalan families in Del Rio, Mexican adults in Tucson; everyone
// surrenders and is processed promptly; no expedited removal, no non-Mexican returns.
ModelSpec base_spec(int days) {
  ModelSpec spec = tiny_spec(days);
  set_level(spec, kDelRio, kAdult, Citizenship::kHonduras, 200);
  set_level(spec, kDelRio, kFamily, Citizenship::kGuatemala, 90);
  set_level(spec, kTucson, kAdult, Citizenship::kMexico, 150);
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  for (SectorSpec& s : spec.sectors) s.processing_agents = 500;
  spec.dispositions.expedited_removal_share = {0, 0, 0, 0};
  spec.dispositions.release_delay = {60, 0};
  spec.recrossing.probability = {0, 0, 0, 0, 0};
  return spec;
}

PolicySpec policy(const char* start, PolicyLever lever, std::optional<const char*> end = {}) {
  PolicySpec p;
  p.name = "p";
  p.start = date(start);
  if (end) p.end = date(*end);
  p.lever = std::move(lever);
  return p;
}

// base_spec(30) with room for everyone in detention and on flights, cases decided in 5 days,
// and a usual screen everyone passes.
ModelSpec removal_spec() {
  ModelSpec spec = base_spec(30);
  spec.detention.beds = 100000;
  spec.detention.length_of_stay = {5 * kMinutesPerDay, 0};
  spec.detention.credible_fear_positive_share = 1.0;
  spec.detention.flight_seats_per_week = {0, 100000, 100000, 100000, 100000};
  return spec;
}

// The June 2024 proclamation's trigger: on at a 7-day mean of 2,500, lifted 14 days after the
// 7-day mean falls below 1,500.
PolicyTrigger june_2024_trigger(bool initially_in_force) {
  PolicyTrigger t;
  t.on_at_or_above = 2500;
  t.off_below = 1500;
  t.off_delay_days = 14;
  t.initially_in_force = initially_in_force;
  return t;
}

PolicySpec in_sectors(PolicySpec p, std::initializer_list<int> sectors) {
  p.sectors.fill(false);
  for (int s : sectors) p.sectors[static_cast<std::size_t>(s)] = true;
  return p;
}

std::int64_t sum(const RecordingObserver& obs, std::int64_t SectorDay::*field, int sector,
                 int first = 0, int last = 1 << 30) {
  std::int64_t t = 0;
  for (const DayReport& d : obs.days) {
    if (d.day_index >= first && d.day_index <= last) {
      t += d.sectors[static_cast<std::size_t>(sector)].*field;
    }
  }
  return t;
}

// Every SectorDay field of `sector` agrees between two runs on days [first, last].
void expect_same_sector(const RecordingObserver& a, const RecordingObserver& b, int sector,
                        int first = 0, int last = 1 << 30) {
  ASSERT_EQ(a.days.size(), b.days.size());
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    if (a.days[i].day_index < first || a.days[i].day_index > last) continue;
    const SectorDay& x = a.days[i].sectors[static_cast<std::size_t>(sector)];
    const SectorDay& y = b.days[i].sectors[static_cast<std::size_t>(sector)];
    EXPECT_EQ(x.crossings, y.crossings) << "day " << i;
    EXPECT_EQ(x.encounters, y.encounters) << "day " << i;
    EXPECT_EQ(x.released, y.released) << "day " << i;
    EXPECT_EQ(x.returned_to_mexico, y.returned_to_mexico) << "day " << i;
    EXPECT_EQ(x.transferred_to_ice, y.transferred_to_ice) << "day " << i;
    EXPECT_EQ(x.in_custody, y.in_custody) << "day " << i;
  }
}

void expect_conservation(const RecordingObserver& obs) {
  for (const DayReport& d : obs.days) {
    EXPECT_EQ(d.system.states.sum_of_states(), d.system.states.entered) << d.day_index;
  }
}

TEST(WorldPolicies, NoPoliciesAndAPolicyOutsideItsDatesChangeNothing) {
  const ModelSpec spec = base_spec(20);
  ModelSpec later = spec;
  later.policies.push_back(policy("2024-02-01", MexicoEnforcement{0.5, 0, 0}));
  World a(spec, 0), b(later, 0);
  RecordingObserver oa, ob;
  a.run(oa);
  b.run(ob);
  EXPECT_EQ(a.fingerprint().value(), b.fingerprint().value());
  for (const DayReport& d : ob.days) EXPECT_EQ(d.policies_in_force, std::vector<bool>{false});
}

TEST(WorldPolicies, MexicoEnforcementScalesArrivalsInScopeFromItsStart) {
  const ModelSpec spec = base_spec(40);
  ModelSpec half = spec;
  half.policies.push_back(
      in_sectors(policy("2024-01-11", MexicoEnforcement{0.5, 0, 0}), {kDelRio}));
  const auto a = run(spec);
  const auto b = run(half);
  expect_same_sector(a, b, kDelRio, 0, 9);  // before the start
  expect_same_sector(a, b, kTucson);        // out of scope
  const double before = static_cast<double>(sum(a, &SectorDay::crossings, kDelRio, 10));
  const double after = static_cast<double>(sum(b, &SectorDay::crossings, kDelRio, 10));
  // About 30 days × 380 people: the ratio is 0.5 within a few standard errors.
  EXPECT_NEAR(after / before, 0.5, 0.03);
  EXPECT_FALSE(b.days[9].policies_in_force[0]);
  EXPECT_TRUE(b.days[10].policies_in_force[0]);
}

TEST(WorldPolicies, MexicoEnforcementRampsAfterItsLag) {
  ModelSpec spec = base_spec(30);
  spec.policies.push_back(policy("2024-01-01", MexicoEnforcement{0.5, 3, 10}));
  const PerSector<double> expected{};
  const auto multiplier = [&](const char* d) {
    return resolve_levers(spec, date(d), {true}, expected).arrivals_multiplier[kDelRio];
  };
  EXPECT_DOUBLE_EQ(multiplier("2024-01-03"), 1.0);   // lag: days 0..2
  EXPECT_DOUBLE_EQ(multiplier("2024-01-04"), 0.95);  // 1/10 of the way
  EXPECT_DOUBLE_EQ(multiplier("2024-01-08"), 0.75);  // 5/10
  EXPECT_DOUBLE_EQ(multiplier("2024-01-13"), 0.5);   // reached
  EXPECT_DOUBLE_EQ(multiplier("2024-01-30"), 0.5);
}

TEST(WorldPolicies, MexicoAcceptanceReturnsUpToItsCapacity) {
  const ModelSpec spec = base_spec(20);
  ModelSpec accepts = spec;
  accepts.policies.push_back(
      policy("2024-01-06", MexicoAcceptance{60, {0, 0, 1, 0, 0}}, "2024-01-15"));
  const auto a = run(spec);
  const auto b = run(accepts);
  EXPECT_EQ(sum(a, &SectorDay::returned_to_mexico, kDelRio), 0);
  EXPECT_EQ(sum(b, &SectorDay::returned_to_mexico, kDelRio, 0, 4), 0);
  for (int day = 6; day <= 14; ++day) {
    // Only Hondurans (share 1), 60 a day: each day's three batches return exactly 60.
    EXPECT_EQ(b.days[day].sectors[kDelRio].returned_to_mexico, 60) << day;
  }
  // After the end, those still queued are released instead.
  EXPECT_EQ(sum(b, &SectorDay::returned_to_mexico, kDelRio, 15), 0);
  // Those returned are not released; arrivals are untouched.
  EXPECT_EQ(sum(a, &SectorDay::encounters, kDelRio), sum(b, &SectorDay::encounters, kDelRio));
  EXPECT_EQ(sum(a, &SectorDay::released, kDelRio) - sum(b, &SectorDay::released, kDelRio),
            sum(b, &SectorDay::returned_to_mexico, kDelRio));
  expect_same_sector(a, b, kTucson);
}

// When Mexico's intake falls, the people cut from its queue take the path the same draw gives
// them without the policy (expedited removal or release): nobody is lost or counted twice.
TEST(WorldPolicies, MexicoAcceptanceEndingSendsTheQueuedTheWayTheyWouldHaveGone) {
  ModelSpec spec = base_spec(20);
  spec.dispositions.expedited_removal_share = {0.5, 0, 0, 0};
  spec.dispositions.ice_transfer_delay = {60, 0};
  spec.detention.beds = 1'000'000;
  ModelSpec accepts = spec;
  accepts.policies.push_back(
      policy("2024-01-01", MexicoAcceptance{100'000, {0, 0, 1, 0, 0}}, "2024-01-05"));
  const auto a = run(spec);
  const auto b = run(accepts);
  expect_conservation(b);
  EXPECT_GT(sum(b, &SectorDay::returned_to_mexico, kDelRio), 0);
  EXPECT_EQ(sum(b, &SectorDay::returned_to_mexico, kDelRio, 5), 0);
  const auto left = [](const RecordingObserver& o) {
    return sum(o, &SectorDay::transferred_to_ice, kDelRio) + sum(o, &SectorDay::released, kDelRio) +
           sum(o, &SectorDay::returned_to_mexico, kDelRio);
  };
  EXPECT_EQ(left(a), left(b));
  EXPECT_LT(sum(b, &SectorDay::transferred_to_ice, kDelRio),
            sum(a, &SectorDay::transferred_to_ice, kDelRio));
  // From the day after the cut, everything is as without the policy.
  expect_same_sector(a, b, kDelRio, 6);
}

TEST(WorldPolicies, EntrySuspensionSendsTheIneligibleToRemovalAndDeters) {
  const ModelSpec spec = removal_spec();
  ModelSpec suspended = spec;
  EntrySuspension rule;
  rule.ineligible = {true, false, false, false};  // single adults only
  rule.removal_share = 1.0;
  rule.screen_pass_share = 0.0;
  rule.deterrence = 1.0;
  suspended.policies.push_back(in_sectors(policy("2024-01-01", rule), {kDelRio}));
  const auto a = run(spec);
  const auto b = run(suspended);
  EXPECT_EQ(sum(a, &SectorDay::transferred_to_ice, kDelRio), 0);
  // About 200 adults a day for 30 days go to detention; families (90 people a day, not
  // ineligible here) are still released; nobody passes the screen in detention, so every
  // decided adult is removed.
  EXPECT_NEAR(static_cast<double>(sum(b, &SectorDay::transferred_to_ice, kDelRio)), 6000, 400);
  EXPECT_NEAR(static_cast<double>(sum(b, &SectorDay::released, kDelRio)), 2700, 300);
  std::int64_t detention_releases = 0, removals = 0;
  for (const DayReport& d : b.days) {
    detention_releases += d.system.detention_releases;
    for (std::int64_t r : d.system.removals_by_destination) removals += r;
  }
  EXPECT_EQ(detention_releases, 0);
  EXPECT_GT(removals, 3000);
  expect_same_sector(a, b, kTucson);
  expect_conservation(b);

  // Deterrence: arrivals in scope × 0.5.
  ModelSpec deterred = spec;
  rule.deterrence = 0.5;
  deterred.policies.push_back(in_sectors(policy("2024-01-01", rule), {kDelRio}));
  const auto c = run(deterred);
  EXPECT_NEAR(static_cast<double>(sum(c, &SectorDay::crossings, kDelRio)) /
                  static_cast<double>(sum(a, &SectorDay::crossings, kDelRio)),
              0.5, 0.03);
}

TEST(WorldPolicies, RemainInMexicoReturnsTheEligibleUpToTheDailyAcceptance) {
  ModelSpec spec = base_spec(20);
  ModelSpec mpp = spec;
  RemainInMexico rule;
  rule.demographics = {true, false, false, false};
  rule.acceptance_per_day = 50;
  rule.recross_probability = 0.0;
  mpp.policies.push_back(policy("2024-01-01", rule));
  const auto a = run(spec);
  const auto b = run(mpp);
  const std::int64_t enrolled = sum(b, &SectorDay::remain_in_mexico, kDelRio);
  // 50 a day are enrolled (plenty of eligible adults); the last day's may still wait for the
  // next morning's batch.
  EXPECT_LE(enrolled, 50 * 20);
  EXPECT_GE(enrolled, 50 * 19);
  for (const DayReport& d : b.days) EXPECT_LE(d.sectors[kDelRio].remain_in_mexico, 100);
  // Whoever was enrolled was not released; families and Mexicans are untouched.
  const std::int64_t released_less =
      sum(a, &SectorDay::released, kDelRio) - sum(b, &SectorDay::released, kDelRio);
  EXPECT_NEAR(static_cast<double>(released_less), static_cast<double>(enrolled), 60);
  EXPECT_EQ(sum(b, &SectorDay::returned_to_mexico, kDelRio), 0);
  expect_same_sector(a, b, kTucson);
  EXPECT_EQ(sum(b, &SectorDay::repeat_crossings, kDelRio), 0);

  // Enrollees who give up waiting cross again.
  rule.recross_probability = 1.0;
  ModelSpec again = spec;
  again.policies.push_back(policy("2024-01-01", rule));
  EXPECT_GT(sum(run(again), &SectorDay::repeat_crossings, kDelRio), 0);
}

TEST(WorldPolicies, ExpeditedRemovalExpansionReplacesOnlyTheSharesItNames) {
  ModelSpec spec = base_spec(15);
  spec.detention.beds = 100000;
  ModelSpec wider = spec;
  ExpeditedRemoval rule;
  rule.share[index_of(kAdult)] = 1.0;
  wider.policies.push_back(policy("2024-01-01", rule));
  const auto a = run(spec);
  const auto b = run(wider);
  // Every Honduran adult goes to detention; families keep the scenario's share (0).
  const std::int64_t to_ice = sum(b, &SectorDay::transferred_to_ice, kDelRio);
  EXPECT_GT(to_ice, 2000);
  EXPECT_EQ(sum(a, &SectorDay::released, kDelRio) - sum(b, &SectorDay::released, kDelRio),
            to_ice + sum(b, &SectorDay::in_custody, kDelRio, 14, 14) -
                sum(a, &SectorDay::in_custody, kDelRio, 14, 14));
  expect_same_sector(a, b, kTucson);
}

TEST(WorldPolicies, EndingCatchAndReleaseKeepsTheOverflowInCustody) {
  ModelSpec spec = base_spec(15);
  spec.detention.beds = 0;  // no bed for anyone
  // Half the adults are placed in expedited removal; without the policy they are released
  // after a day without a bed, with it they wait like everyone else.
  spec.dispositions.expedited_removal_share = {0.5, 0, 0, 0};
  spec.dispositions.max_wait_for_bed = kMinutesPerDay;
  ModelSpec ended = spec;
  ended.policies.push_back(policy("2024-01-06", EndCatchAndRelease{true}));
  const auto a = run(spec);
  const auto b = run(ended);
  expect_same_sector(a, b, kDelRio, 0, 4);
  // From day 5 no adult is released from Border Patrol custody: they wait for a bed.
  std::int64_t family_released = 0;
  for (int day = 6; day < 15; ++day) {
    const SectorDay& s = b.days[static_cast<std::size_t>(day)].sectors[kDelRio];
    family_released += s.released;
  }
  // Families (90 a day) are still released, adults accumulate in custody and are reported.
  EXPECT_NEAR(static_cast<double>(family_released), 90.0 * 9, 150.0);
  const DayReport& last = b.days.back();
  EXPECT_GT(last.system.awaiting_detention_bed, 1500);
  EXPECT_GE(last.sectors[kDelRio].in_custody, last.system.awaiting_detention_bed);
  EXPECT_GT(last.sectors[kDelRio].over_capacity, 0);
  EXPECT_GT(last.sectors[kDelRio].held_over_72h, 0);
  // Without the policy only the last day's expedited-removal cases (about 100) wait.
  EXPECT_LT(a.days.back().system.awaiting_detention_bed, 200);
  expect_same_sector(a, b, kTucson);
  expect_conservation(b);
}

TEST(WorldPolicies, DetentionBedsAgentsAndSoftSidedFacilitiesChangeTheirSettings) {
  ModelSpec spec = base_spec(10);
  spec.arrivals.surrender_probability = {0, 0, 0, 0};  // everyone evades: patrol matters
  ModelSpec more = spec;
  more.policies.push_back(policy("2024-01-04", DetentionBeds{500}, "2024-01-06"));
  more.policies.push_back(in_sectors(policy("2024-01-04", Agents{400, 7}), {kDelRio}));
  more.policies.push_back(in_sectors(policy("2024-01-04", SoftSidedFacility{800, 3}), {kDelRio}));
  const auto a = run(spec);
  const auto b = run(more);
  for (std::size_t day = 0; day < b.days.size(); ++day) {
    const bool beds = day >= 3 && day <= 5;
    const bool staff = day >= 3;
    EXPECT_EQ(b.days[day].system.detention_beds, spec.detention.beds + (beds ? 500 : 0));
    EXPECT_EQ(b.days[day].sectors[kDelRio].processing_agents,
              spec.sectors[kDelRio].processing_agents + (staff ? 10 : 0));
    EXPECT_EQ(b.days[day].sectors[kDelRio].holding_capacity,
              spec.sectors[kDelRio].holding_capacity + (staff ? 800 : 0));
    // The output column shows the day's patrol, the policy's 400 included.
    EXPECT_EQ(b.days[day].sectors[kDelRio].agents_on_patrol,
              spec.sectors[kDelRio].agents_on_patrol + (staff ? 400 : 0));
    EXPECT_EQ(b.days[day].sectors[kTucson].agents_on_patrol,
              spec.sectors[kTucson].agents_on_patrol);
  }
  // Soft-sided capacity: Del Rio's overflow above the rated capacity shrinks by 800 a day.
  for (std::size_t day = 3; day < b.days.size(); ++day) {
    EXPECT_EQ(b.days[day].sectors[kDelRio].over_capacity,
              std::max<std::int64_t>(0, b.days[day].sectors[kDelRio].in_custody -
                                            spec.sectors[kDelRio].holding_capacity - 800));
  }
  // More agents on patrol: fewer gotaways in Del Rio from day 3, same crossings.
  EXPECT_EQ(sum(a, &SectorDay::crossings, kDelRio), sum(b, &SectorDay::crossings, kDelRio));
  EXPECT_LT(sum(b, &SectorDay::gotaways, kDelRio, 3), sum(a, &SectorDay::gotaways, kDelRio, 3));
  expect_same_sector(a, b, kDelRio, 0, 2);
  expect_same_sector(a, b, kTucson);
}

// An agents policy that removes more agents than a sector has leaves none on patrol, not a
// negative number: the probability and the output column agree.
TEST(WorldPolicies, AgentsOnPatrolNeverGoBelowZero) {
  ModelSpec spec = base_spec(10);
  spec.policies.push_back(in_sectors(policy("2024-01-01", Agents{-1e5, 0}), {kTucson}));
  const DayLevers levers = resolve_levers(spec, date("2024-01-02"), {true}, {});
  EXPECT_EQ(levers.agents_on_patrol[kTucson], 0.0);
  EXPECT_EQ(levers.apprehension_probability[kTucson], 0.0);
  EXPECT_EQ(levers.agents_on_patrol[kDelRio], spec.sectors[kDelRio].agents_on_patrol);
}

TEST(WorldPolicies, BarrierDisplacesToNeighboursAndCatchesMoreEvaders) {
  ModelSpec spec = tiny_spec(5);
  for (int s : {2, 3, 4}) set_level(spec, s, kAdult, Citizenship::kMexico, 100);
  spec.policies.push_back(in_sectors(policy("2024-01-01", Barrier{0.2, 0.5, 0.5}), {kTucson}));
  const ModelSpec& c = spec;
  PerSector<double> expected{};
  expected[2] = 100, expected[3] = 200, expected[4] = 50;
  const DayLevers levers = resolve_levers(c, date("2024-01-02"), {true}, expected);
  // 10% of Tucson's 200 (20 people) move: 10 to Yuma (100 → 110), 10 to El Paso (50 → 60).
  EXPECT_DOUBLE_EQ(levers.arrivals_multiplier[kTucson], 0.9);
  EXPECT_DOUBLE_EQ(levers.arrivals_multiplier[2], 1.1);
  EXPECT_DOUBLE_EQ(levers.arrivals_multiplier[4], 1.2);
  EXPECT_DOUBLE_EQ(levers.arrivals_multiplier[0], 1.0);
  // Of the 180 still crossing in Tucson, 20 cross at the segment (1/9): evaders there are
  // caught with p + (1 − p)·0.5.
  SectorSpec tucson = spec.sectors[kTucson];
  const double p =
      0.85 * tucson.agents_on_patrol / (tucson.agents_on_patrol + tucson.half_saturation_agents);
  EXPECT_NEAR(levers.apprehension_probability[kTucson], p + (1 - p) * 0.5 / 9, 1e-12);
  EXPECT_DOUBLE_EQ(levers.apprehension_probability[2], p);

  // An end sector sends everything to its one neighbour.
  spec.policies[0].sectors = {true, false, false, false, false, false, false, false, false};
  expected = {};
  expected[0] = 100, expected[1] = 100;
  const DayLevers west = resolve_levers(c, date("2024-01-02"), {true}, expected);
  EXPECT_DOUBLE_EQ(west.arrivals_multiplier[0], 0.9);
  EXPECT_DOUBLE_EQ(west.arrivals_multiplier[1], 1.1);
}

TEST(WorldPolicies, QuotaAndClosuresAtPorts) {
  ModelSpec spec = tiny_spec(3);
  CrossingSpec crossing;
  crossing.key = "bridge";
  spec.ports.crossings = {crossing, crossing};
  spec.ports.appointments_per_day = 1450;
  PolicySpec quota = policy("2024-01-02", AppointmentQuota{300});
  PolicySpec closure = policy("2024-01-02", PortClosure{{false, true, false, false, false}});
  closure.crossings = {false, true};
  spec.policies = {quota, closure};
  const DayLevers off = resolve_levers(spec, date("2024-01-01"), {false, false}, {});
  const DayLevers on = resolve_levers(spec, date("2024-01-02"), {true, true}, {});
  EXPECT_EQ(off.appointments_per_day, 1450);
  EXPECT_EQ(on.appointments_per_day, 300);
  EXPECT_EQ(on.closed[0], (PerMode<bool>{}));
  EXPECT_EQ(on.closed[1], (PerMode<bool>{false, true, false, false, false}));

  // As a floor: raises a lower quota and keeps a higher one; like every replacement, the
  // policies apply in the order declared, so a quota declared after the floor wins.
  PolicySpec floor = policy("2024-01-02", AppointmentQuota{1400, true});
  spec.policies = {floor};
  EXPECT_EQ(resolve_levers(spec, date("2024-01-02"), {true}, {}).appointments_per_day, 1450);
  spec.policies = {quota, floor};
  EXPECT_EQ(resolve_levers(spec, date("2024-01-02"), {true, true}, {}).appointments_per_day, 1400);
  spec.policies = {floor, quota};
  EXPECT_EQ(resolve_levers(spec, date("2024-01-02"), {true, true}, {}).appointments_per_day, 300);
}

TEST(WorldPolicies, TriggeredPolicySwitchesOnAndOffWithTheSimulatedEncounters) {
  // 3,000 encounters a day in January, 1,000 in February (all surrender, the same day).
  ModelSpec spec = tiny_spec(60);
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  spec.apprehension.surrender_wait = {0, 0};
  spec.recrossing.probability = {0, 0, 0, 0, 0};  // encounters = first crossings from day 0
  for (auto& l : spec.arrivals.levels) {
    if (l.sector == kDelRio && l.demographic == kAdult && l.citizenship == Citizenship::kMexico) {
      l.encounters_per_day = l.month.month == 1 ? 3000 : 1000;
    }
  }
  ExpeditedRemoval rule;
  rule.share[index_of(kAdult)] = 0.5;  // acts on dispositions only: arrivals are unchanged
  PolicySpec p = policy("2024-01-01", rule);
  p.trigger = june_2024_trigger(false);
  spec.policies.push_back(p);
  const auto obs = run(spec);
  // Off on day 0 (nothing observed yet), on from day 1; February (day 31 on) at 1,000: the
  // 7-day mean is below 1,500 after day 36 (six days at 1,000), lifted after day 50.
  EXPECT_FALSE(obs.days[0].policies_in_force[0]);
  for (int day = 1; day <= 50; ++day) EXPECT_TRUE(obs.days[day].policies_in_force[0]) << day;
  for (int day = 51; day < 60; ++day) EXPECT_FALSE(obs.days[day].policies_in_force[0]) << day;
}

TEST(WorldPolicies, ExpeditedRemovalWithItsOwnScreenUsesItOnlyForThoseItPlaces) {
  const ModelSpec spec = removal_spec();
  ExpeditedRemoval rule;
  rule.share[index_of(kAdult)] = 1.0;
  ModelSpec usual = spec;
  usual.policies.push_back(in_sectors(policy("2024-01-01", rule), {kDelRio}));
  rule.screen_pass_share = 0.0;
  ModelSpec strict = spec;
  strict.policies.push_back(in_sectors(policy("2024-01-01", rule), {kDelRio}));
  const auto a = run(usual);
  const auto b = run(strict);
  const auto totals = [](const RecordingObserver& o) {
    std::int64_t released = 0, removed = 0;
    for (const DayReport& d : o.days) {
      released += d.system.detention_releases;
      for (std::int64_t r : d.system.removals_by_destination) removed += r;
    }
    return std::pair{released, removed};
  };
  // The same adults go to detention either way; with the usual screen (share 1) every one
  // decided is released, with the policy's own (0) every one decided is removed.
  EXPECT_EQ(sum(a, &SectorDay::transferred_to_ice, kDelRio),
            sum(b, &SectorDay::transferred_to_ice, kDelRio));
  EXPECT_GT(totals(a).first, 3000);
  EXPECT_EQ(totals(a).second, 0);
  EXPECT_EQ(totals(b).first, 0);
  // Removed on the weekly flight day after the decision: all but the last week's decided.
  EXPECT_GT(totals(b).second, totals(a).first - 7 * 200);
  EXPECT_LE(totals(b).second, totals(a).first);
  expect_conservation(b);
}

TEST(WorldPolicies, TriggerDaysPerYearCapCountsFromThePolicyStartNotTheRun) {
  // 3,000 encounters a day in Del Rio from 1 January 2024. The policy started on 4 January
  // 2023, a year and three days before the run, with at most 5 days in its first year and 3
  // in its second: the run's days 0–2 (1–3 January 2024) are the last of year one (days
  // before the run count as unused), days 3–5 the three of year two (from 4 January 2024),
  // and then it is off for the rest of the run.
  ModelSpec spec = tiny_spec(20);
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  spec.apprehension.surrender_wait = {0, 0};
  spec.recrossing.probability = {0, 0, 0, 0, 0};
  set_level(spec, kDelRio, kAdult, Citizenship::kMexico, 3000);
  ExpeditedRemoval rule;
  rule.share[index_of(kAdult)] = 0.5;
  PolicySpec p = policy("2023-01-04", rule);
  PolicyTrigger t = june_2024_trigger(true);
  t.max_days_per_year = {5, 3};
  p.trigger = t;
  spec.policies.push_back(p);
  const auto obs = run(spec);
  for (int day = 0; day < 20; ++day) {
    EXPECT_EQ(obs.days[day].policies_in_force[0], day <= 5) << day;
  }
}

}  // namespace
}  // namespace bf::model
