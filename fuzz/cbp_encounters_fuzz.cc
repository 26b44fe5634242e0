// Fuzz target: the CBP Southwest Land Border Encounters reader (io/data_cbp_encounters.h).

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/data_cbp_encounters.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bf::io::CbpEncounterTable table = bf::io::parse_cbp_encounters(bytes, "fuzz.csv");
  for (const bf::io::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  for (const bf::io::CbpEncounterRow& row : table.rows) {
    if (row.encounters < 0 || row.month.month < 1 || row.month.month > 12) std::abort();
  }
  return 0;
}
