#include "output/run_summary.h"

#include <fmt/format.h>

#include <cmath>
#include <string_view>

#include "output/text_file.h"
#include "util/number_format.h"

namespace bf::output {
namespace {

using nlohmann::ordered_json;

// Two decimals, the resolution of every other real we publish.
double round2(double v) { return std::round(v * 100.0) / 100.0 + 0.0; }

ordered_json date_json(const std::optional<util::Date>& d) {
  return d ? ordered_json(d->to_string()) : ordered_json(nullptr);
}

ordered_json peak_json(const RunSummary::Peak& p) {
  ordered_json j;
  j["value"] = p.value;
  j["date"] = date_json(p.date);
  return j;
}

template <std::size_t N>
ordered_json keyed_json(const std::array<std::string_view, N>& keys,
                        const std::array<std::int64_t, N>& values) {
  ordered_json j = ordered_json::object();
  for (std::size_t i = 0; i < N; ++i) j[std::string(keys[i])] = values[i];
  return j;
}

}  // namespace

RunSummary::RunSummary(std::vector<std::string> policy_names) {
  for (std::string& name : policy_names) policies_.push_back({std::move(name), 0, {}, {}});
}

void RunSummary::on_day(const model::DayReport& report) {
  for (std::size_t i = 0; i < policies_.size() && i < report.policies_in_force.size(); ++i) {
    if (!report.policies_in_force[i]) continue;
    PolicyDays& p = policies_[i];
    ++p.days_in_force;
    if (!p.first) p.first = report.date;
    p.last = report.date;
  }
  const util::Date date = report.date;
  if (!first_date_) first_date_ = date;
  last_date_ = date;
  ++days_observed_;

  model::SectorDay day;  // Southwest totals of today's sector values that have peaks
  for (int i = 0; i < model::kSectorCount; ++i) {
    const model::SectorDay& s = report.sectors[i];
    flows_.crossings += s.crossings;
    flows_.repeat_crossings += s.repeat_crossings;
    flows_.encounters += s.encounters;
    for (int k = 0; k < model::kDemographicCount; ++k) {
      flows_.encounters_by_demographic[k] += s.encounters_by_demographic[k];
    }
    for (int k = 0; k < model::kCitizenshipCount; ++k) {
      flows_.encounters_by_citizenship[k] += s.encounters_by_citizenship[k];
    }
    flows_.gotaways += s.gotaways;
    flows_.processed += s.processed;
    flows_.returned_to_mexico += s.returned_to_mexico;
    flows_.title42_expulsions += s.title42_expulsions;
    flows_.remain_in_mexico += s.remain_in_mexico;
    flows_.transferred_to_ice += s.transferred_to_ice;
    flows_.released += s.released;
    flows_.transferred_to_orr += s.transferred_to_orr;
    flows_.custody_time.people += s.custody_time.people;
    tic_weighted_hours_ += s.custody_time.mean_hours * static_cast<double>(s.custody_time.people);

    day.encounters += s.encounters;
    day.in_custody += s.in_custody;
    day.over_capacity += s.over_capacity;
    day.held_over_72h += s.held_over_72h;
    day.awaiting_processing += s.awaiting_processing;

    SectorTotals& t = sectors_[i];
    t.crossings += s.crossings;
    t.encounters += s.encounters;
    t.gotaways += s.gotaways;
    t.peak_in_custody.offer(s.in_custody, date);
    t.peak_over_capacity.offer(s.over_capacity, date);
    t.peak_held_over_72h.offer(s.held_over_72h, date);
  }
  const model::SystemDay& sys = report.system;
  detention_book_ins_ += sys.detention_book_ins;
  detention_releases_ += sys.detention_releases;
  for (int k = 0; k < model::kCitizenshipCount; ++k) {
    removals_[k] += sys.removals_by_destination[k];
  }
  orr_releases_ += sys.orr_releases;
  in_custody_day_sum_ += day.in_custody;
  detention_day_sum_ += sys.detention_population;

  peak_encounters_.offer(day.encounters, date);
  peak_in_custody_.offer(day.in_custody, date);
  peak_over_capacity_.offer(day.over_capacity, date);
  peak_held_over_72h_.offer(day.held_over_72h, date);
  peak_awaiting_processing_.offer(day.awaiting_processing, date);
  peak_detention_population_.offer(sys.detention_population, date);
  peak_awaiting_detention_bed_.offer(sys.awaiting_detention_bed, date);
  peak_orr_population_.offer(sys.orr_population, date);
  peak_waiting_in_mexico_.offer(sys.waiting_in_mexico, date);
  final_states_ = sys.states;

  if (!report.ports.empty()) has_ports_ = true;
  for (const model::PortDay& port : report.ports) {
    ports_.encounters += port.encounters;
    ports_.appointments += port.appointments;
    ports_.trucks_processed += port.modes[static_cast<std::size_t>(model::Mode::kTruck)].processed;
    ports_.railcars_processed += port.modes[static_cast<std::size_t>(model::Mode::kRail)].processed;
    bool closed = false;
    for (const model::ModeDay& mode : port.modes) {
      ports_.units_lost += mode.lost;
      closed = closed || mode.closed;
    }
    ports_.truck_hours_delay += port.truck_hours_delay;
    ports_.railcar_days_delay += port.railcar_days_delay;
    ports_.freight_delayed_usd += port.freight_delayed_usd;
    ports_.closed_crossing_days += closed ? 1 : 0;
    ports_.officers_redeployed_days += port.officers_redeployed;
  }
}

std::int64_t RunSummary::total_removals() const {
  std::int64_t total = 0;
  for (std::int64_t v : removals_) total += v;
  return total;
}

double RunSummary::mean_per_day(std::int64_t total) const {
  return days_observed_ == 0 ? 0.0 : round2(static_cast<double>(total) / days_observed_);
}

double RunSummary::mean_tic_hours() const {
  const std::int64_t people = flows_.custody_time.people;
  return people == 0 ? 0.0 : round2(tic_weighted_hours_ / static_cast<double>(people));
}

ordered_json RunSummary::to_json(const Provenance& p) const {
  ordered_json j;
  ordered_json& prov = j["provenance"];
  prov["version"] = p.version;
  prov["scenario"] = p.scenario_name;
  prov["scenario_file"] = p.scenario_file;
  prov["scenario_sha256"] = p.scenario_sha256;
  prov["seed"] = p.seed;
  prov["start_date"] = p.start_date.to_string();
  prov["days"] = p.days;
  prov["fingerprint"] = p.fingerprint;
  ordered_json& extra = prov["extra"] = ordered_json::object();
  for (const auto& [key, value] : p.extra) extra[key] = value;

  ordered_json& period = j["period"];
  period["first_date"] = date_json(first_date_);
  period["last_date"] = date_json(last_date_);
  period["days_observed"] = days_observed_;

  ordered_json& totals = j["totals"];
  totals["crossings"] = flows_.crossings;
  totals["repeat_crossings"] = flows_.repeat_crossings;
  totals["encounters"] = flows_.encounters;
  totals["encounters_by_demographic"] =
      keyed_json(model::kDemographicKeys, flows_.encounters_by_demographic);
  totals["encounters_by_citizenship"] =
      keyed_json(model::kCitizenshipKeys, flows_.encounters_by_citizenship);
  totals["gotaways"] = flows_.gotaways;
  totals["processed"] = flows_.processed;
  totals["returned_to_mexico"] = flows_.returned_to_mexico;
  totals["title42_expulsions"] = flows_.title42_expulsions;
  totals["remain_in_mexico"] = flows_.remain_in_mexico;
  totals["transferred_to_ice"] = flows_.transferred_to_ice;
  totals["released"] = flows_.released;
  totals["transferred_to_orr"] = flows_.transferred_to_orr;
  totals["left_custody"] = flows_.custody_time.people;
  totals["detention_book_ins"] = detention_book_ins_;
  totals["detention_releases"] = detention_releases_;
  totals["removals"] = total_removals();
  totals["removals_by_destination"] = keyed_json(model::kCitizenshipKeys, removals_);
  totals["orr_releases"] = orr_releases_;

  ordered_json& means = j["means"];
  means["daily_crossings"] = mean_per_day(flows_.crossings);
  means["daily_encounters"] = mean_per_day(flows_.encounters);
  means["daily_gotaways"] = mean_per_day(flows_.gotaways);
  means["in_custody"] = mean_per_day(in_custody_day_sum_);
  means["detention_population"] = mean_per_day(detention_day_sum_);
  means["tic_hours"] = mean_tic_hours();

  ordered_json& peaks = j["peaks"];
  peaks["encounters"] = peak_json(peak_encounters_);
  peaks["in_custody"] = peak_json(peak_in_custody_);
  peaks["over_capacity"] = peak_json(peak_over_capacity_);
  peaks["held_over_72h"] = peak_json(peak_held_over_72h_);
  peaks["awaiting_processing"] = peak_json(peak_awaiting_processing_);
  peaks["detention_population"] = peak_json(peak_detention_population_);
  peaks["awaiting_detention_bed"] = peak_json(peak_awaiting_detention_bed_);
  peaks["orr_population"] = peak_json(peak_orr_population_);
  peaks["waiting_in_mexico"] = peak_json(peak_waiting_in_mexico_);

  ordered_json& sectors = j["sectors"];
  for (int i = 0; i < model::kSectorCount; ++i) {
    const SectorTotals& t = sectors_[i];
    ordered_json& s = sectors[std::string(model::kSectorKeys[i])];
    s["crossings"] = t.crossings;
    s["encounters"] = t.encounters;
    s["gotaways"] = t.gotaways;
    s["peak_in_custody"] = peak_json(t.peak_in_custody);
    s["peak_over_capacity"] = peak_json(t.peak_over_capacity);
    s["peak_held_over_72h"] = peak_json(t.peak_held_over_72h);
  }

  const model::StateCounts& st = final_states_;
  ordered_json& states = j["final_states"];
  states["entered"] = st.entered;
  states["waiting_in_mexico"] = st.waiting_in_mexico;
  states["crossing"] = st.crossing;
  states["in_custody"] = st.in_custody;
  states["in_detention"] = st.in_detention;
  states["in_orr"] = st.in_orr;
  states["got_away"] = st.got_away;
  states["in_mexico"] = st.in_mexico;
  states["released"] = st.released;
  states["removed"] = st.removed;

  if (has_ports_) {
    ordered_json& port = j["ports"];
    port["encounters"] = ports_.encounters;
    port["appointments"] = ports_.appointments;
    port["trucks_processed"] = round2(ports_.trucks_processed);
    port["railcars_processed"] = round2(ports_.railcars_processed);
    port["units_lost"] = round2(ports_.units_lost);
    port["truck_hours_delay"] = round2(ports_.truck_hours_delay);
    port["railcar_days_delay"] = round2(ports_.railcar_days_delay);
    port["freight_delayed_usd"] = round2(ports_.freight_delayed_usd);
    port["closed_crossing_days"] = ports_.closed_crossing_days;
    port["officers_redeployed_days"] = round2(ports_.officers_redeployed_days);
  }
  if (!policies_.empty()) {
    ordered_json& policies = j["policies"];
    const auto date = [](const std::optional<util::Date>& d) {
      return d ? ordered_json(d->to_string()) : ordered_json(nullptr);
    };
    for (const PolicyDays& p : policies_) {
      policies[p.name] = {{"days_in_force", p.days_in_force},
                          {"first_day_in_force", date(p.first)},
                          {"last_day_in_force", date(p.last)}};
    }
  }
  return j;
}

void RunSummary::write_json(const std::filesystem::path& path, const Provenance& p) const {
  write_text_file(path, to_json(p).dump(2) + "\n");
}

std::string RunSummary::terminal_table() const {
  std::string out;
  if (days_observed_ == 0) return "no simulated days\n";
  out += fmt::format("Southwest Border, {} to {} ({} days)\n", first_date_->to_string(),
                     last_date_->to_string(), days_observed_);
  auto total = [&out](std::string_view label, std::int64_t v) {
    out += fmt::format("  {:<26}{:>14}\n", label, util::grouped(v));
  };
  auto peak = [&out](std::string_view label, const Peak& p) {
    out +=
        fmt::format("  {:<26}{:>14}  on {}\n", label, util::grouped(p.value), p.date->to_string());
  };
  total("crossings", flows_.crossings);
  out += fmt::format("  {:<26}{:>14}  {:.2f} a day\n", "encounters",
                     util::grouped(flows_.encounters), mean_per_day(flows_.encounters));
  total("gotaways", flows_.gotaways);
  total("processed", flows_.processed);
  total("returned to Mexico", flows_.returned_to_mexico);
  total("expelled (Title 42)", flows_.title42_expulsions);
  if (flows_.remain_in_mexico > 0) total("remain in Mexico", flows_.remain_in_mexico);
  total("transferred to ICE", flows_.transferred_to_ice);
  total("released", flows_.released);
  total("transferred to ORR", flows_.transferred_to_orr);
  total("removals", total_removals());
  out += fmt::format("  {:<26}{:>14.2f}\n", "mean time in custody (h)", mean_tic_hours());
  peak("peak in custody", peak_in_custody_);
  peak("peak over capacity", peak_over_capacity_);
  peak("peak held over 72h", peak_held_over_72h_);
  peak("peak detention population", peak_detention_population_);
  if (has_ports_) {
    auto rounded = [](double v) { return static_cast<std::int64_t>(std::llround(v)); };
    out += "Ports of entry\n";
    total("encounters at ports", ports_.encounters);
    total("trucks processed", rounded(ports_.trucks_processed));
    total("railcars processed", rounded(ports_.railcars_processed));
    total("truck-hours of delay", rounded(ports_.truck_hours_delay));
    total("railcar-days of delay", rounded(ports_.railcar_days_delay));
    total("freight delayed (USD)", rounded(ports_.freight_delayed_usd));
    total("crossing-days closed", ports_.closed_crossing_days);
  }
  if (!policies_.empty()) out += "Policies (days in force)\n";
  for (const PolicyDays& p : policies_) {
    out += fmt::format("  {:<26}{:>14}\n", p.name, util::grouped(p.days_in_force));
  }
  return out;
}

}  // namespace bf::output
