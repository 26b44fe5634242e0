// Fuzz target: `borderflow calibrate` without the files: the CBP and OHSS readers and the
// arrival-table derivation and writer (ingest/arrival_table_builder.h). The input is a CBP file,
// then a line "#--- sectors", then an OHSS file; the months built are those the OHSS rows
// span (at most three years, to keep one execution fast).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "ingest/arrival_table_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSeparator = "\n#--- sectors\n";
  const std::size_t split = input.find(kSeparator);
  if (split == std::string_view::npos) return 0;
  const auto encounters = bf::ingest::parse_cbp_encounters(input.substr(0, split), "cbp.csv");
  const auto sectors =
      bf::ingest::parse_ohss_sectors(input.substr(split + kSeparator.size()), "ohss.csv");
  if (sectors.rows.empty()) return 0;
  bf::util::YearMonth first = sectors.rows.front().month;
  bf::util::YearMonth last = first;
  for (const auto& row : sectors.rows) {
    first = std::min(first, row.month);
    last = std::max(last, row.month);
  }
  if (last.index() - first.index() > 35) {
    const int index = first.index() + 35;
    last = bf::util::YearMonth{index / 12, index % 12 + 1};
  }
  const bf::ingest::ArrivalTableResult result =
      bf::ingest::build_arrival_table(encounters, sectors, first, last);
  if (!result.ok() && !result.rows.empty()) std::abort();
  for (const auto& row : result.rows) {
    if (!std::isfinite(row.encounters_per_day) || row.encounters_per_day < 0.0) std::abort();
  }
  std::ostringstream out;
  bf::ingest::write_arrival_table(out, result.rows, {{"cbp.csv", "0", 1}, {"ohss.csv", "0", 1}},
                                  "fuzz");
  return 0;
}
