#pragma once
// A sparse log-linear histogram of integer values, for percentiles across replications with
// memory that does not grow with the number of replications.
//
// Method (HDR-histogram-like): values |v| < 256 each have their own bucket (exact); above,
// every power of two [2^e, 2^(e+1)) is cut into 128 equal buckets, so a bucket's width is at
// most 1/128 of its values. A percentile is read by nearest rank (the ceil(p/100 * n)-th
// smallest value) and reported as the midpoint of that value's bucket: exact below 256,
// otherwise within 1/256 (0.39%) of the exact nearest-rank value. Only buckets that were hit
// are stored, so memory is bounded by the spread of the values (at most 128 buckets per
// power of two), never by how many were added.
//
// Counts are integers, so adding and merging are exact and commutative: the same values give
// the same histogram whatever the order, thread or rank that added them.

#include <cstdint>
#include <utility>
#include <vector>

namespace bf::ensemble {

class BandHistogram {
 public:
  void add(std::int64_t value);
  void merge(const BandHistogram& other);
  std::uint64_t count() const { return count_; }
  // Nearest-rank percentile, p in (0, 100]; 0 when empty. See the class comment for the error.
  std::int64_t percentile(double p) const;
  // Buckets hit, as (bucket index, count), sorted by index (for serialisation).
  const std::vector<std::pair<std::int32_t, std::uint32_t>>& buckets() const { return buckets_; }
  void add_bucket(std::int32_t index, std::uint32_t count);

  static std::int32_t bucket_of(std::int64_t value);
  // The midpoint of bucket `index` (rounded towards zero).
  static std::int64_t representative(std::int32_t index);

 private:
  std::vector<std::pair<std::int32_t, std::uint32_t>> buckets_;
  std::uint64_t count_ = 0;
};

}  // namespace bf::ensemble
