#pragma once
// Writes the model's daily reports into one SQLite database, `results.sqlite`, with tables
//   sector_days  (date TEXT, sector TEXT, <value columns>)  one row per day x sector;
//   days         (date TEXT, <value columns>)               one row per day;
//   run          (key TEXT, value TEXT)                     provenance, see write_run_info.
// Columns, order and meaning are those of the CSV files (output/day_columns.h); counts are
// INTEGER, hours and agents REAL (stored unrounded), dates TEXT "YYYY-MM-DD". Rows are in day
// order, sectors west to east; there are no indexes.
//
// Everything goes into one transaction committed by finish(), through prepared statements.
// journal_mode=MEMORY and synchronous=OFF: the file lives in an OutputFolder's temporary
// folder, which OutputFolder::commit() fsyncs and renames, so SQLite's own crash safety
// would be paid for twice. Identical reports give a byte-identical file (same SQLite build).
// Not thread-safe; one writer per run.

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/day_report.h"
#include "output/day_columns.h"

namespace bf::output {

class SqliteDayWriter : public model::DayObserver {
 public:
  static constexpr std::string_view kFileName = "results.sqlite";

  // Creates `folder`/results.sqlite (the folder must exist, the file must not) with empty
  // tables and opens the transaction. Throws IoError.
  explicit SqliteDayWriter(const std::filesystem::path& folder);
  SqliteDayWriter(const SqliteDayWriter&) = delete;
  SqliteDayWriter& operator=(const SqliteDayWriter&) = delete;
  // Without finish(), rolls back and closes: the file keeps no rows.
  ~SqliteDayWriter() override;

  // Inserts the day's rows. Throws IoError.
  void on_day(const model::DayReport& report) override;

  // Appends (key, value) rows to the `run` table in the given order (scenario name, seed,
  // version, ...). May be called any number of times before finish(). Throws IoError.
  void write_run_info(const std::vector<std::pair<std::string, std::string>>& entries);

  // Commits the transaction and closes the database. Call before OutputFolder::commit().
  // Throws IoError.
  void finish();

  const std::filesystem::path& path() const { return path_; }

 private:
  struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
  };
  struct StmtFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  using Statement = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

  void exec(const std::string& sql, std::string_view doing);
  Statement prepare(const std::string& sql, std::string_view doing);
  // Throws IoError naming the file, what we were doing and SQLite's message, if rc is not ok.
  void check(int rc, std::string_view doing) const;
  void bind_cells(sqlite3_stmt* stmt, int first_index, std::string_view doing);
  void step_and_reset(sqlite3_stmt* stmt, std::string_view doing);

  std::filesystem::path path_;
  // Declared before the statements so it is destroyed after them.
  std::unique_ptr<sqlite3, DbCloser> db_;
  Statement insert_sector_day_;
  Statement insert_day_;
  Statement insert_run_;
  Statement insert_port_day_;  // prepared with the port_days table at the first day with ports
  std::vector<Cell> cells_;    // reused row values
  bool finished_ = false;
};

}  // namespace bf::output
