#include "ingest/data_ohss_bookouts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bf::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";
// The extract, if present next to the source tree (not part of the project; docs/data.md).
const std::filesystem::path kRealFile =
    std::filesystem::path(BF_SOURCE_DIR) /
    "../shared/data/ohss_enforcement_tables/"
    "ohss_cbp_swb_bookouts_by_agency_monthly_fy2014_2024aug.csv";

OhssBookOutsTable read_sample(const std::string& name) {
  const FileText text = read_file_bytes(kData / name);
  EXPECT_TRUE(text.bytes) << name;
  return parse_ohss_bookouts_by_agency(text.bytes.value_or(""), name);
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

constexpr std::string_view kHeader =
    "cal_month,fiscal_year,component,total_encounters,t8_repatriations,t42_expulsions,"
    "migrant_protection_protocols,transfers_to_ice,transfers_to_hhs,usbp_releases,ofo_paroles,"
    "other_outcomes\n";

TEST(OhssBookOuts, ReadsEveryComponentWithXAsNotApplicable) {
  const OhssBookOutsTable t = read_sample("ohss_bookouts_small.csv");  // CRLF, as published
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 9);
  ASSERT_EQ(t.rows.size(), 9u);
  const BookOutMonth* usbp = t.find(BookOutComponent::kUsbp, {2023, 12});
  ASSERT_NE(usbp, nullptr);
  EXPECT_EQ(usbp->line, 9);
  EXPECT_EQ(usbp->fiscal_year, 2024);         // December belongs to the next fiscal year
  EXPECT_EQ(usbp->total_encounters, 249740);  // quoted "249,740"
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kT8Repatriations), 19180);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kTransfersToIce), 27060);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kUsbpReleases), 191810);
  // X: Title 42 had ended, MPP was not in use, Border Patrol does not parole at ports.
  EXPECT_FALSE(usbp->outcomes[static_cast<int>(BookOutOutcome::kT42Expulsions)]);
  EXPECT_FALSE(usbp->outcomes[static_cast<int>(BookOutOutcome::kMpp)]);
  EXPECT_FALSE(usbp->outcomes[static_cast<int>(BookOutOutcome::kOfoParoles)]);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kOfoParoles), 0);
  // April 2020: Title 42 and MPP in force; a published 0 is a value, not an X.
  const BookOutMonth* ofo = t.find(BookOutComponent::kOfo, {2020, 4});
  ASSERT_NE(ofo, nullptr);
  EXPECT_EQ(ofo->outcomes[static_cast<int>(BookOutOutcome::kT42Expulsions)], 520);
  EXPECT_EQ(ofo->outcomes[static_cast<int>(BookOutOutcome::kMpp)], 0);
  EXPECT_FALSE(ofo->outcomes[static_cast<int>(BookOutOutcome::kUsbpReleases)]);
  EXPECT_EQ(t.find(BookOutComponent::kTotalCbp, {2020, 5}), nullptr);
}

TEST(OhssBookOuts, OfoAndTotalRowsBeyondRoundingAreListedNotErrors) {
  // February 2019: OFO's outcomes add up to 9,520 of 9,660 (as published).
  const OhssBookOutsTable t = read_sample("ohss_bookouts_small.csv");
  EXPECT_EQ(t.unbalanced_lines, (std::vector<int>{2, 4}));  // Total CBP, OFO
}

