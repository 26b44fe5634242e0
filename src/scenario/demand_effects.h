#pragma once
// arrivals.effects: the intervention effects table written by `borderflow fit-demand`
// (data/arrivals/demand-effects.csv) and the scales a scenario gives some of its effects.
// Format: docs/scenario-format.md, "Effects table".

#include <string>
#include <string_view>
#include <vector>

#include "model/model_spec.h"
#include "scenario/diagnostics.h"

namespace bf::scenario {

inline constexpr std::string_view kEffectsTableHeader =
    "effect,date,ramp_months,sector,log_effect,standard_error";

// The effects of a table, each with all nine sectors (scale 1). Rows for the Southwest total
// (`southwest`) are checked and then left out: the model applies effects per sector. Reports
// every bad row (header, unknown sector, bad date or number, ramp not 0 or 1, an effect whose
// date or ramp differs between rows, duplicates) and every effect missing a sector.
std::vector<model::EffectScale> read_effects_table(std::string_view contents, int file,
                                                   DiagnosticSink& sink);

// Multiplies every level of a month the effect reaches by
// exp((scale − 1) · log_effect[sector] · util::share_in_force(date, ramp_months, month)).
void apply_effect(const model::EffectScale& effect, std::vector<model::ArrivalLevel>& levels);

}  // namespace bf::scenario
