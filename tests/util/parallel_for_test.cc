// parallel_for: every index runs once whatever the thread count, and a body's exception
// reaches the caller.

#include "util/parallel_for.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace bf::util {
namespace {

TEST(ParallelForTest, EveryIndexOnceOnAnyThreadCount) {
  for (int threads : {1, 2, 5, 64}) {
    std::vector<int> hits(37, 0);
    parallel_for(37, threads, [&](int i) { hits[static_cast<std::size_t>(i)] += i + 1; });
    for (int i = 0; i < 37; ++i) EXPECT_EQ(hits[static_cast<std::size_t>(i)], i + 1) << threads;
  }
  parallel_for(0, 4, [](int) { FAIL() << "no index to run"; });
}

TEST(ParallelForTest, RethrowsTheBodysException) {
  EXPECT_THROW(parallel_for(10, 3,
                            [](int i) {
                              if (i == 4) throw std::runtime_error("index 4");
                            }),
               std::runtime_error);
}

}  // namespace
}  // namespace bf::util
