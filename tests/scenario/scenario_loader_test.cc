#include "scenario/scenario_loader.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include "scenario/outcome_mix_table.h"
#include "test_files.h"

namespace bf::scenario {
namespace {

using testing::all_messages;
using testing::full_table;
using testing::kMinimal;
using testing::TempDir;

LoadResult load_text(const TempDir& dir, std::string_view yaml, const LoadOptions& options = {}) {
  return testing::load_beside_january(dir, yaml, options);
}

TEST(LoadScenario, TinyExampleLoads) {
  const LoadResult r = load_scenario(std::string(BF_SOURCE_DIR) + "/scenarios/examples/tiny.yaml");
  ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : format_diagnostic(r.diagnostics[0]));
  const model::ModelSpec& s = r.scenario->spec;
  EXPECT_EQ(s.name, "Tiny learning example");
  EXPECT_EQ(s.start_date.to_string(), "2024-01-01");
  EXPECT_EQ(s.days, 14);
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(s.arrivals.levels.size(), 180u);
  EXPECT_DOUBLE_EQ(
      std::accumulate(s.arrivals.weekly_pattern.begin(), s.arrivals.weekly_pattern.end(), 0.0),
      7.0);
  EXPECT_DOUBLE_EQ(s.arrivals.weekly_pattern[0], 1.1 * 7 / 7.0);
  EXPECT_EQ(s.arrivals.surrender_probability,
            (model::PerDemographic<double>{0.5, 0.97, 0.97, 0.97}));
  ASSERT_EQ(s.surges.size(), 1u);
  EXPECT_EQ(s.surges[0].sector, 6);
  EXPECT_EQ(s.surges[0].people, 300.0);
  EXPECT_TRUE(s.surges[0].included_in_table);  // the default
  EXPECT_EQ(s.sectors[6].processing_agents, 40);
  EXPECT_EQ(s.sectors[6].agents_on_patrol, 200.0);  // from sector_defaults
  EXPECT_EQ(s.sectors[6].initial_in_custody, 150);
  EXPECT_EQ(s.sectors[0].processing_agents, 20);
  EXPECT_EQ(s.sectors[0].half_saturation_agents, 400.0);  // model default
  EXPECT_EQ(s.apprehension.surrender_wait.mean, 90);
  EXPECT_EQ(s.apprehension.surrender_wait.cv, 0.0);
  EXPECT_EQ(s.processing.service_time[1].mean, 60);
  EXPECT_EQ(s.processing.service_time[1].cv, 0.5);
  EXPECT_EQ(s.dispositions.mexican_returns_per_day, 500);
  EXPECT_EQ(s.detention.flight_seats_per_week, (model::PerCitizenship<int>{0, 100, 80, 400, 600}));
  EXPECT_EQ(s.detention.flight_weekday, 1);
  // Sources: the scenario and its table, in the order read.
  ASSERT_EQ(r.scenario->sources.size(), 2u);
  EXPECT_EQ(r.scenario->sources[1].path.filename(), "tiny-arrivals.csv");
}

TEST(LoadScenario, TinyCounterfactualExtendsTheExample) {
  const LoadResult r =
      load_scenario(std::string(BF_SOURCE_DIR) + "/scenarios/examples/tiny-more-agents.yaml");
  ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : format_diagnostic(r.diagnostics[0]));
  const model::ModelSpec& s = r.scenario->spec;
  EXPECT_EQ(s.name, "Tiny example, twice the processing agents in Del Rio");
  EXPECT_EQ(s.sectors[6].processing_agents, 80);
  EXPECT_EQ(s.sectors[6].holding_capacity, 600);
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(r.scenario->sources.size(), 3u);  // child, parent, table
}

TEST(LoadScenario, OmittedKeysKeepModelDefaults) {
  TempDir dir;
  const LoadResult r = load_text(dir, kMinimal);
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::ModelSpec& s = r.scenario->spec;
  const model::ModelSpec d;
  EXPECT_EQ(s.name, "");
  EXPECT_EQ(s.days, 31);
  EXPECT_EQ(s.seed, d.seed);
  EXPECT_EQ(s.arrivals.day_dispersion, d.arrivals.day_dispersion);
  EXPECT_EQ(s.arrivals.weekly_pattern, d.arrivals.weekly_pattern);
  EXPECT_EQ(s.arrivals.family_size_probabilities, d.arrivals.family_size_probabilities);
  EXPECT_TRUE(s.surges.empty());
  EXPECT_EQ(s.sectors[3].holding_capacity, d.sectors[3].holding_capacity);
  EXPECT_EQ(s.sectors[3].initial_waiting_days, d.sectors[3].initial_waiting_days);
  EXPECT_EQ(s.apprehension.delay.mean, d.apprehension.delay.mean);
  EXPECT_EQ(s.processing.custody_standard, d.processing.custody_standard);
  EXPECT_EQ(s.dispositions.return_batch_times, d.dispositions.return_batch_times);
  EXPECT_EQ(s.dispositions.mexico_accepts_share, d.dispositions.mexico_accepts_share);
  EXPECT_EQ(s.detention.beds, d.detention.beds);
  EXPECT_EQ(s.detention.flight_seats_per_week, d.detention.flight_seats_per_week);
  EXPECT_EQ(s.orr.length_of_stay.mean, d.orr.length_of_stay.mean);
  EXPECT_EQ(s.recrossing.probability, d.recrossing.probability);
}

