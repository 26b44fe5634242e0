#pragma once
// The outcome-mix table a scenario names in `dispositions.outcome_mix` (written by
// `borderflow calibrate-outcomes`; format in docs/scenario-format.md, "Outcome-mix table"):
// per calendar month, demographic and citizenship, the shares of Border Patrol book-outs
// not expelled under Title 42 that were returned, transferred to ICE, transferred to HHS and
// released, and the month's share of ICE transfers booked into detention.

#include <optional>
#include <string_view>

#include "model/disposition/outcome_mix.h"
#include "scenario/arrival_table.h"
#include "scenario/diagnostics.h"

namespace bf::scenario {

inline constexpr std::string_view kOutcomeMixHeader =
    "month,demographic,citizenship,bookouts,returned,to_ice,to_hhs,released,ice_book_in_share,"
    "ice_release_share,basis";

// How a row's shares were obtained: fitted to the published margins; the demographic's
// shares over all citizenships (the cell had no book-outs); carried from the last published
// month (the run goes past the data).
inline constexpr std::string_view kOutcomeMixBases[] = {"fitted", "margin", "carried"};

// A row's four shares may miss 1 by this much (rounding of the written decimals); they are
// then divided by their sum.
inline constexpr double kOutcomeShareTolerance = 1e-4;

// Parses and validates the table text of source `file`. Reports every bad row (header, keys
// with hints, numbers, shares that do not sum to 1, a month whose rows disagree on
// ice_book_in_share or ice_release_share, duplicates naming the first occurrence) and every month
// of `horizon` with missing cells. Returns the months the run touches, in order; without a horizon,
// every month of the table (which must then be consecutive to be used).
model::OutcomeMix read_outcome_mix_table(std::string_view contents, int file,
                                         const std::optional<Horizon>& horizon,
                                         DiagnosticSink& sink);

}  // namespace bf::scenario
