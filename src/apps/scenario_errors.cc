#include "apps/scenario_errors.h"

#include <cstdio>

#include "scenario/load_errors_text.h"

namespace bf::apps {

void print_scenario_errors(const scenario::LoadResult& loaded, const std::filesystem::path& file,
                           std::string_view suffix) {
  std::fputs(scenario::load_errors_text(loaded.diagnostics, file, suffix).c_str(), stderr);
}

}  // namespace bf::apps
