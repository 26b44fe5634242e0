// The `ensemble:` section: replications, threads and sweep expansion (grid order, each
// point's spec read like the base), and bad sweep definitions reported with exact
// file:line:column.

#include <gtest/gtest.h>

#include <string>

#include "scenario/scenario_loader.h"
#include "test_files.h"

namespace bf::scenario {
namespace {

using testing::all_messages;
using testing::full_table;
using testing::TempDir;

constexpr std::string_view kBase =
    "start: 2024-01-01\n"
    "end: 2024-01-31\n"
    "arrivals:\n"
    "  table: jan.csv\n"
    "detention:\n"
    "  beds: 5000\n";

LoadResult load_text(const TempDir& dir, std::string_view yaml) {
  dir.write("jan.csv", full_table({"2024-01"}));
  return load_scenario(dir.write("s.yaml", yaml));
}

TEST(Sweep, NoEnsembleSectionIsOneReplication) {
  const TempDir dir;
  const LoadResult r = load_text(dir, kBase);
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_EQ(r.scenario->ensemble.replications, 1);
  EXPECT_EQ(r.scenario->ensemble.threads, 0);
  EXPECT_FALSE(r.scenario->ensemble.has_sweep());
  EXPECT_TRUE(r.scenario->ensemble.points.empty());
}

TEST(Sweep, ReplicationsAndThreads) {
  const TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kBase) + "ensemble: {replications: 50, threads: 3}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_EQ(r.scenario->ensemble.replications, 50);
  EXPECT_EQ(r.scenario->ensemble.threads, 3);
}

TEST(Sweep, GridExpandsInOrderLastParameterFastest) {
  const TempDir dir;
  const LoadResult r = load_text(dir, std::string(kBase) +
                                          "ensemble:\n"
                                          "  sweep:\n"
                                          "    detention.beds: [1000, 2000, 3000]\n"
                                          "    dispositions.mexican_returns: [100/day, 2/week]\n"
                                          "    sectors.del_rio.processing_agents: [7]\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const EnsembleSpec& e = r.scenario->ensemble;
  ASSERT_EQ(e.parameters.size(), 3u);
  EXPECT_EQ(e.parameters[0].path, "detention.beds");
  EXPECT_EQ(e.parameters[1].values, (std::vector<std::string>{"100/day", "2/week"}));
  ASSERT_EQ(e.points.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    const SweepPoint& p = e.points[static_cast<std::size_t>(i)];
    EXPECT_EQ(p.index, i);
    EXPECT_EQ(p.spec.detention.beds, 1000 * (i / 2 + 1));
    EXPECT_EQ(p.spec.dispositions.mexican_returns_per_day, i % 2 == 0 ? 100 : 0);
    EXPECT_EQ(p.spec.sectors[6].processing_agents, 7);
    EXPECT_EQ(p.spec.sectors[0].processing_agents, 60);  // untouched
    ASSERT_EQ(p.assignments.size(), 3u);
    EXPECT_EQ(p.assignments[0].second, std::to_string(1000 * (i / 2 + 1)));
  }
  // The base spec keeps the file's value; the arrival table is read once.
  EXPECT_EQ(r.scenario->spec.detention.beds, 5000);
  EXPECT_EQ(r.scenario->sources.size(), 2u);
  EXPECT_EQ(e.points[3].spec.arrivals.levels.size(), r.scenario->spec.arrivals.levels.size());
}

TEST(Sweep, PathMayNameAKeyTheFileDoesNotWrite) {
  const TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kBase) + "ensemble:\n  sweep:\n    orr.beds: [10, 20]\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_EQ(r.scenario->ensemble.points[1].spec.orr.beds, 20);
}

TEST(Sweep, BadValueIsReportedOnceAtTheValue) {
  const TempDir dir;
  const LoadResult r = load_text(dir, std::string(kBase) +
                                          "ensemble:\n"
                                          "  sweep:\n"
                                          "    detention.beds: [1000, -3]\n"
                                          "    orr.beds: [1, 2]\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:9:28: error: detention.beds: must be >= 0, got -3\n"
            "    9 |     detention.beds: [1000, -3]\n"
            "      |                            ^\n");
}

TEST(Sweep, UnknownParameterHasAHint) {
  const TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kBase) + "ensemble:\n  sweep:\n    detention.bedz: [1, 2]\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:9:5: error: unknown key 'bedz' at detention (did you mean 'beds'?)\n"
            "    9 |     detention.bedz: [1, 2]\n"
            "      |     ^\n");
}

