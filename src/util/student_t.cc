#include "util/student_t.h"

#include <cmath>
#include <limits>

namespace bf::util {
namespace {

constexpr double kTiny = 1e-300;
constexpr double kEpsilon = 1e-16;
constexpr int kMaxTerms = 10000;

// Continued fraction of the incomplete beta function (Numerical Recipes §6.4, modified
// Lentz); converges quickly for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= kMaxTerms; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < kEpsilon) break;
  }
  return h;
}

// The regularized incomplete beta function I_x(a, b), given x and y = 1 − x separately so
// that neither loses digits to cancellation.
double incomplete_beta(double a, double b, double x, double y) {
  if (x <= 0.0) return 0.0;
  if (y <= 0.0) return 1.0;
  // std::lgamma of positive arguments; the sign it may record is never read.
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log(y));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, y) / b;
}

// The x in [lo, hi] where the increasing `cdf` reaches p, by bisection to the last bit.
template <class Cdf>
double bisect(Cdf cdf, double p, double lo, double hi) {
  for (int i = 0; i < 2000; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (cdf(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

double normal_quantile(double p) {
  if (p < 0.5) return -normal_quantile(1.0 - p);
  const auto cdf = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
  return bisect(cdf, p, 0.0, 40.0);
}

double student_t_cdf(double t, double degrees_of_freedom) {
  if (std::isinf(degrees_of_freedom)) return 0.5 * std::erfc(-t / std::sqrt(2.0));
  const double v = degrees_of_freedom;
  const double t2 = t * t;
  // P(|T| > |t|) = I_{v / (v + t²)}(v / 2, 1 / 2).
  const double two_tails = incomplete_beta(0.5 * v, 0.5, v / (v + t2), t2 / (v + t2));
  return t >= 0.0 ? 1.0 - 0.5 * two_tails : 0.5 * two_tails;
}

double student_t_quantile(double p, double degrees_of_freedom) {
  if (std::isinf(degrees_of_freedom)) return normal_quantile(p);
  if (p < 0.5) return -student_t_quantile(1.0 - p, degrees_of_freedom);
  const auto cdf = [&](double t) { return student_t_cdf(t, degrees_of_freedom); };
  double hi = 1.0;
  while (cdf(hi) < p && hi < std::numeric_limits<double>::max() / 4) hi *= 2.0;
  return bisect(cdf, p, 0.0, hi);
}

}  // namespace bf::util
