#include "demand/sector_series.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

#include "ingest/data_error.h"
#include "util/sha256.h"

namespace bf::demand {

SectorSeries::SectorSeries(util::YearMonth first, std::vector<model::PerSector<double>> months)
    : first_(first), months_(std::move(months)) {}

SectorSeries SectorSeries::from_ohss(const ingest::OhssSectorTable& table) {
  std::map<int, model::PerSector<double>> by_month;
  std::map<int, int> sectors_seen;
  for (const ingest::OhssSectorRow& row : table.rows) {
    by_month[row.month.index()][static_cast<std::size_t>(row.sector)] =
        static_cast<double>(row.encounters);
    ++sectors_seen[row.month.index()];
  }
  if (by_month.empty()) return {};
  const int first = by_month.begin()->first;
  const int last = by_month.rbegin()->first;
  std::vector<model::PerSector<double>> months;
  for (int m = first; m <= last; ++m) {
    const auto it = by_month.find(m);
    if (it == by_month.end() || sectors_seen[m] != model::kSectorCount) {
      throw std::invalid_argument(table.file + ": month " +
                                  util::YearMonth::from_index(m).to_string() +
                                  " does not have all nine Southwest sectors");
    }
    months.push_back(it->second);
  }
  return SectorSeries(util::YearMonth::from_index(first), std::move(months));
}

util::YearMonth SectorSeries::last() const {
  return first_.plus(static_cast<int>(months_.size()) - 1);
}

bool SectorSeries::contains(util::YearMonth month) const {
  const int offset = month.index() - first_.index();
  return offset >= 0 && offset < static_cast<int>(months_.size());
}

double SectorSeries::at(util::YearMonth month, int sector) const {
  return months_[static_cast<std::size_t>(month.index() - first_.index())]
                [static_cast<std::size_t>(sector)];
}

double SectorSeries::total(util::YearMonth month) const {
  double sum = 0.0;
  for (int s = 0; s < model::kSectorCount; ++s) sum += at(month, s);
  return sum;
}

SectorSeries SectorSeries::through(util::YearMonth last) const {
  const int keep = std::max(0, last.index() - first_.index() + 1);
  const auto count = std::min(months_.size(), static_cast<std::size_t>(keep));
  return SectorSeries(first_, std::vector<model::PerSector<double>>(
                                  months_.begin(), months_.begin() + static_cast<long>(count)));
}

SectorSeriesFile read_sector_series(const std::filesystem::path& file, const std::string& name) {
  SectorSeriesFile out;
  const ingest::FileText text = ingest::read_file_bytes(file);
  if (text.error) {
    out.problem = SectorSeriesFile::Problem::kUnreadable;
    out.errors.push_back(text.error->to_string());
    return out;
  }
  const ingest::OhssSectorTable table = ingest::parse_ohss_sectors(*text.bytes, name);
  for (const ingest::DataError& e : table.errors) out.errors.push_back(e.to_string());
  if (!table.ok()) {
    out.problem = SectorSeriesFile::Problem::kBadRows;
    return out;
  }
  try {
    out.series = SectorSeries::from_ohss(table);
  } catch (const std::invalid_argument& e) {
    out.problem = SectorSeriesFile::Problem::kIncomplete;
    out.errors.push_back(e.what());
    return out;
  }
  out.sha256 = util::sha256(*text.bytes);
  out.data_rows = table.data_rows;
  return out;
}

}  // namespace bf::demand
