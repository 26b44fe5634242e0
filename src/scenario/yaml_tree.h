#pragma once
// A scenario document as a plain tree that remembers where each key and value was written.
// yaml-cpp 0.7 keeps duplicated keys silently and its marks carry no file name, so the
// loader converts its nodes into this tree once: duplicates are reported there, and after
// `extends` merging every value still points at the file and line it came from.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.h"

namespace bf::scenario {

struct YamlEntry;

struct YamlNode {
  enum class Kind { kNull, kScalar, kList, kMap };
  Kind kind = Kind::kNull;
  Location location;               // of the value (of its key, for an empty value)
  std::string scalar;              // kScalar only
  std::vector<YamlNode> items;     // kList only
  std::vector<YamlEntry> entries;  // kMap only, in document order, keys unique

  bool is_map() const { return kind == Kind::kMap; }
  const YamlEntry* find(std::string_view key) const;
};

struct YamlEntry {
  std::string key;
  Location key_location;
  YamlNode value;
};

// "a map", "a list", "an empty value" or "'text'": for "expected X, got Y" messages.
std::string describe(const YamlNode& node);

// Parses one YAML document from `contents` (the text of source `file`). Reports syntax
// errors (at yaml-cpp's mark), bytes that are not UTF-8, more than one document, keys that
// are not plain scalars, and duplicated keys (the later one is reported and dropped; the
// hint names the line of the first). Returns nullopt only if the text could not be parsed.
std::optional<YamlNode> parse_yaml(std::string_view contents, int file, DiagnosticSink& sink);

// Where the first byte that is not valid UTF-8 is (1-based line and column), if any.
std::optional<Location> find_invalid_utf8(std::string_view text);

// Where the first control character other than tab, CR and LF is (YAML forbids them; a NUL
// byte usually means a binary file).
std::optional<Location> find_control_character(std::string_view text);

// Deep merge for `extends`: maps merge key by key, recursively; any other child value
// (scalar, list, empty) replaces the parent's. Keys new in the child are appended.
YamlNode merge(YamlNode parent, const YamlNode& child);

}  // namespace bf::scenario
