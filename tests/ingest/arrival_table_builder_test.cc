#include "ingest/arrival_table_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bf::ingest {
namespace {

using model::Citizenship;
using model::Demographic;

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";
constexpr util::YearMonth kDec2023{2023, 12};
constexpr util::YearMonth kJan2024{2024, 1};

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

struct Samples {
  CbpEncounterTable encounters;
  OhssSectorTable sectors;
};

// December 2023 in cbp_encounters_dec2023.csv: Border Patrol cells Single Adults × Mexico
// 1,266, FMUA × Other 633, UAC × Guatemala 131 + 80 (Title 8 + Title 42) = 211, national total
// 2,110 = the OHSS sector sum, so national shares are 0.6, 0.3 and 0.1; the Field Operations
// row is ignored. San Diego has 310 encounters, Tucson 620, Del Rio 930.
Samples read_samples(const std::string& cbp = "cbp_encounters_dec2023.csv") {
  const FileText e = read_file_bytes(kData / cbp);
  const FileText s = read_file_bytes(kData / "ohss_sectors_small.csv");
  return {parse_cbp_encounters(e.bytes.value_or(""), "cbp.csv"),
          parse_ohss_sectors(s.bytes.value_or(""), "ohss.csv")};
}

model::ArrivalLevel cell(const std::vector<model::ArrivalLevel>& rows, int sector, Demographic d,
                         Citizenship c) {
  for (const auto& r : rows) {
    if (r.sector == sector && r.demographic == d && r.citizenship == c) return r;
  }
  ADD_FAILURE() << "cell not found";
  return {};
}
double level(const std::vector<model::ArrivalLevel>& rows, int sector, Demographic d,
             Citizenship c) {
  return cell(rows, sector, d, c).encounters_per_day;
}
double share42(const std::vector<model::ArrivalLevel>& rows, int sector, Demographic d,
               Citizenship c) {
  return cell(rows, sector, d, c).title42_share;
}

// Found by the catalogue (cli/calibrate_sectors_directory): a folder read as an empty file.
TEST(ReadFileBytes, AFolderIsNotAFile) {
  const FileText t = read_file_bytes(kData);
  ASSERT_TRUE(t.error);
  EXPECT_EQ(t.error->message, "is a directory, not a file");
}

// With only a sector margin and a national cell margin, the IPF solution is the seed (the
// proportional split): one sweep, and every value is sector total × national share.
TEST(ArrivalTableBuilder, FitsSectorTotalsAndNationalCells) {
  const Samples in = read_samples();
  const ArrivalTableResult t = build_arrival_table(in.encounters, in.sectors, kDec2023, kDec2023);
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  ASSERT_EQ(t.rows.size(), 180u);
  ASSERT_EQ(t.fits.size(), 1u);
  EXPECT_EQ(t.fits[0].sweeps, 1);
  EXPECT_EQ(t.fits[0].cbp_total, 2110);
  EXPECT_EQ(t.fits[0].ohss_total, 2110);
  EXPECT_LT(t.fits[0].max_relative_margin_error, 1e-12);
  EXPECT_DOUBLE_EQ(level(t.rows, 0, Demographic::kSingleAdult, Citizenship::kMexico), 6.0);
  EXPECT_DOUBLE_EQ(level(t.rows, 0, Demographic::kFamilyUnitMember, Citizenship::kOther), 3.0);
  EXPECT_DOUBLE_EQ(level(t.rows, 0, Demographic::kUnaccompaniedChild, Citizenship::kGuatemala),
                   1.0);
  EXPECT_DOUBLE_EQ(level(t.rows, 0, Demographic::kSingleAdult, Citizenship::kGuatemala), 0.0);
  EXPECT_DOUBLE_EQ(level(t.rows, 3, Demographic::kSingleAdult, Citizenship::kMexico), 12.0);
  EXPECT_DOUBLE_EQ(level(t.rows, 6, Demographic::kUnaccompaniedChild, Citizenship::kGuatemala),
                   3.0);
  EXPECT_DOUBLE_EQ(level(t.rows, 5, Demographic::kSingleAdult, Citizenship::kMexico), 0.0);
}

// Title 42: the national share of the cell's Border Patrol encounters that were Title 42
// expulsions, the same in every sector; 0 for cells without encounters.
TEST(ArrivalTableBuilder, Title42ShareIsTheNationalShareOfTheCell) {
  const Samples in = read_samples();
  const ArrivalTableResult t = build_arrival_table(in.encounters, in.sectors, kDec2023, kDec2023);
  ASSERT_TRUE(t.ok());
  for (int s : {0, 3, 6, 8}) {
    EXPECT_DOUBLE_EQ(share42(t.rows, s, Demographic::kUnaccompaniedChild, Citizenship::kGuatemala),
                     80.0 / 211.0);
    EXPECT_DOUBLE_EQ(share42(t.rows, s, Demographic::kSingleAdult, Citizenship::kMexico), 0.0);
    EXPECT_DOUBLE_EQ(share42(t.rows, s, Demographic::kAccompaniedMinor, Citizenship::kOther), 0.0);
  }
}

// OHSS rounds each sector to 10, so its sum can differ from CBP's exact national count (here
// deliberately by much: 2,110 against 1,000). Sector totals are scaled to CBP's total, so
// the table reproduces CBP's cells exactly and OHSS's sector proportions.
TEST(ArrivalTableBuilder, RoundedSectorTotalsAreScaledToCbpsTotal) {
  const Samples in = read_samples("cbp_encounters_small.csv");
  const ArrivalTableResult t = build_arrival_table(in.encounters, in.sectors, kDec2023, kDec2023);
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.fits[0].cbp_total, 1000);
  EXPECT_EQ(t.fits[0].ohss_total, 2110);
  double total = 0.0;
  double tucson = 0.0;
  double uac_guatemala = 0.0;
  for (const auto& r : t.rows) {
    total += r.encounters_per_day * 31;
    if (r.sector == 3) tucson += r.encounters_per_day * 31;
    if (r.demographic == Demographic::kUnaccompaniedChild &&
        r.citizenship == Citizenship::kGuatemala) {
      uac_guatemala += r.encounters_per_day * 31;
    }
  }
  EXPECT_NEAR(total, 1000.0, 1e-9);
  EXPECT_NEAR(tucson, 620.0 * 1000.0 / 2110.0, 1e-9);
  EXPECT_NEAR(uac_guatemala, 100.0, 1e-9);
  EXPECT_DOUBLE_EQ(share42(t.rows, 3, Demographic::kUnaccompaniedChild, Citizenship::kGuatemala),
                   0.4);
}

