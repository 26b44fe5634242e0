// End-to-end tests of `borderflow calibrate`: the committed arrival table is reproduced byte
// for byte from the official files, and bad months or inputs write nothing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kData = fs::path(BF_SOURCE_DIR) / ".." / "shared" / "data" / "cbp_encounters";
const fs::path kEncounters = kData / "sbo-encounters-fy22-fy25-aug.csv";
const fs::path kOlderRelease = kData / "sbo-encounters-fy21-fy25-feb.csv";
const fs::path kSectors = kData / "ohss_khsm_usbp_monthly_region_sector.csv";
const fs::path kCitizenship = kData / "ohss_khsm_usbp_monthly_region_citizenship.csv";
const fs::path kFamily = kData / "ohss_khsm_usbp_monthly_region_family_status.csv";
constexpr const char* kCommitted = "data/arrivals/usbp-2023-12-to-2024-03.csv";

class CalibrateTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (!fs::exists(kEncounters) || !fs::exists(kSectors)) {
      GTEST_SKIP() << "official data files not found under " << kData;
    }
  }
  CliResult calibrate(const fs::path& encounters, const std::string& from, const std::string& to,
                      const std::string& output) {
    return cli({"calibrate", "--encounters", encounters.string(), "--sectors", kSectors.string(),
                "--from", from, "--to", to, "-o", output});
  }
};

TEST_F(CalibrateTest, ReproducesTheCommittedTable) {
  // Same file name as the committed table: the header records the command line, which is
  // the one in its "# derived by:" line (two releases, the sectors and both region checks).
  const std::string out = at("usbp-2023-12-to-2024-03.csv");
  const CliResult r = cli({"calibrate", "--encounters", kOlderRelease.string(), "--encounters",
                           kEncounters.string(), "--sectors", kSectors.string(), "--citizenship",
                           kCitizenship.string(), "--family-status", kFamily.string(), "--from",
                           "2023-12", "--to", "2024-03", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith("ipf: 4 months, at most 1 sweep"));
  EXPECT_THAT(r.out, HasSubstr("\nipf 2023-12: 1 sweep, last change "));
  EXPECT_THAT(r.out, ::testing::EndsWith("\nwrote " + out + "\n"));
  EXPECT_EQ(r.err, "");
  const std::string written = read_bytes(out);
  ASSERT_FALSE(written.empty());
  EXPECT_TRUE(written == read_bytes(kCommitted)) << "calibrate no longer reproduces " << kCommitted;
  EXPECT_THAT(entries(tmp()), ::testing::ElementsAre("usbp-2023-12-to-2024-03.csv"));
}

TEST_F(CalibrateTest, SingleReleaseWithoutChecksStillWorks) {
  const std::string out = at("table.csv");
  const CliResult r = calibrate(kEncounters, "2023-12", "2023-12", out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(read_bytes(out), HasSubstr("\n# derived by: borderflow calibrate --encounters "
                                         "sbo-encounters-fy22-fy25-aug.csv --sectors "
                                         "ohss_khsm_usbp_monthly_region_sector.csv --from "
                                         "2023-12 --to 2023-12 -o table.csv\n"));
}

TEST_F(CalibrateTest, BadMonthIsBadInput) {
  const std::string out = at("table.csv");
  for (const char* from : {"2024-13", "2024-00", "2024-1", "december", "2024-01-01"}) {
    const CliResult r = calibrate(kEncounters, from, "2024-03", out);
    EXPECT_EQ(r.exit_code, 2) << from;
    EXPECT_EQ(r.err,
              "borderflow: error: --from and --to take a month as YYYY-MM, e.g. --from "
              "2023-12\n")
        << from;
  }
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(CalibrateTest, ToBeforeFromIsBadInput) {
  const CliResult r = calibrate(kEncounters, "2024-03", "2023-12", at("table.csv"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "borderflow: error: --to is before --from\n");
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(CalibrateTest, MissingEncountersFileIsBadInputAndWritesNothing) {
  const std::string out = at("table.csv");
  const CliResult r = calibrate(tmp() / "no-such.csv", "2023-12", "2024-03", out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no-such.csv"));
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(CalibrateTest, MissingRequiredOptionIsBadInput) {
  const CliResult r = cli({"calibrate", "--encounters", kEncounters.string(), "--from", "2023-12",
                           "--to", "2024-03", "-o", at("table.csv")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--sectors"));
  EXPECT_TRUE(entries(tmp()).empty());
}

}  // namespace
}  // namespace bf::apps::testing
