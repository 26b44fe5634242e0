#include "validate/validation_text.h"

#include <fmt/format.h>

#include <cmath>

#include "demand/rolling_origin.h"
#include "model/population.h"
#include "util/number_format.h"

namespace bf::validate {
namespace {

std::string_view sector_key(int sector) {
  return sector < 0 ? std::string_view("southwest")
                    : model::kSectorKeys[static_cast<std::size_t>(sector)];
}

std::string_view sample_of(const MonthComparison& row) {
  if (row.horizon == 0) return "in";
  return row.policy_change ? "out-policy" : "out";
}

std::string thousands(double value) { return util::grouped(std::llround(value)); }

}  // namespace

std::string encounters_text(const EncounterComparison& c, const demand::SectorSeries& published,
                            const TextOptions& options) {
  std::string out =
      "Border Patrol encounters, Southwest total: simulated median [5%-95%] vs published\n";
  out += fmt::format("  {:<8} {:<10} {:>10} {:>10} {:>23} {:>7}\n", "month", "sample", "published",
                     "simulated", "band", "error");
  for (const MonthComparison& row : c.rows) {
    if (row.sector >= 0) continue;
    out += fmt::format(
        "  {:<8} {:<10} {:>10} {:>10} {:>23} {:>+6.1f}%\n", row.month.to_string(), sample_of(row),
        thousands(row.published), thousands(row.simulated.median),
        fmt::format("[{}-{}]", thousands(row.simulated.p5), thousands(row.simulated.p95)),
        row.error_percent());
  }
  const auto in_sample = [](const MonthComparison& r) { return r.horizon == 0; };
  const auto out_sample = [&](const MonthComparison& r) {
    return r.horizon > 0 && r.horizon <= options.horizon && !r.policy_change;
  };
  const auto percent = [](std::optional<double> v) {
    return v ? fmt::format("{:.1f}%", *v) : std::string("-");
  };
  out += "MAPE of the monthly medians (in sample | out of sample, no new policy, horizon <= " +
         std::to_string(options.horizon) + "):\n";
  for (int s = -1; s < model::kSectorCount; ++s) {
    out += fmt::format("  {:<18} {:>7} | {:>7}\n", sector_key(s), percent(mape(c, s, in_sample)),
                       percent(mape(c, s, out_sample)));
  }
  // Out of sample: the model's error against simple forecasts made at the same origin.
  if (c.fit_until) {
    const util::YearMonth origin = c.fit_until->next();
    double model_error = 0.0;
    std::array<double, demand::kMethodCount> simple_error{};
    int months = 0;
    for (const MonthComparison& row : c.rows) {
      if (row.sector >= 0 || !out_sample(row)) continue;
      if (!published.contains(row.month.plus(-12)) || !published.contains(origin.plus(-15))) {
        continue;
      }
      ++months;
      model_error += std::abs(row.simulated.median - row.published);
      for (int m = 1; m < demand::kMethodCount; ++m) {
        const double f = demand::simple_forecast(static_cast<demand::Method>(m), published, origin,
                                                 row.month, -1);
        simple_error[static_cast<std::size_t>(m)] += std::abs(f - row.published);
      }
    }
    if (months > 0) {
      out += fmt::format(
          "Out of sample ({} months from {}): mean absolute error of the simulated median / "
          "that of a simple forecast (below 1: the model is better)\n",
          months, origin.to_string());
      for (int m = 1; m < demand::kMethodCount; ++m) {
        out += fmt::format("  {:<42} {:.2f}\n", demand::kMethodNames[static_cast<std::size_t>(m)],
                           model_error / simple_error[static_cast<std::size_t>(m)]);
      }
    }
  }
  return out;
}

std::string mape_summary(
    std::optional<util::YearMonth> fit_until, std::span<const std::string_view> names,
    const std::function<std::optional<double>(int, std::optional<bool>)>& mape) {
  const auto line = [&](std::optional<bool> in_sample, const std::string& label) {
    std::string values;
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (const auto m = mape(static_cast<int>(k), in_sample)) {
        values += fmt::format("{}{} {:.1f}%", values.empty() ? "" : ", ", names[k], *m);
      }
    }
    return values.empty() ? std::string() : fmt::format("  MAPE {}: {}\n", label, values);
  };
  if (!fit_until) return line(std::nullopt, "all months");
  const std::string out_of_sample =
      line(false, "out of sample (* months, after " + fit_until->to_string() + ")");
  return line(true, "in sample") + out_of_sample +
         (out_of_sample.empty() ? std::string() : line(std::nullopt, "all months"));
}

std::string encounters_csv(const EncounterComparison& c) {
  std::string out =
      "month,sector,sample,horizon,published,simulated_p5,simulated_median,simulated_p95,"
      "error_percent\n";
  for (const MonthComparison& row : c.rows) {
    out +=
        fmt::format("{},{},{},{},{:.0f},{:.0f},{:.0f},{:.0f},{:.2f}\n", row.month.to_string(),
                    sector_key(row.sector), sample_of(row), row.horizon, row.published,
                    row.simulated.p5, row.simulated.median, row.simulated.p95, row.error_percent());
  }
  return out;
}

}  // namespace bf::validate
