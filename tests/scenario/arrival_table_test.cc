#include "scenario/arrival_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_files.h"

namespace bf::scenario {
namespace {

using testing::full_table;

const Horizon kJanuary{*util::Date::parse("2024-01-01"), *util::Date::parse("2024-01-31")};

struct TableRun {
  std::vector<model::ArrivalLevel> levels;
  std::vector<std::string> messages;
};

TableRun run(const std::string& text, const std::optional<Horizon>& horizon = kJanuary) {
  const std::vector<SourceFile> sources = {{"t.csv", text}};
  DiagnosticSink sink(sources);
  TableRun out;
  out.levels = read_arrival_table(text, 0, horizon, sink);
  for (const Diagnostic& d : sink.diagnostics()) out.messages.push_back(format_diagnostic(d));
  return out;
}

TEST(ArrivalTable, FullTableIsReadSorted) {
  const TableRun r = run(full_table({"2024-01"}, "2.5"));
  EXPECT_TRUE(r.messages.empty());
  ASSERT_EQ(r.levels.size(), 180u);
  EXPECT_EQ(r.levels[0].sector, 0);
  EXPECT_EQ(r.levels[0].demographic, model::Demographic::kSingleAdult);
  EXPECT_EQ(r.levels[0].citizenship, model::Citizenship::kMexico);
  EXPECT_EQ(r.levels[0].encounters_per_day, 2.5);
  EXPECT_EQ(r.levels[179].sector, 8);
}

TEST(ArrivalTable, KeepsOnlyTheMonthsOfTheRun) {
  const TableRun r = run(full_table({"2023-12", "2024-01", "2024-02"}));
  EXPECT_TRUE(r.messages.empty());
  ASSERT_EQ(r.levels.size(), 180u);
  EXPECT_EQ(r.levels[0].month, (util::YearMonth{2024, 1}));
  // Without a horizon (the scenario's dates were invalid) all rows come back.
  EXPECT_EQ(run(full_table({"2023-12", "2024-01"}), std::nullopt).levels.size(), 360u);
}

TEST(ArrivalTable, BadHeader) {
  const TableRun r = run("# c\nsector,month,demographic,citizenship,per_day\n");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0],
            "t.csv:2:1: error: arrival table header must be "
            "'sector,month,demographic,citizenship,encounters_per_day' (optionally followed by "
            "',title42_share')\n"
            "    2 | sector,month,demographic,citizenship,per_day\n"
            "      | ^\n");
}

// Replaces the header and appends ",<share>" to every data row of a full table.
std::string with_title42(const std::string& table, const std::string& share) {
  std::string out;
  std::size_t start = 0;
  while (start < table.size()) {
    const std::size_t end = table.find('\n', start);
    std::string line = table.substr(start, end - start);
    if (line == kArrivalTableHeader) {
      line = std::string(kArrivalTableHeaderWithTitle42);
    } else if (!line.empty() && line[0] != '#') {
      line += "," + share;
    }
    out += line + "\n";
    start = end == std::string::npos ? table.size() : end + 1;
  }
  return out;
}

TEST(ArrivalTable, Title42ShareIsReadWhenTheHeaderHasIt) {
  const TableRun r = run(with_title42(full_table({"2024-01"}, "2.5"), "0.4125"));
  EXPECT_TRUE(r.messages.empty()) << ::testing::PrintToString(r.messages);
  ASSERT_EQ(r.levels.size(), 180u);
  EXPECT_EQ(r.levels[0].encounters_per_day, 2.5);
  EXPECT_EQ(r.levels[0].title42_share, 0.4125);
  EXPECT_EQ(r.levels[179].title42_share, 0.4125);
  // Without the column the share is 0.
  EXPECT_EQ(run(full_table({"2024-01"}, "2.5")).levels[0].title42_share, 0.0);
}

