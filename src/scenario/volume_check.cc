#include "scenario/volume_check.h"

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

#include "scenario/combined_levers.h"
#include "scenario/run_volume.h"

namespace bf::scenario {
namespace {

// A count of people as digits. The bounds of parameter_bounds.h keep the estimate finite; if
// a future parameter escaped them, say so rather than print "-nan" (issue 19).
std::string whole(double people) {
  if (!std::isfinite(people)) return "more than can be counted";
  char text[64];
  std::snprintf(text, sizeof text, "%.0f", people);
  return text;
}

// The value at a path of keys in the merged tree (which keeps the file and line each value
// came from, a parent scenario's included), or null.
const YamlNode* find_path(const YamlNode& root, std::initializer_list<std::string_view> keys) {
  const YamlNode* node = &root;
  for (std::string_view key : keys) {
    const YamlEntry* entry = node->is_map() ? node->find(key) : nullptr;
    if (entry == nullptr) return nullptr;
    node = &entry->value;
  }
  return node;
}

struct Cause {
  std::string what;       // "the arrival table", "policy 'x' (arrivals_multiplier 30)", ...
  std::string yaml_path;  // where it is written
  const YamlNode* node = nullptr;
  std::string lower;  // how to lower it
};

Cause describe_cause(const YamlNode& root, const model::ModelSpec& spec, const RunVolume& v) {
  switch (v.largest()) {
    case VolumeCause::kTable:
      return {"the arrival table", "arrivals.table", find_path(root, {"arrivals", "table"}),
              "lower the arrival table"};
    case VolumeCause::kPolicies: {
      const model::PolicySpec& p = spec.policies[v.policy];
      const std::string key(arrivals_factor_key(p.lever));
      char factor[32];
      std::snprintf(factor, sizeof factor, "%g", arrivals_factor(p.lever));
      return {"policy '" + p.name + "' (" + key + " " + factor + ")",
              "policies." + p.name + "." + key, find_path(root, {"policies", p.name, key}),
              "lower its " + key};
    }
    case VolumeCause::kSurges: {
      const std::string path = "surges[" + std::to_string(v.surge) + "].people";
      const YamlNode* surges = find_path(root, {"surges"});
      const YamlNode* item =
          surges != nullptr && v.surge < surges->items.size() ? &surges->items[v.surge] : nullptr;
      const std::string& name = spec.surges[v.surge].name;
      return {"surge " + (name.empty() ? path.substr(0, path.find('.')) : "'" + name + "'"), path,
              item != nullptr ? find_path(*item, {"people"}) : nullptr, "lower its people"};
    }
    case VolumeCause::kPorts:
      if (v.quota_policy < spec.policies.size()) {
        const std::string& name = spec.policies[v.quota_policy].name;
        return {"the appointments of policy '" + name + "'", "policies." + name + ".per_day",
                find_path(root, {"policies", name, "per_day"}), "lower its per_day"};
      }
      return {"the people presenting at ports", "ports.appointments",
              find_path(root, {"ports", "appointments"}), "lower ports.appointments"};
    case VolumeCause::kInitial: {
      // A sector's initial population may come from sector_defaults.
      std::string path = v.initial_path;
      const YamlNode* node = nullptr;
      if (path.rfind("sectors.", 0) == 0) {
        const std::size_t a = path.find('.'), b = path.find('.', a + 1);
        const std::string sector = path.substr(a + 1, b - a - 1);
        const std::string field = path.substr(path.rfind('.') + 1);
        node = find_path(root, {"sectors", sector, "initial", field});
        if (node == nullptr) {
          node = find_path(root, {"sector_defaults", "initial", field});
          path = "sector_defaults.initial." + field;
        }
      } else {
        const std::size_t dot = path.find('.');
        node = find_path(root, {path.substr(0, dot), path.substr(dot + 1)});
      }
      return {"the people there on the first day (the most at " + path + ")", path, node,
              "lower " + path};
    }
  }
  return {};
}

}  // namespace

void check_volume(const YamlNode& root, const model::ModelSpec& spec, bool allow_large,
                  DiagnosticSink& sink) {
  if (allow_large) return;
  const RunVolume v = expected_volume(spec);
  const double people = v.total();
  if (people <= kMaxPeoplePerRun) return;  // false for NaN too: refused below
  const Cause cause = describe_cause(root, spec, v);
  const double over = people / kMaxPeoplePerRun;
  char how_far[64];
  if (!std::isfinite(over)) {
    std::snprintf(how_far, sizeof how_far, "far over");
  } else if (over < 2.0) {
    std::snprintf(how_far, sizeof how_far, "%.1f%% over", 100.0 * (over - 1.0));
  } else {
    std::snprintf(how_far, sizeof how_far, "%.3g times", over);
  }
  const int fit = v.days_within(kMaxPeoplePerRun);
  const std::string fits =
      fit > 0 ? "at most " + std::to_string(fit) + " days fit (--days " + std::to_string(fit) + ")"
              : "not even the first day fits";
  const YamlNode* at = cause.node != nullptr ? cause.node : find_path(root, {"arrivals"});
  sink.error(at != nullptr ? at->location : Location{}, cause.yaml_path,
             "the run expects about " + whole(people) + " people over " +
                 std::to_string(spec.days) + " days, " + how_far + " the " +
                 whole(kMaxPeoplePerRun) + " allowed in one run, because each is simulated and, " +
                 "when arrivals outrun processing, all are held in memory at once; the largest "
                 "part, about " +
                 whole(v.by_cause[static_cast<int>(v.largest())]) + ", comes from " + cause.what,
             fits + "; or " + cause.lower + ", or pass --allow-large to run it anyway");
}

}  // namespace bf::scenario
