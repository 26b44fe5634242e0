#include "scenario/fields.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "scenario/suggest.h"
#include "scenario/units.h"

namespace bf::scenario {
namespace {

// Shortest text that reads back as `v` ("0.5", "1000", "1e-06").
std::string number_text(double v) {
  std::ostringstream out;
  out.precision(15);
  out << v;
  return out.str();
}

std::string bounds_text(Bounds b) {
  const bool has_min = std::isfinite(b.min), has_max = std::isfinite(b.max);
  if (has_min && has_max) return "between " + number_text(b.min) + " and " + number_text(b.max);
  if (has_min) return (b.exclusive_min ? "> " : ">= ") + number_text(b.min);
  if (has_max) return "<= " + number_text(b.max);
  return "a number";
}

// What a value outside `b` breaks: the whole range, or with a physical maximum only the side
// it is on.
std::string violated_text(double v, Bounds b) {
  if (!b.physical_max) return "must be " + bounds_text(b);
  if (v > b.max) return "must be at most " + number_text(b.max);
  return "must be " +
         bounds_text(Bounds{b.min, std::numeric_limits<double>::infinity(), b.exclusive_min});
}

bool in_bounds(double v, Bounds b) {
  if (b.exclusive_min ? !(v > b.min) : !(v >= b.min)) return false;
  return v <= b.max;
}

// The scalar text of `node`, or a "wrong type" report naming `expected`.
const std::string* scalar_or_report(const YamlNode& node, const std::string& path,
                                    std::string_view expected, DiagnosticSink& sink) {
  if (node.kind == YamlNode::Kind::kScalar) return &node.scalar;
  sink.error(node.location, path,
             path + ": expected " + std::string(expected) + ", got " + describe(node));
  return nullptr;
}

template <typename T>
std::optional<T> report_parse(const Parsed<T>& parsed, const YamlNode& node,
                              const std::string& path, DiagnosticSink& sink) {
  if (!parsed.ok()) sink.error(node.location, path, path + ": " + parsed.error, parsed.hint);
  return parsed.value;
}

std::optional<int> rounded_count(double v, const YamlNode& node, const std::string& path,
                                 DiagnosticSink& sink) {
  const double r = std::floor(v + 0.5);
  if (r > static_cast<double>(std::numeric_limits<int>::max())) {
    sink.error(node.location, path, path + ": rate is too large, got '" + node.scalar + "'");
    return std::nullopt;
  }
  return static_cast<int>(r);
}

}  // namespace

std::string join_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return std::string(parent) + "." + std::string(key);
}

void report_unknown_key(const YamlEntry& entry, const std::string& parent_path,
                        std::span<const std::string_view> known, DiagnosticSink& sink) {
  sink.error(entry.key_location, join_path(parent_path, entry.key),
             "unknown key '" + entry.key + "' at " +
                 (parent_path.empty() ? std::string("top level") : parent_path),
             did_you_mean(entry.key, known));
}

std::optional<std::string> read_text(const YamlNode& node, const std::string& path,
                                     DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "text", sink);
  if (s == nullptr) return std::nullopt;
  return *s;
}

std::optional<double> read_number(const YamlNode& node, const std::string& path, Bounds bounds,
                                  DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "a number", sink);
  if (s == nullptr) return std::nullopt;
  const std::optional<double> v = report_parse(parse_number(*s), node, path, sink);
  if (!v) return std::nullopt;
  if (!in_bounds(*v, bounds)) {
    sink.error(node.location, path, path + ": " + violated_text(*v, bounds) + ", got " + *s);
    return std::nullopt;
  }
  return v;
}

std::optional<int> read_int(const YamlNode& node, const std::string& path, Bounds bounds,
                            DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "a whole number", sink);
  if (s == nullptr) return std::nullopt;
  const std::optional<std::int64_t> v = report_parse(parse_integer(*s), node, path, sink);
  if (!v) return std::nullopt;
  const Bounds limited{std::max(bounds.min, static_cast<double>(std::numeric_limits<int>::min())),
                       std::min(bounds.max, static_cast<double>(std::numeric_limits<int>::max())),
                       bounds.exclusive_min, bounds.physical_max};
  if (!in_bounds(static_cast<double>(*v), limited)) {
    const bool too_large = in_bounds(static_cast<double>(*v), bounds);
    sink.error(node.location, path,
               path + ": " +
                   (too_large ? "is too large" : violated_text(static_cast<double>(*v), bounds)) +
                   ", got " + *s);
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<std::uint64_t> read_uint64(const YamlNode& node, const std::string& path,
                                         DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "a whole number", sink);
  if (s == nullptr) return std::nullopt;
  std::uint64_t v = 0;
  const char* end = s->data() + s->size();
  const auto [ptr, ec] = std::from_chars(s->data(), end, v);
  if (s->empty() || ec != std::errc() || ptr != end) {
    sink.error(node.location, path,
               path + ": expected a whole number from 0 to 18446744073709551615, got '" + *s + "'");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> read_bool(const YamlNode& node, const std::string& path, DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "true or false", sink);
  if (s == nullptr) return std::nullopt;
  if (*s == "true") return true;
  if (*s == "false") return false;
  sink.error(node.location, path, path + ": expected true or false, got '" + *s + "'");
  return std::nullopt;
}

std::optional<util::Date> read_date(const YamlNode& node, const std::string& path,
                                    DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "a date", sink);
  if (s == nullptr) return std::nullopt;
  std::optional<util::Date> d = util::Date::parse(*s);
  if (!d) {
    sink.error(node.location, path, path + ": expected a date 'YYYY-MM-DD', got '" + *s + "'");
  }
  return d;
}

