// Fuzz target: the arrival table reader of the scenario loader (scenario/arrival_table.h),
// checked once for a one-month run (January 2024, as the seeds are written) and once without
// a horizon (as when the scenario's dates are invalid). Every diagnostic is formatted too.

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/arrival_table.h"
#include "scenario/diagnostics.h"

namespace {

void check(std::string_view contents, const std::optional<bf::scenario::Horizon>& horizon) {
  std::vector<bf::scenario::SourceFile> sources{{"arrivals.csv", std::string(contents)}};
  bf::scenario::DiagnosticSink sink(sources);
  const auto levels = bf::scenario::read_arrival_table(contents, 0, horizon, sink);
  sink.sort_by_location();
  for (const auto& d : sink.diagnostics()) {
    if (bf::scenario::format_diagnostic(d).empty()) std::abort();
  }
  for (const auto& level : levels) {
    // Within the bound of a cell (scenario/parameter_bounds.h): finite, never negative.
    if (!(level.encounters_per_day >= 0.0 && level.encounters_per_day <= 1e7)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  const bf::util::Date first = *bf::util::Date::parse("2024-01-01");
  check(contents, bf::scenario::Horizon{first, first + 30});
  check(contents, std::nullopt);
  return 0;
}
