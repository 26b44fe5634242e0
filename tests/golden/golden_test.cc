// Golden results: every scenario shipped in scenarios/ (examples and validation included),
// run with a fixed seed, must give the fingerprint and headline figures recorded in
// tests/golden/<name>.json. A refactor proves itself by leaving them all unchanged; a change
// that moves one updates the file (scripts/update-golden.sh) and says why in CHANGES.md.
//
// The headline figures are summary.json's sections below `provenance` (totals, means, peaks,
// sectors, final states, ports, policies): enough to show what moved when the fingerprint
// does. Runs use --no-report and the scenario's whole horizon (a shorter one is refused by
// scenarios whose surges or policies lie beyond it); all of them take about 15 s on one core.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../apps/cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

constexpr std::uint64_t kSeed = 1;
const char* const kSummarySections[] = {"period",  "totals",       "means", "peaks",
                                        "sectors", "final_states", "ports", "policies"};

fs::path source_dir() { return fs::path(BF_SOURCE_DIR); }
fs::path golden_dir() { return source_dir() / "tests" / "golden"; }

// Every scenario file under scenarios/, relative to the source tree, sorted.
std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "scenarios")) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      found.push_back(fs::relative(entry.path(), source_dir()).generic_string());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// scenarios/examples/tiny.yaml -> examples__tiny.json
std::string golden_name(const std::string& scenario) {
  std::string name =
      fs::path(scenario).lexically_relative("scenarios").replace_extension("").generic_string();
  for (std::size_t at = name.find('/'); at != std::string::npos; at = name.find('/')) {
    name.replace(at, 1, "__");
  }
  return name + ".json";
}

ordered_json read_json(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return nullptr;
  return ordered_json::parse(in, nullptr, /*allow_exceptions=*/false);
}

class GoldenTest : public CliTest, public ::testing::WithParamInterface<std::string> {
 protected:
  // Runs the scenario and returns the golden record of the result (null on failure).
  ordered_json record(const std::string& scenario) {
    const std::string out = at("out");
    const CliResult run = cli(
        {"run", scenario, "--seed", std::to_string(kSeed), "--out", out, "--quiet", "--no-report"});
    if (run.exit_code != 0) {
      ADD_FAILURE() << scenario << ": exit " << run.exit_code << "\n" << run.err;
      return nullptr;
    }
    const ordered_json summary = read_json(fs::path(out) / "summary.json");
    ordered_json rec;
    rec["scenario"] = scenario;
    rec["seed"] = kSeed;
    rec["days"] = summary.at("provenance").at("days");
    rec["fingerprint"] = summary.at("provenance").at("fingerprint");
    for (const char* section : kSummarySections) {
      if (summary.contains(section)) rec[section] = summary[section];
    }
    return rec;
  }
};

// Names the differing leaves of two records, e.g. "totals.released: 1234 -> 1240".
void list_differences(const ordered_json& want, const ordered_json& got, const std::string& path,
                      std::vector<std::string>& out) {
  if (want.is_object() && got.is_object()) {
    for (const auto& [key, value] : want.items()) {
      const std::string at = path.empty() ? key : path + "." + key;
      if (!got.contains(key)) {
        out.push_back(at + ": missing from the run");
      } else {
        list_differences(value, got[key], at, out);
      }
    }
    for (const auto& [key, value] : got.items()) {
      if (!want.contains(key)) out.push_back((path.empty() ? key : path + "." + key) + ": new");
    }
    return;
  }
  if (want != got) out.push_back(path + ": " + want.dump() + " -> " + got.dump());
}

TEST_P(GoldenTest, MatchesRecordedResult) {
  const std::string scenario = GetParam();
  const ordered_json got = record(scenario);
  ASSERT_FALSE(got.is_null());
  const fs::path file = golden_dir() / golden_name(scenario);
  if (std::getenv("BF_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(file) << got.dump(2) << '\n';
    return;
  }
  const ordered_json want = read_json(file);
  ASSERT_FALSE(want.is_null()) << file << " is missing or not JSON: run scripts/update-golden.sh";
  std::vector<std::string> differences;
  list_differences(want, got, "", differences);
  std::string listed;
  for (const std::string& d : differences) listed += "  " + d + "\n";
  EXPECT_TRUE(differences.empty())
      << scenario << " no longer gives its golden result (" << file.filename().string() << "):\n"
      << listed
      << "If the change is intended: scripts/update-golden.sh, and say why in CHANGES.md.";
}

INSTANTIATE_TEST_SUITE_P(Shipped, GoldenTest, ::testing::ValuesIn(shipped_scenarios()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = golden_name(param.param);
                           name.resize(name.size() - 5);  // drop ".json"
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// Every golden file belongs to a shipped scenario (a removed scenario takes its file along).
TEST(GoldenFiles, EachHasAScenario) {
  std::vector<std::string> expected;
  for (const std::string& s : shipped_scenarios()) expected.push_back(golden_name(s));
  for (const auto& entry : fs::directory_iterator(golden_dir())) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().filename().string();
    EXPECT_NE(std::find(expected.begin(), expected.end(), name), expected.end())
        << "tests/golden/" << name << " has no scenario in scenarios/";
  }
}

}  // namespace
}  // namespace bf::apps::testing
