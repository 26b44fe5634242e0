#include "output/output_folder.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/io_error.h"
#include "output/text_file.h"
#include "test_folder.h"

namespace bf::output {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::ScratchFolder;

// Every name in `folder`, sorted.
std::vector<std::string> entries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const IoError& e) {
    return e.what();
  }
  return "<no error>";
}

TEST(OutputFolderTest, CommitCreatesTheTarget) {
  ScratchFolder scratch;
  const fs::path target = scratch.path() / "run";
  auto out = OutputFolder::create(target);
  EXPECT_EQ(out.path().parent_path(), scratch.path());
  EXPECT_EQ(out.path().filename().string().rfind("run.tmp-" + std::to_string(::getpid()) + "-", 0),
            0u)
      << out.path();
  EXPECT_FALSE(fs::exists(target));
  write_text_file(out.file("a.csv"), "x\n");
  out.commit();
  EXPECT_TRUE(out.committed());
  EXPECT_EQ(out.path(), target);
  EXPECT_EQ(read_file(target / "a.csv"), "x\n");
  EXPECT_TRUE(fs::exists(target / OutputFolder::kMarkerFileName));
  EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"run"});
}

TEST(OutputFolderTest, TrailingSlashNamesTheFolder) {
  ScratchFolder scratch;
  auto out = OutputFolder::create(scratch.path() / "run" / "");
  out.commit();
  EXPECT_TRUE(fs::is_directory(scratch.path() / "run"));
}

TEST(OutputFolderTest, ExceptionBeforeCommitLeavesNothing) {
  ScratchFolder scratch;
  try {
    auto out = OutputFolder::create(scratch.path() / "run");
    write_text_file(out.file("a.csv"), "half");
    throw std::runtime_error("model failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(entries(scratch.path()).empty());
}

TEST(OutputFolderTest, FailedRunKeepsThePreviousResult) {
  ScratchFolder scratch;
  const fs::path target = scratch.path() / "run";
  {
    auto first = OutputFolder::create(target);
    write_text_file(first.file("a.csv"), "first\n");
    first.commit();
  }
  {
    auto second = OutputFolder::create(target);
    write_text_file(second.file("a.csv"), "second, half written");
    // no commit: the run failed
  }
  EXPECT_EQ(read_file(target / "a.csv"), "first\n");
  EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"run"});
}

TEST(OutputFolderTest, CommitReplacesAPreviousResult) {
  ScratchFolder scratch;
  const fs::path target = scratch.path() / "run";
  {
    auto first = OutputFolder::create(target);
    write_text_file(first.file("a.csv"), "first\n");
    write_text_file(first.file("only_in_first.csv"), "old\n");
    first.commit();
  }
  auto second = OutputFolder::create(target);
  write_text_file(second.file("a.csv"), "second\n");
  second.commit();
  EXPECT_EQ(read_file(target / "a.csv"), "second\n");
  EXPECT_FALSE(fs::exists(target / "only_in_first.csv"));
  EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"run"});
}

TEST(OutputFolderTest, ReplacesAnEmptyFolder) {
  ScratchFolder scratch;
  fs::create_directory(scratch.path() / "run");
  auto out = OutputFolder::create(scratch.path() / "run");
  write_text_file(out.file("a.csv"), "x\n");
  out.commit();
  EXPECT_EQ(read_file(scratch.path() / "run" / "a.csv"), "x\n");
}

TEST(OutputFolderTest, RefusesToReplaceAForeignFolder) {
  ScratchFolder scratch;
  const fs::path target = scratch.path() / "home";
  fs::create_directory(target);
  write_text_file(target / "precious.txt", "keep me\n");
  const std::string message = error_of([&] { OutputFolder::create(target); });
  EXPECT_NE(message.find("refusing to replace folder"), std::string::npos) << message;
  EXPECT_NE(message.find(target.string()), std::string::npos) << message;
  EXPECT_EQ(read_file(target / "precious.txt"), "keep me\n");
  EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"home"});
}

