#pragma once
// Charts as plain data, and their rendering to standalone SVG. Styling is in presentation
// attributes (no CSS classes needed), so an SVG written with --figures looks the same as in
// the report. Every series differs from its neighbours by dash pattern or fill pattern as
// well as colour, and lines are labelled directly at their right end, so a chart reads in
// greyscale and in print.

#include <string>
#include <vector>

namespace bf::report {

// One series of a panel. Values are per day, aligned with Chart::dates; NaN leaves a gap.
struct ChartSeries {
  std::string label;
  std::vector<double> values;
  std::vector<double> low;   // 5th percentile band; empty, or the size of values
  std::vector<double> high;  // 95th percentile band; empty, or the size of values
  int style = 0;             // index into the palette: colour, dash, and fill pattern
  bool reference = false;    // a limit (capacity, beds): thin, long dashes, dark grey
};

struct ChartPanel {
  std::string label;  // shown above the panel in small multiples; "" for a single panel
  std::vector<ChartSeries> series;
};

// A row of a status timeline: one state index per day (-1 = no data).
struct TimelineRow {
  std::string label;
  std::vector<int> states;
};

struct Chart {
  enum class Kind { kLines, kStacked, kTimeline };
  std::string id;  // unique in a report, [a-z0-9-]; prefixes SVG ids
  Kind kind = Kind::kLines;
  std::string title;
  std::string y_label;  // with units, e.g. "people per day"
  std::string x_label = "Date";
  std::string caption;                    // one line: what the chart shows
  std::vector<std::string> dates;         // YYYY-MM-DD, ascending
  std::vector<ChartPanel> panels;         // kLines / kStacked: one, or several as small multiples
  int columns = 1;                        // small multiples per row
  bool shared_y = true;                   // small multiples on one y scale
  std::vector<TimelineRow> rows;          // kTimeline
  std::vector<std::string> state_labels;  // kTimeline: legend of state indexes

  // Number of plotted values that are not NaN (0 means nothing to show).
  std::size_t data_points() const;
};

// The chart as a standalone <svg> element with xmlns, role="img", a <title> and <desc>,
// a legend, axes with ticks and labels. In the HTML report, a transparent
// <rect class="hover"> per panel carries data-panel, data-x0 and data-x1 for the tooltip
// script; standalone figures have no script.
std::string render_svg(const Chart& chart);

// The tooltip data of a chart as JSON: {"dates":[...],"panels":[{"label":..,"series":
// [{"label":..,"values":[..]}]}]}; timelines give their rows as panels of one series.
std::string chart_data_json(const Chart& chart);

}  // namespace bf::report
