#include "output/output_folder.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

#include "output/io_error.h"

namespace bf::output {
namespace fs = std::filesystem;

namespace {

// Bounds the search for a free temporary name; each attempt is one mkdir.
constexpr int kMaxNameAttempts = 10000;

enum class TargetKind { kAbsent, kReplaceable };

// Classifies an existing or absent target; throws when replacing it would destroy something
// that is not ours.
TargetKind inspect_target(const fs::path& target) {
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0) {
    if (errno == ENOENT) return TargetKind::kAbsent;
    throw IoError(describe_os_error("cannot inspect output folder", target.string(), errno));
  }
  if (!S_ISDIR(st.st_mode)) {
    throw IoError(fmt::format("output folder '{}' exists and is not a folder", target.string()));
  }
  std::error_code ec;
  const bool is_empty = fs::is_empty(target, ec);
  if (ec) {
    throw IoError(fmt::format("cannot read output folder '{}': {}", target.string(), ec.message()));
  }
  if (is_empty || fs::exists(target / OutputFolder::kMarkerFileName, ec)) {
    return TargetKind::kReplaceable;
  }
  throw IoError(fmt::format(
      "refusing to replace folder '{}': it is neither empty nor a borderflow result (no {} file)",
      target.string(), OutputFolder::kMarkerFileName));
}

void fsync_path(const fs::path& path, bool is_directory) {
  const int flags = O_RDONLY | O_CLOEXEC | (is_directory ? O_DIRECTORY : 0);
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw IoError(describe_os_error("cannot open for fsync", path.string(), errno));
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    throw IoError(describe_os_error("cannot fsync", path.string(), err));
  }
  ::close(fd);
}

// Flushes every file and folder below `root`, then `root` itself, so the rename that
// publishes them cannot reach the disk before their contents do.
void fsync_tree(const fs::path& root) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::file_status status = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_regular_file(status)) fsync_path(it->path(), false);
    if (fs::is_directory(status)) fsync_path(it->path(), true);
  }
  if (ec) throw IoError(fmt::format("cannot list folder '{}': {}", root.string(), ec.message()));
  fsync_path(root, true);
}

fs::path parent_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

// `<target><infix><pid>-<n>` for the first n where `is_free` accepts the name.
template <typename IsFree>
fs::path sibling_name(const fs::path& target, std::string_view infix, IsFree is_free) {
  const long pid = static_cast<long>(::getpid());
  for (int n = 0; n < kMaxNameAttempts; ++n) {
    fs::path candidate = target;
    candidate += fmt::format("{}{}-{}", infix, pid, n);
    if (is_free(candidate)) return candidate;
  }
  throw IoError(fmt::format("no free name '{}{}{}-N' next to the output folder", target.string(),
                            infix, pid));
}

// Removes what killed runs left next to `target`: folders `<name>.tmp-<pid>-<n>` that carry
// the result marker (so this class made them) and whose process no longer exists. A live run's
// folder, or anything else, is left alone. Best effort: a leftover is harmless, so errors are
// ignored. (Process ids are per machine: two hosts writing one shared folder at once would
// already be a conflict.)
void remove_abandoned_temporaries(const fs::path& target) {
  const std::string prefix = target.filename().string() + ".tmp-";
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(parent_of(target), error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string rest = name.substr(prefix.size());  // "<pid>-<n>"
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789") != dash) {
      continue;
    }
    const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
    const bool gone = pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    std::error_code ignored;
    if (gone && fs::exists(entry.path() / OutputFolder::kMarkerFileName, ignored)) {
      fs::remove_all(entry.path(), ignored);
    }
  }
}

// The identity (device, inode) of the target's marker file, or (0, 0) without one.
std::pair<std::uint64_t, std::uint64_t> marker_identity(const fs::path& target) {
  struct stat st {};
  const fs::path marker = target / OutputFolder::kMarkerFileName;
  if (::stat(marker.c_str(), &st) != 0) return {0, 0};
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

}  // namespace

