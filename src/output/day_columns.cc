#include "output/day_columns.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace bf::output {
namespace {

using model::SectorDay;

// The per-sector value columns, in order; the names of the days table differ only where
// day_columns() renames them.
std::vector<Column> sector_value_columns() {
  std::vector<Column> columns;
  auto integer = [&columns](std::string name) {
    columns.push_back({std::move(name), ColumnType::kInteger});
  };
  auto real = [&columns](std::string name) {
    columns.push_back({std::move(name), ColumnType::kReal});
  };
  integer("crossings");
  integer("repeat_crossings");
  integer("encounters");
  for (std::string_view key : model::kDemographicKeys) integer(fmt::format("encounters_{}", key));
  for (std::string_view key : model::kCitizenshipKeys) integer(fmt::format("encounters_{}", key));
  integer("gotaways");
  integer("processed");
  integer("returned_to_mexico");
  integer("title42_expulsions");
  integer("remain_in_mexico");
  integer("transferred_to_ice");
  integer("released");
  integer("transferred_to_orr");
  integer("left_custody");
  real("tic_mean_hours");
  real("tic_p90_hours");
  integer("in_custody");
  integer("over_capacity");
  integer("held_over_72h");
  integer("awaiting_processing");
  integer("holding_capacity");
  integer("processing_agents");
  real("agents_on_patrol");
  return columns;
}

// Southwest totals as a SectorDay. Time in custody comes from the model's pooled summary
// (a p90 cannot be summed from sector p90s).
SectorDay southwest_total(const model::DayReport& report) {
  const model::PerSector<SectorDay>& sectors = report.sectors;
  SectorDay t;
  for (const SectorDay& s : sectors) {
    t.crossings += s.crossings;
    t.repeat_crossings += s.repeat_crossings;
    t.encounters += s.encounters;
    for (int i = 0; i < model::kDemographicCount; ++i) {
      t.encounters_by_demographic[i] += s.encounters_by_demographic[i];
    }
    for (int i = 0; i < model::kCitizenshipCount; ++i) {
      t.encounters_by_citizenship[i] += s.encounters_by_citizenship[i];
    }
    t.gotaways += s.gotaways;
    t.processed += s.processed;
    t.returned_to_mexico += s.returned_to_mexico;
    t.title42_expulsions += s.title42_expulsions;
    t.remain_in_mexico += s.remain_in_mexico;
    t.transferred_to_ice += s.transferred_to_ice;
    t.released += s.released;
    t.transferred_to_orr += s.transferred_to_orr;
    t.in_custody += s.in_custody;
    t.over_capacity += s.over_capacity;
    t.held_over_72h += s.held_over_72h;
    t.awaiting_processing += s.awaiting_processing;
    t.holding_capacity += s.holding_capacity;
    t.processing_agents += s.processing_agents;
    t.agents_on_patrol += s.agents_on_patrol;
  }
  t.custody_time = report.system.custody_time;
  return t;
}

Cell integer_cell(std::int64_t v) { return Cell{ColumnType::kInteger, v, 0.0}; }
Cell real_cell(double v) { return Cell{ColumnType::kReal, 0, v}; }

}  // namespace

std::vector<Column> sector_day_columns() {
  std::vector<Column> columns = {{"date", ColumnType::kInteger}, {"sector", ColumnType::kInteger}};
  std::vector<Column> values = sector_value_columns();
  columns.insert(columns.end(), std::make_move_iterator(values.begin()),
                 std::make_move_iterator(values.end()));
  return columns;
}

std::vector<Column> day_columns() {
  std::vector<Column> columns = {{"date", ColumnType::kInteger}};
  for (Column& c : sector_value_columns()) {
    columns.push_back(std::move(c));
  }
  auto integer = [&columns](std::string name) {
    columns.push_back({std::move(name), ColumnType::kInteger});
  };
  integer("detention_population");
  integer("detention_beds");
  integer("detention_book_ins");
  integer("detention_releases");
  integer("removals");
  for (std::string_view key : model::kCitizenshipKeys) integer(fmt::format("removals_{}", key));
  integer("awaiting_detention_bed");
  integer("orr_population");
  integer("orr_beds");
  integer("orr_releases");
  integer("waiting_in_mexico");
  for (std::string_view field :
       {"entered", "waiting_in_mexico", "crossing", "in_custody", "in_detention", "in_orr",
        "got_away", "in_mexico", "released", "removed"}) {
    integer(fmt::format("state_{}", field));
  }
  return columns;
}

