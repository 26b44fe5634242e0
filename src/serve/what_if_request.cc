#include "serve/what_if_request.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace bf::serve {
namespace {

using nlohmann::json;

// Sections a lever may change. Everything else (arrivals.table, outcome mixes, ports, the
// run's own keys) stays as the scenario wrote it.
constexpr std::array<std::string_view, 8> kSettablePrefixes = {
    "policies.",
    "detention.",
    "sectors.",
    "dispositions.",
    "processing.",
    "apprehension.",
    "arrivals.effects.scale.",
    "arrivals.surrender_probability.",
};

// Keys that take a file name (docs/scenario-format.md): never settable, wherever they are.
constexpr std::array<std::string_view, 4> kFileKeys = {"table", "outcome_mix", "extends",
                                                       "conversion_reference"};

bool is_path_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

bool is_value_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':' || c == '/' || c == '+' || c == '-';
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

RequestError error(std::string message) { return RequestError{std::move(message)}; }

// A JSON string or number as the scenario would write it.
std::optional<std::string> value_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
  if (value.is_number_float()) return value.dump();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return std::nullopt;
}

}  // namespace

bool is_settable_path(std::string_view path) {
  if (path.empty() || !std::all_of(path.begin(), path.end(), is_path_char)) return false;
  if (path.find("..") != std::string_view::npos || path.back() == '.') return false;
  const bool under_a_lever = std::any_of(kSettablePrefixes.begin(), kSettablePrefixes.end(),
                                         [&](std::string_view p) { return starts_with(path, p); });
  if (!under_a_lever) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    const std::string_view key = path.substr(start, dot - start);
    if (std::find(kFileKeys.begin(), kFileKeys.end(), key) != kFileKeys.end()) return false;
    start = dot + 1;
  }
  return true;
}

bool is_plain_value(std::string_view value) {
  if (value.empty() || !std::all_of(value.begin(), value.end(), is_value_char)) return false;
  // A plain YAML scalar: not an indicator first, and not a word YAML reads as null.
  // A sign, ':', '/' or '.' first only before a digit ("-5", ".5").
  const char first = value.front();
  const bool indicator_first =
      first == '-' || first == '+' || first == ':' || first == '/' || first == '.';
  if (indicator_first && (value.size() < 2 || !(value[1] >= '0' && value[1] <= '9'))) {
    return false;
  }
  return value != "null" && value != "Null" && value != "NULL";
}

std::variant<WhatIfRequest, RequestError> parse_what_if_request(std::string_view body,
                                                                const ServeLimits& limits) {
  const json root = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return error("the request body is not JSON");
  if (!root.is_object()) return error("the request body must be a JSON object");
  for (const auto& [key, value] : root.items()) {
    if (key != "scenario" && key != "set" && key != "replications") {
      return error("unknown field '" + key + "' (expected scenario, set, replications)");
    }
  }

  WhatIfRequest request;
  const auto scenario = root.find("scenario");
  if (scenario == root.end() || !scenario->is_string()) {
    return error("'scenario' is required: the name of a scenario of the library");
  }
  request.scenario = scenario->get<std::string>();

  request.replications = limits.default_replications;
  if (const auto r = root.find("replications"); r != root.end()) {
    if (!r->is_number_integer() || r->get<long long>() < 1 ||
        r->get<long long>() > limits.max_replications) {
      return error("'replications' must be a whole number from 1 to " +
                   std::to_string(limits.max_replications));
    }
    request.replications = r->get<int>();
  }

  if (const auto set = root.find("set"); set != root.end()) {
    if (!set->is_object()) return error("'set' must be an object of PATH: VALUE");
    if (set->size() > limits.max_overrides) {
      return error("'set' has " + std::to_string(set->size()) + " values; at most " +
                   std::to_string(limits.max_overrides) + " are accepted");
    }
    for (const auto& [path, value] : set->items()) {
      if (path.size() > limits.max_path_bytes || !is_settable_path(path)) {
        return error("'set': '" + path.substr(0, limits.max_path_bytes) +
                     "' is not a path a lever may set (policies.*, detention.*, sectors.*, "
                     "dispositions.*, processing.*, apprehension.*, arrivals.effects.scale.*)");
      }
      const std::optional<std::string> text = value_text(value);
      if (!text || text->size() > limits.max_value_bytes || !is_plain_value(*text)) {
        return error("'set': the value of '" + path +
                     "' must be a number or a short word (letters, digits, _ . : / + -)");
      }
      request.overrides.emplace_back(path, *text);
    }
  }
  return request;
}

}  // namespace bf::serve
