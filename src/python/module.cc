// The extension module `borderflow._borderflow`: the C++ libraries as the Python package
// borderflow (src/python/borderflow/__init__.py) calls them. It hands back plain columns
// (NumPy arrays, lists of text); the package makes the pandas data frames. docs/python.md
// is the user's reference.
//
// Python's GIL is released while anything simulates, so other Python threads run meanwhile
// and the simulation's own threads never wait for it.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "compare/comparable_periods.h"
#include "compare/paired_comparison.h"
#include "compare/replication_metrics.h"
#include "model/world.h"
#include "output/day_columns.h"
#include "output/fan_out.h"
#include "output/run_summary.h"
#include "output/spec_json.h"
#include "python/day_tables.h"
#include "python/replication_runs.h"
#include "scenario/load_errors_text.h"
#include "scenario/scenario_loader.h"
#include "util/sha256.h"

namespace py = pybind11;

namespace bf::python {
namespace {

// A scenario as loaded, with what it was loaded from (to load it again with another seed,
// as compare does for B, or with a sweep point's values written over it).
struct Scenario {
  std::string path;
  scenario::LoadOptions options;
  scenario::LoadedScenario loaded;
};

int resolved_threads(std::optional<int> threads) {
  if (threads && *threads > 0) return *threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// (scenario or None, error text, diagnostics): the package raises ScenarioError from the
// last two.
py::tuple load(const std::string& path, const scenario::Overrides& overrides,
               std::optional<std::uint64_t> seed, std::optional<int> days, bool allow_large) {
  scenario::LoadOptions options;
  options.seed = seed;
  options.days = days;
  options.allow_large = allow_large;
  options.overrides = overrides;
  scenario::LoadResult result;
  {
    py::gil_scoped_release release;
    result = scenario::load_scenario(path, options);
  }
  if (result.ok()) {
    auto s = std::make_shared<Scenario>(Scenario{path, options, std::move(*result.scenario)});
    return py::make_tuple(py::cast(s), py::none(), py::list());
  }
  py::list diagnostics;
  for (const scenario::Diagnostic& d : result.diagnostics) {
    py::dict item;
    item["file"] = d.file;
    item["line"] = d.line;
    item["column"] = d.column;
    item["path"] = d.yaml_path;
    item["message"] = d.message;
    item["hint"] = d.hint;
    diagnostics.append(item);
  }
  // The CLI's text for `check` (no suffix: nothing was run yet either way).
  return py::make_tuple(py::none(), scenario::load_errors_text(result.diagnostics, path, ""),
                        diagnostics);
}

template <typename T>
py::array_t<T> to_array(const std::vector<T>& values) {
  return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

// {"key_name", "dates", "keys", "columns": [(name, array), ...]}
py::dict table_dict(const DayTable& table) {
  py::dict out;
  out["key_name"] = table.key_name;
  out["dates"] = table.dates;
  out["keys"] = table.keys;
  py::list columns;
  for (const ValueColumn& c : table.columns) {
    columns.append(py::make_tuple(
        c.name, c.real ? py::object(to_array(c.reals)) : py::object(to_array(c.integers))));
  }
  out["columns"] = columns;
  return out;
}

// What run_command writes into summary.json's provenance, for the same run.
output::Provenance provenance_of(const Scenario& s, const model::World& world,
                                 const std::string& version) {
  const model::ModelSpec& spec = s.loaded.spec;
  output::Provenance p;
  p.version = version;
  p.scenario_name = spec.name;
  p.scenario_file = s.path;
  p.scenario_sha256 = util::sha256(s.loaded.sources.front().contents);
  p.seed = spec.seed;
  p.start_date = spec.start_date;
  p.days = spec.days;
  p.fingerprint = world.fingerprint().hex();
  p.extra.emplace_back("events", std::to_string(world.events_processed()));
  for (const auto& source : s.loaded.sources) {
    p.extra.emplace_back("source " + source.path.filename().string(),
                         util::sha256(source.contents));
  }
  return p;
}

py::dict run(const Scenario& s, int replication, const std::string& version) {
  const model::ModelSpec& spec = s.loaded.spec;
  std::vector<std::string> policy_names;
  for (const model::PolicySpec& p : spec.policies) policy_names.push_back(p.name);
  DayTables tables;
  output::RunSummary summary(std::move(policy_names));
  std::optional<model::World> world;
  {
    py::gil_scoped_release release;
    output::FanOut observers({&tables, &summary});
    world.emplace(spec, static_cast<std::uint32_t>(replication));
    world->run(observers);
  }
  py::dict out;
  out["days"] = table_dict(tables.days());
  out["sectors"] = table_dict(tables.sectors());
  out["ports"] = table_dict(tables.ports());
  out["summary_json"] = summary.to_json(provenance_of(s, *world, version)).dump();
  out["fingerprint"] = world->fingerprint().hex();
  out["events"] = world->events_processed();
  return out;
}

py::dict simulate(const std::vector<std::shared_ptr<Scenario>>& points, int replications,
                  std::optional<int> threads, bool sectors) {
  if (points.empty() || replications < 1) {
    throw py::value_error("an ensemble needs at least one point and one replication");
  }
  std::vector<const model::ModelSpec*> specs;
  specs.reserve(points.size());
  for (const auto& p : points) specs.push_back(&p->loaded.spec);
  for (const model::ModelSpec* spec : specs) {
    if (spec->days != specs.front()->days || spec->start_date != specs.front()->start_date) {
      throw py::value_error("every point of an ensemble must cover the same days");
    }
  }
  std::optional<ReplicationRuns> runs;
  {
    py::gil_scoped_release release;
    runs.emplace(run_replications(specs, replications, resolved_threads(threads), sectors));
  }
  py::list run_list;
  for (const ReplicationRun& r : runs->runs) {
    py::dict item;
    item["point"] = r.point;
    item["replication"] = r.replication;
    item["fingerprint"] = r.fingerprint;
    item["events"] = r.events;
    item["days"] = table_dict(r.tables.days());
    if (sectors) item["sectors"] = table_dict(r.tables.sectors());
    run_list.append(item);
  }
  // The bands in ensemble_days.csv's order: point, day, output column.
  const ensemble::OutputColumns columns = ensemble::OutputColumns::of_days_table();
  std::vector<std::int64_t> point_col;
  std::vector<std::string> dates, outputs;
  std::vector<double> mean, p5, p50, p95;
  const model::ModelSpec& first = *specs.front();
  for (int p = 0; p < static_cast<int>(specs.size()); ++p) {
    const ensemble::PointStatistics* stats = runs->statistics.point(p);
    for (int d = 0; d < first.days; ++d) {
      const std::string date = (first.start_date + d).to_string();
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const ensemble::BandValues b = stats->band(d, c, columns.is_real(c));
        point_col.push_back(p);
        dates.push_back(date);
        outputs.push_back(columns.columns[c].name);
        mean.push_back(b.mean);
        p5.push_back(b.p5);
        p50.push_back(b.p50);
        p95.push_back(b.p95);
      }
    }
  }
  py::dict bands;
  bands["point"] = to_array(point_col);
  bands["date"] = dates;
  bands["output"] = outputs;
  bands["mean"] = to_array(mean);
  bands["p5"] = to_array(p5);
  bands["p50"] = to_array(p50);
  bands["p95"] = to_array(p95);
  py::dict out;
  out["runs"] = run_list;
  out["bands"] = bands;
  return out;
}

py::object optional_number(const std::optional<double>& v) {
  return v ? py::object(py::float_(*v)) : py::object(py::none());
}

// compare's statistics (compare.csv's rows, at full precision) and each replication's
// values of A and B, for the same metric and period.
py::dict compare(const Scenario& a, const Scenario& b, int replications,
                 std::optional<int> threads) {
  if (replications < 1) throw py::value_error("compare needs at least one replication");
  const model::ModelSpec& spec_a = a.loaded.spec;
  const model::ModelSpec& spec_b = b.loaded.spec;
  if (const auto mismatch = compare::period_mismatch(a.path, spec_a, b.path, spec_b)) {
    throw py::value_error(*mismatch);
  }
  std::vector<compare::ReplicationMetrics> runs_a, runs_b;
  std::optional<compare::ScenarioComparison> comparison;
  {
    py::gil_scoped_release release;
    const int t = resolved_threads(threads);
    runs_a = compare::simulate_metrics(spec_a, replications, t);
    runs_b = compare::simulate_metrics(spec_b, replications, t);
    const bool ports = !spec_a.ports.crossings.empty() || !spec_b.ports.crossings.empty();
    comparison = compare::compare_replications(runs_a, runs_b, ports);
  }
  py::list rows, paired;
  for (const compare::ComparisonRow& row : comparison->rows) {
    const std::string metric(compare::kMetrics[row.metric].key);
    const std::string period = row.month ? row.month->to_string() : "total";
    const compare::PairedDifference& d = row.difference;
    rows.append(py::make_tuple(metric, period, d.mean_a, d.mean_b, d.mean_difference,
                               d.difference_p5, d.difference_p95, optional_number(d.ci95_low),
                               optional_number(d.ci95_high), d.distinguishable));
    // periods[0] is the run; periods[1 + i] is month i (replication_metrics.h).
    std::size_t period_index = 0;
    if (row.month) {
      const auto& months = runs_a.front().months;
      period_index = 1 + static_cast<std::size_t>(
                             std::find(months.begin(), months.end(), *row.month) - months.begin());
    }
    for (int r = 0; r < replications; ++r) {
      const double va = runs_a[static_cast<std::size_t>(r)].periods[period_index][row.metric];
      const double vb = runs_b[static_cast<std::size_t>(r)].periods[period_index][row.metric];
      paired.append(py::make_tuple(metric, period, r, va, vb));
    }
  }
  py::dict out;
  out["rows"] = rows;
  out["paired"] = paired;
  return out;
}

// (name, type, kind, unit, meaning) of each value column of the table named `name`.
py::list columns(const std::string& name) {
  for (const output::Table table : output::kTables) {
    if (output::table_name(table) != name) continue;
    py::list out;
    for (const output::Field& f : output::fields(table)) {
      out.append(py::make_tuple(f.name, f.type == output::ColumnType::kReal ? "real" : "integer",
                                std::string(output::kind_name(f.kind)), f.unit, f.meaning));
    }
    return out;
  }
  throw py::value_error("no table '" + name + "' (days, sector_days or port_days)");
}

}  // namespace
}  // namespace bf::python

PYBIND11_MODULE(_borderflow, m) {
  using namespace bf::python;
  m.doc() = "borderflow's C++ libraries; use the package `borderflow` (docs/python.md)";
  m.attr("version") = BORDERFLOW_VERSION;

  py::class_<Scenario, std::shared_ptr<Scenario>>(m, "Scenario")
      .def_property_readonly("path", [](const Scenario& s) { return s.path; })
      .def_property_readonly("name", [](const Scenario& s) { return s.loaded.spec.name; })
      .def_property_readonly("seed", [](const Scenario& s) { return s.loaded.spec.seed; })
      .def_property_readonly("days", [](const Scenario& s) { return s.loaded.spec.days; })
      .def_property_readonly("start_date",
                             [](const Scenario& s) { return s.loaded.spec.start_date.to_string(); })
      .def_property_readonly("overrides", [](const Scenario& s) { return s.options.overrides; })
      .def_property_readonly("seed_option", [](const Scenario& s) { return s.options.seed; })
      .def_property_readonly("days_option", [](const Scenario& s) { return s.options.days; })
      .def_property_readonly("allow_large", [](const Scenario& s) { return s.options.allow_large; })
      .def_property_readonly("sources",
                             [](const Scenario& s) {
                               std::vector<std::string> paths;
                               for (const auto& f : s.loaded.sources) {
                                 paths.push_back(f.path.string());
                               }
                               return paths;
                             })
      .def("resolved_json",
           [](const Scenario& s) { return bf::output::spec_to_json(s.loaded.spec).dump(); });

  m.def("load", &load, py::arg("path"), py::arg("overrides"), py::arg("seed"), py::arg("days"),
        py::arg("allow_large"));
  m.def(
      "run",
      [](const Scenario& s, int replication) { return run(s, replication, BORDERFLOW_VERSION); },
      py::arg("scenario"), py::arg("replication"));
  m.def("simulate", &simulate, py::arg("points"), py::arg("replications"), py::arg("threads"),
        py::arg("sectors"));
  m.def("columns", &columns, py::arg("table"));
  m.def("compare", &compare, py::arg("a"), py::arg("b"), py::arg("replications"),
        py::arg("threads"));
}
