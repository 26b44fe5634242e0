#include "scenario/suggest.h"

#include <algorithm>
#include <vector>

namespace bf::scenario {

int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

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
