#include "ingest/data_error.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "util/edit_distance.h"

namespace bf::ingest {

std::string DataError::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  if (out.empty()) return message;
  out += ": " + message;
  return out;
}

FileText read_file_bytes(const std::filesystem::path& path) {
  // A folder opens fine as a stream and reads as empty ("empty file" would mislead); a
  // device or pipe could block or never end.
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    return {std::nullopt, DataError{path.string(), 0, 0, "is a directory, not a file"}};
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    return {std::nullopt, DataError{path.string(), 0, 0, "not a regular file"}};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, DataError{path.string(), 0, 0, "cannot open file"}};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return {std::nullopt, DataError{path.string(), 0, 0, "cannot read file"}};
  return {std::move(buffer).str(), std::nullopt};
}

std::optional<std::string_view> nearest_name(std::string_view text,
                                             const std::vector<std::string_view>& candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (std::string_view candidate : candidates) {
    const auto d = static_cast<std::size_t>(util::edit_distance(text, candidate));
    if (d * 3 > std::max<std::size_t>(candidate.size(), 3)) continue;
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace bf::ingest
