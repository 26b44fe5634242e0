#include "output/output_schema.h"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "model/population.h"
#include "model/port_spec.h"

namespace bf::output {
namespace {

using model::DayReport;
using model::ModeDay;
using model::PortDay;
using model::SectorDay;
using model::SystemDay;
using I = std::int64_t;

Field make_field(std::string name, ColumnType type, Kind kind, std::string unit,
                 std::string meaning, OverSectors over_sectors = OverSectors::kSum) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.kind = kind;
  f.unit = std::move(unit);
  f.meaning = std::move(meaning);
  f.over_sectors = over_sectors;
  return f;
}

// A field under construction; the methods mark where summary.json uses it.
struct Def {
  Field f;
  Def& total() { return f.summary.total = true, *this; }
  Def& daily_mean() { return f.summary.daily_mean = true, *this; }
  Def& mean() { return f.summary.mean = true, *this; }
  Def& peak() { return f.summary.peak = true, *this; }
  Def& final() { return f.summary.final = true, *this; }
  Def& sector_total() { return f.summary.sector_total = true, *this; }
  Def& sector_peak() { return f.summary.sector_peak = true, *this; }
  Def& rate_mean(std::string_view key, std::string_view weight) {
    f.summary.rate_mean_key = key;
    f.summary.rate_weight = weight;
    return *this;
  }
  Def& metric(int order, std::string_view key, std::string_view label, PeriodAggregation how) {
    f.compare.push_back(CompareUse{order, key, label, how});
    return *this;
  }
  Def& in(std::string group, std::string member) {
    f.group = std::move(group);
    f.member = std::move(member);
    return *this;
  }
};

// A sector value: read from SectorDay, summed over sectors for the days table.
Def sector(std::string name, Kind kind, std::string unit, std::string meaning,
           std::function<I(const SectorDay&)> get) {
  Def d;
  d.f =
      make_field(std::move(name), ColumnType::kInteger, kind, std::move(unit), std::move(meaning));
  d.f.sector = [get = std::move(get)](const SectorDay& s) { return integer_cell(get(s)); };
  return d;
}

// A system-wide value of the days table, read from SystemDay.
Def system(std::string name, Kind kind, std::string unit, std::string meaning,
           std::function<I(const SystemDay&)> get) {
  Def d;
  d.f = make_field(std::move(name), ColumnType::kInteger, kind, std::move(unit), std::move(meaning),
                   OverSectors::kSystem);
  d.f.system = [get = std::move(get)](const DayReport& r) { return integer_cell(get(r.system)); };
  return d;
}

std::vector<Field> build_sector_fields() {
  std::vector<Def> d;
  const Kind flow = Kind::kFlow, stock = Kind::kStock, setting = Kind::kSetting;
  const PeriodAggregation sum = PeriodAggregation::kSum, mean = PeriodAggregation::kMean,
                          peak = PeriodAggregation::kPeak;
  // clang-format off
  d.push_back(sector("crossings", flow, "people", "people reaching the border between ports that day", &SectorDay::crossings).total().daily_mean().sector_total().metric(2, "crossings", "crossings", sum));
  d.push_back(sector("repeat_crossings", flow, "people", "of whom people returned to Mexico earlier in the run, trying again", &SectorDay::repeat_crossings).total().metric(3, "repeat_crossings", "of which repeat crossings", sum));
  d.push_back(sector("encounters", flow, "encounters", "Border Patrol encounters (surrenders + apprehensions): events, not people", &SectorDay::encounters).total().daily_mean().peak().sector_total().metric(0, "encounters", "Border Patrol encounters", sum));
  for (int i = 0; i < model::kDemographicCount; ++i) {
    const std::string key(model::kDemographicKeys[i]);
    d.push_back(std::move(sector("encounters_" + key, flow, "encounters", "encounters by CBP demographic: " + key, [i](const SectorDay& s) { return s.encounters_by_demographic[i]; }).total().in("encounters_by_demographic", key)));
  }
  for (int i = 0; i < model::kCitizenshipCount; ++i) {
    const std::string key(model::kCitizenshipKeys[i]);
    d.push_back(std::move(sector("encounters_" + key, flow, "encounters", "encounters by CBP citizenship group: " + key, [i](const SectorDay& s) { return s.encounters_by_citizenship[i]; }).total().in("encounters_by_citizenship", key)));
  }
  d.push_back(sector("gotaways", flow, "people", "people who evaded and were not apprehended (counted on the day they crossed)", &SectorDay::gotaways).total().daily_mean().sector_total().metric(1, "gotaways", "gotaways", sum));
  d.push_back(sector("processed", flow, "people", "people whose processing by an agent finished", &SectorDay::processed).total());
  d.push_back(sector("returned_to_mexico", flow, "people", "people returned to Mexico under Title 8 (Mexicans, and non-Mexicans Mexico accepted)", &SectorDay::returned_to_mexico).total().metric(4, "returned_to_mexico", "returned to Mexico", sum));
  d.push_back(sector("title42_expulsions", flow, "people", "people expelled to Mexico under Title 42 (only with dispositions.title42_end; 0 otherwise)", &SectorDay::title42_expulsions).total().metric(5, "title42_expulsions", "Title 42 expulsions", sum));
  d.push_back(sector("remain_in_mexico", flow, "people", "people returned to Mexico to await their hearing (only with a remain_in_mexico policy; 0 otherwise)", &SectorDay::remain_in_mexico).total().metric(6, "remain_in_mexico", "returned to await hearing (MPP)", sum));
  d.push_back(sector("transferred_to_ice", flow, "people", "people handed from Border Patrol custody to ICE: booked into ICE detention, or (with an outcome mix) released by ICE at once", &SectorDay::transferred_to_ice).total().metric(7, "transferred_to_ice", "transferred to ICE", sum));
  d.push_back(sector("released_by_ice", flow, "people", "of those transferred to ICE, people ICE released without a detention book-in (alternatives to detention, parole; only with dispositions.outcome_mix, 0 otherwise)", &SectorDay::released_by_ice).total().metric(8, "released_by_ice", "of which released by ICE", sum));
  d.push_back(sector("released", flow, "people", "people released from Border Patrol custody with a Notice to Appear or on parole", &SectorDay::released).total().metric(9, "released", "released", sum));
  d.push_back(sector("crowded_releases", flow, "people", "people whose release was decided that day on the faster path of a crowded sector (custody at or above dispositions.crowded_release.occupancy x holding capacity); they leave after its shorter delay. 0 without crowded_release", &SectorDay::crowded_releases).total());
  d.push_back(sector("transferred_to_orr", flow, "people", "unaccompanied children moved to ORR shelters", &SectorDay::transferred_to_orr).total().metric(10, "transferred_to_orr", "transferred to ORR", sum));
  // clang-format on
  {
    Def e = sector("left_custody", flow, "people",
                   "people who left Border Patrol custody that day (any way)",
                   [](const SectorDay& s) { return s.custody_time.people; });
    e.f.over_sectors = OverSectors::kPooled;
    e.f.system = [](const DayReport& r) { return integer_cell(r.system.custody_time.people); };
    d.push_back(std::move(e.total()));
  }
  for (const bool p90 : {false, true}) {
    Def e;
    e.f = make_field(
        p90 ? "tic_p90_hours" : "tic_mean_hours", ColumnType::kReal, Kind::kRate, "hours",
        p90 ? "90th percentile of the time in custody of those who left custody (0 when none)"
            : "mean time in custody of those who left custody (0 when none)",
        OverSectors::kPooled);
    e.f.sector = [p90](const SectorDay& s) {
      return real_cell(p90 ? s.custody_time.p90_hours : s.custody_time.mean_hours);
    };
    e.f.system = [p90](const DayReport& r) {
      return real_cell(p90 ? r.system.custody_time.p90_hours : r.system.custody_time.mean_hours);
    };
    if (!p90) e.rate_mean("tic_hours", "left_custody");
    d.push_back(std::move(e));
  }
  // clang-format off
  d.push_back(sector("in_custody", stock, "people", "people held by Border Patrol at the end of the day", &SectorDay::in_custody).mean().peak().sector_peak().metric(11, "in_custody_mean", "in custody (mean)", mean).metric(12, "in_custody_peak", "in custody (peak)", peak));
  d.push_back(sector("over_capacity", stock, "people", "in_custody above the rated holding capacity (still held, never dropped); in days the sum of sector overflows", &SectorDay::over_capacity).peak().sector_peak().metric(13, "over_capacity_mean", "over capacity (mean)", mean));
  d.push_back(sector("held_over_72h", stock, "people", "people in custody longer than the 72-hour standard", &SectorDay::held_over_72h).peak().sector_peak().metric(14, "held_over_72h_mean", "held over 72 h (mean)", mean));
  d.push_back(sector("awaiting_processing", stock, "people", "people in custody not yet processed", &SectorDay::awaiting_processing).peak());
  d.push_back(sector("holding_capacity", setting, "people", "Border Patrol holding capacity in force", &SectorDay::holding_capacity));
  d.push_back(sector("processing_agents", setting, "agents", "agents processing in force", &SectorDay::processing_agents));
  // clang-format on
  {
    Def e;
    e.f = make_field("agents_on_patrol", ColumnType::kReal, setting, "agents",
                     "agents on patrol that day: the scenario's setting plus an agents "
                     "policy's patrol change while it is in force (at least 0)");
    e.f.sector = [](const SectorDay& s) { return real_cell(s.agents_on_patrol); };
    d.push_back(std::move(e));
  }
  std::vector<Field> out;
  out.reserve(d.size());
  for (Def& def : d) out.push_back(std::move(def.f));
  return out;
}

std::vector<Field> build_system_fields() {
  std::vector<Def> d;
  const Kind flow = Kind::kFlow, stock = Kind::kStock, setting = Kind::kSetting;
  const PeriodAggregation sum = PeriodAggregation::kSum, mean = PeriodAggregation::kMean;
  // clang-format off
  d.push_back(system("detention_population", stock, "people", "people in ICE detention after transfer by Border Patrol", [](const SystemDay& s) { return s.detention_population; }).mean().peak().metric(15, "detention_population_mean", "detention population (mean)", mean));
  d.push_back(system("detention_beds", setting, "beds", "ICE detention beds in force", [](const SystemDay& s) { return s.detention_beds; }));
  d.push_back(system("detention_book_ins", flow, "people", "transfers into ICE detention", [](const SystemDay& s) { return s.detention_book_ins; }).total().metric(16, "detention_book_ins", "detention book-ins", sum));
  d.push_back(system("detention_releases", flow, "people", "releases from detention with a Notice to Appear", [](const SystemDay& s) { return s.detention_releases; }).total());
  d.push_back(system("removals", flow, "people", "removed from ICE detention, every destination (flights; Mexicans by land)", [](const SystemDay& s) { I t = 0; for (I v : s.removals_by_destination) t += v; return t; }).total().metric(17, "removals", "removals", sum));
  for (int i = 0; i < model::kCitizenshipCount; ++i) {
    const std::string key(model::kCitizenshipKeys[i]);
    d.push_back(std::move(system("removals_" + key, flow, "people", "people removed from ICE detention to destination group " + key + (key == "mexico" ? " (by land)" : " (by flight)"), [i](const SystemDay& s) { return s.removals_by_destination[i]; }).total().in("removals_by_destination", key)));
  }
  d.push_back(system("awaiting_detention_bed", stock, "people", "in custody waiting for an ICE bed, at Border Patrol stations and at ports of entry (so it can exceed in_custody, which counts Border Patrol only)", [](const SystemDay& s) { return s.awaiting_detention_bed; }).peak());
  d.push_back(system("orr_population", stock, "people", "children in ORR care", [](const SystemDay& s) { return s.orr_population; }).peak());
  d.push_back(system("orr_beds", setting, "beds", "ORR shelter beds in force", [](const SystemDay& s) { return s.orr_beds; }));
  d.push_back(system("orr_releases", flow, "people", "children released from ORR care to sponsors", [](const SystemDay& s) { return s.orr_releases; }).total());
  d.push_back(system("waiting_in_mexico", stock, "people", "people staged to cross (initial state, or returned and trying again)", [](const SystemDay& s) { return s.waiting_in_mexico; }).peak());
  const std::pair<const char*, I model::StateCounts::*> states[] = {
      {"entered", &model::StateCounts::entered}, {"waiting_in_mexico", &model::StateCounts::waiting_in_mexico},
      {"crossing", &model::StateCounts::crossing}, {"in_custody", &model::StateCounts::in_custody},
      {"in_detention", &model::StateCounts::in_detention}, {"in_orr", &model::StateCounts::in_orr},
      {"got_away", &model::StateCounts::got_away}, {"in_mexico", &model::StateCounts::in_mexico},
      {"released", &model::StateCounts::released}, {"removed", &model::StateCounts::removed}};
  // clang-format on
  for (const auto& [key, m] : states) {
    d.push_back(std::move(system(fmt::format("state_{}", key), stock, "people",
                                 fmt::format("where everyone who ever entered the model is: {} "
                                             "(entered = the sum of the others)",
                                             key),
                                 [m = m](const SystemDay& s) { return s.states.*m; })
                              .final()
                              .in("final_states", key)));
  }
  std::vector<Field> out;
  out.reserve(d.size());
  for (Def& def : d) out.push_back(std::move(def.f));
  return out;
}

std::vector<Field> build_port_fields() {
  std::vector<Field> out;
  auto real = [&out](std::string name, Kind kind, std::string unit, std::string meaning,
                     std::function<double(const PortDay&)> get) -> Field& {
    Field f =
        make_field(std::move(name), ColumnType::kReal, kind, std::move(unit), std::move(meaning));
    f.port = [get = std::move(get)](const PortDay& p) { return real_cell(get(p)); };
    out.push_back(std::move(f));
    return out.back();
  };
  auto integer = [&out](std::string name, Kind kind, std::string unit, std::string meaning,
                        std::function<I(const PortDay&)> get) -> Field& {
    Field f = make_field(std::move(name), ColumnType::kInteger, kind, std::move(unit),
                         std::move(meaning));
    f.port = [get = std::move(get)](const PortDay& p) { return integer_cell(get(p)); };
    out.push_back(std::move(f));
    return out.back();
  };
  // A compare metric read from the field just added (summed over crossings).
  const auto metric = [](Field& f, CompareUse use) -> Field& {
    f.compare.push_back(use);
    return f;
  };
  const PeriodAggregation sum = PeriodAggregation::kSum;
  // summary.json's ports.<key> from the field just added (see SummaryUse::port_key).
  const auto port_total = [](Field& f, int order, std::string_view key, bool any = false) {
    f.summary.port_key = key;
    f.summary.port_order = order;
    f.summary.port_any_nonzero = any;
  };
  const Kind flow = Kind::kFlow, stock = Kind::kStock, setting = Kind::kSetting;
  for (std::size_t i = 0; i < model::kModeKeys.size(); ++i) {
    const std::string mode(model::kModeKeys[i]);
    const auto m = [i](const PortDay& p) -> const ModeDay& { return p.modes[i]; };
    // clang-format off
    real(mode + "_demand", flow, "units", "normal demand arriving at this crossing", [m](const PortDay& p) { return m(p).demand; });
    Field& processed = real(mode + "_processed", flow, "units", "units that crossed", [m](const PortDay& p) { return m(p).processed; });
    if (i == static_cast<std::size_t>(model::Mode::kTruck)) port_total(processed, 2, "trucks_processed");
    if (i == static_cast<std::size_t>(model::Mode::kRail)) port_total(processed, 3, "railcars_processed");
    real(mode + "_diverted_in", flow, "units", "demand diverted here from a closed crossing of the group", [m](const PortDay& p) { return m(p).diverted_in; });
    real(mode + "_diverted_out", flow, "units", "demand diverted away because this mode was closed here", [m](const PortDay& p) { return m(p).diverted_out; });
    port_total(real(mode + "_lost", flow, "units", "demand that gave up (closed, no open alternative)", [m](const PortDay& p) { return m(p).lost; }), 4, "units_lost");
    real(mode + "_queue", stock, "units", "units waiting at the end of the day", [m](const PortDay& p) { return m(p).queue; });
    real(mode + "_lanes_open", setting, "lanes", "mean lanes open over the mode's hours of operation", [m](const PortDay& p) { return m(p).lanes_open; });
    real(mode + "_wait_hours", Kind::kRate, "hours", "mean wait of the units processed (unit-hours waited / units processed; 0 when none)", [m](const PortDay& p) { return m(p).processed > 0 ? m(p).delay_unit_hours / m(p).processed : 0.0; });
    port_total(integer(mode + "_closed", setting, "0/1", "1 if the mode was closed all day", [m](const PortDay& p) -> I { return m(p).closed ? 1 : 0; }), 8, "closed_crossing_days", true);
    // clang-format on
  }
  // clang-format off
  port_total(metric(real("truck_hours_delay", flow, "truck-hours", "hours trucks spent waiting", [](const PortDay& p) { return p.truck_hours_delay; }), {19, "truck_hours_delay", "truck-hours of delay", sum}), 5, "truck_hours_delay");
  port_total(metric(real("railcar_days_delay", flow, "railcar-days", "days railcars spent waiting", [](const PortDay& p) { return p.railcar_days_delay; }), {20, "railcar_days_delay", "railcar-days of delay", sum}), 6, "railcar_days_delay");
  port_total(metric(real("freight_delayed_usd", flow, "USD", "value of the delayed trucks and railcars", [](const PortDay& p) { return p.freight_delayed_usd; }), {21, "freight_delayed_usd", "freight delayed (USD)", sum}), 7, "freight_delayed_usd");
  real("traffic_officers", setting, "officers", "officers on duty for traffic (after redeployments)", [](const PortDay& p) { return p.traffic_officers; });
  port_total(real("officers_redeployed", setting, "officers", "officers moved to Border Patrol processing", [](const PortDay& p) { return p.officers_redeployed; }), 9, "officers_redeployed_days");
  port_total(metric(integer("encounters", flow, "people", "people presenting at the port (appointments and other inadmissible arrivals)", [](const PortDay& p) { return p.encounters; }), {18, "port_encounters", "encounters at ports", sum}), 0, "encounters");
  port_total(integer("appointments", flow, "people", "of the encounters, appointment holders", [](const PortDay& p) { return p.appointments; }), 1, "appointments");
  integer("processed", flow, "people", "people whose processing at the port finished", [](const PortDay& p) { return p.processed; });
  integer("in_custody", stock, "people", "held at the port at the end of the day", [](const PortDay& p) { return p.in_custody; });
  integer("released", flow, "people", "paroled or released with a Notice to Appear", [](const PortDay& p) { return p.released; });
  integer("returned_to_mexico", flow, "people", "returned to Mexico from the port", [](const PortDay& p) { return p.returned_to_mexico; });
  integer("transferred_to_ice", flow, "people", "moved from the port to ICE detention", [](const PortDay& p) { return p.transferred_to_ice; });
  integer("transferred_to_orr", flow, "people", "unaccompanied children moved from the port to ORR", [](const PortDay& p) { return p.transferred_to_orr; });
  // clang-format on
  return out;
}

// The four lists, built once (function-local statics: thread-safe initialisation, then
// read-only).
struct Schema {
  std::vector<Field> sector_days = build_sector_fields();
  std::vector<Field> days;
  std::vector<Field> port_days = build_port_fields();
  Schema() {
    days = sector_days;
    std::vector<Field> system = build_system_fields();
    days.insert(days.end(), system.begin(), system.end());
  }
};

const Schema& schema() {
  static const Schema kSchema;
  return kSchema;
}

}  // namespace

