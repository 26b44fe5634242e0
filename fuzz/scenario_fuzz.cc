// Fuzz target: the whole scenario loader (scenario/scenario_loader.h) through real files, so
// `extends`, the arrival table and file errors are exercised too. The input is up to three
// files: the scenario, then optionally a line "#--- parent.yaml" and a parent it may extend,
// then optionally a line "#--- arrivals.csv" and an arrival table it may name. They are
// written to a private temporary folder (files not given are removed) and loaded from there.

#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "scenario/run_volume.h"
#include "scenario/scenario_loader.h"

namespace {

namespace fs = std::filesystem;

const fs::path& folder() {
  static const fs::path path = [] {
    std::string name = (fs::temp_directory_path() / "bf-fuzz-scenario-XXXXXX").string();
    if (::mkdtemp(name.data()) == nullptr) std::abort();
    return fs::path(name);
  }();
  return path;
}

void put(const fs::path& path, std::string_view bytes, bool present) {
  std::error_code ec;
  fs::remove(path, ec);
  if (!present) return;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const auto take = [&rest](std::string_view marker) -> std::pair<std::string_view, bool> {
    const std::size_t at = rest.find(marker);
    if (at == std::string_view::npos) return {{}, false};
    const std::string_view part = rest.substr(at + marker.size());
    rest = rest.substr(0, at);
    return {part, true};
  };
  const auto table = take("\n#--- arrivals.csv\n");
  const auto parent = take("\n#--- parent.yaml\n");
  put(folder() / "scenario.yaml", rest, true);
  put(folder() / "parent.yaml", parent.first, parent.second);
  put(folder() / "arrivals.csv", table.first, table.second);

  const bf::scenario::LoadResult result = bf::scenario::load_scenario(folder() / "scenario.yaml");
  if (result.scenario.has_value() != result.diagnostics.empty()) std::abort();
  for (const auto& d : result.diagnostics) {
    if (bf::scenario::format_diagnostic(d).empty()) std::abort();
  }
  if (result.scenario) {
    const auto& spec = result.scenario->spec;
    if (spec.days < 1) std::abort();
    // What loads is finite (docs/parameters.md, "Bounds checked at load"): the estimate of the
    // people it adds, and the weekly pattern the arrival rate is multiplied by.
    if (!std::isfinite(bf::scenario::expected_volume(spec).total())) std::abort();
    for (double w : spec.arrivals.weekly_pattern) {
      if (!std::isfinite(w)) std::abort();
    }
  }
  return 0;
}
