#pragma once
// What every CSV table a scenario names (the arrival table, the outcome-mix table) must be
// before its rows are read: valid UTF-8 without control characters, CSV syntax, a header
// line after the leading '#' comments. Reported at the file, line and column of the fault.

#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostics.h"
#include "util/csv_reader.h"

namespace bf::scenario {

// Parses the text of source `file`, reporting under the scenario key `path` a table named
// `what` (e.g. "arrival table"); `header` is the expected header, named in the hint when the
// table has none. Returns the document, records[0] being the header, or nullopt after
// reporting.
std::optional<util::CsvDocument> parse_scenario_table(std::string_view contents, int file,
                                                      std::string_view path, std::string_view what,
                                                      std::string_view header,
                                                      DiagnosticSink& sink);

// The header record's fields joined by commas, for comparing with the expected header.
std::string header_text(const util::CsvRecord& header);

}  // namespace bf::scenario
