#pragma once
// Reader for the Bureau of Transportation Statistics (BTS) "Border Crossing Entry Data"
// (data.bts.gov, keg4-3bc2): inbound crossings counted by CBP at each land port of entry, one
// row per port × month × measure (header below). Both the full file (US-Canada and US-Mexico)
// and a US-Mexico extract read the same way. See docs/data.md, "BTS Border Crossing Entry Data".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "model/port_spec.h"
#include "util/date.h"

namespace bf::ingest {

// The measures that count units of a model::Mode. Every other published measure (passengers,
// trains, truck containers) is checked and then counted in `ignored_measures`.
enum class BtsMeasure : std::uint8_t {
  kPedestrians,
  kPersonalVehicles,
  kTrucks,
  kBuses,
  kRailContainersLoaded,
  kRailContainersEmpty
};
inline constexpr int kBtsMeasureCount = 6;

// BTS spellings, in BtsMeasure order.
inline constexpr std::string_view kBtsMeasureNames[] = {
    "Pedestrians", "Personal Vehicles",      "Trucks",
    "Buses",       "Rail Containers Loaded", "Rail Containers Empty"};

// The mode each measure counts. Rail is counted in railcars: BTS publishes loaded and empty
// rail containers (railcars) separately, and a railcar's units are the sum of the two (the
// Texas file counts railcars too). "Trains" is not used: a train is a string of railcars.
inline constexpr model::Mode kBtsMeasureModes[] = {
    model::Mode::kPedestrian, model::Mode::kPassengerVehicle,
    model::Mode::kTruck,      model::Mode::kBus,
    model::Mode::kRail,       model::Mode::kRail};

// Published measures that are valid but not used.
inline constexpr std::string_view kBtsIgnoredMeasures[] = {
    "Personal Vehicle Passengers", "Bus Passengers", "Truck Containers Loaded",
    "Truck Containers Empty",      "Trains",         "Train Passengers"};

struct BtsCrossingRow {
  int line = 0;           // where the row is in the file
  std::string port;       // Port Name as published, e.g. "San Ysidro"
  int port_code = 0;      // CBP port code, e.g. 2504 (published without a leading zero)
  util::YearMonth month;  // calendar month
  BtsMeasure measure = BtsMeasure::kPedestrians;
  std::int64_t units = 0;  // inbound units in the month: people, vehicles or railcars
};

struct BtsCrossingTable {
  std::string file;
  std::int64_t data_rows = 0;      // records after the header, all borders
  std::int64_t other_borders = 0;  // valid rows left out because they are not US-Mexico
  // Valid US-Mexico rows of a measure in kBtsIgnoredMeasures. They are not checked for
  // repeats: BTS publishes Sasabe's "Bus Passengers" of Feb 2021 twice (0 and 2175).
  std::int64_t ignored_measures = 0;
  // Valid US-Mexico rows of a kept measure that repeat an earlier row exactly (same port,
  // month, measure and value) and are not kept again: BTS publishes three such repeats
  // ("Personal Vehicles" of Jun 2019 at Del Rio, Roma and Santa Teresa). A repeat with a
  // different value is an error.
  std::int64_t repeated_rows = 0;
  std::vector<BtsCrossingRow> rows;  // US-Mexico rows of kept measures; complete only when ok()
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

inline constexpr std::string_view kBtsCrossingColumns[] = {
    "Port Name", "State", "Port Code", "Border", "Date", "Measure", "Value"};

// The border whose ports are kept; "US-Canada Border" rows are checked like any other row and
// then counted in `other_borders`. Any other value is an error.
inline constexpr std::string_view kBtsMexicoBorder = "US-Mexico Border";
inline constexpr std::string_view kBtsCanadaBorder = "US-Canada Border";

// Parses the file's bytes; `file` names it in errors. Every row becomes a row, an
// other-border, ignored-measure or repeated-row count, or an error. Dates are "Dec 2021".
// Checks that no port-month-measure of a kept measure appears twice with different values.
BtsCrossingTable parse_bts_crossings(std::string_view bytes, std::string file);

}  // namespace bf::ingest
