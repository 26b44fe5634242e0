// Ensemble statistics: per-day bands, per-replication rows, the binary form used by
// checkpoints and MPI, and refusal to count a replication twice. The runner: the same bytes
// for 1 and 2 threads.

#include "ensemble/ensemble_statistics.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "ensemble/communicator.h"
#include "ensemble/ensemble_runner.h"
#include "scenario/scenario_loader.h"

namespace bf::ensemble {
namespace {

model::DayReport day(int index, std::int64_t encounters) {
  model::DayReport r;
  r.day_index = index;
  r.sectors[0].encounters = encounters;
  r.system.custody_time.mean_hours = 1.5;  // the days table's time in custody
  return r;
}

ReplicationRecorder record(std::int64_t a, std::int64_t b, std::size_t columns) {
  ReplicationRecorder rec(columns);
  rec.on_day(day(0, a));
  rec.on_day(day(1, b));
  return rec;
}

std::size_t column_of(const OutputColumns& c, const std::string& name) {
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c.columns[i].name == name) return i;
  }
  return c.size();
}

TEST(EnsembleStatistics, BandsRowsAndRoundTrip) {
  const OutputColumns columns = OutputColumns::of_days_table();
  const std::size_t enc = column_of(columns, "encounters");
  const std::size_t tic = column_of(columns, "tic_mean_hours");
  ASSERT_LT(enc, columns.size());
  EnsembleStatistics s(1, 2, columns.size());
  for (int r = 0; r < 4; ++r) s.add(0, 3 - r, record(10 * (r + 1), 1, columns.size()), r, 100);
  const PointStatistics* p = s.point(0);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->replications(), 4u);
  const BandValues b = p->band(0, enc, false);
  EXPECT_DOUBLE_EQ(b.mean, 25.0);
  EXPECT_EQ(b.p5, 10.0);
  EXPECT_EQ(b.p50, 20.0);
  EXPECT_EQ(b.p95, 40.0);
  EXPECT_DOUBLE_EQ(p->band(1, tic, true).mean, 1.5);
  ASSERT_EQ(s.rows().size(), 4u);
  EXPECT_EQ(s.rows()[0].replication, 0);  // sorted, whatever the order added
  EXPECT_EQ(s.rows()[0].totals[enc], 41);

  const std::string bytes = s.serialize();
  const auto back = EnsembleStatistics::parse(bytes, 1, 2, columns.size());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->serialize(), bytes);
  EXPECT_FALSE(EnsembleStatistics::parse(bytes.substr(0, bytes.size() - 1), 1, 2, columns.size()));
  EXPECT_FALSE(EnsembleStatistics::parse(bytes, 2, 2, columns.size()));
}

TEST(EnsembleStatistics, MergeIsOrderFreeAndRefusesDuplicates) {
  const std::size_t n = OutputColumns::of_days_table().size();
  EnsembleStatistics a(2, 2, n), b(2, 2, n), all(2, 2, n);
  for (int r = 0; r < 6; ++r) {
    (r % 2 == 0 ? a : b).add(r % 2, r, record(r * 1000, r, n), r, 1);
    all.add(r % 2, r, record(r * 1000, r, n), r, 1);
  }
  EnsembleStatistics ab = a, ba = b;
  ab.merge(b);
  ba.merge(a);
  EXPECT_EQ(ab.serialize(), all.serialize());
  EXPECT_EQ(ba.serialize(), all.serialize());
  EXPECT_THROW(ab.merge(a), std::runtime_error);
}

class Runner : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::path(::testing::TempDir()) /
              ("bf_ensemble_runner." + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  std::filesystem::path folder_;
};

TEST_F(Runner, SameBytesForOneAndTwoThreads) {
  const scenario::LoadResult loaded =
      scenario::load_scenario(std::string(BF_SOURCE_DIR) + "/scenarios/examples/tiny.yaml");
  ASSERT_TRUE(loaded.ok());
  const Communicator comm;
  std::string bytes[2];
  for (int threads : {1, 2}) {
    EnsembleOptions o;
    o.points = {&loaded.scenario->spec};
    o.replications = 6;
    o.threads = threads;
    o.checkpoint_folder = folder_ / ("t" + std::to_string(threads) + ".checkpoint");
    o.run_key = "test";
    const auto outcome = run_ensemble(o, comm);
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->statistics.replications_done(), 6u);
    bytes[threads - 1] = outcome->statistics.serialize();
  }
  EXPECT_EQ(bytes[0], bytes[1]);
}

}  // namespace
}  // namespace bf::ensemble
