#pragma once
// Runs the replications of a scenario and keeps, per replication, the monthly figures that
// validation compares with the published record: Border Patrol encounters per sector, and
// the ICE detention population and book-ins of people Border Patrol transferred.

#include <array>
#include <cstdint>
#include <vector>

#include "model/model_spec.h"
#include "util/date.h"

namespace bf::validate {

struct MonthOutcome {
  util::YearMonth month;
  int days = 0;  // simulated days of the month (a run may start or end mid-month)
  model::PerSector<std::int64_t> encounters{};
  std::int64_t detention_population_days = 0;  // sum over days of the end-of-day population
  std::int64_t detention_book_ins = 0;
  std::int64_t processed = 0;           // Border Patrol processing finished, all sectors
  std::int64_t title42_expulsions = 0;  // of those, expelled under Title 42
  // Border Patrol book-outs in the sectors, by the categories OHSS publishes (BookOutCategory
  // order, bookout_comparison.h), counted on the day people leave custody.
  std::array<std::int64_t, 4> bookouts{};
  double mean_detention_population() const {
    return days > 0 ? static_cast<double>(detention_population_days) / days : 0.0;
  }
  // Mean length of stay by Little's law: mean population / book-ins per day (days).
  double detention_stay_days() const {
    return detention_book_ins > 0 ? static_cast<double>(detention_population_days) /
                                        static_cast<double>(detention_book_ins)
                                  : 0.0;
  }
  std::int64_t total_encounters() const;
  // Every day of the calendar month was simulated (the comparisons use only such months).
  bool full_month() const { return days == util::days_in_month(month.year, month.month); }
};

// Months in calendar order, for one replication.
using ReplicationOutcome = std::vector<MonthOutcome>;

// Simulates replications 0 .. replications − 1 of `spec` on `threads` threads. The result
// is indexed by replication and does not depend on the number of threads.
std::vector<ReplicationOutcome> simulate_months(const model::ModelSpec& spec, int replications,
                                                int threads);

}  // namespace bf::validate
