#include "scenario/scenario_loader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>

#include "model/population.h"
#include "model/processing_capacity.h"
#include "scenario/arrival_table.h"
#include "scenario/demand_effects.h"
#include "scenario/fields.h"
#include "scenario/outcome_mix_table.h"
#include "scenario/parameter_bounds.h"
#include "scenario/parameter_path.h"
#include "scenario/policies_reader.h"
#include "scenario/ports_reader.h"
#include "scenario/suggest.h"
#include "scenario/sweep.h"
#include "scenario/units.h"
#include "scenario/volume_check.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 7> kWeekdayKeys = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 5> kFamilySizeKeys = {"2", "3", "4", "5", "6"};
// Tolerance on "probabilities sum to 1", for decimals written by hand.
constexpr double kSumTolerance = 1e-6;
// Longest run accepted: 100 years. Longer is surely a typo, and would make the arrival table
// coverage check (one pass per month) needlessly slow.
constexpr int kMaxDays = 36525;

std::string number_text(double v) {
  std::ostringstream out;
  out.precision(15);
  out << v;
  return out.str();
}

// Readers with the signature read_keyed expects.
auto probability_reader(DiagnosticSink& sink) {
  return [&sink](const YamlNode& n, const std::string& p, double) {
    return read_number(n, p, kProbability, sink);
  };
}
auto duration_spec_reader(DiagnosticSink& sink) {
  return [&sink](const YamlNode& n, const std::string& p, const model::DurationSpec& current) {
    return read_duration_spec(n, p, current, sink);
  };
}

class Loader {
 public:
  explicit Loader(const LoadOptions& options) : options_(options), sink_(sources_) {}

  LoadResult run(const fs::path& file) {
    top_file_ = file;
    LoadResult result;
    std::vector<fs::path> chain;
    std::optional<YamlNode> root = load_tree(file, chain, Location{}, "");
    if (root) {
      std::vector<UncertainParameter> uncertainty = take_uncertainty(*root);
      std::optional<YamlNode> as_written;
      if (!options_.overrides.empty()) {
        as_written = *root;
        sources_.push_back(
            SourceFile{kOverridesSourceName, overrides_source_text(options_.overrides)});
        apply_overrides(options_.overrides, static_cast<int>(sources_.size()) - 1, *root, sink_);
      }
      model::ModelSpec spec;
      read_spec(*root, spec);
      if (sink_.count() == 0) keep_replay_as_written(*root, as_written, spec);
      if (sink_.count() == 0) check_volume(*root, spec, options_.allow_large, sink_);
      EnsembleSpec ensemble;
      if (sink_.count() == 0) read_ensemble(*root, ensemble);
      if (sink_.count() == 0) check_uncertain_ends(*root, uncertainty);
      if (sink_.count() == 0) {
        result.scenario =
            LoadedScenario{std::move(spec), sources_, std::move(ensemble), std::move(uncertainty)};
      }
    }
    sink_.sort_by_location();
    result.diagnostics = sink_.take();
    // A bad sweep value is found once per sweep point that uses it: report it once.
    std::vector<Diagnostic> unique;
    for (Diagnostic& d : result.diagnostics) {
      const bool seen = std::any_of(unique.begin(), unique.end(), [&d](const Diagnostic& u) {
        return u.file == d.file && u.line == d.line && u.column == d.column &&
               u.message == d.message;
      });
      if (!seen) unique.push_back(std::move(d));
    }
    result.diagnostics = std::move(unique);
    return result;
  }

 private:
  // A replay that is its own conversion reference ("this one"), changed by --set or by a sweep
  // point, converts encounters with the replay as written: the change is a counterfactual,
  // like a scenario extending the replay that makes it (its crossers and the beds its ICE
  // book-in share was measured with stay the replay's). Keeps the written spec for the sweep
  // points and makes it the reference of `spec` when overrides changed it.
  void keep_replay_as_written(const YamlNode& root, const std::optional<YamlNode>& as_written,
                              model::ModelSpec& spec) {
    const model::ArrivalSpec& a = spec.arrivals;
    if (a.conversion_reference || a.conversion_reference_file.empty() ||
        options_.as_conversion_reference) {
      return;
    }
    if (!as_written) {
      // Only sweep points need the copy (the spec holds the arrival table).
      const YamlEntry* ensemble = root.find("ensemble");
      if (ensemble != nullptr && ensemble->value.find("sweep") != nullptr) {
        written_replay_ = std::make_shared<const model::ModelSpec>(spec);
      }
      return;
    }
    model::ModelSpec written;
    read_spec(*as_written, written);
    written_replay_ = std::make_shared<const model::ModelSpec>(std::move(written));
    spec.arrivals.conversion_reference = written_replay_;
  }

  // Reads a file into sources_ and returns its index. `from` is where the file was named
  // (invalid for the scenario given on the command line).
  std::optional<int> read_source(const fs::path& path, const Location& from,
                                 const std::string& yaml_path, std::string_view what) {
    const auto fail = [&](const std::string& why) {
      const std::string message =
          "cannot read " + std::string(what) + " '" + path.generic_string() + "': " + why;
      if (from.file >= 0) {
        sink_.error(from, yaml_path, message);
      } else {
        sink_.file_error(path, "cannot read " + std::string(what) + ": " + why);
      }
      return std::nullopt;
    };
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) return fail("no such file");
    if (ec) return fail(ec.message());
    if (fs::is_directory(status)) return fail("it is a directory, not a file");
    // A device or pipe could block or never end; scenarios and tables are plain files.
    if (!fs::is_regular_file(status)) return fail("not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("permission denied or unreadable");
    std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return fail("read error");
    sources_.push_back(SourceFile{path, std::move(contents)});
    return static_cast<int>(sources_.size()) - 1;
  }