TEST(ArrivalTable, Title42ShareOutsideZeroToOneIsAnErrorAtItsField) {
  std::string text = with_title42(full_table({"2024-01"}), "0");
  text +=
      "del_rio,2025-01,single_adult,mexico,1,1.5\n"      // line 183
      "del_rio,2025-01,single_adult,guatemala,1,-0.1\n"  // 184
      "del_rio,2025-01,single_adult,honduras,1,x\n"      // 185
      "del_rio,2025-01,single_adult,other,1,1\n"         // 186: 1 is allowed
      "del_rio,2025-01,single_adult,el_salvador,1\n";    // 187: a missing share
  const TableRun r = run(text);
  ASSERT_EQ(r.messages.size(), 4u) << ::testing::PrintToString(r.messages);
  EXPECT_EQ(r.messages[0],
            "t.csv:183:39: error: arrival table title42_share must be a number from 0 to 1, got "
            "'1.5'\n"
            "  183 | del_rio,2025-01,single_adult,mexico,1,1.5\n"
            "      |                                       ^\n");
  EXPECT_EQ(r.messages[1].substr(0, r.messages[1].find('\n')),
            "t.csv:184:42: error: arrival table title42_share must be a number from 0 to 1, got "
            "'-0.1'");
  EXPECT_EQ(r.messages[2].substr(0, r.messages[2].find('\n')),
            "t.csv:185:41: error: arrival table title42_share must be a number from 0 to 1, got "
            "'x'");
  EXPECT_EQ(r.messages[3].substr(0, r.messages[3].find('\n')),
            "t.csv:187:1: error: arrival table row has 5 fields; expected 6 "
            "(sector,month,demographic,citizenship,encounters_per_day,title42_share)");
}

TEST(ArrivalTable, EmptyTable) {
  const TableRun r = run("");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0],
            "t.csv:1:1: error: arrival table has no header (the first line after the '#' "
            "comments must be 'sector,month,demographic,citizenship,encounters_per_day')\n"
            "    1 | \n"
            "      | ^\n");
}

TEST(ArrivalTable, BadRowsAreEachReportedAtTheirField) {
  std::string text = full_table({"2024-01"});
  text +=
      "del_rioo,2024-01,single_adult,mexico,1\n"   // line 183 (full_table has 182)
      "del_rio,2024-13,single_adult,mexico,1\n"    // 184
      "del_rio,2024-01,single_adults,mexican,1\n"  // 185
      "del_rio,2024-01,single_adult,mexico,-1\n"   // 186
      "del_rio,2024-01,single_adult,mexico,abc\n"  // 187
      "del_rio,2024-01,single_adult\n"             // 188
      "del_rio,2024-01,single_adult,mexico,7\n";   // 189 duplicate of an earlier row
  const TableRun r = run(text);
  ASSERT_EQ(r.messages.size(), 8u);
  EXPECT_EQ(r.messages[0],
            "t.csv:183:1: error: unknown sector 'del_rioo' in arrival table "
            "(did you mean 'del_rio'?)\n"
            "  183 | del_rioo,2024-01,single_adult,mexico,1\n"
            "      | ^\n");
  EXPECT_EQ(r.messages[1],
            "t.csv:184:9: error: arrival table month must be 'YYYY-MM', got '2024-13'\n"
            "  184 | del_rio,2024-13,single_adult,mexico,1\n"
            "      |         ^\n");
  EXPECT_EQ(r.messages[2].substr(0, r.messages[2].find('\n')),
            "t.csv:185:17: error: unknown demographic 'single_adults' in arrival table "
            "(did you mean 'single_adult'?)");
  EXPECT_EQ(r.messages[3].substr(0, r.messages[3].find('\n')),
            "t.csv:185:31: error: unknown citizenship 'mexican' in arrival table "
            "(did you mean 'mexico'?)");
  EXPECT_EQ(r.messages[4].substr(0, r.messages[4].find('\n')),
            "t.csv:186:37: error: arrival table encounters_per_day must be a number >= 0, "
            "got '-1'");
  EXPECT_EQ(r.messages[5].substr(0, r.messages[5].find('\n')),
            "t.csv:187:37: error: arrival table encounters_per_day must be a number >= 0, "
            "got 'abc'");
  EXPECT_EQ(r.messages[6].substr(0, r.messages[6].find('\n')),
            "t.csv:188:1: error: arrival table row has 3 fields; expected 5 "
            "(sector,month,demographic,citizenship,encounters_per_day)");
  // del_rio is the 7th sector: its single_adult/mexico row is data line 6*20+1, file line 123.
  EXPECT_EQ(r.messages[7],
            "t.csv:189:1: error: duplicate arrival table row for del_rio 2024-01 single_adult "
            "mexico (first written at line 123)\n"
            "  189 | del_rio,2024-01,single_adult,mexico,7\n"
            "      | ^\n");
}

