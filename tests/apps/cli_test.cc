// End-to-end tests of the borderflow command line: the version and help output, argument
// errors, and `borderflow check` with good and broken scenarios. The diagnostics are pinned
// byte for byte because users (and editors that jump to file:line:column) depend on them.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

TEST_F(CliTest, VersionPrintsNameAndVersion) {
  const CliResult r = cli({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "borderflow 0.1.0\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, HelpListsTheSubcommands) {
  const CliResult r = cli({"--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* word : {"run", "check", "calibrate", "serve", "--version", "--help"}) {
    EXPECT_THAT(r.out, HasSubstr(word));
  }
}

TEST_F(CliTest, ServeHelpListsItsOptions) {
  const CliResult r = cli({"serve", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* word : {"--port", "--host", "127.0.0.1", "--threads"}) {
    EXPECT_THAT(r.out, HasSubstr(word));
  }
}

// serve starts nothing for a scenario that does not load (the library is its folder).
TEST_F(CliTest, ServeRefusesAScenarioThatDoesNotLoad) {
  const CliResult r = cli({"serve", at("missing.yaml"), "--port", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not a scenario that loads; nothing to serve"));
}

TEST_F(CliTest, RunHelpListsItsOptions) {
  const CliResult r = cli({"run", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* word : {"scenario", "--out", "--seed", "--days", "--quiet"}) {
    EXPECT_THAT(r.out, HasSubstr(word));
  }
}

TEST_F(CliTest, CalibrateHelpListsItsOptions) {
  const CliResult r = cli({"calibrate", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* word : {"--encounters", "--sectors", "--from", "--to", "--output"}) {
    EXPECT_THAT(r.out, HasSubstr(word));
  }
}

// A file with a thousand bad entries: the first 50 diagnostics, then a count of the rest.
TEST_F(CliTest, ManyErrorsArePrintedUpToACap) {
  const CliResult r = run_cli({"check", "tests/catalogue/scenario/thousand_sectors.yaml"}, tmp());
  EXPECT_EQ(r.exit_code, 2);
  std::size_t errors = 0;
  for (std::size_t at = r.err.find(": error: "); at != std::string::npos;
       at = r.err.find(": error: ", at + 1)) {
    ++errors;
  }
  EXPECT_EQ(errors, 50u);
  EXPECT_NE(
      r.err.find("borderflow: ... and 950 more errors not shown\n"
                 "borderflow: 1000 errors in tests/catalogue/scenario/thousand_sectors.yaml\n"),
      std::string::npos)
      << r.err.substr(r.err.size() > 300 ? r.err.size() - 300 : 0);
}

// `columns` prints the output schema's dictionary; one table with --table.
TEST_F(CliTest, ColumnsPrintsTheDictionary) {
  const CliResult all = cli({"columns"});
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_THAT(all.out, HasSubstr("| `transferred_to_orr` | integer | people | flow |"));
  const CliResult days = cli({"columns", "--table", "days"});
  EXPECT_EQ(days.exit_code, 0) << days.err;
  EXPECT_EQ(first_line(days.out), "## days");
  EXPECT_THAT(days.out, Not(HasSubstr("## sector_days")));
  EXPECT_EQ(first_line(cli({"columns", "--table", "compare"}).out), "## compare");
  EXPECT_EQ(cli({"columns", "--table", "nonsense"}).exit_code, 2);
}

TEST_F(CliTest, NoSubcommandIsBadInput) {
  const CliResult r = cli({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err, "");
}

TEST_F(CliTest, UnknownOptionIsBadInput) {
  // Before a subcommand CLI11 only says that a subcommand is required.
  EXPECT_EQ(cli({"--frobnicate"}).exit_code, 2);
  const CliResult r =
      cli({"run", "scenarios/examples/tiny.yaml", "--out", at("out"), "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--frobnicate"));
  EXPECT_FALSE(fs::exists(at("out"))) << "a run started despite the bad option";
}

TEST_F(CliTest, UnknownSubcommandIsBadInput) {
  EXPECT_EQ(cli({"simulate", "scenarios/examples/tiny.yaml"}).exit_code, 2);
}

TEST_F(CliTest, RunWithoutScenarioIsBadInput) { EXPECT_EQ(cli({"run"}).exit_code, 2); }

TEST_F(CliTest, CheckAcceptsTheTinyExample) {
  const CliResult r = cli({"check", "scenarios/examples/tiny.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "scenarios/examples/tiny.yaml: ok (Tiny learning example, 14 days from 2024-01-01, "
            "180 arrival rows, 1 surge)\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, CheckAcceptsTheDefaultScenario) {
  const CliResult r = cli({"check", "scenarios/december-2023.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(": ok ("));
}

// --allow-large lifts the 20-million-people limit, and only it (issue 19): a bound on a
// parameter still holds.
TEST_F(CliTest, AllowLargeLiftsOnlyThePeopleLimit) {
  const std::string large = "tests/catalogue/scenario/million_a_day.yaml";
  EXPECT_EQ(cli({"check", large}).exit_code, 2);
  const CliResult r = cli({"check", "--allow-large", large});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(": ok ("));
  const CliResult bounded =
      cli({"check", "--allow-large", "tests/catalogue/scenario/deterrence_million.yaml"});
  EXPECT_EQ(bounded.exit_code, 2);
  EXPECT_THAT(bounded.err, HasSubstr("must be at most 100, got 1e6"));
}

// The scenario library: every scenario in scenarios/ (and its subfolders) loads.
TEST_F(CliTest, CheckAcceptsEveryScenarioOfTheLibrary) {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator("scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const CliResult r = cli({"check", entry.path().string()});
    EXPECT_EQ(r.exit_code, 0) << entry.path() << ": " << r.err;
    ++checked;
  }
  EXPECT_GE(checked, 15);  // december-2023, the replay, nine counterfactuals, examples
}

// A scenario next to a copy of the tiny example's arrival table, so only the YAML is wrong.
class CheckBadScenario : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    fs::copy_file("scenarios/examples/tiny-arrivals.csv", tmp() / "tiny-arrivals.csv");
  }
  // Writes `yaml` to tmp()/name and runs `check` on it.
  CliResult check_yaml(const std::string& name, const std::string& yaml) {
    write_bytes(tmp() / name, yaml);
    return cli({"check", at(name)});
  }
};

TEST_F(CheckBadScenario, TheMinimalScenarioIsOk) {
  const CliResult r = check_yaml("ok.yaml",
                                 "start: 2024-01-01\n"
                                 "days: 3\n"
                                 "arrivals: {table: tiny-arrivals.csv}\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(": ok ("));
}

TEST_F(CheckBadScenario, UnknownKeyWithDidYouMean) {
  const CliResult r = check_yaml("typo.yaml",
                                 "start: 2024-01-01\n"
                                 "days: 3\n"
                                 "arrivals: {table: tiny-arrivals.csv}\n"
                                 "sector_defaults:\n"
                                 "  holding_capacty: 300\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(first_line(r.err), at("typo.yaml") +
                                   ":5:3: error: unknown key 'holding_capacty' at sector_defaults "
                                   "(did you mean 'holding_capacity'?)");
  EXPECT_EQ(r.out, "");
}

TEST_F(CheckBadScenario, DuplicateKey) {
  const CliResult r = check_yaml("dup.yaml",
                                 "start: 2024-01-01\n"
                                 "days: 3\n"
                                 "days: 4\n"
                                 "arrivals: {table: tiny-arrivals.csv}\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      first_line(r.err),
      at("dup.yaml") + ":3:1: error: duplicate key 'days' at top level (first written at line 2)");
}

TEST_F(CheckBadScenario, MissingFile) {
  const CliResult r = cli({"check", at("nowhere.yaml")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(first_line(r.err), at("nowhere.yaml") + ": error: cannot read scenario: no such file");
}

TEST_F(CheckBadScenario, Directory) {
  const CliResult r = cli({"check", tmp().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(first_line(r.err),
            tmp().string() + ": error: cannot read scenario: it is a directory, not a file");
}

TEST_F(CheckBadScenario, ErrorCountIsSummarised) {
  const CliResult r = check_yaml("two.yaml",
                                 "start: 2024-01-01\n"
                                 "days: 3\n"
                                 "arrivals: {table: tiny-arrivals.csv}\n"
                                 "sector_defaults: {holding_capacty: 300, agents_on_patrl: 2}\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("borderflow: 2 errors in " + at("two.yaml") + "\n"));
}

}  // namespace
}  // namespace bf::apps::testing
