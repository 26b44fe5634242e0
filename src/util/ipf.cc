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

IpfResult fit_three_way(std::vector<double> seed, const ThreeWayMargins& m,
                        const IpfOptions& options) {
  IpfResult result;
  result.cells = std::move(seed);
  std::vector<double>& x = result.cells;
  const auto cell = [&](int i, int j, int k) -> double& {
    return x[(static_cast<std::size_t>(i) * static_cast<std::size_t>(m.j) +
              static_cast<std::size_t>(j)) *
                 static_cast<std::size_t>(m.k) +
             static_cast<std::size_t>(k)];
  };
  // The margins as (index into a margin, its target) for a cell: 0 = ij, 1 = ik, 2 = jk.
  const auto margin_index = [&](int which, int i, int j, int k) -> std::size_t {
    switch (which) {
      case 0:
        return static_cast<std::size_t>(i) * static_cast<std::size_t>(m.j) +
               static_cast<std::size_t>(j);
      case 1:
        return static_cast<std::size_t>(i) * static_cast<std::size_t>(m.k) +
               static_cast<std::size_t>(k);
      default:
        return static_cast<std::size_t>(j) * static_cast<std::size_t>(m.k) +
               static_cast<std::size_t>(k);
    }
  };
  const std::vector<double>* targets[3] = {&m.ij, &m.ik, &m.jk};
  std::vector<double> sums;
  // Sums of the current table over each margin's free index.
  const auto margin_sums = [&](int which) {
    sums.assign(targets[which]->size(), 0.0);
    for (int i = 0; i < m.i; ++i) {
      for (int j = 0; j < m.j; ++j) {
        for (int k = 0; k < m.k; ++k) sums[margin_index(which, i, j, k)] += cell(i, j, k);
      }
    }
  };
  std::vector<double> before;
  while (result.sweeps < options.max_sweeps) {
    before = x;
    for (int which = 0; which < 3; ++which) {
      margin_sums(which);
      for (int i = 0; i < m.i; ++i) {
        for (int j = 0; j < m.j; ++j) {
          for (int k = 0; k < m.k; ++k) {
            const std::size_t at = margin_index(which, i, j, k);
            if (sums[at] > 0.0) cell(i, j, k) *= (*targets[which])[at] / sums[at];
          }
        }
      }
    }
    ++result.sweeps;
    double change = 0.0;
    for (std::size_t c = 0; c < x.size(); ++c) {
      if (before[c] > 0.0) change = std::max(change, std::abs(x[c] - before[c]) / before[c]);
    }
    result.last_relative_change = change;
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  for (int which = 0; which < 3; ++which) {
    margin_sums(which);
    for (std::size_t at = 0; at < sums.size(); ++at) {
      result.max_relative_margin_error = std::max(result.max_relative_margin_error,
                                                  relative_error(sums[at], (*targets[which])[at]));
    }
  }
  return result;
}

}  // namespace bf::util
