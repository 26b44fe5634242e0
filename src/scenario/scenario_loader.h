#pragma once
// Loading a scenario: YAML file(s) → defaults filled in → validated → frozen ModelSpec.
// Every problem found is returned at once, each with file:line:column (see diagnostics.h).
// The YAML format is documented in docs/scenario-format.md.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/model_spec.h"
#include "scenario/diagnostics.h"
#include "scenario/ensemble_spec.h"
#include "scenario/overrides.h"
#include "scenario/uncertainty.h"

namespace bf::scenario {

// Command-line overrides, applied before validation.
struct LoadOptions {
  std::optional<std::uint64_t> seed;  // replaces `seed`; default: the file's (or 1)
  std::optional<int> days;            // replaces `end`/`days`; must be > 0; default: the file's
  // Runs expecting more than kMaxPeoplePerRun people (run_volume.h) are loaded rather than
  // refused: the command line's --allow-large. Default: refused.
  bool allow_large = false;
  // Loading the scenario another one names as its arrivals.conversion_reference: that
  // scenario's own conversion_reference is then ignored (no chains, no cycles).
  bool as_conversion_reference = false;
  // Values written over the scenario before it is read: (dotted path, value as the scenario
  // would write it, e.g. "27d"), each at a path its `uncertainty` section declares; a value
  // that does not load is reported at that declaration. This is how a sampled spec is read,
  // by the same loader as the base. The conversion reference is loaded with those of them it
  // declares itself, so a counterfactual keeps the crossers of the replay with the same
  // sampled values. Default: none.
  std::vector<std::pair<std::string, std::string>> assignments{};
  // Values written over the scenario and its parents before it is read, at any path a sweep
  // may name: the command line's --set and Python's load(set=...) (overrides.h). A bad one is
  // reported at its line of the source "--set", which is then listed in `sources` after the
  // scenario's own files. Not passed to the conversion reference (the replay as written).
  // Default: none.
  Overrides overrides{};
};

struct LoadedScenario {
  model::ModelSpec spec;
  // Every file read, in the order read: the scenario, its `extends` parents, the arrival
  // table. Callers hash these to fingerprint a run.
  std::vector<SourceFile> sources;
  // The `ensemble` section: replications, threads and sweep points (ensemble_spec.h).
  EnsembleSpec ensemble;
  // The `uncertainty` section: parameters without a measured value and their ranges, in the
  // order of the merged tree (a parent's first). For a conversion reference its ends are not
  // checked.
  std::vector<UncertainParameter> uncertainty;
};

struct LoadResult {
  std::optional<LoadedScenario> scenario;  // set exactly when diagnostics is empty
  std::vector<Diagnostic> diagnostics;     // in the order found
  bool ok() const { return scenario.has_value() && diagnostics.empty(); }
};

// Reads `file` (and whatever it extends and references). Never throws for bad input: missing
// files, directories, empty files, non-UTF-8 bytes and YAML syntax errors are diagnostics.
// Thread-safe: no shared state.
LoadResult load_scenario(const std::filesystem::path& file, const LoadOptions& options = {});

}  // namespace bf::scenario