TEST(LoadScenario, UnitsAreConverted) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) +
                                          "dispositions:\n"
                                          "  mexican_returns: 1500/week\n"
                                          "  return_batch_times: ['05:30', '17:00']\n"
                                          "  max_wait_for_bed: 1.5d\n"
                                          "detention:\n"
                                          "  flight_seats: {honduras: 1450/day}\n"
                                          "  length_of_stay: {mean: 2w, cv: 0.3}\n"
                                          "  flight_weekday: friday\n"
                                          "arrivals2: 1\n");
  EXPECT_EQ(r.diagnostics.size(), 1u);  // arrivals2 only
  TempDir dir2("2");
  const LoadResult ok = load_text(dir2, std::string(kMinimal) +
                                            "dispositions:\n"
                                            "  mexican_returns: 1500/week\n"
                                            "  return_batch_times: ['05:30', '17:00']\n"
                                            "  max_wait_for_bed: 1.5d\n"
                                            "detention:\n"
                                            "  flight_seats: {honduras: 1450/day}\n"
                                            "  length_of_stay: {mean: 2w, cv: 0.3}\n"
                                            "  flight_weekday: friday\n");
  ASSERT_TRUE(ok.ok()) << all_messages(ok, dir2);
  const model::ModelSpec& s = ok.scenario->spec;
  EXPECT_EQ(s.dispositions.mexican_returns_per_day, 214);  // 1500 / 7 = 214.29, rounded
  EXPECT_EQ(s.dispositions.return_batch_times, (std::vector<engine::SimTime>{330, 1020}));
  EXPECT_EQ(s.dispositions.max_wait_for_bed, 36 * 60);
  EXPECT_EQ(s.detention.flight_seats_per_week[2], 10150);
  EXPECT_EQ(s.detention.length_of_stay.mean, 14 * 24 * 60);
  EXPECT_EQ(s.detention.length_of_stay.cv, 0.3);
  EXPECT_EQ(s.detention.flight_weekday, 4);
}

TEST(LoadScenario, UnknownKeyWithHint) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) +
                                          "sectors:\n"
                                          "  del_rio:\n"
                                          "    holding_capacty: 2000\n");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:7:5: error: unknown key 'holding_capacty' at sectors.del_rio "
            "(did you mean 'holding_capacity'?)\n"
            "    7 |     holding_capacty: 2000\n"
            "      |     ^\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].yaml_path, "sectors.del_rio.holding_capacty");
  EXPECT_EQ(r.diagnostics[0].line, 7);
  EXPECT_EQ(r.diagnostics[0].column, 5);
}

TEST(LoadScenario, UnknownKeyWithoutCloseMatchHasNoHint) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) + "weather: sunny\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:5:1: error: unknown key 'weather' at top level\n"
            "    5 | weather: sunny\n"
            "      | ^\n");
}

TEST(LoadScenario, UnknownSectorWithHint) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) + "sectors: {delrio: {}}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:5:11: error: unknown sector 'delrio' at sectors "
            "(did you mean 'del_rio'?)\n"
            "    5 | sectors: {delrio: {}}\n"
            "      |           ^\n");
}

TEST(LoadScenario, DuplicateKey) {
  TempDir dir;
  const LoadResult r = load_text(dir,
                                 "start: 2024-01-01\n"
                                 "days: 5\n"
                                 "seed: 1\n"
                                 "arrivals: {table: jan.csv}\n"
                                 "seed: 2\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:5:1: error: duplicate key 'seed' at top level (first written at line 3)\n"
            "    5 | seed: 2\n"
            "      | ^\n");
}

TEST(LoadScenario, WrongTypes) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) +
                                          "seed: lucky\n"
                                          "sector_defaults: {processing_agents: 2.5}\n"
                                          "apprehension: [1]\n"
                                          "dispositions: {repatriate_mexican_children: yes}\n"
                                          "detention: {beds: }\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:5:7: error: seed: expected a whole number from 0 to "
            "18446744073709551615, got 'lucky'\n"
            "    5 | seed: lucky\n"
            "      |       ^\n"
            "T/s.yaml:6:38: error: sector_defaults.processing_agents: expected a whole number, "
            "got '2.5'\n"
            "    6 | sector_defaults: {processing_agents: 2.5}\n"
            "      |                                      ^\n"
            "T/s.yaml:7:15: error: apprehension: expected a map, got a list\n"
            "    7 | apprehension: [1]\n"
            "      |               ^\n"
            "T/s.yaml:8:45: error: dispositions.repatriate_mexican_children: expected true or "
            "false, got 'yes'\n"
            "    8 | dispositions: {repatriate_mexican_children: yes}\n"
            "      |                                             ^\n"
            "T/s.yaml:9:13: error: detention.beds: expected a whole number, got an empty value\n"
            "    9 | detention: {beds: }\n"
            "      |             ^\n");
}

