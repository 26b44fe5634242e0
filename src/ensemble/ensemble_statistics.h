#pragma once
// Statistics of an ensemble, accumulated as replications finish: per sweep point, day and
// output column of the `days` table (output/day_columns.h, whatever columns it defines), the
// mean and a BandHistogram for p5/p50/p95; and one row per replication (its fingerprint,
// events and totals). Memory per point is days x columns x (a sum and the buckets hit): it
// does not grow with the number of replications. The rows are the per-replication output
// itself (one short row each).
//
// Values enter as integers: integer columns as they are, real columns (hours, agents) in
// hundredths, the resolution the CSV prints. Sums and histogram counts are integers, so
// adding and merging are exact and commutative: an ensemble's statistics are the same bytes
// whatever threads, ranks or completion order produced them. Rows are kept sorted by
// (point, replication).
//
// Not thread-safe: each worker owns one and they are merged at the end.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ensemble/band_histogram.h"
#include "model/day_report.h"
#include "output/day_columns.h"

namespace bf::ensemble {

// The value columns of the days table (without `date`), from output::day_columns().
struct OutputColumns {
  std::vector<output::Column> columns;
  static OutputColumns of_days_table();
  std::size_t size() const { return columns.size(); }
  bool is_real(std::size_t c) const { return columns[c].type == output::ColumnType::kReal; }
};

// Hundredths per unit for real columns.
inline constexpr double kRealScale = 100.0;

// Collects one replication's values (days x columns, as integers) while it runs.
class ReplicationRecorder : public model::DayObserver {
 public:
  explicit ReplicationRecorder(std::size_t columns) : columns_(columns) {}
  void on_day(const model::DayReport& report) override;
  const std::vector<std::int64_t>& values() const { return values_; }  // day-major
  int days() const { return days_; }

 private:
  std::size_t columns_;
  std::vector<output::Cell> cells_;
  std::vector<std::int64_t> values_;
  int days_ = 0;
};

struct ReplicationRow {
  int point = 0;
  int replication = 0;
  std::uint64_t fingerprint = 0;
  std::uint64_t events = 0;
  std::vector<std::int64_t> totals;  // per column: sum over days (real columns in hundredths)
};

struct BandValues {
  double mean = 0.0;  // in the column's unit
  double p5 = 0.0, p50 = 0.0, p95 = 0.0;
};

class PointStatistics {
 public:
  PointStatistics(int days, std::size_t columns);
  void add(const std::vector<std::int64_t>& values);  // one replication, day-major
  void merge(const PointStatistics& other);
  std::uint64_t replications() const { return replications_; }
  int days() const { return days_; }
  BandValues band(int day, std::size_t column, bool real) const;

  void serialize(std::string& out) const;
  static std::optional<PointStatistics> parse(std::string_view& in);

 private:
  int days_;
  std::size_t columns_;
  std::uint64_t replications_ = 0;
  std::vector<std::int64_t> sums_;         // days x columns
  std::vector<BandHistogram> histograms_;  // days x columns
};

class EnsembleStatistics {
 public:
  EnsembleStatistics(int points, int days, std::size_t columns)
      : points_(static_cast<std::size_t>(points)), days_(days), columns_(columns) {}

  void add(int point, int replication, const ReplicationRecorder& recorded,
           std::uint64_t fingerprint, std::uint64_t events);
  // Adds everything `other` holds. Throws std::runtime_error if a replication is in both
  // (it would be counted twice).
  void merge(const EnsembleStatistics& other);

  const std::vector<ReplicationRow>& rows() const { return rows_; }
  const PointStatistics* point(int p) const;
  std::size_t replications_done() const { return rows_.size(); }

  // Binary form for checkpoints and MPI messages; parse returns nullopt on any damage or
  // if the shape (points, days, columns) differs.
  std::string serialize() const;
  static std::optional<EnsembleStatistics> parse(std::string_view in, int points, int days,
                                                 std::size_t columns);

 private:
  std::vector<std::optional<PointStatistics>> points_;
  int days_;
  std::size_t columns_;
  std::vector<ReplicationRow> rows_;  // sorted by (point, replication)
};

}  // namespace bf::ensemble
