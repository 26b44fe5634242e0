#pragma once
// SHA-256 (FIPS 180-4), used to name the exact source files a derived table was built from.
// Own implementation so the project needs no crypto library; not meant for secrets.

#include <string>
#include <string_view>

namespace bf::util {

// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal characters. Pure function.
std::string sha256(std::string_view bytes);

}  // namespace bf::util