TEST(ArrivalTableBuilder, ChecksCbpAgainstOhssRegionMargins) {
  const Samples in = read_samples();
  const OhssRegionTable citizenship = parse_ohss_citizenship(
      read_file_bytes(kData / "ohss_citizenship_small.csv").bytes.value_or(""), "cit.csv");
  ASSERT_TRUE(citizenship.ok()) << ::testing::PrintToString(messages(citizenship.errors));
  const MarginCheck by_citizenship =
      check_region_margins(in.encounters, citizenship, true, kDec2023, kDec2023);
  EXPECT_TRUE(by_citizenship.errors.empty());
  ASSERT_EQ(by_citizenship.cells.size(), 5u);
  // CBP: Mexico 1,266, Guatemala 211, Other 633; OHSS: 1,270, 210, 400 + 230 = 630.
  EXPECT_EQ(by_citizenship.cells[0].difference(), -4);
  EXPECT_EQ(by_citizenship.cells[1].difference(), 1);
  EXPECT_EQ(by_citizenship.cells[4].ohss, 630);
  ASSERT_NE(by_citizenship.largest(), nullptr);
  EXPECT_EQ(by_citizenship.largest()->category, 0);  // |-4| is the largest

  const OhssRegionTable family = parse_ohss_family_status(
      read_file_bytes(kData / "ohss_family_status_small.csv").bytes.value_or(""), "fam.csv");
  ASSERT_TRUE(family.ok());
  const MarginCheck by_demographic =
      check_region_margins(in.encounters, family, false, kDec2023, kDec2023);
  ASSERT_EQ(by_demographic.cells.size(), 4u);
  EXPECT_EQ(by_demographic.largest()->category, 0);  // 1,266 vs 1,260
  EXPECT_EQ(by_demographic.largest()->difference(), 6);
  EXPECT_EQ(by_demographic.cells[3].cbp, 0);  // accompanied minors: none in either

  const MarginCheck missing =
      check_region_margins(in.encounters, family, false, kDec2023, kJan2024);
  EXPECT_EQ(messages(missing.errors),
            std::vector<std::string>{"fam.csv: no Southwest Land Border rows for 2024-01 (month "
                                     "missing from this extract?)"});
}

