#include "ensemble/ensemble_statistics.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace bf::ensemble {
namespace {

constexpr std::string_view kMagic = "BFENS001";

void put(std::string& out, std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 8);
}
void put_signed(std::string& out, std::int64_t v) { put(out, static_cast<std::uint64_t>(v)); }

bool get(std::string_view& in, std::uint64_t& v) {
  if (in.size() < 8) return false;
  v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t{static_cast<unsigned char>(in[i])} << (8 * i);
  in.remove_prefix(8);
  return true;
}
bool get_signed(std::string_view& in, std::int64_t& v) {
  std::uint64_t u = 0;
  if (!get(in, u)) return false;
  v = static_cast<std::int64_t>(u);
  return true;
}

bool row_less(const ReplicationRow& a, const ReplicationRow& b) {
  return a.point != b.point ? a.point < b.point : a.replication < b.replication;
}

}  // namespace

OutputColumns OutputColumns::of_days_table() {
  std::vector<output::Column> all = output::day_columns();
  OutputColumns out;
  out.columns.assign(all.begin() + output::kDayKeyColumns, all.end());
  return out;
}

void ReplicationRecorder::on_day(const model::DayReport& report) {
  output::day_cells(report, cells_);
  if (cells_.size() != columns_) throw std::logic_error("day_cells and day_columns disagree");
  for (const output::Cell& c : cells_) {
    values_.push_back(c.type == output::ColumnType::kInteger
                          ? c.integer
                          : static_cast<std::int64_t>(std::llround(c.real * kRealScale)));
  }
  ++days_;
}

PointStatistics::PointStatistics(int days, std::size_t columns)
    : days_(days),
      columns_(columns),
      sums_(static_cast<std::size_t>(days) * columns, 0),
      histograms_(static_cast<std::size_t>(days) * columns) {}

void PointStatistics::add(const std::vector<std::int64_t>& values) {
  if (values.size() != sums_.size()) throw std::logic_error("replication has the wrong shape");
  for (std::size_t i = 0; i < values.size(); ++i) {
    sums_[i] += values[i];
    histograms_[i].add(values[i]);
  }
  ++replications_;
}

void PointStatistics::merge(const PointStatistics& other) {
  for (std::size_t i = 0; i < sums_.size(); ++i) {
    sums_[i] += other.sums_[i];
    histograms_[i].merge(other.histograms_[i]);
  }
  replications_ += other.replications_;
}

BandValues PointStatistics::band(int day, std::size_t column, bool real) const {
  const std::size_t i = static_cast<std::size_t>(day) * columns_ + column;
  const double scale = real ? kRealScale : 1.0;
  BandValues b;
  if (replications_ == 0) return b;
  b.mean = static_cast<double>(sums_[i]) / static_cast<double>(replications_) / scale;
  b.p5 = static_cast<double>(histograms_[i].percentile(5)) / scale;
  b.p50 = static_cast<double>(histograms_[i].percentile(50)) / scale;
  b.p95 = static_cast<double>(histograms_[i].percentile(95)) / scale;
  return b;
}

void PointStatistics::serialize(std::string& out) const {
  put(out, static_cast<std::uint64_t>(days_));
  put(out, columns_);
  put(out, replications_);
  for (std::size_t i = 0; i < sums_.size(); ++i) {
    put_signed(out, sums_[i]);
    const auto& buckets = histograms_[i].buckets();
    put(out, buckets.size());
    for (const auto& [index, count] : buckets) {
      put(out, (static_cast<std::uint64_t>(static_cast<std::uint32_t>(index)) << 32) | count);
    }
  }
}

std::optional<PointStatistics> PointStatistics::parse(std::string_view& in) {
  std::uint64_t days = 0, columns = 0, replications = 0;
  if (!get(in, days) || !get(in, columns) || !get(in, replications)) return std::nullopt;
  if (days > 1000000 || columns > 100000) return std::nullopt;
  PointStatistics p(static_cast<int>(days), columns);
  p.replications_ = replications;
  for (std::size_t i = 0; i < p.sums_.size(); ++i) {
    std::uint64_t n = 0;
    if (!get_signed(in, p.sums_[i]) || !get(in, n) || n > in.size() / 8) return std::nullopt;
    for (std::uint64_t k = 0; k < n; ++k) {
      std::uint64_t word = 0;
      get(in, word);
      p.histograms_[i].add_bucket(static_cast<std::int32_t>(static_cast<std::uint32_t>(word >> 32)),
                                  static_cast<std::uint32_t>(word & 0xffffffffu));
    }
    if (p.histograms_[i].count() != replications) return std::nullopt;
  }
  return p;
}

