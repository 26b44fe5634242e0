#include "compare/sensitivity.h"

#include <algorithm>
#include <cmath>

namespace bf::compare {

SensitivityResult rank_swings(std::size_t metric, const std::vector<double>& base,
                              const std::vector<EndValues>& ends) {
  SensitivityResult result;
  result.metric = metric;
  result.replications = static_cast<int>(base.size());
  double sum = 0.0;
  for (double v : base) sum += v;
  result.mean_base = sum / static_cast<double>(base.size());
  for (const EndValues& e : ends) {
    result.parameters.push_back(
        ParameterSwing{e.path, e.low_text, e.high_text, paired_difference(e.at_low, e.at_high)});
  }
  std::sort(result.parameters.begin(), result.parameters.end(),
            [](const ParameterSwing& x, const ParameterSwing& y) {
              const double ax = std::abs(x.swing.mean_difference);
              const double ay = std::abs(y.swing.mean_difference);
              return ax != ay ? ax > ay : x.path < y.path;
            });
  return result;
}

}  // namespace bf::compare
