#include "ingest/data_ice_detention.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace bf::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";
// The extract and its workbooks, if present next to the source tree (not part of the
// project; see docs/data.md).
const std::filesystem::path kRealFile =
    std::filesystem::path(BF_SOURCE_DIR) /
    "../shared/data/ice_detention/ice_detention_monthly_fy23_fy24.csv";

IceDetentionTable read_sample(const std::string& name) {
  const FileText text = read_file_bytes(kData / name);
  EXPECT_TRUE(text.bytes) << name;
  return parse_ice_detention(text.bytes.value_or(""), name);
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

constexpr std::string_view kHeader =
    "source_file,fiscal_year,table,category,criminality,month,value\n";

TEST(IceDetention, ReadsEveryTableWithCalendarMonths) {
  const IceDetentionTable t = read_sample("ice_detention_small.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 9);
  EXPECT_EQ(t.repeated_rows, 1);  // CBP ADP Dec, same value twice
  EXPECT_EQ(t.superseded_rows, 0);
  ASSERT_EQ(t.rows.size(), 8u);
  // October of fiscal year 2023 is October 2022; September stays in 2023.
  EXPECT_EQ(t.rows[0].month, (util::YearMonth{2022, 10}));
  EXPECT_EQ(t.rows[0].fiscal_year, 2023);
  EXPECT_EQ(t.rows[0].source_file, "FY23_detentionStats.xlsx");
  EXPECT_EQ(t.rows[1].month, (util::YearMonth{2023, 9}));
  EXPECT_EQ(t.rows[2].month, (util::YearMonth{2023, 12}));
  EXPECT_EQ(t.rows[2].table, IceTable::kAdp);
  EXPECT_DOUBLE_EQ(t.rows[2].value, 26089.29);
  EXPECT_EQ(t.rows[4].table, IceTable::kAlosDays);
  EXPECT_EQ(t.rows[5].table, IceTable::kInitialBookIns);
  EXPECT_EQ(t.rows[5].criminality, "");
  EXPECT_EQ(t.rows[5].month, (util::YearMonth{2024, 1}));
  EXPECT_EQ(t.rows[6].table, IceTable::kFinalBookOuts);
  EXPECT_EQ(t.rows[6].category, "Transfer to U.S. Marshals or other agency");  // was quoted
  EXPECT_EQ(t.rows[6].line, 8);
  EXPECT_EQ(t.rows[7].line, 10);  // line 9 repeats line 4
  EXPECT_EQ(t.rows[7].category, "All agencies");
  EXPECT_EQ(t.rows[7].month, (util::YearMonth{2024, 9}));
}

TEST(IceDetention, MonthlyPicksOneSeries) {
  const IceDetentionTable t = read_sample("ice_detention_small.csv");
  EXPECT_EQ(t.monthly(IceTable::kAdp, kIceAgencyCbp, kIceCriminalityTotal),
            (std::map<util::YearMonth, double>{
                {{2022, 10}, 20573.71}, {{2023, 9}, 25963.767}, {{2023, 12}, 26089.29}}));
  EXPECT_EQ(t.monthly(IceTable::kAlosDays, "CBP", "Total"),
            (std::map<util::YearMonth, double>{{{2023, 12}, 54.442}}));
  EXPECT_EQ(t.monthly(IceTable::kInitialBookIns, "Total", "").size(), 1u);
  EXPECT_TRUE(t.monthly(IceTable::kAlosDays, "ICE", "Total").empty());
  EXPECT_TRUE(t.monthly(IceTable::kAdp, "cbp", "Total").empty());  // names are exact
}

TEST(IceDetention, ByteOrderMarkCrlfQuotesAndColumnOrder) {
  const IceDetentionTable t = read_sample("ice_detention_bom_crlf.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].source_file, "FY23_detentionStats.xlsx");  // quoted, no CR
  EXPECT_DOUBLE_EQ(t.rows[0].value, 16079.0);                    // quoted "16079"
  EXPECT_EQ(t.rows[1].category, "Bond Set by ICE, revised");     // quoted, with a comma
  EXPECT_DOUBLE_EQ(t.rows[1].value, 1.5);
  EXPECT_EQ(t.rows[2].criminality, "Total");
  EXPECT_EQ(t.rows[2].month, (util::YearMonth{2022, 10}));
}

TEST(IceDetention, ReportsEveryBadRow) {
  const IceDetentionTable t = read_sample("ice_detention_bad.csv");
  EXPECT_EQ(
      messages(t.errors),
      (std::vector<std::string>{
          "ice_detention_bad.csv:2:16: unknown table \"adp_by_arresting_agncy\" (did you mean "
          "\"adp_by_arresting_agency\"?); expected one of adp_by_arresting_agency, "
          "alos_days_by_arresting_agency, initial_book_ins_by_arresting_agency, "
          "final_book_outs_by_release_reason",
          // A label padded as in the workbooks ("ICE  ").
          "ice_detention_bad.csv:3:40: unknown arresting agency \"CBP \" (did you mean "
          "\"CBP\"?); expected one of CBP, ICE, All agencies",
          "ice_detention_bad.csv:4:44: unknown criminality \"Convicted\"; expected one of Total, "
          "Convicted Criminal, Pending Criminal Charges, Other Immigration Violator",
          "ice_detention_bad.csv:5:57: criminality \"Total\" given for initial book-ins "
          "(published by agency only: leave it empty)",
          "ice_detention_bad.csv:6:50: month \"December\" is not a fiscal month Oct..Sep "
          "(English, three letters)",
          "ice_detention_bad.csv:7:54: value \"-4\" is not a decimal number >= 0 (like 26089.29)",
          "ice_detention_bad.csv:8:54: value \"n/a\" is not a decimal number >= 0 (like "
          "26089.29)",
          "ice_detention_bad.csv:9:11: fiscal year \"FY2024\" is not a year",
          "ice_detention_bad.csv:10:1: empty source file",
          "ice_detention_bad.csv:11:50: empty release reason",
          "ice_detention_bad.csv:13: duplicate row: adp_by_arresting_agency \"CBP\" \"Total\" "
          "2024-03 of \"FY24.xlsx\" already on line 12 with value 100.5",
          "ice_detention_bad.csv:14:53: expected 7 fields, found 6 (truncated line?)",
          "ice_detention_bad.csv:15:54: value \"1e3\" is not a decimal number >= 0 (like "
          "26089.29)",
          "ice_detention_bad.csv:16:53: unknown arresting agency \"All agencies\"; expected one "
          "of CBP, ICE, Total"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 12);
}

TEST(IceDetention, LaterFiscalYearWorkbookWins) {
  const IceDetentionTable t = read_sample("ice_detention_overlap.csv");
  // FY23 and FY23_interim are workbooks of the same fiscal year: they may repeat a value
  // (Aug) but not contradict each other (Jul).
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{
                "ice_detention_overlap.csv:9: conflicting row: adp_by_arresting_agency \"CBP\" "
                "\"Total\" 2023-07 already on line 7 from \"FY23_interim.xlsx\" with value "
                "20000.0, a workbook of the same fiscal year 2023 (keep one of them)"});
  EXPECT_EQ(t.data_rows, 10);
  EXPECT_EQ(t.superseded_rows, 2);  // FY23's Sep and Jun, revised in FY24.xlsx (before, after)
  EXPECT_EQ(t.repeated_rows, 1);    // Aug in FY23 and FY23_interim
  EXPECT_EQ(t.monthly(IceTable::kAdp, "CBP", "Total"),
            (std::map<util::YearMonth, double>{{{2023, 6}, 20400.0},
                                               {{2023, 7}, 20000.0},
                                               {{2023, 8}, 21170.903},
                                               {{2023, 9}, 25970.0},
                                               {{2023, 10}, 28298.548},
                                               {{2023, 11}, 28808.9}}));
  std::vector<int> lines;
  for (const IceDetentionRow& r : t.rows) lines.push_back(r.line);
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 5, 7, 8, 11}));  // file order
}

TEST(IceDetention, OverlapDoesNotDependOnRowOrder) {
  // FY24.xlsx is a fiscal-year-2024 workbook (its latest row) revising September 2023.
  const std::string older = "FY23.xlsx,2023,alos_days_by_arresting_agency,CBP,Total,Sep,36.5\n";
  const std::string newer =
      "FY24.xlsx,2023,alos_days_by_arresting_agency,CBP,Total,Sep,36.7\n"
      "FY24.xlsx,2024,alos_days_by_arresting_agency,CBP,Total,Oct,44.6\n";
  for (const std::string& body : {older + newer, newer + older}) {
    const IceDetentionTable t = parse_ice_detention(std::string(kHeader) + body, "o.csv");
    ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
    EXPECT_EQ(t.superseded_rows, 1);
    EXPECT_EQ(t.monthly(IceTable::kAlosDays, "CBP", "Total"),
              (std::map<util::YearMonth, double>{{{2023, 9}, 36.7}, {{2023, 10}, 44.6}}));
  }
}

TEST(IceDetention, ValuesAreDecimalNumbers) {
  for (const char* bad : {"", " 1", "1 ", "1.", ".5", "+1", "1,000", "1e3", "0x10", "nan", "inf",
                          "1.2.3", "1234567890123456789"}) {
    const IceDetentionTable t = parse_ice_detention(
        std::string(kHeader) + "F.xlsx,2024,adp_by_arresting_agency,CBP,Total,Oct,\"" + bad +
            "\"\n",
        "v.csv");
    EXPECT_EQ(t.errors.size(), 1u) << bad;
  }
  const IceDetentionTable t = parse_ice_detention(
      std::string(kHeader) + "F.xlsx,2024,adp_by_arresting_agency,CBP,Total,Oct,0\n" +
          "F.xlsx,2024,adp_by_arresting_agency,CBP,Total,Nov,007.250\n",
      "v.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_DOUBLE_EQ(t.rows[0].value, 0.0);
  EXPECT_DOUBLE_EQ(t.rows[1].value, 7.25);
}

TEST(IceDetention, RejectsChangedHeader) {
  const IceDetentionTable t = parse_ice_detention(
      "source_file,fiscal_year,table,category,criminality,fy_month,value\n", "h.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{"h.csv:1: missing column \"month\"",
                                      "h.csv:1:52: unexpected column \"fy_month\""}));
}

