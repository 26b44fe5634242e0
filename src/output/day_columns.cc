#include "output/day_columns.h"

#include <fmt/format.h>

#include <iterator>

namespace bf::output {
namespace {

std::vector<Column> columns_of(Table table) {
  std::vector<Column> columns;
  for (const KeyColumn& key : key_columns(table)) {
    columns.push_back({std::string(key.name), ColumnType::kInteger});
  }
  for (const Field& f : fields(table)) columns.push_back({f.name, f.type});
  return columns;
}

}  // namespace

std::vector<Column> sector_day_columns() { return columns_of(Table::kSectorDays); }
std::vector<Column> day_columns() { return columns_of(Table::kDays); }
std::vector<Column> port_day_columns() { return columns_of(Table::kPortDays); }

void sector_day_cells(const model::SectorDay& s, std::vector<Cell>& out) {
  out.clear();
  for (const Field& f : fields(Table::kSectorDays)) out.push_back(f.sector(s));
}

void day_cells(const model::DayReport& report, std::vector<Cell>& out) {
  out.clear();
  for (const Field& f : fields(Table::kDays)) out.push_back(day_value(f, report));
}

void port_day_cells(const model::PortDay& p, std::vector<Cell>& out) {
  out.clear();
  for (const Field& f : fields(Table::kPortDays)) out.push_back(f.port(p));
}

void append_cell(std::string& out, const Cell& cell) {
  if (cell.type == ColumnType::kInteger) {
    fmt::format_to(std::back_inserter(out), "{}", cell.integer);
    return;
  }
  // Adding 0.0 turns -0.0 into +0.0; values that round to zero still print "-0.00", so
  // normalise those too.
  double v = cell.real + 0.0;
  if (v < 0.0 && v > -0.005) v = 0.0;
  fmt::format_to(std::back_inserter(out), "{:.2f}", v);
}

std::string format_cell(const Cell& cell) {
  std::string out;
  append_cell(out, cell);
  return out;
}

}  // namespace bf::output
