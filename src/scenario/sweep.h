#pragma once
// Reading the `ensemble:` section of a scenario and building the YAML tree of each sweep
// point (the base tree with the point's values written over it). The loader then reads each
// point's tree into a ModelSpec exactly as it reads the base, so bad sweep values are
// reported like bad values written in place, at the sweep value's line and column.
//
//   ensemble:
//     replications: 200        # per sweep point, >= 1 (default 1)
//     threads: 2               # worker threads per process, >= 1 (default: all cores)
//     sweep:                   # optional grid: dotted path -> list of values
//       detention.beds: [20000, 27000, 34000]
//       dispositions.non_mexican_returns_per_day: [0/day, 1500/day]

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.h"
#include "scenario/ensemble_spec.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {

// Keys that define what a run is rather than a parameter of the world: sweeping (or
// overriding, overrides.h) them would make points incomparable (different horizons or random
// numbers) or is meaningless.
inline constexpr std::array<std::string_view, 9> kNotSweepable = {
    "name", "start", "end", "days", "seed", "extends", "ensemble", "arrivals.table", "surges"};

struct SweepAxis {
  std::string path;               // dotted, as written
  std::vector<std::string> keys;  // path split at '.'
  Location key_location;          // of the path key in the sweep map
  std::vector<YamlNode> values;   // scalars, each with its own location
};

struct EnsembleSection {
  int replications = 1;
  int threads = 0;
  std::vector<SweepAxis> axes;
  std::size_t point_count() const;  // product of the axes' sizes (1 without a sweep)
};

// Reads `node` (the value of the top-level `ensemble` key; null when absent) and checks the
// sweep against the base tree `root`: every path must name a map entry (possibly not yet
// written) below maps of `root`, must not be one of the keys a sweep cannot change (name,
// start, end, days, seed, extends, ensemble, arrivals.table, surges), values must be a
// non-empty list of distinct scalars, and the grid at most kMaxSweepPoints points. Problems
// go to `sink`; returns nullopt if there were any.
std::optional<EnsembleSection> read_ensemble_section(const YamlNode* node, const YamlNode& root,
                                                     DiagnosticSink& sink);

// The base tree with point `index`'s values written over it (grid order: the last axis varies
// fastest). New entries carry the sweep key's location, values their own, so diagnostics
// found while reading the point's spec point at the sweep definition. The `ensemble` key is
// removed.
YamlNode sweep_point_tree(const YamlNode& root, const std::vector<SweepAxis>& axes,
                          std::size_t index);

// The value indices of point `index` in each axis.
std::vector<std::size_t> sweep_point_indices(const std::vector<SweepAxis>& axes, std::size_t index);

}  // namespace bf::scenario
