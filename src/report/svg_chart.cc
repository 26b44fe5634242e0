#include "report/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

#include "report/svg_style.h"
#include "report/text_escape.h"
#include "util/date.h"

namespace bf::report {
namespace {

constexpr double kWidth = 960;
constexpr double kLeft = 72;          // room for y tick labels and the y axis title
constexpr double kRightLabels = 160;  // single panels: room for direct labels
constexpr double kRightPlain = 20;
constexpr double kLegendRow = 22;
constexpr std::string_view kFont =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

// Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), each with
// its own dash pattern so lines also differ in greyscale.
struct Style {
  std::string_view colour;
  std::string_view dash;
};
constexpr std::array<Style, 7> kStyles = {{{"#0072B2", ""},
                                           {"#D55E00", "7 3"},
                                           {"#009E73", "2 2"},
                                           {"#CC79A7", "9 3 2 3"},
                                           {"#8a6100", "4 4"},
                                           {"#56B4E9", "12 4"},
                                           {"#000000", "1 3"}}};
constexpr std::string_view kReferenceColour = "#333333";
constexpr std::string_view kReferenceDash = "10 5";

const Style& style_of(int index) {
  return kStyles[static_cast<std::size_t>(index) % kStyles.size()];
}

std::string num(double v) {
  if (std::abs(v) < 0.05) return "0";
  return fmt::format("{:.1f}", v);
}

// A y tick label: grouped digits, or millions ("150 M") on axes that reach a million, so
// labels fit the left margin.
std::string format_tick(double v, const double axis_max) {
  if (axis_max >= 1e6) return v == 0 ? "0" : fmt::format("{:g} M", v / 1e6);
  return format_grouped(v);
}

// A tick step of 1, 2, 2.5 or 5 times a power of ten giving about `target` intervals.
double nice_step(double max, int target) {
  const double raw = max / target;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double m = raw / power;
  const double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return nice * power;
}

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

struct YScale {
  double max = 1;
  double step = 1;
};

YScale y_scale_for(double max_value, int ticks) {
  YScale s;
  if (!(max_value > 0)) max_value = 1;
  s.step = nice_step(max_value, ticks);
  s.max = std::ceil(max_value / s.step - 1e-9) * s.step;
  if (s.max <= 0) s.max = s.step;
  return s;
}

double panel_max(const Chart& chart, const ChartPanel& panel) {
  double max = 0;
  if (chart.kind == Chart::Kind::kStacked) {
    for (std::size_t i = 0; i < chart.dates.size(); ++i) {
      double sum = 0;
      for (const auto& s : panel.series) {
        if (i < s.values.size() && std::isfinite(s.values[i])) sum += s.values[i];
      }
      max = std::max(max, sum);
    }
    return max;
  }
  for (const auto& s : panel.series) {
    for (double v : s.values) {
      if (std::isfinite(v)) max = std::max(max, v);
    }
    for (double v : s.high) {
      if (std::isfinite(v)) max = std::max(max, v);
    }
  }
  return max;
}

struct Geometry {
  double height = 0;
  double legend_top = 0;
  double legend_height = 0;
  std::vector<Rect> panels;
};

struct LegendItem {
  std::string label;
  enum class Swatch { kLine, kFill, kBand } swatch = Swatch::kLine;
  int style = 0;
  bool reference = false;
};

std::vector<LegendItem> legend_items(const Chart& chart) {
  std::vector<LegendItem> items;
  if (chart.kind == Chart::Kind::kTimeline) {
    for (std::size_t k = 0; k < chart.state_labels.size(); ++k) {
      items.push_back({chart.state_labels[k], LegendItem::Swatch::kFill, static_cast<int>(k)});
    }
    return items;
  }
  if (chart.panels.empty()) return items;
  bool band = false;
  for (const auto& s : chart.panels.front().series) {
    items.push_back({s.label,
                     chart.kind == Chart::Kind::kStacked ? LegendItem::Swatch::kFill
                                                         : LegendItem::Swatch::kLine,
                     s.style, s.reference});
    band = band || !s.low.empty();
  }
  if (band) items.push_back({"5th-95th percentile band", LegendItem::Swatch::kBand, 0});
  return items;
}

double legend_item_width(const LegendItem& item) {
  return 34 + 6.6 * static_cast<double>(item.label.size()) + 18;
}

int legend_rows(const std::vector<LegendItem>& items, double width) {
  int rows = items.empty() ? 0 : 1;
  double x = 0;
  for (const auto& item : items) {
    const double w = legend_item_width(item);
    if (x > 0 && x + w > width) {
      ++rows;
      x = 0;
    }
    x += w;
  }
  return rows;
}

Geometry layout(const Chart& chart, const std::vector<LegendItem>& legend) {
  Geometry g;
  g.legend_top = 8;
  g.legend_height = legend_rows(legend, kWidth - kLeft - kRightPlain) * kLegendRow;
  const double top = g.legend_top + g.legend_height + 14;
  if (chart.kind == Chart::Kind::kTimeline) {
    constexpr double kRowHeight = 22;
    constexpr double kTimelineLeft = 190;
    const double h = std::max<double>(1, static_cast<double>(chart.rows.size())) * kRowHeight;
    g.panels.push_back({kTimelineLeft, top, kWidth - kTimelineLeft - kRightPlain, h});
    g.height = top + h + 56;
    return g;
  }
  const std::size_t n = std::max<std::size_t>(1, chart.panels.size());
  if (n == 1) {
    g.panels.push_back({kLeft, top, kWidth - kLeft - kRightLabels, 250});
    g.height = top + 250 + 56;
    return g;
  }
  const int columns = std::max(1, chart.columns);
  const double gap_x = chart.shared_y ? 22 : 64;
  const double gap_y = 52;
  const double panel_h = 120;
  const double panel_w = (kWidth - kLeft - kRightPlain - (columns - 1) * gap_x) / columns;
  const auto rows = (n + columns - 1) / columns;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t row = i / columns;  // whole rows above this panel
    const auto c = static_cast<double>(i % columns);
    const auto r = static_cast<double>(row);
    g.panels.push_back(
        {kLeft + c * (panel_w + gap_x), top + 18 + r * (panel_h + gap_y), panel_w, panel_h});
  }
  g.height = top + 18 + static_cast<double>(rows) * (panel_h + gap_y) + 14;
  return g;
}

std::string pattern_defs(const std::string& id, std::size_t count) {
  std::string out = "<defs>";
  for (std::size_t k = 0; k < count; ++k) {
    const Style& st = style_of(static_cast<int>(k));
    out += fmt::format(
        "<pattern id=\"{}-p{}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
        "<rect width=\"8\" height=\"8\" fill=\"{}\" fill-opacity=\"0.45\"/>",
        id, k, st.colour);
    switch (k % 6) {
      case 0:
        break;  // a plain tint
      case 1:
        out += fmt::format(
            "<path d=\"M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6\" stroke=\"{}\" "
            "stroke-width=\"1.6\"/>",
            st.colour);
        break;
      case 2:
        out += fmt::format("<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"{}\"/>", st.colour);
        break;
      case 3:
        out += fmt::format("<path d=\"M0,4 L8,4\" stroke=\"{}\" stroke-width=\"1.6\"/>", st.colour);
        break;
      case 4:
        out += fmt::format("<path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"{}\" stroke-width=\"1.2\"/>",
                           st.colour);
        break;
      default:
        out += fmt::format("<path d=\"M4,0 L4,8\" stroke=\"{}\" stroke-width=\"1.6\"/>", st.colour);
    }
    out += "</pattern>";
  }
  out += "</defs>";
  return out;
}

void render_legend(std::string& out, const std::string& id, const std::vector<LegendItem>& items,
                   const Geometry& g) {
  double x = kLeft;
  double y = g.legend_top;
  out += "<g class=\"legend\">";
  for (const auto& item : items) {
    const double w = legend_item_width(item);
    if (x > kLeft && x + w > kWidth - kRightPlain) {
      x = kLeft;
      y += kLegendRow;
    }
    const Style& st = style_of(item.style);
    const double cy = y + 9;
    switch (item.swatch) {
      case LegendItem::Swatch::kLine:
        out += fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
            num(x), num(cy), num(x + 26), num(cy), item.reference ? kReferenceColour : st.colour,
            item.reference ? 1.5 : 2.5,
            item.reference    ? fmt::format(" stroke-dasharray=\"{}\"", kReferenceDash)
            : st.dash.empty() ? std::string()
                              : fmt::format(" stroke-dasharray=\"{}\"", st.dash));
        break;
      case LegendItem::Swatch::kFill:
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"14\" fill=\"url(#{}-p{})\" "
            "stroke=\"{}\"/>",
            num(x), num(cy - 7), id, item.style, st.colour);
        break;
      case LegendItem::Swatch::kBand:
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"14\" fill=\"{}\" fill-opacity=\"0.2\"/>",
            num(x), num(cy - 7), st.colour);
        break;
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" dominant-baseline=\"middle\">{}</text>",
                       num(x + 32), num(cy + 1), escape_xml(item.label));
    x += w;
  }
  out += "</g>";
}