TEST(ArrivalTable, NotUtf8) {
  const TableRun r = run("# Se\xF1or\nsector,month,demographic,citizenship,encounters_per_day\n");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].substr(0, r.messages[0].find('\n')),
            "t.csv:1:5: error: arrival table is not valid UTF-8 (invalid byte sequence) (save the "
            "file as UTF-8)");
}

TEST(ArrivalTable, CsvSyntaxError) {
  const TableRun r = run("sector,month,demographic,citizenship,encounters_per_day\n\"del_rio,1\n");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].substr(0, r.messages[0].find('\n')),
            "t.csv:2:1: error: CSV syntax error in arrival table: unterminated quoted field");
}

TEST(ArrivalTable, CoverageGapsOnePerSectorMonth) {
  std::string text = "sector,month,demographic,citizenship,encounters_per_day\n";
  std::string full = full_table({"2024-01"});
  // Keep everything except yuma's first 6 rows and all of tucson's.
  std::size_t line_no = 0, start = 0;
  while (start < full.size()) {
    const std::size_t end = full.find('\n', start);
    const std::string line = full.substr(start, end - start);
    start = end + 1;
    if (++line_no <= 2) continue;         // comment and header of full_table
    const std::size_t row = line_no - 3;  // 0-based data row
    if (row >= 40 && row < 46) continue;
    if (row >= 60 && row < 80) continue;
    text += line + "\n";
  }
  const TableRun r = run(text);
  ASSERT_EQ(r.messages.size(), 2u);
  EXPECT_EQ(r.messages[0],
            "t.csv:1:1: error: arrival table is missing 6 of 20 rows for yuma 2024-01: "
            "single_adult/mexico, single_adult/guatemala, single_adult/honduras, "
            "single_adult/el_salvador and 2 more (every sector, month, demographic and "
            "citizenship needs a row; write 0 for none)\n"
            "    1 | sector,month,demographic,citizenship,encounters_per_day\n"
            "      | ^\n");
  const std::string tucson =
      "t.csv:1:1: error: arrival table is missing 20 of 20 rows for tucson 2024-01: "
      "single_adult/mexico,";
  EXPECT_EQ(r.messages[1].substr(0, tucson.size()), tucson);
}

TEST(ArrivalTable, MissingMonthsAreOneErrorEachAndCapped) {
  const Horizon two_years{*util::Date::parse("2024-01-01"), *util::Date::parse("2025-12-31")};
  const TableRun r = run(full_table({"2024-01"}), two_years);
  ASSERT_EQ(r.messages.size(), static_cast<std::size_t>(kMaxCoverageErrors) + 1);
  EXPECT_EQ(r.messages[0].substr(0, r.messages[0].find('\n')),
            "t.csv:2:1: error: arrival table has no rows for month 2024-02 (the run covers "
            "2024-01-01 to 2025-12-31)");
  EXPECT_EQ(r.messages.back().substr(0, r.messages.back().find('\n')),
            "t.csv:2:1: error: arrival table coverage: 13 more month or sector-month gaps not "
            "listed");
}

}  // namespace
}  // namespace bf::scenario
