// Fuzz target: the BTS Border Crossing Entry Data reader (ingest/data_bts_crossings.h).

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_bts_crossings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::ingest::BtsCrossingTable table = bf::ingest::parse_bts_crossings(bytes, "fuzz.csv");
  for (const bf::ingest::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  // Every record is accounted for once: kept, counted or reported.
  const std::int64_t counted = static_cast<std::int64_t>(table.rows.size()) + table.other_borders +
                               table.ignored_measures + table.repeated_rows;
  if (counted > table.data_rows) std::abort();
  if (table.ok() && counted != table.data_rows) std::abort();
  for (const bf::ingest::BtsCrossingRow& row : table.rows) {
    if (row.units < 0 || row.month.month < 1 || row.month.month > 12 || row.port.empty() ||
        static_cast<int>(row.measure) >= bf::ingest::kBtsMeasureCount) {
      std::abort();
    }
  }
  return 0;
}
