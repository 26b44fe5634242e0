// Bands, month-by-month comparison and MAPE on hand-made replications.

#include "validate/comparison.h"

#include <gtest/gtest.h>

#include "demand/interventions.h"
#include "series_fixture.h"
#include "validate/validation_text.h"

namespace bf::validate {
namespace {

using util::YearMonth;

TEST(BandTest, NearestRankPercentiles) {
  std::vector<double> values;
  for (int i = 20; i >= 1; --i) values.push_back(i);  // 1..20, unsorted
  const Band b = band_of(values);
  EXPECT_EQ(b.p5, 1.0);       // ceil(0.05 * 20) = 1st
  EXPECT_EQ(b.median, 10.0);  // 10th
  EXPECT_EQ(b.p95, 19.0);     // 19th
  const Band one = band_of({7.0});
  EXPECT_EQ(one.p5, 7.0);
  EXPECT_EQ(one.p95, 7.0);
}

// Two replications of Sep–Nov 2023; sector 0 gets 100·r + month extra encounters.
std::vector<ReplicationOutcome> two_runs() {
  std::vector<ReplicationOutcome> runs(2);
  for (int r = 0; r < 2; ++r) {
    for (YearMonth m : {YearMonth{2023, 9}, YearMonth{2023, 10}, YearMonth{2023, 11}}) {
      MonthOutcome o{m};
      o.days = util::days_in_month(m.year, m.month);
      for (auto& e : o.encounters) e = 1000;
      o.encounters[0] += 100 * r + m.month;
      runs[static_cast<std::size_t>(r)].push_back(o);
    }
  }
  return runs;
}

TEST(CompareEncountersTest, RowsHorizonsAndErrors) {
  const demand::SectorSeries published =
      demand::testing::make_series({2021, 1}, {2023, 10}, [](YearMonth, int) { return 1000.0; });
  const EncounterComparison c = compare_encounters(two_runs(), published, YearMonth{2023, 9});
  // November is not published: only September and October, total + nine sectors each.
  ASSERT_EQ(c.rows.size(), 2u * 10u);
  const MonthComparison& sep_total = c.rows[0];
  EXPECT_EQ(sep_total.sector, -1);
  EXPECT_EQ(sep_total.horizon, 0);
  EXPECT_EQ(sep_total.published, 9000.0);
  EXPECT_EQ(sep_total.simulated.median, 9009.0);  // nearest rank of {9009, 9109}
  EXPECT_EQ(sep_total.simulated.p95, 9109.0);
  EXPECT_NEAR(sep_total.error_percent(), 0.1, 1e-12);
  const MonthComparison& oct_san_diego = c.rows[11];
  EXPECT_EQ(oct_san_diego.month, (YearMonth{2023, 10}));
  EXPECT_EQ(oct_san_diego.sector, 0);
  EXPECT_EQ(oct_san_diego.horizon, 1);
  EXPECT_FALSE(oct_san_diego.policy_change);
  EXPECT_NEAR(oct_san_diego.error_percent(), 1.0, 1e-12);
  const auto in = [](const MonthComparison& r) { return r.horizon == 0; };
  const auto out = [](const MonthComparison& r) { return r.horizon > 0; };
  EXPECT_NEAR(*mape(c, 0, in), 0.9, 1e-12);
  EXPECT_NEAR(*mape(c, 0, out), 1.0, 1e-12);
  EXPECT_NEAR(*mape(c, 3, in), 0.0, 1e-12);
  EXPECT_FALSE(mape(c, 0, [](const MonthComparison&) { return false; }).has_value());
}

TEST(CompareEncountersTest, PartialMonthsAreLeftOutAndPoliciesFlagged) {
  std::vector<ReplicationOutcome> runs = two_runs();
  for (auto& run : runs) run.front().days = 10;  // the run starts mid-September
  const demand::SectorSeries published =
      demand::testing::make_series({2021, 1}, {2023, 12}, [](YearMonth, int) { return 1000.0; });
  // Fitted through May 2023: the Title 42 end's first full month (June) is after it, so
  // October and November are out of sample with a policy change.
  const EncounterComparison c = compare_encounters(runs, published, YearMonth{2023, 5});
  ASSERT_EQ(c.rows.size(), 2u * 10u);
  EXPECT_EQ(c.rows[0].month, (YearMonth{2023, 10}));
  EXPECT_EQ(c.rows[0].horizon, 5);
  EXPECT_TRUE(c.rows[0].policy_change);
}

TEST(ValidationTextTest, CsvHasOneRowPerMonthAndSector) {
  const demand::SectorSeries published =
      demand::testing::make_series({2021, 1}, {2023, 11}, [](YearMonth, int) { return 1000.0; });
  const EncounterComparison c = compare_encounters(two_runs(), published, YearMonth{2023, 9});
  const std::string csv = encounters_csv(c);
  EXPECT_EQ(csv.rfind("month,sector,sample,horizon,published,simulated_p5,simulated_median,"
                      "simulated_p95,error_percent\n2023-09,southwest,in,0,9000,9009,9009,9109,"
                      "0.10\n",
                      0),
            0u);
  EXPECT_NE(csv.find("2023-11,san_diego,out,2,1000,1011,1011,1111,1.10\n"), std::string::npos);
  const std::string text = encounters_text(c, published, {3});
  EXPECT_NE(text.find("2023-10  out"), std::string::npos);
  EXPECT_NE(text.find("last month"), std::string::npos);  // the out-of-sample ratios
}

}  // namespace
}  // namespace bf::validate
