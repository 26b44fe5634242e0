#include "scenario/policies_reader.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "scenario/combined_levers.h"
#include "scenario/fields.h"
#include "scenario/parameter_bounds.h"
#include "scenario/suggest.h"

namespace bf::scenario {
namespace {

using model::kSectorCount;

// Where a kind acts: sectors (a scope of sectors and sector groups), crossings (a scope of
// crossings, crossing groups or sectors, meaning their crossings), or the whole border.
enum class Reach { kSectors, kCrossings, kWholeBorder };

struct KindInfo {
  std::string_view key;
  Reach reach;
  std::array<std::string_view, 4> parameters;  // "" pads
};

// In the order of model::PolicyLever's alternatives (and of model::kPolicyKindKeys).
using model::kPolicyKindKeys;
constexpr std::array<KindInfo, kPolicyKindKeys.size()> kKinds = {{
    {kPolicyKindKeys[0], Reach::kSectors, {"arrivals_multiplier", "lag_days", "ramp_days"}},
    {kPolicyKindKeys[1], Reach::kWholeBorder, {"capacity", "accepts_share"}},
    {kPolicyKindKeys[2],
     Reach::kSectors,
     {"ineligible", "removal_share", "screen_pass_share", "deterrence"}},
    {kPolicyKindKeys[3],
     Reach::kSectors,
     {"demographics", "citizenships", "acceptance", "recross_probability"}},
    {kPolicyKindKeys[4], Reach::kSectors, {"share", "screen_pass_share"}},
    {kPolicyKindKeys[5], Reach::kSectors, {"release_families"}},
    {kPolicyKindKeys[6], Reach::kWholeBorder, {"change"}},
    {kPolicyKindKeys[7], Reach::kSectors, {"patrol", "processing"}},
    {kPolicyKindKeys[8], Reach::kSectors, {"capacity", "processing_agents"}},
    {kPolicyKindKeys[9], Reach::kWholeBorder, {"per_day", "minimum"}},
    {kPolicyKindKeys[10], Reach::kCrossings, {"modes"}},
    {kPolicyKindKeys[11],
     Reach::kSectors,
     {"covered_share", "displaced_share", "evasion_reduction"}},
}};

constexpr std::array<std::string_view, 6> kCommonKeys = {"kind",  "start",   "end",
                                                         "scope", "trigger", "description"};

// Named groups of sectors a scope may use (docs/scenario-format.md). El Paso sector covers
// New Mexico and far West Texas; it is counted with Texas.
struct SectorGroup {
  std::string_view key;
  std::array<int, 5> sectors;  // -1 pads
};
constexpr std::array<SectorGroup, 3> kSectorGroups = {{
    {"california", {0, 1, -1, -1, -1}},
    {"arizona", {2, 3, -1, -1, -1}},
    {"texas", {4, 5, 6, 7, 8}},
}};

// The lever of kind `index` with its default parameters.
model::PolicyLever default_lever(std::size_t index) {
  model::PolicyLever lever;
  // Builds the variant alternative by index (the kinds table follows its order).
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((index == I ? (lever = std::variant_alternative_t<I, model::PolicyLever>{}, 0) : 0), ...);
  }
  (std::make_index_sequence<std::variant_size_v<model::PolicyLever>>{});
  return lever;
}

class PolicyReader {
 public:
  PolicyReader(const std::optional<Horizon>& horizon, const model::PortsSpec& ports,
               DiagnosticSink& sink)
      : horizon_(horizon), ports_(ports), sink_(sink) {}

  std::optional<model::PolicySpec> read(const YamlEntry& entry) {
    const std::string path = "policies." + entry.key;
    const YamlNode& node = entry.value;
    if (!node.is_map()) {
      sink_.error(node.location, path, path + ": expected a map, got " + describe(node));
      return std::nullopt;
    }
    const YamlEntry* kind_entry = node.find("kind");
    if (kind_entry == nullptr) {
      sink_.error(node.location, path, path + ": missing required key 'kind'");
      return std::nullopt;
    }
    const std::optional<std::string> kind_text =
        read_text(kind_entry->value, path + ".kind", sink_);
    if (!kind_text) return std::nullopt;
    std::size_t kind = kKinds.size();
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
      if (kKinds[i].key == *kind_text) kind = i;
    }
    if (kind == kKinds.size()) {
      sink_.error(kind_entry->value.location, path + ".kind",
                  path + ".kind: unknown policy kind '" + *kind_text + "'",
                  did_you_mean_or_list(*kind_text, kPolicyKindKeys));
      return std::nullopt;
    }
    const KindInfo& info = kKinds[kind];
    std::vector<std::string_view> known(kCommonKeys.begin(), kCommonKeys.end());
    for (std::string_view p : info.parameters) {
      if (!p.empty()) known.push_back(p);
    }
    const Fields f(&node, path, known, sink_);
    const std::size_t errors = sink_.count();
    if ((info.reach == Reach::kCrossings || info.key == "appointment_quota") &&
        ports_.crossings.empty()) {
      sink_.error(kind_entry->value.location, path + ".kind",
                  path + ": kind '" + *kind_text +
                      "' acts at ports of entry, and the scenario has none (add a 'ports' "
                      "section)");
    }

