// Fuzz target: the DHS OHSS monthly tables reader (ingest/data_ohss_monthly_tables.h), asked
// for the four sheets the calibration reads, and its book-out helper. Beyond "no crash": every
// record is accounted for once, cells are unique and sorted, a value and a flag exclude each
// other, and the helper's rows agree with the cells.

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <tuple>
#include <vector>

#include "ingest/data_ohss_monthly_tables.h"

namespace {

using bf::ingest::OhssCell;
using bf::ingest::OhssFlag;

void check_sheet(const bf::ingest::OhssMonthlyTables& tables, std::string_view sheet,
                 const std::vector<OhssCell>& cells) {
  const OhssCell* previous = nullptr;
  for (const OhssCell& cell : cells) {
    if (cell.line < 2 || cell.month.month < 1 || cell.month.month > 12 || cell.measure.empty() ||
        (cell.value && *cell.value < 0) ||
        cell.value.has_value() != (cell.flag == OhssFlag::kNone)) {
      std::abort();
    }
    if (tables.ok() && previous &&
        !(std::tie(previous->group, previous->measure, previous->month) <
          std::tie(cell.group, cell.measure, cell.month))) {
      std::abort();
    }
    if (tables.ok() && tables.find(sheet, cell.group, cell.measure, cell.month) != &cell) {
      std::abort();
    }
    previous = &cell;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string_view> sheets = {
      bf::ingest::kOhssBookOutsByAgencySheet, bf::ingest::kOhssBookOutsByFamilySheet,
      bf::ingest::kOhssBookOutsByCitizenshipSheet, bf::ingest::kOhssIceBookInsByAgencySheet};
  const bf::ingest::OhssMonthlyTables tables =
      bf::ingest::parse_ohss_monthly_tables(bytes, "fuzz.csv", sheets);
  for (const bf::ingest::DataError& e : tables.errors) {
    if (e.to_string().empty()) std::abort();
  }
  std::int64_t cells = 0;
  for (const auto& [name, sheet] : tables.sheets) {
    cells += static_cast<std::int64_t>(sheet.size());
    check_sheet(tables, name, sheet);
  }
  const std::int64_t counted = tables.total_rows + tables.other_sheet_rows + cells;
  if (counted > tables.data_rows || (tables.ok() && counted != tables.data_rows)) std::abort();
  if (!tables.ok()) return 0;
  for (std::string_view sheet : sheets) {
    const bf::ingest::BookOutsByGroup book_outs = bf::ingest::book_outs_by_group(tables, sheet);
    for (const bf::ingest::BookOutGroupMonth& row : book_outs.rows) {
      if (book_outs.find(row.group, row.month) != &row) std::abort();
      if (row.total_encounters != tables.value(sheet, row.group, "Total Encounters", row.month)) {
        std::abort();
      }
    }
  }
  return 0;
}
