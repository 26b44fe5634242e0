#pragma once
// A ScenarioComparison as people and programs read it: the printed table of whole-run
// totals, and compare.csv with every metric and period.

#include <string>

#include "compare/paired_comparison.h"

namespace bf::compare {

// compare.csv: header `metric,period,mean_a,mean_b,mean_difference,difference_p5,
// difference_p95,ci95_low,ci95_high,distinguishable`, then one row per ComparisonRow in
// order. period is `total` or YYYY-MM; numbers have 3 decimals; the interval is empty when
// undefined (one replication); distinguishable is `true` or `false`.
std::string comparison_csv(const ScenarioComparison& c);

// The whole-run rows as an aligned table (metric, mean of A, mean of B, mean difference, 5–95%
// band of the differences, 95% interval of the mean difference, distinguishable yes/no),
// numbers to 1 decimal with thousands separators, then a note on how to read it. Every line
// ends in '\n'.
std::string totals_table(const ScenarioComparison& c);

}  // namespace bf::compare
