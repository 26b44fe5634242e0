#pragma once
// A tornado chart of a one-at-a-time sensitivity analysis, as standalone SVG: one row per
// parameter, largest swing on top; in each row two bars start at the output's base value and
// end at its mean with the parameter at its low end (upper bar, plain tint) and at its high
// end (lower bar, hatched), each labelled with that end's value, so the chart reads in
// greyscale and in print. Same fonts, colours and patterns as svg_chart.h.

#include <string>
#include <vector>

namespace bf::report {

struct TornadoBar {
  std::string label;      // the parameter, e.g. "detention.beds"
  std::string low_label;  // its ends as written, e.g. "22000", "20d"
  std::string high_label;
  double at_low = 0.0;  // the output with the parameter at its low end (in x_label's units)
  double at_high = 0.0;
};

struct TornadoChart {
  std::string id;  // [a-z0-9-]; prefixes SVG ids
  std::string title;
  std::string x_label;           // the output, with units
  std::string caption;           // one line: what the chart shows
  double base = 0.0;             // the output with every parameter as written
  std::vector<TornadoBar> bars;  // drawn top to bottom in this order
};

// The chart as an <svg> element with xmlns, role="img", <title> and <desc>, a legend, an x
// axis with ticks, a dashed line at the base value, and the bars.
std::string render_tornado_svg(const TornadoChart& chart);

}  // namespace bf::report
