#pragma once
// A SensitivityResult as people and programs read it: the printed ranking and
// sensitivity.csv.

#include <string>

#include "compare/sensitivity.h"

namespace bf::compare {

// sensitivity.csv: header `rank,path,low,high,mean_low,mean_high,mean_base,swing,ci95_low,
// ci95_high,distinguishable`, one row per parameter in rank order (1 first); low and high as
// written, numbers with 3 decimals, the interval empty when undefined (one replication).
std::string sensitivity_csv(const SensitivityResult& s);

// The ranking as an aligned table (rank, parameter, low, high, metric mean at low and at high,
// swing, its 95% interval), numbers to 1 decimal with thousands separators, then a note on
// how to read it. Every line ends in '\n'.
std::string sensitivity_table(const SensitivityResult& s);

}  // namespace bf::compare
