#include "output/run_summary.h"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <string_view>

#include "output/output_schema.h"
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

}  // namespace

namespace {

std::size_t day_field(std::string_view name) {
  const std::vector<Field>& days = fields(Table::kDays);
  for (std::size_t f = 0; f < days.size(); ++f) {
    if (days[f].name == name) return f;
  }
  throw std::logic_error("summary: no days column " + std::string(name));
}

}  // namespace

RunSummary::RunSummary(std::vector<std::string> policy_names)
    : custody_field_(day_field("in_custody")), capacity_field_(day_field("holding_capacity")) {
  for (std::string& name : policy_names) policies_.push_back({std::move(name), 0, {}, {}});
  const std::vector<Field>& days = fields(Table::kDays);
  sums_.assign(days.size(), 0);
  peaks_.assign(days.size(), Peak{});
  last_.assign(days.size(), 0);
  weighted_.assign(days.size(), 0.0);
  sector_sums_.assign(model::kSectorCount, std::vector<std::int64_t>(days.size(), 0));
  sector_peaks_.assign(model::kSectorCount, std::vector<Peak>(days.size()));
  weight_of_.assign(days.size(), days.size());
  const std::vector<Field>& port_days = fields(Table::kPortDays);
  for (std::size_t f = 0; f < port_days.size(); ++f) {
    const SummaryUse& use = port_days[f].summary;
    if (use.port_key.empty()) continue;
    const auto order = static_cast<std::size_t>(use.port_order);
    if (ports_.size() <= order) ports_.resize(order + 1);
    PortTotal& t = ports_[order];
    if (!t.key.empty() && (t.key != use.port_key || t.any_nonzero != use.port_any_nonzero)) {
      throw std::logic_error("port_days fields disagree on summary.json's ports." +
                             std::string(use.port_key));
    }
    t.key = use.port_key;
    t.any_nonzero = use.port_any_nonzero;
    t.is_integer = t.is_integer && port_days[f].type == ColumnType::kInteger;
    t.fields.push_back(f);
  }
  for (const PortTotal& t : ports_) {
    if (t.key.empty()) throw std::logic_error("a gap in summary.json's ports order");
  }
  for (std::size_t f = 0; f < days.size(); ++f) {
    for (std::size_t w = 0; w < days.size(); ++w) {
      if (days[w].name == days[f].summary.rate_weight) weight_of_[f] = w;
    }
  }
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

  // Every days-table value: sector values summed over the sectors (a pooled column too: the
  // summary counts people by sector), system values as they are.
  const std::vector<Field>& days = fields(Table::kDays);
  for (std::size_t f = 0; f < days.size(); ++f) {
    const Field& field = days[f];
    std::int64_t value = 0;
    if (field.sector) {
      for (int i = 0; i < model::kSectorCount; ++i) {
        const model::SectorDay& s = report.sectors[i];
        const Cell c = field.sector(s);
        value += c.integer;
        sector_sums_[i][f] += c.integer;
        sector_peaks_[i][f].offer(c.integer, date);
        if (weight_of_[f] < days.size()) {
          weighted_[f] += c.real * static_cast<double>(days[weight_of_[f]].sector(s).integer);
        }
      }
    } else {
      value = field.system(report).integer;
    }
    sums_[f] += value;
    peaks_[f].offer(value, date);
    last_[f] = value;
  }
  const std::int64_t capacity = last_[capacity_field_];
  if (capacity > 0) {
    const double ratio = static_cast<double>(last_[custody_field_]) / static_cast<double>(capacity);
    if (ratio > max_custody_ratio_) {
      max_custody_ratio_ = ratio;
      max_custody_ratio_date_ = date;
    }
    if (ratio > kCustodyWarningMultiple) {
      ++days_over_capacity_multiple_;
      if (!first_over_capacity_multiple_) first_over_capacity_multiple_ = date;
    }
  }

  if (!report.ports.empty()) has_ports_ = true;
  const std::vector<Field>& port_days = fields(Table::kPortDays);
  for (const model::PortDay& port : report.ports) {
    for (PortTotal& t : ports_) {
      bool any = false;
      for (const std::size_t f : t.fields) {
        const Cell c = port_days[f].port(port);
        if (t.any_nonzero) {
          any = any || (c.type == ColumnType::kInteger ? c.integer != 0 : c.real != 0.0);
        } else if (c.type == ColumnType::kInteger) {
          t.integer += c.integer;
        } else {
          t.real += c.real;
        }
      }
      if (t.any_nonzero && any) ++t.integer;
    }
  }
}

const RunSummary::PortTotal& RunSummary::port_total(std::string_view key) const {
  for (const PortTotal& t : ports_) {
    if (t.key == key) return t;
  }
  throw std::logic_error("no ports." + std::string(key) + " in the output schema");
}

std::int64_t RunSummary::total(std::string_view name) const { return sums_[day_field(name)]; }

const RunSummary::Peak& RunSummary::peak(std::string_view name) const {
  return peaks_[day_field(name)];
}

double RunSummary::mean_per_day(std::int64_t total) const {
  return days_observed_ == 0 ? 0.0 : round2(static_cast<double>(total) / days_observed_);
}

