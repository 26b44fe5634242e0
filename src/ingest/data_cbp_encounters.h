#pragma once
// Reader for CBP's "Southwest Land Border Encounters" data file as published on cbp.gov
// (e.g. sbo-encounters-fy22-fy25-aug.csv): one row per fiscal month × component ×
// demographic × citizenship group × title of authority × encounter type. See docs/data.md.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "model/population.h"
#include "util/date.h"

namespace bf::ingest {

enum class CbpComponent : std::uint8_t { kBorderPatrol, kFieldOperations };
enum class CbpTitle : std::uint8_t { kTitle8, kTitle42 };
enum class CbpEncounterType : std::uint8_t { kApprehensions, kInadmissibles, kExpulsions };

struct CbpEncounterRow {
  int line = 0;           // where the row is in the file, for later error messages
  int fiscal_year = 0;    // FY N runs from October N-1 to September N
  util::YearMonth month;  // calendar month (OCT of FY 2024 is 2023-10)
  CbpComponent component = CbpComponent::kBorderPatrol;
  model::Demographic demographic = model::Demographic::kSingleAdult;
  model::Citizenship citizenship = model::Citizenship::kMexico;
  CbpTitle title = CbpTitle::kTitle8;
  CbpEncounterType encounter_type = CbpEncounterType::kApprehensions;
  std::int64_t encounters = 0;  // events, not people (repeat crossers count each time)
};

struct CbpEncounterTable {
  std::string file;                   // as passed to the parser
  std::int64_t data_rows = 0;         // records after the header, parsed or not
  std::vector<CbpEncounterRow> rows;  // only when `errors` is empty is this the whole file
  std::vector<DataError> errors;      // every problem found; empty means the file is good
  bool ok() const { return errors.empty(); }
};

// The exact header CBP publishes; columns may come in any order, but none may be missing,
// renamed, repeated or added.
inline constexpr std::string_view kCbpEncounterColumns[] = {
    "Fiscal Year",          "Month Grouping",     "Month (abbv)",   "Component",      "Demographic",
    "Citizenship Grouping", "Title of Authority", "Encounter Type", "Encounter Count"};

// Parses the file's bytes. `file` names it in errors. Never throws on bad input: every row
// either becomes a CbpEncounterRow or an error; a CSV syntax error stops the parse there.
CbpEncounterTable parse_cbp_encounters(std::string_view bytes, std::string file);

// Combines overlapping releases (e.g. the February and the August file) into one table. CBP
// revises past months between releases, so months are never added across releases: each
// calendar month's rows come from one release only, the one with the latest data among those
// that contain the month (largest latest month; on a tie, the one later in `releases`).
// Months only an older release has (FY2021 in the February 2025 file) are kept from it. The
// result's `file` names the files joined by " + ", `data_rows` sums theirs, `errors` holds
// every release's errors (callers combine only good tables). Rows keep their own line
// numbers; they are ordered by release, then by line.
CbpEncounterTable combine_cbp_releases(const std::vector<CbpEncounterTable>& releases);

}  // namespace bf::ingest
