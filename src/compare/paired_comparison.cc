#include "compare/paired_comparison.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "util/nearest_rank.h"
#include "util/student_t.h"

namespace bf::compare {
namespace {

double mean_of(const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

}  // namespace

PairedDifference paired_difference(const std::vector<double>& a, const std::vector<double>& b) {
  assert(!a.empty() && a.size() == b.size());
  const std::size_t n = a.size();
  std::vector<double> d(n);
  for (std::size_t r = 0; r < n; ++r) d[r] = b[r] - a[r];

  PairedDifference p;
  p.mean_a = mean_of(a);
  p.mean_b = mean_of(b);
  p.mean_difference = mean_of(d);
  std::vector<double> sorted = d;
  std::sort(sorted.begin(), sorted.end());
  p.difference_p5 = util::nearest_rank(sorted, 0.05);
  p.difference_p95 = util::nearest_rank(sorted, 0.95);
  if (n < 2) return p;

  double squares = 0.0;
  for (double x : d) squares += (x - p.mean_difference) * (x - p.mean_difference);
  const auto count = static_cast<double>(n);
  const double standard_error = std::sqrt(squares / (count - 1.0) / count);
  const double half_width =
      util::student_t_quantile(0.975, static_cast<double>(n - 1)) * standard_error;
  p.ci95_low = p.mean_difference - half_width;
  p.ci95_high = p.mean_difference + half_width;
  p.distinguishable = *p.ci95_low > 0.0 || *p.ci95_high < 0.0;
  return p;
}

ScenarioComparison compare_replications(const std::vector<ReplicationMetrics>& a,
                                        const std::vector<ReplicationMetrics>& b, bool ports) {
  assert(!a.empty() && a.size() == b.size());
  ScenarioComparison c;
  c.replications = static_cast<int>(a.size());
  c.months = a.front().months;
  const std::size_t periods = a.front().periods.size();
  std::vector<double> values_a(a.size()), values_b(b.size());
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    if (kMetrics[m].port && !ports) continue;
    for (std::size_t p = 0; p < periods; ++p) {
      for (std::size_t r = 0; r < a.size(); ++r) {
        values_a[r] = a[r].periods[p][m];
        values_b[r] = b[r].periods[p][m];
      }
      ComparisonRow row;
      row.metric = m;
      if (p > 0) row.month = c.months[p - 1];
      row.difference = paired_difference(values_a, values_b);
      c.rows.push_back(row);
    }
  }
  return c;
}

}  // namespace bf::compare
