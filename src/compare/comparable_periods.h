#pragma once
// Two scenarios compare only over the same days: the same start date and number of days
// (replication r of each then covers the same calendar). Shared by `borderflow compare` and
// Python's borderflow.compare, so both refuse with the same message.

#include <optional>
#include <string>

#include "model/model_spec.h"

namespace bf::compare {

// nullopt when `a` and `b` cover the same period; otherwise the message, naming them as
// `name_a` and `name_b` (their files).
std::optional<std::string> period_mismatch(const std::string& name_a, const model::ModelSpec& a,
                                           const std::string& name_b, const model::ModelSpec& b);

}  // namespace bf::compare
