#pragma once
// The scenario the page's controls describe, as a YAML file `borderflow run` reproduces:
// `extends:` the library's scenario, then the request's values as nested maps. Loading it
// gives the same spec as the library's scenario with the values written over it by --set
// (overrides.h), so both runs write the same results (tested: tests/serve).

#include <optional>
#include <string>

#include "scenario/overrides.h"

namespace bf::serve {

// `base_file_name` is the file the YAML extends (e.g. "december-2023.yaml"): the YAML must be
// saved in the same folder. Values are written as plain scalars, so they must pass
// is_plain_value (what_if_request.h). nullopt when one path lies inside another's value
// (e.g. both "detention.beds" and "detention.beds.x"), which no YAML map can hold.
std::optional<std::string> what_if_yaml(const std::string& base_file_name,
                                        const scenario::Overrides& overrides);

}  // namespace bf::serve
