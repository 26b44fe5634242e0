#include "scenario/diagnostics.h"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

#include "scenario/suggest.h"

namespace bf::scenario {
namespace {

TEST(FormatDiagnostic, CompilerLikeWithCaret) {
  Diagnostic d{"scenarios/x.yaml",
               12,
               5,
               "sectors.del_rio.holding_capacty",
               "unknown key 'holding_capacty' at sectors.del_rio",
               "did you mean 'holding_capacity'?",
               "    holding_capacty: 2000"};
  EXPECT_EQ(format_diagnostic(d),
            "scenarios/x.yaml:12:5: error: unknown key 'holding_capacty' at sectors.del_rio "
            "(did you mean 'holding_capacity'?)\n"
            "   12 |     holding_capacty: 2000\n"
            "      |     ^\n");
}

TEST(FormatDiagnostic, NoHintNoLine) {
  Diagnostic d{"a.yaml", 0, 0, "", "scenario file is empty", "", ""};
  EXPECT_EQ(format_diagnostic(d), "a.yaml: error: scenario file is empty\n");
}

TEST(FormatDiagnostic, KeepsTabsInCaretPadding) {
  Diagnostic d{"t.csv", 3, 3, "", "bad", "", "\tx,y"};
  EXPECT_EQ(format_diagnostic(d), "t.csv:3:3: error: bad\n    3 | \tx,y\n      | \t ^\n");
}

// Issue 19: from line 100000 the gutter widened but the caret line did not, one column off.
TEST(FormatDiagnostic, CaretStaysUnderItsColumnOnSixDigitLines) {
  Diagnostic d{"t.csv", 123456, 3, "", "bad", "", "ab,c"};
  EXPECT_EQ(format_diagnostic(d), "t.csv:123456:3: error: bad\n123456 | ab,c\n       |   ^\n");
}

// Issue 19: a CSV given as a scenario showed a 40 kB line. Long lines are shown around the
// column, the caret under it.
TEST(FormatDiagnostic, LongLinesAreShownAroundTheColumn) {
  Diagnostic d{
      "t.yaml", 2, 1001, "", "bad", "", std::string(1000, 'a') + "X" + std::string(999, 'b')};
  const std::string text = format_diagnostic(d);
  const std::size_t shown = text.find("    2 | ");
  const std::size_t caret = text.find("      | ");
  ASSERT_NE(shown, std::string::npos);
  ASSERT_NE(caret, std::string::npos);
  const std::string line = text.substr(shown + 8, text.find('\n', shown) - shown - 8);
  const std::string marker = text.substr(caret + 8, text.find('\n', caret) - caret - 8);
  EXPECT_LE(line.size(), 170u);
  EXPECT_EQ(line.substr(0, 3), "...");
  EXPECT_EQ(line.substr(line.size() - 3), "...");
  EXPECT_EQ(marker.size(), line.find('X') + 1);
  EXPECT_EQ(marker.back(), '^');
}

// Found by the catalogue (tests/catalogue/scenario/control_character.yaml): a NUL in the shown
// line ended the message early when printed as a C string, gluing the next one onto it.
TEST(FormatDiagnostic, ShowsControlCharactersAsQuestionMarks) {
  Diagnostic d;
  d.file = "s.yaml";
  d.line = 4;
  d.column = 8;
  d.message = "file contains a control character";
  d.source_line = std::string("name: a\0b\x1b[31m", 14);
  EXPECT_EQ(format_diagnostic(d),
            "s.yaml:4:8: error: file contains a control character\n"
            "    4 | name: a?b?[31m\n"
            "      |        ^\n");
}

TEST(LineOf, FindsLinesWithAnyLineEnd) {
  EXPECT_EQ(line_of("a\r\nbb\nccc", 2), "bb");
  EXPECT_EQ(line_of("a\r\nbb\nccc", 1), "a");
  EXPECT_EQ(line_of("a\r\nbb\nccc", 3), "ccc");
  EXPECT_EQ(line_of("a", 2), "");
}

TEST(Suggest, ClosestCandidateWithinLimit) {
  constexpr std::array<std::string_view, 3> keys = {"holding_capacity", "processing_agents",
                                                    "agents_on_patrol"};
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(did_you_mean("holding_capacty", keys), "did you mean 'holding_capacity'?");
  EXPECT_EQ(did_you_mean("procesing_agents", keys), "did you mean 'processing_agents'?");
  EXPECT_EQ(did_you_mean("banana", keys), "");
}

}  // namespace
}  // namespace bf::scenario
