#pragma once
// Numbers as compare's and sensitivity's tables and CSV files print them.

#include <string>

namespace bf::compare {

// `decimals` fixed decimals, without a negative zero ("-0.000" would read as a difference).
std::string fixed(double v, int decimals);

// One decimal, thousands grouped: 12345.67 → "12,345.7".
std::string readable(double v);

}  // namespace bf::compare
