// Title 42 expulsions (docs/model.md, "Dispositions") on tiny hand-made worlds, with exact or
// statistically bounded expectations.
#include <gtest/gtest.h>

#include <cmath>

#include "model/encounter_rates.h"
#include "model/world.h"
#include "tiny_world.h"

namespace bf::model {
namespace {

using testing::RecordingObserver;
using testing::run;
using testing::set_level;
using testing::set_title42_share;
using testing::tiny_spec;

constexpr int kSector = 6;  // del_rio
constexpr auto kAdult = Demographic::kSingleAdult;
constexpr auto kFamily = Demographic::kFamilyUnitMember;
constexpr auto kChild = Demographic::kUnaccompaniedChild;

util::Date date(const char* text) { return *util::Date::parse(text); }

// A cell of the arrival table: encounters a day and their Title 42 share, in every month.
void set_cell(ModelSpec& spec, int sector, Demographic d, Citizenship c, double encounters_per_day,
              double title42_share) {
  set_level(spec, sector, d, c, encounters_per_day);
  set_title42_share(spec, sector, d, c, title42_share);
}

// Everyone surrenders at once, is processed at once on ample agents, and a released person
// leaves at once, so the day of each step is known.
ModelSpec prompt_spec(int days) {
  ModelSpec spec = tiny_spec(days);
  spec.arrivals.surrender_probability = {1, 1, 1, 1};
  spec.sectors[kSector].processing_agents = 1000;
  spec.processing.title42_service_time.cv = 0.0;
  spec.dispositions.release_delay = {0, 0};
  spec.dispositions.expedited_removal_share = {0, 0, 0, 0};
  return spec;
}

std::int64_t sum(const RecordingObserver& obs, std::int64_t SectorDay::*field, int sector = kSector,
                 std::size_t first = 0, std::size_t last = SIZE_MAX) {
  std::int64_t t = 0;
  for (std::size_t i = first; i < obs.days.size() && i <= last; ++i) {
    t += obs.days[i].sectors[static_cast<std::size_t>(sector)].*field;
  }
  return t;
}

std::int64_t left_custody(const SectorDay& d) {
  return d.returned_to_mexico + d.title42_expulsions + d.transferred_to_ice + d.released +
         d.transferred_to_orr;
}

std::uint64_t fingerprint(const ModelSpec& spec, std::uint32_t replication = 0) {
  RecordingObserver obs;
  World w(spec, replication);
  w.run(obs);
  return w.fingerprint().value();
}

TEST(WorldTitle42, ShareOneExpelsEveryoneProcessedAndNobodyElseLeaves) {
  ModelSpec spec = prompt_spec(15);
  spec.dispositions.title42_end = date("2024-03-01");        // after the horizon
  spec.dispositions.expedited_removal_share = {1, 1, 0, 0};  // Title 8 would detain adults
  spec.recrossing.title42_probability = {0, 0, 0, 0, 0};
  set_cell(spec, kSector, kAdult, Citizenship::kHonduras, 200, 1.0);
  set_cell(spec, kSector, kAdult, Citizenship::kMexico, 100, 1.0);
  set_cell(spec, kSector, kFamily, Citizenship::kGuatemala, 60, 1.0);
  const RecordingObserver obs = run(spec);
  const std::int64_t encountered = sum(obs, &SectorDay::encounters);
  const std::int64_t expelled = sum(obs, &SectorDay::title42_expulsions);
  ASSERT_GT(encountered, 4000);
  EXPECT_EQ(sum(obs, &SectorDay::returned_to_mexico), 0);
  EXPECT_EQ(sum(obs, &SectorDay::released), 0);
  EXPECT_EQ(sum(obs, &SectorDay::transferred_to_ice), 0);
  EXPECT_EQ(sum(obs, &SectorDay::transferred_to_orr), 0);
  // Everyone encountered was expelled, except those still awaiting the next return batch.
  const DayReport& last = obs.days.back();
  EXPECT_EQ(expelled + last.sectors[kSector].in_custody, encountered);
  EXPECT_EQ(last.system.states.in_mexico, expelled);
  // Return batches are at 06:00, 14:00 and 22:00: only people encountered after about 19:00
  // (transport 3 h, a 30-minute form) of the last day can still be waiting.
  EXPECT_LT(last.sectors[kSector].in_custody, sum(obs, &SectorDay::encounters, kSector, 14));
}

TEST(WorldTitle42, ExpulsionUsesTheShortFormOfProcessing) {
  // One agent: 1440 / 30 = 48 expulsions processed a day instead of 1440 / 75 = 19 cases.
  ModelSpec spec = prompt_spec(6);
  spec.sectors[kSector].processing_agents = 1;
  spec.dispositions.title42_end = date("2024-03-01");
  set_cell(spec, kSector, kAdult, Citizenship::kHonduras, 300, 1.0);
  const RecordingObserver obs = run(spec);
  for (std::size_t i = 1; i < obs.days.size(); ++i) {
    EXPECT_NEAR(static_cast<double>(obs.days[i].sectors[kSector].processed), 48.0, 1.0);
  }
}

TEST(WorldTitle42, ShareZeroOrNoEndDateChangesNothing) {
  ModelSpec base = tiny_spec(20);
  set_level(base, kSector, kAdult, Citizenship::kMexico, 300);
  set_level(base, kSector, kAdult, Citizenship::kHonduras, 200);
  set_level(base, kSector, kFamily, Citizenship::kOther, 150);
  base.sectors[kSector].initial_in_custody = 100;
  ModelSpec zero = base;  // the key, but every share 0
  zero.dispositions.title42_end = date("2024-01-10");
  ModelSpec no_key = base;  // shares in the table, but no key: Title 42 never applies
  set_title42_share(no_key, kSector, kAdult, Citizenship::kMexico, 1.0);
  set_title42_share(no_key, kSector, kAdult, Citizenship::kHonduras, 0.5);
  EXPECT_EQ(fingerprint(zero), fingerprint(base));
  EXPECT_EQ(fingerprint(no_key), fingerprint(base));
  const RecordingObserver a = run(base), b = run(zero), c = run(no_key);
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    for (const RecordingObserver* other : {&b, &c}) {
      const SectorDay& x = a.days[i].sectors[kSector];
      const SectorDay& y = other->days[i].sectors[kSector];
      EXPECT_EQ(y.title42_expulsions, 0);
      EXPECT_EQ(y.encounters, x.encounters);
      EXPECT_EQ(y.returned_to_mexico, x.returned_to_mexico);
      EXPECT_EQ(y.released, x.released);
      EXPECT_EQ(y.transferred_to_ice, x.transferred_to_ice);
    }
  }
}

TEST(WorldTitle42, NobodyEncounteredOnOrAfterTheEndIsExpelled) {
  ModelSpec spec = prompt_spec(20);
  spec.dispositions.title42_end = date("2024-01-11");  // day 10
  spec.recrossing.probability = {0, 0, 0, 0, 0};
  spec.recrossing.title42_probability = {0, 0, 0, 0, 0};
  set_cell(spec, kSector, kAdult, Citizenship::kHonduras, 200, 1.0);
  set_cell(spec, kSector, kAdult, Citizenship::kMexico, 100, 1.0);
  const RecordingObserver obs = run(spec);
  // Everyone encountered up to 23:59 of day 9 is expelled (the last at 06:00 on day 10) ...
  EXPECT_EQ(sum(obs, &SectorDay::title42_expulsions),
            sum(obs, &SectorDay::encounters, kSector, 0, 9));
  EXPECT_EQ(sum(obs, &SectorDay::title42_expulsions, kSector, 11), 0);
  // ... and everyone encountered from 00:00 of day 10 takes the Title 8 path.
  EXPECT_EQ(sum(obs, &SectorDay::released) + sum(obs, &SectorDay::returned_to_mexico) +
                obs.days.back().sectors[kSector].in_custody,
            sum(obs, &SectorDay::encounters, kSector, 10));
  EXPECT_GT(sum(obs, &SectorDay::released), 0);
}

TEST(WorldTitle42, HalfShareExpelsHalfWithinFourSigma) {
  ModelSpec spec = prompt_spec(30);
  spec.dispositions.title42_end = date("2024-03-01");
  spec.recrossing.title42_probability = {0, 0, 0, 0, 0};
  set_cell(spec, kSector, kAdult, Citizenship::kHonduras, 400, 0.5);
  const RecordingObserver obs = run(spec);
  const std::int64_t expelled = sum(obs, &SectorDay::title42_expulsions);
  const std::int64_t released = sum(obs, &SectorDay::released);
  EXPECT_EQ(expelled + released + obs.days.back().sectors[kSector].in_custody,
            sum(obs, &SectorDay::encounters));
  // Each of the n decided people is expelled independently with p = 0.5 (binomial).
  const auto n = static_cast<double>(expelled + released);
  ASSERT_GT(n, 10000);
  EXPECT_NEAR(static_cast<double>(expelled) / n, 0.5, 4 * std::sqrt(0.25 / n));
}

TEST(WorldTitle42, ConversionReproducesTableEncountersInExpectation) {
  // f = 0.5 + 0.5 · 0.6 = 0.8. Honduras: r·q = 0.8 · 0.4 = 0.32 (0 without Title 42);
  // Mexico: r·q = 0.6 · 0.5 + 0.4 · 0.25 = 0.4 (0.25 without): 34% and 18% more encounters
  // per new crosser than the Title 8 conversion, far beyond the 5-sigma band below.
  ModelSpec spec = tiny_spec(45);
  spec.arrivals.surrender_probability = {0.5, 1, 1, 1};
  spec.apprehension.max_probability = 0.8;
  spec.sectors[kSector].agents_on_patrol = 300;
  spec.sectors[kSector].half_saturation_agents = 100;
  spec.sectors[kSector].processing_agents = 1000;
  spec.dispositions.expedited_removal_share = {0, 0, 0, 0};
  spec.dispositions.title42_end = date("2024-03-01");
  spec.recrossing.delay = {2 * 1440, 0};
  spec.recrossing.probability = {0.25, 0, 0, 0, 0};
  spec.recrossing.title42_probability = {0.5, 0.4, 0.4, 0.4, 0.4};
  set_cell(spec, kSector, kAdult, Citizenship::kHonduras, 400, 0.8);
  set_cell(spec, kSector, kAdult, Citizenship::kMexico, 300, 0.6);
  const RecordingObserver obs = run(spec);
  // After a warm-up of repeat attempts (steady state), days 20..44.
  for (auto [c, level] :
       {std::pair{Citizenship::kHonduras, 400.0}, {Citizenship::kMexico, 300.0}}) {
    std::int64_t got = 0;
    for (std::size_t i = 20; i < obs.days.size(); ++i) {
      got += obs.days[i].sectors[kSector].encounters_by_citizenship[index_of(c)];
    }
    const double mean = level * 25;
    EXPECT_NEAR(static_cast<double>(got), mean, 5 * std::sqrt(mean)) << index_of(c);
  }
}

TEST(WorldTitle42, EveryoneIsSomewhereAndCustodyFlowsBalance) {
  ModelSpec spec = testing::busy_spec();  // 2024-01-01 to 2024-02-09
  spec.dispositions.title42_end = date("2024-01-20");
  spec.dispositions.mexican_returns_per_day = 500;  // the shared channel binds
  set_title42_share(spec, kSector, kAdult, Citizenship::kMexico, 0.7);
  set_title42_share(spec, kSector, kAdult, Citizenship::kHonduras, 0.5);
  set_title42_share(spec, kSector, kFamily, Citizenship::kGuatemala, 0.3);
  set_title42_share(spec, 3, kChild, Citizenship::kMexico, 1.0);
  const RecordingObserver obs = run(spec);
  ASSERT_EQ(obs.days.size(), 40u);
  EXPECT_GT(sum(obs, &SectorDay::title42_expulsions), 0);
  EXPECT_GT(sum(obs, &SectorDay::title42_expulsions, 3), 0);
  PerSector<std::int64_t> custody{};
  for (int s = 0; s < kSectorCount; ++s) custody[s] = spec.sectors[s].initial_in_custody;
  for (const DayReport& d : obs.days) {
    const StateCounts& st = d.system.states;
    EXPECT_EQ(st.sum_of_states(), st.entered) << d.date.to_string();
    std::int64_t in_custody = 0;
    for (int s = 0; s < kSectorCount; ++s) {
      const SectorDay& sd = d.sectors[s];
      // Custody changes by encounters in and dispositions out, Title 42 included.
      custody[s] += sd.encounters - left_custody(sd);
      EXPECT_EQ(sd.in_custody, custody[s]) << d.date.to_string() << " sector " << s;
      EXPECT_EQ(left_custody(sd), sd.custody_time.people) << d.date.to_string();
      in_custody += sd.in_custody;
    }
    EXPECT_EQ(in_custody, st.in_custody);
  }
}

TEST(WorldTitle42, SameSeedSameRunOtherSeedOtherRun) {
  ModelSpec spec = tiny_spec(20);
  spec.dispositions.title42_end = date("2024-01-12");
  set_cell(spec, kSector, kAdult, Citizenship::kMexico, 300, 0.9);
  set_cell(spec, kSector, kFamily, Citizenship::kOther, 300, 0.4);
  EXPECT_EQ(fingerprint(spec, 0), fingerprint(spec, 0));
  EXPECT_NE(fingerprint(spec, 0), fingerprint(spec, 1));
  ModelSpec other = spec;
  other.seed = 8;
  EXPECT_NE(fingerprint(spec, 0), fingerprint(other, 0));
  const RecordingObserver a = run(spec), b = run(spec);
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    EXPECT_EQ(a.days[i].sectors[kSector].title42_expulsions,
              b.days[i].sectors[kSector].title42_expulsions);
  }
}

}  // namespace
}  // namespace bf::model
