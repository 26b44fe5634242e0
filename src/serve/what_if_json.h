#pragma once
// The answer of POST /api/run as JSON (the fields are listed in docs/serve.md): the paired
// whole-run comparison of every compare metric, the whole-border daily series of both sides
// with the daily paired difference and its band, and the sectors' daily series.

#include <nlohmann/json.hpp>

#include "model/model_spec.h"
#include "scenario/overrides.h"
#include "serve/what_if_run.h"

namespace bf::serve {

// Precondition: both sides ran the same number (> 0) of replications of specs with the same
// start and days. `ports`: report the port metrics too.
nlohmann::json what_if_json(const SideRuns& baseline, const SideRuns& changed, bool ports);

// {id, name, start, end, days, seed, sectors: [{key, name, agents_on_patrol,
// processing_agents}]} of a spec; `id` is the library's file stem.
nlohmann::json scenario_json(const std::string& id, const model::ModelSpec& spec);

// The command line that reproduces the changed side's first replication:
// "borderflow run scenarios/ID.yaml --set PATH=VALUE ...".
std::string reproduce_command(const std::string& id, const scenario::Overrides& overrides);

}  // namespace bf::serve
