// The day's report alone, read from hand-made station, ledger, detention, shelter and port
// states: no World.
#include "model/day_report_builder.h"

#include <gtest/gtest.h>

#include <vector>

#include "tiny_world.h"

namespace bf::model {
namespace {

constexpr int kTucson = 3;
constexpr int kDelRio = 6;
constexpr engine::SimTime kEndOfDay2 = 3 * engine::kMinutesPerDay;  // day index 2

// A world with one crossing (in Del Rio); 2 processing agents per sector, 1 officer at the
// crossing.
ModelSpec spec_with_a_crossing() {
  ModelSpec spec = testing::tiny_spec(5);
  for (SectorSpec& s : spec.sectors) s.processing_agents = 2;
  CrossingSpec c;
  c.key = "del-rio";
  c.name = "Del Rio";
  c.sector = kDelRio;
  c.processing_officers = 1;
  spec.ports.crossings.push_back(c);
  return spec;
}

// Hand-made components of that world, nothing scheduled.
struct Parts {
  ModelSpec spec = spec_with_a_crossing();
  DayLevers levers;
  UnitStore units;
  CustodyStations stations{spec};
  PopulationLedger ledger;
  IceDetention detention{100};
  OrrShelters orr{20};
  std::vector<bool> in_force{true, false};

  // A unit of `size` in custody at `station` since `since`, at `step`.
  void hold(int station, std::uint16_t size, engine::SimTime since, CustodyStep step) {
    Unit& u = units[units.allocate()];
    u.station = static_cast<std::uint8_t>(station);
    u.size = size;
    ledger.enter(u);
    ledger.move(u, UnitState::kInCustody);
    u.custody_start = since;
    u.step = step;
    stations[static_cast<std::size_t>(station)].admit(size);
  }

  DayReport report(const PortsOfEntry& ports) const {
    return build_day_report(
        {spec, levers, units, stations, ledger, detention, orr, ports, in_force}, 2, kEndOfDay2);
  }
};

TEST(DayReportBuilder, SectorsReadTheirStationsWithTheLeversAndTheUnitsHeldOverTheStandard) {
  Parts p;
  p.levers.holding_capacity[kTucson] = 3;
  p.levers.agents_on_patrol[kTucson] = 12.5;  // the day's, an agents policy included
  // 72 hours is the standard: held 73 h is over, held exactly 72 h is not.
  p.hold(kTucson, 4, kEndOfDay2 - 73 * 60, CustodyStep::kAwaitingRelease);
  p.hold(kTucson, 1, kEndOfDay2 - 72 * 60, CustodyStep::kAwaitingBed);
  p.hold(kDelRio, 2, kEndOfDay2 - 10, CustodyStep::kAwaitingOrrBed);
  p.stations[kTucson].today().crossings = 9;
  const PortsOfEntry no_traffic(p.spec, 0);

  const DayReport r = p.report(no_traffic);
  EXPECT_EQ(r.day_index, 2);
  EXPECT_EQ(r.date, *util::Date::parse("2024-01-03"));
  const SectorDay& tucson = r.sectors[kTucson];
  EXPECT_EQ(tucson.crossings, 9);
  EXPECT_EQ(tucson.in_custody, 5);
  EXPECT_EQ(tucson.held_over_72h, 4);
  EXPECT_EQ(tucson.holding_capacity, 3);
  EXPECT_EQ(tucson.over_capacity, 2);
  EXPECT_EQ(tucson.processing_agents, 2);
  EXPECT_EQ(tucson.agents_on_patrol, 12.5);
  EXPECT_EQ(r.sectors[kDelRio].in_custody, 2);
  EXPECT_EQ(r.sectors[kDelRio].held_over_72h, 0);
  // Only those waiting for an ICE bed count as awaiting one (not a child awaiting ORR).
  EXPECT_EQ(r.system.awaiting_detention_bed, 1);
  EXPECT_EQ(r.policies_in_force, (std::vector<bool>{true, false}));
}

TEST(DayReportBuilder, TheSystemReadsTheLedgerDetentionAndShelters) {
  Parts p;
  p.hold(kTucson, 3, kEndOfDay2 - 60, CustodyStep::kAwaitingRelease);
  Unit& detained = p.units[p.units.allocate()];
  detained.size = 2;
  p.ledger.enter(detained);
  p.ledger.move(detained, UnitState::kInDetention);
  p.detention.beds().occupy(7);
  p.detention.book_in(2);
  p.detention.release(1);
  p.orr.beds().occupy(5);
  p.orr.release(2);
  // 4 people left Tucson's custody after 30 hours, 1 the crossing's (not the Southwest's).
  p.stations[kTucson].admit(4);
  p.stations.leave(kTucson, 4, 30 * 60);
  p.stations[static_cast<std::size_t>(port_station(0))].admit(1);
  p.stations.leave(port_station(0), 1, 2 * 60);

  const PortsOfEntry no_traffic(p.spec, 0);
  const SystemDay& sys = p.report(no_traffic).system;
  EXPECT_EQ(sys.detention_population, 2);  // from the ledger, not the beds taken
  EXPECT_EQ(sys.detention_beds, 100);
  EXPECT_EQ(sys.detention_book_ins, 2);
  EXPECT_EQ(sys.detention_releases, 1);
  EXPECT_EQ(sys.orr_beds, 20);
  EXPECT_EQ(sys.orr_releases, 2);
  EXPECT_EQ(sys.custody_time.people, 4);
  EXPECT_DOUBLE_EQ(sys.custody_time.mean_hours, 30.0);
  EXPECT_EQ(sys.states.entered, 5);
  EXPECT_EQ(sys.states.in_custody, 3);
  EXPECT_EQ(sys.states.in_detention, 2);
  EXPECT_EQ(sys.states.sum_of_states(), sys.states.entered);
}

TEST(DayReportBuilder, EachCrossingJoinsItsTrafficWithItsStationsPeople) {
  Parts p;
  const int station = port_station(0);
  p.hold(station, 2, kEndOfDay2 - 60, CustodyStep::kAwaitingRelease);
  p.stations[static_cast<std::size_t>(station)].today().encounters = 2;
  p.stations[static_cast<std::size_t>(station)].today().released = 1;
  PortsOfEntry ports(p.spec, 0);
  p.levers.closed.resize(1);  // no crossing closed by a policy
  ports.plan_day(2, p.levers);
  ports.run_traffic(2);
  ports.count_appointments(0, 2);

  const DayReport r = p.report(ports);
  ASSERT_EQ(r.ports.size(), 1u);
  EXPECT_EQ(r.ports[0].crossing, "del-rio");
  EXPECT_EQ(r.ports[0].encounters, 2);
  EXPECT_EQ(r.ports[0].in_custody, 2);
  EXPECT_EQ(r.ports[0].released, 1);
  EXPECT_EQ(r.ports[0].appointments, 2);
  EXPECT_EQ(r.sectors[kDelRio].in_custody, 0);  // a port's people are not the sector's
}

}  // namespace
}  // namespace bf::model
