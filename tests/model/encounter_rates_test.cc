#include "model/encounter_rates.h"

#include <gtest/gtest.h>

#include "tiny_world.h"

namespace bf::model {
namespace {

TEST(EncounterRates, ApprehensionSaturatesInAgents) {
  ApprehensionSpec a;
  a.max_probability = 0.8;
  SectorSpec s;
  s.half_saturation_agents = 100;
  s.agents_on_patrol = 100;
  EXPECT_DOUBLE_EQ(apprehension_probability(a, s), 0.4);
  s.agents_on_patrol = 300;
  EXPECT_DOUBLE_EQ(apprehension_probability(a, s), 0.6);
  s.agents_on_patrol = 0;
  EXPECT_DOUBLE_EQ(apprehension_probability(a, s), 0.0);
}

TEST(EncounterRates, RepeatsRaiseEncountersPerCrosser) {
  ModelSpec spec = testing::tiny_spec(1);
  spec.arrivals.surrender_probability[0] = 0.5;
  spec.apprehension.max_probability = 0.8;
  spec.sectors[0].agents_on_patrol = 100;
  spec.sectors[0].half_saturation_agents = 100;
  spec.recrossing.probability = {0.5, 0.2, 0.2, 0.2, 0.2};
  // f = 0.5 + 0.5 · 0.4 = 0.7
  EXPECT_DOUBLE_EQ(encounter_probability(spec, 0, Demographic::kSingleAdult), 0.7);
  // Non-Mexicans are not returned: one attempt.
  EXPECT_DOUBLE_EQ(
      encounters_per_new_crosser(spec, 0, Demographic::kSingleAdult, Citizenship::kHonduras), 0.7);
  // Mexicans: f / (1 - f · 1 · 0.5)
  EXPECT_DOUBLE_EQ(
      encounters_per_new_crosser(spec, 0, Demographic::kSingleAdult, Citizenship::kMexico),
      0.7 / (1 - 0.35));
}

TEST(EncounterRates, Title42MixesReturnAndRecrossing) {
  ModelSpec spec = testing::tiny_spec(1);
  spec.arrivals.surrender_probability[0] = 0.5;
  spec.apprehension.max_probability = 0.8;
  spec.sectors[0].agents_on_patrol = 100;
  spec.sectors[0].half_saturation_agents = 100;  // f = 0.7
  spec.recrossing.probability = {0.5, 0.2, 0.2, 0.2, 0.2};
  spec.recrossing.title42_probability = {0.6, 0.3, 0.3, 0.3, 0.3};
  const auto adult = Demographic::kSingleAdult;
  // Honduras (r = 0): r·q = 0.25 · 1 · 0.3 + 0.75 · 0 · 0.2.
  EXPECT_DOUBLE_EQ(encounters_per_new_crosser(spec, 0, adult, Citizenship::kHonduras, 0.25),
                   0.7 / (1 - 0.7 * 0.075));
  // Mexico (r = 1): r·q = 0.25 · 0.6 + 0.75 · 0.5.
  EXPECT_DOUBLE_EQ(encounters_per_new_crosser(spec, 0, adult, Citizenship::kMexico, 0.25),
                   0.7 / (1 - 0.7 * 0.525));
  // Share 0 is the Title 8 conversion to the last bit.
  EXPECT_EQ(encounters_per_new_crosser(spec, 0, adult, Citizenship::kMexico, 0.0),
            encounters_per_new_crosser(spec, 0, adult, Citizenship::kMexico));
}

TEST(EncounterRates, OutcomeMixGivesTheMonthsReturnShare) {
  ModelSpec spec = testing::tiny_spec(1);
  spec.arrivals.surrender_probability[0] = 0.5;
  spec.apprehension.max_probability = 0.8;
  spec.sectors[0].agents_on_patrol = 100;
  spec.sectors[0].half_saturation_agents = 100;  // f = 0.7
  spec.recrossing.probability = {0.5, 0.2, 0.2, 0.2, 0.2};
  const auto adult = Demographic::kSingleAdult;
  for (const int m : {11, 12}) {
    OutcomeMixMonth month;
    month.month = {2023, m};
    for (auto& by_citizenship : month.shares) {
      for (auto& shares : by_citizenship) shares = {m == 11 ? 0.4 : 0.1, 0.1, 0.0, 0.0};
    }
    month.shares[0][1] = {0.0, 0.5, 0.0, 0.5};  // Guatemalan adults: never returned
    spec.dispositions.outcome_mix.months.push_back(month);
  }
  // Mexico in November: r = 0.4, f / (1 - f · 0.4 · 0.5); December: r = 0.1.
  EXPECT_DOUBLE_EQ(return_probability(spec, adult, Citizenship::kMexico, util::YearMonth{2023, 11}),
                   0.4);
  EXPECT_DOUBLE_EQ(encounters_per_new_crosser(spec, 0, adult, Citizenship::kMexico, 0.0,
                                              util::YearMonth{2023, 11}),
                   0.7 / (1 - 0.7 * 0.4 * 0.5));
  EXPECT_DOUBLE_EQ(encounters_per_new_crosser(spec, 0, adult, Citizenship::kMexico, 0.0,
                                              util::YearMonth{2023, 12}),
                   0.7 / (1 - 0.7 * 0.1 * 0.5));
  // Hondurans returned by the mix repeat too (q = 0.2); Guatemalans not at all.
  EXPECT_DOUBLE_EQ(encounters_per_new_crosser(spec, 0, adult, Citizenship::kHonduras, 0.0,
                                              util::YearMonth{2023, 12}),
                   0.7 / (1 - 0.7 * 0.1 * 0.2));
  EXPECT_DOUBLE_EQ(encounters_per_new_crosser(spec, 0, adult, Citizenship::kGuatemala, 0.0,
                                              util::YearMonth{2023, 12}),
                   0.7);
  // Without a month, or outside the mix, the question has no answer.
  EXPECT_THROW(return_probability(spec, adult, Citizenship::kMexico), std::logic_error);
  EXPECT_THROW(return_probability(spec, adult, Citizenship::kMexico, util::YearMonth{2024, 1}),
               std::logic_error);
}

TEST(EncounterRates, Title42AppliesBeforeItsEndAndFillsTheEndMonth) {
  DispositionSpec d;
  const auto day = [](const char* text) { return *util::Date::parse(text); };
  // No end date: never.
  EXPECT_EQ(title42_expulsion_probability(d, 0.8, day("2023-01-15")), 0.0);
  EXPECT_EQ(title42_month_share(d, 0.8, {2023, 1}), 0.0);
  d.title42_end = day("2023-05-12");  // 11 of May's 31 days under Title 42
  EXPECT_EQ(title42_expulsion_probability(d, 0.8, day("2023-04-30")), 0.8);
  EXPECT_EQ(title42_month_share(d, 0.8, {2023, 4}), 0.8);
  // The end month's share was earned on its first 11 days: scaled by 31/11, capped at 1.
  EXPECT_DOUBLE_EQ(title42_expulsion_probability(d, 0.2, day("2023-05-11")), 0.2 * 31 / 11);
  EXPECT_EQ(title42_expulsion_probability(d, 0.8, day("2023-05-01")), 1.0);
  EXPECT_EQ(title42_expulsion_probability(d, 0.2, day("2023-05-12")), 0.0);
  EXPECT_EQ(title42_expulsion_probability(d, 0.2, day("2023-06-01")), 0.0);
  // Month averages: the scaled probability over 11 of 31 days gives the table's share back.
  EXPECT_DOUBLE_EQ(title42_month_share(d, 0.2, {2023, 5}), 0.2);
  EXPECT_DOUBLE_EQ(title42_month_share(d, 0.8, {2023, 5}), 11.0 / 31);
  EXPECT_EQ(title42_month_share(d, 0.8, {2023, 6}), 0.0);
  // An end on the first of a month leaves none of that month under Title 42.
  d.title42_end = day("2023-06-01");
  EXPECT_EQ(title42_month_share(d, 0.8, {2023, 6}), 0.0);
  EXPECT_EQ(title42_expulsion_probability(d, 0.8, day("2023-05-31")), 0.8);
}

}  // namespace
}  // namespace bf::model
