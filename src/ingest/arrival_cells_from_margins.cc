#include "ingest/arrival_cells_from_margins.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "util/ipf.h"

namespace bf::ingest {
namespace {

using model::kCitizenshipCount;
using model::kDemographicCount;
using Cells = model::PerDemographic<model::PerCitizenship<double>>;

double sum(const Cells& cells) {
  double total = 0.0;
  for (const auto& row : cells) {
    for (double n : row) total += n;
  }
  return total;
}

template <typename Margin>
double sum(const Margin& margin) {
  double total = 0.0;
  for (double n : margin) total += n;
  return total;
}

using Row = model::PerCitizenship<double>;

// Expelled people of one demographic when each cell expels share = min(1, a × propensity).
double expelled(const Row& encounters, const Row& propensity, double a) {
  double total = 0.0;
  for (int c = 0; c < kCitizenshipCount; ++c) {
    total += encounters[c] * std::min(1.0, a * propensity[c]);
  }
  return total;
}

// The Title 42 expulsions of one demographic's cells: the reference's propensities scaled by
// the one factor that meets the demographic's total, found by bisection (the total is monotone
// in the factor). nullopt when the total exceeds every encounter of the cells with a
// propensity (beyond OHSS's rounding to 10).
std::optional<Row> title42_row(const Row& encounters, const Row& propensity, double target) {
  Row out{};
  if (target <= 0.0) return out;
  double largest_factor = 0.0;  // beyond it every cell with a propensity expels everyone
  for (double p : propensity) {
    if (p > 0.0) largest_factor = std::max(largest_factor, 1.0 / p);
  }
  const double most = expelled(encounters, propensity, largest_factor);
  if (target > most + 10.0) return std::nullopt;
  double low = 0.0;
  double high = largest_factor;
  for (int i = 0; i < 200 && target < most; ++i) {
    const double mid = 0.5 * (low + high);
    (expelled(encounters, propensity, mid) < target ? low : high) = mid;
  }
  const double a = target < most ? high : largest_factor;
  for (int c = 0; c < kCitizenshipCount; ++c) {
    out[c] = encounters[c] * std::min(1.0, a * propensity[c]);
  }
  return out;
}

}  // namespace

double NationalCells::total() const { return sum(encounters); }

NationalCells cbp_cells(const CbpEncounterTable& encounters, util::YearMonth first,
                        util::YearMonth last) {
  NationalCells cells;
  for (const CbpEncounterRow& row : encounters.rows) {
    if (row.component != CbpComponent::kBorderPatrol) continue;
    if (row.month < first || last < row.month) continue;
    const int d = model::index_of(row.demographic);
    const int c = model::index_of(row.citizenship);
    const auto n = static_cast<double>(row.encounters);
    cells.encounters[d][c] += n;
    if (row.title == CbpTitle::kTitle42) cells.title42[d][c] += n;
  }
  return cells;
}

std::optional<std::string> usbp_title42_by_demographic(const BookOutsByGroup& by_agency,
                                                       const BookOutsByGroup& by_family,
                                                       util::YearMonth m,
                                                       model::PerDemographic<double>& out) {
  const BookOutGroupMonth* usbp = by_agency.find("USBP", m);
  if (usbp == nullptr) return "no USBP book-outs for " + m.to_string();
  const auto usbp_total = static_cast<double>(usbp->outcome(BookOutOutcome::kT42Expulsions));
  double all_statuses = 0.0;
  // kOhssBookOutFamilyGroups after its total, in model::Demographic order.
  for (int d = 0; d < 3; ++d) {
    const BookOutGroupMonth* g =
        by_family.find(kOhssBookOutFamilyGroups[static_cast<std::size_t>(d) + 1], m);
    if (g == nullptr) {
      return "no \"" + std::string(kOhssBookOutFamilyGroups[static_cast<std::size_t>(d) + 1]) +
             "\" book-outs for " + m.to_string();
    }
    out[d] = static_cast<double>(g->outcome(BookOutOutcome::kT42Expulsions));
    all_statuses += out[d];
  }
  if (usbp_total > 0.0 && all_statuses <= 0.0) {
    return "USBP Title 42 expulsions but none by family status in " + m.to_string();
  }
  for (double& n : out) n = all_statuses > 0.0 ? n * usbp_total / all_statuses : 0.0;
  return std::nullopt;
}

EstimatedCells estimate_cells_from_margins(const NationalCells& reference,
                                           const MonthMargins& margins) {
  EstimatedCells result;
  const std::string month = margins.month.to_string();
  const double demographic_sum = sum(margins.demographic);
  const double citizenship_sum = sum(margins.citizenship);
  if (margins.total <= 0.0 || demographic_sum <= 0.0 || citizenship_sum <= 0.0) {
    result.error = month + ": a Southwest margin or the sector total is 0";
    return result;
  }
  // Both margins scaled to the sector total, so the three agree (they differ by OHSS's
  // rounding of each category to 10).
  std::vector<double> rows(kDemographicCount);
  std::vector<double> columns(kCitizenshipCount);
  for (int d = 0; d < kDemographicCount; ++d) {
    rows[static_cast<std::size_t>(d)] = margins.demographic[d] * margins.total / demographic_sum;
  }
  for (int c = 0; c < kCitizenshipCount; ++c) {
    columns[static_cast<std::size_t>(c)] = margins.citizenship[c] * margins.total / citizenship_sum;
  }
  std::vector<double> seed;
  seed.reserve(static_cast<std::size_t>(kDemographicCount) * kCitizenshipCount);
  for (int d = 0; d < kDemographicCount; ++d) {
    double row_seed = 0.0;
    for (int c = 0; c < kCitizenshipCount; ++c) {
      seed.push_back(reference.encounters[d][c]);
      row_seed += reference.encounters[d][c];
    }
    if (row_seed == 0.0 && rows[static_cast<std::size_t>(d)] > 0.0) {
      result.error = month + ": the reference has no " + std::string(model::kDemographicKeys[d]) +
                     " encounters to take odds from";
      return result;
    }
  }
  for (int c = 0; c < kCitizenshipCount; ++c) {
    double column_seed = 0.0;
    for (int d = 0; d < kDemographicCount; ++d) column_seed += reference.encounters[d][c];
    if (column_seed == 0.0 && columns[static_cast<std::size_t>(c)] > 0.0) {
      result.error = month + ": the reference has no " + std::string(model::kCitizenshipKeys[c]) +
                     " encounters to take odds from";
      return result;
    }
  }
  const util::IpfResult fit =
      util::fit_two_way(std::move(seed), kDemographicCount, kCitizenshipCount, rows, columns,
                        {kCellIpfTolerance, kCellIpfMaxSweeps});
  if (!fit.converged || fit.max_relative_margin_error > 1e-9) {
    result.error = month +
                   ": iterative proportional fitting of the demographic × citizenship "
                   "cells did not converge in " +
                   std::to_string(fit.sweeps) + " sweeps";
    return result;
  }
  result.sweeps = fit.sweeps;
  Cells propensity{};
  for (int d = 0; d < kDemographicCount; ++d) {
    for (int c = 0; c < kCitizenshipCount; ++c) {
      result.cells.encounters[d][c] =
          fit.cells[static_cast<std::size_t>(d) * kCitizenshipCount + static_cast<std::size_t>(c)];
      const double n = reference.encounters[d][c];
      propensity[d][c] = n > 0.0 ? reference.title42[d][c] / n : 0.0;
    }
  }
  for (int d = 0; d < kDemographicCount; ++d) {
    const std::optional<Row> expelled_row =
        title42_row(result.cells.encounters[d], propensity[d], margins.title42[d]);
    if (!expelled_row) {
      result.error = month + ": " + std::to_string(std::llround(margins.title42[d])) + " " +
                     std::string(model::kDemographicKeys[d]) +
                     " Title 42 expulsions are more than the encounters of the cells the "
                     "reference period expelled anyone from";
      return result;
    }
    result.cells.title42[d] = *expelled_row;
  }
  return result;
}

}  // namespace bf::ingest
