#pragma once
// Derives the traffic table (normal northbound units per day of each modelled crossing × month
// × mode) from the published crossing counts — BTS Border Crossing Entry Data and the Texas
// bridge file — through data/ports/crossing-sources.csv, which says which published series
// feeds each crossing and mode and with what share. Writes it in the format the scenario loader
// reads (ports.traffic_table). Method and caveats: docs/data.md, "Port traffic".

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/arrival_table_builder.h"
#include "ingest/data_bts_crossings.h"
#include "ingest/data_error.h"
#include "ingest/data_texas_crossings.h"
#include "model/port_spec.h"
#include "util/date.h"

namespace bf::ingest {

// Lines of the method comment written into every table.
inline constexpr std::string_view kPortTrafficMethod =
    "units_per_day = share x northbound count of the source port and mode in the reference "
    "month / days in the reference month";
inline constexpr std::string_view kPortTrafficReferenceRule =
    "the same calendar month one year earlier when the source has it (the month itself may be "
    "disturbed by the closures simulated), else the source's latest year with that calendar "
    "month";

enum class TrafficSource : std::uint8_t { kTexas, kBts };
inline constexpr std::string_view kTrafficSourceKeys[] = {"texas", "bts"};

// One row of the sources file: the crossing and mode fed by `share` of a published series.
struct CrossingSource {
  int line = 0;          // in the sources file
  int port_column = 0;   // column of source_port, for errors about the series
  std::string crossing;  // scenario crossing key, e.g. eagle_pass_bridge_1
  model::Mode mode = model::Mode::kPedestrian;
  TrafficSource source = TrafficSource::kTexas;
  std::string source_port;  // Crossing (texas) or Port Name (bts) exactly as published
  double share = 1.0;       // fraction of the series' count that uses this crossing, (0, 1]
};

struct CrossingSourceTable {
  std::string file;
  std::int64_t data_rows = 0;
  std::vector<CrossingSource> rows;  // in file order; complete only when `errors` is empty
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

inline constexpr std::string_view kCrossingSourceColumns[] = {"crossing", "mode", "source",
                                                              "source_port", "share"};

// Parses the sources file (leading '#' lines are comments). Errors, with line and column: an
// unknown mode or source, an empty or non-snake_case crossing key, an empty source_port, a
// share outside (0, 1], a crossing-mode given twice, and shares of one series and mode adding
// up to more than 1.
CrossingSourceTable parse_crossing_sources(std::string_view bytes, std::string file);

// The month whose count stands for the normal demand of `target` (rule above): target minus 12
// months if that is not after `source_last` (the source's last month), else the latest month
// not after `source_last` with target's calendar month.
util::YearMonth reference_month(util::YearMonth target, util::YearMonth source_last);

struct PortTrafficResult {
  std::vector<std::string> crossings;     // crossing keys in sources-file order
  std::vector<model::TrafficLevel> rows;  // `crossing` indexes `crossings`; empty on errors
  util::YearMonth bts_last, texas_last;   // last month of each source file (if used)
  bool uses_bts = false, uses_texas = false;
  // Gaps filled from an earlier year, one line each for the table's header, e.g.
  // `bts "Otay Mesa" "Trucks" 2021-11 missing: 2020-11 used`.
  std::vector<std::string> gaps;
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

// Builds the table for calendar months first..last (inclusive): every row of `sources` for
// every month. Errors (naming the sources-file line and the source_port column) when a
// source_port is not in its file at all or has no row for the mode in the reference month
// nor in the same calendar month of the kMaxGapYears years before it (a missing row is a gap:
// the latest earlier year that has it is used and listed in `gaps`; BTS rail needs both its
// "Rail Containers Loaded" and "Rail Containers Empty" rows), when a
// source used has no rows at all, and when `sources` has no rows.
// Years a reference month may step back over missing rows.
inline constexpr int kMaxGapYears = 3;

PortTrafficResult build_port_traffic(const CrossingSourceTable& sources,
                                     const BtsCrossingTable& bts, const TexasCrossingTable& texas,
                                     util::YearMonth first, util::YearMonth last);

// Writes the table: comment lines (title, `derived_by`, method, reference-month rule and the
// reference months used, one per source file), the header `crossing,month,mode,units_per_day`,
// then the rows sorted by crossing (sources-file order), month and mode (model::Mode order),
// values with 4 decimals.
void write_port_traffic(std::ostream& out, const PortTrafficResult& table,
                        const std::vector<ArrivalTableSource>& sources,
                        std::string_view derived_by);

// What `borderflow calibrate-ports` does.
struct CalibratePortsOptions {
  std::filesystem::path sources_csv;  // data/ports/crossing-sources.csv (required)
  std::filesystem::path bts_csv;      // BTS Border Crossing Entry Data CSV (required)
  std::filesystem::path texas_csv;    // Texas–Mexico monthly crossings CSV (required)
  std::filesystem::path output;       // table to write; replaced atomically (required)
  util::YearMonth first;              // first calendar month, inclusive (required)
  util::YearMonth last;               // last calendar month, inclusive (required)
};

// Reads the three inputs, builds the table and writes it to `output` through a temporary file
// renamed over it. Exit codes and error printing as run_calibrate. Thread-safe for distinct
// outputs.
int run_calibrate_ports(const CalibratePortsOptions& options, std::ostream& err);
CalibrateResult calibrate_ports(const CalibratePortsOptions& options);

}  // namespace bf::ingest
