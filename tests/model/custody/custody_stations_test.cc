// All custody stations alone: built from the spec, the sectors' servers of the day, and what
// is pooled over the Southwest's sectors (time in custody, encounters) without the ports.
#include "model/custody/custody_stations.h"

#include <gtest/gtest.h>

#include <vector>

namespace bf::model {
namespace {

constexpr int kTucson = 3;
constexpr int kDelRio = 6;

ModelSpec spec_with_a_crossing() {
  ModelSpec spec;
  for (SectorSpec& s : spec.sectors) s.processing_agents = 1;
  CrossingSpec c;
  c.key = "eagle-pass";
  c.sector = kDelRio;
  c.processing_officers = 3;
  spec.ports.crossings.push_back(c);
  return spec;
}

TEST(CustodyStations, SectorsFirstThenOnePerCrossing) {
  const CustodyStations stations(spec_with_a_crossing());
  ASSERT_EQ(stations.size(), static_cast<std::size_t>(kSectorCount) + 1);
  EXPECT_EQ(stations[kTucson].processing_servers(), 1);
  EXPECT_EQ(stations[static_cast<std::size_t>(port_station(0))].processing_servers(), 3);
}

TEST(CustodyStations, APortsPoliciesAreThoseOfTheSectorItLiesIn) {
  const CustodyStations stations(spec_with_a_crossing());
  EXPECT_EQ(stations.policy_sector(kTucson), kTucson);
  EXPECT_EQ(stations.policy_sector(port_station(0)), kDelRio);
}

TEST(CustodyStations, SectorServersAreAgentsPlusWholeOfficersAndStartTheQueuesInSectorOrder) {
  CustodyStations stations(spec_with_a_crossing());
  for (UnitHandle h : {10, 11}) {
    stations[kDelRio].admit(1);
    stations[kDelRio].queue_for_processing(h, Demographic::kSingleAdult);  // 10 starts
  }
  stations[kTucson].admit(1);
  stations[kTucson].queue_for_processing(20, Demographic::kSingleAdult);  // starts
  stations[kTucson].queue_for_processing(21, Demographic::kSingleAdult);
  PerSector<int> agents{};
  agents.fill(2);
  PerSector<double> extra{};
  extra[kDelRio] = 1.9;  // one whole officer
  EXPECT_EQ(stations.set_sector_servers(agents, extra), (std::vector<UnitHandle>{21, 11}));
  EXPECT_EQ(stations[kDelRio].processing_servers(), 3);
  EXPECT_EQ(stations[kTucson].processing_servers(), 2);
  // The crossing's officers are the ports' business.
  EXPECT_EQ(stations[static_cast<std::size_t>(port_station(0))].processing_servers(), 3);
}

TEST(CustodyStations, TheSouthwestPoolsTheSectorsButNotThePorts) {
  CustodyStations stations(spec_with_a_crossing());
  const auto port = static_cast<std::size_t>(port_station(0));
  stations[kTucson].admit(2);
  stations[kTucson].today().encounters = 2;
  stations[kDelRio].admit(3);
  stations[kDelRio].today().encounters = 3;
  stations[port].admit(5);
  stations[port].today().encounters = 5;
  stations.leave(kTucson, 2, 10 * 60);
  stations.leave(kDelRio, 1, 20 * 60);
  stations.leave(port_station(0), 5, 100 * 60);

  const CustodyTimeSummary southwest = stations.southwest_custody_time();
  EXPECT_EQ(southwest.people, 3);
  EXPECT_DOUBLE_EQ(southwest.mean_hours, (2 * 10 + 20) / 3.0);
  EXPECT_EQ(stations[port].custody_time().people, 5);
  EXPECT_EQ(stations.southwest_encounters(), 5);
  const PerSector<std::int64_t> held = stations.sector_in_custody();
  EXPECT_EQ(held[kTucson], 0);
  EXPECT_EQ(held[kDelRio], 2);

  stations.end_day();
  EXPECT_EQ(stations.southwest_custody_time().people, 0);
  EXPECT_EQ(stations.southwest_encounters(), 0);
  EXPECT_EQ(stations[port].today().encounters, 0);
  EXPECT_EQ(stations.sector_in_custody()[kDelRio], 2);  // stocks stay
}

}  // namespace
}  // namespace bf::model
