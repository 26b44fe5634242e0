#include "util/atomic_file.h"

#include <fstream>
#include <system_error>

namespace bf::util {

std::string WriteError::to_string() const { return file + ": " + message; }

std::optional<WriteError> write_file_atomically(const std::filesystem::path& path,
                                                const std::string& text) {
  std::filesystem::path temp = path;
  temp += ".partial";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return WriteError{temp.string(), "cannot create file"};
    out << text;
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return WriteError{temp.string(), "cannot write file"};
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return WriteError{path.string(), "cannot replace file: " + ec.message()};
  }
  return std::nullopt;
}

}  // namespace bf::util
