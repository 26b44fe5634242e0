#pragma once
// Whole files written so that readers never see half of one: the calibrated tables of
// `calibrate` and `calibrate-ports`, and the text outputs of `fit-demand`, `validate`,
// `compare` and `sensitivity`. Failures are returned as values, for the caller to report.

#include <filesystem>
#include <optional>
#include <string>

namespace bf::util {

// A file that could not be written, and why.
struct WriteError {
  std::string file;     // the path that failed (the `.partial` file while writing)
  std::string message;  // "cannot create file", "cannot write file", "cannot replace file: ..."
  // "file: message".
  std::string to_string() const;
};

// Writes `text` to `path` through `<path>.partial` renamed over it: rename within one folder
// is atomic on POSIX, so readers never see a half-written table. On failure the partial file
// is removed and the error names the file ("cannot create file", "cannot write file",
// "cannot replace file: <reason>").
std::optional<WriteError> write_file_atomically(const std::filesystem::path& path,
                                                const std::string& text);

}  // namespace bf::util
