#include "compare/number_text.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>

#include "util/number_format.h"

namespace bf::compare {

std::string fixed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string readable(double v) {
  const std::int64_t tenths = std::llround(std::abs(v) * 10.0);
  if (tenths == 0) return "0.0";
  return fmt::format("{}{}.{}", v < 0 ? "-" : "", util::grouped(tenths / 10), tenths % 10);
}

}  // namespace bf::compare