OutputFolder OutputFolder::create(const fs::path& requested) {
  fs::path target = requested;
  // "out/" names the folder "out".
  if (!target.has_filename() && target.has_parent_path()) target = target.parent_path();
  const fs::path name = target.filename();
  if (name.empty() || name == "." || name == "..") {
    throw IoError(fmt::format("output folder '{}' does not name a folder", requested.string()));
  }
  const fs::path parent = parent_of(target);
  struct stat st {};
  if (::stat(parent.c_str(), &st) != 0) {
    throw IoError(describe_os_error("cannot use parent of output folder", parent.string(), errno));
  }
  if (!S_ISDIR(st.st_mode)) {
    throw IoError(fmt::format("parent of output folder '{}' is not a folder", parent.string()));
  }
  inspect_target(target);
  remove_abandoned_temporaries(target);

  int mkdir_errno = 0;
  fs::path temp = sibling_name(target, ".tmp-", [&mkdir_errno](const fs::path& candidate) {
    if (::mkdir(candidate.c_str(), 0777) == 0) return true;
    mkdir_errno = errno;
    if (mkdir_errno == EEXIST) return false;
    throw IoError(
        describe_os_error("cannot create temporary output folder", candidate.string(), errno));
  });
  const auto [device, inode] = marker_identity(target);
  OutputFolder folder(std::move(target), std::move(temp));  // from here, cleanup is automatic
  folder.marker_device_ = device;
  folder.marker_inode_ = inode;

  const fs::path marker = folder.temp_ / kMarkerFileName;
  std::FILE* file = std::fopen(marker.c_str(), "wb");
  if (file == nullptr) throw IoError(describe_os_error("cannot create", marker.string(), errno));
  const std::string_view text = "borderflow result folder: a later run may replace it\n";
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const int write_errno = errno;
  if (std::fclose(file) != 0 || !written) {
    throw IoError(
        describe_os_error("cannot write", marker.string(), written ? errno : write_errno));
  }
  return folder;
}

OutputFolder::OutputFolder(OutputFolder&& other) noexcept
    : target_(std::move(other.target_)),
      temp_(std::exchange(other.temp_, fs::path())),
      committed_(std::exchange(other.committed_, false)),
      marker_device_(other.marker_device_),
      marker_inode_(other.marker_inode_) {}

OutputFolder& OutputFolder::operator=(OutputFolder&& other) noexcept {
  if (this != &other) {
    if (!committed_ && !temp_.empty()) {
      std::error_code ignored;
      fs::remove_all(temp_, ignored);
    }
    target_ = std::move(other.target_);
    temp_ = std::exchange(other.temp_, fs::path());
    committed_ = std::exchange(other.committed_, false);
    marker_device_ = other.marker_device_;
    marker_inode_ = other.marker_inode_;
  }
  return *this;
}

OutputFolder::~OutputFolder() {
  if (!committed_ && !temp_.empty()) {
    // Best effort: a destructor cannot report, and a leftover .tmp- folder is harmless.
    std::error_code ignored;
    fs::remove_all(temp_, ignored);
  }
}

void OutputFolder::commit() {
  if (committed_) throw IoError(fmt::format("'{}' is already committed", target_.string()));
  if (temp_.empty()) throw IoError("commit() on a moved-from OutputFolder");
  fsync_tree(temp_);

  if (marker_identity(target_) != std::pair{marker_device_, marker_inode_}) {
    throw IoError(fmt::format(
        "another run wrote its results into '{}' while this one ran; they are kept, and this "
        "run's are discarded",
        target_.string()));
  }
  if (inspect_target(target_) == TargetKind::kAbsent) {
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
      throw IoError(
          describe_os_error("cannot move results into place at", target_.string(), errno));
    }
  } else if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) ==
             0) {
    // Atomic swap: temp_ now names the previous result.
    std::error_code ignored;  // a leftover old folder does not undo a successful commit
    fs::remove_all(temp_, ignored);
  } else {
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
      throw IoError(describe_os_error("cannot replace previous result", target_.string(), errno));
    }
    // The filesystem cannot exchange: rename the old result aside, then the new one in.
    const fs::path aside = sibling_name(target_, ".old-", [](const fs::path& candidate) {
      std::error_code ec;
      return !fs::exists(fs::symlink_status(candidate, ec));
    });
    if (::rename(target_.c_str(), aside.c_str()) != 0) {
      throw IoError(
          describe_os_error("cannot move previous result aside", target_.string(), errno));
    }
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
      const int err = errno;
      ::rename(aside.c_str(), target_.c_str());  // put the previous result back
      throw IoError(describe_os_error("cannot move results into place at", target_.string(), err));
    }
    std::error_code ignored;
    fs::remove_all(aside, ignored);
  }
  committed_ = true;
  // Make the rename itself durable.
  fsync_path(parent_of(target_), true);
}

}  // namespace bf::output
