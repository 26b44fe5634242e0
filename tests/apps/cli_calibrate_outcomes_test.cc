// End-to-end tests of `borderflow calibrate-outcomes`: a run writes the table and says how
// the fits went; bad months, a bad range or a missing file write nothing and exit 2.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kData = fs::path(BF_SOURCE_DIR) / ".." / "shared" / "data";
const fs::path kByAgency =
    kData / "ohss_enforcement_tables/ohss_cbp_swb_bookouts_by_agency_monthly_fy2014_2024aug.csv";
const fs::path kTables =
    kData / "ohss_enforcement_tables/ohss_ielp_monthly_tables_2024-08_long.csv";
const fs::path kEncounters = kData / "cbp_encounters/sbo-encounters-fy22-fy25-aug.csv";

class CalibrateOutcomesTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (!fs::exists(kByAgency) || !fs::exists(kTables) || !fs::exists(kEncounters)) {
      GTEST_SKIP() << "official data files not found under " << kData;
    }
  }
  CliResult calibrate(const fs::path& bookouts, const std::string& from, const std::string& to,
                      const std::vector<std::string>& more = {}) {
    std::vector<std::string> args = {"calibrate-outcomes",
                                     "--bookouts",
                                     bookouts.string(),
                                     "--monthly-tables",
                                     kTables.string(),
                                     "--encounters",
                                     kEncounters.string(),
                                     "--from",
                                     from,
                                     "--to",
                                     to,
                                     "-o",
                                     at("mix.csv")};
    args.insert(args.end(), more.begin(), more.end());
    return cli(args);
  }
};

TEST_F(CalibrateOutcomesTest, WritesTheTableAndReportsTheFits) {
  const CliResult r = calibrate(kByAgency, "2023-12", "2024-01", {"--carry-to", "2024-02"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith("ipf: 2 months, at most "));
  EXPECT_THAT(r.out, HasSubstr("\nfit 2023-12: "));
  EXPECT_THAT(r.out, HasSubstr("USBP book-outs 249740"));
  const std::string table = read_bytes(at("mix.csv"));
  EXPECT_THAT(table, HasSubstr("--from 2023-12 --to 2024-01 --carry-to 2024-02 -o mix.csv\n"));
  EXPECT_THAT(table, HasSubstr("\n2024-02,accompanied_minor,other,"));
  EXPECT_THAT(table, ::testing::EndsWith(",carried\n"));
  EXPECT_EQ(r.err, "");
}

TEST_F(CalibrateOutcomesTest, UnpublishedMonthIsBadInputAndWritesNothing) {
  const CliResult r = calibrate(kByAgency, "2024-08", "2024-09");  // OHSS ends in August 2024
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("2024-09"));
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(CalibrateOutcomesTest, CarryBeforeToIsBadInput) {
  const CliResult r = calibrate(kByAgency, "2024-01", "2024-03", {"--carry-to", "2024-02"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--carry-to 2024-02 is before --to 2024-03"));
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(CalibrateOutcomesTest, MissingFileIsBadInputAndWritesNothing) {
  const CliResult r = calibrate(tmp() / "no-such.csv", "2023-12", "2023-12");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no-such.csv"));
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(entries(tmp()).empty());
}

}  // namespace
}  // namespace bf::apps::testing
