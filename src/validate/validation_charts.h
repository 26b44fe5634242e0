#pragma once
// The encounters chart of a validation, drawn by the report library's SVG renderer: monthly
// encounters of the Southwest total and each sector as small multiples, simulated median
// with its 5–95% band against the published figure. (The book-out and ICE charts are made
// beside their comparisons.)

#include "report/svg_chart.h"
#include "validate/comparison.h"

namespace bf::validate {

report::Chart encounters_chart(const EncounterComparison& c);

}  // namespace bf::validate
