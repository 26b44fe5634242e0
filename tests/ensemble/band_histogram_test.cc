// The percentile histogram: exact below 256, within the stated 1/256 relative error above,
// and the same whatever order values are added or merged in.

#include "ensemble/band_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace bf::ensemble {
namespace {

std::int64_t exact_nearest_rank(std::vector<std::int64_t> v, double p) {
  std::sort(v.begin(), v.end());
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
  return v[std::max<std::size_t>(rank, 1) - 1];
}

TEST(BandHistogram, EmptyIsZero) { EXPECT_EQ(BandHistogram().percentile(50), 0); }

TEST(BandHistogram, ExactBelow256) {
  BandHistogram h;
  std::vector<std::int64_t> values;
  for (int i = 0; i < 100; ++i) values.push_back((i * 37) % 256);
  for (auto v : values) h.add(v);
  for (double p : {5.0, 50.0, 95.0, 100.0}) {
    EXPECT_EQ(h.percentile(p), exact_nearest_rank(values, p)) << p;
  }
}

TEST(BandHistogram, RelativeErrorIsAtMostOneIn256) {
  std::uint64_t x = 12345;
  for (int trial = 0; trial < 20; ++trial) {
    BandHistogram h;
    std::vector<std::int64_t> values;
    for (int i = 0; i < 500; ++i) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      values.push_back(static_cast<std::int64_t>((x >> 20) % 5000000));
    }
    for (auto v : values) h.add(v);
    for (double p : {5.0, 50.0, 95.0}) {
      const double exact = static_cast<double>(exact_nearest_rank(values, p));
      EXPECT_LE(std::abs(static_cast<double>(h.percentile(p)) - exact), exact / 256.0 + 0.5);
    }
  }
}

TEST(BandHistogram, NegativeValuesMirror) {
  BandHistogram h;
  for (std::int64_t v : {-5, -1000, 3}) h.add(v);
  EXPECT_EQ(h.percentile(1), BandHistogram::representative(BandHistogram::bucket_of(-1000)));
  EXPECT_EQ(h.percentile(50), -5);
  EXPECT_EQ(h.percentile(100), 3);
}

TEST(BandHistogram, OrderAndMergeDoNotMatter) {
  BandHistogram all, a, b;
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t v = (i * 7919) % 100000;
    all.add(v);
    (i % 3 == 0 ? a : b).add(v);
  }
  BandHistogram ab = a, ba = b;
  ab.merge(b);
  ba.merge(a);
  EXPECT_EQ(ab.buckets(), all.buckets());
  EXPECT_EQ(ba.buckets(), all.buckets());
}

TEST(BandHistogram, MemoryDoesNotGrowWithCount) {
  BandHistogram h;
  for (int i = 0; i < 100000; ++i) h.add(9000 + (i % 2000));  // 9,000 .. 10,999
  EXPECT_EQ(h.count(), 100000u);
  EXPECT_LE(h.buckets().size(), 40u);
}

}  // namespace
}  // namespace bf::ensemble
