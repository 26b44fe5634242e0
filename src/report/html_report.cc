#include "report/html_report.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "report/report_columns.h"
#include "report/text_escape.h"

namespace bf::report {
namespace {

std::string json_text(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object() || !j.contains(key)) return "";
  const auto& v = j[std::string(key)];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// The scenario's name: provenance.scenario (a run) or provenance.scenario_name (an ensemble).
std::string scenario_of(const ResultData& r) {
  const nlohmann::json prov = r.summary.value("provenance", nlohmann::json::object());
  const std::string name = json_text(prov, "scenario");
  return name.empty() ? json_text(prov, "scenario_name") : name;
}

// Provenance lines for the header.
std::string provenance_html(const ResultData& r, std::string_view label) {
  const nlohmann::json prov = r.summary.value("provenance", nlohmann::json::object());
  const nlohmann::json period = r.summary.value("period", nlohmann::json::object());
  std::string out = "<dl class=\"provenance\">";
  auto item = [&out](std::string_view term, const std::string& value) {
    if (value.empty()) return;
    out += fmt::format("<dt>{}</dt><dd>{}</dd>", escape_xml(term), escape_xml(value));
  };
  if (!label.empty()) {
    // Only a comparison names folders: a run's own report stays byte-identical wherever the
    // run was written.
    item("run", std::string(label));
    item("folder", r.folder.string());
  }
  item("scenario", scenario_of(r));
  item("scenario file", json_text(prov, "scenario_file"));
  const std::string first = json_text(period, "first_date");
  const std::string last = json_text(period, "last_date");
  if (!first.empty()) {
    item("period",
         fmt::format("{} to {} ({} days)", first, last, json_text(period, "days_observed")));
  }
  item("seed", json_text(prov, "seed"));
  item("replications", json_text(r.summary, "replications"));
  if (r.ensemble && !r.point.empty()) item("sweep point shown", r.point);
  item("borderflow", json_text(prov, "version"));
  item("fingerprint", json_text(prov, "fingerprint"));
  item("ensemble fingerprint", json_text(prov, "ensemble_fingerprint"));
  out += "</dl>";
  return out;
}

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial,
  sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1000px;
  padding: 16px 20px 40px; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { font-size: 1.2em; margin: 0 0 0.2em; }
.lede { color: #444; margin: 0 0 0.8em; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  font-size: 0.85em; color: #333; margin: 0.4em 0 1em; }
dl.provenance dt { font-weight: 600; } dl.provenance dd { margin: 0; word-break: break-all; }
.runs { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
nav ol { columns: 2; font-size: 0.9em; padding-left: 1.4em; margin: 0.3em 0 1em; }
table.summary { border-collapse: collapse; min-width: 60%; font-size: 0.92em;
  font-variant-numeric: tabular-nums; }
table.summary th, table.summary td { padding: 3px 8px; border-bottom: 1px solid #ddd; }
table.summary thead th { text-align: left; background: #f3f3f3; }
table.summary tbody th { text-align: left; font-weight: normal; }
table.summary td.num, table.summary th.num { text-align: right; white-space: nowrap; }
.summary-grid { display: grid; grid-template-columns: 1fr 1.3fr; gap: 24px; align-items: start; }
.summary-grid table.summary { min-width: 0; width: 100%; }
table.summary caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.summary tr.group th { font-weight: 600; border-bottom: 2px solid #999; padding-top: 10px; }
figure.chart-figure { margin: 26px 0 0; padding-top: 12px; border-top: 1px solid #ddd; }
figure.chart-figure svg { width: 100%; height: auto; display: block; }
figcaption { color: #333; margin: 0 0 6px; }
.placeholder { border: 2px dashed #999; padding: 18px; color: #333; background: #fafafa; }
#tooltip { position: absolute; pointer-events: none; background: #fff; border: 1px solid #333;
  border-radius: 4px; padding: 6px 8px; font-size: 13px; box-shadow: 0 2px 6px rgba(0,0,0,.25);
  max-width: 320px; z-index: 10; font-variant-numeric: tabular-nums; }
footer { margin-top: 30px; font-size: 0.85em; color: #555; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, #tooltip { display: none !important; }
  figure.chart-figure, table.summary, .placeholder { break-inside: avoid; }
  figure.chart-figure { border-top: none; }
  .guide { display: none; }
}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var tip = document.getElementById('tooltip');
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function fmt(v) {
    return v === null || v === undefined ? '\u2013' :
        v.toLocaleString('en-US', {maximumFractionDigits: 2});
  }
  document.querySelectorAll('script.chart-data').forEach(function (el) {
    var data = JSON.parse(el.textContent);
    var svg = document.getElementById(el.getAttribute('data-chart'));
    if (!svg) return;
    var n = data.dates.length;
    svg.querySelectorAll('rect.hover').forEach(function (rect) {
      var panel = data.panels[+rect.getAttribute('data-panel')] || data.panels[0];
      var guide = rect.previousElementSibling;
      var x0 = +rect.getAttribute('data-x0'), x1 = +rect.getAttribute('data-x1');
      var cells = rect.getAttribute('data-mode') === 'cells';
      function show(evt) {
        if (!n || !panel) return;
        var pt = svg.createSVGPoint();
        pt.x = evt.clientX; pt.y = evt.clientY;
        var p = pt.matrixTransform(svg.getScreenCTM().inverse());
        var f = (p.x - x0) / (x1 - x0);
        var i = cells ? Math.floor(f * n) : (n <= 1 ? 0 : Math.round(f * (n - 1)));
        i = Math.max(0, Math.min(n - 1, i));
        var gx = cells ? x0 + (i + 0.5) * (x1 - x0) / n
                       : (n <= 1 ? (x0 + x1) / 2 : x0 + i * (x1 - x0) / (n - 1));
        guide.setAttribute('x1', gx); guide.setAttribute('x2', gx);
        guide.setAttribute('visibility', 'visible');
        var html = '<strong>' + esc(data.dates[i]) + (panel.label ? ' \u00b7 ' + esc(panel.label) : '') +
            '</strong>';
        var total = 0;
        panel.series.forEach(function (s) {
          var v;
          if (s.states) {
            v = s.states[i] >= 0 ? data.state_labels[s.states[i]] : '\u2013';
          } else {
            v = fmt(s.values[i]);
            if (s.low) v += ' (' + fmt(s.low[i]) + '\u2013' + fmt(s.high[i]) + ')';
            if (s.values[i] !== null) total += s.values[i];
          }
          html += '<br>' + esc(s.label) + ': ' + esc(v);
        });
        if (data.stacked) html += '<br><em>total: ' + fmt(total) + '</em>';
        tip.innerHTML = html;
        tip.hidden = false;
        var left = evt.pageX + 14;
        if (evt.clientX + 300 > window.innerWidth) left = evt.pageX - 14 - tip.offsetWidth;
        tip.style.left = left + 'px';
        tip.style.top = (evt.pageY + 14) + 'px';
      }
      rect.addEventListener('mousemove', show);
      rect.addEventListener('mouseenter', show);
      rect.addEventListener('mouseleave', function () {
        tip.hidden = true;
        guide.setAttribute('visibility', 'hidden');
      });
    });
  });
})();
)js";

const SummaryRow* find_row(const std::vector<SummaryRow>& rows, const std::string& measure) {
  for (const auto& r : rows) {
    if (r.measure == measure) return &r;
  }
  return nullptr;
}

// One run: totals and peaks side by side.
std::string summary_tables(const ResultData& a) {
  const auto rows = summary_rows(a);
  std::string totals =
      "<table class=\"summary\"><caption>Totals over the run</caption><thead><tr>"
      "<th scope=\"col\">Measure</th><th scope=\"col\" class=\"num\">Total</th></tr></thead>"
      "<tbody>";
  std::string peaks =
      "<table class=\"summary\"><caption>Peaks (end of day; flows: in a day)</caption><thead>"
      "<tr><th scope=\"col\">Measure</th><th scope=\"col\" class=\"num\">Value</th>"
      "<th scope=\"col\">Date of peak</th></tr></thead><tbody>";
  for (const SummaryRow& r : rows) {
    const std::string value = r.available ? format_grouped(r.value) : std::string("&ndash;");
    if (r.measure.starts_with("peak")) {
      peaks += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td></tr>",
                           escape_xml(r.measure), value, escape_xml(r.date));
    } else {
      totals += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
                            escape_xml(r.measure), value);
    }
  }
  return "<div class=\"summary-grid\">" + totals + "</tbody></table>" + peaks +
         "</tbody></table></div>";
}

std::string summary_table(const ResultData& a, const ResultData* b) {
  if (!b) return summary_tables(a);
  const auto rows_a = summary_rows(a);
  const auto rows_b = b ? summary_rows(*b) : std::vector<SummaryRow>{};
  std::string out = "<table class=\"summary\"><thead><tr><th scope=\"col\">Measure</th>";
  if (b) {
    out +=
        "<th scope=\"col\" class=\"num\">Run A</th><th scope=\"col\">A date</th>"
        "<th scope=\"col\" class=\"num\">Run B</th><th scope=\"col\">B date</th>"
        "<th scope=\"col\" class=\"num\">B &minus; A</th><th scope=\"col\" class=\"num\">"
        "change</th>";
  } else {
    out += "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Date of peak</th>";
  }
  out += "</tr></thead><tbody>";
  auto cell = [](const SummaryRow* r) {
    if (!r || !r->available) return std::string("<td class=\"num\">&ndash;</td><td></td>");
    return fmt::format("<td class=\"num\">{}</td><td>{}</td>", format_grouped(r->value),
                       escape_xml(r->date));
  };
  const int span = b ? 7 : 3;
  std::string group;
  for (const SummaryRow& ra : rows_a) {
    const std::string g =
        ra.measure.starts_with("peak") ? "Peaks (end of day unless a flow)" : "Totals over the run";
    if (g != group) {
      group = g;
      out += fmt::format("<tr class=\"group\"><th colspan=\"{}\">{}</th></tr>", span,
                         escape_xml(group));
    }
    out += fmt::format("<tr><th scope=\"row\">{}</th>{}", escape_xml(ra.measure), cell(&ra));
    if (b) {
      const SummaryRow* rb = find_row(rows_b, ra.measure);
      out += cell(rb);
      if (rb && rb->available && ra.available) {
        const double diff = rb->value - ra.value;
        out +=
            fmt::format("<td class=\"num\">{}{}</td>", diff > 0 ? "+" : "", format_grouped(diff));
        out += ra.value != 0 ? fmt::format("<td class=\"num\">{:+.1f}%</td>",
                                           100.0 * diff / std::abs(ra.value))
                             : std::string("<td class=\"num\">&ndash;</td>");
      } else {
        out += "<td class=\"num\">&ndash;</td><td class=\"num\">&ndash;</td>";
      }
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  return out;
}

}  // namespace

std::vector<SummaryRow> summary_rows(const ResultData& run) {
  std::vector<SummaryRow> rows;
  auto total = [&](const std::string& measure, const std::string& column) {
    SummaryRow row;
    row.measure = measure;
    if (const auto s = run.days.series(column)) {
      row.available = true;
      for (double v : *s->line) row.value += std::isfinite(v) ? v : 0.0;
    }
    rows.push_back(row);
  };
  auto peak = [&](const std::string& measure, const std::string& column) {
    SummaryRow row;
    row.measure = measure;
    if (const auto s = run.days.series(column)) {
      for (std::size_t i = 0; i < s->line->size(); ++i) {
        const double v = (*s->line)[i];
        if (std::isfinite(v) && (!row.available || v > row.value)) {
          row.available = true;
          row.value = v;
          row.date = run.days.dates()[i];
        }
      }
    }
    rows.push_back(row);
  };
  total("crossings", days_column("crossings"));
  total("encounters", days_column("encounters"));
  total("gotaways", days_column("gotaways"));
  total("processed", days_column("processed"));
  total("returned to Mexico", days_column("returned_to_mexico"));
  total("transferred to ICE", days_column("transferred_to_ice"));
  total("released (NTA/parole)", days_column("released"));
  total("transferred to ORR", days_column("transferred_to_orr"));
  total("removals", days_column("removals"));
  {
    SummaryRow row;
    row.measure = "mean time in custody (hours)";
    const nlohmann::json means = run.summary.value("means", nlohmann::json::object());
    if (means.is_object() && means.contains("tic_hours") && means["tic_hours"].is_number()) {
      row.available = true;
      row.value = std::round(means["tic_hours"].get<double>() * 100.0) / 100.0;
    }
    rows.push_back(row);
  }
  peak("peak encounters in a day", days_column("encounters"));
  peak("peak in custody", days_column("in_custody"));
  peak("peak over capacity", days_column("over_capacity"));
  peak("peak held over 72 h", days_column("held_over_72h"));
  peak("peak gotaways in a day", days_column("gotaways"));
  peak("peak ICE detention population", days_column("detention_population"));
  peak("peak waiting for a detention bed", days_column("awaiting_detention_bed"));
  return rows;
}

std::string render_report_html(const ResultData& a, const ResultData* b) {
  const std::vector<ReportChart> charts = build_charts(a, b);
  const std::string scenario_a = scenario_of(a);
  std::string title = b ? "borderflow comparison" : "borderflow report";
  if (!scenario_a.empty()) title += ": " + scenario_a;
  if (b) {
    const std::string scenario_b = scenario_of(*b);
    title += " vs " + (scenario_b.empty() ? b->folder.filename().string() : scenario_b);
  }

  std::string out;
  out.reserve(1 << 20);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"borderflow report\">\n";
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", escape_xml(title),
                     kStyle);
  out += fmt::format("<header>\n<h1>{}</h1>\n", escape_xml(title));
  out +=
      "<p class=\"lede\">Simulated migration flows and their processing at the US&ndash;Mexico "
      "border. Hover a chart to read the values of a day.</p>\n";
  if (b) {
    out += "<div class=\"runs\">" + provenance_html(a, "A (solid lines)") +
           provenance_html(*b, "B (dashed lines)") + "</div>\n";
  } else {
    out += provenance_html(a, "") + "\n";
  }
  out += "</header>\n<nav aria-label=\"Contents\"><ol><li><a href=\"#summary\">Summary</a></li>";
  for (const auto& rc : charts) {
    out +=
        fmt::format("<li><a href=\"#fig-{}\">{}</a></li>", rc.chart.id, escape_xml(rc.chart.title));
  }
  out += "</ol></nav>\n<section id=\"summary\">\n<h2>Summary</h2>\n";
  out += summary_table(a, b);
  out += "\n</section>\n";
  for (const auto& rc : charts) {
    out += fmt::format("<figure class=\"chart-figure\" id=\"fig-{}\">\n<h2>{}</h2>\n", rc.chart.id,
                       escape_xml(rc.chart.title));
    if (!rc.placeholder.empty()) {
      out += fmt::format("<p class=\"placeholder\" data-placeholder=\"{}\">{}</p>\n</figure>\n",
                         rc.chart.id, escape_xml(rc.placeholder));
      continue;
    }
    out += fmt::format("<figcaption>{}</figcaption>\n", escape_xml(rc.chart.caption));
    out += render_svg(rc.chart);
    out += fmt::format(
        "\n<script type=\"application/json\" class=\"chart-data\" "
        "data-chart=\"{}\">{}</script>\n</figure>\n",
        rc.chart.id, escape_script_json(chart_data_json(rc.chart)));
  }
  out += "<footer>Made by borderflow from the files of the result folder";
  out += b ? "s" : "";
  out +=
      " (days.csv, sector_days.csv, summary.json). Every chart distinguishes its series by "
      "line dash or fill pattern as well as colour; lines are labelled at their right end."
      "</footer>\n";
  out += "<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n";
  out += fmt::format("<script>{}</script>\n</body>\n</html>\n", kScript);
  return out;
}

void write_report_file(const ResultData& a, const ResultData* b,
                       const std::filesystem::path& file) {
  const std::string html = render_report_html(a, b);
  std::filesystem::path temp = file;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out << html;
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw std::runtime_error("cannot write " + file.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw std::runtime_error(fmt::format("cannot write {}: {}", file.string(), ec.message()));
  }
}

std::vector<std::filesystem::path> write_figures(const std::vector<ReportChart>& charts,
                                                 const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
  std::vector<std::filesystem::path> written;
  for (const auto& rc : charts) {
    if (!rc.placeholder.empty()) continue;
    const auto path = dir / (rc.chart.id + ".svg");
    std::ofstream out(path, std::ios::binary);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << render_svg(rc.chart) << "\n";
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  }
  return written;
}

}  // namespace bf::report
