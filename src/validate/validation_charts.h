#pragma once
// The charts of a validation, drawn by the report library's SVG renderer: monthly
// encounters (the Southwest total and each sector as small multiples) and the detention
// population, simulated median with its 5–95% band against the published figure.

#include <vector>

#include "report/svg_chart.h"
#include "validate/comparison.h"
#include "validate/detention_comparison.h"

namespace bf::validate {

report::Chart encounters_chart(const EncounterComparison& c);
report::Chart detention_chart(const std::vector<DetentionRow>& rows);

}  // namespace bf::validate
