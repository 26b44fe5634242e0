#pragma once
// Small hand-made result folders for the report tests.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace bf::report::testing {

inline void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline const char* kDaysHeader =
    "date,crossings,encounters,gotaways,processed,returned_to_mexico,transferred_to_ice,"
    "released,transferred_to_orr,in_custody,over_capacity,held_over_72h,holding_capacity,"
    "detention_population,detention_beds,awaiting_detention_bed,removals\n";

// A folder with `days` days (0 = header only) of made-up values, two sectors, and a
// summary.json whose scenario name is `scenario`.
class ResultFolder {
 public:
  ResultFolder(int days, const std::string& scenario = "tiny") {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::path(BF_BINARY_DIR) / "report_test_scratch" /
            (std::string(info->test_suite_name()) + "." + info->name() + "." +
             std::to_string(::getpid()) + "." + std::to_string(counter_++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
    std::string d = kDaysHeader;
    std::string s = "date,sector,encounters,in_custody\n";
    for (int i = 0; i < days; ++i) {
      const std::string date =
          "2024-01-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
      const int e = 100 + 10 * i;
      d += date + "," + std::to_string(e + 20) + "," + std::to_string(e) + ",20,90,30,20,30,10," +
           std::to_string(200 + i) + ",0," + std::to_string(i) + ",500,50,60,0,1\n";
      s += date + ",san_diego," + std::to_string(e / 2) + ",100\n";
      s += date + ",rio_grande_valley," + std::to_string(e - e / 2) + ",100\n";
    }
    write(path_ / "days.csv", d);
    write(path_ / "sector_days.csv", s);
    write(path_ / "summary.json",
          "{\"provenance\": {\"version\": \"0.1.0\", \"scenario\": \"" + scenario +
              "\", \"seed\": 7, \"fingerprint\": \"abc\"}, \"means\": {\"tic_hours\": 12.5}}\n");
  }
  ~ResultFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

}  // namespace bf::report::testing
