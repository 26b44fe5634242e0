// Failure without damage and absurd but valid sizes (docs/reliability.md), through the real
// binary: a read-only output folder, a disk that fills (a small tmpfs), a kill in the middle of
// a run, and a 20-year horizon. After a failure the result folder holds either the previous
// complete result or nothing. The tmpfs cases need permission to mount (root in CI's
// container); elsewhere they are skipped and say so.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_process.h"

extern char** environ;

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTiny = "scenarios/examples/tiny.yaml";

// Writes an arrival table for `months` months from 2024-01 where every sector sees
// `per_day` single adult Mexicans a day and nobody else, and a scenario over `days` days.
fs::path write_long_scenario(const fs::path& dir, int months, int days, double per_day) {
  static constexpr const char* kSectors[] = {"san_diego", "el_centro", "yuma",
                                             "tucson",    "el_paso",   "big_bend",
                                             "del_rio",   "laredo",    "rio_grande_valley"};
  static constexpr const char* kDemographics[] = {"single_adult", "family_unit_member",
                                                  "unaccompanied_child", "accompanied_minor"};
  static constexpr const char* kCitizenships[] = {"mexico", "guatemala", "honduras", "el_salvador",
                                                  "other"};
  std::ofstream table(dir / "table.csv");
  table << "sector,month,demographic,citizenship,encounters_per_day\n";
  for (int m = 0; m < months; ++m) {
    char month[16];  // "YYYY-MM" and room for any int the compiler imagines
    std::snprintf(month, sizeof month, "%04d-%02d", 2024 + m / 12, m % 12 + 1);
    for (const char* s : kSectors) {
      for (const char* d : kDemographics) {
        for (const char* c : kCitizenships) {
          const bool on = std::string(d) == "single_adult" && std::string(c) == "mexico";
          table << s << ',' << month << ',' << d << ',' << c << ',' << (on ? per_day : 0.0) << '\n';
        }
      }
    }
  }
  std::ofstream(dir / "long.yaml")
      << "start: 2024-01-01\ndays: " << days << "\narrivals: {table: table.csv}\n";
  return dir / "long.yaml";
}

