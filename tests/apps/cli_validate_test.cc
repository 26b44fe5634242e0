// End-to-end tests of `borderflow validate` and `borderflow fit-demand` on the published
// files (../shared/data; skipped when absent): deterministic for a seed whatever the
// threads, honest about in and out of sample, and clear about bad arguments.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kData = fs::path(BF_SOURCE_DIR) / ".." / "shared" / "data";
const fs::path kSectors = kData / "cbp_encounters" / "ohss_khsm_usbp_monthly_region_sector.csv";
constexpr const char* kScenario = "scenarios/december-2023.yaml";

class ValidateTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (!fs::exists(kSectors)) GTEST_SKIP() << "official data files not found under " << kData;
  }
};

TEST_F(ValidateTest, SameSeedSameBytesOnOneOrTwoThreads) {
  const CliResult one = cli({"validate", kScenario, "--data", kData.string(), "-r", "2", "-j", "1",
                             "--fit-until", "2024-01", "--out", at("one")});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliResult two = cli({"validate", kScenario, "--data", kData.string(), "-r", "2", "-j", "2",
                             "--fit-until", "2024-01", "--out", at("two")});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  // Identical up to the last line, which names the output folder.
  EXPECT_EQ(one.out.substr(0, one.out.rfind("wrote")), two.out.substr(0, two.out.rfind("wrote")));
  for (const char* name : {"validation.txt", "validation-encounters.csv",
                           "validation-encounters.svg", "validation-bookouts.csv",
                           "validation-bookouts.svg", "validation-ice.csv", "validation-ice.svg"}) {
    EXPECT_EQ(read_bytes(tmp() / "one" / name), read_bytes(tmp() / "two" / name)) << name;
    EXPECT_FALSE(read_bytes(tmp() / "one" / name).empty()) << name;
  }
  // December and January in sample, February and March forecast (out of sample).
  const std::string csv = read_bytes(tmp() / "one" / "validation-encounters.csv");
  EXPECT_THAT(csv, HasSubstr("\n2023-12,southwest,in,0,249740,"));
  EXPECT_THAT(csv, HasSubstr("\n2024-02,southwest,out,1,140640,"));
  EXPECT_THAT(csv, HasSubstr("\n2024-03,del_rio,out,2,"));
  EXPECT_THAT(one.out, HasSubstr("Out of sample (2 months from 2024-02)"));
  // Book-outs against OHSS (USBP, published through August 2024): December 2023 releases.
  const std::string bookouts = read_bytes(tmp() / "one" / "validation-bookouts.csv");
  EXPECT_THAT(bookouts, HasSubstr("\n2023-12,released,true,191810,"));
  EXPECT_THAT(bookouts, HasSubstr("\n2024-03,returned,false,27040,"));
  EXPECT_THAT(one.out, HasSubstr("Border Patrol book-outs by outcome"));
  // ICE's book-ins and population of CBP arrests (FY2019 – FY2026 files) x 0.90, with the
  // workbooks' ALOS; February and March 2024 out of sample.
  const std::string ice = read_bytes(tmp() / "one" / "validation-ice.csv");
  EXPECT_THAT(ice, HasSubstr("\n2023-12,book_ins,true,13349.00,12014.10,"));
  EXPECT_THAT(ice, HasSubstr("\n2023-12,population,true,26089.29,23480.36,"));
  EXPECT_THAT(ice, HasSubstr("\n2023-12,stay_days,true,54.4"));
  EXPECT_THAT(ice, HasSubstr("\n2024-02,population,false,27440.83,24696.74,"));
  EXPECT_THAT(one.out, HasSubstr("ICE detention of Border Patrol transfers"));
}

TEST_F(ValidateTest, RollingOriginNeedsNoSimulation) {
  const CliResult r = cli({"validate", kScenario, "--data", kData.string(), "--rolling-origin"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Rolling origin, Southwest total"));
  EXPECT_THAT(r.out, HasSubstr("origins: 2024-02 2024-03"));  // January: a new policy
}

TEST_F(ValidateTest, BadArgumentsAreExitTwoWithAReason) {
  const CliResult month =
      cli({"validate", kScenario, "--data", kData.string(), "--fit-until", "2023-13"});
  EXPECT_EQ(month.exit_code, 2);
  EXPECT_THAT(month.err, HasSubstr("--fit-until takes a month as YYYY-MM"));
  const CliResult missing = cli({"validate", kScenario, "--data", at("nowhere")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("ohss_khsm_usbp_monthly_region_sector.csv"));
  // An output folder that cannot be created is found before the run.
  write_bytes(tmp() / "file", "x");
  const CliResult out = cli({"validate", kScenario, "--data", kData.string(), "--out",
                             (tmp() / "file" / "sub").string()});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_THAT(out.err, HasSubstr("cannot create the folder"));
  EXPECT_THAT(out.out, ::testing::Not(HasSubstr("replications of")));
  // The fit month must be in the scenario's table (and published).
  const CliResult early =
      cli({"validate", kScenario, "--data", kData.string(), "--fit-until", "2023-06"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_THAT(early.err, HasSubstr("has no 2023-06 level"));
  // A book-out file the user names must be there; the default one may be absent.
  const CliResult bookouts =
      cli({"validate", kScenario, "--data", kData.string(), "--bookouts", at("none.csv")});
  EXPECT_EQ(bookouts.exit_code, 2);
  EXPECT_THAT(bookouts.err, HasSubstr("none.csv"));
  // So must an ICE file the user names.
  const CliResult ice =
      cli({"validate", kScenario, "--data", kData.string(), "--ice-adp", at("no-adp.csv")});
  EXPECT_EQ(ice.exit_code, 2);
  EXPECT_THAT(ice.err, HasSubstr("no-adp.csv"));
}

TEST_F(ValidateTest, FitDemandReproducesTheShippedEffectsTable) {
  const std::string out = at("demand-effects.csv");
  const CliResult r = cli({"fit-demand", "--sectors", kSectors.string(), "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_bytes(out), read_bytes("data/arrivals/demand-effects.csv"));
  EXPECT_THAT(r.out, HasSubstr("policy-free origins"));
}

}  // namespace
}  // namespace bf::apps::testing