TEST(LoadScenario, OutOfRange) {
  TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kMinimal) +
                         "apprehension:\n"
                         "  max_probability: 1.5\n"
                         "sectors:\n"
                         "  yuma: {holding_capacity: -5, half_saturation_agents: 0}\n"
                         "orr: {beds: 10, initial_population: 20}\n"
                         "processing: {transport: {mean: 0min, cv: 0.5}}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:6:20: error: apprehension.max_probability: must be between 0 and 1, "
            "got 1.5\n"
            "    6 |   max_probability: 1.5\n"
            "      |                    ^\n"
            "T/s.yaml:8:28: error: sectors.yuma.holding_capacity: must be >= 0, got -5\n"
            "    8 |   yuma: {holding_capacity: -5, half_saturation_agents: 0}\n"
            "      |                            ^\n"
            "T/s.yaml:8:56: error: sectors.yuma.half_saturation_agents: must be > 0, got 0\n"
            "    8 |   yuma: {holding_capacity: -5, half_saturation_agents: 0}\n"
            "      |                                                        ^\n"
            "T/s.yaml:9:37: error: orr.initial_population: must be <= beds (10), got 20\n"
            "    9 | orr: {beds: 10, initial_population: 20}\n"
            "      |                                     ^\n"
            "T/s.yaml:10:25: error: processing.transport: a duration with mean 0 must have cv 0, "
            "got cv 0.5\n"
            "   10 | processing: {transport: {mean: 0min, cv: 0.5}}\n"
            "      |                         ^\n");
}

TEST(LoadScenario, Title42KeysAndTheirDefaults) {
  TempDir dir;
  const LoadResult none = load_text(dir, kMinimal);
  ASSERT_TRUE(none.ok()) << all_messages(none, dir);
  const model::ModelSpec d;
  EXPECT_FALSE(none.scenario->spec.dispositions.title42_end.has_value());
  EXPECT_EQ(none.scenario->spec.processing.title42_service_time.mean, 30);
  EXPECT_EQ(none.scenario->spec.processing.title42_service_time.cv, 0.5);
  EXPECT_EQ(none.scenario->spec.recrossing.title42_probability, d.recrossing.title42_probability);

  const LoadResult r = load_text(dir, std::string(kMinimal) +
                                          "dispositions:\n"
                                          "  title42_end: 2023-05-12\n"
                                          "processing:\n"
                                          "  title42_service_time: {mean: 20min, cv: 0.3}\n"
                                          "recrossing:\n"
                                          "  title42_probability: {mexico: 0.4, honduras: 0.2}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::ModelSpec& s = r.scenario->spec;
  EXPECT_EQ(s.dispositions.title42_end, util::Date::parse("2023-05-12"));
  EXPECT_EQ(s.processing.title42_service_time.mean, 20);
  EXPECT_EQ(s.processing.title42_service_time.cv, 0.3);
  EXPECT_EQ(s.recrossing.title42_probability,
            (model::PerCitizenship<double>{0.4, 0.15, 0.2, 0.15, 0.15}));
}

// An outcome-mix table of January 2024, every cell the same.
std::string mix_table() {
  std::string text = "# test\n" + std::string(kOutcomeMixHeader) + "\n";
  for (auto d : model::kDemographicKeys) {
    for (auto c : model::kCitizenshipKeys) {
      text += "2024-01," + std::string(d) + "," + std::string(c) +
              ",10,0.1,0.2,0.3,0.4,0.5,0.4,fitted\n";
    }
  }
  return text;
}

TEST(LoadScenario, ProcessingAgentsFromEncounters) {
  TempDir dir;
  // Each sector: 5 people a day of each demographic (default times 75, 60, 120, 60 minutes):
  // 1,575 agent-minutes a day; at utilization 0.5, ceil(1,575 / 720) = 3 agents.
  const LoadResult r = load_text(
      dir, std::string(kMinimal) + "processing:\n  agents_from_encounters: {utilization: 0.5}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_EQ(r.scenario->spec.processing.agents_utilization, 0.5);
  for (const model::SectorSpec& s : r.scenario->spec.sectors) EXPECT_EQ(s.processing_agents, 3);

  const LoadResult both =
      load_text(dir, std::string(kMinimal) +
                         "sectors:\n  yuma: {processing_agents: 20}\n"
                         "processing:\n  agents_from_encounters: {utilization: 0.5}\n");
  EXPECT_FALSE(both.ok());
  EXPECT_NE(all_messages(both, dir).find(
                "T/s.yaml:6:29: error: sectors.yuma.processing_agents cannot be combined "
                "with processing.agents_from_encounters"),
            std::string::npos)
      << all_messages(both, dir);

  const LoadResult bad = load_text(
      dir, std::string(kMinimal) + "processing:\n  agents_from_encounters: {utilization: 0}\n");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(all_messages(bad, dir).find("processing.agents_from_encounters.utilization"),
            std::string::npos)
      << all_messages(bad, dir);
}

TEST(LoadScenario, BookInBedElasticityIsAShareOfOne) {
  TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kMinimal) + "detention:\n  book_in_bed_elasticity: 0.5\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_DOUBLE_EQ(r.scenario->spec.detention.book_in_bed_elasticity, 0.5);
  const LoadResult bad =
      load_text(dir, std::string(kMinimal) + "detention:\n  book_in_bed_elasticity: 1.5\n");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(all_messages(bad, dir).find("T/s.yaml:6:27: error: detention.book_in_bed_elasticity"),
            std::string::npos)
      << all_messages(bad, dir);
}

TEST(LoadScenario, CrowdedReleaseIsReadWithBothKeysRequired) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) +
                                          "dispositions:\n"
                                          "  crowded_release: {occupancy: 1.25, delay: {mean: 6h, "
                                          "cv: 0.5}}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const auto& crowded = r.scenario->spec.dispositions.crowded_release;
  ASSERT_TRUE(crowded.has_value());
  EXPECT_DOUBLE_EQ(crowded->occupancy, 1.25);
  EXPECT_EQ(crowded->delay.mean, 6 * 60);
  EXPECT_DOUBLE_EQ(crowded->delay.cv, 0.5);

  const LoadResult omitted = load_text(dir, std::string(kMinimal));
  ASSERT_TRUE(omitted.ok()) << all_messages(omitted, dir);
  EXPECT_FALSE(omitted.scenario->spec.dispositions.crowded_release.has_value());

  const LoadResult missing = load_text(
      dir, std::string(kMinimal) + "dispositions:\n  crowded_release: {occupancy: 1.25}\n");
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(all_messages(missing, dir).find("dispositions.crowded_release"), std::string::npos)
      << all_messages(missing, dir);
  EXPECT_NE(all_messages(missing, dir).find("delay"), std::string::npos)
      << all_messages(missing, dir);

  const LoadResult zero = load_text(dir, std::string(kMinimal) +
                                             "dispositions:\n"
                                             "  crowded_release: {occupancy: 0, delay: 6h}\n");
  EXPECT_FALSE(zero.ok());
  EXPECT_NE(all_messages(zero, dir).find("dispositions.crowded_release.occupancy"),
            std::string::npos)
      << all_messages(zero, dir);
}