void sector_day_cells(const SectorDay& s, std::vector<Cell>& out) {
  out.clear();
  out.push_back(integer_cell(s.crossings));
  out.push_back(integer_cell(s.repeat_crossings));
  out.push_back(integer_cell(s.encounters));
  for (std::int64_t v : s.encounters_by_demographic) out.push_back(integer_cell(v));
  for (std::int64_t v : s.encounters_by_citizenship) out.push_back(integer_cell(v));
  out.push_back(integer_cell(s.gotaways));
  out.push_back(integer_cell(s.processed));
  out.push_back(integer_cell(s.returned_to_mexico));
  out.push_back(integer_cell(s.title42_expulsions));
  out.push_back(integer_cell(s.remain_in_mexico));
  out.push_back(integer_cell(s.transferred_to_ice));
  out.push_back(integer_cell(s.released));
  out.push_back(integer_cell(s.transferred_to_orr));
  out.push_back(integer_cell(s.custody_time.people));
  out.push_back(real_cell(s.custody_time.mean_hours));
  out.push_back(real_cell(s.custody_time.p90_hours));
  out.push_back(integer_cell(s.in_custody));
  out.push_back(integer_cell(s.over_capacity));
  out.push_back(integer_cell(s.held_over_72h));
  out.push_back(integer_cell(s.awaiting_processing));
  out.push_back(integer_cell(s.holding_capacity));
  out.push_back(integer_cell(s.processing_agents));
  out.push_back(real_cell(s.agents_on_patrol));
}

void day_cells(const model::DayReport& report, std::vector<Cell>& out) {
  sector_day_cells(southwest_total(report), out);
  const model::SystemDay& d = report.system;
  out.push_back(integer_cell(d.detention_population));
  out.push_back(integer_cell(d.detention_beds));
  out.push_back(integer_cell(d.detention_book_ins));
  out.push_back(integer_cell(d.detention_releases));
  std::int64_t removals = 0;
  for (std::int64_t v : d.removals_by_destination) removals += v;
  out.push_back(integer_cell(removals));
  for (std::int64_t v : d.removals_by_destination) out.push_back(integer_cell(v));
  out.push_back(integer_cell(d.awaiting_detention_bed));
  out.push_back(integer_cell(d.orr_population));
  out.push_back(integer_cell(d.orr_beds));
  out.push_back(integer_cell(d.orr_releases));
  out.push_back(integer_cell(d.waiting_in_mexico));
  const model::StateCounts& st = d.states;
  for (std::int64_t v :
       {st.entered, st.waiting_in_mexico, st.crossing, st.in_custody, st.in_detention, st.in_orr,
        st.got_away, st.in_mexico, st.released, st.removed}) {
    out.push_back(integer_cell(v));
  }
}

std::vector<Column> port_day_columns() {
  std::vector<Column> columns = {{"date", ColumnType::kInteger},
                                 {"crossing", ColumnType::kInteger}};
  auto real = [&columns](std::string name) {
    columns.push_back({std::move(name), ColumnType::kReal});
  };
  auto integer = [&columns](std::string name) {
    columns.push_back({std::move(name), ColumnType::kInteger});
  };
  for (std::string_view mode : model::kModeKeys) {
    for (std::string_view field : {"demand", "processed", "diverted_in", "diverted_out", "lost",
                                   "queue", "lanes_open", "wait_hours"}) {
      real(fmt::format("{}_{}", mode, field));
    }
    integer(fmt::format("{}_closed", mode));
  }
  for (std::string_view name : {"truck_hours_delay", "railcar_days_delay", "freight_delayed_usd",
                                "traffic_officers", "officers_redeployed"}) {
    real(std::string(name));
  }
  for (std::string_view name : {"encounters", "appointments", "processed", "in_custody", "released",
                                "returned_to_mexico", "transferred_to_ice", "transferred_to_orr"}) {
    integer(std::string(name));
  }
  return columns;
}

void port_day_cells(const model::PortDay& p, std::vector<Cell>& out) {
  out.clear();
  for (const model::ModeDay& m : p.modes) {
    for (double v : {m.demand, m.processed, m.diverted_in, m.diverted_out, m.lost, m.queue,
                     m.lanes_open, m.processed > 0 ? m.delay_unit_hours / m.processed : 0.0}) {
      out.push_back(real_cell(v));
    }
    out.push_back(integer_cell(m.closed ? 1 : 0));
  }
  for (double v : {p.truck_hours_delay, p.railcar_days_delay, p.freight_delayed_usd,
                   p.traffic_officers, p.officers_redeployed}) {
    out.push_back(real_cell(v));
  }
  for (std::int64_t v : {p.encounters, p.appointments, p.processed, p.in_custody, p.released,
                         p.returned_to_mexico, p.transferred_to_ice, p.transferred_to_orr}) {
    out.push_back(integer_cell(v));
  }
}

void append_cell(std::string& out, const Cell& cell) {
  if (cell.type == ColumnType::kInteger) {
    fmt::format_to(std::back_inserter(out), "{}", cell.integer);
    return;
  }
  // Adding 0.0 turns -0.0 into +0.0; values that round to zero still print "-0.00", so
  // normalise those too.
  double v = cell.real + 0.0;
  if (v < 0.0 && v > -0.005) v = 0.0;
  fmt::format_to(std::back_inserter(out), "{:.2f}", v);
}

std::string format_cell(const Cell& cell) {
  std::string out;
  append_cell(out, cell);
  return out;
}

}  // namespace bf::output
