#pragma once
// The project's own random variate generators. The standard library's distributions are
// implementation-defined (the same seed gives different numbers on different compilers), so
// borderflow implements each one here and freezes them with known-value tests.
// All functions take the stream by reference and consume a variable number of uniforms.

#include <cstdint>
#include <span>
#include <vector>

#include "engine/random_stream.h"

namespace bf::engine {

// Exponential with the given mean (> 0).
double exponential(RandomStream& rs, double mean);

// Standard normal by the Box–Muller transform (two uniforms per draw, no caching, so a
// stream's state is just its counter).
double standard_normal(RandomStream& rs);
double normal(RandomStream& rs, double mean, double sd);

// Lognormal parameterised by its mean (> 0) and coefficient of variation (>= 0); cv == 0
// returns mean exactly.
double lognormal_mean_cv(RandomStream& rs, double mean, double cv);

// Gamma(shape, scale), mean shape·scale. Marsaglia & Tsang (2000); shape < 1 by the
// boost u^(1/shape) of a Gamma(shape + 1) draw.
double gamma(RandomStream& rs, double shape, double scale);

// Largest Poisson mean drawn: far beyond any count the model forms (the scenario loader
// bounds every rate), and small enough that PTRS's candidate, mean + a few hundred standard
// deviations, stays exact in a double and inside std::int64_t.
inline constexpr double kMaxPoissonMean = 1e15;

// Poisson with the given mean, 0 <= mean <= kMaxPoissonMean. Inversion below mean 10;
// Hörmann's PTRS transformed-rejection method (1993) above, which is exact and O(1).
// Throws std::domain_error for a mean that is negative, NaN, infinite or above the maximum:
// such a rate is a bug upstream, and PTRS would loop for ever on NaN (issue 19).
std::int64_t poisson(RandomStream& rs, double mean);

// Negative binomial as a gamma–Poisson mixture: mean `mean`, variance mean + mean²/shape.
std::int64_t negative_binomial(RandomStream& rs, double mean, double shape);

// log(k!) without the global state of lgamma (glibc's lgamma writes `signgam`, a data race
// when replications run on threads).
double log_factorial(std::int64_t k);

// Walker's alias method (Vose's construction): O(1) draws from a fixed categorical
// distribution. Weights need not sum to 1; at least one must be positive.
class AliasTable {
 public:
  explicit AliasTable(std::span<const double> weights);
  int sample(RandomStream& rs) const;
  int size() const { return static_cast<int>(probability_.size()); }

 private:
  std::vector<double> probability_;
  std::vector<int> alias_;
};

}  // namespace bf::engine
