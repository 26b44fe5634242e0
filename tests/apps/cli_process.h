#pragma once
// Test helpers for the end-to-end CLI tests: run the borderflow binary as a child process and
// give each test its own scratch folder.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bf::apps::testing {

// What one run of the binary did.
struct CliResult {
  int exit_code = -1;  // the child's exit status; 128 + signal number if it was killed
  std::string out;     // everything written to standard output
  std::string err;     // everything written to standard error
};

// Runs BF_CLI with `args` (not including argv[0]) in the current working directory (the
// repository root under ctest), capturing both output streams through files in `scratch`.
CliResult run_cli(const std::vector<std::string>& args, const std::filesystem::path& scratch);

// The whole file as bytes; "" if it cannot be read (tests compare against expectations).
std::string read_bytes(const std::filesystem::path& path);
void write_bytes(const std::filesystem::path& path, const std::string& bytes);

// The first line of `text`, without its '\n'.
std::string first_line(const std::string& text);

// The names of the entries in `dir` (files and folders, hidden ones included), sorted.
std::vector<std::string> entries(const std::filesystem::path& dir);

// A fixture with a fresh folder under testing::TempDir(), removed with all it holds after the
// test. Captured streams go into a private subfolder so they never mix with results.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  CliResult cli(const std::vector<std::string>& args) { return run_cli(args, streams_); }
  // tmp() / name, as a string for use as an argument.
  std::string at(const std::string& name) const { return (tmp_ / name).string(); }
  const std::filesystem::path& tmp() const { return tmp_; }

 private:
  std::filesystem::path root_;     // the mkdtemp folder
  std::filesystem::path tmp_;      // root_/work: the test's own files
  std::filesystem::path streams_;  // root_/streams: captured stdout/stderr
};

}  // namespace bf::apps::testing
