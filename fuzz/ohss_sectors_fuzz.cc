// Fuzz target: the DHS OHSS monthly region x sector reader (ingest/data_ohss_sectors.h).

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_ohss_sectors.h"
#include "model/population.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::ingest::OhssSectorTable table = bf::ingest::parse_ohss_sectors(bytes, "fuzz.csv");
  for (const bf::ingest::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  for (const bf::ingest::OhssSectorRow& row : table.rows) {
    if (row.encounters < 0 || row.sector < 0 || row.sector >= bf::model::kSectorCount ||
        row.month.month < 1 || row.month.month > 12) {
      std::abort();
    }
  }
  return 0;
}
