#include "engine/distributions.h"

#include <cassert>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace bf::engine {

double exponential(RandomStream& rs, double mean) { return -mean * std::log(rs.uniform()); }

double standard_normal(RandomStream& rs) {
  const double u1 = rs.uniform();
  const double u2 = rs.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double normal(RandomStream& rs, double mean, double sd) { return mean + sd * standard_normal(rs); }

double lognormal_mean_cv(RandomStream& rs, double mean, double cv) {
  if (cv <= 0.0) return mean;
  const double sigma2 = std::log1p(cv * cv);
  const double mu = std::log(mean) - 0.5 * sigma2;
  return std::exp(mu + std::sqrt(sigma2) * standard_normal(rs));
}

double gamma(RandomStream& rs, double shape, double scale) {
  assert(shape > 0.0 && scale > 0.0);
  if (shape < 1.0) {
    const double g = gamma(rs, shape + 1.0, 1.0);
    return scale * g * std::pow(rs.uniform(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  while (true) {
    double x, v;
    do {
      x = standard_normal(rs);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rs.uniform();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return scale * d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return scale * d * v;
  }
}

double log_factorial(std::int64_t k) {
  assert(k >= 0);
  if (k < 16) {
    double s = 0.0;
    for (std::int64_t i = 2; i <= k; ++i) s += std::log(static_cast<double>(i));
    return s;
  }
  // Stirling's series; with k >= 16 the truncation error is below 1e-13.
  const double n = static_cast<double>(k) + 1.0;
  const double n2 = n * n;
  return (n - 0.5) * std::log(n) - n + 0.5 * std::log(2.0 * std::numbers::pi) +
         (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / (1260.0 * n2)) / n2) / n;
}

namespace {

std::int64_t poisson_inversion(RandomStream& rs, double mean) {
  // Sequential search from 0; expected mean + 1 steps.
  const double u = rs.uniform();
  double p = std::exp(-mean);
  double cdf = p;
  std::int64_t k = 0;
  while (u > cdf) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
    if (p < 1e-300 && cdf < u) break;  // u beyond double resolution of the tail
  }
  return k;
}

std::int64_t poisson_ptrs(RandomStream& rs, double mean) {
  const double smu = std::sqrt(mean);
  const double b = 0.931 + 2.53 * smu;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2.0);
  const double log_mean = std::log(mean);
  while (true) {
    const double u = rs.uniform() - 0.5;
    const double v = rs.uniform();
    const double us = 0.5 - std::fabs(u);
    const auto k = static_cast<std::int64_t>(std::floor((2.0 * a / us + b) * u + mean + 0.43));
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <=
        -mean + static_cast<double>(k) * log_mean - log_factorial(k)) {
      return k;
    }
  }
}

}  // namespace

std::int64_t poisson(RandomStream& rs, double mean) {
  // Written so that NaN fails it too.
  if (!(mean >= 0.0 && mean <= kMaxPoissonMean)) {
    throw std::domain_error("poisson: the mean must be from 0 to 1e15, got " +
                            std::to_string(mean));
  }
  if (mean == 0.0) return 0;
  return mean < 10.0 ? poisson_inversion(rs, mean) : poisson_ptrs(rs, mean);
}

std::int64_t negative_binomial(RandomStream& rs, double mean, double shape) {
  if (mean <= 0.0) return 0;
  return poisson(rs, gamma(rs, shape, mean / shape));
}

AliasTable::AliasTable(std::span<const double> weights)
    : probability_(weights.size(), 0.0), alias_(weights.size(), 0) {
  const int n = static_cast<int>(weights.size());
  double total = 0.0;
  for (double w : weights) total += w;
  assert(n > 0 && total > 0.0);
  std::vector<double> scaled(weights.size());
  std::vector<int> small, large;
  for (int i = 0; i < n; ++i) {
    scaled[i] = weights[i] * n / total;
    (scaled[i] < 1.0 ? small : large).push_back(i);
  }
  while (!small.empty() && !large.empty()) {
    const int s = small.back();
    small.pop_back();
    const int l = large.back();
    probability_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Leftovers are 1 up to rounding.
  for (int i : large) probability_[i] = 1.0;
  for (int i : small) probability_[i] = 1.0;
}

int AliasTable::sample(RandomStream& rs) const {
  const double u = rs.uniform() * static_cast<double>(probability_.size());
  const int column = static_cast<int>(u);
  return (u - column) < probability_[column] ? column : alias_[column];
}

}  // namespace bf::engine
