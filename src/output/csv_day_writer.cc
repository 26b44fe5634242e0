#include "output/csv_day_writer.h"

#include "util/csv_field.h"

namespace bf::output {
namespace {

std::string header_line(const std::vector<Column>& columns) {
  std::string line;
  for (const Column& c : columns) {
    if (!line.empty()) line += ',';
    line += c.name;
  }
  line += '\n';
  return line;
}

void append_cells(std::string& line, const std::vector<Cell>& cells) {
  for (const Cell& cell : cells) {
    line += ',';
    append_cell(line, cell);
  }
  line += '\n';
}

}  // namespace

CsvDayWriter::CsvDayWriter(const std::filesystem::path& folder)
    : sector_days_(folder / kSectorDaysFile), days_(folder / kDaysFile), folder_(folder) {
  sector_days_.write(header_line(sector_day_columns()));
  days_.write(header_line(day_columns()));
}

void CsvDayWriter::on_day(const model::DayReport& report) {
  const std::string date = report.date.to_string();
  line_.clear();
  for (int i = 0; i < model::kSectorCount; ++i) {
    line_ += date;
    line_ += ',';
    line_ += model::kSectorKeys[i];
    sector_day_cells(report.sectors[i], cells_);
    append_cells(line_, cells_);
  }
  sector_days_.write(line_);

  line_ = date;
  day_cells(report, cells_);
  append_cells(line_, cells_);
  days_.write(line_);

  if (report.ports.empty()) return;
  if (!port_days_) {
    port_days_.emplace(folder_ / kPortDaysFile);
    port_days_->write(header_line(port_day_columns()));
  }
  line_.clear();
  for (const model::PortDay& p : report.ports) {
    line_ += date;
    line_ += ',';
    // The crossing's key is the user's: it may hold a comma, a quote or a line break.
    util::append_csv_field(line_, p.crossing);
    port_day_cells(p, cells_);
    append_cells(line_, cells_);
  }
  port_days_->write(line_);
}

void CsvDayWriter::finish() {
  sector_days_.close();
  days_.close();
  if (port_days_) port_days_->close();
}

}  // namespace bf::output
