#include "demand/effects_table.h"

#include <fmt/format.h>

#include "model/population.h"

namespace bf::demand {

std::string effects_table_text(const std::vector<EffectEstimate>& estimates,
                               const std::vector<TableSource>& sources,
                               const std::string& derived_by) {
  std::string text = "# borderflow demand effects\n";
  text += "# derived by: " + derived_by + "\n";
  text += fmt::format(
      "# method: log_effect = mean over the {} first fully affected months of "
      "log(published / demand-model forecast from the month before the intervention); "
      "standard_error = root mean square of the model's rolling-origin log errors at those "
      "horizons (docs/model.md, Demand model)\n",
      kEffectMonths);
  for (const TableSource& s : sources) {
    text += fmt::format("# source: {} sha256={} rows={}\n", s.file_name, s.sha256, s.rows);
  }
  text += std::string(kEffectsTableHeader) + "\n";
  for (const EffectEstimate& e : estimates) {
    const std::string_view sector = e.sector < 0
                                        ? std::string_view("southwest")
                                        : model::kSectorKeys[static_cast<std::size_t>(e.sector)];
    text += fmt::format("{},{},{},{},{:.4f},{:.4f}\n", e.intervention->name,
                        e.intervention->date.to_string(), e.intervention->ramp_months, sector,
                        e.log_effect, e.standard_error);
  }
  return text;
}

}  // namespace bf::demand
