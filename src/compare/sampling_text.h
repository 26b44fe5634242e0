#pragma once
// What `borderflow compare --sample-parameters` sampled, for people and programs: the ranges
// in the header of compare.txt, and each replication's values in parameters.csv.

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/uncertainty.h"

namespace bf::compare {

// The paths of `a`'s parameters, then those of `b` that `a` does not declare.
std::vector<std::string> sampled_paths(const std::vector<scenario::UncertainParameter>& a,
                                       const std::vector<scenario::UncertainParameter>& b);

// "parameters sampled in each replication (uniform over the range; the same quantile in A and
// B):" and one line per path, "  PATH  A: LOW .. HIGH  B: LOW .. HIGH" ("as written" for a
// scenario that does not declare it), columns aligned. Every line ends in '\n'.
std::string sampled_ranges_text(const std::vector<scenario::UncertainParameter>& a,
                                const std::vector<scenario::UncertainParameter>& b);

// parameters.csv: header `replication,path,quantile,value_a,value_b`, then one row per
// replication and path (sampled_paths order); the quantile with 6 decimals; a value is empty
// where that scenario does not declare the path (it runs as written).
std::string sampled_values_csv(const std::vector<scenario::UncertainParameter>& a,
                               const std::vector<scenario::UncertainParameter>& b,
                               std::uint64_t seed, int replications);

}  // namespace bf::compare