Cell integer_cell(std::int64_t v) { return Cell{ColumnType::kInteger, v, 0.0}; }
Cell real_cell(double v) { return Cell{ColumnType::kReal, 0, v}; }

std::string_view table_name(Table table) {
  switch (table) {
    case Table::kSectorDays:
      return "sector_days";
    case Table::kDays:
      return "days";
    case Table::kPortDays:
      return "port_days";
  }
  return "";
}

const std::vector<KeyColumn>& key_columns(Table table) {
  static const std::vector<KeyColumn> kSector = {
      {"date", "the simulated day, YYYY-MM-DD"},
      {"sector", "Border Patrol sector key, sectors west to east"}};
  static const std::vector<KeyColumn> kDay = {{"date", "the simulated day, YYYY-MM-DD"}};
  static const std::vector<KeyColumn> kPort = {{"date", "the simulated day, YYYY-MM-DD"},
                                               {"crossing", "the crossing's key (scenario ports)"}};
  switch (table) {
    case Table::kSectorDays:
      return kSector;
    case Table::kDays:
      return kDay;
    case Table::kPortDays:
      return kPort;
  }
  return kDay;
}

const std::vector<Field>& fields(Table table) {
  switch (table) {
    case Table::kSectorDays:
      return schema().sector_days;
    case Table::kDays:
      return schema().days;
    case Table::kPortDays:
      return schema().port_days;
  }
  return schema().days;
}

