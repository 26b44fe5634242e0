#include "scenario/parameter_path.h"

#include <algorithm>

#include "scenario/fields.h"

namespace bf::scenario {
namespace {

// "a, b and c".
std::string listed(std::span<const std::string_view> keys) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += i + 1 == keys.size() ? " and " : ", ";
    out += keys[i];
  }
  return out;
}

// Reports the first entry on the way to the last key that is not a map.
bool path_walks_maps(const YamlNode& root, const std::vector<std::string>& keys, const PathUse& use,
                     const Location& key_location, const std::string& at, DiagnosticSink& sink) {
  const YamlNode* node = &root;
  std::string walked;
  for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
    walked = join_path(walked, keys[i]);
    const YamlEntry* entry = node->is_map() ? node->find(keys[i]) : nullptr;
    if (entry == nullptr) return true;
    if (entry->value.kind == YamlNode::Kind::kNull) return true;
    if (!entry->value.is_map()) {
      sink.error(key_location, at,
                 at + ": '" + walked + "' is " + describe(entry->value) + ", not a map; " +
                     std::string(use.noun) + " names a value inside maps only");
      return false;
    }
    node = &entry->value;
  }
  return true;
}

}  // namespace

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> keys;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = path.find('.', begin);
    keys.push_back(path.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin));
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  return keys;
}

bool check_parameter_path(const std::string& path, const YamlNode& root,
                          std::span<const std::string_view> forbidden, const PathUse& use,
                          const Location& key_location, const std::string& at,
                          DiagnosticSink& sink) {
  const std::vector<std::string> keys = split_path(path);
  if (std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return k.empty(); })) {
    sink.error(key_location, at,
               at + ": '" + path +
                   "' is not a parameter path (write keys joined by '.', e.g. detention.beds)");
    return false;
  }
  const bool is_forbidden =
      std::any_of(forbidden.begin(), forbidden.end(), [&](std::string_view k) {
        return path == k || (path.size() > k.size() && path.compare(0, k.size(), k) == 0 &&
                             path[k.size()] == '.');
      });
  if (is_forbidden) {
    sink.error(key_location, at,
               at + ": '" + path + "' cannot be " + std::string(use.verb) + " (" +
                   listed(forbidden) + " define the run itself)");
    return false;
  }
  return path_walks_maps(root, keys, use, key_location, at, sink);
}

void write_at_path(YamlNode& tree, const std::vector<std::string>& keys, const YamlNode& value,
                   const Location& key_location) {
  YamlNode* node = &tree;
  for (std::size_t depth = 0; depth < keys.size(); ++depth) {
    if (!node->is_map()) {
      // An absent or empty section (check_parameter_path refused scalars and lists).
      node->kind = YamlNode::Kind::kMap;
      node->location = key_location;
      node->entries.clear();
    }
    const std::string& key = keys[depth];
    auto it = std::find_if(node->entries.begin(), node->entries.end(),
                           [&key](const YamlEntry& e) { return e.key == key; });
    if (it == node->entries.end()) {
      node->entries.push_back(YamlEntry{key, key_location, YamlNode{}});
      it = std::prev(node->entries.end());
      it->value.location = key_location;
    }
    node = &it->value;
  }
  *node = value;
}

const YamlNode* find_at_path(const YamlNode& tree, const std::vector<std::string>& keys) {
  const YamlNode* node = &tree;
  for (const std::string& key : keys) {
    const YamlEntry* entry = node->is_map() ? node->find(key) : nullptr;
    if (entry == nullptr) return nullptr;
    node = &entry->value;
  }
  return node;
}

}  // namespace bf::scenario
