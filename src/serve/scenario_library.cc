#include "serve/scenario_library.h"

#include <algorithm>

#include "scenario/load_errors_text.h"
#include "util/parallel_for.h"

namespace bf::serve {

ScenarioLibrary::ScenarioLibrary(const std::filesystem::path& folder, int threads) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  if (error) {
    skipped_.push_back(folder.string() + ": " + error.message());
    return;
  }
  std::sort(files.begin(), files.end());

  std::vector<scenario::LoadResult> loaded(files.size());
  util::parallel_for(static_cast<int>(files.size()), threads, [&](int i) {
    loaded[static_cast<std::size_t>(i)] =
        scenario::load_scenario(files[static_cast<std::size_t>(i)]);
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!loaded[i].ok()) {
      skipped_.push_back(scenario::load_errors_text(loaded[i].diagnostics, files[i], ""));
      continue;
    }
    scenarios_.push_back(
        LibraryScenario{files[i].stem().string(), files[i], std::move(*loaded[i].scenario)});
  }
}

const LibraryScenario* ScenarioLibrary::find(const std::string& id) const {
  const auto it = std::find_if(scenarios_.begin(), scenarios_.end(),
                               [&](const LibraryScenario& s) { return s.id == id; });
  return it == scenarios_.end() ? nullptr : &*it;
}

}  // namespace bf::serve