struct XTick {
  std::size_t index;
  std::string label;
};

// Month starts ("Dec 2023", or "Dec" when `short_labels`) for long runs, else every few days.
std::vector<XTick> x_ticks(const std::vector<std::string>& dates, double width,
                           bool short_labels = false) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::vector<XTick> ticks;
  const std::size_t n = dates.size();
  if (n == 0) return ticks;
  const int max_ticks = std::max(2, static_cast<int>(width / 70));
  if (n > 45) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < n; ++i) {
      if (dates[i].ends_with("-01")) starts.push_back(i);
    }
    const std::size_t every = (starts.size() + max_ticks - 1) / max_ticks;
    for (std::size_t k = 0; k < starts.size(); k += std::max<std::size_t>(1, every)) {
      const auto d = util::Date::parse(dates[starts[k]]);
      if (!d) continue;
      ticks.push_back({starts[k], short_labels
                                      ? std::string(kMonths[d->month() - 1])
                                      : fmt::format("{} {}", kMonths[d->month() - 1], d->year())});
    }
    return ticks;
  }
  const std::size_t step = std::max<std::size_t>(1, (n + max_ticks - 1) / max_ticks);
  for (std::size_t i = 0; i < n; i += step) {
    const auto d = util::Date::parse(dates[i]);
    if (!d) continue;
    ticks.push_back({i, fmt::format("{} {}", kMonths[d->month() - 1], d->day())});
  }
  return ticks;
}

