// Fuzz target: the Texas-Mexico monthly crossings reader (io/data_texas_crossings.h).

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/data_texas_crossings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::io::TexasCrossingTable table = bf::io::parse_texas_crossings(bytes, "fuzz.csv");
  for (const bf::io::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  if (table.ok() && static_cast<std::int64_t>(table.rows.size()) != table.data_rows) std::abort();
  for (const bf::io::TexasCrossingRow& row : table.rows) {
    if (row.units < 0 || row.month.month < 1 || row.month.month > 12 || row.crossing.empty() ||
        static_cast<int>(row.mode) >= bf::model::kModeCount) {
      std::abort();
    }
  }
  return 0;
}
