#include "validate/validation_charts.h"

#include <map>

#include "model/population.h"

namespace bf::validate {
namespace {

std::string first_day(util::YearMonth m) { return m.to_string() + "-01"; }

}  // namespace

report::Chart encounters_chart(const EncounterComparison& c) {
  report::Chart chart;
  chart.id = "validation-encounters";
  chart.title = "Border Patrol encounters by month: simulated and published";
  chart.y_label = "encounters per month";
  chart.x_label = "Month";
  chart.caption = c.fit_until
                      ? "Simulated median with its 5-95% band; months after " +
                            c.fit_until->to_string() + " are forecast (out of sample)"
                      : "Simulated median with its 5-95% band against OHSS's published figures";
  chart.columns = 5;
  chart.shared_y = false;
  std::map<int, std::size_t> panel_of;  // sector (−1 total) → panel index
  for (int s = -1; s < model::kSectorCount; ++s) {
    report::ChartPanel panel;
    panel.label =
        s < 0 ? "Southwest" : std::string(model::kSectorNames[static_cast<std::size_t>(s)]);
    panel.series.push_back({"simulated", {}, {}, {}, 0, false});
    panel.series.push_back({"published", {}, {}, {}, 1, false});
    panel_of[s] = chart.panels.size();
    chart.panels.push_back(std::move(panel));
  }
  for (const MonthComparison& row : c.rows) {
    if (row.sector < 0) chart.dates.push_back(first_day(row.month));
    report::ChartPanel& panel = chart.panels[panel_of[row.sector]];
    panel.series[0].values.push_back(row.simulated.median);
    panel.series[0].low.push_back(row.simulated.p5);
    panel.series[0].high.push_back(row.simulated.p95);
    panel.series[1].values.push_back(row.published);
  }
  return chart;
}

}  // namespace bf::validate