  // Reads a scenario file and, recursively, the files it extends; returns the merged tree.
  // `chain` holds the canonical paths of the files that extend this one, to detect cycles.
  std::optional<YamlNode> load_tree(const fs::path& path, std::vector<fs::path>& chain,
                                    const Location& from, const std::string& yaml_path) {
    const std::optional<int> file =
        read_source(path, from, yaml_path, from.file >= 0 ? "parent scenario" : "scenario");
    if (!file) return std::nullopt;
    std::optional<YamlNode> root =
        parse_yaml(sources_[static_cast<std::size_t>(*file)].contents, *file, sink_);
    if (!root) return std::nullopt;
    if (root->kind == YamlNode::Kind::kNull) {
      // Empty, or only comments: there is nothing to load, and saying "missing key 'start'"
      // would hide the real problem.
      sink_.file_error(path, "scenario file is empty");
      return std::nullopt;
    }
    if (!root->is_map()) {
      sink_.error(root->location, "", "scenario: expected a map, got " + describe(*root));
      return std::nullopt;
    }
    auto extends = std::find_if(root->entries.begin(), root->entries.end(),
                                [](const YamlEntry& e) { return e.key == "extends"; });
    if (extends == root->entries.end()) return root;

    const YamlEntry entry = *extends;
    root->entries.erase(extends);
    const std::optional<std::string> name = read_text(entry.value, "extends", sink_);
    if (!name) return std::nullopt;
    const fs::path parent_path = (path.parent_path() / *name).lexically_normal();
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    const fs::path parent_canonical = fs::weakly_canonical(parent_path, ec);
    chain.push_back(canonical);
    if (std::find(chain.begin(), chain.end(), parent_canonical) != chain.end()) {
      std::string cycle;
      for (const fs::path& p : chain) cycle += p.filename().generic_string() + " -> ";
      cycle += parent_canonical.filename().generic_string();
      sink_.error(entry.value.location, "extends", "extends cycle: " + cycle);
      return std::nullopt;
    }
    std::optional<YamlNode> parent = load_tree(parent_path, chain, entry.value.location, "extends");
    chain.pop_back();
    if (!parent) return std::nullopt;
    return merge(std::move(*parent), *root);
  }

  void read_spec(const YamlNode& root, model::ModelSpec& spec) {
    const Fields top(&root, "",
                     {"name", "start", "end", "days", "seed", "arrivals", "surges",
                      "sector_defaults", "sectors", "apprehension", "processing", "dispositions",
                      "detention", "orr", "recrossing", "ensemble", "ports", "policies"},
                     sink_);
    top.text("name", spec.name);
    if (const YamlNode* n = top.find("seed")) {
      if (auto v = read_uint64(*n, "seed", sink_)) spec.seed = *v;
    }
    if (options_.seed) spec.seed = *options_.seed;
    const std::optional<Horizon> horizon = read_horizon(top, spec);

    read_arrivals(top, horizon, spec.arrivals);
    read_surges(top.find("surges"), horizon, spec.surges);
    read_sectors(top, spec.sectors);
    read_apprehension(top.find("apprehension"), spec.apprehension);
    read_processing(top.find("processing"), spec.processing);
    read_dispositions(top.find("dispositions"), horizon, spec.dispositions);
    derive_processing_agents(spec);
    read_detention(top.find("detention"), !spec.dispositions.outcome_mix.empty(), spec.detention);
    read_orr(top.find("orr"), spec.orr);
    read_recrossing(top.find("recrossing"), spec.recrossing);
    read_ports(top.find("ports"), horizon, table_loader(), sink_, spec.ports);
    read_policies(top.find("policies"), horizon, spec.ports, sink_, spec.policies);
  }

  // Reads a table file named in the scenario, relative to the file that wrote the name.
  TableLoader table_loader() {
    return [this](const YamlNode& node, const std::string& yaml_path,
                  const char* what) -> std::optional<LoadedTable> {
      const std::optional<std::string> name = read_text(node, yaml_path, sink_);
      if (!name) return std::nullopt;
      const fs::path base = sources_[static_cast<std::size_t>(node.location.file)].path;
      const std::optional<int> file = read_source((base.parent_path() / *name).lexically_normal(),
                                                  node.location, yaml_path, what);
      if (!file) return std::nullopt;
      return LoadedTable{*file, sources_[static_cast<std::size_t>(*file)].contents};
    };
  }

