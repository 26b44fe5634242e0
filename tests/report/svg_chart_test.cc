#include "report/svg_chart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace bf::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Chart two_lines() {
  Chart c;
  c.id = "t";
  c.title = "A <title> & more";
  c.y_label = "people";
  c.caption = "caption";
  c.dates = {"2024-01-01", "2024-01-02", "2024-01-03"};
  ChartSeries a{"alpha", {1, 2, 3}, {}, {}, 0, false};
  ChartSeries b{"beta", {3, NAN, 1}, {}, {}, 1, false};
  c.panels.push_back({"", {a, b}});
  return c;
}

TEST(SvgChart, StandaloneWithTitleLegendAndAxes) {
  const std::string svg = render_svg(two_lines());
  EXPECT_THAT(svg, HasSubstr("xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_THAT(svg, HasSubstr("<title id=\"t-title\">A &lt;title&gt; &amp; more</title>"));
  EXPECT_THAT(svg, HasSubstr("data-points=\"5\""));
  EXPECT_THAT(svg, HasSubstr(">alpha</text>"));
  EXPECT_THAT(svg, HasSubstr(">people</text>"));
  EXPECT_THAT(svg, HasSubstr(">Date</text>"));
  EXPECT_THAT(svg, HasSubstr("stroke-dasharray=\"7 3\""));  // second series is dashed
  EXPECT_THAT(svg, HasSubstr("class=\"hover\""));
  EXPECT_THAT(svg, Not(HasSubstr("nan,")));
  EXPECT_THAT(svg, Not(HasSubstr(",nan")));
}

TEST(SvgChart, GapsSplitTheLine) {
  const std::string svg = render_svg(two_lines());
  // beta: a point, a gap, a point -> two subpaths, and each lone point is a dot.
  EXPECT_THAT(svg, HasSubstr("M72.0,44.0 M800.0,210.7"));
  EXPECT_THAT(svg, HasSubstr("<circle cx=\"800.0\" cy=\"210.7\""));
}

TEST(SvgChart, EmptyChartSaysSo) {
  Chart c = two_lines();
  c.dates.clear();
  for (auto& s : c.panels[0].series) s.values.clear();
  EXPECT_EQ(c.data_points(), 0u);
  EXPECT_THAT(render_svg(c), HasSubstr("no days in this result"));
}

TEST(SvgChart, StackedUsesPatterns) {
  Chart c = two_lines();
  c.kind = Chart::Kind::kStacked;
  const std::string svg = render_svg(c);
  EXPECT_THAT(svg, HasSubstr("<pattern id=\"t-p1\""));
  EXPECT_THAT(svg, HasSubstr("fill=\"url(#t-p1)\""));
}

TEST(SvgChart, BandsAndTooltipData) {
  Chart c = two_lines();
  c.panels[0].series[0].low = {0.5, 1.5, 2.5};
  c.panels[0].series[0].high = {1.5, 2.5, 3.5};
  EXPECT_THAT(render_svg(c), HasSubstr("5th-95th percentile band"));
  const std::string json = chart_data_json(c);
  EXPECT_THAT(json, HasSubstr("\"low\":[0.5,1.5,2.5]"));
  EXPECT_THAT(json, HasSubstr("\"values\":[3.0,null,1.0]"));
}

TEST(SvgChart, Timeline) {
  Chart c;
  c.id = "ports";
  c.kind = Chart::Kind::kTimeline;
  c.dates = {"2024-01-01", "2024-01-02"};
  c.state_labels = {"open", "reduced", "closed"};
  c.rows = {{"Eagle Pass", {0, 2}}};
  const std::string svg = render_svg(c);
  EXPECT_THAT(svg, HasSubstr(">Eagle Pass</text>"));
  EXPECT_THAT(svg, HasSubstr("url(#ports-p2)"));
  EXPECT_EQ(c.data_points(), 2u);
}

}  // namespace
}  // namespace bf::report
