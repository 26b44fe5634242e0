#include "report/html_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/text_escape.h"
#include "report_fixture.h"

namespace bf::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kCharts = {"encounters",    "encounters-by-sector", "custody",
                                          "held-over-72h", "dispositions",         "detention",
                                          "gotaways"};

TEST(Escape, XmlAndScript) {
  EXPECT_EQ(escape_xml("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(escape_script_json("\"</script>\""), "\"\\u003c/script>\"");
}

TEST(HtmlReport, ContainsEveryChartAndTheSummary) {
  testing::ResultFolder folder(30);
  const ResultData r = load_result_folder(folder.path());
  const std::string html = render_report_html(r, nullptr);
  for (const auto& id : kCharts) {
    EXPECT_THAT(html, HasSubstr("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" +
                                id + "\""))
        << id;
    EXPECT_THAT(html, HasSubstr("data-chart=\"" + id + "\"")) << id;
  }
  // Ports are not modelled yet: a placeholder says so.
  EXPECT_THAT(html, HasSubstr("data-placeholder=\"ports\""));
  EXPECT_THAT(html, HasSubstr("no port-of-entry outputs"));
  // Summary: totals and peaks with dates (encounters 100..390, peak on the 30th).
  EXPECT_THAT(html, HasSubstr("<th scope=\"row\">peak encounters in a day</th>"
                              "<td class=\"num\">390</td><td>2024-01-30</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">7,350</td>"));  // total encounters
  EXPECT_THAT(html, HasSubstr("12.50"));                         // mean TIC from summary.json
  // Self-contained: no external resources (the SVG namespace is a name, not a fetch).
  std::string stripped = html;
  for (std::size_t at;
       (at = stripped.find("xmlns=\"http://www.w3.org/2000/svg\"")) != std::string::npos;) {
    stripped.erase(at, 34);
  }
  EXPECT_THAT(stripped, Not(HasSubstr("http://")));
  EXPECT_THAT(stripped, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, HasSubstr("@media print"));
  EXPECT_LT(html.size(), 200000u);
}

TEST(HtmlReport, EscapesTextFromTheFolder) {
  testing::ResultFolder folder(2, "<script>alert(1)</script> & Tom's");
  const std::string html = render_report_html(load_result_folder(folder.path()), nullptr);
  EXPECT_THAT(html, Not(HasSubstr("<script>alert(1)")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Tom&#39;s"));
}

TEST(HtmlReport, OneDayAndEmptyFolders) {
  testing::ResultFolder one(1);
  const std::string html = render_report_html(load_result_folder(one.path()), nullptr);
  for (const auto& id : kCharts) EXPECT_THAT(html, HasSubstr("id=\"" + id + "\"")) << id;
  EXPECT_THAT(html, HasSubstr("<circle"));  // a single day is a dot

  testing::ResultFolder empty(0);
  const std::string none = render_report_html(load_result_folder(empty.path()), nullptr);
  EXPECT_THAT(none, HasSubstr("no days in this result"));
  EXPECT_THAT(none, Not(HasSubstr("nan,")));
  EXPECT_THAT(none, Not(HasSubstr("NaN")));
}

TEST(HtmlReport, ComparisonOfTwoRuns) {
  testing::ResultFolder a(10, "base");
  testing::ResultFolder b(12, "more agents");
  const ResultData ra = load_result_folder(a.path());
  const ResultData rb = load_result_folder(b.path());
  const std::string html = render_report_html(ra, &rb);
  EXPECT_THAT(html, HasSubstr("borderflow comparison: base vs more agents"));
  EXPECT_THAT(html, HasSubstr(">Run B</th>"));
  EXPECT_THAT(html, HasSubstr("B &minus; A"));
  for (const auto& id : kCharts) EXPECT_THAT(html, HasSubstr("id=\"" + id + "\"")) << id;
  EXPECT_THAT(html, HasSubstr("\"label\":\"Run B\""));
  // The levers' outputs: the fixture has one removal a day and nobody waiting for a bed, so
  // only the removals panel is shown.
  EXPECT_THAT(html, HasSubstr("id=\"lever-outputs\""));
  EXPECT_THAT(html, HasSubstr("removals by flight"));
  EXPECT_THAT(html, Not(HasSubstr("waiting in custody for a detention bed")));
  // A single run's report has no such chart.
  EXPECT_THAT(render_report_html(ra, nullptr), Not(HasSubstr("id=\"lever-outputs\"")));
}

TEST(HtmlReport, PortOutputsWhenPresent) {
  // The columns of port_days.csv (output/day_columns.h), two modes.
  testing::ResultFolder folder(3);
  testing::write(folder.path() / "port_days.csv",
                 "date,crossing,truck_lanes_open,truck_closed,passenger_vehicle_lanes_open,"
                 "passenger_vehicle_closed,truck_hours_delay,freight_delayed_usd\n"
                 "2024-01-01,eagle_pass_camino_real,4,0,6,0,0,0\n"
                 "2024-01-01,lukeville,2,0,2,0,0,0\n"
                 "2024-01-02,eagle_pass_camino_real,0,1,0,1,50,1000000\n"
                 "2024-01-02,lukeville,2,0,2,0,0,0\n"
                 "2024-01-03,eagle_pass_camino_real,2,0,6,0,5,500\n"
                 "2024-01-03,lukeville,2,0,0,1,0,0\n");
  const std::string html = render_report_html(load_result_folder(folder.path()), nullptr);
  EXPECT_THAT(html, Not(HasSubstr("data-placeholder=\"port")));
  EXPECT_THAT(html, HasSubstr("id=\"port-status\""));
  EXPECT_THAT(html, HasSubstr(">Eagle Pass Camino Real</text>"));
  EXPECT_THAT(html, HasSubstr("id=\"port-lanes\""));
  EXPECT_THAT(html, HasSubstr("id=\"port-trade\""));
  EXPECT_THAT(html, HasSubstr(">US dollars per day</text>"));
  // Eagle Pass: open, closed, reduced; Lukeville: open, open, reduced (a mode closed).
  EXPECT_THAT(html, HasSubstr("\"states\":[0,2,1]"));
  EXPECT_THAT(html, HasSubstr("\"states\":[0,0,1]"));
  EXPECT_THAT(html, HasSubstr("\"values\":[0.0,1000000.0,500.0]"));
}

// reference_days.csv (the arrival table's level, published monthly encounters for a calibrated
// table) becomes a dashed reference line of the encounters chart; without it there is none.
TEST(HtmlReport, PublishedLevelBesideSimulatedEncounters) {
  testing::ResultFolder folder(3);
  EXPECT_THAT(render_report_html(load_result_folder(folder.path()), nullptr),
              Not(HasSubstr("published monthly level")));
  testing::write(folder.path() / "reference_days.csv",
                 "date,arrival_table_encounters\n"
                 "2024-01-01,115.50\n2024-01-02,115.50\n2024-01-03,115.50\n");
  const std::string html = render_report_html(load_result_folder(folder.path()), nullptr);
  EXPECT_THAT(html, HasSubstr("published monthly level"));
  EXPECT_THAT(html, HasSubstr("\"values\":[115.5,115.5,115.5]"));
  EXPECT_THAT(html, HasSubstr("the published monthly total per day"));
}

TEST(HtmlReport, EnsembleFolderShowsBands) {
  // An ensemble result (src/ensemble): ensemble_days.csv and no days.csv or sector_days.csv.
  testing::ResultFolder folder(0);
  std::filesystem::remove(folder.path() / "days.csv");
  std::filesystem::remove(folder.path() / "sector_days.csv");
  testing::write(folder.path() / "ensemble_days.csv",
                 "point,date,output,mean,p5,p50,p95\n"
                 "0,2024-01-01,encounters,10,8,9,12\n0,2024-01-01,in_custody,5,4,5,6\n"
                 "0,2024-01-02,encounters,11,9,10,14\n0,2024-01-02,in_custody,6,5,6,7\n");
  testing::write(folder.path() / "summary.json",
                 "{\"provenance\": {\"scenario_name\": \"ens\", \"ensemble_fingerprint\": "
                 "\"f00d\"}, \"replications\": 20}\n");
  const std::string html = render_report_html(load_result_folder(folder.path()), nullptr);
  EXPECT_THAT(html, HasSubstr("borderflow report: ens"));
  EXPECT_THAT(html, HasSubstr("<dt>replications</dt><dd>20</dd>"));
  EXPECT_THAT(html, HasSubstr("5th-95th percentile band"));
  EXPECT_THAT(html, HasSubstr("\"low\":[8.0,9.0]"));
  EXPECT_THAT(html, HasSubstr("data-placeholder=\"encounters-by-sector\""));
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">21</td>"));  // total of the mean line
}

TEST(Figures, OneSvgFilePerChart) {
  testing::ResultFolder folder(5);
  const ResultData r = load_result_folder(folder.path());
  const auto dir = folder.path() / "figures";
  const auto files = write_figures(build_charts(r, nullptr), dir);
  ASSERT_EQ(files.size(), kCharts.size());
  for (const auto& id : kCharts) {
    std::ifstream in(dir / (id + ".svg"));
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_THAT(text.str(), HasSubstr("<?xml version=\"1.0\"")) << id;
    EXPECT_THAT(text.str(), HasSubstr("</svg>")) << id;
  }
}

TEST(Figures, WriteReportFileFailsClearly) {
  testing::ResultFolder folder(1);
  const ResultData r = load_result_folder(folder.path());
  try {
    write_report_file(r, nullptr, folder.path() / "no" / "such" / "report.html");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot write"));
  }
}

}  // namespace
}  // namespace bf::report
