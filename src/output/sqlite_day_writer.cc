#include "output/sqlite_day_writer.h"

#include <fmt/format.h>

#include <system_error>

#include "output/io_error.h"

namespace bf::output {
namespace fs = std::filesystem;

namespace {

// `CREATE TABLE name ("a" TEXT NOT NULL, ...)`; the first `key_columns` columns are TEXT.
std::string create_table_sql(std::string_view table, const std::vector<Column>& columns,
                             int key_columns) {
  std::string sql = fmt::format("CREATE TABLE {} (", table);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const char* type = static_cast<int>(i) < key_columns         ? "TEXT"
                       : columns[i].type == ColumnType::kInteger ? "INTEGER"
                                                                 : "REAL";
    fmt::format_to(std::back_inserter(sql), "{}\"{}\" {} NOT NULL", i == 0 ? "" : ", ",
                   columns[i].name, type);
  }
  sql += ")";
  return sql;
}

std::string insert_sql(std::string_view table, std::size_t column_count) {
  std::string sql = fmt::format("INSERT INTO {} VALUES (", table);
  for (std::size_t i = 0; i < column_count; ++i) sql += i == 0 ? "?" : ", ?";
  sql += ")";
  return sql;
}

}  // namespace

SqliteDayWriter::SqliteDayWriter(const fs::path& folder) : path_(folder / kFileName) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path_, ec))) {
    throw IoError(fmt::format("cannot create '{}': the file already exists", path_.string()));
  }
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  db_.reset(raw);  // sqlite3_open_v2 may hand back a handle even on failure
  if (rc != SQLITE_OK) {
    throw IoError(fmt::format("cannot create '{}': {}", path_.string(),
                              raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(db_.get(), 1);
  // Fixed page size: the file layout must not depend on the SQLite build's default.
  exec("PRAGMA page_size = 4096", "setting the page size");
  exec("PRAGMA journal_mode = MEMORY", "setting the journal mode");
  exec("PRAGMA synchronous = OFF", "turning off synchronous writes");
  exec("BEGIN", "opening the transaction");

  const std::vector<Column> sector_columns = sector_day_columns();
  const std::vector<Column> columns = day_columns();
  exec(create_table_sql("sector_days", sector_columns, kSectorDayKeyColumns),
       "creating table sector_days");
  exec(create_table_sql("days", columns, kDayKeyColumns), "creating table days");
  exec("CREATE TABLE run (\"key\" TEXT NOT NULL, \"value\" TEXT NOT NULL)", "creating table run");
  insert_sector_day_ =
      prepare(insert_sql("sector_days", sector_columns.size()), "preparing the sector_days insert");
  insert_day_ = prepare(insert_sql("days", columns.size()), "preparing the days insert");
  insert_run_ = prepare("INSERT INTO run VALUES (?, ?)", "preparing the run insert");
}

SqliteDayWriter::~SqliteDayWriter() {
  if (!finished_ && db_ != nullptr) {
    // Best effort; closing with an open transaction would roll it back anyway.
    insert_sector_day_.reset();
    insert_day_.reset();
    insert_run_.reset();
    insert_port_day_.reset();
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void SqliteDayWriter::on_day(const model::DayReport& report) {
  if (finished_) throw IoError(fmt::format("'{}' is already finished", path_.string()));
  const std::string date = report.date.to_string();
  for (int i = 0; i < model::kSectorCount; ++i) {
    sqlite3_stmt* stmt = insert_sector_day_.get();
    const std::string_view sector = model::kSectorKeys[i];
    check(sqlite3_bind_text(stmt, 1, date.data(), static_cast<int>(date.size()), SQLITE_STATIC),
          "binding a sector_days row");
    check(sqlite3_bind_text(stmt, 2, sector.data(), static_cast<int>(sector.size()), SQLITE_STATIC),
          "binding a sector_days row");
    sector_day_cells(report.sectors[i], cells_);
    bind_cells(stmt, 3, "binding a sector_days row");
    step_and_reset(stmt, "inserting a sector_days row");
  }
  sqlite3_stmt* stmt = insert_day_.get();
  check(sqlite3_bind_text(stmt, 1, date.data(), static_cast<int>(date.size()), SQLITE_STATIC),
        "binding a days row");
  day_cells(report, cells_);
  bind_cells(stmt, 2, "binding a days row");
  step_and_reset(stmt, "inserting a days row");

  if (report.ports.empty()) return;
  if (!insert_port_day_) {
    const std::vector<Column> port_columns = port_day_columns();
    exec(create_table_sql("port_days", port_columns, 2), "creating table port_days");
    insert_port_day_ =
        prepare(insert_sql("port_days", port_columns.size()), "preparing the port_days insert");
  }
  for (const model::PortDay& p : report.ports) {
    sqlite3_stmt* ps = insert_port_day_.get();
    check(sqlite3_bind_text(ps, 1, date.data(), static_cast<int>(date.size()), SQLITE_STATIC),
          "binding a port_days row");
    check(sqlite3_bind_text(ps, 2, p.crossing.data(), static_cast<int>(p.crossing.size()),
                            SQLITE_STATIC),
          "binding a port_days row");
    port_day_cells(p, cells_);
    bind_cells(ps, 3, "binding a port_days row");
    step_and_reset(ps, "inserting a port_days row");
  }
}

void SqliteDayWriter::write_run_info(
    const std::vector<std::pair<std::string, std::string>>& entries) {
  if (finished_) throw IoError(fmt::format("'{}' is already finished", path_.string()));
  sqlite3_stmt* stmt = insert_run_.get();
  for (const auto& [key, value] : entries) {
    check(sqlite3_bind_text(stmt, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC),
          "binding a run row");
    check(sqlite3_bind_text(stmt, 2, value.data(), static_cast<int>(value.size()), SQLITE_STATIC),
          "binding a run row");
    step_and_reset(stmt, "inserting a run row");
  }
}

void SqliteDayWriter::finish() {
  if (finished_) return;
  insert_sector_day_.reset();
  insert_day_.reset();
  insert_run_.reset();
  insert_port_day_.reset();
  exec("COMMIT", "committing the transaction");
  finished_ = true;
  const int rc = sqlite3_close(db_.get());
  if (rc != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db_.get());
    throw IoError(fmt::format("cannot close '{}': {}", path_.string(), message));
  }
  (void)db_.release();  // closed above
}

void SqliteDayWriter::exec(const std::string& sql, std::string_view doing) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw IoError(fmt::format("SQLite error in '{}' while {}: {}", path_.string(), doing, message));
  }
}

SqliteDayWriter::Statement SqliteDayWriter::prepare(const std::string& sql,
                                                    std::string_view doing) {
  sqlite3_stmt* stmt = nullptr;
  check(sqlite3_prepare_v2(db_.get(), sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr),
        doing);
  return Statement(stmt);
}

void SqliteDayWriter::check(int rc, std::string_view doing) const {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  throw IoError(fmt::format("SQLite error in '{}' while {}: {} ({})", path_.string(), doing,
                            sqlite3_errmsg(db_.get()), sqlite3_errstr(rc)));
}

void SqliteDayWriter::bind_cells(sqlite3_stmt* stmt, int first_index, std::string_view doing) {
  int index = first_index;
  for (const Cell& cell : cells_) {
    const int rc = cell.type == ColumnType::kInteger ? sqlite3_bind_int64(stmt, index, cell.integer)
                                                     : sqlite3_bind_double(stmt, index, cell.real);
    check(rc, doing);
    ++index;
  }
}

void SqliteDayWriter::step_and_reset(sqlite3_stmt* stmt, std::string_view doing) {
  const int rc = sqlite3_step(stmt);
  // Reset even on failure so the statement can be finalized cleanly.
  sqlite3_reset(stmt);
  if (rc != SQLITE_DONE) check(rc == SQLITE_ROW ? SQLITE_MISUSE : rc, doing);
}

}  // namespace bf::output
