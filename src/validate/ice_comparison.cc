#include "validate/ice_comparison.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "util/number_format.h"
#include "validate/validation_text.h"

namespace bf::validate {
namespace {

constexpr auto kBookIns = static_cast<int>(IceMeasure::kBookIns);
constexpr auto kPopulation = static_cast<int>(IceMeasure::kPopulation);
constexpr auto kStay = static_cast<int>(IceMeasure::kStayDays);

std::size_t at(int measure) { return static_cast<std::size_t>(measure); }

// The month's value of `series`, 0 when it does not publish one.
double value_of(const std::map<util::YearMonth, double>& series, util::YearMonth month) {
  const auto it = series.find(month);
  return it == series.end() ? 0.0 : it->second;
}

// A count of people with thousands separators, or "-" when nothing was published.
std::string people(double value, bool published = true) {
  return published ? util::grouped(std::llround(value)) : std::string("-");
}

std::string error_cell(const IceRow& r, int measure) {
  return r.has(measure) ? fmt::format("{:+.1f}%", r.error_percent(measure)) : std::string("-");
}

}  // namespace

double IceRow::error_percent(int measure) const {
  const double e = expected[at(measure)];
  return e > 0.0 ? 100.0 * (simulated[at(measure)].median - e) / e : 0.0;
}

std::optional<double> IceComparison::mape(int measure, std::optional<bool> in_sample) const {
  return mean_absolute(
      rows,
      [&](const IceRow& r) { return (!in_sample || r.in_sample == *in_sample) && r.has(measure); },
      [&](const IceRow& r) { return r.error_percent(measure); });
}

int IceComparison::months(int measure) const {
  int n = 0;
  for (const IceRow& r : rows) n += r.has(measure) ? 1 : 0;
  return n;
}

int IceComparison::months_within(int measure, double percent) const {
  int n = 0;
  for (const IceRow& r : rows) {
    n += r.has(measure) && std::abs(r.error_percent(measure)) <= percent ? 1 : 0;
  }
  return n;
}

IcePublished ice_published(const ingest::IceMonthlySeries* book_ins,
                           const ingest::IceMonthlySeries* adp,
                           const ingest::IceDetentionTable* workbooks) {
  IcePublished p;
  if (book_ins != nullptr) p.book_ins = book_ins->monthly(ingest::IceAgency::kCbp);
  if (adp != nullptr) p.population = adp->monthly(ingest::IceAgency::kCbp);
  if (workbooks != nullptr) {
    p.stay_days = workbooks->monthly(ingest::IceTable::kAlosDays, ingest::kIceAgencyCbp,
                                     ingest::kIceCriminalityTotal);
  }
  return p;
}

IceComparison compare_ice(const std::vector<ReplicationOutcome>& runs,
                          const IcePublished& published, double southwest_share,
                          std::optional<util::YearMonth> fit_until) {
  IceComparison c;
  c.fit_until = fit_until;
  c.southwest_share = southwest_share;
  if (runs.empty()) return c;
  for (std::size_t i = 0; i < runs.front().size(); ++i) {
    const MonthOutcome& first = runs.front()[i];
    IceRow row;
    row.month = first.month;
    row.published = {value_of(published.book_ins, row.month),
                     value_of(published.population, row.month),
                     value_of(published.stay_days, row.month)};
    if (!first.full_month() || (!row.has(kBookIns) && !row.has(kPopulation))) continue;
    row.in_sample = !fit_until || !(*fit_until < row.month);
    for (int k = 0; k < kIceMeasureCount; ++k) {
      row.expected[at(k)] =
          row.published[at(k)] * (kIceMeasureScaled[at(k)] ? southwest_share : 1.0);
    }
    row.simulated[at(kBookIns)] = band_across_runs(
        runs, i, [](const MonthOutcome& m) { return static_cast<double>(m.detention_book_ins); });
    row.simulated[at(kPopulation)] = band_across_runs(
        runs, i, [](const MonthOutcome& m) { return m.mean_detention_population(); });
    row.simulated[at(kStay)] =
        band_across_runs(runs, i, [](const MonthOutcome& m) { return m.detention_stay_days(); });
    c.rows.push_back(row);
  }
  return c;
}

std::string ice_text(const IceComparison& c) {
  if (c.rows.empty()) return "";
  std::string out = fmt::format(
      "ICE detention of Border Patrol transfers: simulated median [5%-95%] vs ICE's figures for "
      "CBP arrests x {:.2f} (the Southwest Border Patrol share, an assumption); book-ins per "
      "month, mean daily population, stay by Little's law vs ICE's ALOS (days)\n",
      c.southwest_share);
  out +=
      fmt::format("  {:<8} {:>8} {:>8} {:>8} {:>7}  {:>8} {:>8} {:>8} {:>17} {:>7}  {:>5} {:>5}\n",
                  "month", "book-ins", "x share", "sim", "error", "ADP", "x share", "sim", "band",
                  "error", "ALOS", "stay");
  for (const IceRow& r : c.rows) {
    const Band& pop = r.simulated[at(kPopulation)];
    out += fmt::format(
        "  {:<8} {:>8} {:>8} {:>8} {:>7}  {:>8} {:>8} {:>8} {:>17} {:>7}  {:>5} {:>5.1f}\n",
        r.month.to_string() + (r.in_sample ? "" : "*"),
        people(r.published[at(kBookIns)], r.has(kBookIns)),
        people(r.expected[at(kBookIns)], r.has(kBookIns)), people(r.simulated[at(kBookIns)].median),
        error_cell(r, kBookIns), people(r.published[at(kPopulation)], r.has(kPopulation)),
        people(r.expected[at(kPopulation)], r.has(kPopulation)), people(pop.median),
        fmt::format("[{}-{}]", people(pop.p5), people(pop.p95)), error_cell(r, kPopulation),
        r.has(kStay) ? fmt::format("{:.1f}", r.published[at(kStay)]) : std::string("-"),
        r.simulated[at(kStay)].median);
  }
  out += mape_summary(c.fit_until, kIceMeasureNames,
                      [&c](int k, std::optional<bool> in_sample) { return c.mape(k, in_sample); });
  out += fmt::format(
      "  population within +-{:.0f}%: {} of {} months\n", kIcePopulationTolerancePercent,
      c.months_within(kPopulation, kIcePopulationTolerancePercent), c.months(kPopulation));
  return out;
}

std::string ice_csv(const IceComparison& c) {
  std::string out =
      "month,measure,in_sample,published,expected,simulated_median,simulated_p5,simulated_p95,"
      "error_percent\n";
  for (const IceRow& r : c.rows) {
    for (int k = 0; k < kIceMeasureCount; ++k) {
      if (!r.has(k)) continue;
      const Band& s = r.simulated[at(k)];
      out +=
          fmt::format("{},{},{},{:.2f},{:.2f},{:.1f},{:.1f},{:.1f},{:.2f}\n", r.month.to_string(),
                      kIceMeasureKeys[at(k)], r.in_sample ? "true" : "false", r.published[at(k)],
                      r.expected[at(k)], s.median, s.p5, s.p95, r.error_percent(k));
    }
  }
  return out;
}

report::Chart ice_chart(const IceComparison& c) {
  report::Chart chart;
  chart.id = "validation-ice";
  chart.title = "ICE detention of Border Patrol transfers: simulated and published";
  chart.y_label = "people";
  chart.x_label = "Month";
  chart.caption = fmt::format(
      "Simulated median with its 5-95% band against ICE's figures for CBP arrests x {:.2f} (the "
      "Southwest Border Patrol share){}",
      c.southwest_share,
      c.fit_until ? "; months after " + c.fit_until->to_string() + " out of sample" : "");
  chart.columns = 2;
  chart.shared_y = false;
  const int measures[] = {kBookIns, kPopulation};
  const char* const labels[] = {"book-ins per month", "mean daily population"};
  for (const char* label : labels) {
    report::ChartPanel panel;
    panel.label = label;
    panel.series.push_back({"simulated", {}, {}, {}, 0, false});
    panel.series.push_back({"ICE x share", {}, {}, {}, 1, false});
    chart.panels.push_back(std::move(panel));
  }
  for (const IceRow& r : c.rows) {
    chart.dates.push_back(r.month.to_string() + "-01");
    for (std::size_t p = 0; p < chart.panels.size(); ++p) {
      const int k = measures[p];
      report::ChartPanel& panel = chart.panels[p];
      panel.series[0].values.push_back(r.simulated[at(k)].median);
      panel.series[0].low.push_back(r.simulated[at(k)].p5);
      panel.series[0].high.push_back(r.simulated[at(k)].p95);
      // NaN leaves a gap where ICE published nothing.
      panel.series[1].values.push_back(r.has(k) ? r.expected[at(k)]
                                                : std::numeric_limits<double>::quiet_NaN());
    }
  }
  return chart;
}

}  // namespace bf::validate
