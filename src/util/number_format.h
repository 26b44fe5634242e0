#pragma once
// Numbers written as text: thousands separated by commas for people; fixed decimals for the
// tables the calibrations write.

#include <cstdint>
#include <string>

namespace bf::util {

// 1234567 -> "1,234,567"; -1234 -> "-1,234". Every int64 value, INT64_MIN included.
std::string grouped(std::int64_t value);

// `value` with `decimals` digits after the point, e.g. fixed(0.25, 4) -> "0.2500". Locale-
// independent (std::to_chars), so tables are byte-identical wherever they are written.
std::string fixed(double value, int decimals);

}  // namespace bf::util