TEST(OutputFolderTest, TargetThatIsAFileIsAnError) {
  ScratchFolder scratch;
  const fs::path target = scratch.path() / "run";
  write_text_file(target, "a file\n");
  const std::string message = error_of([&] { OutputFolder::create(target); });
  EXPECT_NE(message.find("exists and is not a folder"), std::string::npos) << message;
  EXPECT_EQ(read_file(target), "a file\n");
}

TEST(OutputFolderTest, MissingParentIsAnErrorNamingPathAndReason) {
  ScratchFolder scratch;
  const fs::path target = scratch.path() / "missing" / "run";
  const std::string message = error_of([&] { OutputFolder::create(target); });
  EXPECT_NE(message.find((scratch.path() / "missing").string()), std::string::npos) << message;
  EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
}

TEST(OutputFolderTest, ParentThatIsAFileIsAnError) {
  // Works as root too, unlike permission bits.
  ScratchFolder scratch;
  write_text_file(scratch.path() / "plain_file", "x\n");
  const fs::path target = scratch.path() / "plain_file" / "run";
  const std::string message = error_of([&] { OutputFolder::create(target); });
  EXPECT_NE(message.find("plain_file"), std::string::npos) << message;
  EXPECT_NE(message.find("is not a folder"), std::string::npos) << message;
}

TEST(OutputFolderTest, UnwritableParentIsAnError) {
  ScratchFolder scratch;
  const fs::path parent = scratch.path() / "read_only";
  fs::create_directory(parent);
  ASSERT_EQ(::chmod(parent.c_str(), 0555), 0);
  // Root (and CAP_DAC_OVERRIDE) ignores permission bits: probe whether we can still write.
  const bool can_write = ::access(parent.c_str(), W_OK) == 0;
  if (can_write) {
    ::chmod(parent.c_str(), 0755);
    GTEST_SKIP() << "running with permission override (root?): chmod 0555 does not stop "
                    "writes; ParentThatIsAFileIsAnError covers the error path";
  }
  const std::string message = error_of([&] { OutputFolder::create(parent / "run"); });
  ::chmod(parent.c_str(), 0755);
  EXPECT_NE(message.find(parent.string()), std::string::npos) << message;
  EXPECT_NE(message.find("Permission denied"), std::string::npos) << message;
}

TEST(OutputFolderTest, TwoFoldersForOneTargetGetDistinctTemporaries) {
  ScratchFolder scratch;
  auto a = OutputFolder::create(scratch.path() / "run");
  auto b = OutputFolder::create(scratch.path() / "run");
  EXPECT_NE(a.path(), b.path());
}

// Two runs into one folder (issue 19): the first to commit keeps its result; the other is
// refused instead of replacing it and printing "results in DIR" as if it had won.
TEST(OutputFolderTest, TheFirstOfTwoConcurrentRunsKeepsTheTarget) {
  for (const bool previous : {false, true}) {
    ScratchFolder scratch;
    const fs::path target = scratch.path() / "run";
    if (previous) {
      auto old = OutputFolder::create(target);
      write_text_file(old.file("a.csv"), "old\n");
      old.commit();
    }
    auto a = OutputFolder::create(target);
    auto b = OutputFolder::create(target);
    write_text_file(a.file("a.csv"), "a\n");
    write_text_file(b.file("a.csv"), "b\n");
    b.commit();
    EXPECT_NE(error_of([&] { a.commit(); }).find("another run wrote its results into"),
              std::string::npos);
    EXPECT_EQ(read_file(target / "a.csv"), "b\n");
  }
}

TEST(OutputFolderTest, MovedFromFolderDoesNotDeleteTheTemporary) {
  ScratchFolder scratch;
  auto a = OutputFolder::create(scratch.path() / "run");
  OutputFolder b = std::move(a);
  write_text_file(b.file("a.csv"), "x\n");
  b.commit();
  EXPECT_EQ(read_file(scratch.path() / "run" / "a.csv"), "x\n");
}

TEST(OutputFolderTest, CommitTwiceIsAnError) {
  ScratchFolder scratch;
  auto out = OutputFolder::create(scratch.path() / "run");
  out.commit();
  EXPECT_NE(error_of([&] { out.commit(); }).find("already committed"), std::string::npos);
}

}  // namespace
}  // namespace bf::output