void EnsembleStatistics::add(int point, int replication, const ReplicationRecorder& recorded,
                             std::uint64_t fingerprint, std::uint64_t events) {
  auto& slot = points_.at(static_cast<std::size_t>(point));
  if (!slot) slot.emplace(days_, columns_);
  slot->add(recorded.values());
  ReplicationRow row{point, replication, fingerprint, events,
                     std::vector<std::int64_t>(columns_, 0)};
  const std::vector<std::int64_t>& v = recorded.values();
  for (std::size_t i = 0; i < v.size(); ++i) row.totals[i % columns_] += v[i];
  auto at = std::lower_bound(rows_.begin(), rows_.end(), row, row_less);
  if (at != rows_.end() && !row_less(row, *at)) {
    throw std::runtime_error("replication " + std::to_string(replication) + " added twice");
  }
  rows_.insert(at, std::move(row));
}

void EnsembleStatistics::merge(const EnsembleStatistics& other) {
  for (std::size_t p = 0; p < points_.size(); ++p) {
    if (!other.points_[p]) continue;
    if (!points_[p]) {
      points_[p] = other.points_[p];
    } else {
      points_[p]->merge(*other.points_[p]);
    }
  }
  std::vector<ReplicationRow> merged;
  merged.reserve(rows_.size() + other.rows_.size());
  std::merge(rows_.begin(), rows_.end(), other.rows_.begin(), other.rows_.end(),
             std::back_inserter(merged), row_less);
  for (std::size_t i = 1; i < merged.size(); ++i) {
    if (!row_less(merged[i - 1], merged[i])) {
      throw std::runtime_error("replication " + std::to_string(merged[i].replication) +
                               " of sweep point " + std::to_string(merged[i].point) +
                               " was recorded twice");
    }
  }
  rows_ = std::move(merged);
}

const PointStatistics* EnsembleStatistics::point(int p) const {
  const auto& slot = points_.at(static_cast<std::size_t>(p));
  return slot ? &*slot : nullptr;
}

std::string EnsembleStatistics::serialize() const {
  std::string out(kMagic);
  put(out, points_.size());
  put(out, static_cast<std::uint64_t>(days_));
  put(out, columns_);
  put(out, rows_.size());
  for (const ReplicationRow& r : rows_) {
    put(out, static_cast<std::uint64_t>(r.point));
    put(out, static_cast<std::uint64_t>(r.replication));
    put(out, r.fingerprint);
    put(out, r.events);
    for (std::int64_t t : r.totals) put_signed(out, t);
  }
  for (const auto& p : points_) {
    put(out, p ? 1 : 0);
    if (p) p->serialize(out);
  }
  return out;
}

std::optional<EnsembleStatistics> EnsembleStatistics::parse(std::string_view in, int points,
                                                            int days, std::size_t columns) {
  if (in.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  in.remove_prefix(kMagic.size());
  std::uint64_t n_points = 0, n_days = 0, n_columns = 0, n_rows = 0;
  if (!get(in, n_points) || !get(in, n_days) || !get(in, n_columns) || !get(in, n_rows)) {
    return std::nullopt;
  }
  if (n_points != static_cast<std::uint64_t>(points) ||
      n_days != static_cast<std::uint64_t>(days) || n_columns != columns) {
    return std::nullopt;
  }
  EnsembleStatistics s(points, days, columns);
  if (n_rows > in.size() / 8) return std::nullopt;
  for (std::uint64_t i = 0; i < n_rows; ++i) {
    ReplicationRow r;
    std::uint64_t point = 0, replication = 0;
    if (!get(in, point) || !get(in, replication) || !get(in, r.fingerprint) || !get(in, r.events) ||
        point >= n_points) {
      return std::nullopt;
    }
    r.point = static_cast<int>(point);
    r.replication = static_cast<int>(replication);
    r.totals.resize(columns);
    for (std::int64_t& t : r.totals) {
      if (!get_signed(in, t)) return std::nullopt;
    }
    if (!s.rows_.empty() && !row_less(s.rows_.back(), r)) return std::nullopt;
    s.rows_.push_back(std::move(r));
  }
  for (auto& p : s.points_) {
    std::uint64_t present = 0;
    if (!get(in, present)) return std::nullopt;
    if (present == 0) continue;
    p = PointStatistics::parse(in);
    if (!p || p->days() != days) return std::nullopt;
  }
  if (!in.empty()) return std::nullopt;
  return s;
}

}  // namespace bf::ensemble
