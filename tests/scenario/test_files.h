#pragma once
// Helpers for scenario tests: a fresh temporary folder per test, files written into it,
// and all diagnostics of a load as one string.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "model/population.h"
#include "scenario/scenario_loader.h"

namespace bf::scenario::testing {

// A folder named after the running test, emptied on construction. Paths handed to the
// loader are relative to the current directory when possible, so messages are stable.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = std::filesystem::path(::testing::TempDir()) / "bf_scenario" /
            (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
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

}  // namespace bf::scenario::testing
