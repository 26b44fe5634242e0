#pragma once
// The text `borderflow validate` prints and the CSV it writes, from a comparison.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "demand/sector_series.h"
#include "validate/comparison.h"

namespace bf::validate {

struct TextOptions {
  int horizon = 3;  // out-of-sample months summarised (the first `horizon` after the fit date)
};

// The Southwest total month by month, then the MAPE summary (in sample; out of sample
// without a new policy, up to the horizon; per sector) and, out of sample, the ratio of the
// model's mean absolute error to the simple forecasts' over the same months.
std::string encounters_text(const EncounterComparison& c, const demand::SectorSeries& published,
                            const TextOptions& options);

// One row per month and sector (`southwest` for the total):
// month,sector,sample,horizon,published,simulated_p5,simulated_median,simulated_p95,error_percent
std::string encounters_csv(const EncounterComparison& c);

// The MAPE lines of a per-category comparison: "  MAPE all months: a 1.0%, b 2.0%" without
// `fit_until`; with it, "in sample", "out of sample (* months, after YYYY-MM)" and, when
// there are out-of-sample months, "all months". `mape(category, in_sample)` gives a MAPE
// (in_sample nullopt: every month) or nullopt, and such a category is left out, as is a
// line with none.
std::string mape_summary(
    std::optional<util::YearMonth> fit_until, std::span<const std::string_view> names,
    const std::function<std::optional<double>(int, std::optional<bool>)>& mape);

}  // namespace bf::validate