    model::PolicySpec policy;
    policy.name = entry.key;
    policy.lever = default_lever(kind);
    read_dates(f, policy);
    read_scope(f, info, policy);
    if (const YamlNode* t = f.find("trigger")) policy.trigger = read_trigger(*t, f.path("trigger"));
    std::visit([&](auto& lever) { read_parameters(f, lever); }, policy.lever);
    if (sink_.count() != errors) return std::nullopt;
    return policy;
  }

 private:
  void read_dates(const Fields& f, model::PolicySpec& policy) {
    if (f.require("start")) {
      if (auto d = read_date(*f.find("start"), f.path("start"), sink_)) policy.start = *d;
    }
    if (const YamlNode* e = f.find("end")) {
      const std::optional<util::Date> end = read_date(*e, f.path("end"), sink_);
      if (!end) return;
      if (*end < policy.start) {
        sink_.error(e->location, f.path("end"),
                    f.path("end") + ": " + end->to_string() + " is before start " +
                        policy.start.to_string());
        return;
      }
      policy.end = *end;
    }
    if (horizon_ && f.find("start") != nullptr &&
        (policy.start > horizon_->last_day || (policy.end && *policy.end < horizon_->first_day))) {
      sink_.error(f.find("start")->location, f.path("start"),
                  f.path() + ": starts " + policy.start.to_string() +
                      (policy.end ? " and ends " + policy.end->to_string() : std::string()) +
                      ", outside the run (" + horizon_->first_day.to_string() + " to " +
                      horizon_->last_day.to_string() + ")");
    }
  }