TEST(LoadScenario, OutcomeMixIsReadAndReplacesTheRulesItGives) {
  TempDir dir;
  dir.write("mix.csv", mix_table());
  const LoadResult r =
      load_text(dir, std::string(kMinimal) + "dispositions:\n  outcome_mix: mix.csv\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::DispositionSpec& d = r.scenario->spec.dispositions;
  ASSERT_EQ(d.outcome_mix.months.size(), 1u);
  EXPECT_EQ(d.outcome_mix.months[0].ice_book_in_share, 0.5);
  EXPECT_EQ(d.outcome_mix.months[0].ice_release_share, 0.4);
  EXPECT_EQ(d.outcome_mix_file, "mix.csv");
  EXPECT_EQ(d.expedited_removal_share, (model::PerDemographic<double>{0, 0, 0, 0}));
  EXPECT_EQ(d.mexico_accepts_share, (model::PerCitizenship<double>{0, 0, 0, 0, 0}));

  const LoadResult both = load_text(dir, std::string(kMinimal) +
                                             "dispositions:\n"
                                             "  outcome_mix: mix.csv\n"
                                             "  expedited_removal_share: {single_adult: 0.3}\n");
  EXPECT_EQ(all_messages(both, dir),
            "T/s.yaml:7:28: error: dispositions.expedited_removal_share cannot be combined with "
            "dispositions.outcome_mix, which gives who is returned, transferred and released "
            "(remove it; to change it in a counterfactual, use a policy (mexico_acceptance, "
            "expedited_removal))\n"
            "    7 |   expedited_removal_share: {single_adult: 0.3}\n"
            "      |                            ^\n");
  // The mix's ice_release_share gives ICE's release share: the fixed one is refused.
  const LoadResult release = load_text(dir, std::string(kMinimal) +
                                                "dispositions:\n"
                                                "  outcome_mix: mix.csv\n"
                                                "detention:\n"
                                                "  credible_fear_positive_share: 0.45\n");
  const std::string release_messages = all_messages(release, dir);
  EXPECT_EQ(release_messages.substr(0, release_messages.find('\n')),
            "T/s.yaml:8:33: error: detention.credible_fear_positive_share cannot be combined "
            "with dispositions.outcome_mix, whose ice_release_share gives the share ICE releases "
            "each month (remove it; to change it in a counterfactual, use a policy "
            "(entry_suspension's screen_pass_share))");
  const LoadResult missing =
      load_text(dir, std::string(kMinimal) + "dispositions:\n  outcome_mix: nope.csv\n");
  EXPECT_EQ(all_messages(missing, dir),
            "T/s.yaml:6:16: error: cannot read outcome-mix table 'T/nope.csv': no such file\n"
            "    6 |   outcome_mix: nope.csv\n"
            "      |                ^\n");
}

// Mexicans ordered removed leave by land, so a seat count to Mexico would never be used.
TEST(LoadScenario, FlightSeatsToMexicoAreRefused) {
  TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kMinimal) +
                         "detention:\n"
                         "  flight_seats: {guatemala: 700/week, mexico: 100/week}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:6:39: error: detention.flight_seats.mexico: Mexicans ordered removed leave "
            "by land, not by flight, so seats to Mexico are never used (remove it; removals to "
            "Mexico are limited by nothing but the decisions)\n"
            "    6 |   flight_seats: {guatemala: 700/week, mexico: 100/week}\n"
            "      |                                       ^\n");
}

TEST(LoadScenario, Title42BadValuesPointAtLineAndColumn) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) +
                                          "dispositions:\n"
                                          "  title42_end: 2023-05-32\n"
                                          "recrossing:\n"
                                          "  title42_probability: {mexico: 1.5}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:6:16: error: dispositions.title42_end: expected a date 'YYYY-MM-DD', got "
            "'2023-05-32'\n"
            "    6 |   title42_end: 2023-05-32\n"
            "      |                ^\n"
            "T/s.yaml:8:33: error: recrossing.title42_probability.mexico: must be between 0 and 1, "
            "got 1.5\n"
            "    8 |   title42_probability: {mexico: 1.5}\n"
            "      |                                 ^\n");
  const LoadResult typo = load_text(dir, std::string(kMinimal) +
                                             "dispositions:\n"
                                             "  title42_end: [2023-05-12]\n"
                                             "  title_42_end: 2023-05-12\n");
  EXPECT_EQ(all_messages(typo, dir),
            "T/s.yaml:6:16: error: dispositions.title42_end: expected a date, got a list\n"
            "    6 |   title42_end: [2023-05-12]\n"
            "      |                ^\n"
            "T/s.yaml:7:3: error: unknown key 'title_42_end' at dispositions (did you mean "
            "'title42_end'?)\n"
            "    7 |   title_42_end: 2023-05-12\n"
            "      |   ^\n");
}

