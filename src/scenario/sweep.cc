#include "scenario/sweep.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "scenario/fields.h"
#include "scenario/parameter_path.h"

namespace bf::scenario {
namespace {

constexpr PathUse kSweepUse{"swept", "a sweep path"};

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
      if (!check_parameter_path(e.key, root, kNotSweepable, kSweepUse, e.key_location, at, sink)) {
        continue;
      }
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
    write_at_path(tree, axes[a].keys, axes[a].values[indices[a]], axes[a].key_location);
  }
  return tree;
}

}  // namespace bf::scenario
