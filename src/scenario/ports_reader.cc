#include "scenario/ports_reader.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "scenario/fields.h"
#include "scenario/parameter_bounds.h"
#include "scenario/suggest.h"
#include "util/csv_reader.h"

namespace bf::scenario {
namespace {

using model::kModeCount;
using model::kModeKeys;
using model::Mode;

std::optional<int> index_of_key(std::string_view key, std::span<const std::string_view> keys) {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return static_cast<int>(i);
  }
  return std::nullopt;
}

class PortsReader {
 public:
  PortsReader(const TableLoader& load_table, DiagnosticSink& sink)
      : load_table_(load_table), sink_(sink) {}

  void read(const YamlNode* node, const std::optional<Horizon>& horizon, model::PortsSpec& out) {
    const Fields f(
        node, "ports",
        {"crossings", "traffic_table", "day_dispersion", "divert_share", "value_per_truck_usd",
         "value_per_railcar_usd", "delay_threshold", "appointments", "parole_appointments",
         "people_demographic_share", "people_citizenship_share", "redeployments", "closures",
         "slowdowns", "weekly_pattern", "max_wait"},
        sink_);
    f.number("day_dispersion", out.day_dispersion, kDayDispersion);
    read_keyed(f.find("divert_share"), "ports.divert_share", kModeKeys, out.divert_share, sink_,
               [this](const YamlNode& n, const std::string& p, double) {
                 return read_number(n, p, kProbability, sink_);
               });
    f.number("value_per_truck_usd", out.value_per_truck_usd, kUsdPerUnit);
    f.number("value_per_railcar_usd", out.value_per_railcar_usd, kUsdPerUnit);
    if (const YamlNode* n = f.find("delay_threshold")) {
      if (auto minutes = read_duration(*n, "ports.delay_threshold", false, sink_)) {
        out.delay_threshold_hours = static_cast<double>(*minutes) / 60.0;
      }
    }
    read_keyed(f.find("max_wait"), "ports.max_wait", kModeKeys, out.max_wait_hours, sink_,
               [this](const YamlNode& n, const std::string& p, double) -> std::optional<double> {
                 const auto minutes = read_duration(n, p, false, sink_);
                 if (!minutes) return std::nullopt;
                 return static_cast<double>(*minutes) / 60.0;
               });
    read_weekly_pattern(f.find("weekly_pattern"), out);
    f.rate_per_day("appointments", out.appointments_per_day);
    f.boolean("parole_appointments", out.parole_appointments);
    read_shares(f.find("people_demographic_share"), "ports.people_demographic_share",
                model::kDemographicKeys, out.people_demographic_share);
    read_shares(f.find("people_citizenship_share"), "ports.people_citizenship_share",
                model::kCitizenshipKeys, out.people_citizenship_share);
    read_crossings(f, out);
    if (!out.crossings.empty() && f.require("traffic_table")) {
      if (auto table =
              load_table_(*f.find("traffic_table"), "ports.traffic_table", "traffic table")) {
        out.traffic = read_traffic_table(table->contents, table->file, out, horizon, sink_);
      }
    }
    read_redeployments(f.find("redeployments"), horizon, out);
    read_closures(f.find("closures"), horizon, out);
    read_slowdowns(f.find("slowdowns"), horizon, out);
    double appointment_total = 0;
    for (const auto& c : out.crossings) appointment_total += c.appointment_share;
    if (out.appointments_per_day > 0 && std::fabs(appointment_total - 1.0) > 1e-6 &&
        node != nullptr) {
      sink_.error(node->location, "ports.crossings",
                  "ports: appointment_share of the crossings adds up to " +
                      std::to_string(appointment_total) + ", not 1");
    }
  }

