#include "python/day_tables.h"

#include <cstdlib>

#include "output/day_columns.h"

namespace bf::python {
namespace {

// The value columns of `table`, after its key columns (date, then sector or crossing).
DayTable empty_table(output::Table which, const std::vector<output::Column>& columns) {
  DayTable table;
  const std::vector<output::KeyColumn>& keys = output::key_columns(which);
  if (keys.size() > 1) table.key_name = keys[1].name;
  for (std::size_t c = keys.size(); c < columns.size(); ++c) {
    table.columns.push_back(
        ValueColumn{columns[c].name, columns[c].type == output::ColumnType::kReal, {}, {}});
  }
  return table;
}

void append_row(DayTable& table, const std::string& date, const std::string* key,
                const std::vector<output::Cell>& cells) {
  table.dates.push_back(date);
  if (key != nullptr) table.keys.push_back(*key);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    ValueColumn& column = table.columns[c];
    if (column.real) {
      // The CSV's text read back: the same double pandas reads from the file.
      column.reals.push_back(std::strtod(output::format_cell(cells[c]).c_str(), nullptr));
    } else {
      column.integers.push_back(cells[c].integer);
    }
  }
}

}  // namespace

DayTables::DayTables(bool sectors, bool ports)
    : keep_sectors_(sectors),
      keep_ports_(ports),
      days_(empty_table(output::Table::kDays, output::day_columns())),
      sectors_(empty_table(output::Table::kSectorDays, output::sector_day_columns())),
      ports_(empty_table(output::Table::kPortDays, output::port_day_columns())) {}

void DayTables::on_day(const model::DayReport& report) {
  const std::string date = report.date.to_string();
  output::day_cells(report, cells_);
  append_row(days_, date, nullptr, cells_);
  if (keep_sectors_) {
    for (int i = 0; i < model::kSectorCount; ++i) {
      const std::string key(model::kSectorKeys[static_cast<std::size_t>(i)]);
      output::sector_day_cells(report.sectors[static_cast<std::size_t>(i)], cells_);
      append_row(sectors_, date, &key, cells_);
    }
  }
  if (keep_ports_) {
    for (const model::PortDay& p : report.ports) {
      const std::string key(p.crossing);
      output::port_day_cells(p, cells_);
      append_row(ports_, date, &key, cells_);
    }
  }
}

}  // namespace bf::python
