#pragma once
// Strict, typed reading of one YAML map: keys not in the known list are reported (with a
// "did you mean" hint), values of the wrong type or out of range are reported with their
// path, and a destination is only written when its value is valid. Absent keys leave the
// destination untouched, so it keeps the default it was initialised with.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model_spec.h"
#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"
#include "util/date.h"

namespace bf::scenario {

// "a.b" + "c" → "a.b.c"; "" + "c" → "c".
std::string join_path(std::string_view parent, std::string_view key);

// Inclusive numeric bounds; `exclusive_min` turns the lower bound into "> min". With
// `physical_max` the maximum is a limit of physical sense (parameter_bounds.h) rather than part
// of the quantity's definition: a value below the minimum is reported against the minimum
// alone ("must be >= 0"), one above against the maximum ("must be at most 100000").
struct Bounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool exclusive_min = false;
  bool physical_max = false;
};
inline constexpr Bounds kNonNegative{0.0};
inline constexpr Bounds kPositive{0.0, std::numeric_limits<double>::infinity(), true};
inline constexpr Bounds kProbability{0.0, 1.0};

// Value readers: report and return nullopt when the node is not a valid value.
std::optional<std::string> read_text(const YamlNode& node, const std::string& path,
                                     DiagnosticSink& sink);
std::optional<double> read_number(const YamlNode& node, const std::string& path, Bounds bounds,
                                  DiagnosticSink& sink);
std::optional<int> read_int(const YamlNode& node, const std::string& path, Bounds bounds,
                            DiagnosticSink& sink);
std::optional<std::uint64_t> read_uint64(const YamlNode& node, const std::string& path,
                                         DiagnosticSink& sink);
std::optional<bool> read_bool(const YamlNode& node, const std::string& path, DiagnosticSink& sink);
std::optional<util::Date> read_date(const YamlNode& node, const std::string& path,
                                    DiagnosticSink& sink);
std::optional<engine::SimTime> read_duration(const YamlNode& node, const std::string& path,
                                             bool positive, DiagnosticSink& sink);
// A bare duration ("3h": fixed, cv 0) or a map {mean: 3h, cv: 0.6}; a map may omit either
// key, which then keeps `defaults`' value. mean 0 requires cv 0.
std::optional<model::DurationSpec> read_duration_spec(const YamlNode& node, const std::string& path,
                                                      const model::DurationSpec& defaults,
                                                      DiagnosticSink& sink);
// A count per day or per week from a rate ("1450/day", "1500/week"), converted to the
// period the field needs (×7 or ÷7) and rounded to the nearest whole number (halves up).
std::optional<int> read_rate_per_day(const YamlNode& node, const std::string& path,
                                     DiagnosticSink& sink);
std::optional<int> read_rate_per_week(const YamlNode& node, const std::string& path,
                                      DiagnosticSink& sink);

// One map being read. Construct with the keys it may hold; unknown keys are reported
// immediately. A node that is not a map is reported and read as an empty map.
class Fields {
 public:
  Fields(const YamlNode* node, std::string path, std::initializer_list<std::string_view> known,
         DiagnosticSink& sink);
  Fields(const YamlNode* node, std::string path, std::span<const std::string_view> known,
         DiagnosticSink& sink);

  const YamlNode* find(std::string_view key) const;
  std::string path(std::string_view key) const { return join_path(path_, key); }
  const std::string& path() const { return path_; }
  DiagnosticSink& sink() const { return sink_; }
  // Where to point at for a key that is missing: the map itself.
  Location location() const { return location_; }
  // Reports "missing required key" when `key` is absent from a map (not when the map itself
  // is absent or not a map).
  bool require(std::string_view key) const;

  // Each reads `key` into `out` if present and valid.
  void text(std::string_view key, std::string& out) const;
  void number(std::string_view key, double& out, Bounds bounds) const;
  void integer(std::string_view key, int& out, Bounds bounds) const;
  void boolean(std::string_view key, bool& out) const;
  void duration(std::string_view key, engine::SimTime& out, bool positive) const;
  void duration_spec(std::string_view key, model::DurationSpec& out) const;
  void rate_per_day(std::string_view key, int& out) const;
  void rate_per_week(std::string_view key, int& out) const;

 private:
  const YamlNode* node_ = nullptr;  // null if absent or not a map
  std::string path_;
  Location location_;
  DiagnosticSink& sink_;
};

// Reads a partial map keyed by one of our enum key tables (demographics, citizenships):
// unknown keys are reported with a hint, present keys are read with
// `read_one(node, path, current value) -> std::optional<T>`, absent keys keep their current
// value in `out`.
template <typename T, std::size_t N, typename ReadOne>
void read_keyed(const YamlNode* node, const std::string& path,
                const std::array<std::string_view, N>& keys, std::array<T, N>& out,
                DiagnosticSink& sink, ReadOne read_one);

// Reports "unknown key" at `entry` with a hint drawn from `known`.
void report_unknown_key(const YamlEntry& entry, const std::string& parent_path,
                        std::span<const std::string_view> known, DiagnosticSink& sink);

template <typename T, std::size_t N, typename ReadOne>
void read_keyed(const YamlNode* node, const std::string& path,
                const std::array<std::string_view, N>& keys, std::array<T, N>& out,
                DiagnosticSink& sink, ReadOne read_one) {
  if (node == nullptr) return;
  if (!node->is_map()) {
    sink.error(node->location, path, path + ": expected a map, got " + describe(*node));
    return;
  }
  for (const YamlEntry& entry : node->entries) {
    std::size_t index = N;
    for (std::size_t i = 0; i < N; ++i) {
      if (keys[i] == entry.key) index = i;
    }
    if (index == N) {
      report_unknown_key(entry, path, keys, sink);
      continue;
    }
    if (std::optional<T> value = read_one(entry.value, join_path(path, entry.key), out[index])) {
      out[index] = *value;
    }
  }
}

}  // namespace bf::scenario
