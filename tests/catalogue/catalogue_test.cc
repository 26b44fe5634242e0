// The catalogue of bad inputs: tests/catalogue/cases.txt lists each case as a block
//
//   [group/name]
//   args: check tests/catalogue/scenario/name.yaml
//   exit: 2
//   stderr: tests/catalogue/scenario/name.yaml:7:7: error: ...
//   stderr: ...
//
// `args` are split at spaces; `{out}` becomes a path in the test's scratch folder that does
// not exist yet, `{tmp}` the scratch folder itself (in `args` and `stderr` alike). Each `stderr`
// line must equal the next line of the binary's standard error, from the first (so the message and
// its file:line:column are pinned byte for byte). A case may first prepare files with `setup:`
// lines, each a borderflow command line that must succeed (e.g. `setup: run
// scenarios/examples/tiny.yaml --out {tmp}/a --quiet`). After the case, nothing may have been
// written: `{out}` must not exist, the scratch folder must hold exactly what the setup left, byte
// for byte, and the catalogue's own folder must be unchanged.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kCatalogue = fs::path(BF_SOURCE_DIR) / "tests" / "catalogue";

struct Case {
  std::string name;
  int line = 0;  // in cases.txt
  std::string args;
  std::vector<std::string> setup;  // borderflow command lines run first, each must exit 0
  int exit_code = -1;
  std::vector<std::string> stderr_lines;
};

// How ctest and gtest name a case in their output (instead of a dump of its bytes).
void PrintTo(const Case& c, std::ostream* out) { *out << "cases.txt:" << c.line << ' ' << c.name; }

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  std::ifstream in(kCatalogue / "cases.txt");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      cases.push_back(Case{line.substr(1, line.size() - 2), number, "", {}, -1, {}});
      continue;
    }
    if (cases.empty()) continue;
    Case& c = cases.back();
    if (line.rfind("args: ", 0) == 0) c.args = line.substr(6);
    if (line.rfind("setup: ", 0) == 0) c.setup.push_back(line.substr(7));
    if (line.rfind("exit: ", 0) == 0) c.exit_code = std::stoi(line.substr(6));
    if (line.rfind("stderr: ", 0) == 0) c.stderr_lines.push_back(line.substr(8));
  }
  return cases;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> tree(const fs::path& root) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    names.push_back(e.path().lexically_relative(root).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Every file under `root` and its bytes (a folder maps to ""), by path relative to root.
std::map<std::string, std::string> contents(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    std::string bytes;
    if (e.is_regular_file()) {
      std::ifstream in(e.path(), std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    files[e.path().lexically_relative(root).string()] = std::move(bytes);
  }
  return files;
}

class CatalogueTest : public CliTest, public ::testing::WithParamInterface<Case> {};

TEST_P(CatalogueTest, FailsCleanly) {
  const Case& c = GetParam();
  SCOPED_TRACE("tests/catalogue/cases.txt:" + std::to_string(c.line) + " [" + c.name + "]");
  ASSERT_NE(c.exit_code, -1) << "case without exit:";
  ASSERT_FALSE(c.stderr_lines.empty()) << "case without stderr:";
  const auto expand = [this](std::string text) {
    for (std::size_t i; (i = text.find("{out}")) != std::string::npos;)
      text.replace(i, 5, at("out"));
    for (std::size_t i; (i = text.find("{tmp}")) != std::string::npos;) {
      text.replace(i, 5, tmp().string());
    }
    return text;
  };
  const auto split = [&expand](const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string w; in >> w;) words.push_back(expand(w));
    return words;
  };
  for (const std::string& setup : c.setup) {
    const CliResult prepared = cli(split(setup));
    ASSERT_EQ(prepared.exit_code, 0) << "setup: " << setup << "\n" << prepared.err;
  }
  const std::vector<std::string> args = split(c.args);
  const std::vector<std::string> before = tree(kCatalogue);
  const std::map<std::string, std::string> prepared = contents(tmp());

  const CliResult r = cli(args);

  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  const std::vector<std::string> got = split_lines(r.err);
  for (std::size_t i = 0; i < c.stderr_lines.size(); ++i) {
    ASSERT_LT(i, got.size()) << "standard error ended early:\n" << r.err;
    EXPECT_EQ(got[i], expand(c.stderr_lines[i])) << "standard error line " << i + 1 << "; all:\n"
                                                 << r.err;
  }
  EXPECT_FALSE(fs::exists(at("out"))) << "output left behind";
  EXPECT_EQ(contents(tmp()), prepared) << "files left or changed in the scratch folder";
  EXPECT_EQ(tree(kCatalogue), before) << "files written next to the inputs";
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.name;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, CatalogueTest, ::testing::ValuesIn(load_cases()), case_name);

TEST(Catalogue, HasAtLeastFiftyCases) { EXPECT_GE(load_cases().size(), 50u); }

}  // namespace
}  // namespace bf::apps::testing
