#include "ingest/data_ice_monthly.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ingest/data_ohss_monthly_tables.h"

namespace bf::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";
// The extracts, if present next to the source tree (not part of the project; docs/data.md).
const std::filesystem::path kRealData = std::filesystem::path(BF_SOURCE_DIR) / "../shared/data";
const std::filesystem::path kRealAdp =
    kRealData / "ice_detention/ice_detention_adp_monthly_by_agency_fy2019_fy2026.csv";
const std::filesystem::path kRealBookIns =
    kRealData / "ice_detention/ice_detention_bookins_monthly_by_arresting_agency_fy2019_fy2026.csv";
const std::filesystem::path kRealOhss =
    kRealData / "ohss_enforcement_tables/ohss_ielp_monthly_tables_2024-08_long.csv";

std::string bytes(const std::filesystem::path& path) {
  const FileText text = read_file_bytes(path);
  EXPECT_TRUE(text.bytes) << path;
  return text.bytes.value_or("");
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

constexpr std::string_view kAdpHeader =
    "cal_month,fiscal_year,agency,adp,partial_month,source_file_date,source_pull_date\n";

TEST(IceMonthly, AdpByAgencyWithAPartialMonth) {
  const IceMonthlySeries t =
      parse_ice_adp_by_agency(bytes(kData / "ice_adp_by_agency_small.csv"), "a.csv");  // CRLF
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 9);
  ASSERT_EQ(t.rows.size(), 9u);
  EXPECT_EQ(t.rows[0].agency, IceAgency::kCbp);
  EXPECT_EQ(t.rows[0].fiscal_year, 2023);
  EXPECT_DOUBLE_EQ(t.rows[0].value, 21170.9032258065);
  EXPECT_EQ(t.rows[0].source_file_date.to_string(), "2023-12-31");
  EXPECT_EQ(t.rows[0].source_pull_date.to_string(), "2023-09-30");
  EXPECT_FALSE(t.rows[0].partial_month);
  EXPECT_TRUE(t.rows[3].partial_month);            // September 2023: pulled on the 30th
  EXPECT_EQ(t.rows[6].agency, IceAgency::kTotal);  // "Average"
  EXPECT_EQ(t.rows[6].fiscal_year, 2024);
  // Partial months are left out unless asked for.
  EXPECT_EQ(t.monthly(IceAgency::kCbp),
            (std::map<util::YearMonth, double>{{{2023, 8}, 21170.9032258065},
                                               {{2023, 12}, 26089.2903225806}}));
  EXPECT_EQ(t.monthly(IceAgency::kCbp, /*include_partial=*/true).size(), 3u);
  EXPECT_DOUBLE_EQ(t.monthly(IceAgency::kIce, true).at({2023, 9}), 9778.33333333333);
  EXPECT_DOUBLE_EQ(t.monthly(IceAgency::kTotal).at({2023, 12}), 37005.7096774194);
}

TEST(IceMonthly, BookInsByAgency) {
  const IceMonthlySeries t = parse_ice_book_ins_by_agency(
      bytes(kData / "ice_book_ins_by_agency_small.csv"), "b.csv");  // CRLF
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  ASSERT_EQ(t.rows.size(), 6u);
  EXPECT_EQ(t.monthly(IceAgency::kTotal),
            (std::map<util::YearMonth, double>{{{2023, 12}, 21085.0}}));  // quoted "21,085"
  EXPECT_EQ(t.monthly(IceAgency::kCbp, true),
            (std::map<util::YearMonth, double>{{{2023, 9}, 18084.0}, {{2023, 12}, 13349.0}}));
}

