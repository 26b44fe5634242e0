#pragma once
// The `uncertainty:` section of a scenario: parameters that have no measured value, each
// with the range of values it may plausibly take (docs/parameters.md gives them). Paths are
// the dotted paths of sweeps (parameter_path.h); the ends are written as the scenario writes
// the value, with its unit, and both must load (the loader reads the tree with each end
// written in, like a sweep point, so a bad end is reported at its own line and column).
//
//   uncertainty:
//     detention.length_of_stay.mean: {low: 20d, high: 35d}
//     detention.beds: {low: 22000, high: 30000}
//     dispositions.non_mexican_returns: {low: 0/day, high: 500/day}
//     arrivals.effects.scale.mexico_enforcement_2023_12: ~   # drop an inherited range

#include <optional>
#include <string>
#include <vector>

#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {

struct UncertainParameter {
  std::string path;               // dotted, as written
  std::vector<std::string> keys;  // path split at '.'
  std::string low_text;           // the ends as written, e.g. "20d" and "35d"
  std::string high_text;
  double low = 0.0;  // their leading numbers; low < high
  double high = 0.0;
  std::string suffix;     // what follows the number in both ends ("d", "/day"); may be empty
  bool integer = false;   // both numbers are whole (no '.' or exponent): samples are rounded
  Location location;      // of the path key
  Location low_location;  // of the ends' values
  Location high_location;

  // The value at quantile u ∈ [0, 1] of the range, as the scenario would write it:
  // low + u · (high − low), rounded to a whole number when `integer`, else the shortest text
  // that reads back as the same double; then the suffix.
  std::string value_at(double u) const;
};

// Reads `node` (the value of the top-level `uncertainty` key; null when absent) and checks
// each path against the merged tree `root` as sweep paths are checked (and `uncertainty`
// itself cannot be named). Each value must be a map {low, high} of numbers with the same unit
// suffix and low < high; an empty value (`path: ~`) drops a range inherited through `extends`.
// A range inherited from a parent is refused where a child scenario sets the value itself
// (sampling would undo the child's change). Problems go to `sink`; nullopt if there were any.
std::optional<std::vector<UncertainParameter>> read_uncertainty_section(const YamlNode* node,
                                                                        const YamlNode& root,
                                                                        DiagnosticSink& sink);

}  // namespace bf::scenario
