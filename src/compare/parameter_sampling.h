#pragma once
// Drawing a scenario's uncertain parameters (scenario/uncertainty.h) for
// `borderflow compare --sample-parameters`. In replication r, parameter `path` takes the
// quantile u of a counter-based stream keyed by (seed, r, Purpose::kParameterSample, FNV-1a
// hash of the path): the same u in scenario A and in scenario B (paired by path, whatever else
// either declares and in whatever order), a different u in every replication. Each scenario
// applies u to its own range, so where A and B give one path different ranges, both take the
// same quantile of their own range.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/uncertainty.h"

namespace bf::compare {

// 64-bit FNV-1a of the path's bytes: a stable identity that depends on the text alone.
std::uint64_t path_identity(std::string_view path);

// The quantile u ∈ (0, 1) of `path` in `replication`, uniform.
double parameter_quantile(std::uint64_t seed, int replication, std::string_view path);

// Every parameter of `ranges` at its quantile in `replication`, as (path, value as written),
// in the order of `ranges`: the assignments a scenario is loaded with
// (scenario::LoadOptions::assignments).
std::vector<std::pair<std::string, std::string>> sample_parameters(
    const std::vector<scenario::UncertainParameter>& ranges, std::uint64_t seed, int replication);

}  // namespace bf::compare
