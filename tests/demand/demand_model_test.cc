// The demand model's forecast, the simple forecasts it is compared with, and the
// rolling-origin evaluation, on hand-made series with known answers.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "demand/interventions.h"
#include "demand/rolling_origin.h"
#include "demand/seasonal_forecast.h"
#include "series_fixture.h"

namespace bf::demand {
namespace {

using testing::make_series;
using testing::season;
using util::YearMonth;

double sum_of_kseason() {
  return std::accumulate(std::begin(testing::kSeason), std::end(testing::kSeason), 0.0);
}

TEST(SeasonalProfileTest, RecoversAPureMultiplicativePattern) {
  ASSERT_NEAR(sum_of_kseason(), 0.0, 1e-12);
  // Level 1,000 × 10^sector, exact seasonal pattern: the profile is the pattern itself.
  const SectorSeries series = make_series({2010, 1}, {2016, 12}, [](YearMonth m, int s) {
    return 1000.0 * std::pow(10.0, s % 3) * std::exp(season(m));
  });
  for (int s = 0; s < model::kSectorCount; ++s) {
    const auto profile = seasonal_profile(series, s, 5);
    for (int month = 1; month <= 12; ++month) {
      EXPECT_NEAR(profile[static_cast<std::size_t>(month - 1)], testing::kSeason[month - 1], 1e-12)
          << "sector " << s << " month " << month;
    }
  }
}

TEST(SeasonalProfileTest, FlatWhenTheHistoryIsTooShort) {
  const SectorSeries series =
      make_series({2010, 1}, {2011, 12}, [](YearMonth m, int) { return 100.0 + m.month; });
  for (double p : seasonal_profile(series, 0, 5)) EXPECT_EQ(p, 0.0);
}

TEST(SeasonalForecasterTest, CarriesTheLastMonthWithTheWeightedSeasonalShift) {
  const SectorSeries series = make_series(
      {2010, 1}, {2016, 9}, [](YearMonth m, int) { return 5000.0 * std::exp(season(m)); });
  for (const double weight : {0.0, 0.5, 1.0}) {
    const SeasonalForecaster model(series, {5, weight});
    EXPECT_EQ(model.last_observed(), (YearMonth{2016, 9}));
    for (YearMonth m : {YearMonth{2016, 10}, YearMonth{2016, 12}, YearMonth{2017, 3}}) {
      const double expected =
          5000.0 * std::exp(season({2016, 9})) * std::exp(weight * (season(m) - season({2016, 9})));
      EXPECT_NEAR(model.forecast(0, m), expected, 1e-9 * expected);
      EXPECT_NEAR(model.forecast_total(m), 9 * expected, 9e-9 * expected);
    }
  }
}

TEST(SeasonalForecasterTest, AZeroMonthIsForecastFromTheSmallestCount) {
  const SectorSeries series = make_series({2015, 1}, {2016, 6}, [](YearMonth m, int s) {
    return s == 2 && m == YearMonth{2016, 6} ? 0.0 : 100.0;
  });
  const SeasonalForecaster model(series, {});
  EXPECT_GT(model.forecast(2, {2016, 7}), 0.0);
  EXPECT_LE(model.forecast(2, {2016, 7}), kSmallestCount * 2);
}

TEST(SimpleForecastTest, EachMethodOnHandNumbers) {
  // Sector 0 of month m holds 10 × (months since January 2020 + 1).
  const SectorSeries series = make_series({2020, 1}, {2022, 12}, [](YearMonth m, int s) {
    return s == 0 ? 10.0 * (m.index() - YearMonth{2020, 1}.index() + 1) : 1.0;
  });
  const YearMonth origin{2022, 1};  // data through December 2021 (value 240)
  const YearMonth target{2022, 2};  // a year earlier: February 2021 (value 140)
  EXPECT_DOUBLE_EQ(simple_forecast(Method::kLastMonth, series, origin, target, 0), 240.0);
  EXPECT_DOUBLE_EQ(simple_forecast(Method::kMeanOfThree, series, origin, target, 0), 230.0);
  EXPECT_DOUBLE_EQ(simple_forecast(Method::kSameMonthLastYear, series, origin, target, 0), 140.0);
  // Trend: (220 + 230 + 240) / (100 + 110 + 120) applied to 140.
  EXPECT_DOUBLE_EQ(simple_forecast(Method::kSeasonalTrend, series, origin, target, 0),
                   140.0 * 690.0 / 330.0);
  // The Southwest total (sector −1) adds the eight other sectors' 1s.
  EXPECT_DOUBLE_EQ(simple_forecast(Method::kLastMonth, series, origin, target, -1), 248.0);
}

TEST(RollingOriginTest, ExactPatternGivesZeroModelErrorAndSkipsPolicyWindows) {
  // A pure seasonal series with seasonal weight 1: the model is exact, the simple forecasts
  // are not. 2019–2020 contain three interventions, whose windows must be skipped.
  const SectorSeries series = make_series(
      {2010, 1}, {2021, 12}, [](YearMonth m, int) { return 2000.0 * std::exp(season(m)); });
  const RollingOriginResult r = rolling_origin(series, {2016, 1}, {2021, 10}, 3, {5, 1.0});
  ASSERT_EQ(r.total.size(), 3u);
  for (const YearMonth origin : r.origins) {
    EXPECT_FALSE(policy_change_between(origin, origin.plus(2))) << origin.to_string();
  }
  // 70 origins 2016-01..2021-10, less those whose window touches Jan–Feb 2019, Jun–Jul 2019
  // or Mar–Apr 2020.
  EXPECT_EQ(r.origins.size(), 70u - 4u - 4u - 4u);
  for (const HorizonErrors& e : r.total) {
    EXPECT_EQ(e.forecasts, static_cast<int>(r.origins.size()));
    EXPECT_NEAR(e.mean_absolute[0], 0.0, 1e-6);
    EXPECT_GT(e.mean_absolute[static_cast<int>(Method::kLastMonth)], 100.0);
    EXPECT_NEAR(e.mean_absolute[static_cast<int>(Method::kSameMonthLastYear)], 0.0, 1e-6);
  }
}

TEST(SectorSeriesTest, ThroughAndTotals) {
  const SectorSeries series =
      make_series({2020, 1}, {2020, 12}, [](YearMonth m, int s) { return m.month + s; });
  EXPECT_EQ(series.last(), (YearMonth{2020, 12}));
  EXPECT_DOUBLE_EQ(series.total({2020, 3}), 9 * 3 + 36);
  const SectorSeries part = series.through({2020, 6});
  EXPECT_EQ(part.last(), (YearMonth{2020, 6}));
  EXPECT_FALSE(part.contains({2020, 7}));
  EXPECT_TRUE(series.through({2019, 1}).empty());
}

TEST(SectorSeriesTest, FromOhssRefusesAHole) {
  ingest::OhssSectorTable table;
  table.file = "sectors.csv";
  for (int s = 0; s < model::kSectorCount; ++s) {
    table.rows.push_back({1, {2023, 1}, s, 10});
    table.rows.push_back({2, {2023, 3}, s, 10});
  }
  EXPECT_THROW(SectorSeries::from_ohss(table), std::invalid_argument);
  for (int s = 0; s < model::kSectorCount; ++s) table.rows.push_back({3, {2023, 2}, s, 20});
  const SectorSeries series = SectorSeries::from_ohss(table);
  EXPECT_EQ(series.first(), (YearMonth{2023, 1}));
  EXPECT_DOUBLE_EQ(series.total({2023, 2}), 180.0);
}

}  // namespace
}  // namespace bf::demand
