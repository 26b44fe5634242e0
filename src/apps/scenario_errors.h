#pragma once
// How `run` and `check` report a scenario that failed to load.

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "scenario/scenario_loader.h"

namespace bf::apps {

// At most this many diagnostics are printed: the first ones locate the problem, and a
// generated file with thousands of bad entries must not flood the terminal.
inline constexpr std::size_t kMaxPrintedDiagnostics = 50;

// Prints the diagnostics (the first kMaxPrintedDiagnostics, then how many were left out) and
// the closing count line, "borderflow: N errors in FILE<suffix>", to stderr.
void print_scenario_errors(const scenario::LoadResult& loaded, const std::filesystem::path& file,
                           std::string_view suffix);

}  // namespace bf::apps
