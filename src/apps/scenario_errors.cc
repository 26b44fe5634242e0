#include "apps/scenario_errors.h"

#include <cstdio>
#include <string>

namespace bf::apps {

void print_scenario_errors(const scenario::LoadResult& loaded, const std::filesystem::path& file,
                           std::string_view suffix) {
  const std::size_t count = loaded.diagnostics.size();
  for (std::size_t i = 0; i < count && i < kMaxPrintedDiagnostics; ++i) {
    std::fputs(scenario::format_diagnostic(loaded.diagnostics[i]).c_str(), stderr);
  }
  if (count > kMaxPrintedDiagnostics) {
    std::fprintf(stderr, "borderflow: ... and %zu more errors not shown\n",
                 count - kMaxPrintedDiagnostics);
  }
  std::fprintf(stderr, "borderflow: %zu error%s in %s%.*s\n", count, count == 1 ? "" : "s",
               file.string().c_str(), static_cast<int>(suffix.size()), suffix.data());
}

}  // namespace bf::apps
