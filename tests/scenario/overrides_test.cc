// Values written over a scenario when it is loaded (--set, Python's set=): read like the same
// value written in the file, located in the source "--set" when they are bad, and refused at
// the paths that define the run.

#include "scenario/overrides.h"

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

LoadResult load_with(const TempDir& dir, const Overrides& overrides) {
  dir.write("jan.csv", full_table({"2024-01"}));
  LoadOptions options;
  options.overrides = overrides;
  return load_scenario(dir.write("s.yaml", kBase), options);
}

TEST(Overrides, ReplaceAndAddValuesAsIfWrittenInTheFile) {
  const TempDir dir;
  const LoadResult r =
      load_with(dir, {{"detention.beds", "7000"}, {"sectors.del_rio.processing_agents", "9"}});
  ASSERT_TRUE(r.ok()) << all_messages(r, dir);
  EXPECT_EQ(r.scenario->spec.detention.beds, 7000);
  EXPECT_EQ(r.scenario->spec.sectors[6].processing_agents, 9);  // kSectorKeys[6] is del_rio
  // The overrides are a source of the run, after the scenario's own file.
  EXPECT_EQ(r.scenario->sources[1].path, kOverridesSourceName);
  EXPECT_EQ(r.scenario->sources[1].contents,
            "detention.beds=7000\nsectors.del_rio.processing_agents=9\n");
}

TEST(Overrides, ABadValueIsReportedAtItsLineOfTheSetSource) {
  const TempDir dir;
  const LoadResult r = load_with(dir, {{"detention.beds", "7000"}, {"detention.beds", "many"}});
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r, dir);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.file, "--set");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 16);
  EXPECT_EQ(d.source_line, "detention.beds=many");
  EXPECT_EQ(d.message, "detention.beds: expected a whole number, got 'many'");
}

TEST(Overrides, PathsThatDefineTheRunAreRefused) {
  const TempDir dir;
  const LoadResult r = load_with(dir, {{"seed", "4"}, {"arrivals.table", "x.csv"}});
  ASSERT_EQ(r.diagnostics.size(), 2u) << all_messages(r, dir);
  EXPECT_NE(r.diagnostics[0].message.find("'seed' cannot be set"), std::string::npos);
  EXPECT_NE(r.diagnostics[1].message.find("'arrivals.table' cannot be set"), std::string::npos);
}

TEST(Overrides, AnUnknownKeyGetsTheLoadersHint) {
  const TempDir dir;
  const LoadResult r = load_with(dir, {{"detention.bedz", "3"}});
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r, dir);
  EXPECT_EQ(r.diagnostics[0].file, "--set");
  EXPECT_EQ(r.diagnostics[0].hint, "did you mean 'beds'?");
}

TEST(Overrides, ParseSplitsAtTheFirstEquals) {
  EXPECT_EQ(parse_override("a.b=c=d"), (std::pair<std::string, std::string>{"a.b", "c=d"}));
  EXPECT_EQ(parse_override("a.b="), (std::pair<std::string, std::string>{"a.b", ""}));
  EXPECT_FALSE(parse_override("=3"));
  EXPECT_FALSE(parse_override("detention.beds"));
}

}  // namespace
}  // namespace bf::scenario
