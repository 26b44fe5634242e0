#include "cli_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace bf::apps::testing {
namespace fs = std::filesystem;

CliResult run_cli(const std::vector<std::string>& args, const fs::path& scratch) {
  const fs::path out_file = scratch / "stdout";
  const fs::path err_file = scratch / "stderr";

  std::vector<std::string> argv_text = {BF_CLI};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);

  CliResult result;
  if (rc != 0) {
    ADD_FAILURE() << "cannot start " << BF_CLI << ": " << std::strerror(rc);
    return result;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      ADD_FAILURE() << "waitpid failed: " << std::strerror(errno);
      return result;
    }
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  result.out = read_bytes(out_file);
  result.err = read_bytes(err_file);
  return result;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  ASSERT_TRUE(out) << "cannot write " << path;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

void CliTest::SetUp() {
  std::string pattern = (fs::path(::testing::TempDir()) / "bf-cli-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr)
      << "mkdtemp " << pattern << ": " << std::strerror(errno);
  root_ = pattern;
  tmp_ = root_ / "work";
  streams_ = root_ / "streams";
  fs::create_directory(tmp_);
  fs::create_directory(streams_);
}

void CliTest::TearDown() {
  if (root_.empty()) return;
  std::error_code ec;
  fs::remove_all(root_, ec);
}

}  // namespace bf::apps::testing
