// `borderflow check`: validate a scenario (and its arrival table) without running it.

#include <cstdio>

#include "apps/commands.h"
#include "apps/exit_codes.h"
#include "apps/scenario_errors.h"
#include "scenario/scenario_loader.h"

namespace bf::apps {

int check_command(const CheckOptions& options) {
  scenario::LoadOptions load;
  load.allow_large = options.allow_large;
  load.overrides = options.overrides;
  const scenario::LoadResult loaded = scenario::load_scenario(options.scenario, load);
  if (!loaded.ok()) {
    print_scenario_errors(loaded, options.scenario, "");
    return kExitBadInput;
  }
  const auto& spec = loaded.scenario->spec;
  std::printf("%s: ok (%s, %d days from %s, %zu arrival rows, %zu surge%s)\n",
              options.scenario.string().c_str(), spec.name.c_str(), spec.days,
              spec.start_date.to_string().c_str(), spec.arrivals.levels.size(), spec.surges.size(),
              spec.surges.size() == 1 ? "" : "s");
  return kExitOk;
}

}  // namespace bf::apps
