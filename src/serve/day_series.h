#pragma once
// The daily series the what-if page draws, kept for one replication: a few whole-border
// series (for the difference chart) and, per sector, the series of the small multiples. Each
// is one number per simulated day, in people (flows during the day, stocks at its end, as
// model/day_report.h defines them).

#include <array>
#include <string_view>
#include <vector>

#include "model/day_report.h"
#include "model/population.h"

namespace bf::serve {

// Whole-border series, in this order.
enum class BorderSeries {
  kEncounters,
  kInCustody,
  kOverCapacity,
  kHeldOver72h,
  kReleased,
  kGotaways,
  kDetentionPopulation,
  kCount
};
inline constexpr std::size_t kBorderSeriesCount = static_cast<std::size_t>(BorderSeries::kCount);
// Keys in the JSON the page reads, indexed by BorderSeries.
inline constexpr std::array<std::string_view, kBorderSeriesCount> kBorderSeriesKeys = {
    "encounters", "in_custody", "over_capacity",       "held_over_72h",
    "released",   "gotaways",   "detention_population"};

// Per-sector series, in this order; holding capacity is the setting in force that day.
enum class SectorSeries {
  kInCustody,
  kOverCapacity,
  kEncounters,
  kHeldOver72h,
  kHoldingCapacity,
  kCount
};
inline constexpr std::size_t kSectorSeriesCount = static_cast<std::size_t>(SectorSeries::kCount);
inline constexpr std::array<std::string_view, kSectorSeriesCount> kSectorSeriesKeys = {
    "in_custody", "over_capacity", "encounters", "held_over_72h", "holding_capacity"};

struct DaySeries {
  std::vector<util::Date> dates;
  // border[s][day]
  std::array<std::vector<double>, kBorderSeriesCount> border;
  // sectors[sector][s][day]
  model::PerSector<std::array<std::vector<double>, kSectorSeriesCount>> sectors;
};

// Collects a DaySeries (a model::DayObserver).
class DaySeriesObserver final : public model::DayObserver {
 public:
  void on_day(const model::DayReport& report) override;
  const DaySeries& series() const { return series_; }
  DaySeries take() { return std::move(series_); }

 private:
  DaySeries series_;
};

// Calls each observer in turn: one replication observed by several collectors.
class TeeObserver final : public model::DayObserver {
 public:
  TeeObserver(model::DayObserver& first, model::DayObserver& second)
      : first_(first), second_(second) {}
  void on_day(const model::DayReport& report) override {
    first_.on_day(report);
    second_.on_day(report);
  }

 private:
  model::DayObserver& first_;
  model::DayObserver& second_;
};

}  // namespace bf::serve