Cell day_value(const Field& field, const model::DayReport& report) {
  if (field.over_sectors != OverSectors::kSum) return field.system(report);
  Cell total = field.sector(report.sectors[0]);
  for (std::size_t i = 1; i < report.sectors.size(); ++i) {
    const Cell c = field.sector(report.sectors[i]);
    total.integer += c.integer;
    total.real += c.real;
  }
  return total;
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::kFlow:
      return "flow";
    case Kind::kStock:
      return "stock";
    case Kind::kSetting:
      return "setting";
    case Kind::kRate:
      return "rate";
  }
  return "";
}

std::string_view over_days_text(Kind kind) {
  switch (kind) {
    case Kind::kFlow:
      return "sum";
    case Kind::kStock:
      return "mean, peak";
    case Kind::kSetting:
      return "mean";
    case Kind::kRate:
      return "recomputed";
  }
  return "";
}

std::string_view over_sectors_text(OverSectors rule) {
  switch (rule) {
    case OverSectors::kSum:
      return "sum";
    case OverSectors::kPooled:
      return "recomputed";
    case OverSectors::kSystem:
      return "system-wide";
  }
  return "";
}

namespace {

std::string type_text(ColumnType type) { return type == ColumnType::kInteger ? "integer" : "real"; }

void table_section(std::string& out, Table table) {
  const std::string_view name = table_name(table);
  fmt::format_to(std::back_inserter(out),
                 "## {0}\n\n`{0}.csv` and table `{0}` of `results.sqlite`{1}.\n\n", name,
                 table == Table::kPortDays ? " (runs with ports only)" : "");
  out += "| column | type | unit | kind | over sectors | over days | meaning |\n";
  out += "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const KeyColumn& key : key_columns(table)) {
    fmt::format_to(std::back_inserter(out), "| `{}` | text | | key | | | {} |\n", key.name,
                   key.meaning);
  }
  for (const Field& f : fields(table)) {
    const std::string_view sectors =
        table == Table::kPortDays ? std::string_view() : over_sectors_text(f.over_sectors);
    fmt::format_to(std::back_inserter(out), "| `{}` | {} | {} | {} | {} | {} | {} |\n", f.name,
                   type_text(f.type), f.unit, kind_name(f.kind), sectors, over_days_text(f.kind),
                   f.meaning);
  }
  out += "\n";
}

