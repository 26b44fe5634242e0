#pragma once
// One-at-a-time sensitivity of one output to a scenario's uncertain parameters
// (`borderflow sensitivity`, docs/compare.md). Each parameter is set to the low and to the
// high end of its range, the others kept as written, and the same replications are run at
// both ends with the same seed (common random numbers): the swing, mean(high) − mean(low),
// then measures the parameter rather than the noise, and its 95% interval is the paired
// t-interval of compare (paired_comparison.h).

#include <cstddef>
#include <string>
#include <vector>

#include "compare/paired_comparison.h"

namespace bf::compare {

// One parameter's runs: the metric's whole-run value in each replication at each end.
struct EndValues {
  std::string path;
  std::string low_text;  // the ends, as written
  std::string high_text;
  std::vector<double> at_low;  // indexed by replication
  std::vector<double> at_high;
};

struct ParameterSwing {
  std::string path;
  std::string low_text;
  std::string high_text;
  // mean_a = mean at low, mean_b = mean at high, mean_difference = the swing, with its
  // interval (undefined for one replication).
  PairedDifference swing;
};

struct SensitivityResult {
  std::size_t metric = 0;  // index into kMetrics
  int replications = 0;
  double mean_base = 0.0;  // the scenario as written
  // Largest |swing| first; equal ones by path, so the order never depends on run order.
  std::vector<ParameterSwing> parameters;
};

// Precondition: every vector of `ends` has base.size() > 0 values.
SensitivityResult rank_swings(std::size_t metric, const std::vector<double>& base,
                              const std::vector<EndValues>& ends);

}  // namespace bf::compare
