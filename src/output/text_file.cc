#include "output/text_file.h"

#include <fmt/format.h>

#include <cerrno>

#include "output/io_error.h"

namespace bf::output {

// Large enough that a day's rows go out in a few system calls.
constexpr std::size_t kBufferBytes = 1 << 16;

TextFile::TextFile(std::filesystem::path path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) throw IoError(describe_os_error("cannot create", path_.string(), errno));
  std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
}

TextFile::~TextFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void TextFile::write(std::string_view text) {
  if (file_ == nullptr) throw IoError(fmt::format("write to closed file '{}'", path_.string()));
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    throw IoError(describe_os_error("cannot write", path_.string(), errno));
  }
}

void TextFile::close() {
  if (file_ == nullptr) return;
  std::FILE* file = file_;
  file_ = nullptr;
  errno = 0;
  const bool had_error = std::ferror(file) != 0;
  if (std::fclose(file) != 0 || had_error) {
    throw IoError(describe_os_error("cannot write", path_.string(), errno != 0 ? errno : EIO));
  }
}

void write_text_file(const std::filesystem::path& path, std::string_view text) {
  TextFile file(path);
  file.write(text);
  file.close();
}

}  // namespace bf::output
