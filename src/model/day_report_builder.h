#pragma once
// The day's report (day_report.h) built from the components at the end of a day: the
// custody stations, the units still in custody, the population ledger, ICE detention, the
// ORR shelters, the ports and the levers in force. Reads them and changes nothing; the
// World calls it after the day's last event and before closing the day.

#include <cstdint>
#include <vector>

#include "engine/sim_time.h"
#include "model/custody/custody_stations.h"
#include "model/day_levers.h"
#include "model/day_report.h"
#include "model/detention/ice_detention.h"
#include "model/detention/orr_shelters.h"
#include "model/model_spec.h"
#include "model/population_ledger.h"
#include "model/ports/ports_of_entry.h"
#include "model/unit.h"

namespace bf::model {

// What a day's report is read from; every reference must outlive the call.
struct DayReportSources {
  const ModelSpec& spec;            // custody standard, agents on patrol
  const DayLevers& levers;          // holding capacity in force
  const UnitStore& units;           // scanned: people held over the standard, awaiting an ICE bed
  const CustodyStations& stations;  // the sectors, then one per crossing
  const PopulationLedger& ledger;
  const IceDetention& detention;
  const OrrShelters& orr;
  const PortsOfEntry& ports;  // traffic and appointments; empty without ports
  const std::vector<bool>& policies_in_force;
};

// The report of day `day_index` (0 = spec.start_date), read at `now` (minutes, the end of
// the day): per sector, per crossing and for the system.
DayReport build_day_report(const DayReportSources& sources, int day_index, engine::SimTime now);

}  // namespace bf::model
