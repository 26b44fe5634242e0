// Normal and Student's t quantiles against published table values (to the table's digits)
// and exact closed forms.

#include "util/student_t.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

namespace bf::util {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

TEST(StudentTTest, QuantilesMatchTables) {
  // Two-sided 95% critical values, e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2.
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.7062, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.3027, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.975, 5), 2.5706, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.2281, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.975, 19), 2.0930, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.975, 30), 2.0423, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.975, 100), 1.9840, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.95, 19), 1.7291, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.995, 9), 3.2498, 5e-5);
  EXPECT_NEAR(student_t_quantile(0.975, kInfinity), 1.959964, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.975, 1e7), 1.959964, 1e-6);
}

TEST(StudentTTest, ClosedFormsAndSymmetry) {
  // One degree of freedom is the Cauchy distribution: tan(π (p − 1/2)).
  for (double p : {0.6, 0.9, 0.975, 0.999}) {
    EXPECT_NEAR(student_t_quantile(p, 1), std::tan(std::numbers::pi * (p - 0.5)), 1e-9) << p;
  }
  // Two degrees of freedom: (2p − 1) / sqrt(2 p (1 − p)).
  for (double p : {0.6, 0.9, 0.975}) {
    EXPECT_NEAR(student_t_quantile(p, 2), (2 * p - 1) / std::sqrt(2 * p * (1 - p)), 1e-9) << p;
  }
  EXPECT_EQ(student_t_quantile(0.5, 7), 0.0);
  EXPECT_DOUBLE_EQ(student_t_quantile(0.025, 19), -student_t_quantile(0.975, 19));
  EXPECT_NEAR(student_t_cdf(student_t_quantile(0.9, 4), 4), 0.9, 1e-12);
  EXPECT_NEAR(student_t_cdf(0.0, 3), 0.5, 1e-15);
}

TEST(StudentTTest, NormalQuantiles) {
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(normal_quantile(0.95), 1.644853626951472, 1e-12);
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 1e-12);
}

}  // namespace
}  // namespace bf::util
