#pragma once
// "Did you mean" hints for misspelled keys.

#include <span>
#include <string>
#include <string_view>

#include "util/edit_distance.h"

namespace bf::scenario {

// The project's one edit distance (util/edit_distance.h).
using util::edit_distance;

// "did you mean 'x'?" for the closest candidate when it is close enough to be a likely typo
// (distance <= max(1, length / 3) for words of 3 or more bytes, ties broken by candidate
// order); "" otherwise.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// As did_you_mean, but with no close candidate lists them all: "expected one of: a, b, c".
// For small closed sets (sectors, demographics, citizenships).
std::string did_you_mean_or_list(std::string_view word,
                                 std::span<const std::string_view> candidates);

}  // namespace bf::scenario
