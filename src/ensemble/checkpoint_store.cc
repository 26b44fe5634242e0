#include "ensemble/checkpoint_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <string_view>

#include "util/sha256.h"

namespace bf::ensemble {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

void fsync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail("cannot open", path);
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("cannot fsync", path);
  }
  ::close(fd);
}

// temporary file, fsync, rename, fsync of the folder: the file is either the old or the new
// contents after a crash, never a mix.
void write_durably(const fs::path& path, const std::string& bytes) {
  const fs::path temp = path.string() + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", temp);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      fail("cannot write", temp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("cannot fsync", temp);
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) fail("cannot rename", temp);
  fsync_path(path.parent_path(), O_RDONLY | O_DIRECTORY);
}

// A shard is its SHA-256 (64 hex digits and a line end) then the statistics' bytes. The binary
// form's own checks catch a truncated or malformed shard but not a changed count (one changed
// byte gave different results in 4 of 8 positions tried, issue 19): the checksum catches any.
constexpr std::string_view kShardMagic = "borderflow-shard-sha256 ";
constexpr std::size_t kShardHeader = kShardMagic.size() + 64 + 1;

std::string with_checksum(const std::string& payload) {
  return std::string(kShardMagic) + util::sha256(payload) + "\n" + payload;
}

// The statistics' bytes of a shard whose checksum matches them; nullopt otherwise.
std::optional<std::string_view> checked_payload(std::string_view shard) {
  if (shard.size() < kShardHeader || shard.substr(0, kShardMagic.size()) != kShardMagic ||
      shard[kShardHeader - 1] != '\n') {
    return std::nullopt;
  }
  const std::string_view payload = shard.substr(kShardHeader);
  if (shard.substr(kShardMagic.size(), 64) != util::sha256(payload)) return std::nullopt;
  return payload;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CheckpointError("cannot read checkpoint file " + path.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

fs::path CheckpointStore::folder_for(const fs::path& out) {
  fs::path target = out.lexically_normal();
  if (target.has_filename() == false) target = target.parent_path();
  return target.string() + ".checkpoint";
}

CheckpointStore::Opened CheckpointStore::open(bool resume, int points, int days,
                                              std::size_t columns) const {
  Opened opened{0, EnsembleStatistics(points, days, columns)};
  std::error_code ec;
  const bool exists = fs::exists(folder_, ec);
  if (!resume) {
    if (exists) {
      throw CheckpointError("a checkpoint of an unfinished run exists in " + folder_.string() +
                            "; pass --resume to finish it, or delete the folder to start over");
    }
    fs::create_directory(folder_, ec);
    if (ec) throw std::runtime_error("cannot create " + folder_.string() + ": " + ec.message());
    write_durably(folder_ / "run-key", run_key_);
    fsync_path(folder_.parent_path().empty() ? fs::path(".") : folder_.parent_path(),
               O_RDONLY | O_DIRECTORY);
    return opened;
  }
  if (!exists) {
    throw CheckpointError("--resume: no checkpoint in " + folder_.string() +
                          " (the run finished, or never started with these --out)");
  }
  if (read_all(folder_ / "run-key") != run_key_) {
    throw CheckpointError("--resume: the checkpoint in " + folder_.string() +
                          " belongs to a different run (scenario, seed, replications, sweep or "
                          "version changed)");
  }
  static const std::regex kShard(R"(shard-g(\d+)-r(\d+)-w(\d+))");
  for (const fs::directory_entry& e : fs::directory_iterator(folder_)) {
    const std::string name = e.path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, kShard)) continue;  // run-key, *.tmp of an interrupted write
    opened.generation = std::max(opened.generation, std::stoi(m[1].str()) + 1);
    const std::string bytes = read_all(e.path());
    const std::optional<std::string_view> payload = checked_payload(bytes);
    if (!payload) {
      // Never trusted: its replications may have changed. Nothing was run yet.
      throw CheckpointError("damaged checkpoint file " + e.path().string() +
                            " (its SHA-256 does not match its contents); delete " +
                            folder_.string() + " to run the ensemble again from the start");
    }
    const std::optional<EnsembleStatistics> shard =
        EnsembleStatistics::parse(*payload, points, days, columns);
    if (!shard) throw CheckpointError("damaged checkpoint file " + e.path().string());
    try {
      opened.finished.merge(*shard);
    } catch (const std::runtime_error& err) {
      throw CheckpointError("inconsistent checkpoint in " + folder_.string() + ": " + err.what());
    }
  }
  return opened;
}

void CheckpointStore::write_shard(int generation, int rank, int worker,
                                  const EnsembleStatistics& stats) const {
  write_durably(folder_ / ("shard-g" + std::to_string(generation) + "-r" + std::to_string(rank) +
                           "-w" + std::to_string(worker)),
                with_checksum(stats.serialize()));
}

void CheckpointStore::remove() const {
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

}  // namespace bf::ensemble