double x_at(const Rect& r, std::size_t i, std::size_t n) {
  if (n <= 1) return r.x + r.w / 2;
  return r.x + r.w * static_cast<double>(i) / static_cast<double>(n - 1);
}

double y_at(const Rect& r, const YScale& s, double v) { return r.y + r.h - r.h * (v / s.max); }

// "M x,y L x,y ..." skipping NaN values (each run of values is its own subpath).
std::string line_path(const Rect& r, const YScale& s, const std::vector<double>& values,
                      std::size_t n) {
  std::string d;
  bool pen_down = false;
  for (std::size_t i = 0; i < n && i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      pen_down = false;
      continue;
    }
    d += fmt::format("{}{},{}", pen_down ? " L" : (d.empty() ? "M" : " M"), num(x_at(r, i, n)),
                     num(y_at(r, s, values[i])));
    pen_down = true;
  }
  return d;
}

// Polygon between `top` and `bottom` over days where both are finite (gaps are bridged).
std::string band_path(const Rect& r, const YScale& s, const std::vector<double>& top,
                      const std::vector<double>& bottom, std::size_t n) {
  std::string d;
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < n && i < top.size() && i < bottom.size(); ++i) {
    if (std::isfinite(top[i]) && std::isfinite(bottom[i])) idx.push_back(i);
  }
  if (idx.empty()) return d;
  if (idx.size() == 1) {  // one day: a thin bar
    const double x = x_at(r, idx[0], n);
    return fmt::format("M{},{} L{},{} L{},{} L{},{} Z", num(x - 3), num(y_at(r, s, top[idx[0]])),
                       num(x + 3), num(y_at(r, s, top[idx[0]])), num(x + 3),
                       num(y_at(r, s, bottom[idx[0]])), num(x - 3),
                       num(y_at(r, s, bottom[idx[0]])));
  }
  for (std::size_t k = 0; k < idx.size(); ++k) {
    d += fmt::format("{}{},{}", k == 0 ? "M" : " L", num(x_at(r, idx[k], n)),
                     num(y_at(r, s, top[idx[k]])));
  }
  for (std::size_t k = idx.size(); k-- > 0;) {
    d += fmt::format(" L{},{}", num(x_at(r, idx[k], n)), num(y_at(r, s, bottom[idx[k]])));
  }
  return d + " Z";
}

