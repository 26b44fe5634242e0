#pragma once
// The column layout shared by the CSV and SQLite day writers: one place decides names, order
// and types, so sector_days.csv, days.csv and the tables of results.sqlite always agree.
//
// sector_days (one row per day x sector), after `date` (YYYY-MM-DD) and `sector` (key, e.g.
// del_rio):
//   crossings, repeat_crossings, encounters,
//   encounters_<demographic> for single_adult, family_unit_member, unaccompanied_child,
//     accompanied_minor,
//   encounters_<citizenship> for mexico, guatemala, honduras, el_salvador, other,
//   gotaways, processed, returned_to_mexico (Title 8 returns), title42_expulsions (expelled to
//   Mexico under Title 42), remain_in_mexico (returned to Mexico to await their hearing, a
//   policy lever), transferred_to_ice, released, transferred_to_orr,
//   left_custody (people who left Border Patrol custody that day),
//   tic_mean_hours, tic_p90_hours (time in custody of those people, hours; 0 when none),
//   in_custody, over_capacity, held_over_72h, awaiting_processing (end of day),
//   holding_capacity, processing_agents, agents_on_patrol (settings in force).
// Flows are people (encounters: events) during the day; stocks are at the end of the day.
//
// days (one row per day), after `date`: the same columns summed over the nine sectors
// (Southwest Border totals), except
//   left_custody, tic_mean_hours, tic_p90_hours
//                             over everyone who left custody anywhere that day, from the
//                             model's pooled Southwest summary (SystemDay::custody_time);
//   over_capacity             the sum of sector overflows (one sector may overflow while
//                             another has room, so this can exceed in_custody - capacity);
//   agents_on_patrol          summed (real);
// then detention_population, detention_beds, detention_book_ins, detention_releases,
// removals, removals_<citizenship> (mexico, guatemala, honduras, el_salvador, other),
// awaiting_detention_bed, orr_population, orr_beds, orr_releases, waiting_in_mexico,
// then state_<field> for entered, waiting_in_mexico, crossing, in_custody, in_detention,
// in_orr, got_away, in_mexico, released, removed.

#include <cstdint>
#include <string>
#include <vector>

#include "model/day_report.h"

namespace bf::output {

enum class ColumnType { kInteger, kReal };

struct Column {
  std::string name;
  ColumnType type = ColumnType::kInteger;
};

// One value; `integer` is used for kInteger columns, `real` for kReal.
struct Cell {
  ColumnType type = ColumnType::kInteger;
  std::int64_t integer = 0;
  double real = 0.0;
};

// Full column lists, including the leading `date` (and `sector`) columns, typed kInteger
// for lack of a text type: writers special-case the key columns, which come first.
inline constexpr int kSectorDayKeyColumns = 2;  // date, sector
inline constexpr int kDayKeyColumns = 1;        // date
std::vector<Column> sector_day_columns();
std::vector<Column> day_columns();

// The non-key values of one row, in column order (replaces `out`'s contents; reuse the
// vector across rows to avoid allocations).
void sector_day_cells(const model::SectorDay& sector, std::vector<Cell>& out);

// port_days (one row per day × crossing, only for scenarios with ports), after `date` and
// `crossing` (key): per mode (pedestrian, passenger_vehicle, truck, bus, rail)
//   <mode>_demand, <mode>_processed, <mode>_diverted_in, <mode>_diverted_out, <mode>_lost,
//   <mode>_queue (end of day), <mode>_lanes_open, <mode>_wait_hours (mean wait of the units
//   processed: unit-hours waited ÷ units processed), <mode>_closed (1 if closed all day);
// then truck_hours_delay, railcar_days_delay, freight_delayed_usd, traffic_officers,
// officers_redeployed, and the people: encounters, appointments, processed, in_custody,
// released, returned_to_mexico, transferred_to_ice, transferred_to_orr.
std::vector<Column> port_day_columns();
void port_day_cells(const model::PortDay& port, std::vector<Cell>& out);
void day_cells(const model::DayReport& report, std::vector<Cell>& out);

// Deterministic text for CSV and the console: integers plain, reals with exactly two
// decimals ("12.50"), no locale, "-0.00" printed as "0.00".
std::string format_cell(const Cell& cell);
void append_cell(std::string& out, const Cell& cell);

}  // namespace bf::output
