#include "serve/what_if_json.h"

#include <cmath>
#include <string>

#include "compare/paired_comparison.h"

namespace bf::serve {
namespace {

using nlohmann::json;

// Daily values to 0.1 person: the page draws and rounds them; the whole-run metrics keep every
// digit so the page and `borderflow compare` agree.
double tenth(double value) { return std::round(value * 10.0) / 10.0; }

json optional_number(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

// Mean over replications of series[r][day], for each day.
template <typename Get>
json daily_means(const std::vector<DaySeries>& runs, Get get) {
  const std::size_t days = runs.front().dates.size();
  json out = json::array();
  for (std::size_t d = 0; d < days; ++d) {
    double sum = 0.0;
    for (const DaySeries& run : runs) sum += get(run)[d];
    out.push_back(tenth(sum / static_cast<double>(runs.size())));
  }
  return out;
}

// The whole-border series `s`: both sides' daily means and the paired difference's daily mean
// with its nearest-rank 5–95% band over the replications.
json border_series_json(const SideRuns& baseline, const SideRuns& changed, std::size_t s) {
  const auto get = [s](const DaySeries& run) -> const std::vector<double>& {
    return run.border[s];
  };
  json difference = json::array(), low = json::array(), high = json::array();
  const std::size_t days = baseline.series.front().dates.size();
  std::vector<double> a(baseline.series.size()), b(changed.series.size());
  for (std::size_t d = 0; d < days; ++d) {
    for (std::size_t r = 0; r < a.size(); ++r) {
      a[r] = baseline.series[r].border[s][d];
      b[r] = changed.series[r].border[s][d];
    }
    const compare::PairedDifference p = compare::paired_difference(a, b);
    difference.push_back(tenth(p.mean_difference));
    low.push_back(tenth(p.difference_p5));
    high.push_back(tenth(p.difference_p95));
  }
  return json{{"baseline", daily_means(baseline.series, get)},
              {"changed", daily_means(changed.series, get)},
              {"difference", std::move(difference)},
              {"low", std::move(low)},
              {"high", std::move(high)}};
}

json sector_json(const SideRuns& baseline, const SideRuns& changed, std::size_t sector) {
  json series = json::object();
  for (std::size_t s = 0; s < kSectorSeriesCount; ++s) {
    const auto get = [sector, s](const DaySeries& run) -> const std::vector<double>& {
      return run.sectors[sector][s];
    };
    series[std::string(kSectorSeriesKeys[s])] =
        json{{"baseline", daily_means(baseline.series, get)},
             {"changed", daily_means(changed.series, get)}};
  }
  return json{{"key", model::kSectorKeys[sector]},
              {"name", model::kSectorNames[sector]},
              {"series", std::move(series)}};
}

}  // namespace

json what_if_json(const SideRuns& baseline, const SideRuns& changed, bool ports) {
  const compare::ScenarioComparison comparison =
      compare::compare_replications(baseline.metrics, changed.metrics, ports);
  json metrics = json::array();
  for (const compare::ComparisonRow& row : comparison.rows) {
    if (row.month) continue;  // the whole run only
    const compare::Metric& m = compare::kMetrics[row.metric];
    const compare::PairedDifference& d = row.difference;
    metrics.push_back(json{{"key", m.key},
                           {"label", m.label},
                           {"baseline", d.mean_a},
                           {"changed", d.mean_b},
                           {"difference", d.mean_difference},
                           {"low", d.difference_p5},
                           {"high", d.difference_p95},
                           {"ci95_low", optional_number(d.ci95_low)},
                           {"ci95_high", optional_number(d.ci95_high)},
                           {"distinguishable", d.distinguishable}});
  }

  json dates = json::array();
  for (const util::Date& date : baseline.series.front().dates) dates.push_back(date.to_string());
  json border = json::object();
  for (std::size_t s = 0; s < kBorderSeriesCount; ++s) {
    border[std::string(kBorderSeriesKeys[s])] = border_series_json(baseline, changed, s);
  }
  json sectors = json::array();
  for (std::size_t sector = 0; sector < model::kSectorKeys.size(); ++sector) {
    sectors.push_back(sector_json(baseline, changed, sector));
  }
  return json{{"replications", comparison.replications},
              {"metrics", std::move(metrics)},
              {"dates", std::move(dates)},
              {"border", std::move(border)},
              {"sectors", std::move(sectors)}};
}

json scenario_json(const std::string& id, const model::ModelSpec& spec) {
  // The sectors' agents as written: the starting point of the page's per-sector lever.
  json sectors = json::array();
  for (std::size_t s = 0; s < spec.sectors.size(); ++s) {
    sectors.push_back(json{{"key", model::kSectorKeys[s]},
                           {"name", model::kSectorNames[s]},
                           {"agents_on_patrol", spec.sectors[s].agents_on_patrol},
                           {"processing_agents", spec.sectors[s].processing_agents}});
  }
  return json{{"id", id},
              {"name", spec.name},
              {"start", spec.start_date.to_string()},
              {"end", (spec.start_date + (spec.days - 1)).to_string()},
              {"days", spec.days},
              {"seed", spec.seed},
              {"sectors", std::move(sectors)}};
}

std::string reproduce_command(const std::string& id, const scenario::Overrides& overrides) {
  std::string command = "borderflow run scenarios/" + id + ".yaml";
  for (const auto& [path, value] : overrides) command += " --set " + path + "=" + value;
  return command;
}

}  // namespace bf::serve
