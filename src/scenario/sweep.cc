#include "scenario/sweep.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "scenario/fields.h"

namespace bf::scenario {
namespace {

// Keys that define what a run is rather than a parameter of the world: sweeping them would
// make points incomparable (different horizons or random numbers) or is meaningless.
constexpr std::array<std::string_view, 9> kNotSweepable = {
    "name", "start", "end", "days", "seed", "extends", "ensemble", "arrivals.table", "surges"};

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

// Checks that `keys` walks through maps of `root` (entries may be missing; the loader then
// reports unknown keys), reporting the first entry on the way that is not a map.
bool path_walks_maps(const YamlNode& root, const SweepAxis& axis, const std::string& at,
                     DiagnosticSink& sink) {
  const YamlNode* node = &root;
  std::string walked;
  for (std::size_t i = 0; i + 1 < axis.keys.size(); ++i) {
    walked = join_path(walked, axis.keys[i]);
    const YamlEntry* entry = node->is_map() ? node->find(axis.keys[i]) : nullptr;
    if (entry == nullptr) return true;
    if (entry->value.kind == YamlNode::Kind::kNull) return true;
    if (!entry->value.is_map()) {
      sink.error(axis.key_location, at,
                 at + ": '" + walked + "' is " + describe(entry->value) +
                     ", not a map; a sweep path names a value inside maps only");
      return false;
    }
    node = &entry->value;
  }
  return true;
}

void set_path(YamlNode& node, const std::vector<std::string>& keys, std::size_t depth,
              const YamlNode& value, const Location& key_location) {
  if (!node.is_map()) {
    // Absent or empty section (checked by read_ensemble_section: never a scalar or list).
    node.kind = YamlNode::Kind::kMap;
    node.location = key_location;
    node.entries.clear();
  }
  const std::string& key = keys[depth];
  auto it = std::find_if(node.entries.begin(), node.entries.end(),
                         [&key](const YamlEntry& e) { return e.key == key; });
  if (it == node.entries.end()) {
    node.entries.push_back(YamlEntry{key, key_location, YamlNode{}});
    it = std::prev(node.entries.end());
    it->value.location = key_location;
  }
  if (depth + 1 == keys.size()) {
    it->value = value;
  } else {
    set_path(it->value, keys, depth + 1, value, key_location);
  }
}

}  // namespace

std::size_t EnsembleSection::point_count() const {
  std::size_t n = 1;
  for (const SweepAxis& a : axes) n *= a.values.size();
  return n;
}

std::optional<EnsembleSection> read_ensemble_section(const YamlNode* node, const YamlNode& root,
                                                     DiagnosticSink& sink) {
  EnsembleSection out;
  if (node == nullptr) return out;
  const std::size_t errors = sink.count();
  const Fields f(node, "ensemble", {"replications", "threads", "sweep"}, sink);
  if (const YamlNode* n = f.find("replications")) {
    if (auto v = read_int(*n, "ensemble.replications", Bounds{1, kMaxReplications}, sink)) {
      out.replications = *v;
    }
  }
  if (const YamlNode* n = f.find("threads")) {
    if (auto v = read_int(*n, "ensemble.threads", Bounds{1, kMaxThreads}, sink)) out.threads = *v;
  }
  const YamlNode* sweep = f.find("sweep");
  if (sweep != nullptr) {
    if (!sweep->is_map()) {
      sink.error(sweep->location, "ensemble.sweep",
                 "ensemble.sweep: expected a map of parameter paths to lists of values, got " +
                     describe(*sweep));
    } else if (sweep->entries.empty()) {
      sink.error(sweep->location, "ensemble.sweep",
                 "ensemble.sweep: give at least one parameter, or remove 'sweep'");
    }
  }
  if (sweep != nullptr && sweep->is_map()) {
    std::size_t points = 1;
    for (const YamlEntry& e : sweep->entries) {
      const std::string at = "ensemble.sweep." + e.key;
      SweepAxis axis;
      axis.path = e.key;
      axis.keys = split_path(e.key);
      axis.key_location = e.key_location;
      if (std::any_of(axis.keys.begin(), axis.keys.end(),
                      [](const std::string& k) { return k.empty(); })) {
        sink.error(e.key_location, at,
                   at + ": '" + e.key +
                       "' is not a parameter path (write keys joined by '.', "
                       "e.g. detention.beds)");
        continue;
      }
      const bool forbidden =
          std::any_of(kNotSweepable.begin(), kNotSweepable.end(), [&](std::string_view k) {
            return e.key == k || (e.key.size() > k.size() && e.key.compare(0, k.size(), k) == 0 &&
                                  e.key[k.size()] == '.');
          });
      if (forbidden) {
        sink.error(e.key_location, at,
                   at + ": '" + e.key +
                       "' cannot be swept (name, start, end, days, seed, extends, ensemble, "
                       "arrivals.table and surges define the run itself)");
        continue;
      }
      if (!path_walks_maps(root, axis, at, sink)) continue;
      if (e.value.kind != YamlNode::Kind::kList || e.value.items.empty()) {
        sink.error(e.value.location, at,
                   at + ": expected a non-empty list of values, got " + describe(e.value),
                   e.value.kind == YamlNode::Kind::kScalar ? "write [" + e.value.scalar + "]" : "");
        continue;
      }
      bool ok = true;
      for (std::size_t i = 0; i < e.value.items.size(); ++i) {
        const YamlNode& item = e.value.items[i];
        const std::string item_path = at + "[" + std::to_string(i) + "]";
        if (item.kind != YamlNode::Kind::kScalar) {
          sink.error(item.location, item_path,
                     item_path + ": expected a value, got " + describe(item));
          ok = false;
          continue;
        }
        for (std::size_t j = 0; j < i; ++j) {
          const YamlNode& earlier = e.value.items[j];
          if (earlier.kind == YamlNode::Kind::kScalar && earlier.scalar == item.scalar) {
            sink.error(item.location, item_path,
                       item_path + ": duplicate value '" + item.scalar + "'",
                       "first given at line " + std::to_string(earlier.location.line) +
                           ", column " + std::to_string(earlier.location.column));
            ok = false;
            break;
          }
        }
      }
      if (!ok) continue;
      axis.values = e.value.items;
      points *= axis.values.size();
      if (points > static_cast<std::size_t>(kMaxSweepPoints)) {
        sink.error(e.key_location, at,
                   "ensemble.sweep: the grid has more than " + std::to_string(kMaxSweepPoints) +
                       " points");
        return std::nullopt;
      }
      out.axes.push_back(std::move(axis));
    }
  }
  if (sink.count() != errors) return std::nullopt;
  return out;
}

std::vector<std::size_t> sweep_point_indices(const std::vector<SweepAxis>& axes,
                                             std::size_t index) {
  std::vector<std::size_t> indices(axes.size());
  for (std::size_t a = axes.size(); a-- > 0;) {
    indices[a] = index % axes[a].values.size();
    index /= axes[a].values.size();
  }
  return indices;
}

YamlNode sweep_point_tree(const YamlNode& root, const std::vector<SweepAxis>& axes,
                          std::size_t index) {
  YamlNode tree = root;
  std::erase_if(tree.entries, [](const YamlEntry& e) { return e.key == "ensemble"; });
  const std::vector<std::size_t> indices = sweep_point_indices(axes, index);
  for (std::size_t a = 0; a < axes.size(); ++a) {
    set_path(tree, axes[a].keys, 0, axes[a].values[indices[a]], axes[a].key_location);
  }
  return tree;
}

}  // namespace bf::scenario
