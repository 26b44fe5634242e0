#pragma once
// Quantiles of the standard normal and Student's t distributions, for confidence intervals.
// Own implementation (no Boost): the t distribution function through the regularized
// incomplete beta function (continued fraction, modified Lentz), inverted by bisection to
// double precision. Frozen by known-value tests (tests/util/student_t_test.cc).

namespace bf::util {

// x with P(Z <= x) = p for a standard normal Z. Precondition: 0 < p < 1.
double normal_quantile(double p);

// P(T <= t) for Student's t with `degrees_of_freedom` (> 0; infinity gives the normal).
double student_t_cdf(double t, double degrees_of_freedom);

// t with P(T <= t) = p. Preconditions: 0 < p < 1, degrees_of_freedom > 0 (infinity allowed:
// the normal quantile). E.g. student_t_quantile(0.975, 19) = 2.0930.
double student_t_quantile(double p, double degrees_of_freedom);

}  // namespace bf::util
