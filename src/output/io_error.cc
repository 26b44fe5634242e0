#include "output/io_error.h"

#include <fmt/format.h>

#include <cstring>

namespace bf::output {

std::string describe_os_error(std::string_view what, std::string_view path, int errno_value) {
  // strerror is not thread-safe in general; strerror_r (GNU flavour) writes into our buffer
  // or returns a static immutable string, so concurrent simulations may call this.
  char buffer[256];
  const char* reason = strerror_r(errno_value, buffer, sizeof buffer);
  return fmt::format("{} '{}': {}", what, path, reason);
}

}  // namespace bf::output