// Spawns the binary with standard output and error sent to /dev/null.
pid_t spawn_cli(std::vector<std::string> args) {
  args.insert(args.begin(), BF_CLI);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// Mounts a tmpfs of `bytes` at `dir` (created); false when not permitted.
bool mount_tmpfs(const fs::path& dir, std::size_t bytes, bool read_only = false) {
  fs::create_directories(dir);
  const std::string options = "size=" + std::to_string(bytes);
  return ::mount("tmpfs", dir.c_str(), "tmpfs", read_only ? MS_RDONLY : 0, options.c_str()) == 0;
}

class NoDamageTest : public CliTest {
 protected:
  void TearDown() override {
    for (const fs::path& m : mounts_) ::umount2(m.c_str(), MNT_DETACH);
    CliTest::TearDown();
  }
  bool tmpfs(const fs::path& dir, std::size_t bytes, bool read_only = false) {
    if (!mount_tmpfs(dir, bytes, read_only)) return false;
    mounts_.push_back(dir);
    return true;
  }
  std::vector<fs::path> mounts_;
};

TEST_F(NoDamageTest, ReadOnlyOutputFolderLeavesNothing) {
  const fs::path ro = tmp() / "ro";
  if (!tmpfs(ro, 1 << 20, /*read_only=*/true)) {
    // Not root: permissions do the same job (root ignores them, hence the mount).
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
  }
  const CliResult r = cli({"run", kTiny, "--out", (ro / "out").string(), "--quiet"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(first_line(r.err).rfind("borderflow: error: cannot create temporary output folder '" +
                                        (ro / "out").string() + ".tmp-",
                                    0),
            0u)
      << r.err;
  EXPECT_EQ(entries(ro), std::vector<std::string>{});
  std::error_code ignored;  // a read-only mount refuses; the fixture unmounts it
  fs::permissions(ro, fs::perms::owner_all, ignored);
}

TEST_F(NoDamageTest, FullDiskLeavesNothingOrThePreviousResult) {
  const fs::path disk = tmp() / "disk";
  // tiny.yaml's results take about 100 KB; 2 MB holds one result and the next attempt's
  // files until the filler below leaves too little.
  if (!tmpfs(disk, 2 << 20)) GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  const std::string out = (disk / "out").string();
  ASSERT_EQ(cli({"run", kTiny, "--out", out, "--quiet"}).exit_code, 0);
  const std::string previous = read_bytes(disk / "out" / "days.csv");
  ASSERT_FALSE(previous.empty());

  // Fills the disk, then gives back 16 KB: enough to start a run, not to finish it.
  const auto fill = [&disk] {
    {
      std::ofstream filler(disk / "filler", std::ios::binary | std::ios::app);
      const std::string block(4096, 'x');
      while (filler.write(block.data(), block.size())) {
      }
    }
    fs::resize_file(disk / "filler", fs::file_size(disk / "filler") - (16 << 10));
  };
  fill();

  const CliResult r = cli({"run", kTiny, "--out", out, "--quiet", "--seed", "7"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_EQ(read_bytes(disk / "out" / "days.csv"), previous) << "previous result damaged";
  EXPECT_EQ(entries(disk), (std::vector<std::string>{"filler", "out"}));

  // With no previous result, nothing at all is left.
  fs::remove_all(disk / "out");
  fill();
  const CliResult again = cli({"run", kTiny, "--out", out, "--quiet"});
  EXPECT_EQ(again.exit_code, 3) << again.err;
  EXPECT_EQ(entries(disk), std::vector<std::string>{"filler"});
}

TEST_F(NoDamageTest, KillInTheMiddleKeepsThePreviousResult) {
  const fs::path scenario = write_long_scenario(tmp(), 12 * 20, 7305, 5.0);
  const std::string out = at("out");
  ASSERT_EQ(cli({"run", scenario.string(), "--out", out, "--quiet", "--days", "30"}).exit_code, 0);
  const std::string previous = read_bytes(tmp() / "out" / "days.csv");

  const pid_t pid = spawn_cli({"run", scenario.string(), "--out", out, "--quiet"});
  ASSERT_GT(pid, 0);
  // Kill it once it is writing: its temporary folder exists (within 20 s; then 400 ms more).
  auto writing = [&] {
    for (const std::string& name : entries(tmp())) {
      if (name.rfind("out.tmp-", 0) == 0) return true;
    }
    return false;
  };
  for (int i = 0; i < 200 && !writing(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";

  EXPECT_EQ(read_bytes(tmp() / "out" / "days.csv"), previous) << "previous result damaged";
  // A killed run cannot clean up: its temporary folder stays, named as such, never as a
  // result...
  int leftovers = 0;
  for (const std::string& name : entries(tmp())) {
    if (name == "out" || name == "table.csv" || name == "long.yaml") continue;
    EXPECT_EQ(name.rfind("out.tmp-", 0), 0u) << name;
    ++leftovers;
  }
  EXPECT_EQ(leftovers, 1);
  // ... until the next run into the same folder removes it (its process is gone).
  ASSERT_EQ(cli({"run", scenario.string(), "--out", out, "--quiet", "--days", "3"}).exit_code, 0);
  EXPECT_EQ(entries(tmp()), (std::vector<std::string>{"long.yaml", "out", "table.csv"}));
}

// 20 years of days, within bounded memory: the peak resident size of the run is measured.
TEST_F(NoDamageTest, TwentyYearHorizonRunsInBoundedMemory) {
  const fs::path scenario = write_long_scenario(tmp(), 12 * 20, 7305, 1.0);
  const pid_t pid = spawn_cli({"run", scenario.string(), "--out", at("out"), "--quiet"});
  ASSERT_GT(pid, 0);
  int status = 0;
  rusage usage{};
  ASSERT_EQ(::wait4(pid, &status, 0, &usage), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // 28 MB in a release build; AddressSanitizer's shadow memory and quarantine take ~0.7 GB more.
#if defined(__SANITIZE_ADDRESS__)
  constexpr long kLimitKb = 2048L * 1024;
#else
  constexpr long kLimitKb = 512L * 1024;
#endif
  EXPECT_LT(usage.ru_maxrss, kLimitKb) << "peak resident size in KB";
  EXPECT_TRUE(fs::exists(tmp() / "out" / "days.csv"));
}

}  // namespace
}  // namespace bf::apps::testing
