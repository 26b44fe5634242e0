// The ensemble's progress bar: after --resume it counts from the replications earlier starts
// finished, not from 0 (issue 19).

#include "ensemble/progress_bar.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace bf::ensemble {
namespace {

// What the bar draws for `done` replications of this start.
std::string drawn(std::size_t total, std::size_t resumed, std::size_t done) {
  char* text = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&text, &size);
  ProgressBar bar(true, total, resumed, out);
  bar.update(done);
  bar.finish();
  std::fclose(out);
  std::string result(text, size);
  std::free(text);
  return result;
}

TEST(ProgressBar, CountsFromTheResumedReplications) {
  EXPECT_NE(drawn(20, 0, 5).find("    5/20 replications"), std::string::npos) << drawn(20, 0, 5);
  const std::string resumed = drawn(20, 12, 3);
  EXPECT_NE(resumed.find("   15/20 replications"), std::string::npos) << resumed;
  EXPECT_NE(resumed.find("[###############.....]"), std::string::npos) << resumed;
  // Never beyond the total, whatever the counts.
  EXPECT_NE(drawn(20, 30, 5).find("   20/20 replications"), std::string::npos);
}

}  // namespace
}  // namespace bf::ensemble
