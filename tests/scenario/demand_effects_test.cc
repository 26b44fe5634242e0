// arrivals.effects: the effects table and the scales a scenario gives its effects.

#include "scenario/demand_effects.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "scenario/outcome_mix_table.h"
#include "test_files.h"

namespace bf::scenario {
namespace {

using testing::all_messages;
using testing::full_table;
using testing::TempDir;

// One effect from 12 January 2024 with a one-month ramp: log effect −0.5 in San Diego (sector
// 0), −0.1 elsewhere.
std::string effects_table(std::string_view extra_rows = "") {
  std::string t = "# test\n" + std::string(kEffectsTableHeader) + "\n";
  t += "cut,2024-01-12,1,southwest,-0.2000,0.1000\n";
  for (std::size_t s = 0; s < model::kSectorCount; ++s) {
    t += "cut,2024-01-12,1," + std::string(model::kSectorKeys[s]) + "," +
         (s == 0 ? "-0.5000" : "-0.1000") + ",0.2000\n";
  }
  return t + std::string(extra_rows);
}

LoadResult load(const TempDir& dir, std::string_view effects_yaml, const std::string& table) {
  dir.write("t.csv", full_table({"2024-01", "2024-02"}, "10"));
  dir.write("e.csv", table);
  return load_scenario(dir.write("s.yaml",
                                 "start: 2024-01-01\nend: 2024-02-29\narrivals:\n"
                                 "  table: t.csv\n  effects:\n" +
                                     std::string(effects_yaml)));
}

double level(const model::ModelSpec& spec, int sector, util::YearMonth month) {
  for (const model::ArrivalLevel& l : spec.arrivals.levels) {
    if (l.sector == sector && l.month == month) return l.encounters_per_day;
  }
  return -1.0;
}

TEST(DemandEffects, ScaleOneChangesNothingAndKeepsTheEffects) {
  TempDir dir;
  const LoadResult r = load(dir, "    table: e.csv\n", effects_table());
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::ModelSpec& spec = r.scenario->spec;
  ASSERT_EQ(spec.arrivals.effects.size(), 1u);
  EXPECT_EQ(spec.arrivals.effects[0].name, "cut");
  EXPECT_EQ(spec.arrivals.effects[0].scale, 1.0);
  EXPECT_EQ(spec.arrivals.effects[0].log_effect[0], -0.5);
  EXPECT_EQ(spec.arrivals.effects[0].standard_error[8], 0.2);
  EXPECT_EQ(level(spec, 0, {2024, 2}), 10.0);
}

TEST(DemandEffects, ScaleZeroRemovesTheEffectWithItsRamp) {
  TempDir dir;
  const LoadResult r = load(dir, "    table: e.csv\n    scale: {cut: 0}\n", effects_table());
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const model::ModelSpec& spec = r.scenario->spec;
  // January: 20 of 31 days in force; February: all.
  EXPECT_NEAR(level(spec, 0, {2024, 1}), 10.0 * std::exp(0.5 * 20.0 / 31.0), 1e-9);
  EXPECT_NEAR(level(spec, 0, {2024, 2}), 10.0 * std::exp(0.5), 1e-9);
  EXPECT_NEAR(level(spec, 4, {2024, 2}), 10.0 * std::exp(0.1), 1e-9);
}

TEST(DemandEffects, ScaleTwoDoublesTheLogEffect) {
  TempDir dir;
  const LoadResult r = load(dir, "    table: e.csv\n    scale: {cut: 2}\n", effects_table());
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_NEAR(level(r.scenario->spec, 0, {2024, 2}), 10.0 * std::exp(-0.5), 1e-9);
}

TEST(DemandEffects, UnknownEffectAndNegativeScaleAreErrorsAtTheirKey) {
  TempDir dir;
  const LoadResult r =
      load(dir, "    table: e.csv\n    scale: {cutt: 0, cut: -1}\n", effects_table());
  EXPECT_FALSE(r.ok());
  const std::string m = all_messages(r, dir);
  EXPECT_NE(m.find("T/s.yaml:7:13: error: unknown effect 'cutt' (not in the effects table) "
                   "(did you mean 'cut'?)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("T/s.yaml:7:27: error: arrivals.effects.scale.cut: must be >= 0, got -1"),
            std::string::npos)
      << m;
}

TEST(DemandEffects, BadTableRowsAreReportedAtTheirField) {
  TempDir dir;
  const LoadResult r = load(dir, "    table: e.csv\n",
                            effects_table("cut,2024-01-13,1,yuma,-0.1,0.2\n"
                                          "other,2024-02-30,2,mars,x,-1\n"));
  EXPECT_FALSE(r.ok());
  const std::string m = all_messages(r, dir);
  EXPECT_NE(m.find("T/e.csv:13:"), std::string::npos) << m;  // yuma again, different date
  EXPECT_NE(m.find("T/e.csv:14:7: error: effects table date must be 'YYYY-MM-DD', got "
                   "'2024-02-30'"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("T/e.csv:14:18: error: effects table ramp_months must be 0 or 1"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("unknown sector 'mars' in effects table"), std::string::npos) << m;
  EXPECT_NE(m.find("log_effect must be a number, got 'x'"), std::string::npos) << m;
  EXPECT_NE(m.find("standard_error must be a number >= 0, got '-1'"), std::string::npos) << m;
}

TEST(DemandEffects, AnEffectMissingASectorIsAnError) {
  TempDir dir;
  std::string table = effects_table();
  table.erase(table.find("cut,2024-01-12,1,laredo"),
              std::string("cut,2024-01-12,1,laredo,-0.1000,0.2000\n").size());
  const LoadResult r = load(dir, "    table: e.csv\n", table);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(all_messages(r, dir).find("effect cut has no row for laredo"), std::string::npos)
      << all_messages(r, dir);
}

TEST(DemandEffects, TheShippedTableLoads) {
  std::vector<SourceFile> sources;
  const std::string path = std::string(BF_SOURCE_DIR) + "/data/arrivals/demand-effects.csv";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  sources.push_back({path, text});
  DiagnosticSink sink(sources);
  const std::vector<model::EffectScale> effects = read_effects_table(text, 0, sink);
  EXPECT_EQ(sink.count(), 0u);
  EXPECT_EQ(effects.size(), 7u);
}

}  // namespace
}  // namespace bf::scenario

namespace bf::scenario {
namespace {

// arrivals.conversion_reference: a replay names itself; a scenario extending it inherits the
// key and converts encounters with the replay's parameters.
TEST(ConversionReference, SelfIsNoneAndAChildGetsTheReplay) {
  TempDir dir;
  dir.write("t.csv", full_table({"2024-01"}, "10"));
  dir.write("replay.yaml",
            "start: 2024-01-01\nend: 2024-01-31\narrivals:\n  table: t.csv\n"
            "  conversion_reference: replay.yaml\nsectors:\n  del_rio: {agents_on_patrol: 100}\n");
  const std::string child = dir.write("more.yaml",
                                      "extends: replay.yaml\nsectors:\n"
                                      "  del_rio: {agents_on_patrol: 300}\n")
                                .string();
  const LoadResult replay = load_scenario(dir.root() / "replay.yaml");
  ASSERT_TRUE(replay.ok()) << all_messages(replay, dir);
  EXPECT_EQ(replay.scenario->spec.arrivals.conversion_reference, nullptr);
  const LoadResult more = load_scenario(child);
  ASSERT_TRUE(more.ok()) << all_messages(more, dir);
  const auto& reference = more.scenario->spec.arrivals.conversion_reference;
  ASSERT_NE(reference, nullptr);
  const auto del_rio = static_cast<std::size_t>(6);
  EXPECT_EQ(reference->sectors[del_rio].agents_on_patrol, 100);
  EXPECT_EQ(more.scenario->spec.sectors[del_rio].agents_on_patrol, 300);
}

// A replay changed by --set or by a sweep point is a counterfactual of the replay as written,
// like a child scenario: the written replay is its reference.
TEST(ConversionReference, SetValuesAndSweepPointsOfAReplayConvertWithTheReplayAsWritten) {
  TempDir dir;
  dir.write("t.csv", full_table({"2024-01"}, "10"));
  const std::string replay =
      dir.write("replay.yaml",
                "start: 2024-01-01\nend: 2024-01-31\narrivals:\n  table: t.csv\n"
                "  conversion_reference: replay.yaml\ndetention: {beds: 5000}\n"
                "ensemble:\n  sweep:\n    detention.beds: [6000, 7000]\n")
          .string();
  LoadOptions options;
  options.overrides = {{"detention.beds", "9000"}};
  const LoadResult set = load_scenario(replay, options);
  ASSERT_TRUE(set.ok()) << all_messages(set, dir);
  EXPECT_EQ(set.scenario->spec.detention.beds, 9000);
  const auto& reference = set.scenario->spec.arrivals.conversion_reference;
  ASSERT_NE(reference, nullptr);
  EXPECT_EQ(reference->detention.beds, 5000);
  for (const SweepPoint& point : set.scenario->ensemble.points) {
    ASSERT_NE(point.spec.arrivals.conversion_reference, nullptr);
    EXPECT_EQ(point.spec.arrivals.conversion_reference->detention.beds, 5000);
  }
  // Without --set the replay is still its own reference, and its sweep points convert with it.
  const LoadResult plain = load_scenario(replay);
  ASSERT_TRUE(plain.ok()) << all_messages(plain, dir);
  EXPECT_EQ(plain.scenario->spec.arrivals.conversion_reference, nullptr);
  ASSERT_EQ(plain.scenario->ensemble.points.size(), 2u);
  EXPECT_EQ(plain.scenario->ensemble.points[1].spec.detention.beds, 7000);
  EXPECT_EQ(plain.scenario->ensemble.points[1].spec.arrivals.conversion_reference->detention.beds,
            5000);
}

TEST(ConversionReference, AReferenceThatDoesNotLoadIsAnErrorAtTheKey) {
  TempDir dir;
  dir.write("t.csv", full_table({"2024-01"}, "10"));
  dir.write("bad.yaml", "start: 2024-01-01\nend: 2024-01-31\narrivals: {table: t.csv}\nbogus: 1\n");
  const LoadResult r =
      load_scenario(dir.write("s.yaml",
                              "start: 2024-01-01\nend: 2024-01-31\narrivals:\n  table: t.csv\n"
                              "  conversion_reference: bad.yaml\n"));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(all_messages(r, dir).find("T/s.yaml:5:25: error: arrivals.conversion_reference: '"),
            std::string::npos)
      << all_messages(r, dir);
  EXPECT_NE(all_messages(r, dir).find("does not load (1 errors)"), std::string::npos);
}

// An outcome-mix table of the given months, every cell the same.
std::string mix_of(const std::vector<std::string>& months) {
  std::string text = std::string(kOutcomeMixHeader) + "\n";
  for (const std::string& month : months) {
    for (auto d : model::kDemographicKeys) {
      for (auto c : model::kCitizenshipKeys) {
        text += month + "," + std::string(d) + "," + std::string(c) +
                ",10,0.1,0.2,0.3,0.4,0.5,0.4,fitted\n";
      }
    }
  }
  return text;
}

// A reference's outcome mix keeps every month of its table (its run may be shorter), and must
// cover the run that converts with it.
TEST(ConversionReference, TheReferencesOutcomeMixMustCoverTheRun) {
  TempDir dir;
  dir.write("t.csv", full_table({"2024-01", "2024-02"}, "10"));
  dir.write("short.csv", mix_of({"2024-01"}));
  dir.write("long.csv", mix_of({"2024-01", "2024-02"}));
  for (const char* mix : {"short", "long"}) {
    dir.write(std::string(mix) + ".yaml",
              "start: 2024-01-01\nend: 2024-01-31\narrivals: {table: t.csv}\n"
              "dispositions: {outcome_mix: " +
                  std::string(mix) + ".csv}\n");
  }
  const auto run = [&dir](const std::string& reference) {
    return load_scenario(dir.write("s.yaml",
                                   "start: 2024-01-01\nend: 2024-02-29\narrivals:\n  table: t.csv\n"
                                   "  conversion_reference: " +
                                       reference + "\n"));
  };
  const LoadResult covered = run("long.yaml");
  ASSERT_TRUE(covered.ok()) << all_messages(covered, dir);
  EXPECT_EQ(
      covered.scenario->spec.arrivals.conversion_reference->dispositions.outcome_mix.months.size(),
      2u);
  const LoadResult uncovered = run("short.yaml");
  EXPECT_FALSE(uncovered.ok());
  EXPECT_NE(all_messages(uncovered, dir)
                .find("covers 2024-01 to 2024-01, not this run's 2024-01-01 to 2024-02-29"),
            std::string::npos)
      << all_messages(uncovered, dir);
}

}  // namespace
}  // namespace bf::scenario
