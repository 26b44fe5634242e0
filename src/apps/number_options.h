#pragma once
// Validators for the command line's numeric options, shared by every subcommand so a count
// or a seed is read the same way everywhere: CLI11 alone would read "0x10" as 16, "1e3" as a
// float it then finds out of range, and wrap "-3" into a huge unsigned seed.

#include <CLI/CLI.hpp>

namespace bf::apps {

// A count (replications, threads, days): decimal digits only, at most 9 of them; the option's
// own Range check gives its bounds.
const CLI::Validator& digits_only();

// A seed: decimal digits only, 0 to 2^64 - 1.
const CLI::Validator& whole_number_64();

}  // namespace bf::apps
