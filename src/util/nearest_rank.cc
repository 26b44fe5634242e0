#include "util/nearest_rank.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace bf::util {

double nearest_rank(const std::vector<double>& sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  const auto k = static_cast<std::size_t>(std::max(1.0, std::ceil(p * n)));
  return sorted[std::min(k, sorted.size()) - 1];
}

}  // namespace bf::util
