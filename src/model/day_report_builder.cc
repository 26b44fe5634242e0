#include "model/day_report_builder.h"

namespace bf::model {

DayReport build_day_report(const DayReportSources& in, int day_index, engine::SimTime now) {
  DayReport report;
  report.day_index = day_index;
  report.date = in.spec.start_date + day_index;
  const engine::SimTime standard = in.spec.processing.custody_standard;

  std::vector<std::int64_t> over_standard(in.stations.size(), 0);
  std::int64_t awaiting_bed = 0;
  for (const Unit& u : in.units.slots()) {
    if (u.state != UnitState::kInCustody) continue;
    if (now - u.custody_start > standard) over_standard[u.station] += u.size;
    if (u.step == CustodyStep::kAwaitingBed) awaiting_bed += u.size;
  }

  for (std::size_t s = 0; s < kSectorCount; ++s) {
    report.sectors[s] = in.stations[s].sector_day(in.levers.holding_capacity[s], over_standard[s],
                                                  in.levers.agents_on_patrol[s]);
  }
  report.ports = in.ports.traffic_today();
  for (std::size_t c = 0; c < report.ports.size(); ++c) {
    in.stations[static_cast<std::size_t>(port_station(c))].fill_port_day(report.ports[c]);
    report.ports[c].appointments = in.ports.appointments_today(c);
  }
  report.policies_in_force = in.policies_in_force;

  const StateCounts& states = in.ledger.counts();
  SystemDay& sys = report.system;
  sys.custody_time = in.stations.southwest_custody_time();
  sys.detention_population = states.in_detention;  // beds in transfer are not yet filled
  sys.detention_beds = in.detention.beds().beds();
  sys.detention_book_ins = in.detention.today().book_ins;
  sys.detention_releases = in.detention.today().releases;
  sys.removals_by_destination = in.detention.today().removals;
  sys.awaiting_detention_bed = awaiting_bed;
  sys.orr_population = states.in_orr;
  sys.orr_beds = in.orr.beds().beds();
  sys.orr_releases = in.orr.releases_today();
  sys.waiting_in_mexico = states.waiting_in_mexico;
  sys.states = states;
  return report;
}

}  // namespace bf::model
