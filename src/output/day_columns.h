#pragma once
// The column layout shared by the CSV and SQLite day writers and the ensemble statistics,
// read from the output schema (output/output_schema.h: names, order, types, units,
// meanings), so sector_days.csv, days.csv, port_days.csv and the tables of results.sqlite
// always agree. docs/columns.md (`borderflow columns`) lists every column.

#include <cstdint>
#include <string>
#include <vector>

#include "model/day_report.h"
#include "output/output_schema.h"

namespace bf::output {

struct Column {
  std::string name;
  ColumnType type = ColumnType::kInteger;
};

// Full column lists, including the leading `date` (and `sector` or `crossing`) columns,
// typed kInteger for lack of a text type: writers special-case the key columns, which come
// first.
inline constexpr int kSectorDayKeyColumns = 2;  // date, sector
inline constexpr int kDayKeyColumns = 1;        // date
std::vector<Column> sector_day_columns();
std::vector<Column> day_columns();
std::vector<Column> port_day_columns();

// The non-key values of one row, in column order (replaces `out`'s contents; reuse the
// vector across rows to avoid allocations).
void sector_day_cells(const model::SectorDay& sector, std::vector<Cell>& out);
void day_cells(const model::DayReport& report, std::vector<Cell>& out);
void port_day_cells(const model::PortDay& port, std::vector<Cell>& out);

// Deterministic text for CSV and the console: integers plain, reals with exactly two
// decimals ("12.50"), no locale, "-0.00" printed as "0.00".
std::string format_cell(const Cell& cell);
void append_cell(std::string& out, const Cell& cell);

}  // namespace bf::output
