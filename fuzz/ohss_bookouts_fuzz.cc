// Fuzz target: the DHS OHSS book-outs-by-agency reader (ingest/data_ohss_bookouts.h). Beyond
// "no crash": the rows it keeps obey the rules it checks.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_ohss_bookouts.h"

namespace {

using bf::ingest::BookOutComponent;
using bf::ingest::BookOutMonth;
using bf::ingest::BookOutOutcome;

void check_row(const BookOutMonth& row) {
  if (row.total_encounters < 0 || row.month.month < 1 || row.month.month > 12 ||
      row.fiscal_year != (row.month.month >= 10 ? row.month.year + 1 : row.month.year) ||
      static_cast<int>(row.component) >= bf::ingest::kBookOutComponentCount) {
    std::abort();
  }
  for (const auto& value : row.outcomes) {
    if (value && *value < 0) std::abort();
  }
  // The X rules: USBP never paroles at a port, OFO never releases on USBP's authority.
  const auto& paroles = row.outcomes[static_cast<int>(BookOutOutcome::kOfoParoles)];
  const auto& releases = row.outcomes[static_cast<int>(BookOutOutcome::kUsbpReleases)];
  if ((row.component == BookOutComponent::kUsbp && paroles) ||
      (row.component == BookOutComponent::kOfo && releases)) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::ingest::OhssBookOutsTable table =
      bf::ingest::parse_ohss_bookouts_by_agency(bytes, "fuzz.csv");
  for (const bf::ingest::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  if (static_cast<std::int64_t>(table.rows.size()) > table.data_rows) std::abort();
  if (table.ok() && static_cast<std::int64_t>(table.rows.size()) != table.data_rows) std::abort();
  int last_line = 0;
  for (const BookOutMonth& row : table.rows) {
    check_row(row);
    if (row.line <= last_line) std::abort();
    last_line = row.line;
    // One row per component and month (find scans every row: small inputs only).
    if (table.rows.size() <= 100 && table.find(row.component, row.month) != &row) std::abort();
  }
  if (table.unbalanced_lines.size() > table.rows.size()) std::abort();
  return 0;
}