// Spreads label positions apart (at least `gap` px), keeping them within [lo, hi].
void spread(std::vector<std::pair<double, std::string>>& labels, double gap, double lo, double hi) {
  std::sort(labels.begin(), labels.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 1; i < labels.size(); ++i) {
    labels[i].first = std::max(labels[i].first, labels[i - 1].first + gap);
  }
  if (!labels.empty() && labels.back().first > hi) {
    labels.back().first = hi;
    for (std::size_t i = labels.size() - 1; i-- > 0;) {
      labels[i].first = std::min(labels[i].first, labels[i + 1].first - gap);
    }
  }
  for (auto& l : labels) l.first = std::max(l.first, lo);
}

int last_finite(const std::vector<double>& v, std::size_t n) {
  for (std::size_t i = std::min(n, v.size()); i-- > 0;) {
    if (std::isfinite(v[i])) return static_cast<int>(i);
  }
  return -1;
}

void render_axes(std::string& out, const Chart& chart, const Rect& r, const YScale& s,
                 bool y_labels, bool x_labels) {
  // Horizontal grid and y ticks.
  // An integer tick counter: adding the step to a double would drift.
  for (int tick = 0;; ++tick) {
    const double v = tick * s.step;
    if (v > s.max + s.step * 1e-6) break;
    const double y = y_at(r, s, v);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#dddddd\"/>",
                       num(r.x), num(y), num(r.x + r.w), num(y));
    if (y_labels) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"middle\" "
          "fill=\"#444\">{}</text>",
          num(r.x - 6), num(y), format_tick(v, s.max));
    }
  }
  const std::size_t n = chart.dates.size();
  for (const XTick& t : x_ticks(chart.dates, r.w, chart.panels.size() > 1)) {
    const double x = x_at(r, t.index, n);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/>", num(x),
                       num(r.y + r.h), num(x), num(r.y + r.h + 4));
    if (x_labels) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#444\">{}</text>",
                         num(x), num(r.y + r.h + 17), escape_xml(t.label));
    }
  }
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/>", num(r.x),
                     num(r.y + r.h), num(r.x + r.w), num(r.y + r.h));
}

void render_no_data(std::string& out, const Rect& r) {
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#666\" font-style=\"italic\">"
      "no days in this result</text>",
      num(r.x + r.w / 2), num(r.y + r.h / 2));
}

