#pragma once
// The load-time refusal of a run that would simulate more people than memory allows
// (run_volume.h), reported at the file and line of its largest cause, with how far over the
// limit it is and how many days would fit.

#include "model/model_spec.h"
#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {

// Reports to `sink` when `spec` (read from the merged tree `root`) expects more than
// kMaxPeoplePerRun people, unless `allow_large` (the command line's --allow-large).
void check_volume(const YamlNode& root, const model::ModelSpec& spec, bool allow_large,
                  DiagnosticSink& sink);

}  // namespace bf::scenario