TEST(LoadScenario, EndBeforeStart) {
  TempDir dir;
  const LoadResult r = load_text(dir,
                                 "start: 2024-01-10\n"
                                 "end: 2024-01-09\n"
                                 "arrivals: {table: jan.csv}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:2:6: error: end: 2024-01-09 is before start 2024-01-10\n"
            "    2 | end: 2024-01-09\n"
            "      |      ^\n");
}

TEST(LoadScenario, EndAndDaysTogetherAndBadDate) {
  TempDir dir;
  const LoadResult r = load_text(dir,
                                 "start: 2024-02-30\n"
                                 "end: 2024-03-01\n"
                                 "days: 3\n"
                                 "arrivals: {table: jan.csv}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:1:8: error: start: expected a date 'YYYY-MM-DD', got '2024-02-30'\n"
            "    1 | start: 2024-02-30\n"
            "      |        ^\n"
            "T/s.yaml:3:7: error: give either 'end' or 'days', not both\n"
            "    3 | days: 3\n"
            "      |       ^\n");
}

TEST(LoadScenario, SectionOfWrongTypeIsOneError) {
  TempDir dir;
  const LoadResult r = load_text(dir, "start: 2024-01-01\ndays: 2\narrivals: jan.csv\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:3:11: error: arrivals: expected a map, got 'jan.csv'\n"
            "    3 | arrivals: jan.csv\n"
            "      |           ^\n");
}

TEST(LoadScenario, RunLengthIsCapped) {
  TempDir dir;
  const LoadResult r =
      load_text(dir, "start: 2024-01-01\nend: 3024-01-01\narrivals: {table: jan.csv}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:2:6: error: the run is 365243 days long; at most 36525 (100 years) are "
            "allowed\n"
            "    2 | end: 3024-01-01\n"
            "      |      ^\n");
}

TEST(LoadScenario, MissingRequiredKeys) {
  TempDir dir;
  const LoadResult r = load_text(dir, "name: x\narrivals: {day_dispersion: 5}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:1:1: error: missing required key 'start' at top level\n"
            "    1 | name: x\n"
            "      | ^\n"
            "T/s.yaml:1:1: error: missing required key 'end' (or 'days') at top level\n"
            "    1 | name: x\n"
            "      | ^\n"
            "T/s.yaml:2:11: error: missing required key 'table' at arrivals\n"
            "    2 | arrivals: {day_dispersion: 5}\n"
            "      |           ^\n");
  TempDir dir2("2");
  EXPECT_EQ(all_messages(load_text(dir2, "start: 2024-01-01\ndays: 2\n"), dir2),
            "T/s.yaml:1:1: error: missing required key 'arrivals' at top level\n"
            "    1 | start: 2024-01-01\n"
            "      | ^\n");
}

TEST(LoadScenario, TableErrorsPointIntoTheTable) {
  TempDir dir;
  std::string table = full_table({"2024-01"});
  table += "laredo,2024-01,accompanied_minor,other,3\n";  // line 183: duplicate
  dir.write("t.csv", table);
  const LoadResult r =
      load_scenario(dir.write("s.yaml", "start: 2024-01-01\ndays: 3\narrivals: {table: t.csv}\n"));
  EXPECT_EQ(all_messages(r, dir),
            "T/t.csv:183:1: error: duplicate arrival table row for laredo 2024-01 "
            "accompanied_minor other (first written at line 162)\n"
            "  183 | laredo,2024-01,accompanied_minor,other,3\n"
            "      | ^\n");
  EXPECT_EQ(r.diagnostics[0].yaml_path, "arrivals.table");
}

TEST(LoadScenario, TableMustCoverTheRun) {
  TempDir dir;
  const LoadResult r = load_text(dir, "start: 2024-01-30\ndays: 3\narrivals: {table: jan.csv}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/jan.csv:2:1: error: arrival table has no rows for month 2024-02 (the run covers "
            "2024-01-30 to 2024-02-01)\n"
            "    2 | sector,month,demographic,citizenship,encounters_per_day\n"
            "      | ^\n");
}

TEST(LoadScenario, MissingTableFile) {
  TempDir dir;
  const LoadResult r = load_scenario(
      dir.write("s.yaml", "start: 2024-01-01\ndays: 3\narrivals: {table: nope.csv}\n"));
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:3:19: error: cannot read arrival table 'T/nope.csv': no such file\n"
            "    3 | arrivals: {table: nope.csv}\n"
            "      |                   ^\n");
}