void render_lines_panel(std::string& out, const Chart& chart, const ChartPanel& panel,
                        const Rect& r, const YScale& s, bool direct_labels) {
  const std::size_t n = chart.dates.size();
  // Bands first, under every line.
  for (const auto& series : panel.series) {
    if (series.low.empty() || series.high.empty()) continue;
    out += fmt::format("<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.2\" stroke=\"none\"/>",
                       band_path(r, s, series.high, series.low, n), style_of(series.style).colour);
  }
  std::vector<std::pair<double, std::string>> labels;
  for (const auto& series : panel.series) {
    const Style& st = style_of(series.style);
    const std::string_view colour = series.reference ? kReferenceColour : st.colour;
    const std::string_view dash = series.reference ? kReferenceDash : st.dash;
    const std::string d = line_path(r, s, series.values, n);
    if (!d.empty()) {
      out += fmt::format(
          "<path class=\"series\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
          "stroke-linejoin=\"round\"{}/>",
          d, colour, series.reference ? 1.5 : 2.2,
          dash.empty() ? std::string() : fmt::format(" stroke-dasharray=\"{}\"", dash));
      // A value with no neighbour (one day, or between gaps) shows as a dot.
      const auto& v = series.values;
      for (std::size_t i = 0; i < n && i < v.size(); ++i) {
        const bool alone = std::isfinite(v[i]) && (i == 0 || !std::isfinite(v[i - 1])) &&
                           (i + 1 >= v.size() || !std::isfinite(v[i + 1]));
        if (!alone) continue;
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"/>",
                           num(x_at(r, i, n)), num(y_at(r, s, v[i])), colour);
      }
    }
    const int last = last_finite(series.values, n);
    if (direct_labels && last >= 0) {
      labels.emplace_back(y_at(r, s, series.values[static_cast<std::size_t>(last)]), series.label);
    }
  }
  spread(labels, 14, r.y + 4, r.y + r.h);
  for (const auto& [y, text] : labels) {
    out += fmt::format(
        "<text class=\"direct-label\" x=\"{}\" y=\"{}\" dominant-baseline=\"middle\" "
        "fill=\"#222\">{}</text>",
        num(r.x + r.w + 8), num(y), escape_xml(text));
  }
}

void render_stacked_panel(std::string& out, const Chart& chart, const ChartPanel& panel,
                          const Rect& r, const YScale& s, bool direct_labels) {
  const std::size_t n = chart.dates.size();
  std::vector<double> below(n, 0.0);
  std::vector<std::pair<double, std::string>> labels;
  for (const auto& series : panel.series) {
    std::vector<double> above(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double v =
          i < series.values.size() && std::isfinite(series.values[i]) ? series.values[i] : 0.0;
      above[i] = below[i] + v;
    }
    out += fmt::format(
        "<path class=\"series\" d=\"{}\" fill=\"url(#{}-p{})\" stroke=\"{}\" "
        "stroke-width=\"1\"/>",
        band_path(r, s, above, below, n), chart.id, series.style, style_of(series.style).colour);
    if (direct_labels && n > 0) {
      labels.emplace_back(y_at(r, s, (above[n - 1] + below[n - 1]) / 2), series.label);
    }
    below = std::move(above);
  }
  spread(labels, 14, r.y + 4, r.y + r.h);
  for (const auto& [y, text] : labels) {
    out += fmt::format(
        "<text class=\"direct-label\" x=\"{}\" y=\"{}\" dominant-baseline=\"middle\" "
        "fill=\"#222\">{}</text>",
        num(r.x + r.w + 8), num(y), escape_xml(text));
  }
}

void render_timeline(std::string& out, const Chart& chart, const Rect& r) {
  const std::size_t n = chart.dates.size();
  constexpr double kRowHeight = 22;
  const double day_w = n == 0 ? 0 : r.w / static_cast<double>(n);
  for (std::size_t row = 0; row < chart.rows.size(); ++row) {
    const TimelineRow& tl = chart.rows[row];
    const double y = r.y + static_cast<double>(row) * kRowHeight;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
        num(r.x - 8), num(y + kRowHeight / 2), escape_xml(tl.label));
    std::size_t i = 0;
    while (i < n && i < tl.states.size()) {
      std::size_t j = i;
      while (j < tl.states.size() && j < n && tl.states[j] == tl.states[i]) ++j;
      if (tl.states[i] >= 0) {
        out += fmt::format(
            "<rect class=\"series\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
            "fill=\"url(#{}-p{})\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>",
            num(r.x + day_w * static_cast<double>(i)), num(y + 2),
            num(day_w * static_cast<double>(j - i)), num(kRowHeight - 4), chart.id, tl.states[i]);
      }
      i = j;
    }
  }
  for (const XTick& t : x_ticks(chart.dates, r.w)) {
    const double x = r.x + day_w * (static_cast<double>(t.index) + 0.5);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888\"/>"
        "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\" fill=\"#444\">{4}</text>",
        num(x), num(r.y + r.h), num(r.y + r.h + 4), num(r.y + r.h + 17), escape_xml(t.label));
  }
  out += fmt::format(
      "<line class=\"guide\" x1=\"0\" y1=\"{0}\" x2=\"0\" y2=\"{1}\" stroke=\"#555\" "
      "stroke-width=\"1\" visibility=\"hidden\"/>"
      "<rect class=\"hover\" data-panel=\"0\" data-mode=\"cells\" data-x0=\"{2}\" "
      "data-x1=\"{3}\" x=\"{2}\" y=\"{0}\" width=\"{4}\" height=\"{5}\" "
      "fill=\"transparent\"/>",
      num(r.y), num(r.y + r.h), num(r.x), num(r.x + r.w), num(r.w), num(r.h));
}

}  // namespace

