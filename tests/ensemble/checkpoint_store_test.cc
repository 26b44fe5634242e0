// Checkpoint shards carry a SHA-256 of their contents: a shard with any byte changed is
// refused on --resume, never merged (issue 19: one changed byte gave different results in 4 of
// 8 positions tried, and exit 0).

#include "ensemble/checkpoint_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "ensemble/ensemble_statistics.h"

namespace bf::ensemble {
namespace {

namespace fs = std::filesystem;

constexpr int kPoints = 1, kDays = 2;

class CheckpointStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("bf_checkpoint_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  // A store holding one shard of two replications.
  CheckpointStore store_with_a_shard() const {
    CheckpointStore store(folder_, "key");
    store.open(false, kPoints, kDays, columns_.size());
    EnsembleStatistics stats(kPoints, kDays, columns_.size());
    for (int r = 0; r < 2; ++r) {
      ReplicationRecorder rec(columns_.size());
      model::DayReport day;
      for (int d = 0; d < kDays; ++d) {
        day.day_index = d;
        day.sectors[0].encounters = 100 * (r + 1) + d;
        rec.on_day(day);
      }
      stats.add(0, r, rec, 0x1234u + static_cast<unsigned>(r), 10);
    }
    store.write_shard(0, 0, 0, stats);
    return store;
  }
  std::string shard_bytes() const {
    std::ifstream in(folder_ / "shard-g0-r0-w0", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void write_shard_bytes(const std::string& bytes) const {
    std::ofstream(folder_ / "shard-g0-r0-w0", std::ios::binary | std::ios::trunc) << bytes;
  }

  fs::path folder_;
  OutputColumns columns_ = OutputColumns::of_days_table();
};

TEST_F(CheckpointStoreTest, AnIntactShardIsResumed) {
  const CheckpointStore store = store_with_a_shard();
  const CheckpointStore::Opened opened = store.open(true, kPoints, kDays, columns_.size());
  EXPECT_EQ(opened.generation, 1);
  EXPECT_EQ(opened.finished.replications_done(), 2u);
}

// Every single byte of the shard, changed, makes the resume refuse it: the header, the
// checksum and each byte of the statistics.
TEST_F(CheckpointStoreTest, EveryChangedByteIsRefused) {
  const CheckpointStore store = store_with_a_shard();
  const std::string good = shard_bytes();
  ASSERT_GT(good.size(), 100u);
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    write_shard_bytes(bad);
    EXPECT_THROW(store.open(true, kPoints, kDays, columns_.size()), CheckpointError)
        << "byte " << i;
  }
}

TEST_F(CheckpointStoreTest, TruncatedOrExtendedShardsAreRefused) {
  const CheckpointStore store = store_with_a_shard();
  const std::string good = shard_bytes();
  for (const std::string& bad :
       {good.substr(0, good.size() - 1), good.substr(0, 10), std::string(), good + "x"}) {
    write_shard_bytes(bad);
    EXPECT_THROW(store.open(true, kPoints, kDays, columns_.size()), CheckpointError) << bad.size();
  }
  try {
    write_shard_bytes(good.substr(0, good.size() - 1));
    store.open(true, kPoints, kDays, columns_.size());
    FAIL() << "expected CheckpointError";
  } catch (const CheckpointError& e) {
    EXPECT_NE(std::string(e.what()).find("its SHA-256 does not match its contents"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace bf::ensemble
