// Fuzz target: the Texas-Mexico monthly crossings reader (ingest/data_texas_crossings.h).

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_texas_crossings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::ingest::TexasCrossingTable table = bf::ingest::parse_texas_crossings(bytes, "fuzz.csv");
  for (const bf::ingest::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  if (table.ok() && static_cast<std::int64_t>(table.rows.size()) != table.data_rows) std::abort();
  for (const bf::ingest::TexasCrossingRow& row : table.rows) {
    if (row.units < 0 || row.month.month < 1 || row.month.month > 12 || row.crossing.empty() ||
        static_cast<int>(row.mode) >= bf::model::kModeCount) {
      std::abort();
    }
  }
  return 0;
}
