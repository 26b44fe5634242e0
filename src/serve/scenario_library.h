#pragma once
// The scenarios `borderflow serve` offers: every *.yaml directly in one folder (scenarios/),
// each loaded once when the server starts, so a lever change loads only the changed scenario
// and a request can name nothing outside the folder. Read-only after construction: safe to
// share between the server's threads.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario_loader.h"

namespace bf::serve {

struct LibraryScenario {
  std::string id;                   // file stem, e.g. "december-2023"
  std::filesystem::path file;       // folder / (id + ".yaml")
  scenario::LoadedScenario loaded;  // as written, with its own seed
};

class ScenarioLibrary {
 public:
  // Loads every *.yaml of `folder` (not its subfolders) on `threads` threads. A scenario that
  // does not load is left out and its errors are kept (skipped()).
  ScenarioLibrary(const std::filesystem::path& folder, int threads);

  // In file-name order.
  const std::vector<LibraryScenario>& scenarios() const { return scenarios_; }
  // nullptr when `id` is not in the library.
  const LibraryScenario* find(const std::string& id) const;
  // The files left out and why (the loader's text), in file-name order.
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  std::vector<LibraryScenario> scenarios_;
  std::vector<std::string> skipped_;
};

}  // namespace bf::serve
