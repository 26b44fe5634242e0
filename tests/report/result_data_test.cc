#include "report/result_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "report_fixture.h"

namespace bf::report {
namespace {

using ::testing::HasSubstr;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ReportError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(DayTable, ParsesColumnsByName) {
  const DayTable t =
      parse_day_table("date,encounters,tic\n2024-01-01,5,1.5\n2024-01-02,7,2\n", "days.csv");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.dates()[1], "2024-01-02");
  ASSERT_TRUE(t.has("encounters"));
  EXPECT_EQ((*t.column("encounters"))[1], 7);
  EXPECT_EQ((*t.column("tic"))[0], 1.5);
  EXPECT_FALSE(t.has("gotaways"));
  EXPECT_FALSE(t.has_bands());
  const auto s = t.series("encounters");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->low, nullptr);
}

TEST(DayTable, HeaderOnlyIsEmptyWithColumns) {
  const DayTable t = parse_day_table("date,encounters\n", "days.csv");
  EXPECT_EQ(t.size(), 0u);
  EXPECT_TRUE(t.has("encounters"));
}

TEST(DayTable, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(error_of([] { parse_day_table("date,e\n2024-01-01,x1\n", "d.csv"); }),
            "d.csv:2:12: 'x1' in column 'e' is not a number");
  EXPECT_EQ(error_of([] { parse_day_table("date,e\n2024-13-01,1\n", "d.csv"); }),
            "d.csv:2:1: '2024-13-01' is not a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of([] { parse_day_table("day,e\n", "d.csv"); }),
            "d.csv:1:1: no 'date' column in the header");
  EXPECT_EQ(error_of([] { parse_day_table("", "d.csv"); }), "d.csv: empty file (no header)");
  EXPECT_THAT(error_of([] { parse_day_table("date,e\n2024-01-02,1\n2024-01-01,1\n", "d.csv"); }),
              HasSubstr("d.csv:3:1: date 2024-01-01 comes after 2024-01-02"));
  EXPECT_THAT(error_of([] { parse_day_table("date,e\n2024-01-01,1,2\n", "d.csv"); }),
              HasSubstr("d.csv:2:1: 3 fields, the header has 2"));
  EXPECT_THAT(error_of([] { parse_day_table("date,e\n\"2024-01-01,1\n", "d.csv"); }),
              HasSubstr("d.csv:2:"));
}

TEST(GroupedTable, SplitsByKeyInOrderOfAppearance) {
  const GroupedTable g = parse_grouped_table(
      "date,sector,encounters\n2024-01-01,yuma,1\n2024-01-01,laredo,2\n2024-01-02,yuma,3\n",
      "s.csv", {"sector"});
  ASSERT_EQ(g.keys, (std::vector<std::string>{"yuma", "laredo"}));
  EXPECT_EQ(g.tables[0].size(), 2u);
  EXPECT_EQ((*g.tables[0].column("encounters"))[1], 3);
  EXPECT_EQ(g.tables[1].size(), 1u);
  EXPECT_EQ(error_of([] { parse_grouped_table("date,x\n", "s.csv", {"sector"}); }),
            "s.csv:1:1: no 'sector' column in the header");
}

TEST(Ensembles, WideColumnsGiveALineAndABand) {
  const DayTable t = parse_day_table(
      "date,encounters_mean,encounters_p5,encounters_p50,encounters_p95\n2024-01-01,10,8,9,12\n",
      "days.csv");
  EXPECT_TRUE(t.has_bands());
  const auto s = t.series("encounters");
  ASSERT_TRUE(s && s->low && s->high);
  EXPECT_EQ((*s->line)[0], 10);
  EXPECT_EQ((*s->low)[0], 8);
  EXPECT_EQ((*s->high)[0], 12);
}

TEST(Ensembles, LongStatisticColumnIsPivoted) {
  const DayTable t = parse_day_table(
      "date,statistic,encounters\n2024-01-01,mean,10\n2024-01-01,p5,8\n2024-01-01,p95,12\n"
      "2024-01-02,mean,11\n2024-01-02,p5,9\n2024-01-02,p95,13\n",
      "days.csv");
  ASSERT_EQ(t.size(), 2u);
  const auto s = t.series("encounters");
  ASSERT_TRUE(s && s->low);
  EXPECT_EQ((*s->line)[1], 11);
  EXPECT_EQ((*s->high)[1], 13);
}

TEST(Ensembles, EnsembleDaysOfTheFirstPoint) {
  std::string point;
  const DayTable t = parse_ensemble_days(
      "point,date,output,mean,p5,p50,p95\n0,2024-01-01,encounters,10,8,9,12\n"
      "0,2024-01-01,gotaways,2,1,2,3\n0,2024-01-02,encounters,11,9,10,13\n"
      "1,2024-01-01,encounters,99,99,99,99\n",
      "ensemble_days.csv", &point);
  EXPECT_EQ(point, "0");
  ASSERT_EQ(t.size(), 2u);
  const auto s = t.series("encounters");
  ASSERT_TRUE(s && s->low);
  EXPECT_EQ((*s->line)[1], 11);
  EXPECT_EQ((*s->low)[0], 8);
  EXPECT_TRUE(std::isnan((*t.series("gotaways")->line)[1]));
}

TEST(LoadResultFolder, ReadsTheThreeFiles) {
  testing::ResultFolder folder(3);
  const ResultData r = load_result_folder(folder.path());
  EXPECT_EQ(r.days.size(), 3u);
  EXPECT_EQ(r.sectors.keys.size(), 2u);
  EXPECT_FALSE(r.ports);
  EXPECT_EQ(r.summary["provenance"]["seed"], 7);
}

TEST(LoadResultFolder, EnsembleFolderWithoutDaysCsv) {
  testing::ResultFolder folder(1);
  std::filesystem::remove(folder.path() / "days.csv");
  std::filesystem::remove(folder.path() / "sector_days.csv");
  testing::write(folder.path() / "ensemble_days.csv",
                 "point,date,output,mean,p5,p50,p95\n0,2024-01-01,encounters,10,8,9,12\n");
  const ResultData r = load_result_folder(folder.path());
  EXPECT_TRUE(r.ensemble);
  EXPECT_TRUE(r.days.has_bands());
  EXPECT_TRUE(r.sectors.keys.empty());
}

TEST(LoadResultFolder, MissingOrBadFilesAreNamed) {
  testing::ResultFolder folder(2);
  EXPECT_THAT(error_of([&] { load_result_folder(folder.path() / "nope"); }),
              HasSubstr("nope: not a folder"));
  testing::write(folder.path() / "summary.json", "{\"a\": ");
  EXPECT_THAT(error_of([&] { load_result_folder(folder.path()); }),
              HasSubstr("summary.json: not valid JSON"));
  testing::write(folder.path() / "summary.json", "[1]");
  EXPECT_THAT(error_of([&] { load_result_folder(folder.path()); }),
              HasSubstr("summary.json: not a JSON object"));
  std::filesystem::remove(folder.path() / "sector_days.csv");
  EXPECT_THAT(error_of([&] { load_result_folder(folder.path()); }),
              HasSubstr("sector_days.csv: missing"));
  std::filesystem::remove(folder.path() / "days.csv");
  EXPECT_THAT(error_of([&] { load_result_folder(folder.path()); }), HasSubstr("days.csv: missing"));
}

}  // namespace
}  // namespace bf::report
