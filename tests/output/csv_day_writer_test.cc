#include "output/csv_day_writer.h"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <vector>

#include "output/io_error.h"
#include "test_folder.h"
#include "test_reports.h"
#include "util/csv_reader.h"

namespace bf::output {
namespace {

using testing::make_reports;
using testing::read_file;
using testing::ScratchFolder;

constexpr std::string_view kSectorHeader =
    "date,sector,crossings,repeat_crossings,encounters,encounters_single_adult,"
    "encounters_family_unit_member,encounters_unaccompanied_child,encounters_accompanied_minor,"
    "encounters_mexico,encounters_guatemala,encounters_honduras,encounters_el_salvador,"
    "encounters_other,gotaways,processed,returned_to_mexico,title42_expulsions,remain_in_mexico,"
    "transferred_to_ice,released_by_ice,released,crowded_releases,"
    "transferred_to_orr,left_custody,tic_mean_hours,tic_p90_hours,in_custody,over_capacity,"
    "held_over_72h,awaiting_processing,holding_capacity,processing_agents,agents_on_patrol\n";

constexpr std::string_view kDaysHeader =
    "date,crossings,repeat_crossings,encounters,encounters_single_adult,"
    "encounters_family_unit_member,encounters_unaccompanied_child,encounters_accompanied_minor,"
    "encounters_mexico,encounters_guatemala,encounters_honduras,encounters_el_salvador,"
    "encounters_other,gotaways,processed,returned_to_mexico,title42_expulsions,remain_in_mexico,"
    "transferred_to_ice,released_by_ice,released,crowded_releases,"
    "transferred_to_orr,left_custody,tic_mean_hours,tic_p90_hours,in_custody,"
    "over_capacity,held_over_72h,awaiting_processing,holding_capacity,processing_agents,"
    "agents_on_patrol,detention_population,detention_beds,detention_book_ins,"
    "detention_releases,removals,removals_mexico,removals_guatemala,removals_honduras,"
    "removals_el_salvador,removals_other,awaiting_detention_bed,orr_population,orr_beds,"
    "orr_releases,waiting_in_mexico,state_entered,state_waiting_in_mexico,state_crossing,"
    "state_in_custody,state_in_detention,state_in_orr,state_got_away,state_in_mexico,"
    "state_released,state_removed\n";

std::string zero_row(const std::string& date, std::string_view sector) {
  return date + "," + std::string(sector) +
         ",0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0.00,0.00,0,0,0,0,0,0,0.00\n";
}

TEST(CsvDayWriterTest, WritesExactSectorDaysText) {
  ScratchFolder scratch;
  CsvDayWriter writer(scratch.path());
  for (const auto& r : make_reports()) writer.on_day(r);
  writer.finish();

  const std::string sd0 =
      "san_diego,100,10,95,75,10,10,5,55,20,10,5,5,5,90,20,6,3,10,4,50,7,10,40,10.25,20.00,200,0,5,"
      "20,"
      "300,40,120.50\n";
  const std::string sd1 =
      "san_diego,200,20,195,175,10,10,5,155,20,10,5,5,5,190,20,6,3,10,4,150,7,10,40,10.25,20.00,"
      "400,"
      "100,"
      "10,40,300,40,120.50\n";
  const std::string rgv[3] = {
      "rio_grande_valley,120,12,115,95,10,10,5,75,20,10,5,5,5,110,20,6,3,10,4,70,7,10,60,30.00,50."
      "00,"
      "240,0,6,24,300,40,120.50\n",
      "rio_grande_valley,180,18,175,155,10,10,5,135,20,10,5,5,5,170,20,6,3,10,4,130,7,10,60,30.00,"
      "50."
      "00,"
      "360,60,9,36,300,40,120.50\n",
      "rio_grande_valley,140,14,135,115,10,10,5,95,20,10,5,5,5,130,20,6,3,10,4,90,7,10,0,0.00,0.00,"
      "280,"
      "0,7,28,300,40,120.50\n"};
  const std::string dates[3] = {"2024-02-28", "2024-02-29", "2024-03-01"};
  std::string expected(kSectorHeader);
  for (int day = 0; day < 3; ++day) {
    expected += dates[day] + "," + (day == 1 ? sd1 : sd0);
    for (int s = 1; s < 8; ++s) expected += zero_row(dates[day], model::kSectorKeys[s]);
    expected += dates[day] + "," + rgv[day];
  }
  EXPECT_EQ(read_file(scratch.path() / "sector_days.csv"), expected);
}

TEST(CsvDayWriterTest, WritesExactDaysText) {
  ScratchFolder scratch;
  CsvDayWriter writer(scratch.path());
  for (const auto& r : make_reports()) writer.on_day(r);
  writer.finish();

  // TIC columns are the pooled Southwest summary of the report (test_reports.h).
  const std::string expected =
      std::string(kDaysHeader) +
      "2024-02-28,220,22,210,170,20,20,10,130,40,20,10,10,10,200,40,12,6,20,8,120,14,20,100,22.10,"
      "48."
      "00,"
      "440,0,11,44,600,80,241.00,1000,1500,20,3,15,1,2,3,4,5,7,50,80,4,900,10000,900,30,500,"
      "1000,50,200,300,7000,2000\n"
      "2024-02-29,380,38,370,330,20,20,10,290,40,20,10,10,10,360,40,12,6,20,8,280,14,20,100,22.10,"
      "48."
      "00,"
      "760,160,19,76,600,80,241.00,1100,1500,20,3,16,1,2,3,4,6,7,50,80,4,899,10001,899,30,500,"
      "1100,50,200,300,7000,1902\n"
      "2024-03-01,240,24,230,190,20,20,10,150,40,20,10,10,10,220,40,12,6,20,8,140,14,20,40,10.25,"
      "20."
      "00,"
      "480,0,12,48,600,80,241.00,1200,1500,20,3,17,1,2,3,4,7,7,50,80,4,898,10002,898,30,500,"
      "1200,50,200,300,7000,1804\n";
  EXPECT_EQ(read_file(scratch.path() / "days.csv"), expected);
}

// A crossing's key is the scenario's own text: a comma, a quote or a line break in it broke
// port_days.csv (issue 19). Quoted per RFC 4180, each line reads back with the header's fields.
TEST(CsvDayWriterTest, CrossingKeysAreQuotedWhenTheyNeedIt) {
  ScratchFolder scratch;
  const std::string keys[] = {"plain", "a,b", "say \"hi\"", "two\nlines"};
  model::DayReport report = make_reports().front();
  for (const std::string& key : keys) {
    model::PortDay port;
    port.crossing = key;
    report.ports.push_back(port);
  }
  CsvDayWriter writer(scratch.path());
  writer.on_day(report);
  writer.finish();
  const std::string text = read_file(scratch.path() / "port_days.csv");
  const util::CsvParseResult parsed = util::parse_csv(text);
  ASSERT_TRUE(parsed.document) << parsed.error->message << "\n" << text;
  const std::vector<util::CsvRecord>& records = parsed.document->records;
  ASSERT_EQ(records.size(), 1 + std::size(keys));
  for (std::size_t i = 0; i < std::size(keys); ++i) {
    EXPECT_EQ(records[i + 1].fields.size(), records[0].fields.size()) << keys[i];
    EXPECT_EQ(records[i + 1].fields[1].text, keys[i]);
  }
  EXPECT_NE(text.find(",\"a,b\","), std::string::npos) << text;
}

TEST(CsvDayWriterTest, HeadersOnlyWithoutDays) {
  ScratchFolder scratch;
  CsvDayWriter writer(scratch.path());
  writer.finish();
  EXPECT_EQ(read_file(scratch.path() / "sector_days.csv"), kSectorHeader);
  EXPECT_EQ(read_file(scratch.path() / "days.csv"), kDaysHeader);
}

TEST(CsvDayWriterTest, RealsAreFixedTwoDecimalsWithoutNegativeZero) {
  EXPECT_EQ(format_cell({ColumnType::kReal, 0, 1.0 / 3.0}), "0.33");
  EXPECT_EQ(format_cell({ColumnType::kReal, 0, 2.675}), "2.67");  // binary 2.67499..., no locale
  EXPECT_EQ(format_cell({ColumnType::kReal, 0, -0.0}), "0.00");
  EXPECT_EQ(format_cell({ColumnType::kReal, 0, -0.001}), "0.00");
  EXPECT_EQ(format_cell({ColumnType::kReal, 0, -1.5}), "-1.50");
  EXPECT_EQ(format_cell({ColumnType::kInteger, 1234567, 0.0}), "1234567");
}

TEST(CsvDayWriterTest, MissingFolderIsAnErrorNamingThePath) {
  ScratchFolder scratch;
  const auto missing = scratch.path() / "no_such_folder";
  try {
    CsvDayWriter writer(missing);
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_folder/sector_days.csv"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace bf::output