std::size_t Chart::data_points() const {
  std::size_t count = 0;
  for (const auto& p : panels) {
    for (const auto& s : p.series) {
      for (double v : s.values) count += std::isfinite(v) ? 1 : 0;
    }
  }
  for (const auto& row : rows) {
    for (int st : row.states) count += st >= 0 ? 1 : 0;
  }
  return count;
}

std::string render_svg(const Chart& chart) {
  const std::vector<LegendItem> legend = legend_items(chart);
  const Geometry g = layout(chart, legend);
  std::string out;
  out.reserve(16384);
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{0}\" viewBox=\"0 0 {1} "
      "{2}\" width=\"{1}\" height=\"{2}\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" "
      "data-points=\"{3}\" font-family=\"{4}\" font-size=\"12\">",
      chart.id, num(kWidth), num(g.height), chart.data_points(), kFont);
  out += fmt::format("<title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>", chart.id,
                     escape_xml(chart.title), chart.id, escape_xml(chart.caption));
  out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>", num(kWidth),
                     num(g.height));
  std::size_t patterns = chart.kind == Chart::Kind::kTimeline ? chart.state_labels.size() : 0;
  if (chart.kind == Chart::Kind::kStacked && !chart.panels.empty()) {
    for (const auto& s : chart.panels.front().series) {
      patterns = std::max(patterns, static_cast<std::size_t>(s.style) + 1);
    }
  }
  if (chart.kind == Chart::Kind::kTimeline) {
    // Timeline states: open (plain light), reduced (hatched), closed (dark cross-hatch).
    out += fmt::format(
        "<defs><pattern id=\"{0}-p0\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
        "<rect width=\"8\" height=\"8\" fill=\"#cfe8d9\"/></pattern>"
        "<pattern id=\"{0}-p1\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
        "<rect width=\"8\" height=\"8\" fill=\"#f6d7a7\"/><path d=\"M-2,2 L2,-2 M0,8 L8,0 "
        "M6,10 L10,6\" stroke=\"#8a6100\" stroke-width=\"1.5\"/></pattern>"
        "<pattern id=\"{0}-p2\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
        "<rect width=\"8\" height=\"8\" fill=\"#a03c00\"/><path d=\"M0,0 L8,8 M8,0 L0,8\" "
        "stroke=\"#ffffff\" stroke-width=\"1.2\"/></pattern></defs>",
        chart.id);
  } else if (patterns > 0) {
    out += pattern_defs(chart.id, patterns);
  }
  render_legend(out, chart.id, legend, g);

  const bool empty = chart.data_points() == 0;
  if (chart.kind == Chart::Kind::kTimeline) {
    render_timeline(out, chart, g.panels.front());
    if (empty) render_no_data(out, g.panels.front());
  } else {
    double shared_max = 0;
    for (const auto& p : chart.panels) shared_max = std::max(shared_max, panel_max(chart, p));
    const bool multiples = chart.panels.size() > 1;
    const int columns = std::max(1, chart.columns);
    for (std::size_t i = 0; i < chart.panels.size(); ++i) {
      const ChartPanel& panel = chart.panels[i];
      const Rect& r = g.panels[i];
      const YScale s =
          y_scale_for(chart.shared_y ? shared_max : panel_max(chart, panel), multiples ? 3 : 5);
      const bool first_column = i % static_cast<std::size_t>(columns) == 0;
      render_axes(out, chart, r, s, !chart.shared_y || !multiples || first_column, true);
      if (multiples) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>", num(r.x),
                           num(r.y - 7), escape_xml(panel.label));
      }
      if (chart.kind == Chart::Kind::kStacked) {
        render_stacked_panel(out, chart, panel, r, s, !multiples);
      } else {
        render_lines_panel(out, chart, panel, r, s, !multiples);
      }
      if (empty) render_no_data(out, r);
      out += fmt::format(
          "<line class=\"guide\" x1=\"0\" y1=\"{0}\" x2=\"0\" y2=\"{1}\" stroke=\"#555\" "
          "stroke-width=\"1\" visibility=\"hidden\"/>"
          "<rect class=\"hover\" data-panel=\"{2}\" data-x0=\"{3}\" data-x1=\"{4}\" x=\"{3}\" "
          "y=\"{0}\" width=\"{5}\" height=\"{6}\" fill=\"transparent\"/>",
          num(r.y), num(r.y + r.h), i, num(r.x), num(r.x + r.w), num(r.w), num(r.h));
    }
  }
  // Axis titles.
  const Rect& first = g.panels.front();
  if (chart.kind != Chart::Kind::kTimeline) {
    double bottom = 0;
    double top = 1e9;
    for (const auto& r : g.panels) {
      bottom = std::max(bottom, r.y + r.h);
      top = std::min(top, r.y);
    }
    out += fmt::format(
        "<text transform=\"translate({},{}) rotate(-90)\" text-anchor=\"middle\" "
        "fill=\"#222\">{}</text>",
        num(18), num((top + bottom) / 2), escape_xml(chart.y_label));
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#222\">{}</text>",
                     num(first.x + (kWidth - kRightPlain - first.x) / 2), num(g.height - 10),
                     escape_xml(chart.x_label));
  out += "</svg>";
  return out;
}