void summary_section(std::string& out) {
  out +=
      "## summary\n\n`summary.json`: the run's values from the days table (and per sector "
      "from sector_days). It also has `provenance`, `period`, for runs with ports or "
      "policies `ports` and `policies`, and `warnings` when Border Patrol custody passes twice "
      "its holding capacity (see `src/output/run_summary.h`).\n\n";
  out += "| key | unit | how | meaning |\n| --- | --- | --- | --- |\n";
  const std::vector<Field>& days = fields(Table::kDays);
  auto row = [&out](const std::string& key, const Field& f, std::string_view how) {
    fmt::format_to(std::back_inserter(out), "| `{}` | {} | {} | {} |\n", key, f.unit, how,
                   f.meaning);
  };
  for (const Field& f : days) {
    if (!f.summary.total) continue;
    row(f.group.empty() ? "totals." + f.name : "totals." + f.group + "." + f.member, f,
        "sum over days");
  }
  for (const Field& f : days) {
    if (f.summary.daily_mean) row("means.daily_" + f.name, f, "sum over days ÷ days");
  }
  for (const Field& f : days) {
    if (f.summary.mean) row("means." + f.name, f, "mean of the end-of-day values");
  }
  for (const Field& f : days) {
    if (!f.summary.rate_mean_key.empty()) {
      row("means." + std::string(f.summary.rate_mean_key), f,
          "mean over everyone who left custody in the run");
    }
  }
  for (const Field& f : days) {
    if (f.summary.peak) row("peaks." + f.name, f, "largest daily value {value, date}");
  }
  for (const Field& f : days) {
    if (f.summary.sector_total) row("sectors.<sector>." + f.name, f, "sum over days");
  }
  for (const Field& f : days) {
    if (f.summary.sector_peak) {
      row("sectors.<sector>.peak_" + f.name, f, "largest daily value {value, date}");
    }
  }
  for (const Field& f : days) {
    if (f.summary.final) row("final_states." + f.member, f, "the last day's value");
  }
  out += "\n";
}

}  // namespace

