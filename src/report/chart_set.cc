#include "report/chart_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "report/report_columns.h"

namespace bf::report {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// The dates of the x axis: a's days, or the union of a's and b's.
std::vector<std::string> axis_dates(const ResultData& a, const ResultData* b) {
  std::set<std::string> all(a.days.dates().begin(), a.days.dates().end());
  if (b) all.insert(b->days.dates().begin(), b->days.dates().end());
  return {all.begin(), all.end()};
}

std::vector<double> aligned(const DayTable& table, const std::vector<double>& column,
                            const std::vector<std::string>& axis) {
  if (table.dates() == axis) return column;
  std::map<std::string, double> by_date;
  for (std::size_t i = 0; i < table.size(); ++i) by_date[table.dates()[i]] = column[i];
  std::vector<double> out(axis.size(), kMissing);
  for (std::size_t i = 0; i < axis.size(); ++i) {
    auto it = by_date.find(axis[i]);
    if (it != by_date.end()) out[i] = it->second;
  }
  return out;
}

// The series `column` of `table` (with its band, if any); nullopt if the table lacks it.
std::optional<ChartSeries> series_of(const DayTable& table, const std::string& column,
                                     const std::string& label, int style,
                                     const std::vector<std::string>& axis) {
  const auto view = table.series(column);
  if (!view) return std::nullopt;
  ChartSeries s;
  s.label = label;
  s.style = style;
  s.values = aligned(table, *view->line, axis);
  if (view->low) {
    s.low = aligned(table, *view->low, axis);
    s.high = aligned(table, *view->high, axis);
  }
  return s;
}

void add(std::vector<ChartSeries>& out, std::optional<ChartSeries> s, bool reference = false) {
  if (!s) return;
  s->reference = reference;
  out.push_back(std::move(*s));
}

ReportChart lines(const std::string& id, const std::string& title, const std::string& y_label,
                  const std::string& caption, const std::vector<std::string>& axis,
                  std::vector<ChartSeries> series, const std::string& missing) {
  ReportChart rc;
  rc.chart.id = id;
  rc.chart.title = title;
  rc.chart.y_label = y_label;
  rc.chart.caption = caption;
  rc.chart.dates = axis;
  if (series.empty()) {
    rc.placeholder = missing;
    return rc;
  }
  rc.chart.panels.push_back({"", std::move(series)});
  return rc;
}

// The day table of `key` in a grouped table, or nullptr.
const DayTable* group(const GroupedTable& g, const std::string& key) {
  for (std::size_t i = 0; i < g.keys.size(); ++i) {
    if (g.keys[i] == key) return &g.tables[i];
  }
  return nullptr;
}

ReportChart by_sector(const ResultData& a, const ResultData* b,
                      const std::vector<std::string>& axis) {
  ReportChart rc;
  Chart& c = rc.chart;
  c.id = "encounters-by-sector";
  c.title = "Encounters per day by Border Patrol sector";
  c.y_label = "encounters per day";
  c.caption = b ? "Daily Border Patrol encounters in each sector, west to east, run A (solid) "
                  "against run B (dashed), all panels on one scale."
                : "Daily Border Patrol encounters in each of the Southwest sectors, west to east, "
                  "all panels on one scale.";
  c.dates = axis;
  c.columns = 3;
  std::vector<std::string> keys = a.sectors.keys;
  if (b) {
    for (const auto& k : b->sectors.keys) {
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
  }
  for (const auto& key : keys) {
    ChartPanel panel;
    panel.label = display_name(key);
    if (const DayTable* t = group(a.sectors, key)) {
      add(panel.series,
          series_of(*t, sector_column("encounters"), b ? "Run A" : "encounters", 0, axis));
    }
    if (b) {
      if (const DayTable* t = group(b->sectors, key)) {
        add(panel.series, series_of(*t, sector_column("encounters"), "Run B", 1, axis));
      }
    }
    if (!panel.series.empty()) c.panels.push_back(std::move(panel));
  }
  if (keys.empty()) {
    rc.placeholder =
        "This result has no per-sector table (sector_days.csv): ensemble results give "
        "Southwest totals only.";
  } else if (c.panels.empty()) {
    rc.placeholder = "sector_days.csv has no encounters column.";
  }
  return rc;
}

// Lanes open per port per day -> 0 open, 1 reduced, 2 closed.
std::vector<ReportChart> port_charts(const ResultData& a, const ResultData* b,
                                     const std::vector<std::string>& axis) {
  std::vector<ReportChart> out;
  const std::string title = "Ports of entry: status, lanes open and trade delayed";
  if (!a.ports) {
    ReportChart rc;
    rc.chart.id = "ports";
    rc.chart.title = title;
    rc.placeholder =
        "This result has no port-of-entry outputs (no port_days.csv): this version of the model "
        "does not simulate ports of entry, so there are no lane closures or trade delays to show.";
    out.push_back(std::move(rc));
    return out;
  }
  const GroupedTable& ports = *a.ports;
  auto summed = [&](const GroupedTable& g, auto match) {
    std::vector<double> total(axis.size(), kMissing);
    bool any = false;
    for (const DayTable& t : g.tables) {
      for (const auto& name : t.column_names()) {
        if (!match(name)) continue;
        const auto v = aligned(t, *t.column(name), axis);
        for (std::size_t i = 0; i < axis.size(); ++i) {
          if (!std::isfinite(v[i])) continue;
          total[i] = (std::isfinite(total[i]) ? total[i] : 0.0) + v[i];
          any = true;
        }
      }
    }
    return any ? total : std::vector<double>{};
  };
  auto is_stat = [](const std::string& n) {
    return n.ends_with("_p5") || n.ends_with("_p50") || n.ends_with("_p95") || n.ends_with("_mean");
  };
  // port_days.csv (output/day_columns.h) has <mode>_lanes_open and <mode>_closed per mode.
  auto lanes_open = [&](const std::string& n) {
    return n.find("lanes_open") != std::string::npos && !is_stat(n);
  };
  auto closed = [&](const std::string& n) { return n.ends_with("_closed") && !is_stat(n); };
  auto lanes_total = [&](const std::string& n) {
    return (n == "lanes" || n.starts_with("lanes_total")) && !is_stat(n);
  };
  std::string delay_column;
  for (const DayTable& t : ports.tables) {
    for (const auto& n : t.column_names()) {
      if (n.find("delay") == std::string::npos || is_stat(n)) continue;
      const bool dollars = n.find("usd") != std::string::npos ||
                           n.find("dollar") != std::string::npos ||
                           n.find("value") != std::string::npos;
      if (delay_column.empty() || dollars) delay_column = n;
      if (dollars) break;
    }
    if (!delay_column.empty()) break;
  }

  // Status timeline.
  ReportChart tl;
  tl.chart.id = "port-status";
  tl.chart.kind = Chart::Kind::kTimeline;
  tl.chart.title = "Port of entry status by day";
  tl.chart.y_label = "port of entry";
  tl.chart.caption =
      "Each row is a crossing: open (all its lanes), reduced (fewer lanes open than its most, or "
      "a mode closed) or closed (no lane open).";
  tl.chart.dates = axis;
  tl.chart.state_labels = {"open", "reduced", "closed"};
  for (std::size_t p = 0; p < ports.keys.size(); ++p) {
    GroupedTable one{{ports.keys[p]}, {ports.tables[p]}};
    const auto open = summed(one, lanes_open);
    if (open.empty()) continue;
    auto total = summed(one, lanes_total);
    const auto modes_closed = summed(one, closed);
    double max_open = 0;
    for (double v : open) {
      if (std::isfinite(v)) max_open = std::max(max_open, v);
    }
    TimelineRow row;
    row.label = display_name(ports.keys[p]);
    for (std::size_t i = 0; i < axis.size(); ++i) {
      const double cap = !total.empty() && std::isfinite(total[i]) ? total[i] : max_open;
      if (!std::isfinite(open[i])) {
        row.states.push_back(-1);
      } else if (open[i] <= 0) {
        row.states.push_back(2);
      } else {
        const bool some_closed =
            !modes_closed.empty() && std::isfinite(modes_closed[i]) && modes_closed[i] > 0;
        row.states.push_back(open[i] + 1e-9 >= cap && !some_closed ? 0 : 1);
      }
    }
    tl.chart.rows.push_back(std::move(row));
  }
  if (tl.chart.rows.empty()) tl.placeholder = "port_days.csv has no lanes_open column.";
  out.push_back(std::move(tl));

  std::vector<ChartSeries> lane_series;
  auto lanes_of = [&](const ResultData& r, const std::string& label, int style) {
    if (!r.ports) return;
    auto v = summed(*r.ports, lanes_open);
    if (!v.empty()) lane_series.push_back({label, std::move(v), {}, {}, style, false});
  };
  lanes_of(a, b ? "Run A" : "lanes open", 0);
  if (b) lanes_of(*b, "Run B", 1);
  out.push_back(
      lines("port-lanes", "Lanes open at Southwest ports of entry", "lanes open",
            "Lanes open each day (mean over each mode's hours of operation), summed over every "
            "modelled crossing and mode.",
            axis, std::move(lane_series), "port_days.csv has no lanes_open column."));

  const bool dollars = delay_column.find("usd") != std::string::npos;
  std::vector<ChartSeries> delay_series;
  auto delay_of = [&](const ResultData& r, const std::string& label, int style) {
    if (!r.ports || delay_column.empty()) return;
    auto v = summed(*r.ports, [&](const std::string& n) { return n == delay_column; });
    if (!v.empty()) delay_series.push_back({label, std::move(v), {}, {}, style, false});
  };
  delay_of(a, b ? "Run A" : (dollars ? "delayed freight (USD)" : delay_column), 0);
  if (b) delay_of(*b, "Run B", 1);
  out.push_back(lines("port-trade", "Trade delayed at ports of entry",
                      dollars ? "US dollars per day" : delay_column + " per day",
                      dollars ? fmt::format("Value of the freight delayed each day (trucks and "
                                            "railcars that waited), summed over crossings ({}).",
                                            delay_column)
                              : fmt::format("Daily {} summed over crossings (column {}).",
                                            display_name(delay_column), delay_column),
                      axis, std::move(delay_series),
                      "port_days.csv has no trade-delay column (a name containing 'delay')."));
  return out;
}

// One measure of a, and of b if given, as "Run A"/"Run B" lines (or `label` alone).
std::vector<ChartSeries> measure(const ResultData& a, const ResultData* b,
                                 const std::string& column, const std::string& label,
                                 const std::vector<std::string>& axis, int style = 0) {
  std::vector<ChartSeries> out;
  add(out, series_of(a.days, column, b ? "Run A" : label, b ? 0 : style, axis));
  if (b) add(out, series_of(b->days, column, "Run B", 1, axis));
  return out;
}

// An empty chart of small panels in two columns, each on its own scale (panels added by the
// caller): how a comparison shows measures of different sizes side by side.
ReportChart comparison_panels(const std::string& id, const std::string& title,
                              const std::string& y_label, const std::string& caption,
                              const std::vector<std::string>& axis) {
  ReportChart rc = lines(id, title, y_label, caption, axis, {}, "");
  rc.chart.columns = 2;
  rc.chart.shared_y = false;
  return rc;
}

// A comparison's outputs that the policy levers act on and the charts above do not show, one
// panel each (A and B on the panel's own scale); a panel where both runs are 0 throughout is
// left out, so a comparison shows only what its levers moved or used.
ReportChart lever_outputs(const ResultData& a, const ResultData& b,
                          const std::vector<std::string>& axis, const std::string& vs) {
  static const std::vector<std::pair<std::string, std::string>> kOutputs = {
      {days_column("remain_in_mexico"), "returned to await hearing (MPP)"},
      {days_column("awaiting_detention_bed"), "waiting in custody for a detention bed"},
      {days_column("released_by_ice"), "released by ICE at the handover"},
      {days_column("removals"), "removals by flight"}};
  ReportChart rc = comparison_panels(
      "lever-outputs", "What the levers act on", "people (per day; waiting: end of day)",
      "Outputs of the policy levers that the charts above do not show, each panel on its own "
      "scale; a panel where both runs are 0 on every day is left out." +
          vs,
      axis);
  for (const auto& [column, label] : kOutputs) {
    ChartPanel p{label, measure(a, &b, column, label, axis)};
    const bool moved = std::any_of(p.series.begin(), p.series.end(), [](const ChartSeries& s) {
      return std::any_of(s.values.begin(), s.values.end(),
                         [](double v) { return !std::isnan(v) && v != 0.0; });
    });
    if (moved) rc.chart.panels.push_back(std::move(p));
  }
  if (rc.chart.panels.empty()) {
    rc.placeholder =
        "Neither run has Remain in Mexico returns, people waiting for a bed, releases "
        "by ICE at the handover or removals.";
  }
  return rc;
}

}  // namespace

std::string display_name(const std::string& key) {
  static const std::map<std::string, std::string> kKnown = {
      {"orr", "ORR"}, {"ice", "ICE"}, {"usd", "USD"}, {"tic", "TIC"}};
  std::string out;
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t end = std::min(key.find('_', start), key.size());
    std::string word = key.substr(start, end - start);
    if (auto it = kKnown.find(word); it != kKnown.end()) {
      word = it->second;
    } else if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
    }
    if (!out.empty()) out += ' ';
    out += word;
    start = end + 1;
  }
  return out;
}

