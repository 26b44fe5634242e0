#pragma once
// Helpers for scenario tests: a fresh temporary folder per test, files written into it,
// and all diagnostics of a load as one string.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "model/population.h"
#include "scenario/scenario_loader.h"

namespace bf::scenario::testing {

// A folder named after the running test, emptied on construction and removed on
// destruction. Messages name files under it; all_messages() shortens the folder to "T/".
class TempDir {
 public:
  // `tag` tells apart several folders in one test.
  explicit TempDir(std::string_view tag = "") {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    // The process id keeps concurrent runs (two build trees, ctest -j) apart.
    root_ = std::filesystem::path(::testing::TempDir()) /
            ("bf_scenario." + std::to_string(::getpid()) + "." + info->test_suite_name() + "." +
             info->name() + std::string(tag));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~TempDir() {
    std::error_code ec;  // best effort: a leftover temp folder is not a test failure
    std::filesystem::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path write(const std::string& name, std::string_view contents) const {
    const std::filesystem::path p = root_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p;
  }

 private:
  std::filesystem::path root_;
};

// An arrival table with every cell of each month in `months` ("2024-01"), each `value`.
inline std::string full_table(std::initializer_list<std::string_view> months,
                              std::string_view value = "1") {
  std::string out = "# test table\nsector,month,demographic,citizenship,encounters_per_day\n";
  for (std::string_view m : months) {
    for (auto s : model::kSectorKeys) {
      for (auto d : model::kDemographicKeys) {
        for (auto c : model::kCitizenshipKeys) {
          out += std::string(s) + "," + std::string(m) + "," + std::string(d) + "," +
                 std::string(c) + "," + std::string(value) + "\n";
        }
      }
    }
  }
  return out;
}

// Every diagnostic formatted, concatenated; with the temp folder replaced by "T/" so
// expectations read like the files the user wrote.
inline std::string all_messages(const LoadResult& result, const TempDir& dir) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) out += format_diagnostic(d);
  const std::string prefix = dir.root().generic_string() + "/";
  for (std::size_t at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at)) {
    out.replace(at, prefix.size(), "T/");
  }
  return out;
}

// The smallest valid scenario: January 2024, a table covering it.
inline constexpr std::string_view kMinimal =
    "start: 2024-01-01\n"
    "end: 2024-01-31\n"
    "arrivals:\n"
    "  table: jan.csv\n";

// Loads `yaml` from `dir`, next to jan.csv: a table covering January 2024.
inline LoadResult load_beside_january(const TempDir& dir, std::string_view yaml,
                                      const LoadOptions& options = {}) {
  dir.write("jan.csv", full_table({"2024-01"}));
  return load_scenario(dir.write("s.yaml", yaml), options);
}

}  // namespace bf::scenario::testing