  // `scope: all` (the default) or a list of names.
  void read_scope(const Fields& f, const KindInfo& info, model::PolicySpec& policy) {
    policy.crossings.assign(ports_.crossings.size(), info.reach == Reach::kCrossings);
    const YamlNode* node = f.find("scope");
    if (node == nullptr) return;
    const std::string path = f.path("scope");
    if (node->kind == YamlNode::Kind::kScalar && node->scalar == "all") return;
    if (info.reach == Reach::kWholeBorder) {
      sink_.error(node->location, path,
                  path + ": kind '" + std::string(info.key) +
                      "' acts on the whole border; its scope can only be 'all'");
      return;
    }
    if (node->kind != YamlNode::Kind::kList || node->items.empty()) {
      sink_.error(node->location, path,
                  path + ": expected 'all' or a non-empty list of sectors, sector groups" +
                      (info.reach == Reach::kCrossings ? ", crossings or crossing groups" : "") +
                      ", got " + describe(*node));
      return;
    }
    policy.sectors.fill(false);
    policy.crossings.assign(ports_.crossings.size(), false);
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      add_to_scope(node->items[i], path + "[" + std::to_string(i) + "]", info, policy);
    }
  }

  void add_to_scope(const YamlNode& item, const std::string& path, const KindInfo& info,
                    model::PolicySpec& policy) {
    const std::optional<std::string> name = read_text(item, path, sink_);
    if (!name) return;
    // Sectors and sector groups: for a crossing kind, every crossing in them.
    model::PerSector<bool> sectors{};
    bool found = false;
    if (const auto s = model::sector_from_key(*name)) {
      sectors[static_cast<std::size_t>(*s)] = found = true;
    }
    for (const SectorGroup& g : kSectorGroups) {
      if (g.key != *name) continue;
      found = true;
      for (int s : g.sectors) {
        if (s >= 0) sectors[static_cast<std::size_t>(s)] = true;
      }
    }
    // A crossing kind names crossings or crossing groups, or sectors for all their crossings;
    // where a name is both (december-2023.yaml has a crossing and a sector called del_rio),
    // the crossing wins. A sector kind reads a name that is also a sector as the sector.
    std::vector<std::size_t> named;
    for (std::size_t c = 0; c < ports_.crossings.size(); ++c) {
      const model::CrossingSpec& crossing = ports_.crossings[c];
      if (crossing.key == *name ||
          (!crossing.diversion_group.empty() && crossing.diversion_group == *name)) {
        named.push_back(c);
      }
    }
    if (info.reach == Reach::kCrossings) {
      for (std::size_t c = 0; c < ports_.crossings.size(); ++c) {
        const bool in_sector =
            named.empty() && sectors[static_cast<std::size_t>(ports_.crossings[c].sector)];
        if (in_sector) policy.crossings[c] = true;
      }
      for (std::size_t c : named) policy.crossings[c] = true;
    }
    if (!found && !named.empty() && info.reach == Reach::kSectors) {
      sink_.error(item.location, path,
                  path + ": '" + *name + "' is a crossing; kind '" + std::string(info.key) +
                      "' acts on sectors (name the sector it lies in)");
      return;
    }
    if (!found && named.empty()) {
      std::vector<std::string_view> names(model::kSectorKeys.begin(), model::kSectorKeys.end());
      for (const SectorGroup& g : kSectorGroups) names.push_back(g.key);
      if (info.reach == Reach::kCrossings) {
        for (const model::CrossingSpec& c : ports_.crossings) names.push_back(c.key);
      }
      sink_.error(item.location, path,
                  path + ": unknown " +
                      (info.reach == Reach::kCrossings ? "sector or crossing" : "sector") + " '" +
                      *name + "'",
                  did_you_mean(*name, names));
      return;
    }
    for (std::size_t s = 0; s < sectors.size(); ++s) {
      if (sectors[s]) policy.sectors[s] = true;
    }
  }

  std::optional<model::PolicyTrigger> read_trigger(const YamlNode& node, const std::string& path) {
    const Fields f(
        &node, path,
        {"on_average_days", "on_at_or_above", "off_average_days", "off_below", "off_for_days",
         "off_delay_days", "initially_in_force", "on_single_day_at_or_above", "max_days_per_year",
         "count_ports", "added_per_day"},
        sink_);
    const std::size_t errors = sink_.count();
    model::PolicyTrigger t;
    f.integer("on_average_days", t.on_average_days, {1, 366});
    if (f.require("on_at_or_above")) f.number("on_at_or_above", t.on_at_or_above, kNonNegative);
    f.integer("off_average_days", t.off_average_days, {1, 366});
    if (f.require("off_below")) f.number("off_below", t.off_below, kNonNegative);
    f.integer("off_for_days", t.off_for_days, {1, 366});
    f.integer("off_delay_days", t.off_delay_days, {0, 366});
    f.boolean("initially_in_force", t.initially_in_force);
    if (const YamlNode* single = f.find("on_single_day_at_or_above")) {
      t.on_single_day_at_or_above =
          read_number(*single, f.path("on_single_day_at_or_above"), kNonNegative, sink_);
    }
    read_days_per_year(f, t.max_days_per_year);
    f.boolean("count_ports", t.count_ports);
    f.number("added_per_day", t.added_per_day, {0.0, 1e7});
    if (sink_.count() != errors) return std::nullopt;
    if (t.count_ports && ports_.crossings.empty()) {
      sink_.error(f.find("count_ports")->location, f.path("count_ports"),
                  f.path("count_ports") +
                      ": the scenario has no ports of entry to count (add a 'ports' section, or "
                      "count Border Patrol's encounters alone)");
      return std::nullopt;
    }
    if (t.on_single_day_at_or_above && *t.on_single_day_at_or_above < t.on_at_or_above) {
      sink_.error(f.find("on_single_day_at_or_above")->location,
                  f.path("on_single_day_at_or_above"),
                  f.path("on_single_day_at_or_above") + ": must not be below on_at_or_above (" +
                      std::to_string(static_cast<long long>(t.on_at_or_above)) +
                      "): a single day would then switch it on below the average's threshold");
      return std::nullopt;
    }
    if (t.off_below > t.on_at_or_above) {
      sink_.error(f.find("off_below")->location, f.path("off_below"),
                  f.path("off_below") + ": must not be above on_at_or_above (" +
                      std::to_string(static_cast<long long>(t.on_at_or_above)) +
                      "): the policy would switch on and off at once");
      return std::nullopt;
    }
    return t;
  }

  // `max_days_per_year`: a non-empty list of whole days, one per policy year (at most 10
  // years), each 0 – 366.
  void read_days_per_year(const Fields& f, std::vector<int>& out) {
    const YamlNode* node = f.find("max_days_per_year");
    if (node == nullptr) return;
    const std::string path = f.path("max_days_per_year");
    if (node->kind != YamlNode::Kind::kList || node->items.empty() || node->items.size() > 10) {
      sink_.error(node->location, path,
                  path +
                      ": expected a list of 1 to 10 day counts, one per year from the "
                      "policy's start (e.g. [270, 225, 180]), got " +
                      describe(*node));
      return;
    }
    std::vector<int> days;
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const std::optional<int> d =
          read_int(node->items[i], path + "[" + std::to_string(i) + "]", {0, 366}, sink_);
      if (d) days.push_back(*d);
    }
    if (days.size() == node->items.size()) out = days;
  }

  // A list of demographic or citizenship keys → flags (only those named are set).
  template <std::size_t N>
  void read_flags(const Fields& f, std::string_view key,
                  const std::array<std::string_view, N>& keys, std::array<bool, N>& out) {
    const YamlNode* node = f.find(key);
    if (node == nullptr) return;
    const std::string path = f.path(key);
    if (node->kind != YamlNode::Kind::kList || node->items.empty()) {
      sink_.error(node->location, path,
                  path + ": expected a non-empty list, got " + describe(*node));
      return;
    }
    std::array<bool, N> flags{};
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      const std::optional<std::string> name = read_text(node->items[i], item_path, sink_);
      if (!name) continue;
      bool found = false;
      for (std::size_t k = 0; k < N; ++k) {
        if (keys[k] == *name) flags[k] = found = true;
      }
      if (!found) {
        sink_.error(node->items[i].location, item_path, item_path + ": unknown key '" + *name + "'",
                    did_you_mean_or_list(*name, keys));
      }
    }
    out = flags;
  }

  void read_parameters(const Fields& f, model::MexicoEnforcement& m) {
    f.number("arrivals_multiplier", m.arrivals_multiplier, kArrivalsMultiplier);
    f.integer("lag_days", m.lag_days, {0, 3660});
    f.integer("ramp_days", m.ramp_days, {0, 3660});
  }
  void read_parameters(const Fields& f, model::MexicoAcceptance& m) {
    if (f.require("capacity")) f.rate_per_day("capacity", m.capacity_per_day);
    read_keyed(f.find("accepts_share"), f.path("accepts_share"), model::kCitizenshipKeys,
               m.accepts_share, sink_, [this](const YamlNode& n, const std::string& p, double) {
                 return read_number(n, p, kProbability, sink_);
               });
  }
  void read_parameters(const Fields& f, model::EntrySuspension& e) {
    read_flags(f, "ineligible", model::kDemographicKeys, e.ineligible);
    f.number("removal_share", e.removal_share, kProbability);
    f.number("screen_pass_share", e.screen_pass_share, kProbability);
    f.number("deterrence", e.deterrence, kArrivalsMultiplier);
  }
  void read_parameters(const Fields& f, model::RemainInMexico& r) {
    read_flags(f, "demographics", model::kDemographicKeys, r.demographics);
    read_flags(f, "citizenships", model::kCitizenshipKeys, r.citizenships);
    f.rate_per_day("acceptance", r.acceptance_per_day);
    f.number("recross_probability", r.recross_probability, kProbability);
  }
  void read_parameters(const Fields& f, model::ExpeditedRemoval& e) {
    if (!f.require("share")) return;
    model::PerDemographic<double> values{};
    model::PerDemographic<bool> named{};
    const YamlNode* node = f.find("share");
    read_keyed(node, f.path("share"), model::kDemographicKeys, values, sink_,
               [this](const YamlNode& n, const std::string& p, double) {
                 return read_number(n, p, kProbability, sink_);
               });
    if (!node->is_map()) return;
    for (const YamlEntry& entry : node->entries) {
      for (std::size_t d = 0; d < named.size(); ++d) {
        if (model::kDemographicKeys[d] == entry.key) e.share[d] = values[d];
      }
    }
    if (const YamlNode* screen = f.find("screen_pass_share")) {
      e.screen_pass_share = read_number(*screen, f.path("screen_pass_share"), kProbability, sink_);
    }
  }
  void read_parameters(const Fields& f, model::EndCatchAndRelease& e) {
    f.boolean("release_families", e.release_families);
  }
  void read_parameters(const Fields& f, model::DetentionBeds& d) {
    if (f.require("change")) f.integer("change", d.change, {-1e7, 1e7});
  }
  void read_parameters(const Fields& f, model::Agents& a) {
    f.number("patrol", a.patrol_change, {-kMaxStaff, kMaxStaff});
    f.integer("processing", a.processing_change, {-kMaxStaff, kMaxStaff});
    if (f.find("patrol") == nullptr && f.find("processing") == nullptr) {
      sink_.error(f.location(), f.path(),
                  f.path() + ": an agents policy needs 'patrol', 'processing' or both");
    }
  }
  void read_parameters(const Fields& f, model::SoftSidedFacility& s) {
    f.integer("capacity", s.capacity, {0, 1e6});
    f.integer("processing_agents", s.processing_agents, {0, 1e5});
  }
  void read_parameters(const Fields& f, model::AppointmentQuota& q) {
    if (f.require("per_day")) f.rate_per_day("per_day", q.per_day);
    f.boolean("minimum", q.minimum);
  }
  void read_parameters(const Fields& f, model::PortClosure& c) {
    const YamlNode* node = f.find("modes");
    if (node == nullptr || (node->kind == YamlNode::Kind::kScalar && node->scalar == "all")) return;
    read_flags(f, "modes", model::kModeKeys, c.modes);
  }
  void read_parameters(const Fields& f, model::Barrier& b) {
    f.number("covered_share", b.covered_share, kProbability);
    f.number("displaced_share", b.displaced_share, kProbability);
    f.number("evasion_reduction", b.evasion_reduction, kProbability);
  }

  const std::optional<Horizon>& horizon_;
  const model::PortsSpec& ports_;
  DiagnosticSink& sink_;
};

