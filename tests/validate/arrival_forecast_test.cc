// Out-of-sample arrivals: months after the fit date follow the demand forecast and keep the
// fit month's mix.

#include "validate/arrival_forecast.h"

#include <gtest/gtest.h>

#include "series_fixture.h"
#include "tiny_world.h"

namespace bf::validate {
namespace {

using model::Citizenship;
using model::Demographic;
using util::YearMonth;

TEST(ArrivalForecastTest, LaterMonthsFollowTheForecastWithTheFitMonthsMix) {
  // January–March 2024; published flat at 3,100 a month in every sector (100 a day in
  // January), so the forecast for February and March is 3,100 a month.
  model::ModelSpec spec = model::testing::tiny_spec(91);
  for (model::ArrivalLevel& l : spec.arrivals.levels) {
    if (l.sector != 1) continue;
    if (l.month == YearMonth{2024, 1}) {
      if (l.demographic == Demographic::kSingleAdult && l.citizenship == Citizenship::kMexico) {
        l.encounters_per_day = 75.0;
      } else if (l.demographic == Demographic::kSingleAdult &&
                 l.citizenship == Citizenship::kOther) {
        l.encounters_per_day = 25.0;
      }
    } else {
      l.encounters_per_day = 999.0;  // what the forecast must not see
      l.title42_share = 0.25;
    }
  }
  const demand::SectorSeries published =
      demand::testing::make_series({2020, 1}, {2024, 1}, [](YearMonth, int) { return 3100.0; });
  forecast_arrivals(spec.arrivals, published, {2024, 1}, {5, 1.0});
  for (const model::ArrivalLevel& l : spec.arrivals.levels) {
    if (l.sector != 1) continue;
    if (l.month == YearMonth{2024, 1}) continue;
    const double per_day = 3100.0 / util::days_in_month(l.month.year, l.month.month);
    double expected = 0.0;
    if (l.demographic == Demographic::kSingleAdult && l.citizenship == Citizenship::kMexico) {
      expected = 0.75 * per_day;
    } else if (l.demographic == Demographic::kSingleAdult && l.citizenship == Citizenship::kOther) {
      expected = 0.25 * per_day;
    }
    EXPECT_NEAR(l.encounters_per_day, expected, 1e-9) << l.month.to_string();
    EXPECT_EQ(l.title42_share, 0.25);  // the month's own
  }
}

TEST(ArrivalForecastTest, RefusesAFitDateThePublishedSeriesDoesNotReach) {
  model::ModelSpec spec = model::testing::tiny_spec(60);
  const demand::SectorSeries published =
      demand::testing::make_series({2020, 1}, {2023, 12}, [](YearMonth, int) { return 10.0; });
  EXPECT_THROW(forecast_arrivals(spec.arrivals, published, {2024, 1}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace bf::validate
