#pragma once
// Numbers for people to read: thousands separated by commas.

#include <cstdint>
#include <string>

namespace bf::util {

// 1234567 -> "1,234,567"; -1234 -> "-1,234". Every int64 value, INT64_MIN included.
std::string grouped(std::int64_t value);

}  // namespace bf::util
