#pragma once
// National Border Patrol encounters per demographic × citizenship cell for months CBP's
// demographic × citizenship file does not reach (it starts in October 2020), estimated from
// what OHSS publishes: the Southwest region's family-status and citizenship margins (rounded
// to 10, since FY2000) and, from March 2020, its Title 42 expulsions by family status (the
// book-outs, since FY2014). The
// cells are fitted to the two margins by iterative proportional fitting of a seed that
// carries the odds of a reference period of CBP's own cells (which citizenships come as
// families, which as single adults); the Title 42 share of each cell keeps the reference's
// relative propensities within each family status, scaled to that status's published
// expulsions. Method and its error on
// months where CBP has the cells: docs/data.md, "Months before CBP's file".

#include <optional>
#include <string>

#include "ingest/data_cbp_encounters.h"
#include "ingest/data_ohss_monthly_tables.h"
#include "model/population.h"
#include "util/date.h"

namespace bf::ingest {

// Border Patrol encounters of one month (or summed over several), by demographic ×
// citizenship, all titles and the Title 42 expulsions among them.
struct NationalCells {
  model::PerDemographic<model::PerCitizenship<double>> encounters{};
  model::PerDemographic<model::PerCitizenship<double>> title42{};
  double total() const;
};

// CBP's Border Patrol cells summed over calendar months first..last (inclusive); all zero
// when the table has no Border Patrol rows there.
NationalCells cbp_cells(const CbpEncounterTable& encounters, util::YearMonth first,
                        util::YearMonth last);

// OHSS's published margins of one month.
struct MonthMargins {
  util::YearMonth month;
  // Southwest family status (single adults, family-unit members, unaccompanied children; no
  // accompanied minors, which Border Patrol does not report) and citizenship groups, each
  // rounded to 10 by OHSS, so their sums differ from each other and from `total` by tens.
  model::PerDemographic<double> demographic{};
  model::PerCitizenship<double> citizenship{};
  // What the cells add up to: the sum of OHSS's Southwest sector totals, which the sector
  // split uses as well (both margins are scaled to it).
  double total = 0.0;
  // USBP Title 42 expulsions of the month per demographic (OHSS book-outs by family status,
  // by encounter month; none for accompanied minors); 0 before March 2020.
  model::PerDemographic<double> title42{};
};

// The estimate, or why there is none.
struct EstimatedCells {
  NationalCells cells;
  int sweeps = 0;  // IPF sweeps
  std::optional<std::string> error;
};

// USBP's Title 42 expulsions of month `m` per demographic, into `out`: OHSS's family-status
// book-outs ("CBP SWB Book-Outs by Family") are of all CBP, so each status's expulsions are
// scaled to USBP's total ("… by Agency"), assuming OFO's few expulsions split over the
// statuses as USBP's do (as the outcome mix does). Returns what is missing, or nullopt.
std::optional<std::string> usbp_title42_by_demographic(const BookOutsByGroup& by_agency,
                                                       const BookOutsByGroup& by_family,
                                                       util::YearMonth m,
                                                       model::PerDemographic<double>& out);

// IPF tolerances, as for the sector split (docs/data.md).
inline constexpr double kCellIpfTolerance = 1e-10;
inline constexpr int kCellIpfMaxSweeps = 1000;

// Fits the month's cells: seed = the reference's cells, rows = demographic margin × total /
// its sum, columns = citizenship margin × total / its sum. Title 42, per demographic d:
// share(d, c) = min(1, a_d × reference share(d, c)), with a_d the one scalar that makes d's
// expulsions add up to the month's title42[d]. Errors when a margin is positive where the
// reference has no encounters at all (no odds to carry), when IPF does not converge, or when
// a demographic's Title 42 expulsions exceed what its cells the reference ever expelled from
// can hold.
EstimatedCells estimate_cells_from_margins(const NationalCells& reference,
                                           const MonthMargins& margins);

}  // namespace bf::ingest
