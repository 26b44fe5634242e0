// The book-out comparison on hand-made replications: rows only for full, published months,
// bands per category, errors and MAPE split at --fit-until.

#include "validate/bookout_comparison.h"

#include <gtest/gtest.h>

#include "three_runs.h"

namespace bf::validate {
namespace {

using util::YearMonth;

// Three replications of Jan – Mar 2024; March is simulated for 10 days only. Replication r
// releases 100 + 10·r people each month, transfers 50 to ICE, 20 to HHS and returns 30.
std::vector<ReplicationOutcome> three_runs() {
  return fixtures::three_runs([](MonthOutcome& o, int r) {
    o.bookouts = {100 + 10 * r, 50, 20, 30};
  });
}

TEST(CompareBookOutsTest, FullPublishedMonthsOnlyWithBandsAndErrors) {
  // January and March published, February not: only January is compared (March is partial).
  const std::map<YearMonth, BookOuts> published = {{{2024, 1}, {100.0, 40.0, 20.0, 0.0}},
                                                   {{2024, 3}, {1.0, 1.0, 1.0, 1.0}}};
  const BookOutComparison c = compare_bookouts(three_runs(), published, std::nullopt);
  ASSERT_EQ(c.rows.size(), 1u);
  const BookOutRow& jan = c.rows[0];
  EXPECT_EQ(jan.month, (YearMonth{2024, 1}));
  EXPECT_TRUE(jan.in_sample);
  EXPECT_EQ(jan.simulated[0].median, 110.0);  // nearest rank of {100, 110, 120}
  EXPECT_EQ(jan.simulated[0].p5, 100.0);
  EXPECT_EQ(jan.simulated[0].p95, 120.0);
  EXPECT_NEAR(jan.error_percent(0), 10.0, 1e-12);
  EXPECT_NEAR(jan.error_percent(1), 25.0, 1e-12);
  EXPECT_EQ(jan.error_percent(3), 0.0);  // nothing published: no error
  EXPECT_NEAR(*c.mape(1, true), 25.0, 1e-12);
  EXPECT_FALSE(c.mape(3, true));  // the only month published 0
  EXPECT_FALSE(c.mape(0, false));
}

TEST(CompareBookOutsTest, FitUntilSplitsMape) {
  const std::map<YearMonth, BookOuts> published = {{{2024, 1}, {100.0, 50.0, 20.0, 30.0}},
                                                   {{2024, 2}, {220.0, 50.0, 20.0, 30.0}}};
  const BookOutComparison c = compare_bookouts(three_runs(), published, YearMonth{2024, 1});
  ASSERT_EQ(c.rows.size(), 2u);
  EXPECT_TRUE(c.rows[0].in_sample);
  EXPECT_FALSE(c.rows[1].in_sample);
  EXPECT_NEAR(*c.mape(0, true), 10.0, 1e-12);
  EXPECT_NEAR(*c.mape(0, false), 50.0, 1e-12);  // 110 vs 220
  const std::string text = bookouts_text(c);
  EXPECT_NE(text.find("2024-02*"), std::string::npos) << text;
  EXPECT_NE(text.find("  MAPE in sample: releases 10.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("  MAPE out of sample (* months, after 2024-01): releases 50.0%"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  MAPE all months: releases 30.0%"), std::string::npos) << text;
  const std::string csv = bookouts_csv(c);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "month,category,in_sample,published,simulated_median,simulated_p5,simulated_p95,"
            "error_percent");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * kBookOutCategoryCount);
}

TEST(UsbpBookOutsTest, UsbpRowsInCategories) {
  const ingest::OhssBookOutsTable table = ingest::parse_ohss_bookouts_by_agency(
      "cal_month,fiscal_year,component,total_encounters,t8_repatriations,t42_expulsions,"
      "migrant_protection_protocols,transfers_to_ice,transfers_to_hhs,usbp_releases,ofo_paroles,"
      "other_outcomes\n"
      "2023-04,2023,Total CBP,1100,100,200,10,300,40,300,140,10\n"
      "2023-04,2023,USBP,900,90,180,10,270,40,300,,10\n"
      "2023-04,2023,OFO,200,10,20,0,30,0,,140,0\n",
      "t.csv");
  ASSERT_TRUE(table.ok()) << table.errors.front().to_string();
  const auto months = usbp_bookouts(table);
  ASSERT_EQ(months.size(), 1u);
  // released, to ICE, to HHS, returned = T8 + T42 + MPP; OFO paroles and other left out.
  EXPECT_EQ(months.at({2023, 4}), (BookOuts{300.0, 270.0, 40.0, 280.0}));
}

TEST(CompareBookOutsTest, NoRunsNoRows) {
  EXPECT_TRUE(compare_bookouts({}, {{{2024, 1}, {}}}, std::nullopt).rows.empty());
  EXPECT_EQ(bookouts_text(BookOutComparison{}), "");
}

}  // namespace
}  // namespace bf::validate
