// A property test of the bounds checked at load (issue 19): scenarios drawn at random from the
// edges of what loads — each bounded number at its minimum, its maximum or an ordinary value,
// policies whose factors multiply up to the limit — each run ends, conserves people every day
// and reports only finite numbers in every output column. Before the bounds, such values hung
// the run, overflowed counts to 0 or wrote `inf`.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "model/world.h"
#include "output/day_columns.h"
#include "scenario/scenario_loader.h"
#include "test_folder.h"

namespace bf::output {
namespace {

using testing::ScratchFolder;

// The scenario of draw `index`: a few days of the tiny example's arrival table with every
// bounded number picked from its edges.
std::string extreme_scenario(std::mt19937_64& rng, int index) {
  const auto pick = [&rng](std::initializer_list<const char*> values) {
    std::vector<const char*> v(values);
    return std::string(v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)]);
  };
  std::string weekdays;
  for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}) {
    weekdays += std::string(day) + ": " + pick({"0", "0.001", "1", "1000"}) + ", ";
  }
  weekdays += "sunday: 1000";  // at least one day > 0
  std::string yaml =
      "start: 2024-01-01\ndays: " + pick({"2", "3"}) + "\nseed: " + std::to_string(index + 1) +
      "\narrivals:\n  table: " + BF_SOURCE_DIR +
      "/scenarios/examples/tiny-arrivals.csv\n  day_dispersion: " +
      pick({"0.01", "1", "20", "1000000"}) + "\n  weekly_pattern: {" + weekdays + "}\n";
  yaml += "surges:\n  - {sector: del_rio, first_day: 2024-01-01, last_day: 2024-01-01, people: " +
          pick({"0", "1", "3000"}) + ", included_in_table: " + pick({"true", "false"}) + "}\n";
  yaml += "sector_defaults: {agents_on_patrol: " + pick({"0", "1", "100000"}) +
          ", processing_agents: " + pick({"1", "100000"}) +
          ", holding_capacity: " + pick({"0", "10", "10000000"}) +
          ", half_saturation_agents: " + pick({"1e-300", "1", "100000"}) +
          ", initial: {in_custody: " + pick({"0", "2000"}) +
          ", waiting_in_mexico: " + pick({"0", "2000"}) + "}}\n";
  yaml += "detention: {beds: " + pick({"0", "10000000"}) + "}\n";
  yaml += "policies:\n  a: {kind: mexico_enforcement, start: 2024-01-01, arrivals_multiplier: " +
          pick({"0.000001", "1", "10"}) + "}\n  b: {kind: entry_suspension, start: 2024-01-02, " +
          "deterrence: " + pick({"0.000001", "0.51", "10"}) +
          "}\n  c: {kind: agents, start: " + "2024-01-02, patrol: " + pick({"-100000", "100000"}) +
          ", processing: " + pick({"-100000", "100000"}) + "}\n  d: {kind: detention_beds, " +
          "start: 2024-01-01, change: " + pick({"-10000000", "10000000"}) + "}\n";
  return yaml;
}

void expect_finite(const std::vector<Cell>& cells, const std::string& what) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].type == ColumnType::kReal) {
      EXPECT_TRUE(std::isfinite(cells[i].real)) << what << " cell " << i;
    }
  }
}

class Checks : public model::DayObserver {
 public:
  void on_day(const model::DayReport& r) override {
    EXPECT_EQ(r.system.states.sum_of_states(), r.system.states.entered) << "day " << r.day_index;
    day_cells(r, cells_);
    expect_finite(cells_, "days");
    for (const model::SectorDay& s : r.sectors) {
      sector_day_cells(s, cells_);
      expect_finite(cells_, "sector_days");
    }
    ++days;
  }
  int days = 0;

 private:
  std::vector<Cell> cells_;
};

TEST(ExtremeScenarios, RunEndConserveAndWriteFiniteNumbers) {
  constexpr int kDraws = 30;
  ScratchFolder scratch;
  std::mt19937_64 rng(19);
  for (int i = 0; i < kDraws; ++i) {
    const std::string yaml = extreme_scenario(rng, i);
    SCOPED_TRACE(yaml);
    const std::filesystem::path file = scratch.path() / "s.yaml";
    std::ofstream(file) << yaml;
    const scenario::LoadResult loaded = scenario::load_scenario(file);
    ASSERT_TRUE(loaded.ok()) << format_diagnostic(loaded.diagnostics.front());
    const auto start = std::chrono::steady_clock::now();
    Checks checks;
    model::World world(loaded.scenario->spec, 0);
    world.run(checks);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(checks.days, loaded.scenario->spec.days);
    EXPECT_LT(seconds, 60.0);
  }
}

}  // namespace
}  // namespace bf::output