std::string column_dictionary(std::string_view only) {
  const bool all = only.empty();
  bool known = all || only == "summary";
  for (Table t : kTables) known = known || only == table_name(t);
  if (!known) {
    throw std::invalid_argument(
        fmt::format("unknown table '{}' (expected days, sector_days, port_days or summary)", only));
  }
  std::string out;
  if (all) {
    out +=
        "# Output columns\n\n"
        "Generated by `borderflow columns` from the output schema "
        "(`src/output/output_schema.cc`); a test checks that this file matches it.\n\n"
        "Kinds: a **flow** is counted during the day and sums over days; a **stock** is the "
        "end-of-day value, read over days as a mean and a peak; a **setting** is the "
        "capacity in force that day; a **rate** is a statistic of the day's flow, "
        "recomputed rather than summed. Over sectors: how `days` makes the Southwest value "
        "from the nine sectors' (`recomputed`: over everyone in every sector; "
        "`system-wide`: not a sector value). Reals are written with two decimals.\n\n";
  }
  for (Table t : {Table::kDays, Table::kSectorDays, Table::kPortDays}) {
    if (all || only == table_name(t)) table_section(out, t);
  }
  if (all || only == "summary") summary_section(out);
  out.pop_back();  // one newline at the end
  return out;
}

}  // namespace bf::output
