// Fuzz target: the ICE detention statistics reader (ingest/data_ice_detention.h).

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_ice_detention.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::ingest::IceDetentionTable table = bf::ingest::parse_ice_detention(bytes, "fuzz.csv");
  for (const bf::ingest::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  // Every record is accounted for once: in effect, repeated, superseded or reported.
  const std::int64_t counted =
      static_cast<std::int64_t>(table.rows.size()) + table.repeated_rows + table.superseded_rows;
  if (counted > table.data_rows) std::abort();
  if (table.ok() && counted != table.data_rows) std::abort();
  int last_line = 0;
  for (const bf::ingest::IceDetentionRow& row : table.rows) {
    if (!(row.value >= 0) || !std::isfinite(row.value) || row.month.month < 1 ||
        row.month.month > 12 || row.source_file.empty() || row.line <= last_line ||
        static_cast<int>(row.table) >= bf::ingest::kIceTableCount) {
      std::abort();
    }
    last_line = row.line;
    // The rows in effect have one value per series and month (checked on small inputs only:
    // monthly() scans every row).
    if (table.rows.size() > 100) continue;
    const auto series = table.monthly(row.table, row.category, row.criminality);
    if (table.ok() && series.at(row.month) != row.value) std::abort();
  }
  return 0;
}
