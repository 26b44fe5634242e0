// End-to-end tests of `borderflow compare`: the same bytes whatever the threads, a scenario
// against itself is zero everywhere, and bad input (different periods, a broken scenario) is
// exit 2 with a reason and nothing written.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kTiny = "scenarios/examples/tiny.yaml";
constexpr const char* kMoreAgents = "scenarios/examples/tiny-more-agents.yaml";

using CompareTest = CliTest;

TEST_F(CompareTest, SameBytesOnOneOrTwoThreads) {
  const CliResult one =
      cli({"compare", kTiny, kMoreAgents, "-r", "3", "-j", "1", "--out", at("one")});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliResult two =
      cli({"compare", kTiny, kMoreAgents, "-r", "3", "-j", "2", "--out", at("two")});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out.substr(0, one.out.rfind("wrote")), two.out.substr(0, two.out.rfind("wrote")));
  for (const char* name : {"compare.csv", "compare.txt"}) {
    EXPECT_FALSE(read_bytes(tmp() / "one" / name).empty()) << name;
    EXPECT_EQ(read_bytes(tmp() / "one" / name), read_bytes(tmp() / "two" / name)) << name;
  }
  EXPECT_EQ(entries(tmp() / "one"), (std::vector<std::string>{"compare.csv", "compare.txt"}));
  EXPECT_EQ(read_bytes(tmp() / "one" / "compare.txt"), one.out.substr(0, one.out.rfind("wrote")));
  EXPECT_THAT(one.out, HasSubstr("3 replications each, seed 42, 2024-01-01 .. 2024-01-14"));
  EXPECT_THAT(one.out, HasSubstr("in custody (mean)"));
  const std::string csv = read_bytes(tmp() / "one" / "compare.csv");
  EXPECT_EQ(first_line(csv),
            "metric,period,mean_a,mean_b,mean_difference,difference_p5,difference_p95,ci95_low,"
            "ci95_high,distinguishable");
  EXPECT_THAT(csv, HasSubstr("\nin_custody_mean,2024-01,"));
}

TEST_F(CompareTest, AScenarioAgainstItselfIsZeroEverywhere) {
  const CliResult r = cli({"compare", kTiny, kTiny, "-r", "4", "--seed", "9", "--out", at("self")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream csv(read_bytes(tmp() / "self" / "compare.csv"));
  std::string line;
  std::getline(csv, line);  // header
  int rows = 0;
  while (std::getline(csv, line)) {
    ++rows;
    EXPECT_THAT(line, ::testing::EndsWith(",0.000,0.000,0.000,0.000,0.000,false")) << line;
  }
  EXPECT_EQ(rows, 18 * 2);  // 18 Border Patrol and detention metrics × (total, 2024-01)
  EXPECT_THAT(r.out, HasSubstr("seed 9"));
}

TEST_F(CompareTest, DifferentPeriodsAreRefused) {
  for (const char* other :
       {"tests/compare/scenarios/later-start.yaml", "tests/compare/scenarios/longer.yaml"}) {
    const CliResult r = cli({"compare", kTiny, other, "-r", "2", "--out", at("out")});
    EXPECT_EQ(r.exit_code, 2) << other;
    EXPECT_THAT(r.err, HasSubstr("cover different periods")) << other;
    EXPECT_THAT(r.err, HasSubstr("compare needs the same start date and number of days"));
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_TRUE(entries(tmp()).empty());  // nothing written
  }
}

TEST_F(CompareTest, ScenarioErrorsAreReportedLikeRun) {
  write_bytes(tmp() / "bad.yaml",
              "extends: " + (std::filesystem::path(BF_SOURCE_DIR) / kTiny).string() +
                  "\ndetention: {bedz: 10}\n");
  const CliResult r = cli({"compare", kTiny, at("bad.yaml"), "--out", at("out")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown key 'bedz'"));
  EXPECT_THAT(r.err, HasSubstr("did you mean 'beds'"));
  EXPECT_THAT(r.err, HasSubstr("1 error in"));
  EXPECT_EQ(entries(tmp()), (std::vector<std::string>{"bad.yaml"}));
  const CliResult missing = cli({"compare", kTiny});
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace bf::apps::testing
