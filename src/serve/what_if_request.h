#pragma once
// A what-if request as the page sends it (POST /api/run and /api/scenario.yaml, a JSON body):
//
//   {"scenario": "december-2023",                      a scenario of the library, by file stem
//    "set": {"detention.beds": "36000", ...},          values written over it (--set PATH=VALUE)
//    "replications": 3}                                optional; default ServeLimits
//
// Parsing checks the shape and the bounds only: whether a path is a parameter and a value makes
// sense is for the scenario loader, which reports it like a bad --set. Paths are limited to
// the sections a lever may change, so a request cannot make the server read another file
// (arrival tables, outcome mixes, `extends`).

#include <string>
#include <string_view>
#include <variant>

#include "scenario/overrides.h"
#include "serve/serve_limits.h"

namespace bf::serve {

struct WhatIfRequest {
  std::string scenario;           // file stem in the scenario library, e.g. "december-2023"
  scenario::Overrides overrides;  // in the order of their paths (JSON objects are unordered)
  int replications = 0;           // 1 .. limits.max_replications
};

// Why a request was refused: a sentence for the page, naming the offending field.
struct RequestError {
  std::string message;
};

// Parses `body`. Values may be JSON strings or numbers (a number is written as JSON writes it,
// e.g. 36000, 0.5).
std::variant<WhatIfRequest, RequestError> parse_what_if_request(std::string_view body,
                                                                const ServeLimits& limits);

// Whether `path` is one a request may set: lowercase letters, digits, '_' and '.', under one of
// the lever sections (policies, detention, sectors, dispositions, processing, apprehension,
// arrivals.effects.scale, arrivals.surrender_probability), and not naming a file.
bool is_settable_path(std::string_view path);

// Whether `value` may be written: letters, digits, spaces and `_ . : / + -` only, so that it
// reads the same as a plain YAML scalar in the downloaded scenario (scenario_yaml.h).
bool is_plain_value(std::string_view value);

}  // namespace bf::serve
