#pragma once
// Simulated against published, month by month: the simulated median with its 5–95% band
// across replications, the published figure, the error, and mean absolute percentage errors
// that keep in-sample and out-of-sample months apart.

#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "demand/sector_series.h"
#include "validate/monthly_outcomes.h"

namespace bf::validate {

// Nearest-rank percentiles of the replications' values.
struct Band {
  double p5 = 0.0;
  double median = 0.0;
  double p95 = 0.0;
};
Band band_of(std::vector<double> values);  // precondition: !values.empty()

// The band across replications of one month's value, `value(const MonthOutcome&)` → double;
// `month` indexes each replication's months (every replication covers the same months).
template <class Value>
Band band_across_runs(const std::vector<ReplicationOutcome>& runs, std::size_t month, Value value) {
  std::vector<double> values;
  values.reserve(runs.size());
  for (const ReplicationOutcome& run : runs) values.push_back(value(run[month]));
  return band_of(std::move(values));
}

// Mean of |error(row)| over the rows `keep` accepts (errors in percent: a MAPE); nullopt
// when it accepts none.
template <class Row, class Keep, class Error>
std::optional<double> mean_absolute(const std::vector<Row>& rows, Keep keep, Error error) {
  double sum = 0.0;
  int n = 0;
  for (const Row& row : rows) {
    if (!keep(row)) continue;
    sum += std::abs(error(row));
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

struct MonthComparison {
  util::YearMonth month;
  int sector = -1;             // −1: the Southwest total
  int horizon = 0;             // months after the fit date; 0 = in sample
  bool policy_change = false;  // out of sample and a new policy began since the fit date
  double published = 0.0;
  Band simulated;
  double error_percent() const {
    return published > 0.0 ? 100.0 * (simulated.median - published) / published : 0.0;
  }
};

struct EncounterComparison {
  std::optional<util::YearMonth> fit_until;  // none: every month is in sample
  std::vector<MonthComparison> rows;         // per month: the total, then the nine sectors
};

// Compares the full months of the runs (every replication covers the same months) with
// `published`; months the published series lacks are left out.
EncounterComparison compare_encounters(const std::vector<ReplicationOutcome>& runs,
                                       const demand::SectorSeries& published,
                                       std::optional<util::YearMonth> fit_until);

// Mean absolute percentage error of the medians over the rows of `sector` that `keep`
// accepts; nullopt when there are none.
template <class Keep>
std::optional<double> mape(const EncounterComparison& c, int sector, Keep keep) {
  return mean_absolute(
      c.rows,
      [&](const MonthComparison& row) {
        return row.sector == sector && keep(row) && row.published > 0.0;
      },
      [](const MonthComparison& row) { return row.error_percent(); });
}

}  // namespace bf::validate
