#pragma once
// The table of estimated intervention effects that scenarios reference (arrivals.effects):
// one row per intervention and sector, with the Southwest total as sector `southwest`.

#include <string>
#include <vector>

#include "demand/interventions.h"

namespace bf::demand {

// One file the table was derived from, named in its header.
struct TableSource {
  std::string file_name;  // without directory
  std::string sha256;     // of the file's bytes, lowercase hex
  long long rows = 0;     // data rows
};

inline constexpr std::string_view kEffectsTableHeader =
    "effect,date,ramp_months,sector,log_effect,standard_error";

// Comment lines (title, `derived by`, method, sources), the header, then one row per
// estimate in `estimates` order, values with 4 decimals.
std::string effects_table_text(const std::vector<EffectEstimate>& estimates,
                               const std::vector<TableSource>& sources,
                               const std::string& derived_by);

}  // namespace bf::demand