  // The `ensemble` section (sweep.h); each sweep point's tree is read like the base. Sources
  // read again for a point (the arrival table) are dropped: they repeat the base's.
  void read_ensemble(const YamlNode& root, EnsembleSpec& out) {
    const YamlEntry* entry = root.find("ensemble");
    const std::optional<EnsembleSection> section =
        read_ensemble_section(entry != nullptr ? &entry->value : nullptr, root, sink_);
    if (!section) return;
    out.replications = section->replications;
    out.threads = section->threads;
    for (const SweepAxis& axis : section->axes) {
      SweepParameter p{axis.path, {}};
      for (const YamlNode& v : axis.values) p.values.push_back(v.scalar);
      out.parameters.push_back(std::move(p));
    }
    if (section->axes.empty()) return;
    const std::size_t base_sources = sources_.size();
    for (std::size_t i = 0; i < section->point_count(); ++i) {
      SweepPoint point;
      point.index = static_cast<int>(i);
      const std::vector<std::size_t> at = sweep_point_indices(section->axes, i);
      for (std::size_t a = 0; a < at.size(); ++a) {
        point.assignments.emplace_back(section->axes[a].path,
                                       section->axes[a].values[at[a]].scalar);
      }
      const YamlNode tree = sweep_point_tree(root, section->axes, i);
      const std::size_t errors = sink_.count();
      read_spec(tree, point.spec);
      if (written_replay_ && !point.spec.arrivals.conversion_reference) {
        point.spec.arrivals.conversion_reference = written_replay_;
      }
      // Each point is a run of its own: bounded like the base (a sweep of a multiplier).
      if (sink_.count() == errors) check_volume(tree, point.spec, options_.allow_large, sink_);
      sources_.resize(base_sources);
      out.points.push_back(std::move(point));
    }
  }

  // The `uncertainty` section (uncertainty.h), taken off the tree: it describes the model's
  // parameters rather than being one. options_.assignments are then written over the tree.
  std::vector<UncertainParameter> take_uncertainty(YamlNode& root) {
    const auto it = std::find_if(root.entries.begin(), root.entries.end(),
                                 [](const YamlEntry& e) { return e.key == "uncertainty"; });
    std::optional<std::vector<UncertainParameter>> parameters;
    if (it == root.entries.end()) {
      parameters = read_uncertainty_section(nullptr, root, sink_);
    } else {
      const YamlEntry entry = *it;
      root.entries.erase(it);
      parameters = read_uncertainty_section(&entry.value, root, sink_);
    }
    if (!parameters) return {};
    for (const auto& [path, value] : options_.assignments) {
      const UncertainParameter* declared = nullptr;
      for (const UncertainParameter& u : *parameters) {
        if (u.path == path) declared = &u;
      }
      // A conversion reference takes only the values of parameters it declares itself.
      if (declared == nullptr && options_.as_conversion_reference) continue;
      if (declared == nullptr) {
        sink_.error(Location{}, path,
                    "cannot set '" + path + "': it is not in the scenario's uncertainty section");
        continue;
      }
      write_at_path(root, declared->keys, scalar_node(value, declared->location),
                    declared->location);
    }
    return std::move(*parameters);
  }

  // Both ends of every range must load: each is written over the tree and read like the base,
  // so a bad end is reported at its own line and column. Skipped for sampled and reference
  // loads, whose base was checked.
  void check_uncertain_ends(const YamlNode& root, const std::vector<UncertainParameter>& ranges) {
    if (!options_.assignments.empty() || options_.as_conversion_reference) return;
    const std::size_t base_sources = sources_.size();
    for (const UncertainParameter& p : ranges) {
      for (const auto& [text, at] :
           {std::pair{p.low_text, p.low_location}, std::pair{p.high_text, p.high_location}}) {
        YamlNode tree = root;
        write_at_path(tree, p.keys, scalar_node(text, at), p.location);
        model::ModelSpec end;
        const std::size_t errors = sink_.count();
        read_spec(tree, end);
        // compare --sample-parameters and sensitivity run each end: bounded like the base.
        if (sink_.count() == errors) check_volume(tree, end, options_.allow_large, sink_);
        sources_.resize(base_sources);
      }
    }
  }

  static YamlNode scalar_node(const std::string& text, const Location& at) {
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.location = at;
    node.scalar = text;
    return node;
  }

  std::optional<Horizon> read_horizon(const Fields& top, model::ModelSpec& spec) {
    std::optional<util::Date> start;
    if (top.require("start")) start = read_date(*top.find("start"), "start", sink_);
    const YamlNode* end_node = top.find("end");
    const YamlNode* days_node = top.find("days");
    std::optional<int> days;
    if (end_node != nullptr && days_node != nullptr) {
      sink_.error(days_node->location, "days", "give either 'end' or 'days', not both");
    } else if (days_node != nullptr) {
      days = read_int(*days_node, "days", kPositive, sink_);
    } else if (end_node != nullptr) {
      const std::optional<util::Date> end = read_date(*end_node, "end", sink_);
      if (start && end) {
        if (*end < *start) {
          sink_.error(end_node->location, "end",
                      "end: " + end->to_string() + " is before start " + start->to_string());
        } else {
          days = static_cast<int>(*end - *start) + 1;
        }
      }
    } else if (!options_.days) {
      sink_.error(top.location(), "end", "missing required key 'end' (or 'days') at top level");
    }
    if (options_.days) {
      if (*options_.days <= 0) {
        sink_.error(Location{}, "days",
                    "--days must be > 0, got " + std::to_string(*options_.days));
        return std::nullopt;
      }
      days = options_.days;
    }
    if (!start || !days) return std::nullopt;
    if (*days > kMaxDays) {
      const YamlNode* at = end_node != nullptr ? end_node : days_node;
      sink_.error(options_.days || at == nullptr ? Location{} : at->location,
                  end_node != nullptr ? "end" : "days",
                  "the run is " + std::to_string(*days) + " days long; at most " +
                      std::to_string(kMaxDays) + " (100 years) are allowed");
      return std::nullopt;
    }
    spec.start_date = *start;
    spec.days = *days;
    return Horizon{*start, *start + (*days - 1)};
  }

