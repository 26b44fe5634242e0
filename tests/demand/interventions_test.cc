// Intervention dates, ramps and the interrupted-time-series effect estimate, on hand-made
// series with a known step.

#include "demand/interventions.h"

#include <gtest/gtest.h>

#include <cmath>

#include "demand/effects_table.h"
#include "series_fixture.h"

namespace bf::demand {
namespace {

using testing::make_series;
using util::YearMonth;

TEST(InterventionTest, RampSharesFollowTheDate) {
  const Intervention* end = find_intervention("title42_end_2023_05");
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(ramp_share(*end, {2023, 4}), 0.0);
  EXPECT_DOUBLE_EQ(ramp_share(*end, {2023, 5}), 20.0 / 31.0);  // 12–31 May
  EXPECT_EQ(ramp_share(*end, {2023, 6}), 1.0);
  EXPECT_EQ(first_full_month(*end), (YearMonth{2023, 6}));
  const Intervention* appointments = find_intervention("appointments_2023_01");
  ASSERT_NE(appointments, nullptr);
  EXPECT_EQ(ramp_share(*appointments, {2022, 12}), 0.0);
  EXPECT_EQ(ramp_share(*appointments, {2023, 1}), 1.0);  // no ramp: in force from January
  EXPECT_EQ(find_intervention("no_such_policy"), nullptr);
}

TEST(InterventionTest, ScenarioEffectsAreTheFourOfTheReplay) {
  int count = 0;
  for (const Intervention& i : known_interventions()) count += i.scenario_effect ? 1 : 0;
  EXPECT_EQ(count, 4);
}

TEST(InterventionTest, PolicyChangeWindows) {
  EXPECT_TRUE(policy_change_between({2023, 5}, {2023, 5}));
  EXPECT_TRUE(policy_change_between({2023, 6}, {2023, 8}));  // the first full month
  EXPECT_FALSE(policy_change_between({2023, 7}, {2023, 11}));
  EXPECT_TRUE(policy_change_between({2023, 10}, {2023, 12}));  // 27 Dec 2023
  EXPECT_FALSE(policy_change_between({2021, 1}, {2022, 12}));
}

// A flat series that halves from the Title 42 end's first full month on (June 2023), in
// sectors 0–4 only: the estimate is log(1/2) there, 0 elsewhere, and the Southwest total
// sees the share-weighted fall.
TEST(EffectEstimateTest, RecoversAKnownStep) {
  const SectorSeries series = make_series({2016, 1}, {2023, 12}, [](YearMonth m, int s) {
    return (s < 5 && m >= YearMonth{2023, 6}) ? 500.0 : 1000.0;
  });
  const ForecastOptions options{5, 1.0};
  const RollingOriginResult errors =
      rolling_origin(series, series.first(), series.last(), 4, options);
  const std::vector<EffectEstimate> estimates = estimate_effects(series, options, errors);
  int found = 0;
  for (const EffectEstimate& e : estimates) {
    if (e.intervention->name != "title42_end_2023_05") continue;
    ++found;
    if (e.sector < 0) {
      EXPECT_NEAR(e.log_effect, std::log(6500.0 / 9000.0), 1e-12);
    } else {
      EXPECT_NEAR(e.log_effect, e.sector < 5 ? std::log(0.5) : 0.0, 1e-12) << e.sector;
    }
    EXPECT_NEAR(e.standard_error, 0.0, 1e-12);  // a flat series is forecast exactly
  }
  EXPECT_EQ(found, 1 + model::kSectorCount);
  // Interventions whose months the series does not reach (2024) are not estimated.
  for (const EffectEstimate& e : estimates) {
    EXPECT_NE(e.intervention->name, "proclamation_2024_06");
  }
}

TEST(EffectsTableTest, HeaderNamesSourcesAndRowsAreFixedPoint) {
  const Intervention* end = find_intervention("title42_end_2023_05");
  ASSERT_NE(end, nullptr);
  const std::string text = effects_table_text(
      {{end, -1, -0.30004, 0.33061}, {end, 0, 0.25, 0.125}}, {{"sectors.csv", "ab12", 5830}},
      "borderflow fit-demand --sectors sectors.csv -o e.csv");
  EXPECT_NE(text.find("# derived by: borderflow fit-demand --sectors sectors.csv -o e.csv\n"),
            std::string::npos);
  EXPECT_NE(text.find("# source: sectors.csv sha256=ab12 rows=5830\n"), std::string::npos);
  EXPECT_NE(text.find(std::string(kEffectsTableHeader) +
                      "\ntitle42_end_2023_05,2023-05-12,1,southwest,-0.3000,0.3306\n"
                      "title42_end_2023_05,2023-05-12,1,san_diego,0.2500,0.1250\n"),
            std::string::npos);
}

}  // namespace
}  // namespace bf::demand