TEST(IceDetention, EmptyFileAndUnterminatedQuote) {
  EXPECT_EQ(messages(parse_ice_detention("", "e.csv").errors),
            std::vector<std::string>{"e.csv: empty file (no header)"});
  const IceDetentionTable t = parse_ice_detention(
      std::string(kHeader) + "F.xlsx,2024,adp_by_arresting_agency,\"CBP,Total,Oct,1\n", "q.csv");
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].line, 2);
  EXPECT_TRUE(t.rows.empty());
}

class RealIceDetention : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kRealFile)) GTEST_SKIP() << "real data not found: " << kRealFile;
  }
};

TEST_F(RealIceDetention, ParsesCompletely) {
  const IceDetentionTable t = parse_ice_detention(read_file_bytes(kRealFile).bytes.value_or(""),
                                                  kRealFile.filename().string());
  ASSERT_TRUE(t.ok()) << t.errors.front().to_string();
  EXPECT_EQ(t.data_rows, 1535);
  EXPECT_EQ(t.rows.size(), 1535u);
  EXPECT_EQ(t.repeated_rows, 0);
  EXPECT_EQ(t.superseded_rows, 0);  // FY23 and FY24 workbooks: no month in both

  const auto adp = t.monthly(IceTable::kAdp, kIceAgencyCbp, kIceCriminalityTotal);
  const auto alos = t.monthly(IceTable::kAlosDays, kIceAgencyCbp, kIceCriminalityTotal);
  ASSERT_EQ(adp.size(), 24u);
  ASSERT_EQ(alos.size(), 24u);
  EXPECT_EQ(adp.begin()->first, (util::YearMonth{2022, 10}));
  EXPECT_EQ(adp.rbegin()->first, (util::YearMonth{2024, 9}));
  // PROVENANCE.md: FY24 ADP for CBP arrests, December 2023 = 26,089 (26,089.29 in the sheet).
  EXPECT_DOUBLE_EQ(adp.at({2023, 12}), 26089.29);
  EXPECT_DOUBLE_EQ(adp.at({2022, 10}), 20573.71);
  // The 54.4 days is CBP's ALOS of December 2023 (the same workbook and month); the
  // FY2024 workbook's "FY Overall" is 47.3 days and is not in the extract.
  EXPECT_DOUBLE_EQ(alos.at({2023, 12}), 54.442);
  EXPECT_DOUBLE_EQ(alos.at({2024, 1}), 58.344);  // the highest month
  EXPECT_DOUBLE_EQ(alos.at({2023, 6}), 29.788);  // the lowest

  // The one empty cell of the workbooks (FY24 "Transferred", pending charges, Feb) has no row.
  const auto transferred =
      t.monthly(IceTable::kFinalBookOuts, "Transferred", "Pending Criminal Charges");
  EXPECT_EQ(transferred.size(), 11u);
  EXPECT_EQ(transferred.count({2024, 2}), 0u);
  // The all-agency row is "All agencies" in ADP, "Total" in book-ins (as in the workbooks).
  EXPECT_DOUBLE_EQ(t.monthly(IceTable::kInitialBookIns, "Total", "").at({2023, 12}), 21085.0);
  EXPECT_DOUBLE_EQ(t.monthly(IceTable::kAdp, "All agencies", "Total").at({2023, 12}), 37005.71);
}

}  // namespace
}  // namespace bf::ingest
