#include "scenario/suggest.h"

#include <algorithm>
#include <vector>

namespace bf::scenario {

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  // One edit in a word of one or two letters makes any other short word; no hint there.
  const int limit = word.size() < 3 ? 0 : std::max<int>(1, static_cast<int>(word.size()) / 3);
  int best = limit + 1;
  std::string_view best_candidate;
  for (std::string_view c : candidates) {
    const int d = edit_distance(word, c);
    if (d < best) {
      best = d;
      best_candidate = c;
    }
  }
  if (best > limit) return {};
  return "did you mean '" + std::string(best_candidate) + "'?";
}

std::string did_you_mean_or_list(std::string_view word,
                                 std::span<const std::string_view> candidates) {
  std::string hint = did_you_mean(word, candidates);
  if (!hint.empty()) return hint;
  hint = "expected one of: ";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    hint += (i == 0 ? "" : ", ") + std::string(candidates[i]);
  }
  return hint;
}

}  // namespace bf::scenario