 private:
  template <std::size_t N>
  void read_shares(const YamlNode* node, const std::string& path,
                   const std::array<std::string_view, N>& keys, std::array<double, N>& out) {
    if (node == nullptr) return;
    std::array<double, N> shares{};
    read_keyed(node, path, keys, shares, sink_,
               [this](const YamlNode& n, const std::string& p, double) {
                 return read_number(n, p, kProbability, sink_);
               });
    double total = 0;
    for (double s : shares) total += s;
    if (std::fabs(total - 1.0) > 1e-6) {
      sink_.error(node->location, path,
                  path + ": shares add up to " + std::to_string(total) + ", not 1",
                  "a share left out counts as 0");
      return;
    }
    out = shares;
  }

  void read_crossings(const Fields& f, model::PortsSpec& out) {
    const YamlNode* node = f.find("crossings");
    if (node == nullptr) return;
    if (!node->is_map()) {
      sink_.error(node->location, "ports.crossings",
                  "ports.crossings: expected a map of crossings, got " + describe(*node));
      return;
    }
    for (const YamlEntry& e : node->entries) {
      const std::string path = "ports.crossings." + e.key;
      model::CrossingSpec c;
      c.key = e.key;
      c.name = e.key;
      const Fields cf(&e.value, path,
                      {"name", "sector", "group", "traffic_officers", "processing_officers",
                       "appointment_share", "inadmissibles_per_day", "officers_per_lane", "lanes"},
                      sink_);
      cf.text("name", c.name);
      if (cf.require("sector")) {
        const YamlNode& s = *cf.find("sector");
        if (auto key = read_text(s, cf.path("sector"), sink_)) {
          if (auto index = model::sector_from_key(*key)) {
            c.sector = *index;
          } else {
            sink_.error(s.location, cf.path("sector"),
                        cf.path("sector") + ": unknown sector '" + *key + "'",
                        did_you_mean_or_list(*key, model::kSectorKeys));
          }
        }
      }
      cf.text("group", c.diversion_group);
      cf.number("traffic_officers", c.traffic_officers, kStaff);
      cf.integer("processing_officers", c.processing_officers, kStaff);
      cf.number("appointment_share", c.appointment_share, kProbability);
      cf.number("inadmissibles_per_day", c.inadmissibles_per_day, kPeoplePerDay);
      read_keyed(cf.find("officers_per_lane"), cf.path("officers_per_lane"), kModeKeys,
                 c.officers_per_lane, sink_,
                 [this](const YamlNode& n, const std::string& p, double) {
                   return read_number(n, p, kStaff, sink_);
                 });
      read_lanes(cf.find("lanes"), cf.path("lanes"), c);
      out.crossings.push_back(std::move(c));
    }
  }

  void read_lanes(const YamlNode* node, const std::string& path, model::CrossingSpec& c) {
    if (node == nullptr) return;
    if (!node->is_map()) {
      sink_.error(node->location, path, path + ": expected a map by mode, got " + describe(*node));
      return;
    }
    for (const YamlEntry& e : node->entries) {
      const auto mode = index_of_key(e.key, kModeKeys);
      if (!mode) {
        report_unknown_key(e, path, kModeKeys, sink_);
        continue;
      }
      const std::string mpath = path + "." + e.key;
      model::LaneSpec lane;
      const Fields lf(&e.value, mpath, {"lanes", "per_lane_hour", "open_hour", "close_hour"},
                      sink_);
      if (lf.require("lanes")) lf.integer("lanes", lane.lanes, kLanes);
      if (lf.require("per_lane_hour"))
        lf.number("per_lane_hour", lane.units_per_lane_hour, kUnitsPerLaneHour);
      lf.integer("open_hour", lane.open_hour, {0, 23});
      lf.integer("close_hour", lane.close_hour, {1, 24});
      if (lane.close_hour <= lane.open_hour) {
        sink_.error(e.value.location, mpath,
                    mpath + ": close_hour " + std::to_string(lane.close_hour) +
                        " is not after open_hour " + std::to_string(lane.open_hour));
      }
      c.modes[static_cast<std::size_t>(*mode)] = lane;
    }
  }