TEST(Sweep, StructuralErrors) {
  const TempDir dir;
  const LoadResult r = load_text(dir, std::string(kBase) +
                                          "ensemble:\n"
                                          "  replications: 0\n"
                                          "  threads: 2.5\n"
                                          "  sweep:\n"
                                          "    seed: [1, 2]\n"
                                          "    detention.beds: 1000\n"
                                          "    orr.beds: []\n"
                                          "    detention..beds: [1]\n"
                                          "    detention.beds.x: [1]\n"
                                          "    orr.initial_population: [1, 2, 1]\n");
  EXPECT_EQ(
      all_messages(r, dir),
      "T/s.yaml:8:17: error: ensemble.replications: must be between 1 and 1000000, got 0\n"
      "    8 |   replications: 0\n"
      "      |                 ^\n"
      "T/s.yaml:9:12: error: ensemble.threads: expected a whole number, got '2.5'\n"
      "    9 |   threads: 2.5\n"
      "      |            ^\n"
      "T/s.yaml:11:5: error: ensemble.sweep.seed: 'seed' cannot be swept (name, start, end, "
      "days, seed, extends, ensemble, arrivals.table and surges define the run itself)\n"
      "   11 |     seed: [1, 2]\n"
      "      |     ^\n"
      "T/s.yaml:12:21: error: ensemble.sweep.detention.beds: expected a non-empty list of "
      "values, got '1000' (write [1000])\n"
      "   12 |     detention.beds: 1000\n"
      "      |                     ^\n"
      "T/s.yaml:13:15: error: ensemble.sweep.orr.beds: expected a non-empty list of values, "
      "got a list\n"
      "   13 |     orr.beds: []\n"
      "      |               ^\n"
      "T/s.yaml:14:5: error: ensemble.sweep.detention..beds: 'detention..beds' is not a "
      "parameter path (write keys joined by '.', e.g. detention.beds)\n"
      "   14 |     detention..beds: [1]\n"
      "      |     ^\n"
      "T/s.yaml:15:5: error: ensemble.sweep.detention.beds.x: 'detention.beds' is '5000', not "
      "a map; a sweep path names a value inside maps only\n"
      "   15 |     detention.beds.x: [1]\n"
      "      |     ^\n"
      "T/s.yaml:16:36: error: ensemble.sweep.orr.initial_population[2]: duplicate value '1' "
      "(first given at line 16, column 30)\n"
      "   16 |     orr.initial_population: [1, 2, 1]\n"
      "      |                                    ^\n");
}

TEST(Sweep, TooManyPoints) {
  const TempDir dir;
  std::string values = "[";
  for (int i = 0; i < 101; ++i) values += (i ? ", " : "") + std::to_string(i);
  values += "]";
  const LoadResult r =
      load_text(dir, std::string(kBase) + "ensemble:\n  sweep:\n" +
                         "    detention.beds: " + values + "\n" + "    orr.beds: " + values + "\n");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r, dir);
  EXPECT_EQ(r.diagnostics[0].message, "ensemble.sweep: the grid has more than 10000 points");
  EXPECT_EQ(r.diagnostics[0].line, 10);
  EXPECT_EQ(r.diagnostics[0].column, 5);
}

}  // namespace
}  // namespace bf::scenario
