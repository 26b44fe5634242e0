// The ICE detention comparison on hand-made replications: rows only for full months ICE
// published book-ins or a population for, the Southwest share applied to counts only, bands,
// errors, MAPE split at --fit-until, the ±15% count; the CBP rows picked from the files, with
// a release's partial month left out; and the same on the real files (data tier).

#include "validate/ice_comparison.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "ingest/data_error.h"
#include "three_runs.h"

namespace bf::validate {
namespace {

using util::YearMonth;
constexpr int kBookIns = static_cast<int>(IceMeasure::kBookIns);
constexpr int kPopulation = static_cast<int>(IceMeasure::kPopulation);
constexpr int kStay = static_cast<int>(IceMeasure::kStayDays);

// Three replications of Jan – Mar 2024; March is simulated for 10 days only. Replication r
// books in 1,000 + 100·r people each month and holds 1,000 + 100·r people every day, so its
// stay by Little's law is the month's length in days.
std::vector<ReplicationOutcome> three_runs() {
  return fixtures::three_runs([](MonthOutcome& o, int r) {
    o.detention_book_ins = 1000 + 100 * r;
    o.detention_population_days = static_cast<std::int64_t>(o.days) * (1000 + 100 * r);
  });
}

TEST(CompareIceTest, FullPublishedMonthsWithShareOnCountsOnly) {
  IcePublished published;
  published.book_ins = {{{2024, 1}, 1375.0}, {{2024, 3}, 1.0}};  // March: partial run
  published.population = {{{2024, 1}, 1250.0}, {{2024, 2}, 1000.0}};
  published.stay_days = {{{2024, 1}, 62.0}};
  const IceComparison c = compare_ice(three_runs(), published, 0.8, std::nullopt);
  ASSERT_EQ(c.rows.size(), 2u);  // January and February; March is not a full month
  const IceRow& jan = c.rows[0];
  EXPECT_EQ(jan.month, (YearMonth{2024, 1}));
  EXPECT_TRUE(jan.in_sample);
  EXPECT_EQ(jan.expected[kBookIns], 1100.0);          // 1,375 × 0.8
  EXPECT_EQ(jan.expected[kPopulation], 1000.0);       // 1,250 × 0.8
  EXPECT_EQ(jan.expected[kStay], 62.0);               // days: not scaled
  EXPECT_EQ(jan.simulated[kBookIns].median, 1100.0);  // nearest rank of {1000, 1100, 1200}
  EXPECT_EQ(jan.simulated[kBookIns].p5, 1000.0);
  EXPECT_EQ(jan.simulated[kBookIns].p95, 1200.0);
  EXPECT_EQ(jan.simulated[kPopulation].median, 1100.0);
  EXPECT_EQ(jan.simulated[kStay].median, 31.0);
  EXPECT_NEAR(jan.error_percent(kBookIns), 0.0, 1e-12);
  EXPECT_NEAR(jan.error_percent(kPopulation), 10.0, 1e-12);
  EXPECT_NEAR(jan.error_percent(kStay), -50.0, 1e-12);
  const IceRow& feb = c.rows[1];
  EXPECT_FALSE(feb.has(kBookIns));
  EXPECT_EQ(feb.error_percent(kBookIns), 0.0);               // nothing published: no error
  EXPECT_NEAR(feb.error_percent(kPopulation), 37.5, 1e-12);  // 1,100 vs 800
  EXPECT_NEAR(*c.mape(kBookIns, true), 0.0, 1e-12);          // January only
  EXPECT_NEAR(*c.mape(kPopulation, true), 23.75, 1e-12);     // (10 + 37.5) / 2
  EXPECT_FALSE(c.mape(kPopulation, false));                  // no --fit-until
  EXPECT_EQ(c.months(kPopulation), 2);
  EXPECT_EQ(c.months_within(kPopulation, 15.0), 1);
  EXPECT_EQ(c.months_within(kPopulation, 37.5), 2);  // the bound is inclusive
}

TEST(CompareIceTest, FitUntilSplitsMapeAndOutputsShowOnlyWhatIcePublished) {
  IcePublished published;
  published.book_ins = {{{2024, 1}, 1100.0}, {{2024, 2}, 2200.0}};
  published.population = {{{2024, 1}, 1100.0}};
  const IceComparison c = compare_ice(three_runs(), published, 1.0, YearMonth{2024, 1});
  ASSERT_EQ(c.rows.size(), 2u);
  EXPECT_TRUE(c.rows[0].in_sample);
  EXPECT_FALSE(c.rows[1].in_sample);
  EXPECT_NEAR(*c.mape(kBookIns, true), 0.0, 1e-12);
  EXPECT_NEAR(*c.mape(kBookIns, false), 50.0, 1e-12);  // 1,100 vs 2,200
  EXPECT_FALSE(c.mape(kPopulation, false));
  const std::string text = ice_text(c);
  EXPECT_NE(text.find("2024-02*"), std::string::npos) << text;
  EXPECT_NE(text.find("MAPE in sample: book-ins 0.0%, population 0.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("MAPE out of sample (* months, after 2024-01): book-ins 50.0%"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("MAPE all months: book-ins 25.0%, population 0.0%"), std::string::npos)
      << text;
  EXPECT_NEAR(*c.mape(kBookIns, std::nullopt), 25.0, 1e-12);
  EXPECT_NE(text.find("population within +-15%: 1 of 1 months"), std::string::npos) << text;
  const std::string csv = ice_csv(c);
  EXPECT_EQ(csv,
            "month,measure,in_sample,published,expected,simulated_median,simulated_p5,"
            "simulated_p95,error_percent\n"
            "2024-01,book_ins,true,1100.00,1100.00,1100.0,1000.0,1200.0,0.00\n"
            "2024-01,population,true,1100.00,1100.00,1100.0,1000.0,1200.0,0.00\n"
            "2024-02,book_ins,false,2200.00,2200.00,1100.0,1000.0,1200.0,-50.00\n");
  const report::Chart chart = ice_chart(c);
  ASSERT_EQ(chart.panels.size(), 2u);
  EXPECT_EQ(chart.dates, (std::vector<std::string>{"2024-01-01", "2024-02-01"}));
  EXPECT_EQ(chart.panels[1].series[1].values[0], 1100.0);
  EXPECT_TRUE(std::isnan(chart.panels[1].series[1].values[1]));  // a gap: not published
}

TEST(CompareIceTest, NothingPublishedNothingPrinted) {
  const IceComparison c = compare_ice(three_runs(), IcePublished{}, 0.9, std::nullopt);
  EXPECT_TRUE(c.rows.empty());
  EXPECT_EQ(ice_text(c), "");
}

TEST(IcePublishedTest, CbpRowsCompleteMonthsAndWorkbookAlos) {
  // A release pulled on 2023-09-30: September is partial and is left out.
  const ingest::IceMonthlySeries adp = ingest::parse_ice_adp_by_agency(
      "cal_month,fiscal_year,agency,adp,partial_month,source_file_date,source_pull_date\n"
      "2023-08,2023,Average,30.5,0,2023-12-31,2023-09-30\n"
      "2023-08,2023,CBP Average,20.25,0,2023-12-31,2023-09-30\n"
      "2023-08,2023,ICE Average,10.25,0,2023-12-31,2023-09-30\n"
      "2023-09,2023,Average,40,1,2023-12-31,2023-09-30\n"
      "2023-09,2023,CBP Average,25,1,2023-12-31,2023-09-30\n"
      "2023-09,2023,ICE Average,15,1,2023-12-31,2023-09-30\n",
      "adp.csv");
  ASSERT_TRUE(adp.ok()) << adp.errors.front().to_string();
  const ingest::IceMonthlySeries book_ins = ingest::parse_ice_book_ins_by_agency(
      "cal_month,fiscal_year,arresting_agency,n_book_ins,partial_month,source_file_date,"
      "source_pull_date\n"
      "2023-08,2023,Total,300,0,2023-12-31,2023-09-30\n"
      "2023-08,2023,CBP,200,0,2023-12-31,2023-09-30\n"
      "2023-08,2023,ICE,100,0,2023-12-31,2023-09-30\n",
      "book-ins.csv");
  ASSERT_TRUE(book_ins.ok()) << book_ins.errors.front().to_string();
  const ingest::IceDetentionTable workbooks = ingest::parse_ice_detention(
      "source_file,fiscal_year,table,category,criminality,month,value\n"
      "FY23.xlsx,2023,alos_days_by_arresting_agency,CBP,Total,Aug,35.8\n"
      "FY23.xlsx,2023,alos_days_by_arresting_agency,ICE,Total,Aug,50\n"
      "FY23.xlsx,2023,alos_days_by_arresting_agency,CBP,Convicted Criminal,Aug,44\n",
      "workbooks.csv");
  ASSERT_TRUE(workbooks.ok()) << workbooks.errors.front().to_string();
  const IcePublished p = ice_published(&book_ins, &adp, &workbooks);
  EXPECT_EQ(p.book_ins, (std::map<YearMonth, double>{{{2023, 8}, 200.0}}));
  EXPECT_EQ(p.population, (std::map<YearMonth, double>{{{2023, 8}, 20.25}}));
  EXPECT_EQ(p.stay_days, (std::map<YearMonth, double>{{{2023, 8}, 35.8}}));
  const IcePublished none = ice_published(nullptr, &adp, nullptr);
  EXPECT_TRUE(none.book_ins.empty());
  EXPECT_TRUE(none.stay_days.empty());
}

// The real files (../shared/data; skipped when absent).
class RealIceFilesTest : public ::testing::Test {
 protected:
  static std::filesystem::path file(const char* name) {
    return std::filesystem::path(BF_SOURCE_DIR) / ".." / "shared" / "data" / "ice_detention" / name;
  }
  void SetUp() override {
    for (const char* name : {kAdp, kBookIns, kWorkbooks}) {
      if (!std::filesystem::exists(file(name))) GTEST_SKIP() << file(name) << " not found";
    }
  }
  template <class Parse>
  static auto read(const char* name, Parse parse) {
    const ingest::FileText text = ingest::read_file_bytes(file(name));
    return parse(*text.bytes, std::string(name));
  }
  static constexpr const char* kAdp = "ice_detention_adp_monthly_by_agency_fy2019_fy2026.csv";
  static constexpr const char* kBookIns =
      "ice_detention_bookins_monthly_by_arresting_agency_fy2019_fy2026.csv";
  static constexpr const char* kWorkbooks = "ice_detention_monthly_fy23_fy24.csv";
};

TEST_F(RealIceFilesTest, MonthlySeriesReplaceTheWorkbookAdp) {
  const auto adp = read(kAdp, ingest::parse_ice_adp_by_agency);
  const auto book_ins = read(kBookIns, ingest::parse_ice_book_ins_by_agency);
  const auto workbooks = read(kWorkbooks, ingest::parse_ice_detention);
  ASSERT_TRUE(adp.ok() && book_ins.ok() && workbooks.ok());
  const IcePublished p = ice_published(&book_ins, &adp, &workbooks);
  // December 2023 (PROVENANCE.md §5.2): ADP of CBP arrests 26,089, book-ins 13,349, ALOS 54.4.
  EXPECT_NEAR(p.population.at({2023, 12}), 26089.29, 0.01);
  EXPECT_EQ(p.book_ins.at({2023, 12}), 13349.0);
  EXPECT_NEAR(p.stay_days.at({2023, 12}), 54.4, 0.05);
  // FY2022 is covered (the FY2022 replay); the partial last months of FY2022 and FY2023 are not.
  EXPECT_EQ(p.book_ins.at({2021, 10}), 24341.0);
  EXPECT_FALSE(p.population.contains({2022, 9}));
  EXPECT_FALSE(p.population.contains({2023, 9}));
  // Where the workbook extract also gives the ADP, the two agree within 0.01 people: the
  // monthly series replace it for the ADP (one source per figure).
  const auto workbook_adp = workbooks.monthly(ingest::IceTable::kAdp, ingest::kIceAgencyCbp,
                                              ingest::kIceCriminalityTotal);
  int compared = 0;
  for (const auto& [month, value] : p.population) {
    const auto w = workbook_adp.find(month);
    if (w == workbook_adp.end()) continue;
    EXPECT_NEAR(value, w->second, 0.01) << month.to_string();
    ++compared;
  }
  EXPECT_EQ(compared, 23);  // October 2022 – September 2024 but the partial September 2023
}

}  // namespace
}  // namespace bf::validate