TEST(LoadScenario, ExtendsMergesAndPointsAtTheRightFile) {
  TempDir dir;
  dir.write("base/jan.csv", full_table({"2024-01"}));
  dir.write("base/base.yaml",
            "name: base\n"
            "start: 2024-01-01\n"
            "days: 10\n"
            "arrivals: {table: jan.csv, day_dispersion: 8}\n"
            "sectors:\n"
            "  del_rio: {processing_agents: 150, holding_capacity: 2000}\n"
            "surges:\n"
            "  - {sector: del_rio, first_day: 2024-01-02, last_day: 2024-01-03, people: 10}\n");
  const std::filesystem::path child = dir.write("child.yaml",
                                                "extends: base/base.yaml\n"
                                                "name: more agents\n"
                                                "sectors:\n"
                                                "  del_rio: {processing_agents: 300}\n"
                                                "surges: []\n");
  const LoadResult r = load_scenario(child);
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::ModelSpec& s = r.scenario->spec;
  EXPECT_EQ(s.name, "more agents");
  EXPECT_EQ(s.days, 10);
  EXPECT_EQ(s.arrivals.day_dispersion, 8.0);
  EXPECT_EQ(s.arrivals.levels.size(), 180u);  // table found relative to base.yaml
  EXPECT_EQ(s.sectors[6].processing_agents, 300);
  EXPECT_EQ(s.sectors[6].holding_capacity, 2000);
  EXPECT_TRUE(s.surges.empty());  // lists replace
  ASSERT_EQ(r.scenario->sources.size(), 3u);

  // An error in a value written by the parent points at the parent.
  dir.write("bad.yaml",
            "extends: base/base.yaml\narrivals: {day_dispersion: -1}\n"
            "sectors: {yuma: {processing_agents: 0}}\n");
  const LoadResult bad = load_scenario(dir.root() / "bad.yaml");
  EXPECT_EQ(all_messages(bad, dir),
            "T/bad.yaml:2:28: error: arrivals.day_dispersion: must be >= 0.01, got -1\n"
            "    2 | arrivals: {day_dispersion: -1}\n"
            "      |                            ^\n"
            "T/bad.yaml:3:37: error: sectors.yuma.processing_agents: must be >= 1, got 0\n"
            "    3 | sectors: {yuma: {processing_agents: 0}}\n"
            "      |                                     ^\n");
  dir.write("base/worse.yaml",
            "start: 2024-01-01\ndays: 2\narrivals: {table: jan.csv}\n"
            "detention: {flight_weekday: tusday}\n");
  dir.write("w.yaml", "extends: base/worse.yaml\nseed: 3\n");
  EXPECT_EQ(all_messages(load_scenario(dir.root() / "w.yaml"), dir),
            "T/base/worse.yaml:4:29: error: detention.flight_weekday: expected a weekday, got "
            "'tusday' (did you mean 'tuesday'?)\n"
            "    4 | detention: {flight_weekday: tusday}\n"
            "      |                             ^\n");
}

TEST(LoadScenario, ExtendsStillReportsEverythingInTheChild) {
  TempDir dir;
  dir.write("jan.csv", full_table({"2024-01"}));
  dir.write("p.yaml", "start: 2024-01-01\ndays: 2\narrivals: {table: jan.csv}\n");
  const LoadResult r = load_scenario(dir.write("c.yaml",
                                               "extends: p.yaml\n"
                                               "seed: 1\n"
                                               "seed: 2\n"
                                               "orr: {bed: 3}\n"));
  EXPECT_EQ(all_messages(r, dir),
            "T/c.yaml:3:1: error: duplicate key 'seed' at top level (first written at line 2)\n"
            "    3 | seed: 2\n"
            "      | ^\n"
            "T/c.yaml:4:7: error: unknown key 'bed' at orr (did you mean 'beds'?)\n"
            "    4 | orr: {bed: 3}\n"
            "      |       ^\n");
}

TEST(LoadScenario, ExtendsCycle) {
  TempDir dir;
  dir.write("a.yaml", "extends: b.yaml\nstart: 2024-01-01\n");
  dir.write("b.yaml", "extends: c.yaml\n");
  dir.write("c.yaml", "extends: a.yaml\n");
  const LoadResult r = load_scenario(dir.root() / "a.yaml");
  EXPECT_EQ(all_messages(r, dir),
            "T/c.yaml:1:10: error: extends cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml\n"
            "    1 | extends: a.yaml\n"
            "      |          ^\n");
  dir.write("self.yaml", "extends: ./self.yaml\n");
  EXPECT_EQ(all_messages(load_scenario(dir.root() / "self.yaml"), dir),
            "T/self.yaml:1:10: error: extends cycle: self.yaml -> self.yaml\n"
            "    1 | extends: ./self.yaml\n"
            "      |          ^\n");
}

TEST(LoadScenario, ExtendsMissingParent) {
  TempDir dir;
  const LoadResult r = load_scenario(dir.write("s.yaml", "extends: gone.yaml\n"));
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:1:10: error: cannot read parent scenario 'T/gone.yaml': no such file\n"
            "    1 | extends: gone.yaml\n"
            "      |          ^\n");
}

TEST(LoadScenario, SyntaxError) {
  TempDir dir;
  const LoadResult r = load_text(dir, "start: 2024-01-01\narrivals: {table: jan.csv\ndays: 3\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:3:5: error: YAML syntax error: end of map flow not found\n"
            "    3 | days: 3\n"
            "      |     ^\n");
}

// yaml-cpp 0.7 alone loops for ever on a ',' outside [ ] or { } (found by fuzzing).
TEST(LoadScenario, StrayCommaIsASyntaxErrorNotAHang) {
  TempDir dir;
  const LoadResult r = load_text(dir, "# pasted without brackets\n, start: 2024-01-01\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:2:1: error: YAML syntax error: unexpected ',' where a value should start "
            "(',' separates items only inside [ ] or { })\n"
            "    2 | , start: 2024-01-01\n"
            "      | ^\n");
}