TEST(OhssBookOuts, ReportsEveryRuleAtItsField) {
  const OhssBookOutsTable t = read_sample("ohss_bookouts_bad.csv");
  EXPECT_EQ(
      messages(t.errors),
      (std::vector<std::string>{
          "ohss_bookouts_bad.csv:2:14: unknown component \"USPB\" (expected one of \"Total CBP\", "
          "\"USBP\", \"OFO\")",
          "ohss_bookouts_bad.csv:3:9: fiscal year 2023 does not match month 2023-11 (fiscal year "
          "2024: October to December belong to the next one)",
          "ohss_bookouts_bad.csv:4:1: month \"2023-13\" is not YYYY-MM (like 2023-12)",
          "ohss_bookouts_bad.csv:6:19: empty total_encounters (X, not applicable, is not allowed "
          "here)",
          "ohss_bookouts_bad.csv:7:21: empty t8_repatriations for OFO (X, not applicable, is "
          "allowed only for t42_expulsions, migrant_protection_protocols, OFO's usbp_releases and "
          "USBP's ofo_paroles)",
          "ohss_bookouts_bad.csv:9:37: ofo_paroles \"10\" for USBP (must be empty, X: Border "
          "Patrol does not parole at ports)",
          "ohss_bookouts_bad.csv:10:30: usbp_releases \"5\" for OFO (must be empty, X: ports do "
          "not release on Border Patrol's authority)",
          "ohss_bookouts_bad.csv:12:23: t8_repatriations \"1.5\" is not a whole number or empty "
          "(X)",
          "ohss_bookouts_bad.csv:13:34: other_outcomes \"-3\" is not a whole number or empty (X)",
          "ohss_bookouts_bad.csv:17: duplicate row: USBP 2024-05 already on line 15",
          "ohss_bookouts_bad.csv:19:19: USBP outcomes add up to 303, total_encounters is 240: off "
          "by 63, more than rounding allows (±30 for 5 outcomes and the total)",
          // Checks across components come after the rows' own, month by month; a month with a
          // bad row is not checked.
          "ohss_bookouts_bad.csv:21:32: Total CBP t42_expulsions is X but USBP + OFO is 5 "
          "(2024-07)",
          "ohss_bookouts_bad.csv:21:33: Total CBP migrant_protection_protocols is 10 but USBP and "
          "OFO are both X (2024-07)",
          "ohss_bookouts_bad.csv:24:37: Total CBP transfers_to_hhs 40 is not USBP + OFO = 18 + 2 = "
          "20 within rounding (±15) (2024-08)",
          "ohss_bookouts_bad.csv:27: 2024-09 has no \"Total CBP\" and \"OFO\" row (Total CBP is "
          "checked against USBP + OFO)"}));
  std::vector<int> lines;
  for (const BookOutMonth& row : t.rows) lines.push_back(row.line);
  EXPECT_EQ(lines, (std::vector<int>{5, 8, 11, 14, 15, 16, 18, 20, 21, 22, 23, 24, 25, 26, 27}));
}

TEST(OhssBookOuts, UsbpToleranceIsFivePerRoundedCell) {
  // USBP has five outcome cells here and the total: ±30. Off by 30 passes, by 40 does not.
  const std::string ok = std::string(kHeader) +
                         "2023-12,2024,Total CBP,240,90,,,45,18,80,10,27\n"
                         "2023-12,2024,USBP,230,90,,,45,18,80,,27\n"
                         "2023-12,2024,OFO,10,0,,,0,0,,10,0\n";
  const OhssBookOutsTable good = parse_ohss_bookouts_by_agency(ok, "t.csv");
  EXPECT_TRUE(good.ok()) << ::testing::PrintToString(messages(good.errors));
  const std::string off = std::string(kHeader) + "2023-12,2024,USBP,220,90,,,45,18,80,,27\n";
  EXPECT_EQ(messages(parse_ohss_bookouts_by_agency(off, "t.csv").errors),
            std::vector<std::string>{
                "t.csv:2:19: USBP outcomes add up to 260, total_encounters is 220: off by 40, "
                "more than rounding allows (±30 for 5 outcomes and the total)"});
}

TEST(OhssBookOuts, HeaderColumnOrderAndEmptyFile) {
  // Columns in another order read the same.
  const OhssBookOutsTable t = parse_ohss_bookouts_by_agency(
      "component,cal_month,fiscal_year,other_outcomes,ofo_paroles,usbp_releases,transfers_to_hhs,"
      "transfers_to_ice,migrant_protection_protocols,t42_expulsions,t8_repatriations,"
      "total_encounters\n"
      "USBP,2023-12,2024,90,,191810,11610,27060,,,19180,249740\n",
      "o.csv");
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{"o.csv:2: 2023-12 has no \"Total CBP\" and \"OFO\" row "
                                     "(Total CBP is checked against USBP + OFO)"});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].outcome(BookOutOutcome::kOther), 90);
  EXPECT_EQ(t.rows[0].total_encounters, 249740);
  EXPECT_EQ(messages(parse_ohss_bookouts_by_agency(
                         "cal_month,fiscal_year,component,total_encounters,t8_repatriations,"
                         "t42_expulsions,mpp,transfers_to_ice,transfers_to_hhs,usbp_releases,"
                         "ofo_paroles,other_outcomes\n",
                         "h.csv")
                         .errors),
            (std::vector<std::string>{"h.csv:1: missing column \"migrant_protection_protocols\"",
                                      "h.csv:1:82: unexpected column \"mpp\""}));
  EXPECT_EQ(messages(parse_ohss_bookouts_by_agency("", "e.csv").errors),
            std::vector<std::string>{"e.csv: empty file (no header)"});
}

