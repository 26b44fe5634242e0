#pragma once
// Monthly Border Patrol encounters per Southwest sector over consecutive calendar months:
// the published record the demand model is fitted to and validation compares with.

#include <vector>

#include "io/data_ohss_sectors.h"
#include "model/population.h"
#include "util/date.h"

namespace bf::demand {

class SectorSeries {
 public:
  SectorSeries() = default;
  // `months[i]` holds month first + i. Values are encounters (>= 0).
  SectorSeries(util::YearMonth first, std::vector<model::PerSector<double>> months);

  // The OHSS table's Southwest rows as a series. Throws std::invalid_argument when a month
  // between the first and the last lacks a sector (the file would have a hole).
  static SectorSeries from_ohss(const io::OhssSectorTable& table);

  bool empty() const { return months_.empty(); }
  util::YearMonth first() const { return first_; }
  util::YearMonth last() const;  // precondition: !empty()
  bool contains(util::YearMonth month) const;
  double at(util::YearMonth month, int sector) const;  // precondition: contains(month)
  double total(util::YearMonth month) const;           // sum over the nine sectors
  // The months up to and including `last` (fewer when the series ends earlier).
  SectorSeries through(util::YearMonth last) const;

 private:
  util::YearMonth first_;
  std::vector<model::PerSector<double>> months_;
};

}  // namespace bf::demand
