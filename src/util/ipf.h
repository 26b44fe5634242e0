#pragma once
// Iterative proportional fitting (IPF, also called raking or the RAS method) of a two-way
// table to given row and column totals. Used by the arrival-table calibration
// (docs/data.md, "Arrival table").

#include <vector>

namespace bf::util {

struct IpfOptions {
  // Stop once no cell changes by more than this fraction of its value in one sweep (a row
  // scaling followed by a column scaling). Default 1e-10.
  double tolerance = 1e-10;
  // Give up after this many sweeps. Default 1000.
  int max_sweeps = 1000;
};

struct IpfResult {
  std::vector<double> cells;  // row-major, rows × cols, fitted
  int sweeps = 0;             // sweeps done, including the one that met the tolerance
  bool converged = false;     // the tolerance was met within max_sweeps
  // max over cells of |new - old| / old in the last sweep (0 for cells that are 0).
  double last_relative_change = 0.0;
  // Largest |margin - target| / target over all row and column targets > 0 after fitting.
  double max_relative_margin_error = 0.0;
};

// Fits `seed` (row-major, rows × cols, every cell >= 0) so its row sums equal `row_targets`
// and its column sums equal `col_targets`, keeping the seed's odds ratios (its interaction)
// — the fitted table is the one of minimum Kullback-Leibler divergence from the seed with
// those margins. Preconditions: the targets are >= 0 and both sum to the same total (within
// rounding); a row or column whose target is > 0 has a seed cell > 0. A row or column whose
// seed sum is 0 is left at 0. When the seed already has the target margins (e.g. it is the
// outer product of the margins divided by the total), the first sweep changes nothing beyond
// rounding and the result is the seed. Deterministic: same inputs, same bits.
IpfResult fit_two_way(std::vector<double> seed, int rows, int cols,
                      const std::vector<double>& row_targets,
                      const std::vector<double>& col_targets, const IpfOptions& options = {});

// A three-way table x[i][j][k] (row-major, I × J × K) and its three two-way margins.
struct ThreeWayMargins {
  int i = 0, j = 0, k = 0;  // extents
  std::vector<double> ij;   // I × J: sum over k
  std::vector<double> ik;   // I × K: sum over j
  std::vector<double> jk;   // J × K: sum over i
};

// Fits `seed` (row-major I × J × K, cells >= 0) to the three two-way margins by cycling
// through them (each sweep scales to ij, then ik, then jk): the table of minimum
// Kullback-Leibler divergence from the seed with those margins, when one exists. The margins
// must agree on their one-way totals (e.g. the ij and ik margins have the same sums over j
// and over k) within rounding; a table with all three margins need not exist even then, in
// which case the sweeps stop at max_sweeps with converged false and the margin error left
// says how far. Used by the outcome-mix calibration (docs/data.md, "Outcome mix").
// Deterministic: same inputs, same bits.
IpfResult fit_three_way(std::vector<double> seed, const ThreeWayMargins& margins,
                        const IpfOptions& options = {});

}  // namespace bf::util
