#include "compare/policy_days_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "compare/number_text.h"

namespace bf::compare {

std::string policy_days_text(char letter, const model::ModelSpec& spec,
                             const std::vector<ReplicationMetrics>& runs) {
  std::string out;
  for (std::size_t p = 0; p < spec.policies.size(); ++p) {
    if (!spec.policies[p].trigger || runs.empty()) continue;
    int fewest = spec.days;
    int most = 0;
    double sum = 0.0;
    for (const ReplicationMetrics& r : runs) {
      const int days = p < r.policy_days.size() ? r.policy_days[p] : 0;
      fewest = std::min(fewest, days);
      most = std::max(most, days);
      sum += days;
    }
    if (out.empty()) {
      out = fmt::format(
          "{}: days in force of its triggered policies (of {}; mean, fewest .. most "
          "over the replications)\n",
          letter, spec.days);
    }
    out += fmt::format("  {:<32}{:>8}  {} .. {}\n", spec.policies[p].name,
                       fixed(sum / static_cast<double>(runs.size()), 1), fewest, most);
  }
  return out;
}

}  // namespace bf::compare
