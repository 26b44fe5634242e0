#pragma once
// The edit distance behind every "did you mean" hint (scenario keys and values, official-file
// columns and labels): one rule, so a typo is judged the same wherever it is made.

#include <cstddef>
#include <string_view>

namespace bf::util {

// Levenshtein distance (insertions, deletions, substitutions of one byte each), with ASCII
// letters compared case-insensitively: "Rio Grande valley" is 0 from "Rio Grande Valley".
// How close is close enough for a hint is the caller's rule.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace bf::util