  void read_arrivals(const Fields& top, const std::optional<Horizon>& horizon,
                     model::ArrivalSpec& out) {
    if (!top.require("arrivals")) return;
    const Fields f(top.find("arrivals"), "arrivals",
                   {"table", "day_dispersion", "weekly_pattern", "family_size",
                    "surrender_probability", "effects", "conversion_reference"},
                   sink_);
    if (f.require("table")) read_table(*f.find("table"), horizon, out);
    read_effects(f.find("effects"), out);
    read_conversion_reference(f.find("conversion_reference"), horizon, out);
    f.number("day_dispersion", out.day_dispersion, kDayDispersion);
    read_weekly_pattern(f.find("weekly_pattern"), out.weekly_pattern);
    read_family_size(f.find("family_size"), out.family_size_probabilities);
    read_keyed(f.find("surrender_probability"), "arrivals.surrender_probability",
               model::kDemographicKeys, out.surrender_probability, sink_,
               probability_reader(sink_));
  }

  void read_table(const YamlNode& node, const std::optional<Horizon>& horizon,
                  model::ArrivalSpec& out) {
    // Relative to the folder of the file that wrote it (which may be a parent scenario).
    const std::optional<LoadedTable> table =
        table_loader()(node, "arrivals.table", "arrival table");
    if (!table) return;
    out.levels = read_arrival_table(table->contents, table->file, horizon, sink_);
  }

  // arrivals.conversion_reference: the replay scenario whose parameters convert observed
  // encounters into people crossing. Naming the scenario being loaded itself (as a replay
  // does, so that the scenarios extending it inherit the key) means "this one".
  void read_conversion_reference(const YamlNode* node, const std::optional<Horizon>& horizon,
                                 model::ArrivalSpec& out) {
    if (node == nullptr) return;
    const std::string key = "arrivals.conversion_reference";
    const std::optional<std::string> name = read_text(*node, key, sink_);
    if (!name) return;
    const fs::path base = sources_[static_cast<std::size_t>(node->location.file)].path;
    const fs::path path = (base.parent_path() / *name).lexically_normal();
    out.conversion_reference_file = *name;
    std::error_code e1, e2;
    if (fs::equivalent(path, top_file_, e1) || options_.as_conversion_reference) return;
    if (e1 && !fs::exists(path, e2)) {
      sink_.error(node->location, key, key + ": cannot open '" + path.string() + "'",
                  "give the replay scenario's file, relative to this file's folder");
      return;
    }
    LoadOptions reference_options;
    reference_options.as_conversion_reference = true;
    reference_options.allow_large = options_.allow_large;
    reference_options.assignments = options_.assignments;
    LoadResult reference = load_scenario(path, reference_options);
    if (!reference.ok()) {
      sink_.error(node->location, key,
                  key + ": '" + path.string() + "' does not load (" +
                      std::to_string(reference.diagnostics.size()) + " errors)",
                  "run `borderflow check " + path.string() + "`");
      return;
    }
    // Its outcome mix, if any, gives the return shares of the conversion for every month of
    // this run (model/encounter_rates.h).
    const model::OutcomeMix& mix = reference.scenario->spec.dispositions.outcome_mix;
    if (horizon && !mix.empty() &&
        (horizon->first_day.year_month() < mix.months.front().month ||
         mix.months.back().month < horizon->last_day.year_month())) {
      sink_.error(node->location, key,
                  key + ": the outcome mix of '" + path.string() + "' covers " +
                      mix.months.front().month.to_string() + " to " +
                      mix.months.back().month.to_string() + ", not this run's " +
                      horizon->first_day.to_string() + " to " + horizon->last_day.to_string(),
                  "name a reference whose outcome-mix table covers the run");
      return;
    }
    out.conversion_reference =
        std::make_shared<const model::ModelSpec>(std::move(reference.scenario->spec));
  }

  // arrivals.effects: {table: FILE, scale: {effect: k, ...}}. Every effect of the table is
  // kept (scale 1 unless given) so the resolved scenario shows them; scaled ones are applied
  // to the levels read so far.
  void read_effects(const YamlNode* node, model::ArrivalSpec& out) {
    if (node == nullptr) return;
    const Fields f(node, "arrivals.effects", {"table", "scale"}, sink_);
    if (!f.require("table")) return;
    const std::optional<std::string> name =
        read_text(*f.find("table"), "arrivals.effects.table", sink_);
    if (!name) return;
    const YamlNode& table = *f.find("table");
    const fs::path base = sources_[static_cast<std::size_t>(table.location.file)].path;
    const fs::path path = (base.parent_path() / *name).lexically_normal();
    const std::optional<int> file =
        read_source(path, table.location, "arrivals.effects.table", "effects table");
    if (!file) return;
    out.effects =
        read_effects_table(sources_[static_cast<std::size_t>(*file)].contents, *file, sink_);
    const YamlNode* scales = f.find("scale");
    if (scales == nullptr) return;
    if (!scales->is_map()) {
      sink_.error(
          scales->location, "arrivals.effects.scale",
          "arrivals.effects.scale: expected a map of effect: scale, got " + describe(*scales));
      return;
    }
    std::vector<std::string_view> names;
    for (const model::EffectScale& e : out.effects) names.push_back(e.name);
    for (const YamlEntry& entry : scales->entries) {
      const std::string path_here = "arrivals.effects.scale." + entry.key;
      const auto it =
          std::find_if(out.effects.begin(), out.effects.end(),
                       [&](const model::EffectScale& e) { return e.name == entry.key; });
      if (it == out.effects.end()) {
        sink_.error(entry.key_location, path_here,
                    "unknown effect '" + entry.key + "' (not in the effects table)",
                    did_you_mean_or_list(entry.key, names));
        continue;
      }
      const std::optional<double> scale = read_number(entry.value, path_here, kEffectScale, sink_);
      if (!scale) continue;
      it->scale = *scale;
      apply_effect(*it, out.levels);
    }
  }

