#pragma once
// The `ensemble:` section of a scenario: how many replications to run, on how many threads,
// and an optional sweep (a grid over parameters). Each sweep point is a complete, validated
// ModelSpec: the base scenario with the point's values written over it, read by the same
// loader, so a sweep value is checked exactly like the same value written in place.

#include <string>
#include <utility>
#include <vector>

#include "model/model_spec.h"

namespace bf::scenario {

// One axis of the grid: a dotted path to a scalar of the scenario (e.g. "detention.beds")
// and the values it takes, as written (e.g. "20000", "1500/day").
struct SweepParameter {
  std::string path;
  std::vector<std::string> values;
};

struct SweepPoint {
  int index = 0;  // 0-based, in grid order: the last parameter varies fastest
  // (path, value as written), one per parameter, in the order the parameters were declared.
  std::vector<std::pair<std::string, std::string>> assignments;
  model::ModelSpec spec;
};

struct EnsembleSpec {
  int replications = 1;  // per sweep point; default 1 (a plain run)
  int threads = 0;       // worker threads per process; 0 (default) = one per hardware core
  std::vector<SweepParameter> parameters;  // empty: no sweep
  // Empty when there is no sweep (the base spec is the only point); otherwise every point.
  std::vector<SweepPoint> points;
  bool has_sweep() const { return !parameters.empty(); }
};

// Longest grid accepted: a larger one is surely a mistake (each point is a whole ensemble).
inline constexpr int kMaxSweepPoints = 10000;
inline constexpr int kMaxReplications = 1000000;
inline constexpr int kMaxThreads = 1024;

}  // namespace bf::scenario