TEST(OhssBookOuts, OutcomeNames) {
  EXPECT_EQ(book_out_outcome("Transfers to ICE"), BookOutOutcome::kTransfersToIce);
  EXPECT_EQ(book_out_outcome("Other outcomes"), BookOutOutcome::kOther);
  EXPECT_EQ(book_out_outcome(kBookOutTotalMeasure), std::nullopt);
  EXPECT_EQ(book_out_outcome("transfers to ICE"), std::nullopt);  // exact
}

class RealOhssBookOuts : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kRealFile)) GTEST_SKIP() << "real data not found: " << kRealFile;
  }
  OhssBookOutsTable read() const {
    return parse_ohss_bookouts_by_agency(read_file_bytes(kRealFile).bytes.value_or(""),
                                         kRealFile.filename().string());
  }
};

TEST_F(RealOhssBookOuts, ParsesCompletely) {
  const OhssBookOutsTable t = read();
  ASSERT_TRUE(t.ok()) << t.errors.front().to_string();
  EXPECT_EQ(t.data_rows, 393);  // 131 months (2013-10 .. 2024-08) x 3 components
  EXPECT_EQ(t.rows.size(), 393u);
  EXPECT_EQ(t.rows.front().month, (util::YearMonth{2013, 10}));
  EXPECT_EQ(t.rows.back().month, (util::YearMonth{2024, 8}));
  // Only February 2019's OFO and Total CBP rows miss their totals beyond rounding.
  ASSERT_EQ(t.unbalanced_lines.size(), 2u);
  for (int line : t.unbalanced_lines) {
    EXPECT_EQ(t.rows[static_cast<std::size_t>(line - 2)].month, (util::YearMonth{2019, 2}));
  }
}

TEST_F(RealOhssBookOuts, UsbpDecember2023) {
  // PROVENANCE.md §7.1.
  const OhssBookOutsTable t = read();
  const BookOutMonth* usbp = t.find(BookOutComponent::kUsbp, {2023, 12});
  ASSERT_NE(usbp, nullptr);
  EXPECT_EQ(usbp->total_encounters, 249740);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kUsbpReleases), 191810);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kTransfersToIce), 27060);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kTransfersToHhs), 11610);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kT8Repatriations), 19180);
  EXPECT_EQ(usbp->outcome(BookOutOutcome::kOther), 90);
}

TEST_F(RealOhssBookOuts, TitleFortyTwoAndMppMonths) {
  // USBP Title 42 expulsions are published for March 2020 – May 2023 and X outside.
  const OhssBookOutsTable t = read();
  int t42_months = 0;
  for (const BookOutMonth& row : t.rows) {
    if (row.component != BookOutComponent::kUsbp) continue;
    const bool t42 = row.outcomes[static_cast<int>(BookOutOutcome::kT42Expulsions)].has_value();
    const bool in_force =
        row.month >= util::YearMonth{2020, 3} && row.month <= util::YearMonth{2023, 5};
    EXPECT_EQ(t42, in_force) << row.month.to_string();
    t42_months += t42;
  }
  EXPECT_EQ(t42_months, 39);
  // MPP: X in January and February 2019 although the program began on 29 January 2019.
  EXPECT_FALSE(
      t.find(BookOutComponent::kOfo, {2019, 2})->outcomes[static_cast<int>(BookOutOutcome::kMpp)]);
  EXPECT_EQ(t.find(BookOutComponent::kOfo, {2019, 3})->outcome(BookOutOutcome::kMpp), 220);
}

}  // namespace
}  // namespace bf::ingest
