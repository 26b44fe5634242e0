#include "scenario/outcome_mix_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bf::scenario {
namespace {

const Horizon kJanuary{*util::Date::parse("2024-01-01"), *util::Date::parse("2024-01-31")};

struct TableRun {
  model::OutcomeMix mix;
  std::vector<std::string> messages;
};

TableRun run(const std::string& text, const std::optional<Horizon>& horizon = kJanuary) {
  const std::vector<SourceFile> sources = {{"mix.csv", text}};
  DiagnosticSink sink(sources);
  TableRun out;
  out.mix = read_outcome_mix_table(text, 0, horizon, sink);
  for (const Diagnostic& d : sink.diagnostics()) out.messages.push_back(format_diagnostic(d));
  return out;
}

// Every cell of each month, with `shares` (four comma-separated numbers), book-in share and
// release share.
std::string table(const std::vector<std::string>& months,
                  const std::string& shares = "0.1,0.2,0,0.7", const std::string& book_in = "0.5",
                  const std::string& release = "0.4") {
  std::string text = "# test\n" + std::string(kOutcomeMixHeader) + "\n";
  for (const std::string& m : months) {
    for (auto d : model::kDemographicKeys) {
      for (auto c : model::kCitizenshipKeys) {
        text += m + "," + std::string(d) + "," + std::string(c) + ",100," + shares + "," + book_in +
                "," + release + ",fitted\n";
      }
    }
  }
  return text;
}

// The first line of a diagnostic: "file:line:column: error: message".
std::string first_line(const std::string& message) { return message.substr(0, message.find('\n')); }

TEST(OutcomeMixTable, FullTableIsRead) {
  const TableRun r = run(table({"2023-12", "2024-01", "2024-02"}));
  ASSERT_TRUE(r.messages.empty()) << r.messages[0];
  ASSERT_EQ(r.mix.months.size(), 1u);  // only the run's month
  const model::OutcomeMixMonth& m = r.mix.months[0];
  EXPECT_EQ(m.month, (util::YearMonth{2024, 1}));
  EXPECT_EQ(m.ice_book_in_share, 0.5);
  EXPECT_EQ(m.ice_release_share, 0.4);
  EXPECT_DOUBLE_EQ(m.shares[1][4][1], 0.2);
  EXPECT_DOUBLE_EQ(m.shares[1][4][3], 0.7);
}

TEST(OutcomeMixTable, SharesWithinRoundingAreScaledToOne) {
  const TableRun r = run(table({"2024-01"}, "0.1,0.2,0,0.70005"));
  ASSERT_TRUE(r.messages.empty());
  double sum = 0;
  for (double s : r.mix.months[0].shares[0][0]) sum += s;
  EXPECT_DOUBLE_EQ(sum, 1.0);
}

TEST(OutcomeMixTable, SharesThatDoNotSumToOneAreAnError) {
  const TableRun r = run(table({"2024-01"}, "0.1,0.2,0,0.6"));
  ASSERT_EQ(r.messages.size(), 21u);  // each row, then the month they leave uncovered
  EXPECT_EQ(first_line(r.messages[0]),
            "mix.csv:3:33: error: outcome-mix table shares returned + to_ice + to_hhs + "
            "released must sum to 1, got 0.900000");
}

TEST(OutcomeMixTable, BadValuesAreReportedAtTheirColumn) {
  std::string text = table({"2024-01"});
  text.replace(text.find("2024-01,single_adult,mexico,100,0.1"),
               std::string("2024-01,single_adult,mexico,100,0.1").size(),
               "2024-01,single_adlt,mexico,100,1.1");
  const TableRun r = run(text);
  ASSERT_GE(r.messages.size(), 2u);
  EXPECT_EQ(first_line(r.messages[0]),
            "mix.csv:3:9: error: unknown demographic 'single_adlt' in outcome-mix table (did you "
            "mean 'single_adult'?)");
  EXPECT_EQ(first_line(r.messages[1]),
            "mix.csv:3:32: error: outcome-mix table returned must be a number from 0 to 1, got "
            "'1.1'");
}

TEST(OutcomeMixTable, OneBookInSharePerMonth) {
  std::string text = table({"2024-01"});
  const std::size_t last_row = text.rfind("0.5,0.4,fitted");
  text.replace(last_row, 3, "0.6");
  const TableRun r = run(text);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_NE(r.messages[0].find("ice_book_in_share of 2024-01 is 0.6 here but 0.500000 at line 3"),
            std::string::npos);
}

TEST(OutcomeMixTable, OneReleaseSharePerMonthBetweenZeroAndOne) {
  std::string text = table({"2024-01"});
  const std::size_t last_row = text.rfind("0.5,0.4,fitted");
  text.replace(last_row + 4, 3, "0.7");
  const TableRun r = run(text);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(first_line(r.messages[0]),
            "mix.csv:22:55: error: outcome-mix table ice_release_share of 2024-01 is 0.7 here but "
            "0.400000 at line 3 (it is one share per month: write the same value in every row of "
            "the month)");
  const TableRun bad = run(table({"2024-01"}, "0.1,0.2,0,0.7", "0.5", "1.2"));
  ASSERT_FALSE(bad.messages.empty());
  EXPECT_EQ(first_line(bad.messages[0]),
            "mix.csv:3:51: error: outcome-mix table ice_release_share must be a number from 0 to "
            "1, got '1.2'");
}

TEST(OutcomeMixTable, DuplicateRowNamesTheFirst) {
  std::string text = table({"2024-01"});
  text += "2024-01,single_adult,mexico,100,0.1,0.2,0,0.7,0.5,0.4,fitted\n";
  const TableRun r = run(text);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(first_line(r.messages[0]),
            "mix.csv:23:1: error: duplicate outcome-mix table row for 2024-01 "
            "single_adult/mexico (first written at line 3)");
}

TEST(OutcomeMixTable, EveryMonthAndCellOfTheRunIsNeeded) {
  const TableRun missing_month = run(table({"2023-12"}));
  ASSERT_EQ(missing_month.messages.size(), 1u);
  EXPECT_NE(missing_month.messages[0].find("has no rows for month 2024-01"), std::string::npos);
  std::string text = table({"2024-01"});
  text.erase(text.find("2024-01,accompanied_minor,other"));  // the last row
  const TableRun missing_cell = run(text);
  ASSERT_EQ(missing_cell.messages.size(), 1u);
  EXPECT_NE(missing_cell.messages[0].find("missing rows for 2024-01: accompanied_minor/other"),
            std::string::npos);
}

TEST(OutcomeMixTable, BadHeaderAndBasis) {
  EXPECT_EQ(first_line(run("month,demographic\n").messages.at(0)),
            "mix.csv:1:1: error: outcome-mix table header must be '" +
                std::string(kOutcomeMixHeader) + "'");
  std::string text = table({"2024-01"});
  text.replace(text.find("fitted"), 6, "guessed");
  const TableRun r = run(text);
  ASSERT_EQ(r.messages.size(), 2u);  // the bad basis, then the cell it leaves missing
  EXPECT_EQ(first_line(r.messages[0]),
            "mix.csv:3:55: error: unknown basis 'guessed' in outcome-mix table (expected one of: "
            "fitted, margin, carried)");
}

}  // namespace
}  // namespace bf::scenario