  std::optional<int> crossing_key(const YamlNode& node, const std::string& path,
                                  const model::PortsSpec& out) {
    const std::optional<std::string> key = read_text(node, path, sink_);
    if (!key) return std::nullopt;
    std::vector<std::string_view> keys;
    for (std::size_t i = 0; i < out.crossings.size(); ++i) {
      if (out.crossings[i].key == *key) return static_cast<int>(i);
      keys.push_back(out.crossings[i].key);
    }
    sink_.error(node.location, path, path + ": unknown crossing '" + *key + "'",
                did_you_mean(*key, keys));
    return std::nullopt;
  }

  // Reads first_day/last_day, both inside the run; false if invalid.
  bool read_dates(const Fields& f, const std::optional<Horizon>& horizon, util::Date& first,
                  util::Date& last, const YamlNode& item) {
    std::optional<util::Date> a, b;
    if (f.require("first_day")) a = read_date(*f.find("first_day"), f.path("first_day"), sink_);
    if (f.require("last_day")) b = read_date(*f.find("last_day"), f.path("last_day"), sink_);
    if (!a || !b) return false;
    if (*b < *a) {
      sink_.error(
          f.find("last_day")->location, f.path("last_day"),
          f.path() + ": last_day " + b->to_string() + " is before first_day " + a->to_string());
      return false;
    }
    if (horizon && (*b < horizon->first_day || *a > horizon->last_day)) {
      sink_.error(item.location, f.path(),
                  f.path() + ": " + a->to_string() + " to " + b->to_string() +
                      " does not overlap the run (" + horizon->first_day.to_string() + " to " +
                      horizon->last_day.to_string() + ")");
      return false;
    }
    first = *a;
    last = *b;
    return true;
  }

