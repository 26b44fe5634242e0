#pragma once
// Problems found while reading an official data file, reported as values with the place
// they were found, so a user can fix or re-download the file. Readers collect every problem
// in a file rather than stopping at the first.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bf::ingest {

struct DataError {
  std::string file;     // file name as given by the caller (no directory for shipped tables)
  int line = 0;         // 1-based; 0 when the problem concerns the whole file
  int column = 0;       // 1-based byte column; 0 when it concerns the whole line or file
  std::string message;  // what is wrong, with the offending text quoted

  // "file:line:column: message", leaving out a line or column that is 0 (and the file when
  // the problem is in the request, not in a file).
  std::string to_string() const;
};

// Reads a whole file as bytes (no newline conversion, so hashes match the file on disk).
// Returns the bytes, or an error naming the file when it cannot be opened or read or is not a
// regular file (a folder, a device).
struct FileText {
  std::optional<std::string> bytes;
  std::optional<DataError> error;
};
FileText read_file_bytes(const std::filesystem::path& path);

// "did you mean" helper: the candidate nearest to `text` by util::edit_distance, if it is
// close enough to be a plausible typo or rename (at most a third of the candidate's length).
std::optional<std::string_view> nearest_name(std::string_view text,
                                             const std::vector<std::string_view>& candidates);

}  // namespace bf::ingest