TEST(IceMonthly, ReportsEveryRuleAtItsField) {
  const IceMonthlySeries t =
      parse_ice_book_ins_by_agency(bytes(kData / "ice_book_ins_by_agency_bad.csv"), "bad.csv");
  EXPECT_EQ(
      messages(t.errors),
      (std::vector<std::string>{
          "bad.csv:2:14: unknown arresting_agency \"CBP \" (did you mean \"CBP\"?)",
          "bad.csv:3:9: fiscal year 2023 does not match month 2023-11 (fiscal year 2024: October "
          "to December belong to the next one)",
          "bad.csv:4:1: month \"Dec 2023\" is not YYYY-MM (like 2023-12)",
          "bad.csv:6:18: n_book_ins \"12.5\" is not a whole number",
          "bad.csv:7:22: partial_month \"yes\" is not 0 or 1",
          "bad.csv:9:35: source_pull_date \"2024/10/07\" is not a date YYYY-MM-DD",
          "bad.csv:12:35: source_pull_date 2024-10-08 differs from 2024-10-07 on line 2, a row of "
          "the same fiscal year 2024 (one release per fiscal year)",
          "bad.csv:13:24: source_file_date 2024-11-30 differs from 2024-12-31 on line 2, a row of "
          "the same fiscal year 2024 (one release per fiscal year)",
          "bad.csv:17: duplicate row: CBP 2024-04 already on line 15",
          "bad.csv:23:24: partial_month 1 for 2024-09, before the month of source_pull_date "
          "2024-10-07 (expected 0: complete)",
          "bad.csv:31:22: partial_month 0 for 2025-09, the month of source_pull_date 2025-09-15 "
          "(expected 1: it was running when the release was pulled)",
          "bad.csv:32:1: month 2025-10 is after source_pull_date 2025-09-15 (a release cannot "
          "hold it: mislabelled release?)",
          // Checks across agencies come after the rows' own, month by month; a month with a
          // bad row is not checked.
          "bad.csv:18:20: Total 310 for 2024-05 is not CBP + ICE = 300 (within 0.01)",
          "bad.csv:21: 2024-06 has no \"CBP\" row (the total is checked against CBP + ICE)"}));
}

TEST(IceMonthly, AdpValuesAndTolerance) {
  auto read = [](const std::string& total, const std::string& cbp) {
    return parse_ice_adp_by_agency(std::string(kAdpHeader) + "2023-12,2024,Average," + total +
                                       ",0,2024-12-31,2024-10-07\n"
                                       "2023-12,2024,CBP Average,\"" +
                                       cbp +
                                       "\",0,2024-12-31,2024-10-07\n"
                                       "2023-12,2024,ICE Average,10916.4193548387,0,2024-12-31,"
                                       "2024-10-07\n",
                                   "v.csv");
  };
  EXPECT_TRUE(read("37005.7096774194", "26089.2903225806").ok());
  EXPECT_TRUE(read("37005.71", "26089.2903225806").ok());  // off by 0.0000226
  EXPECT_EQ(
      messages(read("37005.73", "26089.2903225806").errors),
      std::vector<std::string>{
          "v.csv:2:22: Average 37005.73 for 2023-12 is not CBP + ICE = 37005.70968 (within 0.01)"});
  for (const char* bad : {"", "-1", "1e3", "1,000", "nan", ".5", "1.", " 1"}) {
    EXPECT_EQ(read("37005.71", bad).errors.size(), 1u) << bad;  // the CBP value only (quoted)
  }
  EXPECT_EQ(messages(read("37005.71", "x").errors),
            std::vector<std::string>{
                "v.csv:3:26: adp \"x\" is not a decimal number >= 0 (like 24216.45)"});
}

TEST(IceMonthly, HeaderAndEmptyFile) {
  // The ADP reader refuses the book-in file: the columns are named differently.
  EXPECT_EQ(messages(parse_ice_adp_by_agency(
                         "cal_month,fiscal_year,arresting_agency,n_book_ins,partial_month,"
                         "source_file_date,source_pull_date\n",
                         "h.csv")
                         .errors),
            (std::vector<std::string>{"h.csv:1: missing column \"agency\"",
                                      "h.csv:1: missing column \"adp\"",
                                      "h.csv:1:23: unexpected column \"arresting_agency\"",
                                      "h.csv:1:40: unexpected column \"n_book_ins\""}));
  EXPECT_EQ(messages(parse_ice_book_ins_by_agency("", "e.csv").errors),
            std::vector<std::string>{"e.csv: empty file (no header)"});
}