  void read_redeployments(const YamlNode* node, const std::optional<Horizon>& horizon,
                          model::PortsSpec& out) {
    if (node == nullptr) return;
    if (node->kind != YamlNode::Kind::kList) {
      sink_.error(node->location, "ports.redeployments",
                  "ports.redeployments: expected a list, got " + describe(*node));
      return;
    }
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const YamlNode& item = node->items[i];
      const std::string path = "ports.redeployments[" + std::to_string(i) + "]";
      const Fields f(&item, path, {"crossing", "officers", "to_sector", "first_day", "last_day"},
                     sink_);
      model::RedeploymentSpec r;
      bool ok = true;
      if (f.require("crossing")) {
        if (auto c = crossing_key(*f.find("crossing"), f.path("crossing"), out)) {
          r.crossing = *c;
          r.sector = out.crossings[static_cast<std::size_t>(*c)].sector;
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      if (const YamlNode* s = f.find("to_sector")) {
        const std::optional<std::string> key = read_text(*s, f.path("to_sector"), sink_);
        if (auto index = key ? model::sector_from_key(*key) : std::nullopt) {
          r.sector = *index;
        } else {
          if (key) {
            sink_.error(s->location, f.path("to_sector"),
                        f.path("to_sector") + ": unknown sector '" + *key + "'",
                        did_you_mean_or_list(*key, model::kSectorKeys));
          }
          ok = false;
        }
      }
      if (f.require("officers")) {
        f.number("officers", r.officers, {0.0, kMaxStaff, true, true});
      } else {
        ok = false;
      }
      ok = read_dates(f, horizon, r.first_day, r.last_day, item) && ok;
      if (ok) out.redeployments.push_back(r);
    }
  }

  void read_closures(const YamlNode* node, const std::optional<Horizon>& horizon,
                     model::PortsSpec& out) {
    if (node == nullptr) return;
    if (node->kind != YamlNode::Kind::kList) {
      sink_.error(node->location, "ports.closures",
                  "ports.closures: expected a list, got " + describe(*node));
      return;
    }
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const YamlNode& item = node->items[i];
      const std::string path = "ports.closures[" + std::to_string(i) + "]";
      const Fields f(&item, path,
                     {"crossing", "modes", "first_day", "last_day", "sector", "custody_above",
                      "custody_below"},
                     sink_);
      model::ClosureSpec c;
      bool ok = true;
      if (f.require("crossing")) {
        if (auto x = crossing_key(*f.find("crossing"), f.path("crossing"), out)) {
          c.crossing = *x;
          c.trigger_sector = out.crossings[static_cast<std::size_t>(*x)].sector;
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      ok = read_modes(f.find("modes"), f.path("modes"), c.modes) && ok;
      const bool dated = f.find("first_day") != nullptr || f.find("last_day") != nullptr;
      const bool triggered = f.find("custody_above") != nullptr;
      if (dated == triggered) {
        sink_.error(item.location, path,
                    path +
                        ": give either first_day and last_day (a scheduled closure) or "
                        "custody_above and custody_below (a triggered one)");
        continue;
      }
      if (dated) {
        ok = read_dates(f, horizon, c.first_day, c.last_day, item) && ok;
      } else {
        c.scheduled = false;
        if (const YamlNode* s = f.find("sector")) {
          const std::optional<std::string> key = read_text(*s, f.path("sector"), sink_);
          if (auto index = key ? model::sector_from_key(*key) : std::nullopt) {
            c.trigger_sector = *index;
          } else {
            if (key) {
              sink_.error(s->location, f.path("sector"),
                          f.path("sector") + ": unknown sector '" + *key + "'",
                          did_you_mean_or_list(*key, model::kSectorKeys));
            }
            ok = false;
          }
        }
        double above = 0, below = 0;
        f.number("custody_above", above, kNonNegative);
        if (f.require("custody_below")) f.number("custody_below", below, kNonNegative);
        if (below > above) {
          sink_.error(item.location, path,
                      path + ": custody_below must not exceed custody_above (hysteresis)");
          ok = false;
        }
        c.custody_above = static_cast<std::int64_t>(above);
        c.custody_below = static_cast<std::int64_t>(below);
      }
      if (ok) out.closures.push_back(c);
    }
  }

  void read_slowdowns(const YamlNode* node, const std::optional<Horizon>& horizon,
                      model::PortsSpec& out) {
    if (node == nullptr) return;
    if (node->kind != YamlNode::Kind::kList) {
      sink_.error(node->location, "ports.slowdowns",
                  "ports.slowdowns: expected a list, got " + describe(*node));
      return;
    }
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const YamlNode& item = node->items[i];
      const std::string path = "ports.slowdowns[" + std::to_string(i) + "]";
      const Fields f(&item, path, {"crossing", "modes", "factor", "first_day", "last_day"}, sink_);
      model::SlowdownSpec slow;
      bool ok = true;
      if (f.require("crossing")) {
        const auto c = crossing_key(*f.find("crossing"), f.path("crossing"), out);
        ok = c.has_value();
        if (c) slow.crossing = *c;
      } else {
        ok = false;
      }
      ok = read_modes(f.find("modes"), f.path("modes"), slow.modes) && ok;
      if (f.require("factor")) {
        if (const auto factor =
                read_number(*f.find("factor"), f.path("factor"), kProbability, sink_)) {
          if (*factor <= 0) {
            sink_.error(f.find("factor")->location, f.path("factor"),
                        f.path("factor") +
                            ": must be above 0 (a lane that serves nobody is a "
                            "closure: use ports.closures)");
            ok = false;
          }
          slow.factor = *factor;
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      ok = read_dates(f, horizon, slow.first_day, slow.last_day, item) && ok;
      if (ok) out.slowdowns.push_back(slow);
    }
  }

  // `weekly_pattern: {mode: [Monday .. Sunday]}`: seven non-negative factors averaging 1.
  void read_weekly_pattern(const YamlNode* node, model::PortsSpec& out) {
    if (node == nullptr) return;
    if (!node->is_map()) {
      sink_.error(node->location, "ports.weekly_pattern",
                  "ports.weekly_pattern: expected a map, got " + describe(*node));
      return;
    }
    for (const YamlEntry& entry : node->entries) {
      const std::string path = "ports.weekly_pattern." + entry.key;
      const std::optional<int> mode = index_of_key(entry.key, kModeKeys);
      if (!mode) {
        report_unknown_key(entry, "ports.weekly_pattern", kModeKeys, sink_);
        continue;
      }
      const YamlNode& list = entry.value;
      if (list.kind != YamlNode::Kind::kList || list.items.size() != 7) {
        sink_.error(
            list.location, path,
            path + ": expected a list of 7 numbers, Monday to Sunday, got " + describe(list));
        continue;
      }
      std::array<double, 7> days{};
      bool ok = true;
      double sum = 0;
      for (std::size_t d = 0; d < 7; ++d) {
        const auto v =
            read_number(list.items[d], path + "[" + std::to_string(d) + "]", kNonNegative, sink_);
        ok = ok && v.has_value();
        days[d] = v.value_or(0.0);
        sum += days[d];
      }
      if (!ok) continue;
      // Two decimals are what anyone writes; the factors must keep the month's mean.
      if (std::fabs(sum / 7.0 - 1.0) > 0.005) {
        char mean[32];
        std::snprintf(mean, sizeof mean, "%.3f", sum / 7.0);
        sink_.error(list.location, path,
                    path +
                        ": the 7 factors must average 1 (they keep the month's daily mean), "
                        "they average " +
                        mean);
        continue;
      }
      for (double& d : days) d *= 7.0 / sum;  // exact mean 1
      out.weekly_pattern[static_cast<std::size_t>(*mode)] = days;
    }
  }

  // `modes: all` or a list of mode keys.
  bool read_modes(const YamlNode* node, const std::string& path, model::PerMode<bool>& out) {
    if (node == nullptr) {
      out.fill(true);  // no `modes`: the whole crossing closes
      return true;
    }
    if (node->kind == YamlNode::Kind::kScalar && node->scalar == "all") {
      out.fill(true);
      return true;
    }
    if (node->kind != YamlNode::Kind::kList || node->items.empty()) {
      sink_.error(node->location, path,
                  path + ": expected `all` or a list of modes, got " + describe(*node));
      return false;
    }
    bool ok = true;
    for (const YamlNode& item : node->items) {
      const std::optional<std::string> key = read_text(item, path, sink_);
      const auto mode = key ? index_of_key(*key, kModeKeys) : std::nullopt;
      if (!mode) {
        if (key) {
          sink_.error(item.location, path, path + ": unknown mode '" + *key + "'",
                      did_you_mean_or_list(*key, kModeKeys));
        }
        ok = false;
        continue;
      }
      out[static_cast<std::size_t>(*mode)] = true;
    }
    return ok;
  }

  const TableLoader& load_table_;
  DiagnosticSink& sink_;
};

}  // namespace

void read_ports(const YamlNode* node, const std::optional<Horizon>& horizon,
                const TableLoader& load_table, DiagnosticSink& sink, model::PortsSpec& out) {
  if (node == nullptr) return;
  PortsReader(load_table, sink).read(node, horizon, out);
}

std::vector<model::TrafficLevel> read_traffic_table(std::string_view contents, int file,
                                                    const model::PortsSpec& ports,
                                                    const std::optional<Horizon>& horizon,
                                                    DiagnosticSink& sink) {
  std::vector<model::TrafficLevel> rows;
  const util::CsvParseResult parsed = util::parse_csv(contents);
  if (parsed.error) {
    sink.error({file, parsed.error->line, parsed.error->column}, "ports.traffic_table",
               "traffic table: " + parsed.error->message);
    return rows;
  }
  const auto& records = parsed.document->records;
  if (records.empty()) {
    sink.error({file, 1, 1}, "ports.traffic_table", "traffic table: empty (no header)");
    return rows;
  }
  std::string header;
  for (const auto& f : records[0].fields) header += (header.empty() ? "" : ",") + f.text;
  if (header != kTrafficTableHeader) {
    sink.error({file, records[0].line, 1}, "ports.traffic_table",
               "traffic table: header is '" + header + "', expected '" +
                   std::string(kTrafficTableHeader) + "'");
    return rows;
  }
  std::vector<std::string_view> keys;
  for (const auto& c : ports.crossings) keys.push_back(c.key);
  std::map<std::tuple<int, int, int>, int> seen;  // (crossing, month, mode) -> line
  for (std::size_t r = 1; r < records.size(); ++r) {
    const util::CsvRecord& rec = records[r];
    auto fail = [&](int column, const std::string& message, std::string hint = {}) {
      sink.error({file, rec.line, column}, "ports.traffic_table", "traffic table: " + message,
                 std::move(hint));
    };
    if (rec.fields.size() != 4) {
      fail(1, "expected 4 fields, got " + std::to_string(rec.fields.size()));
      continue;
    }
    model::TrafficLevel t;
    const auto& f = rec.fields;
    const auto crossing = index_of_key(f[0].text, keys);
    if (!crossing) {
      fail(f[0].column, "unknown crossing '" + f[0].text + "'", did_you_mean(f[0].text, keys));
      continue;
    }
    t.crossing = *crossing;
    const auto month = util::Date::parse(f[1].text + "-01");
    if (f[1].text.size() != 7 || !month) {
      fail(f[1].column, "month '" + f[1].text + "' is not YYYY-MM");
      continue;
    }
    t.month = month->year_month();
    const auto mode = index_of_key(f[2].text, kModeKeys);
    if (!mode) {
      fail(f[2].column, "unknown mode '" + f[2].text + "'",
           did_you_mean_or_list(f[2].text, kModeKeys));
      continue;
    }
    t.mode = static_cast<Mode>(*mode);
    char* end = nullptr;
    const double v = std::strtod(f[3].text.c_str(), &end);
    if (f[3].text.empty() || end != f[3].text.c_str() + f[3].text.size() || !std::isfinite(v) ||
        v < 0) {
      fail(f[3].column, "units_per_day '" + f[3].text + "' is not a number >= 0");
      continue;
    }
    t.units_per_day = v;
    const auto key = std::make_tuple(t.crossing, t.month.index(), *mode);
    if (auto it = seen.find(key); it != seen.end()) {
      fail(1, "duplicate row for " + f[0].text + " " + f[1].text + " " + f[2].text,
           "first written at line " + std::to_string(it->second));
      continue;
    }
    seen.emplace(key, rec.line);
    rows.push_back(t);
  }
  // Coverage: every crossing-mode with lanes, every month of the run.
  if (horizon) {
    int reported = 0;
    for (util::YearMonth m = horizon->first_day.year_month(); m <= horizon->last_day.year_month();
         m = m.next()) {
      for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
        for (int mode = 0; mode < kModeCount; ++mode) {
          if (ports.crossings[c].modes[static_cast<std::size_t>(mode)].lanes <= 0) continue;
          if (seen.count({static_cast<int>(c), m.index(), mode})) continue;
          if (reported++ < kMaxCoverageErrors) {
            sink.error({file, 1, 1}, "ports.traffic_table",
                       "traffic table: no row for " + ports.crossings[c].key + " " + m.to_string() +
                           " " + std::string(kModeKeys[static_cast<std::size_t>(mode)]));
          }
        }
      }
    }
    if (reported > kMaxCoverageErrors) {
      sink.error(
          {file, 1, 1}, "ports.traffic_table",
          "traffic table: " + std::to_string(reported - kMaxCoverageErrors) + " more missing rows");
    }
  }
  return rows;
}

}  // namespace bf::scenario
