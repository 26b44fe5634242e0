#include "scenario/uncertainty.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

#include "scenario/fields.h"
#include "scenario/parameter_path.h"

namespace bf::scenario {
namespace {

// The sweep's forbidden keys (sweep.cc), and the section itself.
constexpr std::array<std::string_view, 10> kNotUncertain = {
    "name",     "start",          "end",    "days",       "seed", "extends",
    "ensemble", "arrivals.table", "surges", "uncertainty"};
constexpr PathUse kUncertaintyUse{"given a range", "an uncertainty path"};

// The number a value starts with and what follows it ("20d" → 20, "d"; "0.5" → 0.5, "").
struct LeadingNumber {
  double value = 0.0;
  std::string suffix;
  bool integer = false;
};

std::optional<LeadingNumber> leading_number(std::string_view text) {
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (first != last && *first == '+') ++first;  // from_chars does not take a leading '+'
  LeadingNumber out;
  const auto [end, ec] = std::from_chars(first, last, out.value);
  if (ec != std::errc() || end == first || !std::isfinite(out.value)) return std::nullopt;
  const std::string_view number(first, static_cast<std::size_t>(end - first));
  out.integer = number.find_first_of(".eE") == std::string_view::npos;
  out.suffix = std::string(end, last);
  return out;
}

// Reads one end (`low` or `high`) of an entry; reports and returns nullopt if it is not a
// value starting with a number.
std::optional<LeadingNumber> read_end(const Fields& f, std::string_view key, std::string& text,
                                      Location& location) {
  if (!f.require(key)) return std::nullopt;
  const YamlNode& node = *f.find(key);
  const std::string path = f.path(key);
  location = node.location;
  if (node.kind != YamlNode::Kind::kScalar) {
    f.sink().error(node.location, path, path + ": expected a number, got " + describe(node));
    return std::nullopt;
  }
  text = node.scalar;
  std::optional<LeadingNumber> number = leading_number(node.scalar);
  if (!number) {
    f.sink().error(node.location, path,
                   path + ": expected a number (with the key's unit, if it takes one), got '" +
                       node.scalar + "'");
  }
  return number;
}

// An inherited range must not replace a value that a scenario extending its file sets: files
// are read child first, so a smaller source index means a file further down the chain.
bool shadows_a_child_value(const UncertainParameter& p, const YamlNode& root,
                           DiagnosticSink& sink) {
  const YamlNode* value = find_at_path(root, p.keys);
  if (value == nullptr || value->location.file < 0 || value->location.file >= p.location.file) {
    return false;
  }
  sink.error(value->location, p.path,
             p.path + ": this scenario sets the value, but its uncertainty range {" + p.low_text +
                 ", " + p.high_text + "} is inherited (line " + std::to_string(p.location.line) +
                 " of a parent scenario); sampling it would undo this change",
             "give this scenario its own range, or drop it: uncertainty: {" + p.path + ": ~}");
  return true;
}

}  // namespace

std::string UncertainParameter::value_at(double u) const {
  const double v = std::clamp(low + u * (high - low), low, high);
  std::array<char, 64> buffer{};
  std::to_chars_result written{};
  if (integer) {
    written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), std::llround(v));
  } else {
    written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  }
  return std::string(buffer.data(), written.ptr) + suffix;
}

std::optional<std::vector<UncertainParameter>> read_uncertainty_section(const YamlNode* node,
                                                                        const YamlNode& root,
                                                                        DiagnosticSink& sink) {
  std::vector<UncertainParameter> out;
  if (node == nullptr) return out;
  if (!node->is_map()) {
    sink.error(
        node->location, "uncertainty",
        "uncertainty: expected a map of parameter paths to {low, high}, got " + describe(*node));
    return std::nullopt;
  }
  const std::size_t errors = sink.count();
  for (const YamlEntry& e : node->entries) {
    const std::string at = "uncertainty." + e.key;
    if (!check_parameter_path(e.key, root, kNotUncertain, kUncertaintyUse, e.key_location, at,
                              sink)) {
      continue;
    }
    if (e.value.kind == YamlNode::Kind::kNull) continue;  // dropped
    if (!e.value.is_map()) {
      sink.error(e.value.location, at,
                 at + ": expected a range {low: X, high: Y}, got " + describe(e.value));
      continue;
    }
    UncertainParameter p;
    p.path = e.key;
    p.keys = split_path(e.key);
    p.location = e.key_location;
    const Fields f(&e.value, at, {"low", "high"}, sink);
    const std::optional<LeadingNumber> low = read_end(f, "low", p.low_text, p.low_location);
    const std::optional<LeadingNumber> high = read_end(f, "high", p.high_text, p.high_location);
    if (!low || !high) continue;
    if (low->suffix != high->suffix) {
      sink.error(p.high_location, at + ".high",
                 at + ": low '" + p.low_text + "' and high '" + p.high_text +
                     "' are written with different units ('" + low->suffix + "' and '" +
                     high->suffix + "')",
                 "write both ends in the same unit");
      continue;
    }
    if (!(low->value < high->value)) {
      sink.error(p.high_location, at + ".high",
                 at + ": high (" + p.high_text + ") must be greater than low (" + p.low_text + ")");
      continue;
    }
    p.low = low->value;
    p.high = high->value;
    p.suffix = low->suffix;
    p.integer = low->integer && high->integer;
    if (shadows_a_child_value(p, root, sink)) continue;
    out.push_back(std::move(p));
  }
  if (sink.count() != errors) return std::nullopt;
  return out;
}

}  // namespace bf::scenario
