// The ports' day alone: the appointment quota split in whole people, officers redeployed,
// and closures triggered by a sector's custody with hysteresis.
#include "model/ports/ports_of_entry.h"

#include <gtest/gtest.h>

#include <vector>

#include "model/custody/custody_station.h"

namespace bf::model {
namespace {

constexpr int kDelRio = 6;
constexpr auto kCar = static_cast<std::size_t>(Mode::kPassengerVehicle);

ModelSpec spec_with_three_crossings() {
  ModelSpec spec;
  spec.start_date = *util::Date::parse("2024-01-01");
  spec.days = 10;
  for (const char* key : {"a", "b", "c"}) {
    CrossingSpec c;
    c.key = key;
    c.name = key;
    c.sector = kDelRio;
    c.traffic_officers = 4;
    c.appointment_share = 1.0 / 3.0;
    spec.ports.crossings.push_back(c);
  }
  return spec;
}

TEST(PortsOfEntry, TheQuotaIsSplitInWholePeopleThatAddUp) {
  const ModelSpec spec = spec_with_three_crossings();
  const PortsOfEntry ports(spec, 0);
  std::vector<PortsOfEntry::Presenting> people;
  ports.people_presenting(0, 100, {0, 0, 1.0}, people);
  std::vector<std::int64_t> per_crossing(3, 0);
  for (const auto& p : people) {
    ASSERT_TRUE(p.appointment);  // nobody without an appointment: inadmissibles_per_day 0
    EXPECT_GE(p.time, 8 * 60);   // kept 08:00-17:00
    EXPECT_LT(p.time, 17 * 60);
    per_crossing[p.crossing] += p.size;
  }
  EXPECT_EQ(per_crossing, (std::vector<std::int64_t>{33, 33, 34}));
}

TEST(PortsOfEntry, RedeployedOfficersGoToTheirSectorsProcessing) {
  ModelSpec spec = spec_with_three_crossings();
  spec.ports.redeployments.push_back(
      {1, kDelRio, 6.0, *util::Date::parse("2024-01-02"), *util::Date::parse("2024-01-02")});
  PortsOfEntry ports(spec, 0);
  const DayLevers levers = resolve_levers(spec, spec.start_date, {}, PerSector<double>{});
  EXPECT_EQ(ports.plan_day(0, levers)[kDelRio], 0.0);
  // Only the 4 officers on duty there can be moved.
  EXPECT_EQ(ports.plan_day(1, levers)[kDelRio], 4.0);
}

TEST(PortsOfEntry, TriggeredClosuresFollowCustodyWithHysteresis) {
  ModelSpec spec = spec_with_three_crossings();
  ClosureSpec closure;
  closure.crossing = 0;
  closure.modes[kCar] = true;
  closure.scheduled = false;
  closure.trigger_sector = kDelRio;
  closure.custody_above = 100;
  closure.custody_below = 50;
  spec.ports.closures.push_back(closure);
  PortsOfEntry ports(spec, 0);
  PerSector<std::int64_t> custody{};
  const auto closed_after = [&](std::int64_t people) {
    custody[kDelRio] = people;
    ports.end_day(custody);
    return ports.closure_triggered(0);
  };
  EXPECT_FALSE(closed_after(100));  // not above
  EXPECT_TRUE(closed_after(101));
  EXPECT_TRUE(closed_after(51));  // stays closed until at or below 50
  EXPECT_FALSE(closed_after(50));
}

}  // namespace
}  // namespace bf::model