std::vector<ReportChart> build_charts(const ResultData& a, const ResultData* b) {
  const auto axis = axis_dates(a, b);
  std::vector<ReportChart> charts;
  const std::string vs = b ? " Run A solid, run B dashed." : "";

  {
    std::vector<ChartSeries> s = measure(a, b, days_column("encounters"), "encounters", axis);
    // The published monthly level (a calibrated arrival table), as a dashed reference.
    const bool published = a.reference && a.reference->has("arrival_table_encounters");
    if (published && !s.empty()) {
      add(s,
          series_of(*a.reference, "arrival_table_encounters", "published monthly level", 6, axis),
          true);
    }
    const std::string what = (a.days.has_bands() || (b && b->days.has_bands()))
                                 ? "Daily encounters summed over the nine sectors: mean over "
                                   "replications with the 5th-95th percentile band"
                                 : "Daily encounters summed over the nine sectors (events, not "
                                   "people)";
    charts.push_back(lines(
        "encounters", "Southwest Border Patrol encounters per day", "encounters per day",
        what +
            (published ? "; dashed grey: the arrival table's level, which for a table derived "
                         "by borderflow calibrate is the published monthly total per day."
                       : ".") +
            vs,
        axis, std::move(s), "days.csv has no encounters column."));
  }
  charts.push_back(by_sector(a, b, axis));

  {
    std::vector<ChartSeries> s = measure(a, b, days_column("in_custody"), "in custody", axis);
    if (!b) add(s, series_of(a.days, days_column("over_capacity"), "over capacity", 1, axis));
    add(s,
        series_of(a.days, days_column("holding_capacity"), b ? "capacity (A)" : "holding capacity",
                  6, axis),
        true);
    charts.push_back(lines(
        "custody", "People in Border Patrol custody against holding capacity",
        "people (end of day)",
        "People held by Border Patrol at the end of each day, the rated holding capacity (dashed "
        "grey)" +
            std::string(b ? "." : " and the people above it, summed over sector overflows.") + vs,
        axis, std::move(s), "days.csv has no in_custody column."));
  }
  charts.push_back(lines("held-over-72h", "People held longer than 72 hours", "people (end of day)",
                         "People in Border Patrol custody longer than the 72-hour standard at the "
                         "end of each day." +
                             vs,
                         axis, measure(a, b, days_column("held_over_72h"), "held over 72 h", axis),
                         "days.csv has no held_over_72h column."));

  static const std::vector<std::pair<std::string, std::string>> kDispositions = {
      {days_column("returned_to_mexico"), "returned to Mexico"},
      {days_column("transferred_to_ice"), "to ICE detention"},
      {days_column("released"), "released (NTA/parole)"},
      {days_column("transferred_to_orr"), "children to ORR"}};
  if (!b) {
    ReportChart rc = lines(
        "dispositions", "How people left Border Patrol custody", "people per day",
        "People leaving Border Patrol custody each day, stacked by disposition; each layer has "
        "its own fill pattern.",
        axis, {}, "days.csv has no disposition columns.");
    std::vector<ChartSeries> s;
    for (std::size_t k = 0; k < kDispositions.size(); ++k) {
      add(s, series_of(a.days, kDispositions[k].first, kDispositions[k].second, static_cast<int>(k),
                       axis));
    }
    for (auto& x : s) x.low.clear(), x.high.clear();
    if (!s.empty()) {
      rc.placeholder.clear();
      rc.chart.kind = Chart::Kind::kStacked;
      rc.chart.panels.push_back({"", std::move(s)});
    }
    charts.push_back(std::move(rc));
  } else {
    ReportChart rc = comparison_panels(
        "dispositions", "How people left Border Patrol custody", "people per day",
        "People leaving Border Patrol custody each day by disposition, each panel on its own "
        "scale." +
            vs,
        axis);
    for (const auto& [column, label] : kDispositions) {
      ChartPanel p{label, measure(a, b, column, label, axis)};
      if (!p.series.empty()) rc.chart.panels.push_back(std::move(p));
    }
    if (rc.chart.panels.empty()) rc.placeholder = "days.csv has no disposition columns.";
    charts.push_back(std::move(rc));
  }

  {
    std::vector<ChartSeries> s =
        measure(a, b, days_column("detention_population"), "in ICE detention", axis);
    if (!b)
      add(s,
          series_of(a.days, days_column("awaiting_detention_bed"), "waiting for a bed", 1, axis));
    add(s,
        series_of(a.days, days_column("detention_beds"), b ? "beds (A)" : "detention beds", 6,
                  axis),
        true);
    charts.push_back(lines(
        "detention", "ICE detention population against beds", "people (end of day)",
        "People in ICE detention after transfer by Border Patrol, the beds for them (dashed "
        "grey)" +
            std::string(b ? "." : ", and people in Border Patrol custody waiting for a bed.") + vs,
        axis, std::move(s), "days.csv has no detention_population column."));
  }
  if (b) charts.push_back(lever_outputs(a, *b, axis, vs));
  charts.push_back(lines("gotaways", "Gotaways per day", "people per day",
                         "People who evaded Border Patrol and were not apprehended, by the day "
                         "they crossed." +
                             vs,
                         axis, measure(a, b, days_column("gotaways"), "gotaways", axis),
                         "days.csv has no gotaways column."));
  for (auto& rc : port_charts(a, b, axis)) charts.push_back(std::move(rc));
  return charts;
}

}  // namespace bf::report