// The product of the arrivals factors that can be in force together stays within the bound of
// one factor (combined_levers.h); reported at the factor of the policy whose first day takes
// it over.
void check_combined_factor(const YamlNode& node, const std::vector<model::PolicySpec>& policies,
                           DiagnosticSink& sink) {
  const std::optional<CombinedFactor> over =
      find_combined_factor_above(policies, kMaxArrivalsMultiplier);
  if (!over) return;
  const model::PolicySpec& policy = policies[over->policy];
  const std::string key(arrivals_factor_key(policy.lever));
  const std::string path = "policies." + policy.name + "." + key;
  Location at = node.location;
  if (const YamlEntry* entry = node.find(policy.name)) {
    const YamlEntry* factor = entry->value.is_map() ? entry->value.find(key) : nullptr;
    at = factor != nullptr ? factor->value.location : entry->key_location;
  }
  std::string names;
  for (std::size_t q : over->together) {
    names += (names.empty() ? "" : " × ") + policies[q].name;
  }
  char product[32];
  std::snprintf(product, sizeof product, "1e%.0f", std::floor(over->log10_factor));
  if (over->log10_factor < 6.0) {
    std::snprintf(product, sizeof product, "%.4g", std::pow(10.0, over->log10_factor));
  }
  sink.error(at, path,
             path + ": on " + over->date.to_string() + " in " +
                 std::string(model::kSectorKeys[static_cast<std::size_t>(over->sector)]) +
                 " the policies in force multiply the people reaching the border by " + product +
                 " (" + names + "); at most 100 in all",
             "lower the factors, or let their dates not overlap");
}

}  // namespace

void read_policies(const YamlNode* node, const std::optional<Horizon>& horizon,
                   const model::PortsSpec& ports, DiagnosticSink& sink,
                   std::vector<model::PolicySpec>& out) {
  if (node == nullptr || node->kind == YamlNode::Kind::kNull) return;
  if (!node->is_map()) {
    sink.error(node->location, "policies",
               "policies: expected a map from policy name to policy, got " + describe(*node));
    return;
  }
  if (node->entries.size() > static_cast<std::size_t>(kMaxPolicies)) {
    sink.error(node->location, "policies",
               "policies: " + std::to_string(node->entries.size()) + " policies, at most " +
                   std::to_string(kMaxPolicies));
    return;
  }
  PolicyReader reader(horizon, ports, sink);
  for (const YamlEntry& entry : node->entries) {
    if (auto policy = reader.read(entry)) out.push_back(std::move(*policy));
  }
  check_combined_factor(*node, out, sink);
}

}  // namespace bf::scenario
