// The `uncertainty:` section: ranges read with their units, inherited through `extends` and
// dropped with an empty value, values written over the scenario (LoadOptions::assignments),
// and bad entries and bad ends reported at their own file:line:column.

#include "scenario/uncertainty.h"

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
    "  beds: 5000\n"
    "  length_of_stay: {mean: 25d, cv: 0.8}\n";

LoadResult load_text(const TempDir& dir, std::string_view yaml, const LoadOptions& options = {}) {
  dir.write("jan.csv", full_table({"2024-01"}));
  return load_scenario(dir.write("s.yaml", yaml), options);
}

TEST(Uncertainty, RangesKeepTheirUnits) {
  const TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kBase) +
                         "uncertainty:\n"
                         "  detention.length_of_stay.mean: {low: 20d, high: 35d}\n"
                         "  detention.beds: {low: 4000, high: 6000}\n"
                         "  dispositions.mexican_returns: {low: 0/day, high: 1.5e3/day}\n"
                         "  detention.credible_fear_positive_share: {low: 0.3, high: 0.7}\n");
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const std::vector<UncertainParameter>& u = r.scenario->uncertainty;
  ASSERT_EQ(u.size(), 4u);
  EXPECT_EQ(u[0].path, "detention.length_of_stay.mean");
  EXPECT_EQ(u[0].low, 20.0);
  EXPECT_EQ(u[0].high, 35.0);
  EXPECT_EQ(u[0].suffix, "d");
  EXPECT_TRUE(u[0].integer);
  EXPECT_EQ(u[0].location.line, 9);
  EXPECT_EQ(u[0].location.column, 3);
  EXPECT_EQ(u[2].suffix, "/day");
  EXPECT_FALSE(u[2].integer);  // 1.5e3 is not written as a whole number
  EXPECT_EQ(u[3].low_text, "0.3");
  // The base spec keeps the values as written.
  EXPECT_EQ(r.scenario->spec.detention.beds, 5000);
}

TEST(Uncertainty, ValueAtAQuantile) {
  UncertainParameter days;
  days.low = 20;
  days.high = 35;
  days.suffix = "d";
  days.integer = true;
  EXPECT_EQ(days.value_at(0.0), "20d");
  EXPECT_EQ(days.value_at(0.5), "28d");  // 27.5 rounds half away from zero
  EXPECT_EQ(days.value_at(1.0), "35d");
  UncertainParameter scale;
  scale.low = 0.5;
  scale.high = 1.5;
  EXPECT_EQ(scale.value_at(0.25), "0.75");  // the shortest text, no trailing zeros
  // Enough digits to read back the same double.
  const std::string text = scale.value_at(1.0 / 3.0);
  EXPECT_EQ(std::stod(text), 0.5 + (1.0 / 3.0) * (1.5 - 0.5)) << text;
}

TEST(Uncertainty, AssignmentsAreReadLikeTheBase) {
  const TempDir dir;
  LoadOptions options;
  options.assignments = {{"detention.beds", "4321"}, {"detention.length_of_stay.mean", "30d"}};
  const LoadResult r = load_text(dir,
                                 std::string(kBase) +
                                     "uncertainty:\n"
                                     "  detention.beds: {low: 4000, high: 6000}\n"
                                     "  detention.length_of_stay.mean: {low: 20d, high: 35d}\n",
                                 options);
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_EQ(r.scenario->spec.detention.beds, 4321);
  EXPECT_EQ(r.scenario->spec.detention.length_of_stay.mean, 30 * 24 * 60);
  EXPECT_EQ(r.scenario->spec.detention.length_of_stay.cv, 0.8);  // the rest of the map stays
}

TEST(Uncertainty, AssignmentsAreCheckedLikeTheBase) {
  const TempDir dir;
  LoadOptions options;
  options.assignments = {{"detention.beds", "-1"}, {"orr.beds", "10"}};
  const LoadResult r = load_text(
      dir, std::string(kBase) + "uncertainty:\n  detention.beds: {low: 4000, high: 6000}\n",
      options);
  EXPECT_EQ(all_messages(r, dir),
            "<command line>: error: cannot set 'orr.beds': it is not in the scenario's "
            "uncertainty section\n"
            "T/s.yaml:9:3: error: detention.beds: must be >= 0, got -1\n"
            "    9 |   detention.beds: {low: 4000, high: 6000}\n"
            "      |   ^\n");
}

