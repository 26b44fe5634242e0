#include "util/edit_distance.h"

#include <gtest/gtest.h>

namespace bf::util {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("abc", ""), 3);
  EXPECT_EQ(edit_distance("holding_capacty", "holding_capacity"), 1);
}

// The one rule of every "did you mean": ASCII letters compare without case, other bytes as
// they are.
TEST(EditDistance, IgnoresTheCaseOfAsciiLettersOnly) {
  EXPECT_EQ(edit_distance("Rio Grande valley", "Rio Grande Valley"), 0);
  EXPECT_EQ(edit_distance("EL_PASO", "el_paso"), 0);
  EXPECT_EQ(edit_distance("\xC3\x89", "\xC3\xA9"), 1);  // É vs é: different bytes
}

}  // namespace
}  // namespace bf::util
