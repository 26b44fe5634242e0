#pragma once
// The HTML report: one self-contained file (inline CSS, inline SVG charts, a few lines of
// inline JavaScript for tooltips; nothing fetched from the network) with a summary table of
// totals and peaks at the top, then every chart of chart_set.h. It prints to PDF sensibly
// (one chart per block, no tooltips or navigation in print).

#include <filesystem>
#include <string>
#include <vector>

#include "report/chart_set.h"
#include "report/result_data.h"

namespace bf::report {

// One row of the summary table: a total (date empty) or a peak with its first date.
struct SummaryRow {
  std::string measure;
  double value = 0;
  std::string date;  // the first day of the peak; "" for totals and means
  bool available = false;
};

// Totals and peaks computed from days.csv (mean lines for ensembles), plus the mean time
// in custody from summary.json.
std::vector<SummaryRow> summary_rows(const ResultData& run);

// The whole report. `b` null: a report of `a`; otherwise a comparison of a (run A) and b.
std::string render_report_html(const ResultData& a, const ResultData* b);

// render_report_html(a, b) written to `file` (through a temporary sibling renamed into
// place, so a reader never sees half a report). Throws std::runtime_error naming the path.
void write_report_file(const ResultData& a, const ResultData* b, const std::filesystem::path& file);

// Writes <chart id>.svg for every chart (placeholders have none) into `dir`, creating it.
// Returns the files written. Throws std::runtime_error naming the path on failure.
std::vector<std::filesystem::path> write_figures(const std::vector<ReportChart>& charts,
                                                 const std::filesystem::path& dir);

}  // namespace bf::report
