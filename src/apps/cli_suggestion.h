#pragma once
// "Did you mean" for the command line (issue 19: a mistyped subcommand or flag got CLI11's
// bare "not expected" / "A subcommand is required"): the same edit distance and rule as the
// scenario's keys (scenario/suggest.h).

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace bf::apps {

// For the arguments after the program's name, when parsing failed: "unknown command 'x'
// (did you mean 'y'?)" for a first word that names no subcommand, or "unknown option '--x'
// for 'run' (did you mean '--y'?)" for the first long option the subcommand does not have;
// "" when neither applies (the parser's own message says it all).
std::string command_line_suggestion(CLI::App& app, const std::vector<std::string>& args);

}  // namespace bf::apps
