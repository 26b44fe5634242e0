#pragma once
// One replication's day tables kept in memory, column by column, for Python's data frames:
// the same tables, columns and cells as days.csv, sector_days.csv and port_days.csv, read
// from the output schema through output/day_columns.h exactly as the CSV writer reads them,
// so a new column of the schema reaches Python with no change here.
//
// Values are the CSV's numbers: integers as written; reals as the CSV prints them (two
// decimals, output::format_cell) read back as doubles, so a frame equals its CSV number for
// number.

#include <cstdint>
#include <string>
#include <vector>

#include "model/day_report.h"
#include "output/output_schema.h"

namespace bf::python {

struct ValueColumn {
  std::string name;
  bool real = false;
  std::vector<std::int64_t> integers;  // when !real
  std::vector<double> reals;           // when real
};

// One table: a row per day (and sector or crossing), key columns as text.
struct DayTable {
  std::string key_name;            // "sector" or "crossing"; empty for the days table
  std::vector<std::string> dates;  // YYYY-MM-DD
  std::vector<std::string> keys;   // sector or crossing key; empty for the days table
  std::vector<ValueColumn> columns;
  std::size_t rows() const { return dates.size(); }
};

// Not thread-safe: one per replication.
class DayTables : public model::DayObserver {
 public:
  // `sectors` and `ports`: also keep sector_days and port_days (the days table is always
  // kept). Default: both.
  explicit DayTables(bool sectors = true, bool ports = true);
  void on_day(const model::DayReport& report) override;

  const DayTable& days() const { return days_; }
  const DayTable& sectors() const { return sectors_; }
  const DayTable& ports() const { return ports_; }  // no rows without ports

 private:
  bool keep_sectors_, keep_ports_;
  DayTable days_, sectors_, ports_;
  std::vector<output::Cell> cells_;
};

}  // namespace bf::python
