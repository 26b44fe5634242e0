#pragma once
// The text a failed load is reported with, the same for the command line (printed to
// stderr) and Python (the message of borderflow.ScenarioError): each diagnostic as a compiler
// would print it (diagnostics.h), the first kMaxShownDiagnostics of them, then how many were
// left out, then "borderflow: N errors in FILE<suffix>".

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.h"

namespace bf::scenario {

// At most this many diagnostics are shown: the first ones locate the problem, and a
// generated file with thousands of bad entries must not flood the terminal.
inline constexpr std::size_t kMaxShownDiagnostics = 50;

// Every line ends in '\n'.
std::string load_errors_text(const std::vector<Diagnostic>& diagnostics,
                             const std::filesystem::path& file, std::string_view suffix);

}  // namespace bf::scenario
