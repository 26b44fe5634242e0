// Fuzz target: the readers of ICE's monthly ADP and book-ins by agency
// (ingest/data_ice_monthly.h). Every input goes through both: each checks its own header.
// Beyond "no crash": kept rows obey the partial-month rule and monthly() leaves partial months
// out.

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/data_ice_monthly.h"

namespace {

void check(const bf::ingest::IceMonthlySeries& series) {
  for (const bf::ingest::DataError& e : series.errors) {
    if (e.to_string().empty()) std::abort();
  }
  if (static_cast<std::int64_t>(series.rows.size()) > series.data_rows) std::abort();
  if (series.ok() && static_cast<std::int64_t>(series.rows.size()) != series.data_rows) {
    std::abort();
  }
  int last_line = 0;
  for (const bf::ingest::IceMonthlyRow& row : series.rows) {
    const bf::util::YearMonth pulled = row.source_pull_date.year_month();
    if (!(row.value >= 0) || !std::isfinite(row.value) || row.line <= last_line ||
        row.month > pulled || row.partial_month != (row.month == pulled) ||
        static_cast<int>(row.agency) >= bf::ingest::kIceAgencyCount) {
      std::abort();
    }
    last_line = row.line;
  }
  if (series.rows.size() > 100) return;  // monthly() scans every row
  for (int a = 0; a < bf::ingest::kIceAgencyCount; ++a) {
    const auto agency = static_cast<bf::ingest::IceAgency>(a);
    const auto complete = series.monthly(agency);
    const auto all = series.monthly(agency, true);
    if (complete.size() > all.size()) std::abort();
    for (const auto& [month, value] : complete) {
      if (all.at(month) != value) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bf::ingest::parse_ice_adp_by_agency(bytes, "fuzz.csv"));
  check(bf::ingest::parse_ice_book_ins_by_agency(bytes, "fuzz.csv"));
  return 0;
}
