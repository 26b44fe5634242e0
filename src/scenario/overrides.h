#pragma once
// Values written over a scenario when it is loaded, as the command line's `--set PATH=VALUE`
// and Python's `borderflow.load(path, set={...})` give them: a dotted path a sweep may name
// (sweep.h) and the value as the scenario would write it ("32000", "27d", "1500/day"). The
// loader then reads the changed tree like the file itself, so a bad value gets the same
// message as the same value written in place.
//
// Their locations are in a source of their own, named "--set", whose line i is "PATH=VALUE"
// of the i-th override: a bad override is reported as `--set:1:16: error: ...` with the line
// and a caret, like a bad line of a file.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {

using Overrides = std::vector<std::pair<std::string, std::string>>;

// The name of the overrides' source, as diagnostics print it.
inline constexpr const char* kOverridesSourceName = "--set";

// The text of the overrides' source: one "PATH=VALUE" line each, in order.
std::string overrides_source_text(const Overrides& overrides);

// Writes each override over `root` (the merged tree of the scenario and its parents) at its
// path, the value located at source `file`, line i + 1, after the '='. A path that is not a
// parameter path, that defines the run (name, start, seed, ...) or that does not walk through
// maps is reported to `sink` and skipped; a value with a line break is refused (it could not
// be reported on one line).
void apply_overrides(const Overrides& overrides, int file, YamlNode& root, DiagnosticSink& sink);

// Splits "PATH=VALUE" at its first '='; nullopt without one or with an empty path.
std::optional<std::pair<std::string, std::string>> parse_override(const std::string& text);

}  // namespace bf::scenario
