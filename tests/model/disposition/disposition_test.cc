// The disposition decision alone, without a World: each branch, and the draws it makes.
#include "model/disposition/disposition.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/random_purpose.h"

namespace bf::model {
namespace {

constexpr int kSector = 2;

struct Fixture {
  ModelSpec spec;
  DayLevers levers;
  Fixture() {
    spec.start_date = *util::Date::parse("2024-01-01");
    refresh({});
  }
  void refresh(const std::vector<bool>& in_force) {
    levers = resolve_levers(spec, spec.start_date, in_force, PerSector<double>{});
  }
  Disposition decide(const Unit& u, std::int64_t queued = 0) const {
    engine::RandomStream rs = stream();
    return decide_disposition(u, {spec, levers, kSector, queued}, rs);
  }
  static engine::RandomStream stream() {
    return engine::RandomStream(7, 0, static_cast<std::uint8_t>(Purpose::kDisposition), 99);
  }
};

PolicySpec policy(std::string name, PolicyLever lever) {
  PolicySpec p;
  p.name = std::move(name);
  p.start = *util::Date::parse("2024-01-01");
  p.lever = lever;
  return p;
}

Unit unit(Demographic d, Citizenship c, std::uint16_t size = 1) {
  Unit u;
  u.demographic = d;
  u.citizenship = c;
  u.size = size;
  return u;
}

TEST(Disposition, Title42GoesToTheMexicanChannelWhateverTheCitizenship) {
  Fixture f;
  Unit u = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  u.title42 = true;
  EXPECT_EQ(f.decide(u).kind, DispositionKind::kMexicanReturn);
  u.demographic = Demographic::kUnaccompaniedChild;  // Title 42 comes first
  EXPECT_EQ(f.decide(u).kind, DispositionKind::kMexicanReturn);
}

TEST(Disposition, UnaccompaniedChildrenGoToOrrUnlessMexicanAndRepatriated) {
  Fixture f;
  EXPECT_EQ(f.decide(unit(Demographic::kUnaccompaniedChild, Citizenship::kGuatemala)).kind,
            DispositionKind::kOrr);
  const Unit mexican = unit(Demographic::kUnaccompaniedChild, Citizenship::kMexico);
  EXPECT_EQ(f.decide(mexican).kind, DispositionKind::kMexicanReturn);
  f.spec.dispositions.repatriate_mexican_children = false;
  EXPECT_EQ(f.decide(mexican).kind, DispositionKind::kOrr);
}

TEST(Disposition, AppointmentHoldersAreParoledWhenTheScenarioSaysSo) {
  Fixture f;
  Unit u = unit(Demographic::kFamilyUnitMember, Citizenship::kMexico, 3);
  u.appointment = true;
  EXPECT_EQ(f.decide(u).kind, DispositionKind::kRelease);
  f.spec.ports.parole_appointments = false;
  EXPECT_EQ(f.decide(u).kind, DispositionKind::kMexicanReturn);
}

TEST(Disposition, MexicanAdultsAreReturned) {
  Fixture f;
  EXPECT_EQ(f.decide(unit(Demographic::kSingleAdult, Citizenship::kMexico)).kind,
            DispositionKind::kMexicanReturn);
}

TEST(Disposition, MexicoTakesNonMexicansUpToOneDaysIntakeInTheQueue) {
  Fixture f;
  f.spec.dispositions.non_mexican_returns_per_day = 10;
  f.spec.dispositions.mexico_accepts_share = {0.0, 1.0, 1.0, 1.0, 0.0};
  f.refresh({});
  const Unit family = unit(Demographic::kFamilyUnitMember, Citizenship::kGuatemala, 4);
  const Disposition d = f.decide(family, 6);
  EXPECT_EQ(d.kind, DispositionKind::kNonMexicanReturn);
  // The second draw of the stream is kept for a later decision on the same attempt.
  engine::RandomStream rs = Fixture::stream();
  rs.uniform();
  EXPECT_EQ(d.expedited_draw, rs.uniform());
  // 7 queued + 4 > 10: the usual path (released: no expedited removal for families).
  EXPECT_EQ(f.decide(family, 7).kind, DispositionKind::kRelease);
  // A nationality Mexico does not accept.
  EXPECT_EQ(f.decide(unit(Demographic::kSingleAdult, Citizenship::kOther)).kind,
            DispositionKind::kRelease);
}

TEST(Disposition, ExpeditedRemovalByTheDrawWithItsPolicyAndHold) {
  Fixture f;
  const Unit adult = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  f.spec.dispositions.expedited_removal_share = {1.0, 0.0, 0.0, 0.0};
  f.refresh({});
  Disposition d = f.decide(adult);
  EXPECT_EQ(d.kind, DispositionKind::kDetention);
  EXPECT_EQ(d.policy, kNoPolicy);
  EXPECT_FALSE(d.hold_for_bed);
  // The draw decides: just below and at the share.
  EXPECT_EQ(decide_not_returned(adult, f.spec, f.levers, kSector, 0.999).kind,
            DispositionKind::kDetention);
  f.spec.dispositions.expedited_removal_share = {0.5, 0.0, 0.0, 0.0};
  f.refresh({});
  EXPECT_EQ(decide_not_returned(adult, f.spec, f.levers, kSector, 0.4999).kind,
            DispositionKind::kDetention);
  EXPECT_EQ(decide_not_returned(adult, f.spec, f.levers, kSector, 0.5).kind,
            DispositionKind::kRelease);
  // Under an entry suspension the removal is the policy's, and ending catch-and-release
  // holds the adult for a bed however long it takes.
  f.spec.policies.push_back(policy("suspension", EntrySuspension{}));
  f.spec.policies.push_back(policy("no_release", EndCatchAndRelease{}));
  f.refresh({true, true});
  d = decide_not_returned(adult, f.spec, f.levers, kSector, 0.1);
  EXPECT_EQ(d.kind, DispositionKind::kDetention);
  EXPECT_EQ(d.policy, 0);
  EXPECT_TRUE(d.hold_for_bed);
}

TEST(Disposition, EndingCatchAndReleaseHoldsWhoWouldBeReleasedButNotFamiliesByDefault) {
  Fixture f;
  f.spec.policies.push_back(policy("no_release", EndCatchAndRelease{}));
  f.refresh({true});
  const Disposition adult = decide_not_returned(
      unit(Demographic::kSingleAdult, Citizenship::kOther), f.spec, f.levers, kSector, 0.99);
  EXPECT_EQ(adult.kind, DispositionKind::kDetention);
  EXPECT_EQ(adult.policy, kNoPolicy);
  EXPECT_TRUE(adult.hold_for_bed);
  EXPECT_EQ(decide_not_returned(unit(Demographic::kFamilyUnitMember, Citizenship::kOther, 3),
                                f.spec, f.levers, kSector, 0.99)
                .kind,
            DispositionKind::kRelease);
  std::get<EndCatchAndRelease>(f.spec.policies[0].lever).release_families = false;
  EXPECT_EQ(decide_not_returned(unit(Demographic::kFamilyUnitMember, Citizenship::kOther, 3),
                                f.spec, f.levers, kSector, 0.99)
                .kind,
            DispositionKind::kDetention);
}

TEST(Disposition, RemainInMexicoCandidatesAreTheEligibleWhoWouldBeReleased) {
  Fixture f;
  f.spec.policies.push_back(policy("mpp", RemainInMexico{}));
  f.refresh({true});
  const Disposition d = decide_not_returned(unit(Demographic::kSingleAdult, Citizenship::kHonduras),
                                            f.spec, f.levers, kSector, 0.99);
  EXPECT_EQ(d.kind, DispositionKind::kRemainInMexico);
  EXPECT_EQ(d.policy, 0);
  EXPECT_FALSE(d.hold_for_bed);  // if not enrolled: released
  // Not eligible (Mexico takes no other nationals under the default lever).
  EXPECT_EQ(decide_not_returned(unit(Demographic::kSingleAdult, Citizenship::kMexico), f.spec,
                                f.levers, kSector, 0.99)
                .kind,
            DispositionKind::kRelease);
  // Outside the policy's sectors.
  f.spec.policies[0].sectors[kSector] = false;
  f.refresh({true});
  EXPECT_EQ(decide_not_returned(unit(Demographic::kSingleAdult, Citizenship::kHonduras), f.spec,
                                f.levers, kSector, 0.99)
                .kind,
            DispositionKind::kRelease);
}

TEST(Disposition, RecrossAndScreeningFollowThePolicyThatRoutedTheAttempt) {
  Fixture f;
  f.spec.policies.push_back(policy("mpp", RemainInMexico{}));
  f.spec.policies.push_back(policy("suspension", EntrySuspension{}));
  Unit u = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  const auto c = static_cast<std::size_t>(index_of(Citizenship::kHonduras));
  EXPECT_EQ(remain_in_mexico_of(u, f.spec), nullptr);
  EXPECT_EQ(recross_probability(u, f.spec), f.spec.recrossing.probability[c]);
  u.title42 = true;
  EXPECT_EQ(recross_probability(u, f.spec), f.spec.recrossing.title42_probability[c]);
  u.policy = 0;  // enrolled in Remain in Mexico
  EXPECT_NE(remain_in_mexico_of(u, f.spec), nullptr);
  EXPECT_EQ(recross_probability(u, f.spec), RemainInMexico{}.recross_probability);
  EXPECT_EQ(screen_pass_share(u, f.spec, f.spec.start_date),
            f.spec.detention.credible_fear_positive_share);
  u.policy = 1;  // removed under the entry suspension
  EXPECT_EQ(screen_pass_share(u, f.spec, f.spec.start_date), EntrySuspension{}.screen_pass_share);
}

TEST(Disposition, WithAnOutcomeMixIceReleasesTheShareOfTheMonthTheCaseIsDecided) {
  Fixture f;
  for (const char* month : {"2024-01", "2024-02"}) {
    OutcomeMixMonth m;
    m.month = *util::YearMonth::parse(month);
    f.spec.dispositions.outcome_mix.months.push_back(m);
  }
  f.spec.dispositions.outcome_mix.months[0].ice_release_share = 0.9;
  f.spec.dispositions.outcome_mix.months[1].ice_release_share = 0.2;
  f.spec.detention.credible_fear_positive_share = 0.45;  // not used with a mix
  Unit u = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  EXPECT_EQ(screen_pass_share(u, f.spec, *util::Date::parse("2024-01-31")), 0.9);
  EXPECT_EQ(screen_pass_share(u, f.spec, *util::Date::parse("2024-02-01")), 0.2);
  // An entry suspension's own bar still decides for those removed under it.
  f.spec.policies.push_back(policy("suspension", EntrySuspension{}));
  u.policy = 0;
  EXPECT_EQ(screen_pass_share(u, f.spec, *util::Date::parse("2024-02-01")),
            EntrySuspension{}.screen_pass_share);
}

TEST(Disposition, TheFearScreeningIsOneDrawAgainstItsShare) {
  Fixture f;
  const Unit u = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  f.spec.detention.credible_fear_positive_share = 0.25;
  int passed = 0;
  for (std::uint64_t i = 0; i < 4000; ++i) {
    engine::RandomStream rs(7, 0, static_cast<std::uint8_t>(Purpose::kCredibleFear), i);
    passed += passes_fear_screening(u, f.spec, f.spec.start_date, rs) ? 1 : 0;
  }
  EXPECT_NEAR(passed / 4000.0, 0.25, 0.03);
  f.spec.detention.credible_fear_positive_share = 1.0;
  engine::RandomStream rs(7, 0, static_cast<std::uint8_t>(Purpose::kCredibleFear), 1);
  EXPECT_TRUE(passes_fear_screening(u, f.spec, f.spec.start_date, rs));
}

TEST(Disposition, AReturnCountsAsRemainInMexicoExpulsionOrReturnAtItsStation) {
  Fixture f;
  f.spec.policies.push_back(policy("mpp", RemainInMexico{}));
  Unit u = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  u.station = kSector;
  EXPECT_EQ(return_flow(u, f.spec), &SectorDay::returned_to_mexico);
  u.title42 = true;
  EXPECT_EQ(return_flow(u, f.spec), &SectorDay::title42_expulsions);
  u.title42 = false;
  u.policy = 0;  // enrolled in Remain in Mexico
  EXPECT_EQ(return_flow(u, f.spec), &SectorDay::remain_in_mexico);
  u.station = static_cast<std::uint8_t>(kSectorCount);  // a port: no such column there
  EXPECT_EQ(return_flow(u, f.spec), &SectorDay::returned_to_mexico);
}

TEST(Disposition, SomeoneReturnedCrossesAgainWithTheProbabilityAfterTheDelay) {
  Fixture f;
  f.spec.recrossing.delay = {3 * 24 * 60, 0.0};
  const auto c = static_cast<std::size_t>(index_of(Citizenship::kHonduras));
  const Unit u = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  const auto recross_stream = [](std::uint64_t entity) {
    return engine::RandomStream(7, 0, static_cast<std::uint8_t>(Purpose::kRecross), entity);
  };
  f.spec.recrossing.probability[c] = 1.0;
  engine::RandomStream always = recross_stream(1);
  EXPECT_EQ(minutes_to_recross(u, f.spec, always), std::optional<engine::SimTime>(3 * 24 * 60));
  f.spec.recrossing.probability[c] = 0.0;
  engine::RandomStream never = recross_stream(1);
  EXPECT_EQ(minutes_to_recross(u, f.spec, never), std::nullopt);
  f.spec.recrossing.probability[c] = 0.4;
  int again = 0;
  for (std::uint64_t i = 0; i < 4000; ++i) {
    engine::RandomStream rs = recross_stream(i);
    again += minutes_to_recross(u, f.spec, rs).has_value() ? 1 : 0;
  }
  EXPECT_NEAR(again / 4000.0, 0.4, 0.03);
}

}  // namespace
}  // namespace bf::model