  void read_weekly_pattern(const YamlNode* node, std::array<double, 7>& out) {
    if (node == nullptr) return;
    std::array<double, 7> pattern{};
    std::array<bool, 7> given{};
    const std::size_t errors = sink_.count();
    read_keyed(node, "arrivals.weekly_pattern", kWeekdayKeys, pattern, sink_,
               [this](const YamlNode& n, const std::string& p, double) {
                 return read_number(n, p, kWeekdayWeight, sink_);
               });
    // A bad day is reported where it is written; the pattern's sum would only repeat it.
    if (!node->is_map() || sink_.count() != errors) return;
    for (const YamlEntry& e : node->entries) {
      for (std::size_t i = 0; i < 7; ++i) given[i] = given[i] || kWeekdayKeys[i] == e.key;
    }
    std::string missing;
    for (std::size_t i = 0; i < 7; ++i) {
      if (!given[i]) missing += (missing.empty() ? "" : ", ") + std::string(kWeekdayKeys[i]);
    }
    if (!missing.empty()) {
      sink_.error(node->location, "arrivals.weekly_pattern",
                  "arrivals.weekly_pattern: give all seven days or none; missing " + missing);
      return;
    }
    double sum = 0.0;
    for (double v : pattern) sum += v;
    if (!(sum > 0.0)) {
      sink_.error(node->location, "arrivals.weekly_pattern",
                  "arrivals.weekly_pattern: at least one day must be > 0");
      return;
    }
    // Normalised to mean 1, so the pattern shapes the week without changing its total.
    for (std::size_t i = 0; i < 7; ++i) out[i] = pattern[i] * 7.0 / sum;
  }

  void read_family_size(const YamlNode* node, std::vector<double>& out) {
    if (node == nullptr) return;
    // A given distribution replaces the default whole: sizes not written have probability 0.
    std::array<double, 5> p{};
    const std::size_t errors = sink_.count();
    read_keyed(node, "arrivals.family_size", kFamilySizeKeys, p, sink_, probability_reader(sink_));
    if (sink_.count() != errors || !node->is_map()) return;
    double sum = 0.0;
    for (double v : p) sum += v;
    if (std::abs(sum - 1.0) > kSumTolerance) {
      sink_.error(node->location, "arrivals.family_size",
                  "arrivals.family_size: probabilities must sum to 1, got " + number_text(sum));
      return;
    }
    out.assign(p.begin(), p.end());
  }

