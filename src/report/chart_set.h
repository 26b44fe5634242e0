#pragma once
// The report's charts, built from one result folder or two (a comparison). Each chart names
// its columns by their output names (output/day_columns.h), so a folder without a column simply
// lacks that line; a chart whose data the folder does not have at all (ports of entry
// before that model exists) becomes a placeholder that says so.

#include <string>
#include <vector>

#include "report/result_data.h"
#include "report/svg_chart.h"

namespace bf::report {

struct ReportChart {
  Chart chart;
  std::string placeholder;  // non-empty: no chart; this text says why
};

// Charts of run `a`, or of `a` against `b` when `b` is not null (run A solid, run B dashed).
std::vector<ReportChart> build_charts(const ResultData& a, const ResultData* b);

// "rio_grande_valley" -> "Rio Grande Valley" (and known acronyms kept: "El Paso").
std::string display_name(const std::string& key);

}  // namespace bf::report