TEST(Uncertainty, BadEntries) {
  const TempDir dir;
  const LoadResult r = load_text(dir, std::string(kBase) +
                                          "uncertainty:\n"
                                          "  seed: {low: 1, high: 2}\n"
                                          "  detention.beds: {low: 6000, high: 6000}\n"
                                          "  orr.beds: {low: 1d, high: 2}\n"
                                          "  orr.initial_population: {low: few, high: 2}\n"
                                          "  orr.length_of_stay.mean: [1d, 2d]\n"
                                          "  recrossing.delay.mean: {low: 1d}\n"
                                          "  recrossing.delay.cv: {low: 0.1, high: 1, mid: 0.5}\n");
  EXPECT_EQ(
      all_messages(r, dir),
      "T/s.yaml:9:3: error: uncertainty.seed: 'seed' cannot be given a range (name, start, end, "
      "days, seed, extends, ensemble, arrivals.table, surges and uncertainty define the run "
      "itself)\n"
      "    9 |   seed: {low: 1, high: 2}\n"
      "      |   ^\n"
      "T/s.yaml:10:37: error: uncertainty.detention.beds: high (6000) must be greater than low "
      "(6000)\n"
      "   10 |   detention.beds: {low: 6000, high: 6000}\n"
      "      |                                     ^\n"
      "T/s.yaml:11:29: error: uncertainty.orr.beds: low '1d' and high '2' are written with "
      "different units ('d' and '') (write both ends in the same unit)\n"
      "   11 |   orr.beds: {low: 1d, high: 2}\n"
      "      |                             ^\n"
      "T/s.yaml:12:33: error: uncertainty.orr.initial_population.low: expected a number (with "
      "the key's unit, if it takes one), got 'few'\n"
      "   12 |   orr.initial_population: {low: few, high: 2}\n"
      "      |                                 ^\n"
      "T/s.yaml:13:28: error: uncertainty.orr.length_of_stay.mean: expected a range {low: X, "
      "high: Y}, got a list\n"
      "   13 |   orr.length_of_stay.mean: [1d, 2d]\n"
      "      |                            ^\n"
      "T/s.yaml:14:26: error: missing required key 'high' at uncertainty.recrossing.delay.mean\n"
      "   14 |   recrossing.delay.mean: {low: 1d}\n"
      "      |                          ^\n"
      "T/s.yaml:15:44: error: unknown key 'mid' at uncertainty.recrossing.delay.cv\n"
      "   15 |   recrossing.delay.cv: {low: 0.1, high: 1, mid: 0.5}\n"
      "      |                                            ^\n");
}

TEST(Uncertainty, BadEndIsReportedAtItsValue) {
  const TempDir dir;
  const LoadResult r = load_text(dir, std::string(kBase) +
                                          "uncertainty:\n"
                                          "  detention.beds: {low: -300, high: 6000}\n"
                                          "  orr.length_of_stay.cv: {low: 0.5, high: 2.5}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:9:25: error: detention.beds: must be >= 0, got -300\n"
            "    9 |   detention.beds: {low: -300, high: 6000}\n"
            "      |                         ^\n");
}

TEST(Uncertainty, UnknownPathIsReportedAtThePath) {
  const TempDir dir;
  const LoadResult r =
      load_text(dir, std::string(kBase) + "uncertainty:\n  detention.bedz: {low: 1, high: 2}\n");
  EXPECT_EQ(all_messages(r, dir),
            "T/s.yaml:9:3: error: unknown key 'bedz' at detention (did you mean 'beds'?)\n"
            "    9 |   detention.bedz: {low: 1, high: 2}\n"
            "      |   ^\n");
}

TEST(Uncertainty, InheritedThroughExtendsAndDroppedWithAnEmptyValue) {
  const TempDir dir;
  dir.write("jan.csv", full_table({"2024-01"}));
  dir.write("parent.yaml", std::string(kBase) +
                               "uncertainty:\n"
                               "  detention.beds: {low: 4000, high: 6000}\n"
                               "  orr.beds: {low: 10, high: 20}\n");
  const LoadResult r = load_scenario(dir.write("child.yaml",
                                               "extends: parent.yaml\n"
                                               "uncertainty:\n"
                                               "  orr.beds: ~\n"
                                               "  detention.beds: {high: 7000}\n"
                                               "  orr.transfer_delay.mean: {low: 1h, high: 3h}\n"));
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  const std::vector<UncertainParameter>& u = r.scenario->uncertainty;
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0].path, "detention.beds");
  EXPECT_EQ(u[0].low_text, "4000");  // a child's map merges key by key with its parent's
  EXPECT_EQ(u[0].high_text, "7000");
  EXPECT_EQ(u[1].path, "orr.transfer_delay.mean");
}

TEST(Uncertainty, AnInheritedRangeMustNotUndoAChildsValue) {
  const TempDir dir;
  dir.write("jan.csv", full_table({"2024-01"}));
  dir.write("parent.yaml",
            std::string(kBase) + "uncertainty:\n  detention.beds: {low: 4000, high: 6000}\n");
  const LoadResult r =
      load_scenario(dir.write("child.yaml", "extends: parent.yaml\ndetention: {beds: 9000}\n"));
  EXPECT_EQ(all_messages(r, dir),
            "T/child.yaml:2:19: error: detention.beds: this scenario sets the value, but its "
            "uncertainty range {4000, 6000} is inherited (line 9 of a parent scenario); sampling "
            "it would undo this change (give this scenario its own range, or drop it: "
            "uncertainty: {detention.beds: ~})\n"
            "    2 | detention: {beds: 9000}\n"
            "      |                   ^\n");
}

}  // namespace
}  // namespace bf::scenario
