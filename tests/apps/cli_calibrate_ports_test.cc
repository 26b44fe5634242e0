// End-to-end tests of `borderflow calibrate-ports`: the committed traffic table is reproduced
// byte for byte from the published files, and bad months, sources or inputs write nothing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kData = fs::path(BF_SOURCE_DIR) / ".." / "shared" / "data" / "bts_border_crossings";
const fs::path kBts = kData / "Border_Crossing_Entry_Data_US-Mexico_1996-2022.csv";
const fs::path kTexas = kData / "tx_mx_monthly_crossings_2008_2025.csv";
constexpr const char* kSources = "data/ports/crossing-sources.csv";
constexpr const char* kCommitted = "data/ports/traffic-2023-11-to-2024-03.csv";
// Small hand-made inputs of the catalogue (tests/catalogue/data), present in every checkout.
constexpr const char* kSmallSources = "tests/catalogue/data/ports_sources_good.csv";
constexpr const char* kSmallBts = "tests/catalogue/data/bts_good.csv";
constexpr const char* kSmallTexas = "tests/catalogue/data/texas_good.csv";

class CalibratePortsTest : public CliTest {
 protected:
  CliResult calibrate_ports(const std::string& sources, const std::string& bts,
                            const std::string& texas, const std::string& from,
                            const std::string& to, const std::string& output) {
    return cli({"calibrate-ports", "--sources", sources, "--bts", bts, "--texas", texas, "--from",
                from, "--to", to, "-o", output});
  }
};

TEST_F(CalibratePortsTest, ReproducesTheCommittedTable) {
  if (!fs::exists(kBts) || !fs::exists(kTexas)) {
    GTEST_SKIP() << "published crossing files not found under " << kData;
  }
  // Same file name as the committed table: the header records the command line.
  const std::string out = at("traffic-2023-11-to-2024-03.csv");
  const CliResult r =
      calibrate_ports(kSources, kBts.string(), kTexas.string(), "2023-11", "2024-03", out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wrote " + out + "\n");
  EXPECT_EQ(r.err, "");
  const std::string written = read_bytes(out);
  ASSERT_FALSE(written.empty());
  EXPECT_TRUE(written == read_bytes(kCommitted))
      << "calibrate-ports no longer reproduces " << kCommitted;
  EXPECT_THAT(entries(tmp()), ::testing::ElementsAre("traffic-2023-11-to-2024-03.csv"));
}

TEST_F(CalibratePortsTest, SmallInputsGiveExactRows) {
  const std::string out = at("traffic.csv");
  const CliResult r =
      calibrate_ports(kSmallSources, kSmallBts, kSmallTexas, "2023-12", "2023-12", out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string written = read_bytes(out);
  // December 2023 stands on December 2022 (Texas) and December 2021 (the BTS file ends in
  // July 2022); 31 days each.
  EXPECT_THAT(written, HasSubstr("# reference months of 2023-12: bts 2021-12, texas 2022-12\n"));
  EXPECT_THAT(written, HasSubstr("crossing,month,mode,units_per_day\n"
                                 "eagle_pass_bridge_1,2023-12,pedestrian,1738.1613\n"
                                 "eagle_pass_bridge_1,2023-12,passenger_vehicle,3170.0323\n"
                                 "laredo_juarez_lincoln,2023-12,bus,94.7097\n"
                                 "nogales_deconcini,2023-12,pedestrian,6032.1484\n"
                                 "nogales_mariposa,2023-12,pedestrian,1064.4968\n"
                                 "nogales_mariposa,2023-12,truck,994.2258\n"));
}

TEST_F(CalibratePortsTest, BadMonthIsBadInput) {
  const std::string out = at("table.csv");
  for (const char* from : {"2024-13", "2024-00", "2024-1", "december"}) {
    const CliResult r =
        calibrate_ports(kSmallSources, kSmallBts, kSmallTexas, from, "2024-03", out);
    EXPECT_EQ(r.exit_code, 2) << from;
    EXPECT_EQ(r.err,
              "borderflow: error: --from and --to take a month as YYYY-MM, e.g. --from "
              "2023-12\n")
        << from;
  }
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(CalibratePortsTest, MissingReferenceRowIsBadInputAndWritesNothing) {
  // The BTS sample has no Nogales bus row.
  const std::string out = at("table.csv");
  const CliResult r = calibrate_ports("tests/catalogue/data/ports_missing_reference.csv", kSmallBts,
                                      kSmallTexas, "2023-12", "2023-12", out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "tests/catalogue/data/ports_missing_reference.csv:9:27: bts has no \"Buses\" row for "
            "\"Nogales\" in 2021-12 (reference month of 2023-12) nor in the 3 years before in "
            "tests/catalogue/data/bts_good.csv\n");
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(CalibratePortsTest, ReplacesAnOlderTable) {
  const std::string out = at("table.csv");
  write_bytes(out, "old\n");
  const CliResult r =
      calibrate_ports(kSmallSources, kSmallBts, kSmallTexas, "2023-12", "2023-12", out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(first_line(read_bytes(out)),
            "# borderflow traffic table: normal northbound units per day");
  EXPECT_THAT(entries(tmp()), ::testing::ElementsAre("table.csv"));
}

TEST_F(CalibratePortsTest, MissingRequiredOptionIsBadInput) {
  const CliResult r = cli({"calibrate-ports", "--sources", kSmallSources, "--bts", kSmallBts,
                           "--from", "2023-12", "--to", "2024-03", "-o", at("table.csv")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--texas"));
  EXPECT_TRUE(entries(tmp()).empty());
}

}  // namespace
}  // namespace bf::apps::testing
