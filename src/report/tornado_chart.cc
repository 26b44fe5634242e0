#include "report/tornado_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/svg_style.h"
#include "report/text_escape.h"

namespace bf::report {
namespace {

constexpr double kWidth = 960;
constexpr double kLabels = 330;  // left column: parameter names, right-aligned
constexpr double kRight = 30;
constexpr double kTop = 78;  // title and legend above the rows
constexpr double kRow = 40;
constexpr double kBar = 13;     // each of the two bars of a row
constexpr double kBottom = 64;  // x axis, its title and the caption
constexpr std::string_view kBaseColour = "#333333";

std::string num(double v) { return fmt::format("{:.1f}", v); }

// The x range: every value and the base, widened by a margin for the end labels and rounded
// out to whole ticks.
struct XScale {
  double min = 0, max = 1, step = 1;
  double at(double v, double left, double width) const {
    return left + (v - min) / (max - min) * width;
  }
};

XScale x_scale(const TornadoChart& chart) {
  double lo = chart.base, hi = chart.base;
  for (const TornadoBar& b : chart.bars) {
    lo = std::min({lo, b.at_low, b.at_high});
    hi = std::max({hi, b.at_low, b.at_high});
  }
  const double span = hi > lo ? hi - lo : std::max(1.0, std::abs(hi));
  lo -= 0.15 * span;
  hi += 0.15 * span;
  XScale s;
  s.step = tick_step(hi - lo, 6);
  s.min = std::floor(lo / s.step) * s.step;
  s.max = std::ceil(hi / s.step) * s.step;
  return s;
}

void render_bar(std::string& out, const std::string& id, int pattern, double x_base, double x_end,
                double y, const std::string& label) {
  const double x = std::min(x_base, x_end);
  const double w = std::max(std::abs(x_end - x_base), 1.0);
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{}-p{})\" stroke=\"{}\" "
      "stroke-width=\"1\"/>",
      num(x), num(y), num(w), num(kBar), id, pattern, palette_colour(pattern));
  const bool right = x_end >= x_base;
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"11\" fill=\"#222222\">{}</text>",
      num(x_end + (right ? 5 : -5)), num(y + kBar - 2.5), right ? "start" : "end",
      escape_xml(label));
}

void render_legend(std::string& out, const std::string& id) {
  const double y = 46;
  double x = 12;
  const auto swatch = [&](int pattern, std::string_view text) {
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"12\" fill=\"url(#{}-p{})\" stroke=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text>",
        num(x), num(y - 10), id, pattern, palette_colour(pattern), num(x + 28), num(y), text);
    x += 40 + 7.0 * static_cast<double>(text.size());
  };
  swatch(0, "parameter at its low end");
  swatch(1, "parameter at its high end");
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-dasharray=\"5 3\" "
      "stroke-width=\"1.5\"/><text x=\"{4}\" y=\"{5}\">every parameter as written (base)</text>",
      num(x + 8), num(y - 12), num(y + 2), kBaseColour, num(x + 18), num(y));
}

}  // namespace

std::string render_tornado_svg(const TornadoChart& chart) {
  const double plot_left = kLabels + 10;
  const double plot_width = kWidth - plot_left - kRight;
  const double rows_height =
      kRow * static_cast<double>(std::max<std::size_t>(chart.bars.size(), 1));
  const double height = kTop + rows_height + kBottom;
  const XScale x = x_scale(chart);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{0}\" viewBox=\"0 0 {1} "
      "{2}\" width=\"{1}\" height=\"{2}\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" "
      "font-family=\"{3}\" font-size=\"12\">",
      chart.id, num(kWidth), num(height), chart_font());
  out += fmt::format(
      "<title id=\"{0}-title\">{1}</title><desc id=\"{0}-desc\">{2}</desc>"
      "<rect width=\"{3}\" height=\"{4}\" fill=\"#ffffff\"/>",
      chart.id, escape_xml(chart.title), escape_xml(chart.caption), num(kWidth), num(height));
  out += fill_pattern_defs(chart.id, 2);
  out += fmt::format("<text x=\"{}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{}</text>",
                     num(12), escape_xml(chart.title));
  render_legend(out, chart.id);

  // Grid and x axis.
  const double axis_y = kTop + rows_height;
  // Ticks counted in whole steps (a float loop counter would drift).
  const auto ticks = static_cast<int>(std::floor((x.max - x.min) / x.step + 1e-6));
  for (int tick = 0; tick <= ticks; ++tick) {
    const double v = x.min + tick * x.step;
    const double px = x.at(v, plot_left, plot_width);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#e4e4e4\"/>"
        "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\" fill=\"#444444\">{4}</text>",
        num(px), num(kTop - 6), num(axis_y), num(axis_y + 16), format_grouped(v));
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#444444\"/>",
                     num(plot_left), num(plot_left + plot_width), num(axis_y));
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                     num(plot_left + plot_width / 2), num(axis_y + 34), escape_xml(chart.x_label));

  const double x_base = x.at(chart.base, plot_left, plot_width);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const TornadoBar& b = chart.bars[i];
    const double row_y = kTop + kRow * static_cast<double>(i);
    const double bar_y = row_y + (kRow - 2 * kBar) / 2;
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(kLabels),
                       num(row_y + kRow / 2 + 4), escape_xml(b.label));
    render_bar(out, chart.id, 0, x_base, x.at(b.at_low, plot_left, plot_width), bar_y, b.low_label);
    render_bar(out, chart.id, 1, x_base, x.at(b.at_high, plot_left, plot_width), bar_y + kBar,
               b.high_label);
  }
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-dasharray=\"5 3\" "
      "stroke-width=\"1.5\"/><text x=\"{0}\" y=\"{4}\" text-anchor=\"middle\" font-size=\"11\">"
      "base {5}</text>",
      num(x_base), num(kTop - 4), num(axis_y), kBaseColour, num(kTop - 10),
      format_grouped(chart.base));
  out += fmt::format("<text x=\"12\" y=\"{}\" font-size=\"11\" fill=\"#444444\">{}</text>",
                     num(height - 8), escape_xml(chart.caption));
  out += "</svg>\n";
  return out;
}

}  // namespace bf::report