TEST(ArrivalTableBuilder, MissingMonthsAreErrors) {
  const Samples in = read_samples("cbp_encounters_small.csv");
  // January 2024: CBP has it, OHSS only for Del Rio.
  const ArrivalTableResult t = build_arrival_table(in.encounters, in.sectors, kDec2023, kJan2024);
  const std::vector<std::string> got = messages(t.errors);
  ASSERT_EQ(got.size(), 8u);
  EXPECT_EQ(got[0], "ohss.csv: no row for sector \"San Diego, CA\" in 2024-01");
  EXPECT_EQ(got[7], "ohss.csv: no row for sector \"Rio Grande Valley, TX\" in 2024-01");
  EXPECT_TRUE(t.rows.empty());

  const ArrivalTableResult feb =
      build_arrival_table(in.encounters, in.sectors, {2024, 2}, {2024, 2});
  EXPECT_EQ(messages(feb.errors).front(),
            "cbp.csv: no U.S. Border Patrol encounters for 2024-02 (month missing from this "
            "release?)");
  EXPECT_EQ(messages(build_arrival_table(in.encounters, in.sectors, kJan2024, kDec2023).errors),
            std::vector<std::string>{"empty month range: 2024-01 is after 2023-12"});
}

TEST(ArrivalTableBuilder, WritesTheLoaderFormat) {
  const Samples in = read_samples();
  ArrivalTableResult t = build_arrival_table(in.encounters, in.sectors, kDec2023, kDec2023);
  ASSERT_TRUE(t.ok());
  std::reverse(t.rows.begin(), t.rows.end());  // the writer sorts
  std::ostringstream out;
  write_arrival_table(out, t.rows, {{"cbp.csv", "ab12", 7}, {"ohss.csv", "cd34", 11}},
                      "borderflow calibrate --encounters cbp.csv --sectors ohss.csv --from "
                      "2023-12 --to 2023-12 -o x.csv");
  std::istringstream lines(out.str());
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line);
  ASSERT_EQ(got.size(), 5u + 1u + 180u);  // no notes given
  EXPECT_EQ(got[0], "# borderflow arrival table");
  EXPECT_EQ(got[1],
            "# derived by: borderflow calibrate --encounters cbp.csv --sectors ohss.csv --from "
            "2023-12 --to 2023-12 -o x.csv");
  EXPECT_EQ(got[2], "# method: " + std::string(kArrivalTableMethod));
  EXPECT_EQ(got[3], "# source: cbp.csv sha256=ab12 rows=7");
  EXPECT_EQ(got[4], "# source: ohss.csv sha256=cd34 rows=11");
  EXPECT_EQ(got[5], "sector,month,demographic,citizenship,encounters_per_day,title42_share");
  EXPECT_EQ(got[6], "san_diego,2023-12,single_adult,mexico,6.0000,0.0000");
  EXPECT_EQ(got[7], "san_diego,2023-12,single_adult,guatemala,0.0000,0.0000");
  EXPECT_EQ(got[6 + 9], "san_diego,2023-12,family_unit_member,other,3.0000,0.0000");
  EXPECT_EQ(got[6 + 11], "san_diego,2023-12,unaccompanied_child,guatemala,1.0000,0.3791");
  EXPECT_EQ(got[6 + 20], "el_centro,2023-12,single_adult,mexico,0.0000,0.0000");
  EXPECT_EQ(got[6 + 40], "yuma,2023-12,single_adult,mexico,0.1935,0.0000");  // 10 × 0.6 / 31
  EXPECT_EQ(got.back(), "rio_grande_valley,2023-12,accompanied_minor,other,0.0000,0.0000");
}

class CalibrateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(BF_BINARY_DIR) / "calibrate_test" /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  std::filesystem::path dir_;
};

TEST_F(CalibrateTest, WritesTheTableAtomically) {
  const CalibrateOptions options{{kData / "cbp_encounters_dec2023.csv"},
                                 kData / "ohss_sectors_small.csv",
                                 dir_ / "table.csv",
                                 kDec2023,
                                 kDec2023,
                                 {},
                                 {},
                                 {}};
  std::ostringstream out, err;
  EXPECT_EQ(run_calibrate(options, out, err), kCalibrateOk);
  EXPECT_EQ(err.str(), "");
  EXPECT_EQ(out.str(),
            "ipf: 1 months, at most 1 sweep (tolerance 1e-10, limit 1000); every sector and cell "
            "margin met to a relative 1e-12\n"
            "scaling: OHSS sector totals x CBP national total / OHSS sum; equal in 1 of 1 months; "
            "largest |CBP - OHSS| = 0 (2023-12: CBP 2110, OHSS 2110)\n"
            "ipf 2023-12: 1 sweep, last change 0.0e+00, margin error 0.0e+00, CBP 2110, OHSS "
            "sectors 2110\n");
  std::ifstream in(dir_ / "table.csv");
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  EXPECT_EQ(first, "# borderflow arrival table");
  EXPECT_EQ(second,
            "# derived by: borderflow calibrate --encounters cbp_encounters_dec2023.csv --sectors "
            "ohss_sectors_small.csv --from 2023-12 --to 2023-12 -o table.csv");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "table.csv.partial"));
}

