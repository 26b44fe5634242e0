#include "output/sqlite_day_writer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "output/io_error.h"
#include "test_folder.h"
#include "test_reports.h"

namespace bf::output {
namespace {

namespace fs = std::filesystem;
using testing::make_reports;
using testing::read_file;
using testing::ScratchFolder;

// Runs `sql` on `file` and returns the rows, each as its columns' text joined by '|'.
std::vector<std::string> query(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (i > 0) row += '|';
      const auto* text = sqlite3_column_text(stmt, i);
      row += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

void write_all(const fs::path& folder) {
  SqliteDayWriter writer(folder);
  writer.write_run_info({{"scenario", "baseline"}, {"seed", "42"}});
  for (const auto& r : make_reports()) writer.on_day(r);
  writer.write_run_info({{"version", "0.1.0"}});
  writer.finish();
}

TEST(SqliteDayWriterTest, SectorDaysRowsAndTypes) {
  ScratchFolder scratch;
  write_all(scratch.path());
  const fs::path file = scratch.path() / "results.sqlite";
  EXPECT_EQ(query(file, "SELECT count(*) FROM sector_days"), std::vector<std::string>{"27"});
  EXPECT_EQ(
      query(file,
            "SELECT date, crossings, encounters_mexico, tic_mean_hours, agents_on_patrol "
            "FROM sector_days WHERE sector = 'rio_grande_valley' ORDER BY rowid"),
      (std::vector<std::string>{"2024-02-28|120|75|30.0|120.5", "2024-02-29|180|135|30.0|120.5",
                                "2024-03-01|140|95|0.0|120.5"}));
  EXPECT_EQ(query(file,
                  "SELECT typeof(date), typeof(sector), typeof(crossings), typeof(tic_mean_hours) "
                  "FROM sector_days LIMIT 1"),
            std::vector<std::string>{"text|text|integer|real"});
  EXPECT_EQ(query(file, "SELECT sum(crossings) FROM sector_days WHERE sector = 'el_paso'"),
            std::vector<std::string>{"0"});
}

TEST(SqliteDayWriterTest, DaysRowsMatchTheCsvColumns) {
  ScratchFolder scratch;
  write_all(scratch.path());
  const fs::path file = scratch.path() / "results.sqlite";
  EXPECT_EQ(query(file,
                  "SELECT date, crossings, left_custody, tic_mean_hours, tic_p90_hours, "
                  "over_capacity, removals, removals_other, state_removed FROM days ORDER BY date"),
            (std::vector<std::string>{"2024-02-28|220|100|22.1|48.0|0|15|5|2000",
                                      "2024-02-29|380|100|22.1|48.0|160|16|6|1902",
                                      "2024-03-01|240|40|10.25|20.0|0|17|7|1804"}));
  // Same column names and order as days.csv.
  std::string names;
  for (const auto& row : query(file, "SELECT name FROM pragma_table_info('days')")) {
    names += (names.empty() ? "" : ",") + row;
  }
  std::string csv_names;
  for (const Column& c : day_columns()) csv_names += (csv_names.empty() ? "" : ",") + c.name;
  EXPECT_EQ(names, csv_names);
}

TEST(SqliteDayWriterTest, RunTableKeepsOrder) {
  ScratchFolder scratch;
  write_all(scratch.path());
  EXPECT_EQ(query(scratch.path() / "results.sqlite", "SELECT key, value FROM run ORDER BY rowid"),
            (std::vector<std::string>{"scenario|baseline", "seed|42", "version|0.1.0"}));
}

TEST(SqliteDayWriterTest, IdenticalInputGivesIdenticalBytes) {
  ScratchFolder scratch;
  fs::create_directory(scratch.path() / "a");
  fs::create_directory(scratch.path() / "b");
  write_all(scratch.path() / "a");
  write_all(scratch.path() / "b");
  const std::string a = read_file(scratch.path() / "a" / "results.sqlite");
  const std::string b = read_file(scratch.path() / "b" / "results.sqlite");
  EXPECT_GT(a.size(), 4096u);
  EXPECT_TRUE(a == b) << "results.sqlite differs between two identical runs";
}

TEST(SqliteDayWriterTest, UnfinishedWriterLeavesNoRows) {
  ScratchFolder scratch;
  {
    SqliteDayWriter writer(scratch.path());
    for (const auto& r : make_reports()) writer.on_day(r);
  }
  // The transaction that created the tables was rolled back too.
  EXPECT_EQ(query(scratch.path() / "results.sqlite", "SELECT count(*) FROM sqlite_master"),
            std::vector<std::string>{"0"});
}

TEST(SqliteDayWriterTest, ExistingFileIsAnError) {
  ScratchFolder scratch;
  write_all(scratch.path());
  try {
    SqliteDayWriter writer(scratch.path());
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
  }
}

TEST(SqliteDayWriterTest, MissingFolderIsAnErrorNamingThePath) {
  ScratchFolder scratch;
  try {
    SqliteDayWriter writer(scratch.path() / "missing");
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("missing/results.sqlite"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace bf::output
