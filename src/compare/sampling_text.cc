#include "compare/sampling_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "compare/parameter_sampling.h"

namespace bf::compare {
namespace {

const scenario::UncertainParameter* find_path(
    const std::vector<scenario::UncertainParameter>& ranges, const std::string& path) {
  const auto it =
      std::find_if(ranges.begin(), ranges.end(),
                   [&](const scenario::UncertainParameter& p) { return p.path == path; });
  return it == ranges.end() ? nullptr : &*it;
}

std::string range_text(const scenario::UncertainParameter* p) {
  return p == nullptr ? "as written" : p->low_text + " .. " + p->high_text;
}

}  // namespace

std::vector<std::string> sampled_paths(const std::vector<scenario::UncertainParameter>& a,
                                       const std::vector<scenario::UncertainParameter>& b) {
  std::vector<std::string> paths;
  paths.reserve(a.size() + b.size());
  for (const scenario::UncertainParameter& p : a) paths.push_back(p.path);
  for (const scenario::UncertainParameter& p : b) {
    if (find_path(a, p.path) == nullptr) paths.push_back(p.path);
  }
  return paths;
}

std::string sampled_ranges_text(const std::vector<scenario::UncertainParameter>& a,
                                const std::vector<scenario::UncertainParameter>& b) {
  const std::vector<std::string> paths = sampled_paths(a, b);
  std::size_t path_width = 0, a_width = 0;
  for (const std::string& path : paths) {
    path_width = std::max(path_width, path.size());
    a_width = std::max(a_width, range_text(find_path(a, path)).size());
  }
  std::string out =
      "parameters sampled in each replication (uniform over the range; the same quantile in A "
      "and B):\n";
  for (const std::string& path : paths) {
    out += fmt::format("  {:<{}}  A: {:<{}}  B: {}\n", path, path_width,
                       range_text(find_path(a, path)), a_width, range_text(find_path(b, path)));
  }
  return out;
}

std::string sampled_values_csv(const std::vector<scenario::UncertainParameter>& a,
                               const std::vector<scenario::UncertainParameter>& b,
                               std::uint64_t seed, int replications) {
  const std::vector<std::string> paths = sampled_paths(a, b);
  std::string out = "replication,path,quantile,value_a,value_b\n";
  for (int r = 0; r < replications; ++r) {
    for (const std::string& path : paths) {
      const double u = parameter_quantile(seed, r, path);
      const scenario::UncertainParameter* pa = find_path(a, path);
      const scenario::UncertainParameter* pb = find_path(b, path);
      out += fmt::format("{},{},{:.6f},{},{}\n", r, path, u, pa ? pa->value_at(u) : "",
                         pb ? pb->value_at(u) : "");
    }
  }
  return out;
}

}  // namespace bf::compare