TEST_F(CalibrateTest, BadInputLeavesTheOldTableInPlace) {
  { std::ofstream(dir_ / "table.csv") << "old\n"; }
  const CalibrateOptions options{{kData / "cbp_encounters_bad_values.csv"},
                                 kData / "ohss_sectors_small.csv",
                                 dir_ / "table.csv",
                                 kDec2023,
                                 kDec2023,
                                 {},
                                 {},
                                 {}};
  std::ostringstream out, err;
  EXPECT_EQ(run_calibrate(options, out, err), kCalibrateBadInput);
  EXPECT_EQ(out.str(), "");
  EXPECT_NE(err.str().find("cbp_encounters_bad_values.csv:2:77: encounter count \"12a\""),
            std::string::npos)
      << err.str();
  std::ifstream in(dir_ / "table.csv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "old");

  const CalibrateOptions missing{{dir_ / "nope.csv"},
                                 kData / "ohss_sectors_small.csv",
                                 dir_ / "table.csv",
                                 kDec2023,
                                 kDec2023,
                                 {},
                                 {},
                                 {}};
  std::ostringstream out2, err2;
  EXPECT_EQ(run_calibrate(missing, out2, err2), kCalibrateBadInput);
  EXPECT_EQ(err2.str(), (dir_ / "nope.csv").string() + ": cannot open file\n");
}

TEST_F(CalibrateTest, UnwritableOutputIsAWriteFailure) {
  const CalibrateOptions options{{kData / "cbp_encounters_dec2023.csv"},
                                 kData / "ohss_sectors_small.csv",
                                 dir_ / "no_dir" / "table.csv",
                                 kDec2023,
                                 kDec2023,
                                 {},
                                 {},
                                 {}};
  std::ostringstream out, err;
  EXPECT_EQ(run_calibrate(options, out, err), kCalibrateWriteFailed);
  EXPECT_NE(err.str().find("cannot create file"), std::string::npos);
}

// Two releases and both region checks: the derived-by line lists every input, the notes are in
// the table, a source line names each file, and a region month missing is an error.
TEST_F(CalibrateTest, SeveralReleasesAndRegionChecks) {
  CalibrateOptions options{
      {kData / "cbp_encounters_older_release.csv", kData / "cbp_encounters_dec2023.csv"},
      kData / "ohss_sectors_small.csv",
      dir_ / "table.csv",
      kDec2023,
      kDec2023,
      kData / "ohss_citizenship_small.csv",
      kData / "ohss_family_status_small.csv",
      {}};
  std::ostringstream out, err;
  ASSERT_EQ(run_calibrate(options, out, err), kCalibrateOk) << err.str();
  std::ifstream in(dir_ / "table.csv");
  std::vector<std::string> got;
  for (std::string line; std::getline(in, line) && line.rfind('#', 0) == 0;) got.push_back(line);
  ASSERT_EQ(got.size(), 3u + 4u + 5u);
  EXPECT_EQ(got[1],
            "# derived by: borderflow calibrate --encounters cbp_encounters_older_release.csv "
            "--encounters cbp_encounters_dec2023.csv --sectors ohss_sectors_small.csv "
            "--citizenship ohss_citizenship_small.csv --family-status "
            "ohss_family_status_small.csv --from 2023-12 --to 2023-12 -o table.csv");
  EXPECT_EQ(got[5],
            "# check citizenship, CBP national vs OHSS Southwest region: largest |CBP - OHSS| = 4 "
            "(mexico, 2023-12: CBP 1266, OHSS 1270, -0.316% of CBP)");
  EXPECT_EQ(got[6],
            "# check demographic, CBP national vs OHSS Southwest family status: largest |CBP - "
            "OHSS| = 6 (single_adult, 2023-12: CBP 1266, OHSS 1260, 0.474% of CBP)");
  EXPECT_EQ(got[7].rfind("# source: cbp_encounters_older_release.csv sha256=", 0), 0u);
  EXPECT_EQ(got[11].rfind("# source: ohss_family_status_small.csv sha256=", 0), 0u);

  options.last = kJan2024;
  std::ostringstream out2, err2;
  EXPECT_EQ(run_calibrate(options, out2, err2), kCalibrateBadInput);
  EXPECT_NE(err2.str().find("ohss_family_status_small.csv: no Southwest Land Border rows for "
                            "2024-01"),
            std::string::npos)
      << err2.str();
}

}  // namespace
}  // namespace bf::ingest
