#pragma once
// Monthly Border Patrol encounters per Southwest sector over consecutive calendar months:
// the published record the demand model is fitted to and validation compares with.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ingest/data_ohss_sectors.h"
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
  static SectorSeries from_ohss(const ingest::OhssSectorTable& table);

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

// The OHSS region × sector file read as a series, with what names it in derived tables.
struct SectorSeriesFile {
  SectorSeries series;
  std::string sha256;          // of the file's bytes, lowercase hex
  std::int64_t data_rows = 0;  // records after the header
  // What went wrong: nothing; the file could not be read; rows are bad (errors has one
  // "file:line:column: message" each); or a month lacks a sector (one message).
  enum class Problem { kNone, kUnreadable, kBadRows, kIncomplete } problem = Problem::kNone;
  std::vector<std::string> errors;  // empty when read
  bool ok() const { return errors.empty(); }
};

// Reads and parses `file`; `name` is how messages name it. Never throws for bad input.
SectorSeriesFile read_sector_series(const std::filesystem::path& file, const std::string& name);

}  // namespace bf::demand
