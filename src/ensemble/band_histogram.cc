#include "ensemble/band_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace bf::ensemble {
namespace {

constexpr int kSubBits = 7;  // 128 buckets per power of two
constexpr std::uint64_t kExactLimit = 256;

std::int32_t unsigned_bucket(std::uint64_t u) {
  if (u < kExactLimit) return static_cast<std::int32_t>(u);
  const int e = 63 - std::countl_zero(u);  // >= 8
  const auto sub = static_cast<std::int32_t>((u >> (e - kSubBits)) - (1u << kSubBits));
  return static_cast<std::int32_t>(kExactLimit) + (e - 8) * (1 << kSubBits) + sub;
}

std::uint64_t unsigned_representative(std::int32_t index) {
  if (index < static_cast<std::int32_t>(kExactLimit)) return static_cast<std::uint64_t>(index);
  const int rel = index - static_cast<std::int32_t>(kExactLimit);
  const int e = 8 + rel / (1 << kSubBits);
  const std::uint64_t sub = static_cast<std::uint64_t>(rel % (1 << kSubBits));
  const std::uint64_t width = std::uint64_t{1} << (e - kSubBits);
  const std::uint64_t low = ((std::uint64_t{1} << kSubBits) + sub) * width;
  return low + (width - 1) / 2;
}

}  // namespace

std::int32_t BandHistogram::bucket_of(std::int64_t value) {
  if (value >= 0) return unsigned_bucket(static_cast<std::uint64_t>(value));
  // Negative values mirror the positive buckets below zero: -1 - bucket(|v|).
  const std::uint64_t magnitude = static_cast<std::uint64_t>(-(value + 1)) + 1;
  return -1 - unsigned_bucket(magnitude);
}

std::int64_t BandHistogram::representative(std::int32_t index) {
  if (index >= 0) return static_cast<std::int64_t>(unsigned_representative(index));
  return -static_cast<std::int64_t>(unsigned_representative(-1 - index));
}

void BandHistogram::add_bucket(std::int32_t index, std::uint32_t count) {
  auto it = std::lower_bound(buckets_.begin(), buckets_.end(), index,
                             [](const auto& b, std::int32_t i) { return b.first < i; });
  if (it != buckets_.end() && it->first == index) {
    it->second += count;
  } else {
    buckets_.insert(it, {index, count});
  }
  count_ += count;
}

void BandHistogram::add(std::int64_t value) { add_bucket(bucket_of(value), 1); }

void BandHistogram::merge(const BandHistogram& other) {
  for (const auto& [index, count] : other.buckets_) add_bucket(index, count);
}

std::int64_t BandHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  auto rank = static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_)));
  rank = std::clamp<std::uint64_t>(rank, 1, count_);
  std::uint64_t seen = 0;
  for (const auto& [index, count] : buckets_) {
    seen += count;
    if (seen >= rank) return representative(index);
  }
  return representative(buckets_.back().first);
}

}  // namespace bf::ensemble