class RealIceMonthly : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kRealAdp) || !std::filesystem::exists(kRealBookIns)) {
      GTEST_SKIP() << "real data not found: " << kRealAdp.parent_path();
    }
  }
};

TEST_F(RealIceMonthly, AdpParsesCompletely) {
  const IceMonthlySeries t = parse_ice_adp_by_agency(bytes(kRealAdp), kRealAdp.filename().string());
  ASSERT_TRUE(t.ok()) << t.errors.front().to_string();
  EXPECT_EQ(t.data_rows, 273);  // 91 months (2018-10 .. 2026-04) x 3 agencies
  // PROVENANCE.md §7.3: ADP December 2023, 37,006 in all; 26,089 of CBP arrests.
  EXPECT_NEAR(t.monthly(IceAgency::kTotal).at({2023, 12}), 37005.71, 0.005);
  EXPECT_NEAR(t.monthly(IceAgency::kCbp).at({2023, 12}), 26089.29, 0.005);
  EXPECT_NEAR(t.monthly(IceAgency::kIce).at({2023, 12}), 10916.42, 0.005);
  // Partial: the last month of FY2020 – FY2023, FY2025 and April 2026.
  std::vector<util::YearMonth> partial;
  for (const auto& [month, value] : t.monthly(IceAgency::kCbp, true)) {
    if (!t.monthly(IceAgency::kCbp).count(month)) partial.push_back(month);
  }
  EXPECT_EQ(partial, (std::vector<util::YearMonth>{
                         {2020, 9}, {2021, 9}, {2022, 9}, {2023, 9}, {2025, 9}, {2026, 4}}));
  EXPECT_EQ(t.monthly(IceAgency::kCbp).size(), 85u);
}

TEST_F(RealIceMonthly, BookInsAgreeWithOhssInEveryCompleteMonth) {
  const IceMonthlySeries t =
      parse_ice_book_ins_by_agency(bytes(kRealBookIns), kRealBookIns.filename().string());
  ASSERT_TRUE(t.ok()) << t.errors.front().to_string();
  EXPECT_EQ(t.data_rows, 273);
  // December 2023: ICE's own counts (OHSS, rounded to 10: 21,090 and 13,350).
  EXPECT_EQ(t.monthly(IceAgency::kTotal).at({2023, 12}), 21085.0);
  EXPECT_EQ(t.monthly(IceAgency::kCbp).at({2023, 12}), 13349.0);
  EXPECT_EQ(t.monthly(IceAgency::kIce).at({2023, 12}), 7736.0);
  if (!std::filesystem::exists(kRealOhss)) GTEST_SKIP() << "not found: " << kRealOhss;
  const OhssMonthlyTables ohss = parse_ohss_monthly_tables(
      bytes(kRealOhss), kRealOhss.filename().string(), {kOhssIceBookInsByAgencySheet});
  ASSERT_TRUE(ohss.ok());
  // Every complete month both have (October 2018 – August 2024) agrees within OHSS's
  // rounding; partial months need not (September 2021: 9,325 CBP book-ins so far, 27,070 in
  // the end).
  const IceAgency agencies[] = {IceAgency::kTotal, IceAgency::kCbp, IceAgency::kIce};
  int compared = 0;
  for (int a = 0; a < kIceAgencyCount; ++a) {
    for (const auto& [month, value] : t.monthly(agencies[a])) {
      const auto rounded =
          ohss.value(kOhssIceBookInsByAgencySheet, "", kOhssIceBookInMeasures[a], month);
      if (!rounded) continue;
      EXPECT_LE(std::fabs(static_cast<double>(*rounded) - value), 5.0) << month.to_string();
      ++compared;
    }
  }
  EXPECT_EQ(compared, 3 * (71 - 4));  // 71 months, of which Sep 2020 – Sep 2023 partial
  EXPECT_EQ(ohss.value(kOhssIceBookInsByAgencySheet, "", "CBP", {2021, 9}), 27070);
  EXPECT_EQ(t.monthly(IceAgency::kCbp, true).at({2021, 9}), 9325.0);
}

}  // namespace
}  // namespace bf::ingest
