#pragma once
// borderflow's exit codes (documented in the README).

namespace bf::apps {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;   // a scenario, data file or argument is wrong
inline constexpr int kExitRunFailed = 3;  // the run started but could not finish or be written

// Writes "borderflow: error: <message>" to standard error.
void print_error(const char* message);

}  // namespace bf::apps
