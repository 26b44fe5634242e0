#include "scenario/load_errors_text.h"

namespace bf::scenario {

std::string load_errors_text(const std::vector<Diagnostic>& diagnostics,
                             const std::filesystem::path& file, std::string_view suffix) {
  std::string text;
  const std::size_t count = diagnostics.size();
  for (std::size_t i = 0; i < count && i < kMaxShownDiagnostics; ++i) {
    text += format_diagnostic(diagnostics[i]);
  }
  if (count > kMaxShownDiagnostics) {
    text += "borderflow: ... and " + std::to_string(count - kMaxShownDiagnostics) +
            " more errors not shown\n";
  }
  text += "borderflow: " + std::to_string(count) + (count == 1 ? " error" : " errors") + " in " +
          file.string() + std::string(suffix) + "\n";
  return text;
}

}  // namespace bf::scenario
