#pragma once
// Processing agents per sector from the encounters the run is fed (scenario key
// processing.agents_from_encounters; docs/model.md, "Processing capacity from the record").
//
// DHS OHSS books out every month's encounters within the month: the record's processing
// throughput was at least each month's encounters. Per sector, the agent-hours a day of a
// month's encounters need are the sum over the arrival table's cells of encounters per day ×
// the mean processing time of one person (a Title 42 expulsion's while it applies, for the
// month's expelled share; the demographic's otherwise). The sector gets enough agents for
// its busiest month of the run at the given utilization:
//   agents = max(1, ceil(max over months of agent-minutes a day / (1440 × utilization))).
// Daily surges above the month's mean (and scenario `surges`) still queue.

#include "model/model_spec.h"

namespace bf::model {

// Agents per sector for the months of `spec`'s run (spec.start_date, spec.days), from its
// arrival levels, processing times and Title 42 period. `utilization` in (0, 1]. A count
// beyond int is saturated at its maximum.
PerSector<int> processing_agents_from_encounters(const ModelSpec& spec, double utilization);

}  // namespace bf::model
