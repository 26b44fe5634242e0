// The outcome mix alone: the draw, and decide_disposition with a mix (docs/model.md,
// "Dispositions: the calibrated outcome mix").
#include "model/disposition/outcome_mix.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "model/day_levers.h"
#include "model/disposition/disposition.h"
#include "model/random_purpose.h"

namespace bf::model {
namespace {

constexpr int kSector = 2;

TEST(DrawOutcome, PicksByCumulativeShare) {
  const OutcomeShares shares = {0.1, 0.2, 0.0, 0.7};
  EXPECT_EQ(draw_outcome(shares, 0.0), Outcome::kReturned);
  EXPECT_EQ(draw_outcome(shares, 0.0999), Outcome::kReturned);
  EXPECT_EQ(draw_outcome(shares, 0.1), Outcome::kToIce);
  EXPECT_EQ(draw_outcome(shares, 0.2999), Outcome::kToIce);
  EXPECT_EQ(draw_outcome(shares, 0.3001), Outcome::kReleased);  // to_hhs has no share
  EXPECT_EQ(draw_outcome(shares, 0.9999), Outcome::kReleased);
}

TEST(DrawOutcome, RoundingBelowOneFallsOnTheLastPossibleOutcome) {
  const OutcomeShares shares = {0.3, 0.3, 0.3999999, 0.0};
  EXPECT_EQ(draw_outcome(shares, 0.99999999), Outcome::kToHhs);
}

TEST(ScaledBookInShare, FollowsTheBedsOverTheReference) {
  EXPECT_DOUBLE_EQ(scaled_book_in_share(0.4, 26000, 26000, 1.0), 0.4);     // the replay itself
  EXPECT_DOUBLE_EQ(scaled_book_in_share(0.4, 39000, 26000, 1.0), 0.6);     // 1.5 x the beds
  EXPECT_DOUBLE_EQ(scaled_book_in_share(0.4, 13000, 26000, 1.0), 0.2);     // half the beds
  EXPECT_DOUBLE_EQ(scaled_book_in_share(0.8, 52000, 26000, 1.0), 1.0);     // at most everyone
  EXPECT_DOUBLE_EQ(scaled_book_in_share(0.4, 0, 26000, 1.0), 0.0);         // no beds
  EXPECT_NEAR(scaled_book_in_share(0.4, 104000, 26000, 0.5), 0.8, 1e-12);  // sqrt(4) = 2
  EXPECT_DOUBLE_EQ(scaled_book_in_share(0.4, 39000, 26000, 0.0), 0.4);     // beds never matter
  EXPECT_DOUBLE_EQ(scaled_book_in_share(0.4, 39000, 0, 1.0), 0.4);         // no reference
}

TEST(OutcomeMix, AtFindsTheMonthOfTheDay) {
  OutcomeMix mix;
  for (int m = 10; m <= 12; ++m) {
    OutcomeMixMonth month;
    month.month = {2023, m};
    month.ice_book_in_share = m / 100.0;
    mix.months.push_back(month);
  }
  EXPECT_EQ(mix.at(*util::Date::parse("2023-10-01")).ice_book_in_share, 0.10);
  EXPECT_EQ(mix.at(*util::Date::parse("2023-11-30")).ice_book_in_share, 0.11);
  EXPECT_EQ(mix.at(*util::Date::parse("2023-12-31")).ice_book_in_share, 0.12);
}

// A spec whose mix, for every cell, is `shares`, in January 2024.
struct Fixture {
  ModelSpec spec;
  DayLevers levers;
  explicit Fixture(OutcomeShares shares) {
    spec.start_date = *util::Date::parse("2024-01-01");
    spec.dispositions.expedited_removal_share.fill(0.0);  // as the loader sets with a mix
    spec.dispositions.mexico_accepts_share.fill(0.0);
    OutcomeMixMonth month;
    month.month = {2024, 1};
    for (auto& by_citizenship : month.shares) by_citizenship.fill(shares);
    spec.dispositions.outcome_mix.months.push_back(month);
    refresh({});
  }
  void refresh(const std::vector<bool>& in_force) {
    levers = resolve_levers(spec, spec.start_date, in_force, PerSector<double>{});
  }
  Disposition decide(const Unit& u, std::uint64_t entity = 99, std::int64_t queued = 0) const {
    engine::RandomStream rs(7, 0, static_cast<std::uint8_t>(Purpose::kDisposition), entity);
    return decide_disposition(u, {spec, levers, kSector, queued, spec.start_date}, rs);
  }
};

Unit unit(Demographic d, Citizenship c, std::uint16_t size = 1) {
  Unit u;
  u.demographic = d;
  u.citizenship = c;
  u.size = size;
  u.station = kSector;
  return u;
}

TEST(DecideFromMix, EachSureOutcomeHasItsDisposition) {
  const Unit adult = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  EXPECT_EQ(Fixture({0, 1, 0, 0}).decide(adult).kind, DispositionKind::kIceTransfer);
  EXPECT_EQ(Fixture({0, 0, 1, 0}).decide(adult).kind, DispositionKind::kOrr);
  EXPECT_EQ(Fixture({0, 0, 0, 1}).decide(adult).kind, DispositionKind::kRelease);
  const Unit mexican = unit(Demographic::kSingleAdult, Citizenship::kMexico);
  EXPECT_EQ(Fixture({1, 0, 0, 0}).decide(mexican).kind, DispositionKind::kMexicanReturn);
}

TEST(DecideFromMix, RulesOfTheChildrenAndAppointmentsDoNotApply) {
  // The mix says a Mexican child goes to HHS: it does, whatever repatriate_mexican_children.
  const Unit child = unit(Demographic::kUnaccompaniedChild, Citizenship::kMexico);
  EXPECT_EQ(Fixture({0, 0, 1, 0}).decide(child).kind, DispositionKind::kOrr);
}

TEST(DecideFromMix, ANonMexicanReturnNeedsRoomInMexicosIntake) {
  Fixture f({1, 0, 0, 0});
  f.spec.dispositions.non_mexican_returns_per_day = 10;
  f.refresh({});
  const Unit family = unit(Demographic::kFamilyUnitMember, Citizenship::kOther, 4);
  EXPECT_EQ(f.decide(family, 99, 6).kind, DispositionKind::kNonMexicanReturn);
  EXPECT_EQ(f.decide(family, 99, 7).kind, DispositionKind::kRelease);  // 7 + 4 > 10
}

TEST(DecideFromMix, TitleFortyTwoAndPortsKeepTheirRules) {
  Fixture f({0, 1, 0, 0});
  Unit expelled = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  expelled.title42 = true;
  EXPECT_EQ(f.decide(expelled).kind, DispositionKind::kMexicanReturn);
  Unit at_port = unit(Demographic::kSingleAdult, Citizenship::kHonduras);
  at_port.station = kSectorCount;  // the first port crossing's station
  EXPECT_EQ(f.decide(at_port).kind, DispositionKind::kRelease);  // the rules, with no removal
}

PolicySpec policy(PolicyLever lever) {
  PolicySpec p;
  p.name = "lever";
  p.start = *util::Date::parse("2024-01-01");
  p.lever = lever;
  p.sectors.fill(true);
  return p;
}

TEST(DecideFromMix, PoliciesActOnThoseTheMixReleases) {
  Fixture f({0, 0, 0, 1});
  ExpeditedRemoval removal;
  removal.share[index_of(Demographic::kSingleAdult)] = 1.0;
  f.spec.policies.push_back(policy(removal));
  f.refresh({true});
  EXPECT_EQ(f.decide(unit(Demographic::kSingleAdult, Citizenship::kHonduras)).kind,
            DispositionKind::kDetention);
  EXPECT_EQ(f.decide(unit(Demographic::kFamilyUnitMember, Citizenship::kHonduras)).kind,
            DispositionKind::kRelease);
  // Those the mix sends to ICE or returns are not the policy's business.
  Fixture to_ice({0, 1, 0, 0});
  to_ice.spec.policies = f.spec.policies;
  to_ice.refresh({true});
  EXPECT_EQ(to_ice.decide(unit(Demographic::kSingleAdult, Citizenship::kHonduras)).kind,
            DispositionKind::kIceTransfer);
}

TEST(DecideFromMix, MexicosAcceptanceByPolicyReturnsWouldBeReleases) {
  Fixture f({0, 0, 0, 1});
  MexicoAcceptance acceptance;
  acceptance.capacity_per_day = 100;
  acceptance.accepts_share.fill(1.0);
  f.spec.policies.push_back(policy(acceptance));
  f.refresh({true});
  EXPECT_EQ(f.decide(unit(Demographic::kSingleAdult, Citizenship::kOther)).kind,
            DispositionKind::kNonMexicanReturn);
}

TEST(DecideFromMix, SharesAreMetWithinFourSigma) {
  Fixture f({0.2, 0.3, 0.0, 0.5});
  f.spec.dispositions.non_mexican_returns_per_day = 1000000;
  f.refresh({});
  constexpr int kDraws = 20000;
  std::array<int, 8> kinds{};
  for (int i = 0; i < kDraws; ++i) {
    ++kinds[static_cast<std::size_t>(
        f.decide(unit(Demographic::kSingleAdult, Citizenship::kGuatemala),
                 static_cast<std::uint64_t>(i))
            .kind)];
  }
  const auto near = [](int got, double p) {
    const double mean = kDraws * p;
    EXPECT_NEAR(got, mean, 4 * std::sqrt(mean * (1 - p)));
  };
  near(kinds[static_cast<std::size_t>(DispositionKind::kNonMexicanReturn)], 0.2);
  near(kinds[static_cast<std::size_t>(DispositionKind::kIceTransfer)], 0.3);
  near(kinds[static_cast<std::size_t>(DispositionKind::kRelease)], 0.5);
}

}  // namespace
}  // namespace bf::model
