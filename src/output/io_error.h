#pragma once
// The one exception type of the output layer. Every message names the path involved and, for
// system-call failures, the operating system's reason (strerror), so a user can act on it
// without a debugger: "cannot create folder 'out.tmp-12-0': Permission denied".

#include <stdexcept>
#include <string>
#include <string_view>

namespace bf::output {

class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "<what> '<path>': <strerror(errno_value)>", the common shape of our messages.
std::string describe_os_error(std::string_view what, std::string_view path, int errno_value);

}  // namespace bf::output