std::optional<engine::SimTime> read_duration(const YamlNode& node, const std::string& path,
                                             bool positive, DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "a duration", sink);
  if (s == nullptr) return std::nullopt;
  const std::optional<engine::SimTime> v = report_parse(parse_duration(*s), node, path, sink);
  if (v && positive && *v <= 0) {
    sink.error(node.location, path, path + ": must be at least 1min, got '" + *s + "'");
    return std::nullopt;
  }
  return v;
}

std::optional<model::DurationSpec> read_duration_spec(const YamlNode& node, const std::string& path,
                                                      const model::DurationSpec& defaults,
                                                      DiagnosticSink& sink) {
  if (node.kind == YamlNode::Kind::kScalar) {
    const std::optional<engine::SimTime> mean = read_duration(node, path, false, sink);
    if (!mean) return std::nullopt;
    return model::DurationSpec{*mean, 0.0};
  }
  if (!node.is_map()) {
    sink.error(node.location, path,
               path + ": expected a duration or a map {mean, cv}, got " + describe(node));
    return std::nullopt;
  }
  const std::size_t errors = sink.count();
  Fields fields(&node, path, {"mean", "cv"}, sink);
  model::DurationSpec out = defaults;
  fields.duration("mean", out.mean, false);
  fields.number("cv", out.cv, kNonNegative);
  if (sink.count() != errors) return std::nullopt;
  if (out.mean == 0 && out.cv != 0.0) {
    sink.error(node.location, path,
               path + ": a duration with mean 0 must have cv 0, got cv " + number_text(out.cv));
    return std::nullopt;
  }
  return out;
}

std::optional<int> read_rate_per_day(const YamlNode& node, const std::string& path,
                                     DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "a rate", sink);
  if (s == nullptr) return std::nullopt;
  const std::optional<Rate> r = report_parse(parse_rate(*s), node, path, sink);
  if (!r) return std::nullopt;
  return rounded_count(r->per_day(), node, path, sink);
}

std::optional<int> read_rate_per_week(const YamlNode& node, const std::string& path,
                                      DiagnosticSink& sink) {
  const std::string* s = scalar_or_report(node, path, "a rate", sink);
  if (s == nullptr) return std::nullopt;
  const std::optional<Rate> r = report_parse(parse_rate(*s), node, path, sink);
  if (!r) return std::nullopt;
  return rounded_count(r->per_week(), node, path, sink);
}

Fields::Fields(const YamlNode* node, std::string path,
               std::initializer_list<std::string_view> known, DiagnosticSink& sink)
    : Fields(node, std::move(path), std::span<const std::string_view>(known.begin(), known.size()),
             sink) {}

Fields::Fields(const YamlNode* node, std::string path, std::span<const std::string_view> known,
               DiagnosticSink& sink)
    : path_(std::move(path)), sink_(sink) {
  if (node == nullptr) return;
  location_ = node->location;
  if (!node->is_map()) {
    sink_.error(node->location, path_,
                (path_.empty() ? std::string("scenario") : path_) + ": expected a map, got " +
                    describe(*node));
    return;
  }
  node_ = node;
  const std::vector<std::string_view> keys(known.begin(), known.end());
  for (const YamlEntry& entry : node->entries) {
    bool ok = false;
    for (std::string_view k : keys) ok = ok || k == entry.key;
    if (!ok) report_unknown_key(entry, path_, keys, sink_);
  }
}

const YamlNode* Fields::find(std::string_view key) const {
  if (node_ == nullptr) return nullptr;
  const YamlEntry* e = node_->find(key);
  return e == nullptr ? nullptr : &e->value;
}

bool Fields::require(std::string_view key) const {
  if (find(key) != nullptr) return true;
  // Absent map: the caller decides; not a map: already reported, and "missing key" would
  // only repeat it.
  if (node_ == nullptr) return false;
  sink_.error(location_, path(key),
              "missing required key '" + std::string(key) + "' at " +
                  (path_.empty() ? std::string("top level") : path_));
  return false;
}

void Fields::text(std::string_view key, std::string& out) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_text(*n, path(key), sink_)) out = *v;
  }
}

void Fields::number(std::string_view key, double& out, Bounds bounds) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_number(*n, path(key), bounds, sink_)) out = *v;
  }
}

void Fields::integer(std::string_view key, int& out, Bounds bounds) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_int(*n, path(key), bounds, sink_)) out = *v;
  }
}

void Fields::boolean(std::string_view key, bool& out) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_bool(*n, path(key), sink_)) out = *v;
  }
}

void Fields::duration(std::string_view key, engine::SimTime& out, bool positive) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_duration(*n, path(key), positive, sink_)) out = *v;
  }
}

void Fields::duration_spec(std::string_view key, model::DurationSpec& out) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_duration_spec(*n, path(key), out, sink_)) out = *v;
  }
}

void Fields::rate_per_day(std::string_view key, int& out) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_rate_per_day(*n, path(key), sink_)) out = *v;
  }
}

void Fields::rate_per_week(std::string_view key, int& out) const {
  if (const YamlNode* n = find(key)) {
    if (auto v = read_rate_per_week(*n, path(key), sink_)) out = *v;
  }
}

}  // namespace bf::scenario