TEST(LoadScenario, TwoDocuments) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) + "---\nseed: 3\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:1:1: error: file holds 2 YAML documents; a scenario is exactly one "
            "(remove the '---' separators, or use 'extends' to combine files)\n"
            "    1 | start: 2024-01-01\n"
            "      | ^\n");
}

TEST(LoadScenario, EmptyFileAndOnlyComments) {
  TempDir dir;
  EXPECT_EQ(all_messages(load_scenario(dir.write("e.yaml", "")), dir),
            "T/e.yaml: error: scenario file is empty\n");
  EXPECT_EQ(all_messages(load_scenario(dir.write("c.yaml", "# nothing\n\n")), dir),
            "T/c.yaml: error: scenario file is empty\n");
  EXPECT_EQ(all_messages(load_scenario(dir.write("l.yaml", "- 1\n")), dir),
            "T/l.yaml:1:1: error: scenario: expected a map, got a list\n"
            "    1 | - 1\n"
            "      | ^\n");
}

TEST(LoadScenario, DirectoryAndMissingFile) {
  TempDir dir;
  EXPECT_EQ(all_messages(load_scenario(dir.root()), dir),
            dir.root().generic_string() +
                ": error: cannot read scenario: it is a directory, not a file\n");
  EXPECT_EQ(all_messages(load_scenario(dir.root() / "missing.yaml"), dir),
            "T/missing.yaml: error: cannot read scenario: no such file\n");
  EXPECT_EQ(all_messages(load_scenario("/dev/null"), dir),
            "/dev/null: error: cannot read scenario: not a regular file\n");
}

TEST(LoadScenario, ByteOrderMarkAndCrlfLineEnds) {
  TempDir dir;
  const LoadResult ok =
      load_text(dir, "\xEF\xBB\xBFstart: 2024-01-01\r\ndays: 2\r\narrivals: {table: jan.csv}\r\n");
  EXPECT_TRUE(ok.ok()) << all_messages(ok, dir);
  TempDir dir2("2");
  const LoadResult bad =
      load_text(dir2, "start: 2024-01-01\r\ndays: 2\r\narrivals: {table: jan.csv}\r\nsed: 1\r\n");
  EXPECT_EQ(all_messages(bad, dir2),
            "T/s.yaml:4:1: error: unknown key 'sed' at top level (did you mean 'seed'?)\n"
            "    4 | sed: 1\n"
            "      | ^\n");
}

TEST(LoadScenario, NotUtf8) {
  TempDir dir;
  const LoadResult r = load_text(dir, "start: 2024-01-01\nname: Se\xF1or\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_EQ(r.diagnostics[0].column, 9);
  EXPECT_EQ(r.diagnostics[0].message, "file is not valid UTF-8 (invalid byte sequence)");
  EXPECT_EQ(r.diagnostics[0].hint, "save the file as UTF-8");
}

TEST(LoadScenario, OptionsOverrideSeedAndDays) {
  TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kMinimal) + "seed: 5\n", LoadOptions{std::uint64_t{99}, 7});
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_EQ(r.scenario->spec.seed, 99u);
  EXPECT_EQ(r.scenario->spec.days, 7);

  // --days applies before validation: a run past January needs February rows.
  TempDir dir2("2");
  const LoadResult longer = load_text(dir2, kMinimal, LoadOptions{std::nullopt, 40});
  const std::string longer_text = all_messages(longer, dir2);
  EXPECT_EQ(longer_text.substr(0, longer_text.find('\n')),
            "T/jan.csv:2:1: error: arrival table has no rows for month 2024-02 (the run covers "
            "2024-01-01 to 2024-02-09)");

  TempDir dir3("3");
  EXPECT_EQ(all_messages(load_text(dir3, kMinimal, LoadOptions{std::nullopt, 0}), dir3),
            "<command line>: error: --days must be > 0, got 0\n");

  // With --days, the file needs neither end nor days.
  TempDir dir4("4");
  EXPECT_TRUE(load_text(dir4, "start: 2024-01-01\narrivals: {table: jan.csv}\n",
                        LoadOptions{std::nullopt, 3})
                  .ok());
}

TEST(LoadScenario, ArrivalShapes) {
  TempDir dir;
  const LoadResult r = load_text(dir, std::string(kMinimal) +
                                          "  weekly_pattern: {monday: 2, tuesday: 1}\n"
                                          "  family_size: {2: 0.5, 3: 0.4, 7: 0.1}\n"
                                          "  surrender_probability: {single_adult: 2}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:5:19: error: arrivals.weekly_pattern: give all seven days or none; "
            "missing wednesday, thursday, friday, saturday, sunday\n"
            "    5 |   weekly_pattern: {monday: 2, tuesday: 1}\n"
            "      |                   ^\n"
            "T/s.yaml:6:33: error: unknown key '7' at arrivals.family_size\n"
            "    6 |   family_size: {2: 0.5, 3: 0.4, 7: 0.1}\n"
            "      |                                 ^\n"
            "T/s.yaml:7:41: error: arrivals.surrender_probability.single_adult: must be between "
            "0 and 1, got 2\n"
            "    7 |   surrender_probability: {single_adult: 2}\n"
            "      |                                         ^\n");
  TempDir dir2("2");
  const LoadResult sums =
      load_text(dir2, std::string(kMinimal) + "  family_size: {2: 0.5, 3: 0.4}\n");
  EXPECT_EQ(all_messages(sums, dir2),
            "T/s.yaml:5:16: error: arrivals.family_size: probabilities must sum to 1, got 0.9\n"
            "    5 |   family_size: {2: 0.5, 3: 0.4}\n"
            "      |                ^\n");
  TempDir dir3("3");
  const LoadResult good = load_text(dir3, std::string(kMinimal) +
                                              "  family_size: {2: 0.5, 4: 0.5}\n"
                                              "  weekly_pattern: {monday: 2, tuesday: 2, "
                                              "wednesday: 2, thursday: 2, friday: 2, "
                                              "saturday: 1, sunday: 3}\n");
  ASSERT_TRUE(good.ok()) << all_messages(good, dir3);
  EXPECT_EQ(good.scenario->spec.arrivals.family_size_probabilities,
            (std::vector<double>{0.5, 0, 0.5, 0, 0}));
  EXPECT_DOUBLE_EQ(good.scenario->spec.arrivals.weekly_pattern[6], 1.5);
  EXPECT_DOUBLE_EQ(good.scenario->spec.arrivals.weekly_pattern[5], 0.5);
}

