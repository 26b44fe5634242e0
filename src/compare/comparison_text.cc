#include "compare/comparison_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compare/number_text.h"

namespace bf::compare {

std::string comparison_csv(const ScenarioComparison& c) {
  std::string out =
      "metric,period,mean_a,mean_b,mean_difference,difference_p5,difference_p95,ci95_low,"
      "ci95_high,distinguishable\n";
  for (const ComparisonRow& row : c.rows) {
    const PairedDifference& d = row.difference;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", kMetrics[row.metric].key,
                       row.month ? row.month->to_string() : "total", fixed(d.mean_a, 3),
                       fixed(d.mean_b, 3), fixed(d.mean_difference, 3), fixed(d.difference_p5, 3),
                       fixed(d.difference_p95, 3), d.ci95_low ? fixed(*d.ci95_low, 3) : "",
                       d.ci95_high ? fixed(*d.ci95_high, 3) : "",
                       d.distinguishable ? "true" : "false");
  }
  return out;
}

std::string totals_table(const ScenarioComparison& c) {
  using Line = std::array<std::string, 7>;
  std::vector<Line> lines = {{"metric", "A (mean)", "B (mean)", "difference", "5-95% of difference",
                              "95% interval", "distinguishable"}};
  for (const ComparisonRow& row : c.rows) {
    if (row.month) continue;
    const PairedDifference& d = row.difference;
    lines.push_back(
        {std::string(kMetrics[row.metric].label), readable(d.mean_a), readable(d.mean_b),
         readable(d.mean_difference),
         readable(d.difference_p5) + " .. " + readable(d.difference_p95),
         d.ci95_low ? readable(*d.ci95_low) + " .. " + readable(*d.ci95_high) : "undefined",
         d.distinguishable ? "yes" : "no"});
  }
  std::array<std::size_t, 7> width{};
  for (const Line& line : lines) {
    for (std::size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
  }
  std::string out;
  for (const Line& line : lines) {
    out += fmt::format("{:<{}}", line[0], width[0]);
    for (std::size_t i = 1; i < line.size(); ++i) out += fmt::format("  {:>{}}", line[i], width[i]);
    out += "\n";
  }
  const int n = c.replications;
  out += fmt::format(
      "\ndifference: B - A in each of the {} replication{}, both run with the same seed "
      "(common random numbers)\n"
      "5-95% of difference: nearest-rank band of those differences\n"
      "95% interval: of the mean difference, Student's t with {}\n"
      "distinguishable: that interval excludes 0\n",
      n, n == 1 ? "" : "s",
      n < 2 ? "no degrees of freedom: undefined for one replication"
            : fmt::format("{} degree{} of freedom", n - 1, n == 2 ? "" : "s"));
  return out;
}

}  // namespace bf::compare
