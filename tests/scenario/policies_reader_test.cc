// The `policies` section: every kind read with its parameters, scopes, triggers, overriding a
// parent's policy by name, and bad policies reported with line and column.
#include "scenario/policies_reader.h"

#include <gtest/gtest.h>

#include "scenario/scenario_loader.h"
#include "test_files.h"

namespace bf::scenario {
namespace {

using testing::all_messages;
using testing::full_table;
using testing::TempDir;

constexpr std::string_view kBase =
    "start: 2024-01-01\n"
    "days: 31\n"
    "arrivals: {table: jan.csv}\n";

LoadResult load(const TempDir& dir, std::string_view policies) {
  dir.write("jan.csv", full_table({"2024-01"}));
  return load_scenario(dir.write("s.yaml", std::string(kBase) + std::string(policies)));
}

TEST(Policies, ReadsEveryKindWithItsParametersScopeAndTrigger) {
  TempDir dir;
  const LoadResult r =
      load(dir,
           "policies:\n"
           "  inm:\n"
           "    kind: mexico_enforcement\n"
           "    start: 2024-01-05\n"
           "    end: 2024-01-20\n"
           "    scope: [texas, tucson]\n"
           "    arrivals_multiplier: 0.7\n"
           "    lag_days: 3\n"
           "    ramp_days: 10\n"
           "  suspension:\n"
           "    kind: entry_suspension\n"
           "    start: 2024-01-01\n"
           "    ineligible: [single_adult]\n"
           "    deterrence: 0.6\n"
           "    trigger: {on_at_or_above: 2500, off_below: 1500, "
           "off_delay_days: 14, off_for_days: 28}\n"
           "  mpp: {kind: remain_in_mexico, start: 2024-01-01, acceptance: 300/day,\n"
           "        citizenships: [guatemala, honduras]}\n"
           "  er: {kind: expedited_removal, start: 2024-01-01,\n"
           "       share: {family_unit_member: 0.4}}\n"
           "  beds: {kind: detention_beds, start: 2024-01-10, change: -500}\n"
           "  wall: {kind: barrier, start: 2024-01-01, scope: [arizona],\n"
           "         covered_share: 0.3}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const auto& policies = r.scenario->spec.policies;
  ASSERT_EQ(policies.size(), 6u);

  const model::PolicySpec& inm = policies[0];
  EXPECT_EQ(inm.name, "inm");
  EXPECT_EQ(inm.start.to_string(), "2024-01-05");
  EXPECT_EQ(inm.end->to_string(), "2024-01-20");
  EXPECT_EQ(inm.sectors,
            (model::PerSector<bool>{false, false, false, true, true, true, true, true, true}));
  const auto& m = std::get<model::MexicoEnforcement>(inm.lever);
  EXPECT_EQ(m.arrivals_multiplier, 0.7);
  EXPECT_EQ(m.lag_days, 3);
  EXPECT_EQ(m.ramp_days, 10);

  const auto& s = std::get<model::EntrySuspension>(policies[1].lever);
  EXPECT_EQ(s.ineligible, (model::PerDemographic<bool>{true, false, false, false}));
  EXPECT_EQ(s.deterrence, 0.6);
  EXPECT_EQ(s.removal_share, 0.6);  // the default
  ASSERT_TRUE(policies[1].trigger.has_value());
  EXPECT_EQ(policies[1].trigger->on_average_days, 7);
  EXPECT_EQ(policies[1].trigger->off_for_days, 28);
  EXPECT_EQ(policies[1].trigger->off_delay_days, 14);
  EXPECT_FALSE(policies[1].end.has_value());

  const auto& mpp = std::get<model::RemainInMexico>(policies[2].lever);
  EXPECT_EQ(mpp.acceptance_per_day, 300);
  EXPECT_EQ(mpp.citizenships, (model::PerCitizenship<bool>{false, true, true, false, false}));
  EXPECT_EQ(mpp.demographics, (model::PerDemographic<bool>{true, true, false, false}));

  const auto& er = std::get<model::ExpeditedRemoval>(policies[3].lever);
  EXPECT_FALSE(er.share[0].has_value());
  EXPECT_EQ(er.share[1], 0.4);
  EXPECT_EQ(std::get<model::DetentionBeds>(policies[4].lever).change, -500);
  EXPECT_EQ(std::get<model::Barrier>(policies[5].lever).covered_share, 0.3);
  EXPECT_EQ(policies[5].sectors,
            (model::PerSector<bool>{false, false, true, true, false, false, false, false, false}));
}

TEST(Policies, ReadsTheEmergencyAuthorityTriggerAndAnExpeditedRemovalScreen) {
  TempDir dir;
  const LoadResult r =
      load(dir,
           "policies:\n"
           "  authority:\n"
           "    kind: entry_suspension\n"
           "    start: 2024-01-01\n"
           "    trigger: {on_at_or_above: 5000, on_single_day_at_or_above: 8500,\n"
           "              off_below: 3750, off_for_days: 14, max_days_per_year: [270, 225, 180],\n"
           "              added_per_day: 1700}\n"
           "  er: {kind: expedited_removal, start: 2024-01-01,\n"
           "       share: {single_adult: 0.9}, screen_pass_share: 0.3}\n"
           "  plain: {kind: expedited_removal, start: 2024-01-01, share: {single_adult: 0.2},\n"
           "          trigger: {on_at_or_above: 10, off_below: 5}}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const auto& policies = r.scenario->spec.policies;
  ASSERT_EQ(policies.size(), 3u);
  const model::PolicyTrigger& t = *policies[0].trigger;
  EXPECT_EQ(t.on_single_day_at_or_above, 8500.0);
  EXPECT_EQ(t.max_days_per_year, (std::vector<int>{270, 225, 180}));
  EXPECT_FALSE(t.count_ports);
  EXPECT_EQ(t.added_per_day, 1700.0);
  const auto& er = std::get<model::ExpeditedRemoval>(policies[1].lever);
  EXPECT_EQ(er.share[0], 0.9);
  EXPECT_EQ(er.screen_pass_share, 0.3);
  // Without the new keys: no single-day rule, no cap, the usual screen.
  EXPECT_FALSE(policies[2].trigger->on_single_day_at_or_above.has_value());
  EXPECT_TRUE(policies[2].trigger->max_days_per_year.empty());
  EXPECT_FALSE(std::get<model::ExpeditedRemoval>(policies[2].lever).screen_pass_share);
}

TEST(Policies, BadEmergencyAuthorityKeysAreReportedWithLineAndColumn) {
  TempDir dir;
  const LoadResult r = load(
      dir,
      "policies:\n"
      "  a: {kind: entry_suspension, start: 2024-01-01,\n"
      "      trigger: {on_at_or_above: 5000, off_below: 3750, max_days_per_year: 270}}\n"
      "  b: {kind: entry_suspension, start: 2024-01-01,\n"
      "      trigger: {on_at_or_above: 5000, off_below: 3750, max_days_per_year: [270, 400]}}\n"
      "  c: {kind: entry_suspension, start: 2024-01-01,\n"
      "      trigger: {on_at_or_above: 5000, off_below: 3750, on_single_day_at_or_above: 4000}}\n"
      "  d: {kind: entry_suspension, start: 2024-01-01,\n"
      "      trigger: {on_at_or_above: 5000, off_below: 3750, count_ports: true}}\n"
      "  e: {kind: expedited_removal, start: 2024-01-01, share: {single_adult: 1},\n"
      "      screen_pass_share: 1.5}\n"
      "  f: {kind: entry_suspension, start: 2024-01-01,\n"
      "      trigger: {on_at_or_above: 5000, off_below: 3750, added_per_day: -5}}\n");
  EXPECT_EQ(
      all_messages(r, dir),
      "T/s.yaml:6:75: error: policies.a.trigger.max_days_per_year: expected a list of 1 "
      "to 10 day counts, one per year from the policy's start (e.g. [270, 225, 180]), got "
      "'270'\n"
      "    6 |       trigger: {on_at_or_above: 5000, off_below: 3750, max_days_per_year: 270}}\n"
      "      |                                                                           ^\n"
      "T/s.yaml:8:81: error: policies.b.trigger.max_days_per_year[1]: must be between 0 and "
      "366, got 400\n"
      "    8 |       trigger: {on_at_or_above: 5000, off_below: 3750, max_days_per_year: [270, "
      "400]}}\n"
      "      |                                                                                 ^\n"
      "T/s.yaml:10:83: error: policies.c.trigger.on_single_day_at_or_above: must not be "
      "below on_at_or_above (5000): a single day would then switch it on below the "
      "average's threshold\n"
      "   10 |       trigger: {on_at_or_above: 5000, off_below: 3750, on_single_day_at_or_above: "
      "4000}}\n"
      "      |                                                                                   "
      "^\n"
      "T/s.yaml:12:69: error: policies.d.trigger.count_ports: the scenario has no ports of "
      "entry to count (add a 'ports' section, or count Border Patrol's encounters alone)\n"
      "   12 |       trigger: {on_at_or_above: 5000, off_below: 3750, count_ports: true}}\n"
      "      |                                                                     ^\n"
      "T/s.yaml:14:26: error: policies.e.screen_pass_share: must be between 0 and 1, got 1.5\n"
      "   14 |       screen_pass_share: 1.5}\n"
      "      |                          ^\n"
      "T/s.yaml:16:71: error: policies.f.trigger.added_per_day: must be between 0 and "
      "10000000, got -5\n"
      "   16 |       trigger: {on_at_or_above: 5000, off_below: 3750, added_per_day: -5}}\n"
      "      |                                                                       ^\n");
  EXPECT_FALSE(r.scenario.has_value());
}

TEST(Policies, AChildOverridesOneParameterOfItsParentsPolicyByName) {
  TempDir dir;
  dir.write("jan.csv", full_table({"2024-01"}));
  dir.write("parent.yaml", std::string(kBase) +
                               "policies:\n"
                               "  mpp: {kind: remain_in_mexico, start: 2024-01-01}\n"
                               "  beds: {kind: detention_beds, start: 2024-01-01, change: 100}\n");
  const LoadResult r = load_scenario(dir.write("child.yaml",
                                               "extends: parent.yaml\n"
                                               "policies:\n"
                                               "  mpp: {acceptance: 1000/day}\n"));
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  ASSERT_EQ(r.scenario->spec.policies.size(), 2u);
  EXPECT_EQ(std::get<model::RemainInMexico>(r.scenario->spec.policies[0].lever).acceptance_per_day,
            1000);
}

TEST(Policies, BadPoliciesAreReportedWithLineAndColumn) {
  TempDir dir;
  const LoadResult r = load(dir,
                            "policies:\n"
                            "  a: {kind: remain_in_mexco, start: 2024-01-01}\n"
                            "  b: {kind: barrier, start: 2024-01-10, end: 2024-01-05}\n"
                            "  c: {kind: agents, start: 2024-01-01, scope: [tuscon], patrol: 10}\n"
                            "  d: {kind: mexico_acceptance, start: 2024-01-01, capacity: -5/day}\n"
                            "  e: {kind: detention_beds, start: 2024-01-01, scope: [tucson],\n"
                            "      change: 10}\n"
                            "  f: {kind: port_closure, start: 2024-01-01}\n"
                            "  g: {kind: entry_suspension, start: 2024-01-01,\n"
                            "      trigger: {on_at_or_above: 1000, off_below: 1500}}\n"
                            "  h: {start: 2024-01-01}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:5:13: error: policies.a.kind: unknown policy kind 'remain_in_mexco' (did "
            "you mean 'remain_in_mexico'?)\n"
            "    5 |   a: {kind: remain_in_mexco, start: 2024-01-01}\n"
            "      |             ^\n"
            "T/s.yaml:6:46: error: policies.b.end: 2024-01-05 is before start 2024-01-10\n"
            "    6 |   b: {kind: barrier, start: 2024-01-10, end: 2024-01-05}\n"
            "      |                                              ^\n"
            "T/s.yaml:7:48: error: policies.c.scope[0]: unknown sector 'tuscon' (did you mean "
            "'tucson'?)\n"
            "    7 |   c: {kind: agents, start: 2024-01-01, scope: [tuscon], patrol: 10}\n"
            "      |                                                ^\n"
            "T/s.yaml:8:61: error: policies.d.capacity: rate must not be negative, got "
            "'-5/day'\n"
            "    8 |   d: {kind: mexico_acceptance, start: 2024-01-01, capacity: -5/day}\n"
            "      |                                                             ^\n"
            "T/s.yaml:9:55: error: policies.e.scope: kind 'detention_beds' acts on the whole "
            "border; its scope can only be 'all'\n"
            "    9 |   e: {kind: detention_beds, start: 2024-01-01, scope: [tucson],\n"
            "      |                                                       ^\n"
            "T/s.yaml:11:13: error: policies.f: kind 'port_closure' acts at ports of entry, and "
            "the scenario has none (add a 'ports' section)\n"
            "   11 |   f: {kind: port_closure, start: 2024-01-01}\n"
            "      |             ^\n"
            "T/s.yaml:13:50: error: policies.g.trigger.off_below: must not be above "
            "on_at_or_above (1000): the policy would switch on and off at once\n"
            "   13 |       trigger: {on_at_or_above: 1000, off_below: 1500}}\n"
            "      |                                                  ^\n"
            "T/s.yaml:14:6: error: policies.h: missing required key 'kind'\n"
            "   14 |   h: {start: 2024-01-01}\n"
            "      |      ^\n");
  EXPECT_FALSE(r.scenario.has_value());
}

TEST(Policies, ANameThatIsBothASectorAndACrossingIsTheSectorForSectorKinds) {
  TempDir dir;
  dir.write("traffic.csv",
            "crossing,month,mode,units_per_day\ndel_rio,2024-01,rail,10\n"
            "eagle,2024-01,rail,10\n");
  const LoadResult r =
      load(dir,
           "ports:\n"
           "  traffic_table: traffic.csv\n"
           "  crossings:\n"
           "    del_rio: {name: Del Rio, sector: del_rio, traffic_officers: 4,\n"
           "              lanes: {rail: {lanes: 1, per_lane_hour: 60}}}\n"
           "    eagle: {name: Eagle, sector: del_rio, traffic_officers: 4,\n"
           "            lanes: {rail: {lanes: 1, per_lane_hour: 60}}}\n"
           "policies:\n"
           "  staff: {kind: agents, start: 2024-01-01, scope: [del_rio], patrol: 5}\n"
           "  shut: {kind: port_closure, start: 2024-01-01, scope: [del_rio]}\n"
           "  texas: {kind: port_closure, start: 2024-01-01, scope: [texas]}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const auto& p = r.scenario->spec.policies;
  EXPECT_EQ(p[0].sectors,
            (model::PerSector<bool>{false, false, false, false, false, false, true, false, false}));
  EXPECT_EQ(p[1].crossings, (std::vector<bool>{true, false}));  // the crossing, not the sector
  EXPECT_EQ(p[2].crossings, (std::vector<bool>{true, true}));   // every crossing in Texas
}

TEST(Policies, APolicyOutsideTheRunIsAnError) {
  TempDir dir;
  const LoadResult r =
      load(dir, "policies:\n  late: {kind: detention_beds, start: 2024-03-01, change: 1}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:5:39: error: policies.late: starts 2024-03-01, outside the run "
            "(2024-01-01 to 2024-01-31)\n"
            "    5 |   late: {kind: detention_beds, start: 2024-03-01, change: 1}\n"
            "      |                                       ^\n");
}

}  // namespace
}  // namespace bf::scenario