  void read_surges(const YamlNode* node, const std::optional<Horizon>& horizon,
                   std::vector<model::SurgeSpec>& out) {
    if (node == nullptr) return;
    if (node->kind != YamlNode::Kind::kList) {
      sink_.error(node->location, "surges", "surges: expected a list, got " + describe(*node));
      return;
    }
    out.clear();
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const YamlNode& item = node->items[i];
      const std::string path = "surges[" + std::to_string(i) + "]";
      const std::size_t errors = sink_.count();
      const Fields f(&item, path,
                     {"name", "sector", "first_day", "last_day", "people", "included_in_table"},
                     sink_);
      model::SurgeSpec surge;
      f.text("name", surge.name);
      if (f.require("sector")) {
        if (auto s = read_sector_key(*f.find("sector"), f.path("sector"))) surge.sector = *s;
      }
      std::optional<util::Date> first, last;
      if (f.require("first_day"))
        first = read_date(*f.find("first_day"), f.path("first_day"), sink_);
      if (f.require("last_day")) last = read_date(*f.find("last_day"), f.path("last_day"), sink_);
      if (f.require("people")) f.number("people", surge.people, kSurgePeople);
      f.boolean("included_in_table", surge.included_in_table);
      if (first && last) {
        const YamlNode& at = *f.find("last_day");
        if (*last < *first) {
          sink_.error(at.location, f.path("last_day"),
                      f.path("last_day") + ": " + last->to_string() + " is before first_day " +
                          first->to_string());
        } else if (horizon && (*first < horizon->first_day || *last > horizon->last_day)) {
          sink_.error(f.find("first_day")->location, path,
                      path + ": " + first->to_string() + " to " + last->to_string() +
                          " is not within the run (" + horizon->first_day.to_string() + " to " +
                          horizon->last_day.to_string() + ")");
        }
      }
      if (sink_.count() != errors || !first || !last) continue;
      surge.first_day = *first;
      surge.last_day = *last;
      out.push_back(std::move(surge));
    }
  }

  std::optional<int> read_sector_key(const YamlNode& node, const std::string& path) {
    const std::optional<std::string> key = read_text(node, path, sink_);
    if (!key) return std::nullopt;
    if (std::optional<int> s = model::sector_from_key(*key)) return s;
    sink_.error(node.location, path, path + ": unknown sector '" + *key + "'",
                did_you_mean_or_list(*key, model::kSectorKeys));
    return std::nullopt;
  }

  void read_sector_fields(const YamlNode* node, const std::string& path, model::SectorSpec& s) {
    const Fields f(node, path,
                   {"agents_on_patrol", "processing_agents", "holding_capacity",
                    "half_saturation_agents", "initial"},
                   sink_);
    f.number("agents_on_patrol", s.agents_on_patrol, kStaff);
    f.integer("processing_agents", s.processing_agents, kProcessingAgents);
    if (const YamlNode* given = f.find("processing_agents")) {
      if (!processing_agents_given_)
        processing_agents_given_ = {given->location, f.path("processing_agents")};
    }
    f.integer("holding_capacity", s.holding_capacity, kPeopleHeld);
    f.number("half_saturation_agents", s.half_saturation_agents, kHalfSaturationAgents);
    if (const YamlNode* initial = f.find("initial")) {
      const Fields i(initial, f.path("initial"),
                     {"in_custody", "waiting_in_mexico", "waiting_days"}, sink_);
      i.integer("in_custody", s.initial_in_custody, kPeopleHeld);
      i.integer("waiting_in_mexico", s.initial_waiting_in_mexico, kPeopleHeld);
      i.integer("waiting_days", s.initial_waiting_days, Bounds{1.0});
    }
  }

  void read_sectors(const Fields& top, model::PerSector<model::SectorSpec>& out) {
    // sector_defaults is read once (so its errors are reported once), then each sector's own
    // settings override it field by field.
    model::SectorSpec defaults;
    if (const YamlNode* n = top.find("sector_defaults")) {
      read_sector_fields(n, "sector_defaults", defaults);
    }
    out.fill(defaults);
    const YamlNode* sectors = top.find("sectors");
    if (sectors == nullptr) return;
    if (!sectors->is_map()) {
      sink_.error(sectors->location, "sectors",
                  "sectors: expected a map, got " + describe(*sectors));
      return;
    }
    for (const YamlEntry& e : sectors->entries) {
      const std::optional<int> s = model::sector_from_key(e.key);
      if (!s) {
        sink_.error(e.key_location, "sectors." + e.key, "unknown sector '" + e.key + "' at sectors",
                    did_you_mean_or_list(e.key, model::kSectorKeys));
        continue;
      }
      read_sector_fields(&e.value, "sectors." + e.key, out[static_cast<std::size_t>(*s)]);
    }
  }

  void read_apprehension(const YamlNode* node, model::ApprehensionSpec& out) {
    if (node == nullptr) return;
    const Fields f(node, "apprehension", {"max_probability", "delay", "surrender_wait"}, sink_);
    f.number("max_probability", out.max_probability, kProbability);
    f.duration_spec("delay", out.delay);
    f.duration_spec("surrender_wait", out.surrender_wait);
  }

  void read_processing(const YamlNode* node, model::ProcessingSpec& out) {
    if (node == nullptr) return;
    const Fields f(node, "processing",
                   {"transport", "service_time", "custody_standard", "title42_service_time",
                    "agents_from_encounters"},
                   sink_);
    if (const YamlNode* derived = f.find("agents_from_encounters")) {
      const Fields d(derived, f.path("agents_from_encounters"), {"utilization"}, sink_);
      if (d.require("utilization")) {
        // A share of the agents' time spent processing: from 1% (below, the agents derived
        // are a hundredfold what the work needs) to 1.
        out.agents_utilization =
            read_number(*d.find("utilization"), d.path("utilization"), Bounds{0.01, 1.0}, sink_);
        utilization_node_ = d.find("utilization");
      }
    }
    f.duration_spec("transport", out.transport);
    read_keyed(f.find("service_time"), "processing.service_time", model::kDemographicKeys,
               out.service_time, sink_, duration_spec_reader(sink_));
    f.duration("custody_standard", out.custody_standard, true);
    f.duration_spec("title42_service_time", out.title42_service_time);
  }

  // processing.agents_from_encounters: every sector's processing agents from the run's
  // encounters (model/processing_capacity.h); a sector may not give its own as well.
  void derive_processing_agents(model::ModelSpec& spec) {
    if (!spec.processing.agents_utilization) return;
    if (processing_agents_given_) {
      sink_.error(processing_agents_given_->location, processing_agents_given_->path,
                  processing_agents_given_->path +
                      " cannot be combined with processing.agents_from_encounters, which derives "
                      "every sector's processing agents from the encounters",
                  "remove one of the two");
      return;
    }
    if (spec.days <= 0) return;  // no horizon: reported where it is read
    const model::PerSector<int> agents =
        model::processing_agents_from_encounters(spec, *spec.processing.agents_utilization);
    for (std::size_t s = 0; s < agents.size(); ++s) {
      if (agents[s] > kProcessingAgents.max && utilization_node_ != nullptr) {
        sink_.error(utilization_node_->location, "processing.agents_from_encounters.utilization",
                    "processing.agents_from_encounters: the arrival table needs " +
                        std::to_string(agents[s]) + " processing agents in " +
                        std::string(model::kSectorKeys[s]) + "; at most " +
                        number_text(kProcessingAgents.max) + " are allowed in a sector");
        return;
      }
      spec.sectors[s].processing_agents = agents[s];
    }
  }

  void read_dispositions(const YamlNode* node, const std::optional<Horizon>& horizon,
                         model::DispositionSpec& out) {
    if (node == nullptr) return;
    const Fields f(
        node, "dispositions",
        {"return_batch_times", "mexican_returns", "non_mexican_returns", "mexico_accepts_share",
         "expedited_removal_share", "release_delay", "crowded_release", "ice_transfer_delay",
         "max_wait_for_bed", "repatriate_mexican_children", "title42_end", "outcome_mix"},
        sink_);
    if (const YamlNode* mix = f.find("outcome_mix")) {
      // A conversion reference keeps every month of its table: the scenario converting with
      // it may run over other months than the reference (model/encounter_rates.h).
      read_outcome_mix(*mix, options_.as_conversion_reference ? std::nullopt : horizon, out);
      // The mix gives what these rules decide; policies still change the first two.
      for (const char* rule :
           {"mexico_accepts_share", "expedited_removal_share", "repatriate_mexican_children"}) {
        if (const YamlNode* given = f.find(rule)) {
          sink_.error(given->location, f.path(rule),
                      f.path(rule) +
                          " cannot be combined with dispositions.outcome_mix, "
                          "which gives who is returned, transferred and released",
                      "remove it; to change it in a counterfactual, use a policy "
                      "(mexico_acceptance, expedited_removal)");
        }
      }
      out.mexico_accepts_share.fill(0.0);
      out.expedited_removal_share.fill(0.0);
    }
    if (const YamlNode* times = f.find("return_batch_times")) read_batch_times(*times, out);
    f.rate_per_day("mexican_returns", out.mexican_returns_per_day);
    f.rate_per_day("non_mexican_returns", out.non_mexican_returns_per_day);
    read_keyed(f.find("mexico_accepts_share"), "dispositions.mexico_accepts_share",
               model::kCitizenshipKeys, out.mexico_accepts_share, sink_, probability_reader(sink_));
    read_keyed(f.find("expedited_removal_share"), "dispositions.expedited_removal_share",
               model::kDemographicKeys, out.expedited_removal_share, sink_,
               probability_reader(sink_));
    f.duration_spec("release_delay", out.release_delay);
    if (const YamlNode* crowded = f.find("crowded_release")) {
      read_crowded_release(*crowded, f.path("crowded_release"), out);
    }
    f.duration_spec("ice_transfer_delay", out.ice_transfer_delay);
    f.duration("max_wait_for_bed", out.max_wait_for_bed, false);
    f.boolean("repatriate_mexican_children", out.repatriate_mexican_children);
    if (const YamlNode* end = f.find("title42_end")) {
      if (auto date = read_date(*end, f.path("title42_end"), sink_)) out.title42_end = *date;
    }
  }

  // dispositions.crowded_release: {occupancy, delay}, both required (no silent default for a
  // rule that changes who waits how long).
  void read_crowded_release(const YamlNode& node, const std::string& path,
                            model::DispositionSpec& out) {
    const Fields c(&node, path, {"occupancy", "delay"}, sink_);
    const bool has_occupancy = c.require("occupancy");
    const bool has_delay = c.require("delay");
    if (!has_occupancy || !has_delay) return;
    model::CrowdedReleaseSpec spec;
    // Custody over holding capacity: above 0; a sector at 10 times its capacity is beyond any
    // reported crowding (May 2023: 125% triggered parole with conditions).
    const auto occupancy =
        read_number(*c.find("occupancy"), c.path("occupancy"), Bounds{0.0, 10.0, true}, sink_);
    c.duration_spec("delay", spec.delay);
    if (!occupancy) return;
    spec.occupancy = *occupancy;
    out.crowded_release = spec;
  }

  // dispositions.outcome_mix: the table's file, relative to the file that wrote the name.
  void read_outcome_mix(const YamlNode& node, const std::optional<Horizon>& horizon,
                        model::DispositionSpec& out) {
    const std::optional<LoadedTable> table =
        table_loader()(node, "dispositions.outcome_mix", "outcome-mix table");
    if (!table) return;
    out.outcome_mix_file = node.scalar;
    out.outcome_mix = read_outcome_mix_table(table->contents, table->file, horizon, sink_);
  }

  void read_batch_times(const YamlNode& node, model::DispositionSpec& out) {
    const std::string path = "dispositions.return_batch_times";
    if (node.kind != YamlNode::Kind::kList || node.items.empty()) {
      sink_.error(
          node.location, path,
          path + ": expected a non-empty list of times like \"06:00\", got " + describe(node));
      return;
    }
    std::vector<engine::SimTime> times;
    bool ok = true;
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const YamlNode& item = node.items[i];
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      if (item.kind != YamlNode::Kind::kScalar) {
        sink_.error(item.location, item_path,
                    item_path + ": expected a time of day, got " + describe(item));
        ok = false;
        continue;
      }
      const Parsed<engine::SimTime> t = parse_time_of_day(item.scalar);
      if (!t.ok()) {
        sink_.error(item.location, item_path, item_path + ": " + t.error, t.hint);
        ok = false;
        continue;
      }
      if (!times.empty() && *t.value <= times.back()) {
        sink_.error(item.location, item_path,
                    item_path + ": times must be in increasing order without repeats");
        ok = false;
      }
      times.push_back(*t.value);
    }
    if (ok) out.return_batch_times = std::move(times);
  }

  void read_detention(const YamlNode* node, bool with_outcome_mix, model::DetentionSpec& out) {
    if (node == nullptr) return;
    const Fields f(
        node, "detention",
        {"beds", "initial_population", "length_of_stay", "credible_fear_positive_share",
         "flight_seats", "flight_weekday", "max_wait_for_flight", "book_in_bed_elasticity"},
        sink_);
    f.integer("beds", out.beds, kPeopleHeld);
    f.number("book_in_bed_elasticity", out.book_in_bed_elasticity, Bounds{0.0, 1.0});
    f.integer("initial_population", out.initial_population, kPeopleHeld);
    check_initial_population(f, out.initial_population, out.beds);
    f.duration_spec("length_of_stay", out.length_of_stay);
    f.number("credible_fear_positive_share", out.credible_fear_positive_share, kProbability);
    if (const YamlNode* given = f.find("credible_fear_positive_share");
        given != nullptr && with_outcome_mix) {
      sink_.error(given->location, f.path("credible_fear_positive_share"),
                  f.path("credible_fear_positive_share") +
                      " cannot be combined with dispositions.outcome_mix, whose "
                      "ice_release_share gives the share ICE releases each month",
                  "remove it; to change it in a counterfactual, use a policy "
                  "(entry_suspension's screen_pass_share)");
    }
    refuse_flight_seats_to_mexico(f.find("flight_seats"));
    read_keyed(f.find("flight_seats"), "detention.flight_seats", model::kCitizenshipKeys,
               out.flight_seats_per_week, sink_,
               [this](const YamlNode& n, const std::string& p, int) {
                 return read_rate_per_week(n, p, sink_);
               });
    if (const YamlNode* n = f.find("flight_weekday")) {
      if (n->kind != YamlNode::Kind::kScalar) {
        sink_.error(n->location, f.path("flight_weekday"),
                    f.path("flight_weekday") + ": expected a weekday, got " + describe(*n));
      } else {
        const Parsed<int> day = parse_weekday(n->scalar);
        if (day.ok()) {
          out.flight_weekday = *day.value;
        } else {
          sink_.error(n->location, f.path("flight_weekday"),
                      f.path("flight_weekday") + ": " + day.error, day.hint);
        }
      }
    }
    f.duration("max_wait_for_flight", out.max_wait_for_flight, false);
  }

  // Mexicans ordered removed leave by land the day they are decided (model.md, "Detention"),
  // so seats to Mexico would be read and never used: refused rather than ignored.
  void refuse_flight_seats_to_mexico(const YamlNode* seats) {
    if (seats == nullptr || !seats->is_map()) return;
    for (const YamlEntry& entry : seats->entries) {
      if (entry.key != model::kCitizenshipKeys[model::index_of(model::Citizenship::kMexico)]) {
        continue;
      }
      const std::string path = "detention.flight_seats." + entry.key;
      sink_.error(entry.key_location, path,
                  path +
                      ": Mexicans ordered removed leave by land, not by flight, so seats to "
                      "Mexico are never used",
                  "remove it; removals to Mexico are limited by nothing but the decisions");
    }
  }

  void read_orr(const YamlNode* node, model::OrrSpec& out) {
    if (node == nullptr) return;
    const Fields f(node, "orr", {"beds", "initial_population", "length_of_stay", "transfer_delay"},
                   sink_);
    f.integer("beds", out.beds, kPeopleHeld);
    f.integer("initial_population", out.initial_population, kPeopleHeld);
    check_initial_population(f, out.initial_population, out.beds);
    f.duration_spec("length_of_stay", out.length_of_stay);
    f.duration_spec("transfer_delay", out.transfer_delay);
  }

  // Nobody starts in a bed that does not exist.
  void check_initial_population(const Fields& f, int initial, int beds) {
    if (initial <= beds) return;
    const YamlNode* n = f.find("initial_population");
    const Location at = n != nullptr ? n->location : f.location();
    sink_.error(at, f.path("initial_population"),
                f.path("initial_population") + ": must be <= beds (" + std::to_string(beds) +
                    "), got " + std::to_string(initial));
  }

  void read_recrossing(const YamlNode* node, model::RecrossingSpec& out) {
    if (node == nullptr) return;
    const Fields f(node, "recrossing", {"probability", "title42_probability", "delay"}, sink_);
    read_keyed(f.find("probability"), "recrossing.probability", model::kCitizenshipKeys,
               out.probability, sink_, probability_reader(sink_));
    read_keyed(f.find("title42_probability"), "recrossing.title42_probability",
               model::kCitizenshipKeys, out.title42_probability, sink_, probability_reader(sink_));
    f.duration_spec("delay", out.delay);
  }

  const LoadOptions& options_;
  // The first processing_agents a sector (or sector_defaults) gives, for the error when
  // processing.agents_from_encounters derives them.
  struct GivenKey {
    Location location;
    std::string path;
  };
  std::optional<GivenKey> processing_agents_given_;
  // processing.agents_from_encounters.utilization, where derived agents beyond the bound are
  // reported (it is read before they are derived, in the same read_spec).
  const YamlNode* utilization_node_ = nullptr;
  fs::path top_file_;  // the scenario being loaded (not its parents)
  // The replay as written when it is its own conversion reference (keep_replay_as_written).
  std::shared_ptr<const model::ModelSpec> written_replay_;
  std::vector<SourceFile> sources_;  // declared before sink_, which refers to it
  DiagnosticSink sink_;
};

}  // namespace

LoadResult load_scenario(const fs::path& file, const LoadOptions& options) {
  return Loader(options).run(file);
}

}  // namespace bf::scenario
