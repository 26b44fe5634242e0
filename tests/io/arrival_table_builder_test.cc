#include "io/arrival_table_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bf::io {
namespace {

using model::Citizenship;
using model::Demographic;

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/io/data";
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

Samples read_samples() {
  const FileText e = read_file_bytes(kData / "cbp_encounters_small.csv");
  const FileText s = read_file_bytes(kData / "ohss_sectors_small.csv");
  return {parse_cbp_encounters(e.bytes.value_or(""), "cbp.csv"),
          parse_ohss_sectors(s.bytes.value_or(""), "ohss.csv")};
}

double level(const std::vector<model::ArrivalLevel>& rows, int sector, Demographic d,
             Citizenship c) {
  for (const auto& r : rows) {
    if (r.sector == sector && r.demographic == d && r.citizenship == c) return r.encounters_per_day;
  }
  ADD_FAILURE() << "cell not found";
  return -1;
}

// December 2023 in the samples: Border Patrol cells Single Adults × Mexico 600, FMUA × Other
// 300, UAC × Guatemala 60 + 40 (Title 8 + Title 42) = 100, national total 1,000; the Field
// Operations row is ignored. San Diego has 310 encounters, Tucson 620, Del Rio 930.
// Found by the catalogue (cli/calibrate_sectors_directory): a folder read as an empty file.
TEST(ReadFileBytes, AFolderIsNotAFile) {
  const FileText t = read_file_bytes(kData);
  ASSERT_TRUE(t.error);
  EXPECT_EQ(t.error->message, "is a directory, not a file");
}

TEST(ArrivalTableBuilder, SplitsSectorTotalsByNationalShares) {
  const Samples in = read_samples();
  const ArrivalTableResult t = build_arrival_table(in.encounters, in.sectors, kDec2023, kDec2023);
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  ASSERT_EQ(t.rows.size(), 180u);
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

TEST(ArrivalTableBuilder, MissingMonthsAreErrors) {
  const Samples in = read_samples();
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
  ASSERT_EQ(got.size(), 5u + 1u + 180u);
  EXPECT_EQ(got[0], "# borderflow arrival table");
  EXPECT_EQ(got[1],
            "# derived by: borderflow calibrate --encounters cbp.csv --sectors ohss.csv --from "
            "2023-12 --to 2023-12 -o x.csv");
  EXPECT_EQ(got[2], "# method: " + std::string(kArrivalTableMethod));
  EXPECT_EQ(got[3], "# source: cbp.csv sha256=ab12 rows=7");
  EXPECT_EQ(got[4], "# source: ohss.csv sha256=cd34 rows=11");
  EXPECT_EQ(got[5], "sector,month,demographic,citizenship,encounters_per_day");
  EXPECT_EQ(got[6], "san_diego,2023-12,single_adult,mexico,6.0000");
  EXPECT_EQ(got[7], "san_diego,2023-12,single_adult,guatemala,0.0000");
  EXPECT_EQ(got[6 + 9], "san_diego,2023-12,family_unit_member,other,3.0000");
  EXPECT_EQ(got[6 + 20], "el_centro,2023-12,single_adult,mexico,0.0000");
  EXPECT_EQ(got[6 + 40], "yuma,2023-12,single_adult,mexico,0.1935");  // 10 × 0.6 / 31
  EXPECT_EQ(got.back(), "rio_grande_valley,2023-12,accompanied_minor,other,0.0000");
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
  const CalibrateOptions options{kData / "cbp_encounters_small.csv",
                                 kData / "ohss_sectors_small.csv", dir_ / "table.csv", kDec2023,
                                 kDec2023};
  std::ostringstream err;
  EXPECT_EQ(run_calibrate(options, err), kCalibrateOk);
  EXPECT_EQ(err.str(), "");
  std::ifstream in(dir_ / "table.csv");
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  EXPECT_EQ(first, "# borderflow arrival table");
  EXPECT_EQ(second,
            "# derived by: borderflow calibrate --encounters cbp_encounters_small.csv --sectors "
            "ohss_sectors_small.csv --from 2023-12 --to 2023-12 -o table.csv");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "table.csv.partial"));
}

TEST_F(CalibrateTest, BadInputLeavesTheOldTableInPlace) {
  { std::ofstream(dir_ / "table.csv") << "old\n"; }
  const CalibrateOptions options{kData / "cbp_encounters_bad_values.csv",
                                 kData / "ohss_sectors_small.csv", dir_ / "table.csv", kDec2023,
                                 kDec2023};
  std::ostringstream err;
  EXPECT_EQ(run_calibrate(options, err), kCalibrateBadInput);
  EXPECT_NE(err.str().find("cbp_encounters_bad_values.csv:2:77: encounter count \"12a\""),
            std::string::npos)
      << err.str();
  std::ifstream in(dir_ / "table.csv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "old");

  const CalibrateOptions missing{dir_ / "nope.csv", kData / "ohss_sectors_small.csv",
                                 dir_ / "table.csv", kDec2023, kDec2023};
  std::ostringstream err2;
  EXPECT_EQ(run_calibrate(missing, err2), kCalibrateBadInput);
  EXPECT_EQ(err2.str(), (dir_ / "nope.csv").string() + ": cannot open file\n");
}

TEST_F(CalibrateTest, UnwritableOutputIsAWriteFailure) {
  const CalibrateOptions options{kData / "cbp_encounters_small.csv",
                                 kData / "ohss_sectors_small.csv", dir_ / "no_dir" / "table.csv",
                                 kDec2023, kDec2023};
  std::ostringstream err;
  EXPECT_EQ(run_calibrate(options, err), kCalibrateWriteFailed);
  EXPECT_NE(err.str().find("cannot create file"), std::string::npos);
}

}  // namespace
}  // namespace bf::io
