#include "ingest/outcome_mix_builder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <sstream>
#include <utility>

#include "util/atomic_file.h"
#include "util/ipf.h"
#include "util/number_format.h"
#include "util/sha256.h"

namespace bf::ingest {
namespace {

using model::Citizenship;
using model::Demographic;
using model::kCitizenshipCount;
using model::kDemographicCount;
using model::kOutcomeCount;

// The published outcomes the fit works with (OFO paroles are not USBP's), in this order.
constexpr std::array<BookOutOutcome, 7> kFitted = {BookOutOutcome::kT8Repatriations,
                                                   BookOutOutcome::kT42Expulsions,
                                                   BookOutOutcome::kMpp,
                                                   BookOutOutcome::kTransfersToIce,
                                                   BookOutOutcome::kTransfersToHhs,
                                                   BookOutOutcome::kUsbpReleases,
                                                   BookOutOutcome::kOther};
constexpr int kO = static_cast<int>(kFitted.size());

// The modelled outcome of a published one; -1: left out (Title 42, other).
constexpr std::array<int, kO> kModelled = {static_cast<int>(model::Outcome::kReturned),
                                           -1,
                                           static_cast<int>(model::Outcome::kReturned),
                                           static_cast<int>(model::Outcome::kToIce),
                                           static_cast<int>(model::Outcome::kToHhs),
                                           static_cast<int>(model::Outcome::kReleased),
                                           -1};

// OHSS family statuses (kOhssBookOutFamilyGroups after the total), and the one of each model
// demographic: accompanied minors go with families.
constexpr int kF = 3;
constexpr std::array<std::string_view, kF> kFamilyGroups = {
    "Single Adults", "Family Unit Individuals", "Unaccompanied Children/Single Minors"};
constexpr std::array<int, kDemographicCount> kFamilyOf = {0, 1, 2, 1};

// OHSS citizenship groups of the model's named groups ("other" is the rest of the total).
constexpr std::array<std::string_view, kCitizenshipCount - 1> kCitizenshipGroups = {
    "Mexico", "Guatemala", "Honduras", "El Salvador"};

constexpr std::array<std::string_view, 3> kBases = {"fitted", "margin", "carried"};

// Shares of the modelled outcomes in a row of published outcome counts; false if none.
bool modelled_shares(const std::array<double, kO>& counts, model::OutcomeShares& shares,
                     double& total) {
  shares = {};
  total = 0.0;
  for (int o = 0; o < kO; ++o) {
    if (kModelled[static_cast<std::size_t>(o)] < 0) continue;
    shares[static_cast<std::size_t>(kModelled[static_cast<std::size_t>(o)])] +=
        counts[static_cast<std::size_t>(o)];
    total += counts[static_cast<std::size_t>(o)];
  }
  if (total <= 0.0) return false;
  for (double& s : shares) s /= total;
  return true;
}

// Scales each outcome column of `cells` (groups × kO) to `targets`; a column with no cells
// but a target is left at 0 and reported through `unmet`.
void scale_columns(std::vector<std::array<double, kO>>& cells,
                   const std::array<double, kO>& targets, bool& unmet) {
  for (int o = 0; o < kO; ++o) {
    const auto col = static_cast<std::size_t>(o);
    double sum = 0.0;
    for (const auto& row : cells) sum += row[col];
    if (sum <= 0.0) {
      if (targets[col] > 0.0) unmet = true;
      continue;
    }
    for (auto& row : cells) row[col] *= targets[col] / sum;
  }
}

// Row-major index of (row, col) in a table of `cols` columns.
std::size_t at2(int row, int col, int cols) {
  return static_cast<std::size_t>(row) * static_cast<std::size_t>(cols) +
         static_cast<std::size_t>(col);
}

// Share of the table's total that lies off the three two-way margins (see OutcomeMixMonthFit).
double misplaced_share(const std::vector<double>& cells, const util::ThreeWayMargins& m) {
  std::vector<double> ij(m.ij.size()), ik(m.ik.size()), jk(m.jk.size());
  double total = 0.0;
  for (int i = 0; i < m.i; ++i) {
    for (int j = 0; j < m.j; ++j) {
      for (int k = 0; k < m.k; ++k) {
        const double v = cells[at2(i * m.j + j, k, m.k)];
        ij[at2(i, j, m.j)] += v;
        ik[at2(i, k, m.k)] += v;
        jk[at2(j, k, m.k)] += v;
        total += v;
      }
    }
  }
  if (total <= 0.0) return 0.0;
  const auto off = [total](const std::vector<double>& fitted, const std::vector<double>& target) {
    double sum = 0.0;
    for (std::size_t n = 0; n < fitted.size(); ++n) sum += std::abs(fitted[n] - target[n]);
    return sum / (2.0 * total);
  };
  return std::max({off(ij, m.ij), off(ik, m.ik), off(jk, m.jk)});
}

}  // namespace

OutcomeMixResult build_outcome_mix(const OutcomeMixInputs& inputs, util::YearMonth first,
                                   util::YearMonth last, std::optional<util::YearMonth> carry_to) {
  OutcomeMixResult result;
  const auto fail = [&](std::string message) {
    result.errors.push_back({"", 0, 0, std::move(message)});
  };
  if (last < first) {
    fail("empty month range: " + first.to_string() + " is after " + last.to_string());
    return result;
  }
  if (carry_to && *carry_to < last) {
    fail("--carry-to " + carry_to->to_string() + " is before --to " + last.to_string());
    return result;
  }
  const BookOutsByGroup by_family = book_outs_by_group(inputs.tables, kOhssBookOutsByFamilySheet);
  const BookOutsByGroup by_citizenship =
      book_outs_by_group(inputs.tables, kOhssBookOutsByCitizenshipSheet);
  const auto book_ins = inputs.tables.series(kOhssIceBookInsByAgencySheet, "", "CBP");
  const auto ice_book_outs = inputs.tables.series(kOhssIceBookOutsByAgencySheet, "CBP", "Total");
  const auto ice_removals =
      inputs.tables.series(kOhssIceBookOutsByAgencySheet, "CBP", kOhssIceRemovalBookOut);
  const auto ice_removals_and_returns =
      inputs.tables.series(kOhssIceRemovalsByAgencySheet, "", "CBP");

  // CBP national USBP encounters by demographic × citizenship, per month (every month of the
  // file: the first twelve seed the months before it).
  using FamilyCells = std::array<std::array<double, kCitizenshipCount>, kF>;
  std::map<util::YearMonth, FamilyCells> encounters;
  for (const CbpEncounterRow& row : inputs.encounters.rows) {
    if (row.component != CbpComponent::kBorderPatrol) continue;
    encounters[row.month][static_cast<std::size_t>(
        kFamilyOf[static_cast<std::size_t>(model::index_of(row.demographic))])]
              [static_cast<std::size_t>(model::index_of(row.citizenship))] +=
        static_cast<double>(row.encounters);
  }
  // The seed of months before CBP's file: its first twelve months summed (their odds).
  std::optional<FamilyCells> reference;
  if (!encounters.empty() && first < encounters.begin()->first) {
    const util::YearMonth from = encounters.begin()->first;
    FamilyCells sum{};
    for (util::YearMonth m = from; m <= from.plus(11); m = m.next()) {
      const auto found = encounters.find(m);
      if (found == encounters.end()) {
        fail(inputs.encounters.file + ": the months before " + from.to_string() +
             " take their odds from CBP's first twelve months, but " + m.to_string() +
             " has no Border Patrol encounters");
        return result;
      }
      for (int f = 0; f < kF; ++f) {
        for (int c = 0; c < kCitizenshipCount; ++c) {
          sum[static_cast<std::size_t>(f)][static_cast<std::size_t>(c)] +=
              found->second[static_cast<std::size_t>(f)][static_cast<std::size_t>(c)];
        }
      }
    }
    reference = sum;
    result.reference_first = from;
  }
  // The factor of the release share estimated before ICE's book-outs by arrest agency.
  std::optional<util::YearMonth> book_outs_from;
  for (const auto& [month, value] : ice_book_outs) {
    if (value) {
      book_outs_from = month;
      break;
    }
  }
  if (book_outs_from && first < *book_outs_from) {
    double removed_sum = 0.0, left_sum = 0.0, removals_and_returns = 0.0, booked_in = 0.0;
    for (util::YearMonth m = *book_outs_from; m <= book_outs_from->plus(11); m = m.next()) {
      const auto value = [&m](const auto& series) -> std::optional<double> {
        const auto found = series.find(m);
        if (found == series.end() || !found->second) return std::nullopt;
        return static_cast<double>(*found->second);
      };
      const auto removed = value(ice_removals), left = value(ice_book_outs),
                 rr = value(ice_removals_and_returns), in = value(book_ins);
      if (!removed || !left || !rr || !in) {
        fail(inputs.tables.file + ": the ICE release share before " + book_outs_from->to_string() +
             " is fitted on the next twelve months, but " + m.to_string() +
             " lacks ICE book-outs, removals and returns or book-ins of CBP "
             "arrests");
        return result;
      }
      removed_sum += *removed, left_sum += *left, removals_and_returns += *rr, booked_in += *in;
    }
    if (removals_and_returns <= 0.0 || left_sum <= 0.0) {
      fail(inputs.tables.file +
           ": no ICE removals or book-outs of CBP arrests to fit the "
           "release share before " +
           book_outs_from->to_string());
      return result;
    }
    result.release_factor = removed_sum / removals_and_returns * booked_in / left_sum;
    result.release_factor_first = *book_outs_from;
    result.release_factor_last = book_outs_from->plus(11);
  }

  for (util::YearMonth m = first; m <= last; m = m.next()) {
    const std::string when = " for " + m.to_string();
    const BookOutMonth* usbp = inputs.by_agency.find(BookOutComponent::kUsbp, m);
    const BookOutMonth* cbp = inputs.by_agency.find(BookOutComponent::kTotalCbp, m);
    if (usbp == nullptr || cbp == nullptr) {
      fail(inputs.by_agency.file + ": no USBP and Total CBP rows" + when);
      continue;
    }
    // Step 1: USBP's outcome totals, and the family and citizenship tables scaled to them.
    std::array<double, kO> usbp_total{};
    std::array<double, kO> usbp_share{};  // USBP / Total CBP, per outcome
    for (int o = 0; o < kO; ++o) {
      const auto i = static_cast<std::size_t>(o);
      usbp_total[i] = static_cast<double>(usbp->outcome(kFitted[i]));
      const auto all = static_cast<double>(cbp->outcome(kFitted[i]));
      usbp_share[i] = all > 0.0 ? std::min(1.0, usbp_total[i] / all) : 0.0;
    }
    const auto group_row = [&](const BookOutsByGroup& table, std::string_view group,
                               std::array<double, kO>& row) {
      const BookOutGroupMonth* g = table.find(group, m);
      if (g == nullptr) {
        fail(inputs.tables.file + ": no group \"" + std::string(group) + "\" in sheet \"" +
             table.sheet + "\"" + when);
        return false;
      }
      for (int o = 0; o < kO; ++o) {
        const auto i = static_cast<std::size_t>(o);
        row[i] = static_cast<double>(g->outcome(kFitted[i])) * usbp_share[i];
      }
      return true;
    };
    std::vector<std::array<double, kO>> family(kF), citizenship(kCitizenshipCount);
    bool complete = true;
    for (int f = 0; f < kF; ++f) {
      complete &= group_row(by_family, kFamilyGroups[static_cast<std::size_t>(f)],
                            family[static_cast<std::size_t>(f)]);
    }
    std::array<double, kO> all_citizenships{};
    complete &= group_row(by_citizenship, kOhssBookOutTotalGroup, all_citizenships);
    for (int c = 0; c + 1 < kCitizenshipCount; ++c) {
      complete &= group_row(by_citizenship, kCitizenshipGroups[static_cast<std::size_t>(c)],
                            citizenship[static_cast<std::size_t>(c)]);
    }
    auto it = encounters.find(m);
    const bool seeded_by_reference =
        it == encounters.end() && reference && m < encounters.begin()->first;
    if (it == encounters.end() && !seeded_by_reference) {
      fail(inputs.encounters.file + ": no Border Patrol encounters" + when);
      complete = false;
    }
    if (!complete) continue;
    for (int o = 0; o < kO; ++o) {
      const auto i = static_cast<std::size_t>(o);
      double named = 0.0;
      for (int c = 0; c + 1 < kCitizenshipCount; ++c)
        named += citizenship[static_cast<std::size_t>(c)][i];
      citizenship.back()[i] = std::max(0.0, all_citizenships[i] - named);
    }
    bool unmet = false;
    scale_columns(family, usbp_total, unmet);
    scale_columns(citizenship, usbp_total, unmet);
    if (unmet) {
      fail(inputs.tables.file +
           ": an outcome USBP reports has no family-status or citizenship "
           "cells" +
           when);
      continue;
    }

    // Step 2: encounters by family × citizenship, fitted to the step-1 totals.
    std::vector<double> family_totals(kF), citizenship_totals(kCitizenshipCount);
    for (int f = 0; f < kF; ++f) {
      for (double v : family[static_cast<std::size_t>(f)])
        family_totals[static_cast<std::size_t>(f)] += v;
    }
    for (int c = 0; c < kCitizenshipCount; ++c) {
      for (double v : citizenship[static_cast<std::size_t>(c)]) {
        citizenship_totals[static_cast<std::size_t>(c)] += v;
      }
    }
    std::vector<double> seed;
    for (const auto& row : seeded_by_reference ? *reference : it->second) {
      seed.insert(seed.end(), row.begin(), row.end());
    }
    const util::IpfOptions options{kOutcomeIpfTolerance, kOutcomeIpfMaxSweeps};
    const util::IpfResult joint =
        util::fit_two_way(seed, kF, kCitizenshipCount, family_totals, citizenship_totals, options);

    // Step 3: family × citizenship × outcome.
    util::ThreeWayMargins margins{kF, kCitizenshipCount, kO, joint.cells, {}, {}};
    for (const auto& row : family) margins.ik.insert(margins.ik.end(), row.begin(), row.end());
    for (const auto& row : citizenship) {
      margins.jk.insert(margins.jk.end(), row.begin(), row.end());
    }
    const util::IpfResult fit = util::fit_three_way(
        std::vector<double>(static_cast<std::size_t>(kF * kCitizenshipCount * kO), 1.0), margins,
        options);

    // Step 5: the month's book-in share.
    const auto to_ice = static_cast<double>(cbp->outcome(BookOutOutcome::kTransfersToIce));
    const auto booked = book_ins.find(m);
    if (booked == book_ins.end() || !booked->second) {
      fail(inputs.tables.file + ": no ICE book-ins of CBP arrests" + when);
      continue;
    }
    const double ratio = to_ice > 0.0 ? static_cast<double>(*booked->second) / to_ice : 1.0;
    // Step 6: the month's ICE release share.
    const auto left = ice_book_outs.find(m);
    const auto removed = ice_removals.find(m);
    const bool release_share_estimated =
        result.release_factor && book_outs_from && m < *book_outs_from;
    double release_share = 0.0;
    if (release_share_estimated) {
      const auto rr = ice_removals_and_returns.find(m);
      if (rr == ice_removals_and_returns.end() || !rr->second || *booked->second <= 0) {
        fail(inputs.tables.file + ": no ICE removals and returns or book-ins of CBP arrests" +
             when);
        continue;
      }
      release_share =
          std::max(0.0, 1.0 - *result.release_factor * static_cast<double>(*rr->second) /
                                  static_cast<double>(*booked->second));
    } else if (left == ice_book_outs.end() || !left->second || *left->second <= 0 ||
               removed == ice_removals.end() || !removed->second ||
               *removed->second > *left->second) {
      fail(inputs.tables.file + ": no ICE book-outs of CBP arrests (Total and " +
           std::string(kOhssIceRemovalBookOut) + ")" + when);
      continue;
    } else {
      release_share = static_cast<double>(*left->second - *removed->second) /
                      static_cast<double>(*left->second);
    }

    // Step 4: shares per model demographic and citizenship.
    std::array<model::OutcomeShares, kF> family_shares{};
    std::array<bool, kF> family_known{};
    for (int f = 0; f < kF; ++f) {
      double total = 0.0;
      family_known[static_cast<std::size_t>(f)] = modelled_shares(
          family[static_cast<std::size_t>(f)], family_shares[static_cast<std::size_t>(f)], total);
    }
    for (int d = 0; d < kDemographicCount; ++d) {
      const int f = kFamilyOf[static_cast<std::size_t>(d)];
      if (!family_known[static_cast<std::size_t>(f)]) {
        fail(inputs.tables.file + ": no non-Title 42 book-outs of \"" +
             std::string(kFamilyGroups[static_cast<std::size_t>(f)]) + "\"" + when);
        break;
      }
      for (int c = 0; c < kCitizenshipCount; ++c) {
        OutcomeMixRow row;
        row.month = m;
        row.demographic = static_cast<Demographic>(d);
        row.citizenship = static_cast<Citizenship>(c);
        row.ice_book_in_share = std::min(1.0, ratio);
        row.ice_release_share = release_share;
        std::array<double, kO> cell{};
        for (int o = 0; o < kO; ++o) {
          cell[static_cast<std::size_t>(o)] = fit.cells[at2(f * kCitizenshipCount + c, o, kO)];
        }
        const bool accompanied_minor =
            static_cast<Demographic>(d) == Demographic::kAccompaniedMinor;
        if (!accompanied_minor && modelled_shares(cell, row.shares, row.bookouts) &&
            row.bookouts >= 0.5) {
          row.basis = kBases[0];
        } else {
          row.shares = family_shares[static_cast<std::size_t>(f)];
          row.bookouts = accompanied_minor ? 0.0 : row.bookouts;
          row.basis = kBases[1];
        }
        result.rows.push_back(row);
      }
    }
    result.fits.push_back({m, usbp->total_encounters, usbp->outcome(BookOutOutcome::kOther),
                           fit.sweeps, fit.converged, misplaced_share(fit.cells, margins), ratio,
                           seeded_by_reference, release_share_estimated});
  }
  if (!result.errors.empty()) {
    result.rows.clear();
    return result;
  }
  if (carry_to) {
    const std::size_t per_month = at2(kDemographicCount, 0, kCitizenshipCount);
    const std::vector<OutcomeMixRow> last_rows(
        result.rows.end() - static_cast<std::ptrdiff_t>(per_month), result.rows.end());
    for (util::YearMonth m = last.next(); m <= *carry_to; m = m.next()) {
      for (OutcomeMixRow row : last_rows) {
        row.month = m;
        row.basis = kBases[2];
        result.rows.push_back(row);
      }
    }
  }
  return result;
}

void write_outcome_mix(std::ostream& out, const std::vector<OutcomeMixRow>& rows,
                       const std::vector<OutcomeMixSource>& sources, const std::string& derived_by,
                       const std::vector<std::string>& notes) {
  out << "# borderflow outcome mix\n";
  out << "# derived by: " << derived_by << "\n";
  out << "# method: " << kOutcomeMixMethod << "\n";
  for (const std::string& note : notes) out << "# " << note << "\n";
  for (const OutcomeMixSource& source : sources) {
    out << "# source: " << source.name << " sha256=" << source.sha256 << " rows=" << source.rows
        << "\n";
  }
  out << "month,demographic,citizenship,bookouts,returned,to_ice,to_hhs,released,"
         "ice_book_in_share,ice_release_share,basis\n";
  for (const OutcomeMixRow& row : rows) {
    out << row.month.to_string() << ','
        << model::kDemographicKeys[static_cast<std::size_t>(model::index_of(row.demographic))]
        << ','
        << model::kCitizenshipKeys[static_cast<std::size_t>(model::index_of(row.citizenship))]
        << ',' << util::fixed(row.bookouts, 1);
    for (double s : row.shares) out << ',' << util::fixed(s, 6);
    out << ',' << util::fixed(row.ice_book_in_share, 4) << ','
        << util::fixed(row.ice_release_share, 4) << ',' << row.basis << '\n';
  }
}

namespace {

struct Input {
  std::string name;  // file name without directory
  std::optional<std::string> bytes;
};

Input read_input(const std::filesystem::path& path, std::vector<DataError>& errors) {
  FileText text = read_file_bytes(path);
  if (text.error) errors.push_back(*text.error);
  return {path.filename().string(), std::move(text.bytes)};
}

// The notes written into the table: how the fits went, in figures that do not depend on
// the last bits of floating point (the table is byte-identical across machines).
std::vector<std::string> notes_of(const OutcomeMixResult& r) {
  int max_sweeps = 0, capped = 0, unconverged = 0;
  double max_error = 0.0;
  double most_other = 0.0;
  const OutcomeMixMonthFit* most_other_month = nullptr;
  for (const OutcomeMixMonthFit& fit : r.fits) {
    max_sweeps = std::max(max_sweeps, fit.sweeps);
    max_error = std::max(max_error, fit.misplaced_share);
    if (fit.book_in_ratio > 1.0) ++capped;
    if (!fit.converged) ++unconverged;
    const double other = fit.usbp_bookouts > 0 ? static_cast<double>(fit.other_outcomes) /
                                                     static_cast<double>(fit.usbp_bookouts)
                                               : 0.0;
    if (!most_other_month || other > most_other) {
      most_other = other;
      most_other_month = &fit;
    }
  }
  std::vector<std::string> notes;
  notes.push_back("ipf: " + std::to_string(r.fits.size()) + " months, at most " +
                  std::to_string(max_sweeps) + " sweeps (tolerance 1e-10, limit " +
                  std::to_string(kOutcomeIpfMaxSweeps) + "), " + std::to_string(unconverged) +
                  " not converged; at most " + util::fixed(100.0 * max_error, 1) +
                  "% of a month's book-outs left off the margins");
  notes.push_back("ice_book_in_share: capped at 1 in " + std::to_string(capped) + " of " +
                  std::to_string(r.fits.size()) + " months");
  int seeded = 0, estimated = 0;
  for (const OutcomeMixMonthFit& fit : r.fits) {
    seeded += fit.seeded_by_reference ? 1 : 0;
    estimated += fit.release_share_estimated ? 1 : 0;
  }
  if (seeded > 0) {
    notes.push_back("before CBP's file: " + std::to_string(seeded) + " months seeded with CBP's " +
                    r.reference_first->to_string() + " - " +
                    r.reference_first->plus(11).to_string() + " encounters (their odds)");
  }
  if (estimated > 0) {
    notes.push_back(
        "ice_release_share before ICE's book-outs by arrest agency: " + std::to_string(estimated) +
        " months of 1 - k x ICE removals and returns / ICE book-ins of CBP arrests, "
        "k = " +
        util::fixed(*r.release_factor, 4) + " fitted on " + r.release_factor_first.to_string() +
        " - " + r.release_factor_last.to_string());
  }
  if (most_other_month) {
    notes.push_back("other outcomes left out: at most " +
                    std::to_string(most_other_month->other_outcomes) + " of " +
                    std::to_string(most_other_month->usbp_bookouts) + " USBP book-outs (" +
                    most_other_month->month.to_string() + ")");
  }
  return notes;
}

}  // namespace

int run_calibrate_outcomes(const CalibrateOutcomesOptions& options, std::ostream& out,
                           std::ostream& err) {
  std::vector<DataError> errors;
  if (options.encounters_csvs.empty()) {
    errors.push_back({"", 0, 0, "no CBP encounters file given (--encounters)"});
  }
  const Input bookouts_input = read_input(options.bookouts_csv, errors);
  const Input tables_input = read_input(options.monthly_tables_csv, errors);
  std::vector<Input> encounter_inputs;
  for (const auto& path : options.encounters_csvs) {
    encounter_inputs.push_back(read_input(path, errors));
  }
  const auto report = [&err](const std::vector<DataError>& list) {
    for (const DataError& e : list) err << e.to_string() << '\n';
  };
  if (!errors.empty()) {
    report(errors);
    return kCalibrateBadInput;
  }
  const OhssBookOutsTable by_agency =
      parse_ohss_bookouts_by_agency(*bookouts_input.bytes, options.bookouts_csv.string());
  const OhssMonthlyTables tables = parse_ohss_monthly_tables(
      *tables_input.bytes, options.monthly_tables_csv.string(), outcome_mix_sheets());
  std::vector<CbpEncounterTable> releases;
  for (std::size_t i = 0; i < encounter_inputs.size(); ++i) {
    releases.push_back(
        parse_cbp_encounters(*encounter_inputs[i].bytes, options.encounters_csvs[i].string()));
  }
  const CbpEncounterTable encounters = combine_cbp_releases(releases);
  for (const auto* list : {&by_agency.errors, &tables.errors, &encounters.errors}) {
    errors.insert(errors.end(), list->begin(), list->end());
  }
  if (!errors.empty()) {
    report(errors);
    return kCalibrateBadInput;
  }
  const OutcomeMixResult result = build_outcome_mix({by_agency, tables, encounters}, options.first,
                                                    options.last, options.carry_to);
  if (!result.ok()) {
    report(result.errors);
    return kCalibrateBadInput;
  }
  std::string derived_by = "borderflow calibrate-outcomes --bookouts " + bookouts_input.name +
                           " --monthly-tables " + tables_input.name;
  for (const Input& input : encounter_inputs) derived_by += " --encounters " + input.name;
  derived_by += " --from " + options.first.to_string() + " --to " + options.last.to_string();
  if (options.carry_to) derived_by += " --carry-to " + options.carry_to->to_string();
  derived_by += " -o " + options.output.filename().string();
  std::vector<OutcomeMixSource> sources = {
      {bookouts_input.name, util::sha256(*bookouts_input.bytes), by_agency.data_rows},
      {tables_input.name, util::sha256(*tables_input.bytes), tables.data_rows}};
  for (std::size_t i = 0; i < encounter_inputs.size(); ++i) {
    sources.push_back({encounter_inputs[i].name, util::sha256(*encounter_inputs[i].bytes),
                       releases[i].data_rows});
  }
  const std::vector<std::string> notes = notes_of(result);
  std::ostringstream text;
  write_outcome_mix(text, result.rows, sources, derived_by, notes);
  if (auto error = util::write_file_atomically(options.output, text.str())) {
    err << error->file << ": " << error->message << '\n';
    return kCalibrateWriteFailed;
  }
  for (const std::string& note : notes) out << note << '\n';
  for (const OutcomeMixMonthFit& fit : result.fits) {
    out << "fit " << fit.month.to_string() << ": " << fit.sweeps << " sweeps"
        << (fit.converged ? "" : " (not converged)") << ", off the margins "
        << util::fixed(100.0 * fit.misplaced_share, 2) << "%, USBP book-outs " << fit.usbp_bookouts
        << ", ICE book-ins / transfers " << util::fixed(fit.book_in_ratio, 3) << '\n';
  }
  return kCalibrateOk;
}

}  // namespace bf::ingest
