#include "util/ipf.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace bf::util {
namespace {

double relative_error(double value, double target) {
  return target > 0.0 ? std::abs(value - target) / target : 0.0;
}

}  // namespace

IpfResult fit_two_way(std::vector<double> seed, int rows, int cols,
                      const std::vector<double>& row_targets,
                      const std::vector<double>& col_targets, const IpfOptions& options) {
  IpfResult result;
  result.cells = std::move(seed);
  std::vector<double>& x = result.cells;
  const auto at = [&](int r, int c) -> double& {
    return x[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) +
             static_cast<std::size_t>(c)];
  };
  std::vector<double> before;
  while (result.sweeps < options.max_sweeps) {
    before = x;
    for (int r = 0; r < rows; ++r) {
      double sum = 0.0;
      for (int c = 0; c < cols; ++c) sum += at(r, c);
      if (sum <= 0.0) continue;
      const double factor = row_targets[static_cast<std::size_t>(r)] / sum;
      for (int c = 0; c < cols; ++c) at(r, c) *= factor;
    }
    for (int c = 0; c < cols; ++c) {
      double sum = 0.0;
      for (int r = 0; r < rows; ++r) sum += at(r, c);
      if (sum <= 0.0) continue;
      const double factor = col_targets[static_cast<std::size_t>(c)] / sum;
      for (int r = 0; r < rows; ++r) at(r, c) *= factor;
    }
    ++result.sweeps;
    double change = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (before[i] > 0.0) change = std::max(change, std::abs(x[i] - before[i]) / before[i]);
    }
    result.last_relative_change = change;
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  for (int r = 0; r < rows; ++r) {
    double sum = 0.0;
    for (int c = 0; c < cols; ++c) sum += at(r, c);
    result.max_relative_margin_error =
        std::max(result.max_relative_margin_error,
                 relative_error(sum, row_targets[static_cast<std::size_t>(r)]));
  }
  for (int c = 0; c < cols; ++c) {
    double sum = 0.0;
    for (int r = 0; r < rows; ++r) sum += at(r, c);
    result.max_relative_margin_error =
        std::max(result.max_relative_margin_error,
                 relative_error(sum, col_targets[static_cast<std::size_t>(c)]));
  }
  return result;
}

}  // namespace bf::util
