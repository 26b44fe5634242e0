#include "compare/comparable_periods.h"

#include <fmt/format.h>

namespace bf::compare {

std::optional<std::string> period_mismatch(const std::string& name_a, const model::ModelSpec& a,
                                           const std::string& name_b, const model::ModelSpec& b) {
  if (a.start_date == b.start_date && a.days == b.days) return std::nullopt;
  return fmt::format(
      "{} and {} cover different periods ({} days from {} vs {} days from {}); compare needs "
      "the same start date and number of days",
      name_a, name_b, a.days, a.start_date.to_string(), b.days, b.start_date.to_string());
}

}  // namespace bf::compare
