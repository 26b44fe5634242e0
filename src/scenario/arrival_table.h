#pragma once
// The arrival table: observed Border Patrol encounters per day by sector, calendar month,
// demographic and citizenship (CSV; format in docs/scenario-format.md, "Arrival table").

#include <optional>
#include <string_view>
#include <vector>

#include "model/model_spec.h"
#include "scenario/diagnostics.h"
#include "util/date.h"

namespace bf::scenario {

inline constexpr std::string_view kArrivalTableHeader =
    "sector,month,demographic,citizenship,encounters_per_day";
// The same with the optional sixth column: the share of the cell's encounters that were
// Title 42 expulsions (0..1). Without it every row's title42_share is 0.
inline constexpr std::string_view kArrivalTableHeaderWithTitle42 =
    "sector,month,demographic,citizenship,encounters_per_day,title42_share";

// At most this many coverage errors are listed one by one; the rest are summarised in one.
inline constexpr int kMaxCoverageErrors = 10;

// The calendar days a run covers, both inclusive.
struct Horizon {
  util::Date first_day;
  util::Date last_day;
};

// Parses and validates the table text of source `file` for a run over `horizon`. Reports every bad
// row (header, keys with hints, month, number, duplicates naming the first occurrence) and every
// sector-month of the run with missing cells. Returns the rows of the months the run touches,
// sorted by month, sector, demographic, citizenship; rows of other months are validated and then
// left out. Without a horizon (the scenario's dates are invalid) rows are still checked but
// coverage is not, and all rows are returned.
std::vector<model::ArrivalLevel> read_arrival_table(std::string_view contents, int file,
                                                    const std::optional<Horizon>& horizon,
                                                    DiagnosticSink& sink);

}  // namespace bf::scenario
