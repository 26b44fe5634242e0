#include "validate/bookout_comparison.h"

#include <fmt/format.h>

#include <cmath>

#include "util/date.h"
#include "util/number_format.h"
#include "validate/validation_text.h"

namespace bf::validate {

double BookOutRow::error_percent(int category) const {
  const auto c = static_cast<std::size_t>(category);
  return published[c] > 0.0 ? 100.0 * (simulated[c].median - published[c]) / published[c] : 0.0;
}

std::optional<double> BookOutComparison::mape(int category, std::optional<bool> in_sample) const {
  return mean_absolute(
      rows,
      [&](const BookOutRow& row) {
        return (!in_sample || row.in_sample == *in_sample) &&
               row.published[static_cast<std::size_t>(category)] > 0.0;
      },
      [&](const BookOutRow& row) { return row.error_percent(category); });
}

std::map<util::YearMonth, BookOuts> usbp_bookouts(const ingest::OhssBookOutsTable& table) {
  using ingest::BookOutOutcome;
  std::map<util::YearMonth, BookOuts> months;
  for (const ingest::BookOutMonth& row : table.rows) {
    if (row.component != ingest::BookOutComponent::kUsbp) continue;
    const auto people = [&row](BookOutOutcome o) { return static_cast<double>(row.outcome(o)); };
    months[row.month] = {people(BookOutOutcome::kUsbpReleases),
                         people(BookOutOutcome::kTransfersToIce),
                         people(BookOutOutcome::kTransfersToHhs),
                         people(BookOutOutcome::kT8Repatriations) +
                             people(BookOutOutcome::kT42Expulsions) + people(BookOutOutcome::kMpp)};
  }
  return months;
}

BookOutComparison compare_bookouts(const std::vector<ReplicationOutcome>& runs,
                                   const std::map<util::YearMonth, BookOuts>& published,
                                   std::optional<util::YearMonth> fit_until) {
  BookOutComparison c;
  c.fit_until = fit_until;
  if (runs.empty()) return c;
  for (std::size_t i = 0; i < runs.front().size(); ++i) {
    const MonthOutcome& first = runs.front()[i];
    const auto p = published.find(first.month);
    if (!first.full_month() || p == published.end()) continue;
    BookOutRow row;
    row.month = first.month;
    row.in_sample = !fit_until || !(*fit_until < first.month);
    row.published = p->second;
    for (std::size_t k = 0; k < row.simulated.size(); ++k) {
      row.simulated[k] = band_across_runs(
          runs, i, [k](const MonthOutcome& m) { return static_cast<double>(m.bookouts[k]); });
    }
    c.rows.push_back(row);
  }
  return c;
}

std::string bookouts_text(const BookOutComparison& c) {
  if (c.rows.empty()) return "";
  std::string out =
      "Border Patrol book-outs by outcome: simulated median vs DHS OHSS (USBP, Southwest "
      "border), people per month\n";
  out += fmt::format("  {:<8}", "month");
  for (std::string_view key : kBookOutCategoryKeys) {
    out += fmt::format(" {:>10} {:>10} {:>7}", std::string(key), "simulated", "error");
  }
  out += "\n";
  for (const BookOutRow& r : c.rows) {
    out += fmt::format("  {:<8}", r.month.to_string() + (r.in_sample ? "" : "*"));
    for (int k = 0; k < kBookOutCategoryCount; ++k) {
      const auto i = static_cast<std::size_t>(k);
      out += fmt::format(" {:>10} {:>10} {:>+6.1f}%", util::grouped(std::llround(r.published[i])),
                         util::grouped(std::llround(r.simulated[i].median)), r.error_percent(k));
    }
    out += "\n";
  }
  out += mape_summary(c.fit_until, kBookOutCategoryNames,
                      [&c](int k, std::optional<bool> in_sample) { return c.mape(k, in_sample); });
  return out;
}

std::string bookouts_csv(const BookOutComparison& c) {
  std::string out =
      "month,category,in_sample,published,simulated_median,simulated_p5,simulated_p95,"
      "error_percent\n";
  for (const BookOutRow& r : c.rows) {
    for (int k = 0; k < kBookOutCategoryCount; ++k) {
      const auto i = static_cast<std::size_t>(k);
      out += fmt::format("{},{},{},{:.0f},{:.1f},{:.1f},{:.1f},{:.2f}\n", r.month.to_string(),
                         kBookOutCategoryKeys[i], r.in_sample ? "true" : "false", r.published[i],
                         r.simulated[i].median, r.simulated[i].p5, r.simulated[i].p95,
                         r.error_percent(k));
    }
  }
  return out;
}

report::Chart bookouts_chart(const BookOutComparison& c) {
  report::Chart chart;
  chart.id = "validation-bookouts";
  chart.title = "Border Patrol book-outs by outcome: simulated and published";
  chart.y_label = "people per month";
  chart.x_label = "Month";
  chart.caption = "Simulated median with its 5-95% band against DHS OHSS's USBP book-outs" +
                  (c.fit_until ? "; months after " + c.fit_until->to_string() + " out of sample"
                               : std::string());
  chart.columns = 2;
  chart.shared_y = false;
  for (int k = 0; k < kBookOutCategoryCount; ++k) {
    report::ChartPanel panel;
    panel.label = std::string(kBookOutCategoryNames[static_cast<std::size_t>(k)]);
    panel.series.push_back({"simulated", {}, {}, {}, 0, false});
    panel.series.push_back({"published", {}, {}, {}, 1, false});
    chart.panels.push_back(std::move(panel));
  }
  for (const BookOutRow& r : c.rows) {
    chart.dates.push_back(r.month.to_string() + "-01");
    for (int k = 0; k < kBookOutCategoryCount; ++k) {
      const auto i = static_cast<std::size_t>(k);
      report::ChartPanel& panel = chart.panels[i];
      panel.series[0].values.push_back(r.simulated[i].median);
      panel.series[0].low.push_back(r.simulated[i].p5);
      panel.series[0].high.push_back(r.simulated[i].p95);
      panel.series[1].values.push_back(r.published[i]);
    }
  }
  return chart;
}

}  // namespace bf::validate
