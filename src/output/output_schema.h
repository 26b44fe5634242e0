#pragma once
// The one definition of every output column: each day table is a list of fields, each with
// its name, type, unit, meaning, how it aggregates over sectors and over days, and how it is
// read from the model's day records (model/day_report.h, model/port_day.h). The CSV and
// SQLite writers, the ensemble statistics, summary.json, `borderflow compare`'s day values
// and the column dictionary (`borderflow columns`, docs/columns.md) all loop over these
// lists; a column is added here and nowhere else.
//
// Tables, after their key columns:
//   sector_days  date, sector      one row per day × sector (Border Patrol sector values)
//   days         date              one row per day (Southwest Border: sectors aggregated, then
//                                  the system-wide values: ICE detention, ORR, removals, states)
//   port_days    date, crossing    one row per day × crossing (scenarios with ports only)
//
// The tables are built once on first use and never change (safe to read from any thread).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/day_report.h"
#include "model/port_day.h"

namespace bf::output {

enum class ColumnType { kInteger, kReal };

// One value; `integer` is used for kInteger columns, `real` for kReal.
struct Cell {
  ColumnType type = ColumnType::kInteger;
  std::int64_t integer = 0;
  double real = 0.0;
};

// What a value is, which decides how it aggregates over days: a flow is counted during the
// day (summed over days), a stock is the end-of-day value (mean and peak over days), a
// setting is the capacity in force that day (read with the stocks; mean over days), a rate is
// a statistic of the day's flow (recomputed, never summed).
enum class Kind { kFlow, kStock, kSetting, kRate };

// How the days table makes the Southwest value from the nine sectors' values.
enum class OverSectors {
  kSum,     // the sum of the sector values
  kPooled,  // recomputed over everyone in every sector (the model's pooled summary)
  kSystem,  // not a sector value: the system-wide value itself
};

// Which parts of summary.json a days-table field appears in (see output/run_summary.h).
struct SummaryUse {
  bool total = false;       // totals.<name> (or totals.<group>.<member>): sum over days
  bool daily_mean = false;  // means.daily_<name>: total ÷ days observed
  bool mean = false;        // means.<name>: mean of the end-of-day values
  bool peak = false;        // peaks.<name>: largest daily value and its first date
  bool final = false;       // final_states.<member>: the last day's value
  // means.<mean_key> for a rate: the mean over everyone counted by its flow (tic_hours).
  std::string_view rate_mean_key;
  std::string_view rate_weight;  // ... weighted by this flow column's sector values
  bool sector_total = false;     // sectors.<sector>.<name>: sum over days, per sector
  bool sector_peak = false;      // sectors.<sector>.peak_<name>: per sector
  // port_days fields: ports.<port_key> (runs with ports only), the sum over crossings and
  // days of every field with this key (units_lost: each mode's _lost), or with
  // port_any_nonzero the number of crossing-days on which any of them is nonzero
  // (closed_crossing_days: a mode closed). port_order: the key's position in `ports`.
  std::string_view port_key;
  int port_order = 0;
  bool port_any_nonzero = false;
};

// How `borderflow compare` and `sensitivity` read a column over a period (the run, a
// calendar month); compare/replication_metrics.h builds its metrics from these.
enum class PeriodAggregation {
  kSum,   // a flow: total over the period's days
  kMean,  // a stock: mean of the end-of-day values
  kPeak,  // a stock: largest end-of-day value
};

// One compare metric read from a days or port_days field (port_days: summed over crossings).
struct CompareUse {
  // The metric's position among all the metrics (compare.csv's row order, which is not the
  // column order): 0, 1, 2, ... over the days and port_days tables together.
  int order = 0;
  std::string_view key;    // compare.csv's `metric`, `sensitivity --metric`
  std::string_view label;  // the printed table's row name
  PeriodAggregation aggregation = PeriodAggregation::kSum;
};

struct Field {
  std::string name;  // column name
  ColumnType type = ColumnType::kInteger;
  Kind kind = Kind::kFlow;
  std::string unit;     // "people", "encounters", "hours", "units", "USD", ...
  std::string meaning;  // one line for the dictionary
  OverSectors over_sectors = OverSectors::kSum;
  // A member of a family of columns (encounters_<demographic>): summary.json nests the family
  // as {<group>: {<member>: ...}}. Empty for a single column.
  std::string group, member;
  SummaryUse summary;
  // The compare metrics read from this column (days and port_days tables only).
  std::vector<CompareUse> compare;
  // Value readers; the one a table uses is set (sector_days: sector, days: sector when
  // over_sectors is kSum, else system; port_days: port).
  std::function<Cell(const model::SectorDay&)> sector;
  std::function<Cell(const model::DayReport&)> system;
  std::function<Cell(const model::PortDay&)> port;
};

// A table's key columns, in order, with their meaning (all written as text).
struct KeyColumn {
  std::string_view name;
  std::string_view meaning;
};

enum class Table { kSectorDays, kDays, kPortDays };
inline constexpr Table kTables[] = {Table::kSectorDays, Table::kDays, Table::kPortDays};

std::string_view table_name(Table table);  // "sector_days", "days", "port_days"
const std::vector<KeyColumn>& key_columns(Table table);
// The value fields of a table, in column order (after the key columns).
const std::vector<Field>& fields(Table table);

// The day's value of `field` in the days table: the sum of its sector values, or its pooled
// or system value.
Cell day_value(const Field& field, const model::DayReport& report);

Cell integer_cell(std::int64_t v);
Cell real_cell(double v);

// Words for the dictionary: "flow", "sum", ...
std::string_view kind_name(Kind kind);
std::string_view over_days_text(Kind kind);
std::string_view over_sectors_text(OverSectors rule);

// The column dictionary as Markdown: every table (or only `only`, a table_name() or
// "summary"), one row per column. Throws std::invalid_argument for an unknown table name.
std::string column_dictionary(std::string_view only = {});

}  // namespace bf::output
