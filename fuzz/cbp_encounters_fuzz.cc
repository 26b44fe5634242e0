// Fuzz target: the CBP Southwest Land Border Encounters reader (ingest/data_cbp_encounters.h).

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_cbp_encounters.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::ingest::CbpEncounterTable table = bf::ingest::parse_cbp_encounters(bytes, "fuzz.csv");
  for (const bf::ingest::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  for (const bf::ingest::CbpEncounterRow& row : table.rows) {
    if (row.encounters < 0 || row.month.month < 1 || row.month.month > 12) std::abort();
  }
  return 0;
}
