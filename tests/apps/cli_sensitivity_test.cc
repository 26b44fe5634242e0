// End-to-end tests of `borderflow sensitivity` and `borderflow compare --sample-parameters`:
// a parameter that moves the output ranks above ones that cannot, the same bytes whatever
// the threads, a sampled scenario against itself is zero, and bad input is exit 2.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kTiny = "scenarios/examples/tiny.yaml";
constexpr const char* kUncertain = "tests/compare/scenarios/uncertain-beds.yaml";

using SensitivityTest = CliTest;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> fields_of(const std::string& row) {
  std::vector<std::string> fields;
  std::istringstream in(row);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  return fields;
}

TEST_F(SensitivityTest, BedsMoveTransfersToIceAndOrrBedsCannot) {
  const CliResult one = cli({"sensitivity", kUncertain, "--metric", "transferred_to_ice", "-r", "3",
                             "-j", "1", "--out", at("one")});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliResult two = cli({"sensitivity", kUncertain, "--metric", "transferred_to_ice", "-r", "3",
                             "-j", "2", "--out", at("two")});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  for (const char* name : {"sensitivity.csv", "sensitivity.svg", "sensitivity.txt"}) {
    EXPECT_FALSE(read_bytes(tmp() / "one" / name).empty()) << name;
    EXPECT_EQ(read_bytes(tmp() / "one" / name), read_bytes(tmp() / "two" / name)) << name;
  }
  const std::vector<std::string> csv = lines_of(read_bytes(tmp() / "one" / "sensitivity.csv"));
  ASSERT_EQ(csv.size(), 4u);
  EXPECT_EQ(csv[0],
            "rank,path,low,high,mean_low,mean_high,mean_base,swing,ci95_low,ci95_high,"
            "distinguishable");
  EXPECT_THAT(csv[1], ::testing::StartsWith("1,detention.beds,1500,4000,"));
  EXPECT_THAT(csv[1], ::testing::EndsWith(",true"));
  // ORR beds cannot change who goes to ICE: exactly zero with common random numbers.
  EXPECT_THAT(csv[3], ::testing::StartsWith("3,orr.beds,5000,20000,"));
  EXPECT_THAT(csv[3], HasSubstr(",0.000,0.000,0.000,false"));
  EXPECT_THAT(one.out, HasSubstr("sensitivity of transferred_to_ice"));
  EXPECT_THAT(one.out, HasSubstr("3 replications at each end, seed 42"));
  const std::string svg = read_bytes(tmp() / "one" / "sensitivity.svg");
  EXPECT_THAT(svg, ::testing::StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_LT(svg.find(">detention.beds<"), svg.find(">orr.beds<"));  // largest swing on top
}

TEST_F(SensitivityTest, BadInputIsExitTwo) {
  const CliResult metric = cli({"sensitivity", kUncertain, "--metric", "arrivals"});
  EXPECT_EQ(metric.exit_code, 2);
  EXPECT_THAT(metric.err, HasSubstr("unknown output 'arrivals'; one of encounters, gotaways"));
  const CliResult none = cli({"sensitivity", kTiny, "--metric", "released", "--out", at("o")});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("has no `uncertainty` section"));
  const CliResult missing = cli({"sensitivity", kTiny});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(SensitivityTest, SampledCompareOfAScenarioWithItselfIsZero) {
  const CliResult one = cli({"compare", kUncertain, kUncertain, "--sample-parameters", "-r", "3",
                             "-j", "1", "--out", at("one")});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliResult two = cli({"compare", kUncertain, kUncertain, "--sample-parameters", "-r", "3",
                             "-j", "2", "--out", at("two")});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  for (const char* name : {"compare.csv", "compare.txt", "parameters.csv"}) {
    EXPECT_EQ(read_bytes(tmp() / "one" / name), read_bytes(tmp() / "two" / name)) << name;
  }
  EXPECT_THAT(one.out, HasSubstr("parameters sampled in each replication"));
  EXPECT_THAT(one.out, HasSubstr("detention.beds                 A: 1500 .. 4000"));
  std::vector<std::string> csv = lines_of(read_bytes(tmp() / "one" / "compare.csv"));
  ASSERT_GT(csv.size(), 1u);
  for (std::size_t i = 1; i < csv.size(); ++i) {
    EXPECT_THAT(csv[i], ::testing::EndsWith(",0.000,0.000,0.000,0.000,0.000,false")) << csv[i];
  }
  const std::vector<std::string> values = lines_of(read_bytes(tmp() / "one" / "parameters.csv"));
  ASSERT_EQ(values.size(), 1u + 3u * 3u);
  EXPECT_EQ(values[0], "replication,path,quantile,value_a,value_b");
  EXPECT_THAT(values[1], ::testing::StartsWith("0,detention.beds,0."));
  // Sampled the same in A and B; a new draw in replication 1.
  const std::vector<std::string> r0 = fields_of(values[1]);
  const std::vector<std::string> r1 = fields_of(values[4]);
  ASSERT_EQ(r0.size(), 5u);
  ASSERT_EQ(r1.size(), 5u);
  EXPECT_EQ(r1[1], "detention.beds");
  EXPECT_EQ(r0[3], r0[4]);
  EXPECT_NE(r0[3], r1[3]);
}

TEST_F(SensitivityTest, SampledCompareWithoutRangesIsExitTwo) {
  const CliResult r = cli({"compare", kTiny, kTiny, "--sample-parameters", "-r", "2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("has an `uncertainty` section"));
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace bf::apps::testing
