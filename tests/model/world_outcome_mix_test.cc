// The outcome mix in a World (docs/model.md, "Dispositions: the calibrated outcome mix"):
// transfers to ICE split into detention book-ins and releases by ICE, shares met within
// statistical bounds, conservation, and determinism.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "model/world.h"
#include "tiny_world.h"

namespace bf::model {
namespace {

using testing::RecordingObserver;
using testing::run;
using testing::set_level;
using testing::tiny_spec;

constexpr int kSector = 6;  // del_rio

// `days` days from 2024-01-01 with a mix of `shares` for every cell, book-in share `book_in`.
ModelSpec mix_spec(int days, OutcomeShares shares, double book_in) {
  ModelSpec spec = tiny_spec(days);
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  spec.sectors[kSector].processing_agents = 1000;
  spec.dispositions.expedited_removal_share.fill(0.0);
  spec.dispositions.mexico_accepts_share.fill(0.0);
  spec.dispositions.non_mexican_returns_per_day = 100000;
  spec.detention.beds = 1000000;
  const util::YearMonth last = (spec.start_date + (days - 1)).year_month();
  for (util::YearMonth m = spec.start_date.year_month(); m <= last; m = m.next()) {
    OutcomeMixMonth month;
    month.month = m;
    month.ice_book_in_share = book_in;
    for (auto& by_citizenship : month.shares) by_citizenship.fill(shares);
    spec.dispositions.outcome_mix.months.push_back(month);
  }
  return spec;
}

std::int64_t total(const RecordingObserver& obs, std::int64_t SectorDay::*field) {
  std::int64_t t = 0;
  for (const DayReport& d : obs.days) t += d.sectors[kSector].*field;
  return t;
}

std::int64_t book_ins(const RecordingObserver& obs) {
  std::int64_t t = 0;
  for (const DayReport& d : obs.days) t += d.system.detention_book_ins;
  return t;
}

TEST(WorldOutcomeMix, EveryTransferToIceIsBookedInOrReleasedByIce) {
  ModelSpec spec = mix_spec(30, {0, 1, 0, 0}, 0.4);
  set_level(spec, kSector, Demographic::kSingleAdult, Citizenship::kHonduras, 400);
  const RecordingObserver obs = run(spec);
  const std::int64_t to_ice = total(obs, &SectorDay::transferred_to_ice);
  const std::int64_t by_ice = total(obs, &SectorDay::released_by_ice);
  ASSERT_GT(to_ice, 10000);
  EXPECT_EQ(book_ins(obs) + by_ice, to_ice);
  EXPECT_EQ(total(obs, &SectorDay::released), 0);
  const double mean = 0.4 * static_cast<double>(to_ice);
  EXPECT_NEAR(static_cast<double>(book_ins(obs)), mean, 4 * std::sqrt(mean * 0.6));
}

TEST(WorldOutcomeMix, DecisionsAreCountedOnTheDayTheyAreMade) {
  // Half to ICE, half released, both four days after processing: the decisions come the day
  // of the encounter (transport and processing take hours), the book-outs four days later.
  ModelSpec spec = mix_spec(20, {0, 0.5, 0, 0.5}, 1.0);
  spec.dispositions.release_delay = {4 * kMinutesPerDay, 0};
  spec.dispositions.ice_transfer_delay = {4 * kMinutesPerDay, 0};
  set_level(spec, kSector, Demographic::kSingleAdult, Citizenship::kHonduras, 200);
  const RecordingObserver obs = run(spec);
  for (std::size_t day = 0; day < 4; ++day) {
    const SectorDay& s = obs.days[day].sectors[kSector];
    EXPECT_EQ(s.released, 0) << day;
    EXPECT_EQ(s.transferred_to_ice, 0) << day;
    EXPECT_GT(s.releases_decided, 0) << day;
    EXPECT_GT(s.ice_transfers_decided, 0) << day;
  }
  // Everyone decided before the last four days has left by the end.
  std::int64_t released_decided = 0;
  std::int64_t ice_decided = 0;
  for (std::size_t day = 0; day + 4 < obs.days.size(); ++day) {
    released_decided += obs.days[day].sectors[kSector].releases_decided;
    ice_decided += obs.days[day].sectors[kSector].ice_transfers_decided;
  }
  EXPECT_EQ(total(obs, &SectorDay::released), released_decided);
  EXPECT_EQ(total(obs, &SectorDay::transferred_to_ice), ice_decided);
}

TEST(WorldOutcomeMix, MoreBedsThanTheReplayBookInMore) {
  // The mix's book-in share 0.4 was measured with 1,000,000 beds (this spec is its own
  // reference); a counterfactual with twice the beds books in 0.8 of the transfers.
  ModelSpec replay = mix_spec(30, {0, 1, 0, 0}, 0.4);
  set_level(replay, kSector, Demographic::kSingleAdult, Citizenship::kHonduras, 400);
  ModelSpec more = replay;
  more.detention.beds = 2 * replay.detention.beds;
  more.arrivals.conversion_reference = std::make_shared<const ModelSpec>(replay);
  const RecordingObserver a = run(replay);
  const RecordingObserver b = run(more);
  const auto share = [](const RecordingObserver& obs) {
    return static_cast<double>(book_ins(obs)) /
           static_cast<double>(total(obs, &SectorDay::transferred_to_ice));
  };
  // About 12,000 transfers: four standard deviations of a share are under 0.02.
  EXPECT_NEAR(share(a), 0.4, 0.02);
  EXPECT_NEAR(share(b), 0.8, 0.02);
  // Common random numbers: the same people are handed over.
  EXPECT_EQ(total(a, &SectorDay::transferred_to_ice), total(b, &SectorDay::transferred_to_ice));
}

TEST(WorldOutcomeMix, WithoutBedsIceReleasesEveryone) {
  ModelSpec spec = mix_spec(10, {0, 1, 0, 0}, 1.0);
  spec.detention.beds = 0;
  set_level(spec, kSector, Demographic::kSingleAdult, Citizenship::kHonduras, 100);
  const RecordingObserver obs = run(spec);
  EXPECT_GT(total(obs, &SectorDay::transferred_to_ice), 0);
  EXPECT_EQ(book_ins(obs), 0);
  EXPECT_EQ(total(obs, &SectorDay::released_by_ice), total(obs, &SectorDay::transferred_to_ice));
}

TEST(WorldOutcomeMix, FlowsFollowTheSharesWithinFourSigma) {
  constexpr OutcomeShares kShares = {0.25, 0.15, 0.0, 0.6};
  ModelSpec spec = mix_spec(30, kShares, 0.5);
  set_level(spec, kSector, Demographic::kSingleAdult, Citizenship::kMexico, 300);
  const RecordingObserver obs = run(spec);
  const double left = static_cast<double>(total(obs, &SectorDay::returned_to_mexico) +
                                          total(obs, &SectorDay::transferred_to_ice) +
                                          total(obs, &SectorDay::released));
  ASSERT_GT(left, 5000);
  const auto near = [left](std::int64_t got, double p) {
    EXPECT_NEAR(static_cast<double>(got), left * p, 4 * std::sqrt(left * p * (1 - p)));
  };
  near(total(obs, &SectorDay::returned_to_mexico), kShares[0]);
  near(total(obs, &SectorDay::transferred_to_ice), kShares[1]);
  near(total(obs, &SectorDay::released), kShares[3]);
}

TEST(WorldOutcomeMix, EveryoneIsSomewhereEveryDay) {
  ModelSpec spec = testing::busy_spec();
  spec.dispositions.outcome_mix = mix_spec(40, {0.2, 0.3, 0.1, 0.4}, 0.5).dispositions.outcome_mix;
  spec.dispositions.non_mexican_returns_per_day = 50;  // the intake binds
  const RecordingObserver obs = run(spec);
  for (const DayReport& d : obs.days) {
    EXPECT_EQ(d.system.states.sum_of_states(), d.system.states.entered) << d.date.to_string();
    for (const SectorDay& s : d.sectors) {
      EXPECT_EQ(s.returned_to_mexico + s.title42_expulsions + s.remain_in_mexico +
                    s.transferred_to_ice + s.released + s.transferred_to_orr,
                s.custody_time.people)
          << d.date.to_string();
      EXPECT_LE(s.released_by_ice, s.transferred_to_ice);
    }
  }
}

TEST(WorldOutcomeMix, SameSeedSameRunOtherSeedOtherRun) {
  ModelSpec spec = mix_spec(15, {0.2, 0.3, 0.0, 0.5}, 0.5);
  set_level(spec, kSector, Demographic::kFamilyUnitMember, Citizenship::kGuatemala, 200);
  const auto fingerprint = [](const ModelSpec& s) {
    World world(s, 0);
    RecordingObserver obs;
    world.run(obs);
    return world.fingerprint().value();
  };
  EXPECT_EQ(fingerprint(spec), fingerprint(spec));
  ModelSpec other = spec;
  other.seed = 8;
  EXPECT_NE(fingerprint(spec), fingerprint(other));
}

}  // namespace
}  // namespace bf::model
