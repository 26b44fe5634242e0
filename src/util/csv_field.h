#pragma once
// Writing one text field of a CSV line per RFC 4180, the format csv_reader.h reads back: a
// field holding a comma, a double quote or a line break is enclosed in double quotes, with
// each double quote inside doubled; any other field is written as it is. Numbers never need
// it; names a user chose (a crossing's key) may.

#include <string>
#include <string_view>

namespace bf::util {

// Appends `field` to `line`, quoted when RFC 4180 requires it.
void append_csv_field(std::string& line, std::string_view field);

}  // namespace bf::util
