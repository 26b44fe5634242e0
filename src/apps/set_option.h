#pragma once
// `--set PATH=VALUE`, repeatable, on run, check and compare: a value written over the
// scenario before it is read, at any path a sweep may name (scenario/overrides.h), e.g.
// `--set detention.beds=32000 --set sectors.del_rio.processing_agents=400`.

#include "scenario/overrides.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace bf::apps {

// Adds the option to `command`; each occurrence appends to `out` in the order given.
CLI::Option* add_set_option(CLI::App& command, scenario::Overrides& out);

}  // namespace bf::apps
