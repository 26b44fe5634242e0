#pragma once
// Simulated against published, month by month: the simulated median with its 5–95% band
// across replications, the published figure, the error, and mean absolute percentage errors
// that keep in-sample and out-of-sample months apart.

#include <cmath>
#include <optional>
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
  double sum = 0.0;
  int n = 0;
  for (const MonthComparison& row : c.rows) {
    if (row.sector != sector || !keep(row) || row.published <= 0.0) continue;
    sum += std::abs(row.error_percent());
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace bf::validate
