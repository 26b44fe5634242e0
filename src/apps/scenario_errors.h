#pragma once
// How `run`, `check` and `compare` report a scenario that failed to load.

#include <filesystem>
#include <string_view>

#include "scenario/scenario_loader.h"

namespace bf::apps {

// Prints scenario::load_errors_text (the diagnostics, at most kMaxShownDiagnostics, and the
// closing count line "borderflow: N errors in FILE<suffix>") to stderr.
void print_scenario_errors(const scenario::LoadResult& loaded, const std::filesystem::path& file,
                           std::string_view suffix);

}  // namespace bf::apps
