#pragma once
// Nearest-rank percentiles: the smallest value with at least a share p of the values at or
// below it. No interpolation, so every percentile is one of the values.

#include <vector>

namespace bf::util {

// Precondition: !sorted.empty(), sorted ascending, 0 <= p <= 1.
double nearest_rank(const std::vector<double>& sorted, double p);

}  // namespace bf::util
