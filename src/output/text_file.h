#pragma once
// A write-only text file with checked errors: every failure throws IoError naming the path
// and the OS reason. Writes are buffered by stdio; close() flushes and reports what the
// buffer hid. The destructor closes silently (it cannot report), so call close() on success.

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace bf::output {

class TextFile {
 public:
  // Creates or truncates `path`.
  explicit TextFile(std::filesystem::path path);
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;
  ~TextFile();

  void write(std::string_view text);
  void close();
  const std::filesystem::path& path() const { return path_; }
  bool is_open() const { return file_ != nullptr; }

 private:
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
};

// Writes `text` to `path` in one go (create or truncate); throws IoError.
void write_text_file(const std::filesystem::path& path, std::string_view text);

}  // namespace bf::output