TEST(LoadScenario, SurgesAreValidated) {
  TempDir dir;
  const LoadResult r = load_text(
      dir, std::string(kMinimal) +
               "surges:\n"
               "  - {sector: eagle_pass, first_day: 2024-01-02, last_day: 2024-01-03, people: 5}\n"
               "  - {sector: del_rio, first_day: 2024-01-05, last_day: 2024-01-04, people: 5}\n"
               "  - {sector: del_rio, first_day: 2024-01-30, last_day: 2024-02-02, people: 5}\n"
               "  - {sector: del_rio, first_day: 2024-01-03, last_day: 2024-01-03}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:6:14: error: surges[0].sector: unknown sector 'eagle_pass' (expected one "
            "of: san_diego, el_centro, yuma, tucson, el_paso, big_bend, del_rio, laredo, "
            "rio_grande_valley)\n"
            "    6 |   - {sector: eagle_pass, first_day: 2024-01-02, last_day: 2024-01-03, "
            "people: 5}\n"
            "      |              ^\n"
            "T/s.yaml:7:56: error: surges[1].last_day: 2024-01-04 is before first_day "
            "2024-01-05\n"
            "    7 |   - {sector: del_rio, first_day: 2024-01-05, last_day: 2024-01-04, "
            "people: 5}\n"
            "      |                                                        ^\n"
            "T/s.yaml:8:34: error: surges[2]: 2024-01-30 to 2024-02-02 is not within the run "
            "(2024-01-01 to 2024-01-31)\n"
            "    8 |   - {sector: del_rio, first_day: 2024-01-30, last_day: 2024-02-02, "
            "people: 5}\n"
            "      |                                  ^\n"
            "T/s.yaml:9:5: error: missing required key 'people' at surges[3]\n"
            "    9 |   - {sector: del_rio, first_day: 2024-01-03, last_day: 2024-01-03}\n"
            "      |     ^\n");
}

TEST(LoadScenario, CollectsEveryErrorInOneLoad) {
  TempDir dir;
  const LoadResult r = load_text(dir,
                                 "start: 2024-01-01\n"
                                 "end: 2024-01-31\n"
                                 "arrivals: {table: jan.csv, day_dispersoin: 3}\n"
                                 "apprehension: {delay: 4hours, max_probability: -1}\n"
                                 "dispositions: {mexican_returns: 4000, return_batch_times: "
                                 "['14:00', '06:00']}\n"
                                 "recrossing: {probability: {mexico: 0.2, honduras: x}}\n");
  ASSERT_EQ(r.diagnostics.size(), 6u) << all_messages(r, dir);
  EXPECT_EQ(r.diagnostics[0].message, "unknown key 'day_dispersoin' at arrivals");
  EXPECT_EQ(r.diagnostics[0].hint, "did you mean 'day_dispersion'?");
  EXPECT_EQ(r.diagnostics[1].message,
            "apprehension.delay: unknown duration unit 'hours' in '4hours'");
  EXPECT_EQ(r.diagnostics[1].hint, "did you mean 'h'?");
  EXPECT_EQ(r.diagnostics[2].message,
            "apprehension.max_probability: must be between 0 and 1, got -1");
  EXPECT_EQ(r.diagnostics[3].message, "dispositions.mexican_returns: rate '4000' has no period");
  EXPECT_EQ(r.diagnostics[3].hint, "write e.g. '4000/day' or '4000/week'");
  EXPECT_EQ(r.diagnostics[4].message,
            "dispositions.return_batch_times[1]: times must be in increasing order without "
            "repeats");
  EXPECT_EQ(r.diagnostics[5].message,
            "recrossing.probability.honduras: expected a number, got 'x'");
  EXPECT_EQ(r.diagnostics[5].line, 6);
  EXPECT_EQ(r.diagnostics[5].column, 51);
}

}  // namespace
}  // namespace bf::scenario

namespace bf::scenario {
namespace {

TEST(LoadScenario, SurgeCanBeAddedOnTopOfTheTable) {
  TempDir dir;
  dir.write("jan.csv", full_table({"2024-01"}));
  const std::filesystem::path file =
      dir.write("s.yaml",
                "start: 2024-01-01\n"
                "days: 10\n"
                "arrivals: {table: jan.csv}\n"
                "surges:\n"
                "  - {sector: yuma, first_day: 2024-01-02, last_day: 2024-01-03, people: 10,\n"
                "     included_in_table: false}\n");
  const LoadResult r = load_scenario(file);
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_FALSE(r.scenario->spec.surges[0].included_in_table);
}

}  // namespace
}  // namespace bf::scenario
