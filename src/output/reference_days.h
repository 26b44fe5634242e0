#pragma once
// reference_days.csv: per day, the levels the run was given, to draw beside what it produced.
// Today one column, `arrival_table_encounters`: the encounters a day of the arrival table
// (all sectors and groups) for the day's month. For a table derived by `borderflow calibrate`
// that is the published monthly Border Patrol encounters of the month divided by its days
// (docs/data.md), so the report's encounters chart shows simulated against published.

#include <filesystem>

#include "model/model_spec.h"

namespace bf::output {

inline constexpr const char* kReferenceDaysFile = "reference_days.csv";

// Writes `date,arrival_table_encounters` for each day of the run. Throws IoError.
void write_reference_days(const std::filesystem::path& file, const model::ModelSpec& spec);

}  // namespace bf::output