std::string chart_data_json(const Chart& chart) {
  auto round2 = [](double v) -> nlohmann::json {
    if (!std::isfinite(v)) return nullptr;
    return std::round(v * 100.0) / 100.0;
  };
  nlohmann::json j;
  j["dates"] = chart.dates;
  j["stacked"] = chart.kind == Chart::Kind::kStacked;
  nlohmann::json& panels = j["panels"] = nlohmann::json::array();
  if (chart.kind == Chart::Kind::kTimeline) {
    nlohmann::json p;
    p["label"] = "";
    p["series"] = nlohmann::json::array();
    for (const auto& row : chart.rows) {
      nlohmann::json s;
      s["label"] = row.label;
      s["states"] = row.states;
      p["series"].push_back(std::move(s));
    }
    panels.push_back(std::move(p));
    j["state_labels"] = chart.state_labels;
    return j.dump();
  }
  for (const auto& panel : chart.panels) {
    nlohmann::json p;
    p["label"] = panel.label;
    p["series"] = nlohmann::json::array();
    for (const auto& series : panel.series) {
      nlohmann::json s;
      s["label"] = series.label;
      nlohmann::json& values = s["values"] = nlohmann::json::array();
      for (double v : series.values) values.push_back(round2(v));
      if (!series.low.empty()) {
        nlohmann::json& low = s["low"] = nlohmann::json::array();
        nlohmann::json& high = s["high"] = nlohmann::json::array();
        for (double v : series.low) low.push_back(round2(v));
        for (double v : series.high) high.push_back(round2(v));
      }
      p["series"].push_back(std::move(s));
    }
    panels.push_back(std::move(p));
  }
  return j.dump();
}

std::string_view chart_font() { return kFont; }
std::string_view palette_colour(int style) { return style_of(style).colour; }
std::string fill_pattern_defs(const std::string& id, std::size_t count) {
  return pattern_defs(id, count);
}
double tick_step(double max, int target) { return nice_step(max, target); }

}  // namespace bf::report