double RunSummary::rate_mean(std::size_t f) const {
  const std::int64_t weight = sums_[weight_of_[f]];
  return weight == 0 ? 0.0 : round2(weighted_[f] / static_cast<double>(weight));
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

  const std::vector<Field>& days = fields(Table::kDays);
  ordered_json& totals = j["totals"];
  for (std::size_t f = 0; f < days.size(); ++f) {
    if (!days[f].summary.total) continue;
    if (days[f].group.empty()) {
      totals[days[f].name] = sums_[f];
    } else {
      totals[days[f].group][days[f].member] = sums_[f];
    }
  }

  // Daily means of flows, then means of stocks, then the means of rates.
  ordered_json& means = j["means"];
  for (std::size_t f = 0; f < days.size(); ++f) {
    if (days[f].summary.daily_mean) means["daily_" + days[f].name] = mean_per_day(sums_[f]);
  }
  for (std::size_t f = 0; f < days.size(); ++f) {
    if (days[f].summary.mean) means[days[f].name] = mean_per_day(sums_[f]);
  }
  for (std::size_t f = 0; f < days.size(); ++f) {
    if (!days[f].summary.rate_mean_key.empty()) {
      means[std::string(days[f].summary.rate_mean_key)] = rate_mean(f);
    }
  }

  ordered_json& peaks = j["peaks"];
  for (std::size_t f = 0; f < days.size(); ++f) {
    if (days[f].summary.peak) peaks[days[f].name] = peak_json(peaks_[f]);
  }

  ordered_json& sectors = j["sectors"];
  for (int i = 0; i < model::kSectorCount; ++i) {
    ordered_json& s = sectors[std::string(model::kSectorKeys[i])];
    for (std::size_t f = 0; f < days.size(); ++f) {
      if (days[f].summary.sector_total) s[days[f].name] = sector_sums_[i][f];
    }
    for (std::size_t f = 0; f < days.size(); ++f) {
      if (days[f].summary.sector_peak) s["peak_" + days[f].name] = peak_json(sector_peaks_[i][f]);
    }
  }

  ordered_json& states = j["final_states"];
  for (std::size_t f = 0; f < days.size(); ++f) {
    if (days[f].summary.final) states[days[f].member] = last_[f];
  }

  if (has_ports_) {
    ordered_json& port = j["ports"];
    for (const PortTotal& t : ports_) {
      port[std::string(t.key)] =
          t.any_nonzero || t.is_integer ? ordered_json(t.integer) : ordered_json(round2(t.real));
    }
  }
  if (!policies_.empty()) {
    ordered_json& policies = j["policies"];
    const auto date = [](const std::optional<util::Date>& d) {
      return d ? ordered_json(d->to_string()) : ordered_json(nullptr);
    };
    for (const PolicyDays& policy : policies_) {
      policies[policy.name] = {{"days_in_force", policy.days_in_force},
                               {"first_day_in_force", date(policy.first)},
                               {"last_day_in_force", date(policy.last)}};
    }
  }
  if (days_over_capacity_multiple_ > 0) {
    j["warnings"]["custody_over_capacity"] = {
        {"multiple", kCustodyWarningMultiple},
        {"days", days_over_capacity_multiple_},
        {"first_date", first_over_capacity_multiple_->to_string()},
        {"max_ratio", round2(max_custody_ratio_)},
        {"max_ratio_date", max_custody_ratio_date_->to_string()}};
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
  total("crossings", this->total("crossings"));
  out += fmt::format("  {:<26}{:>14}  {:.2f} a day\n", "encounters",
                     util::grouped(this->total("encounters")),
                     mean_per_day(this->total("encounters")));
  total("gotaways", this->total("gotaways"));
  total("processed", this->total("processed"));
  total("returned to Mexico", this->total("returned_to_mexico"));
  total("expelled (Title 42)", this->total("title42_expulsions"));
  if (this->total("remain_in_mexico") > 0)
    total("remain in Mexico", this->total("remain_in_mexico"));
  total("transferred to ICE", this->total("transferred_to_ice"));
  total("released", this->total("released"));
  total("transferred to ORR", this->total("transferred_to_orr"));
  total("removals", total_removals());
  out += fmt::format("  {:<26}{:>14.2f}\n", "mean time in custody (h)",
                     rate_mean(day_field("tic_mean_hours")));
  peak("peak in custody", this->peak("in_custody"));
  peak("peak over capacity", this->peak("over_capacity"));
  peak("peak held over 72h", this->peak("held_over_72h"));
  peak("peak detention population", this->peak("detention_population"));
  if (has_ports_) {
    auto rounded = [](double v) { return static_cast<std::int64_t>(std::llround(v)); };
    out += "Ports of entry\n";
    total("encounters at ports", port_total("encounters").integer);
    total("trucks processed", rounded(port_total("trucks_processed").real));
    total("railcars processed", rounded(port_total("railcars_processed").real));
    total("truck-hours of delay", rounded(port_total("truck_hours_delay").real));
    total("railcar-days of delay", rounded(port_total("railcar_days_delay").real));
    total("freight delayed (USD)", rounded(port_total("freight_delayed_usd").real));
    total("crossing-days closed", port_total("closed_crossing_days").integer);
  }
  if (days_over_capacity_multiple_ > 0) {
    out += fmt::format(
        "WARNING: Border Patrol custody above {:g}x its holding capacity on {} days from {}; at "
        "most {:.2f}x on {} (the processing queue runs away: see sector_days.csv)\n",
        kCustodyWarningMultiple, days_over_capacity_multiple_,
        first_over_capacity_multiple_->to_string(), max_custody_ratio_,
        max_custody_ratio_date_->to_string());
  }
  if (!policies_.empty()) out += "Policies (days in force)\n";
  for (const PolicyDays& p : policies_) {
    out += fmt::format("  {:<26}{:>14}\n", p.name, util::grouped(p.days_in_force));
  }
  return out;
}

}  // namespace bf::output
