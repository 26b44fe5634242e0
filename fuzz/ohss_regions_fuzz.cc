// Fuzz target: the DHS OHSS region × citizenship and region × family-status readers
// (ingest/data_ohss_regions.h). Every input goes through both: each checks its own header, so a
// real file of either kind (or a mutation of it) reaches the rows of its reader.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_ohss_regions.h"
#include "model/population.h"

namespace {

void check(const bf::ingest::OhssRegionTable& table, int categories) {
  for (const bf::ingest::DataError& e : table.errors) {
    if (e.to_string().empty()) std::abort();
  }
  for (const bf::ingest::OhssRegionRow& row : table.rows) {
    if (row.encounters < 0 || row.category < 0 || row.category >= categories ||
        row.month.month < 1 || row.month.month > 12) {
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bf::ingest::parse_ohss_citizenship(bytes, "fuzz.csv"), bf::model::kCitizenshipCount);
  check(bf::ingest::parse_ohss_family_status(bytes, "fuzz.csv"), bf::model::kDemographicCount);
  return 0;
}
