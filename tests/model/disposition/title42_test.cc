// The Title 42 expulsion decision alone: its probability bounds, the date cut-off, the month
// whose share is read, ports of entry, and when it draws.
#include "model/disposition/title42.h"

#include <gtest/gtest.h>

#include "../tiny_world.h"
#include "model/custody/custody_station.h"
#include "model/random_purpose.h"

namespace bf::model {
namespace {

constexpr int kTucson = 3;

util::Date date(const char* iso) { return *util::Date::parse(iso); }

engine::RandomStream title42_stream(std::uint64_t entity) {
  return engine::RandomStream(7, 0, static_cast<std::uint8_t>(Purpose::kTitle42), entity);
}

Unit adult_in(int station) {
  Unit u;
  u.station = static_cast<std::uint8_t>(station);
  u.demographic = Demographic::kSingleAdult;
  u.citizenship = Citizenship::kGuatemala;
  return u;
}

// The share of `n` attempts expelled on `on` with the share of `share_day`'s month.
double expelled_share(const Unit& u, const ModelSpec& spec, const ArrivalGenerator& arrivals,
                      int share_day, util::Date on, int n) {
  int expelled = 0;
  for (int i = 0; i < n; ++i) {
    engine::RandomStream rs = title42_stream(static_cast<std::uint64_t>(i));
    expelled += expelled_under_title42(u, spec.dispositions, arrivals, share_day, on, rs) ? 1 : 0;
  }
  return static_cast<double>(expelled) / n;
}

// January's share 0.3, February's 1.0 (spec from 2024-01-01, 60 days).
ModelSpec two_month_spec() {
  ModelSpec spec = testing::tiny_spec(60);
  for (auto& l : spec.arrivals.levels) {
    if (l.sector == kTucson && l.demographic == Demographic::kSingleAdult &&
        l.citizenship == Citizenship::kGuatemala) {
      l.title42_share = l.month.month == 1 ? 0.3 : 1.0;
    }
  }
  return spec;
}

TEST(Title42, NeverWithoutAnEndDate) {
  const ModelSpec spec = two_month_spec();
  const ArrivalGenerator arrivals(spec);
  EXPECT_EQ(expelled_share(adult_in(kTucson), spec, arrivals, 40, date("2024-02-10"), 200), 0.0);
}

TEST(Title42, ProbabilityIsTheMonthsShareUntilTheEndMonth) {
  ModelSpec spec = two_month_spec();
  spec.dispositions.title42_end = date("2024-06-01");
  const ArrivalGenerator arrivals(spec);
  const Unit u = adult_in(kTucson);
  EXPECT_EQ(expelled_share(u, spec, arrivals, 40, date("2024-02-10"), 500), 1.0);  // share 1
  const double january = expelled_share(u, spec, arrivals, 0, date("2024-01-10"), 4000);
  EXPECT_NEAR(january, 0.3, 0.03);
  // The share is read from share_day's month, whatever the date (the initial state).
  EXPECT_EQ(expelled_share(u, spec, arrivals, 0, date("2024-02-10"), 4000), january);
  // A cell without a share is never expelled.
  Unit mexican = u;
  mexican.citizenship = Citizenship::kMexico;
  EXPECT_EQ(expelled_share(mexican, spec, arrivals, 40, date("2024-02-10"), 200), 0.0);
}

TEST(Title42, CutOffAtTheEndDateAndScaledInTheEndMonth) {
  ModelSpec spec = two_month_spec();
  spec.dispositions.title42_end = date("2024-01-21");  // 20 of January's 31 days
  const ArrivalGenerator arrivals(spec);
  const Unit u = adult_in(kTucson);
  EXPECT_NEAR(expelled_share(u, spec, arrivals, 0, date("2024-01-20"), 4000), 0.3 * 31 / 20, 0.03);
  EXPECT_EQ(expelled_share(u, spec, arrivals, 0, date("2024-01-21"), 200), 0.0);
  EXPECT_EQ(expelled_share(u, spec, arrivals, 40, date("2024-02-10"), 200), 0.0);
}

TEST(Title42, WhenEncounteredReadsThatDaysDateAndMonthOrTheFirstMonthBeforeTheRun) {
  ModelSpec spec = two_month_spec();
  spec.dispositions.title42_end = date("2024-01-01");  // ended on the first day
  const ArrivalGenerator arrivals(spec);
  const Unit u = adult_in(kTucson);
  const auto expelled_at = [&](engine::SimTime minute) {
    engine::RandomStream rs = title42_stream(3);
    return expelled_when_encountered(u, spec, arrivals, minute, rs);
  };
  // Encountered a minute before the first day: 2023-12-31, still under Title 42, with the
  // first month's share (0.3, not scaled: Title 42 ends in January, not December).
  int before = 0;
  int on_day0 = 0;
  for (std::uint64_t i = 0; i < 4000; ++i) {
    engine::RandomStream rs = title42_stream(i);
    before += expelled_when_encountered(u, spec, arrivals, -1, rs) ? 1 : 0;
    engine::RandomStream rs0 = title42_stream(i);
    on_day0 += expelled_when_encountered(u, spec, arrivals, 0, rs0) ? 1 : 0;
  }
  EXPECT_NEAR(before / 4000.0, 0.3, 0.03);
  EXPECT_EQ(on_day0, 0);  // 2024-01-01: ended
  EXPECT_FALSE(expelled_at(40 * engine::kMinutesPerDay));

  spec.dispositions.title42_end = date("2024-06-01");
  const ArrivalGenerator later(spec);
  engine::RandomStream rs = title42_stream(3);
  // Day 40 is in February: share 1.
  EXPECT_TRUE(expelled_when_encountered(u, spec, later, 40 * engine::kMinutesPerDay + 5, rs));
}

TEST(Title42, NeverAtPortsOfEntry) {
  ModelSpec spec = two_month_spec();
  spec.dispositions.title42_end = date("2024-06-01");
  const ArrivalGenerator arrivals(spec);
  EXPECT_EQ(expelled_share(adult_in(port_station(0)), spec, arrivals, 40, date("2024-02-10"), 200),
            0.0);
}

TEST(Title42, DrawsOneNumberOnlyWhenTheProbabilityIsPositive) {
  ModelSpec spec = two_month_spec();
  spec.dispositions.title42_end = date("2024-06-01");
  const ArrivalGenerator arrivals(spec);
  Unit mexican = adult_in(kTucson);
  mexican.citizenship = Citizenship::kMexico;  // share 0
  engine::RandomStream rs = title42_stream(1);
  EXPECT_FALSE(
      expelled_under_title42(mexican, spec.dispositions, arrivals, 40, date("2024-02-10"), rs));
  EXPECT_EQ(rs.uniform(), title42_stream(1).uniform());  // untouched

  engine::RandomStream drawn = title42_stream(1);
  EXPECT_TRUE(expelled_under_title42(adult_in(kTucson), spec.dispositions, arrivals, 40,
                                     date("2024-02-10"), drawn));
  engine::RandomStream fresh = title42_stream(1);
  fresh.uniform();
  EXPECT_EQ(drawn.uniform(), fresh.uniform());  // one number used
}

}  // namespace
}  // namespace bf::model
