// End-to-end tests of ensembles: byte-identical results for 1 and 2 threads and 2 MPI ranks,
// a run killed with SIGKILL and resumed gives the same bytes, checkpoints are refused when
// they do not match, and a sweep writes one row set per point.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "cli_process.h"

extern char** environ;

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;

// Whether this build runs under AddressSanitizer (the asan preset): GCC and clang spell it
// differently.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif
using ::testing::HasSubstr;

constexpr const char* kTiny = "scenarios/examples/tiny.yaml";
const std::vector<std::string> kEnsembleFiles = {
    ".borderflow-result", "ensemble_days.csv", "reference_days.csv", "replications.csv",
    "report.html",        "results.sqlite",    "scenario.json",      "summary.json"};

// Starts `argv` with stdout/stderr to /dev/null; returns its pid.
pid_t spawn(std::vector<std::string> argv_text) {
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

void expect_same_files(const fs::path& a, const fs::path& b) {
  for (const std::string& name : kEnsembleFiles) {
    EXPECT_EQ(read_bytes(a / name), read_bytes(b / name)) << name << " differs";
  }
}

std::int64_t count_rows(const fs::path& path, const std::string& table) {
  sqlite3* db = nullptr;
  std::int64_t n = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "SELECT count(*) FROM " + table;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return n;
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

using CliEnsembleTest = CliTest;

TEST_F(CliEnsembleTest, SameBytesForOneAndTwoThreads) {
  const CliResult one =
      cli({"run", kTiny, "--replications", "6", "--threads", "1", "-q", "--out", at("t1")});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliResult two =
      cli({"run", kTiny, "--replications", "6", "--threads", "2", "-q", "--out", at("t2")});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(entries(tmp() / "t1"), kEnsembleFiles);
  expect_same_files(tmp() / "t1", tmp() / "t2");
  EXPECT_EQ(one.out.substr(0, one.out.find("results in")),
            two.out.substr(0, two.out.find("results in")));
  EXPECT_EQ(one.err, "");  // no progress bar when stderr is not a terminal
  // 14 days x every output column of the days table, plus the header.
  const std::string days = read_bytes(tmp() / "t1" / "ensemble_days.csv");
  EXPECT_EQ(first_line(days), "point,date,output,mean,p5,p50,p95");
  EXPECT_EQ(line_count(days) % 14, 1u);
  EXPECT_EQ(line_count(read_bytes(tmp() / "t1" / "replications.csv")), 7u);
  EXPECT_EQ(count_rows(tmp() / "t1" / "results.sqlite", "replications"), 6);
  // No checkpoint is left behind after success.
  EXPECT_FALSE(fs::exists(tmp() / "t1.checkpoint"));
}

TEST_F(CliEnsembleTest, TwoMpiRanksGiveTheSameBytes) {
#ifndef BF_MPIEXEC
  GTEST_SKIP() << "built without MPI";
#else
  const CliResult threads =
      cli({"run", kTiny, "--replications", "6", "--threads", "2", "-q", "--out", at("t2")});
  ASSERT_EQ(threads.exit_code, 0) << threads.err;
  std::vector<std::string> command = {BF_MPIEXEC, "--oversubscribe", "--allow-run-as-root", "-np",
                                      "2"};
  if (kAddressSanitizer) {
    // OpenMPI's own plugins leak at exit (allocations in dlclose'd modules, not ours), which
    // LeakSanitizer would report from each rank; every other check stays on.
    command.insert(command.end(), {"-x", "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1"});
  }
  command.insert(command.end(), {BF_CLI, "run", kTiny, "--replications", "6", "--threads", "1",
                                 "-q", "--out", at("r2")});
  const pid_t pid = spawn(command);
  ASSERT_GT(pid, 0);
  ASSERT_EQ(wait_for(pid), 0);
  expect_same_files(tmp() / "t2", tmp() / "r2");
#endif
}

TEST_F(CliEnsembleTest, KilledRunResumesToTheSameBytes) {
  const std::vector<std::string> args = {"run",
                                         "scenarios/december-2023.yaml",
                                         "--days",
                                         "21",
                                         "--replications",
                                         "16",
                                         "--threads",
                                         "1",
                                         "-q"};
  std::vector<std::string> full = args;
  full.insert(full.end(), {"--out", at("full")});
  ASSERT_EQ(cli(full).exit_code, 0);

  std::vector<std::string> argv = {BF_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--out", at("killed")});
  const pid_t pid = spawn(argv);
  ASSERT_GT(pid, 0);
  // Wait until at least one replication is checkpointed, then kill without warning.
  const fs::path checkpoint = tmp() / "killed.checkpoint";
  bool saw_shard = false;
  for (int i = 0; i < 3000 && !saw_shard; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::error_code ec;
    saw_shard = fs::exists(checkpoint / "shard-g0-r0-w0", ec);
  }
  ::kill(pid, SIGKILL);
  ASSERT_EQ(wait_for(pid), 128 + SIGKILL);
  ASSERT_TRUE(saw_shard);
  ASSERT_TRUE(fs::exists(checkpoint));
  EXPECT_FALSE(fs::exists(tmp() / "killed"));

  // Without --resume the checkpoint is not silently discarded.
  std::vector<std::string> again = args;
  again.insert(again.end(), {"--out", at("killed")});
  const CliResult refused = cli(again);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("pass --resume to finish it"));

  again.push_back("--resume");
  const CliResult resumed = cli(again);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_THAT(resumed.out, ::testing::ContainsRegex(R"(\(([1-9]|1[0-5]) resumed\))"));
  expect_same_files(tmp() / "full", tmp() / "killed");
  EXPECT_FALSE(fs::exists(checkpoint));
}

TEST_F(CliEnsembleTest, ResumeNeedsAMatchingCheckpoint) {
  const CliResult none =
      cli({"run", kTiny, "--replications", "3", "--resume", "-q", "--out", at("x")});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("--resume: no checkpoint in"));
  fs::create_directories(tmp() / "x.checkpoint");
  write_bytes(tmp() / "x.checkpoint" / "run-key", "another run\n");
  const CliResult other =
      cli({"run", kTiny, "--replications", "3", "--resume", "-q", "--out", at("x")});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_THAT(other.err, HasSubstr("belongs to a different run"));
}

TEST_F(CliEnsembleTest, SweepWritesOneRowSetPerPoint) {
  write_bytes(tmp() / "sweep.yaml", "extends: " + (fs::current_path() / kTiny).string() +
                                        "\n"
                                        "ensemble:\n"
                                        "  replications: 2\n"
                                        "  sweep:\n"
                                        "    detention.beds: [1500, 3000]\n"
                                        "    sector_defaults.processing_agents: [10, 20, 40]\n");
  const CliResult r = cli({"run", at("sweep.yaml"), "-q", "--threads", "2", "--out", at("s")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("2 replications x 6 sweep points"));
  const std::string points = read_bytes(tmp() / "s" / "sweep_points.csv");
  EXPECT_EQ(first_line(points), "point,parameter,value");
  EXPECT_THAT(points,
              HasSubstr("\n5,detention.beds,3000\n5,sector_defaults.processing_agents,40\n"));
  EXPECT_EQ(count_rows(tmp() / "s" / "results.sqlite", "sweep_points"), 12);
  EXPECT_EQ(count_rows(tmp() / "s" / "results.sqlite", "replications"), 12);
  const std::int64_t per_point =
      count_rows(tmp() / "s" / "results.sqlite", "ensemble_days WHERE point = 0");
  EXPECT_GT(per_point, 0);
  EXPECT_EQ(count_rows(tmp() / "s" / "results.sqlite", "ensemble_days"), 6 * per_point);
  EXPECT_EQ(line_count(read_bytes(tmp() / "s" / "ensemble_days.csv")),
            static_cast<std::size_t>(6 * per_point + 1));
}

TEST_F(CliEnsembleTest, BadSweepIsBadInput) {
  write_bytes(tmp() / "bad.yaml", "extends: " + (fs::current_path() / kTiny).string() +
                                      "\nensemble:\n  sweep:\n    detention.bedz: [1, 2]\n");
  const CliResult r = cli({"run", at("bad.yaml"), "-q", "--out", at("b")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.yaml:4:5: error: unknown key 'bedz' at detention (did you "
                               "mean 'beds'?)"));
  EXPECT_FALSE(fs::exists(tmp() / "b"));
}

}  // namespace
}  // namespace bf::apps::testing
