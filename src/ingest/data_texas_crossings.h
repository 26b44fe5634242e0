#pragma once
// Reader for the monthly northbound crossings of the Texas–Mexico bridges: CBP field-office
// traffic counts as compiled by TxDOT and processed by the University of North Texas
// (monthly_crossings_2008_2025.csv in unt-clscm/CBP-Border-Crossings), one row per crossing ×
// month × mode (header below). See docs/data.md, "Texas–Mexico crossings".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "model/port_spec.h"
#include "util/date.h"

namespace bf::ingest {

struct TexasCrossingRow {
  int line = 0;          // where the row is in the file
  std::string region;    // CBP region, e.g. "Laredo"
  std::string poe;       // port of entry, e.g. "Eagle Pass"
  std::string crossing;  // bridge as published (UTF-8), e.g. "Juárez-Lincoln International Bridge"
  util::YearMonth month;  // calendar month
  model::Mode mode = model::Mode::kPedestrian;
  std::int64_t units = 0;  // northbound units in the month: people, vehicles or railcars
};

struct TexasCrossingTable {
  std::string file;
  std::int64_t data_rows = 0;          // records after the header
  std::vector<TexasCrossingRow> rows;  // complete only when `errors` is empty
  std::vector<DataError> errors;
  bool ok() const { return errors.empty(); }
};

inline constexpr std::string_view kTexasCrossingColumns[] = {
    "ID", "Year", "Month", "Region", "POE", "Crossing", "Modes", "Northbound Crossing"};

// The published mode names and the model::Mode each counts. "Railcars" are railcars, not
// trains; pedestrians include bicyclists.
struct TexasModeName {
  std::string_view text;
  model::Mode mode;
};
inline constexpr TexasModeName kTexasModes[] = {
    {"Pedestrians/ Bicyclists", model::Mode::kPedestrian},
    {"Passenger Vehicles", model::Mode::kPassengerVehicle},
    {"Commercial Trucks", model::Mode::kTruck},
    {"Buses", model::Mode::kBus},
    {"Railcars", model::Mode::kRail}};

// Parses the file's bytes; `file` names it in errors. Every row becomes a row or an error.
// Checks that the ID starts with the row's year and month ("2023-12-EAGL-POVs": a shifted
// column is caught) and that no crossing-month-mode appears twice.
TexasCrossingTable parse_texas_crossings(std::string_view bytes, std::string file);

}  // namespace bf::ingest
