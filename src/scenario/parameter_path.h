#pragma once
// Dotted parameter paths ("detention.beds", "sectors.del_rio.processing_agents") as the
// `ensemble.sweep` and `uncertainty` sections name them: splitting a path, checking that it
// may be changed, and writing a value at it in a scenario tree. The loader then reads the
// changed tree like the base, so a bad value is reported at the value's own line and column.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {

// "a.b.c" → {"a", "b", "c"}; empty segments are kept ("a..b" → {"a", "", "b"}).
std::vector<std::string> split_path(const std::string& path);

// How a section uses its paths, for messages: "'seed' cannot be <verb>" and "<noun> names a
// value inside maps only".
struct PathUse {
  std::string_view verb;  // e.g. "swept"
  std::string_view noun;  // e.g. "a sweep path"
};

// Checks a path written as the key of `entry_key_location` (reported under `at`, e.g.
// "ensemble.sweep.detention.beds"): no empty segment; not `forbidden` nor below one of them
// (keys that define the run itself); and every key before the last walks through maps of
// `root` (entries may be missing: the loader then reports unknown keys with a hint). Reports
// the first problem to `sink` and returns false if there was one.
bool check_parameter_path(const std::string& path, const YamlNode& root,
                          std::span<const std::string_view> forbidden, const PathUse& use,
                          const Location& key_location, const std::string& at,
                          DiagnosticSink& sink);

// Writes `value` at `keys` in `tree`, creating the maps on the way. New entries carry
// `key_location`, so diagnostics about them point at the path's definition. Precondition:
// the path passed check_parameter_path against `tree`.
void write_at_path(YamlNode& tree, const std::vector<std::string>& keys, const YamlNode& value,
                   const Location& key_location);

// The node at `keys` in `tree`, or null when a key on the way is missing or not a map.
const YamlNode* find_at_path(const YamlNode& tree, const std::vector<std::string>& keys);

}  // namespace bf::scenario
