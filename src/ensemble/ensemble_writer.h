#pragma once
// Writes an ensemble's results into a result folder (normally an output::OutputFolder's
// temporary path):
//   ensemble_days.csv  point,date,output,mean,p5,p50,p95 — one row per sweep point x day x
//                      output column of the days table (output/day_columns.h), in that order
//   replications.csv   point,replication,fingerprint,events,<integer output columns>: one row
//                      per replication, in (point, replication) order; each output is the sum
//                      over the days (a flow's run total; for a stock, person-days)
//   sweep_points.csv   point,parameter,value — what each sweep point sets (only with a sweep)
//   results.sqlite     tables ensemble_days, replications, sweep_points (same columns) and
//                      run (provenance key-value)
//   summary.json       provenance, replications, sweep points, the ensemble fingerprint and
//                      the percentile method
// Identical statistics give byte-identical files. Throws output::IoError.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "ensemble/ensemble_statistics.h"
#include "scenario/ensemble_spec.h"
#include "util/date.h"

namespace bf::ensemble {

struct EnsembleReport {
  const EnsembleStatistics* statistics = nullptr;
  util::Date start_date;
  int days = 0;
  int replications = 0;
  // One entry per sweep point; a single empty point without a sweep.
  std::vector<std::vector<std::pair<std::string, std::string>>> point_assignments;
  // Provenance rows (version, scenario, seed, ...), written to `run` and summary.json.
  std::vector<std::pair<std::string, std::string>> provenance;
};

// Digest of every replication's fingerprint in (point, replication) order: equal ensemble
// fingerprints mean every replication fired the same events.
std::string ensemble_fingerprint(const EnsembleStatistics& statistics);

void write_ensemble_results(const std::filesystem::path& folder, const EnsembleReport& report);

}  // namespace bf::ensemble
