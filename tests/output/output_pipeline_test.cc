// The sinks together, as the CLI uses them: one OutputFolder, writers behind a FanOut,
// finish() on every writer, then commit().

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/csv_day_writer.h"
#include "output/fan_out.h"
#include "output/output_folder.h"
#include "output/run_summary.h"
#include "output/sqlite_day_writer.h"
#include "test_folder.h"
#include "test_reports.h"

namespace bf::output {
namespace {

namespace fs = std::filesystem;
using testing::make_reports;
using testing::ScratchFolder;

std::vector<std::string> entries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// Runs the reports through all writers; throws after `fail_after_days` days if >= 0.
void run(const fs::path& target, int fail_after_days) {
  auto out = OutputFolder::create(target);
  CsvDayWriter csv(out.path());
  SqliteDayWriter sqlite(out.path());
  RunSummary summary;
  FanOut observers({&csv, &sqlite, &summary});
  int days = 0;
  for (const auto& r : make_reports()) {
    if (days++ == fail_after_days) throw std::runtime_error("model failed");
    observers.on_day(r);
  }
  sqlite.write_run_info({{"seed", "7"}});
  csv.finish();
  sqlite.finish();
  summary.write_json(out.file(RunSummary::kFileName), Provenance{});
  out.commit();
}

TEST(OutputPipelineTest, CommittedFolderHoldsEveryFile) {
  ScratchFolder scratch;
  run(scratch.path() / "run", -1);
  EXPECT_EQ(entries(scratch.path() / "run"),
            (std::vector<std::string>{".borderflow-result", "days.csv", "results.sqlite",
                                      "sector_days.csv", "summary.json"}));
  EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"run"});
}

TEST(OutputPipelineTest, FailureMidRunLeavesThePreviousResult) {
  ScratchFolder scratch;
  run(scratch.path() / "run", -1);
  const auto before = fs::file_size(scratch.path() / "run" / "days.csv");
  EXPECT_THROW(run(scratch.path() / "run", 1), std::runtime_error);
  EXPECT_EQ(fs::file_size(scratch.path() / "run" / "days.csv"), before);
  EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"run"});
}

}  // namespace
}  // namespace bf::output
