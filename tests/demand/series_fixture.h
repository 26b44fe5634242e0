#pragma once
// Hand-made monthly sector series for the demand tests.

#include <cmath>
#include <functional>
#include <vector>

#include "demand/sector_series.h"

namespace bf::demand::testing {

// Months first .. last; sector s of month m holds value(m, s).
inline SectorSeries make_series(util::YearMonth first, util::YearMonth last,
                                const std::function<double(util::YearMonth, int)>& value) {
  std::vector<model::PerSector<double>> months;
  for (util::YearMonth m = first; m <= last; m = m.next()) {
    model::PerSector<double> row{};
    for (int s = 0; s < model::kSectorCount; ++s) row[static_cast<std::size_t>(s)] = value(m, s);
    months.push_back(row);
  }
  return SectorSeries(first, std::move(months));
}

// A seasonal pattern (log deviations, January first, summing to 0).
inline constexpr double kSeason[12] = {-0.15, -0.05, 0.16,  0.16, 0.17,  0.02,
                                       -0.09, -0.05, -0.09, 0.02, -0.02, -0.08};
inline double season(util::YearMonth m) { return kSeason[m.month - 1]; }

}  // namespace bf::demand::testing
