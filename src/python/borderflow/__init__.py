"""borderflow from Python: the simulator's runs, ensembles, sweeps and comparisons as pandas
data frames, computed by the same C++ libraries as the `borderflow` command line, with the
same numbers for the same scenario and seed. Reference: docs/python.md.

    import borderflow as bf
    s = bf.load("scenarios/december-2023.yaml", set={"detention.beds": 42000})
    r = bf.run(s, seed=1)
    r.days[["date", "encounters", "in_custody", "over_capacity"]]
"""

import datetime
import itertools
import json
import numbers
import os

import pandas as pd

from . import _borderflow
from .frames import long_frame, table_frame, with_units

__all__ = ["ScenarioError", "Scenario", "load", "run", "ensemble", "sweep", "compare",
           "columns", "RunResult", "EnsembleResult", "CompareResult", "__version__"]
__version__ = _borderflow.version


class ScenarioError(ValueError):
    """A scenario, or a value of `set`, that does not load.

    str(error) is the text `borderflow check` prints for the same input: every problem as
    `file:line:column: error: message (hint)` with the offending line and a caret (values of
    `set` are located in a source named `--set`, line i holding the i-th `PATH=VALUE`), then
    the count. `diagnostics` lists them as dicts: file, line, column, path, message, hint.
    """

    def __init__(self, text, diagnostics):
        super().__init__(text.rstrip("\n"))
        self.diagnostics = diagnostics


def _value_text(path, value):
    """A Python value as the scenario would write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"set: the value of {path!r} must be a number, a bool or a text such as "
                    f"'27d' or '1500/day', not {type(value).__name__}")


class Scenario:
    """A loaded, validated scenario (see load). Read-only."""

    def __init__(self, native):
        self._native = native

    path = property(lambda self: self._native.path, doc="the file given to load")
    name = property(lambda self: self._native.name)
    seed = property(lambda self: self._native.seed, doc="root random seed")
    days = property(lambda self: self._native.days, doc="days simulated")
    overrides = property(lambda self: dict(self._native.overrides),
                         doc="the `set` values, as text")

    @property
    def start_date(self):
        return datetime.date.fromisoformat(self._native.start_date)

    @property
    def sources(self):
        """Every file read: the scenario, its parents, its tables (and `--set`)."""
        return list(self._native.sources)

    def resolved(self):
        """The resolved scenario: every parameter after defaults and `set` (scenario.json)."""
        return json.loads(self._native.resolved_json())

    def _reload(self, seed=None, days=None, extra=None):
        native = self._native
        overrides = dict(native.overrides)
        overrides.update(extra or {})
        return load(native.path, set=overrides,
                    seed=native.seed_option if seed is None else seed,
                    days=native.days_option if days is None else days,
                    allow_large=native.allow_large)

    def __repr__(self):
        extra = f", set={self.overrides}" if self.overrides else ""
        return (f"<borderflow.Scenario {self.path!r}{extra}: {self.name!r}, {self.days} days "
                f"from {self.start_date}, seed {self.seed}>")


def load(path, set=None, seed=None, days=None, allow_large=False):
    """Loads and validates a scenario, as `borderflow check` does.

    set: {dotted path: value} written over the scenario before it is read, as if written in
    the file (the CLI's --set PATH=VALUE), at any path a sweep may name; e.g.
    {"detention.beds": 42000, "sectors.del_rio.processing_agents": 400}. seed, days: replace
    the scenario's (the CLI's --seed, --days). allow_large: the CLI's --allow-large.
    Raises ScenarioError for a scenario or a value that does not load.
    """
    overrides = [(str(p), _value_text(p, v)) for p, v in (set or {}).items()]
    native, text, diagnostics = _borderflow.load(os.fspath(path), overrides, seed, days,
                                                 allow_large)
    if native is None:
        raise ScenarioError(text, diagnostics)
    return Scenario(native)


def _scenario(scenario, seed=None, days=None):
    if not isinstance(scenario, Scenario):
        return load(scenario, seed=seed, days=days)
    if (seed is not None and seed != scenario.seed) or (days is not None and days !=
                                                       scenario.days):
        return scenario._reload(seed=seed, days=days)
    return scenario


def _threads(threads):
    if threads is not None and threads < 1:
        raise ValueError("threads must be at least 1 (None: every core)")
    return threads


def _units():
    units = {"date": "date"}
    for table in ("days", "sector_days", "port_days"):
        for name, _type, _kind, unit, _meaning in _borderflow.columns(table):
            units[name] = unit
    return units


def columns(table="days"):
    """The output schema of a table ("days", "sector_days" or "port_days"): one row per
    value column with its type, kind (flow, stock, setting, rate), unit and meaning; the same
    list as `borderflow columns` and docs/columns.md."""
    rows = _borderflow.columns(table)
    return pd.DataFrame(rows, columns=["column", "type", "kind", "unit", "meaning"])


class RunResult:
    """One replication: days, sectors and ports data frames (the CSV files' tables), the
    summary (summary.json as a dict), the event fingerprint and the number of events."""

    def __init__(self, scenario, native):
        units = _units()
        self.scenario = scenario
        self.days = with_units(table_frame(native["days"]), units)
        self.sectors = with_units(table_frame(native["sectors"]), units)
        self.ports = with_units(table_frame(native["ports"]), units)
        self.summary = json.loads(native["summary_json"])
        self.fingerprint = native["fingerprint"]
        self.events = native["events"]

    def __repr__(self):
        return (f"<borderflow.RunResult {self.scenario.path!r}: {len(self.days)} days, "
                f"fingerprint {self.fingerprint}>")


def run(scenario, seed=None, days=None, replication=0):
    """Simulates one replication, as `borderflow run SCENARIO --seed S --days D` does.

    scenario: a Scenario or a path. seed, days: replace the scenario's. replication: which
    replication's random streams (0 is the CLI's single run; k is replication k of an
    ensemble). The GIL is released while it runs.
    """
    s = _scenario(scenario, seed, days)
    return RunResult(s, _borderflow.run(s._native, int(replication)))


class EnsembleResult:
    """Replications of one or more points (a sweep's grid), as long data frames.

    days:         point, [the sweep's parameters], replication, date, every days column
    sectors:      the same for sector_days (only when asked for: sectors=True)
    bands:        point, [parameters], date, output, mean, p5, p50, p95: across
                  replications, the numbers of the CLI's ensemble_days.csv
    replications: point, [parameters], replication, fingerprint (hex), events
    points:       point, [parameters] (the sweep's values as given)
    """

    def __init__(self, native, points, sectors):
        units = _units()
        self.points = points
        index = points.set_index("point") if len(points.columns) > 1 else None
        runs = native["runs"]
        self.days = with_units(long_frame(runs, "days", index), units)
        self.sectors = with_units(long_frame(runs, "sectors", index), units) if sectors else None
        bands = pd.DataFrame(native["bands"])
        bands["date"] = pd.to_datetime(bands["date"], format="%Y-%m-%d")
        self.bands = points.merge(bands, on="point") if index is not None else bands
        reps = pd.DataFrame([{"point": r["point"], "replication": r["replication"],
                              "fingerprint": f"{r['fingerprint']:016x}", "events": r["events"]}
                             for r in runs])
        self.replications = points.merge(reps, on="point") if index is not None else reps

    def __repr__(self):
        return (f"<borderflow.EnsembleResult {len(self.points)} point(s) x "
                f"{self.replications.replication.nunique()} replications>")


def ensemble(scenario, replications=20, threads=None, sectors=False, seed=None, days=None):
    """Replications 0 .. replications - 1 of one scenario on `threads` threads (default: every
    core, like the CLI); the same numbers whatever the threads. See EnsembleResult."""
    s = _scenario(scenario, seed, days)
    native = _borderflow.simulate([s._native], int(replications), _threads(threads), sectors)
    return EnsembleResult(native, pd.DataFrame({"point": [0]}), sectors)


def sweep(scenario, grid, replications=10, threads=None, sectors=False, seed=None, days=None):
    """An ensemble at every point of a grid, like the CLI's `ensemble: sweep:` section.

    grid: {dotted path: [values]}, e.g. {"detention.beds": [34000, 40000, 46000]}. Points run
    in grid order, the last path varying fastest; each is the scenario with the point's
    values written over it (and over its own `set`). Replication k of every point draws the
    same random numbers (common random numbers). A bad value raises ScenarioError.
    """
    s = _scenario(scenario, seed, days)
    paths = list(grid)
    if not paths or any(len(grid[p]) == 0 for p in paths):
        raise ValueError("sweep: give at least one path, each with at least one value")
    combos = list(itertools.product(*(list(grid[p]) for p in paths)))
    loaded = [s._reload(extra=dict(zip(paths, combo))) for combo in combos]
    points = pd.DataFrame([dict(point=i, **dict(zip(paths, combo)))
                           for i, combo in enumerate(combos)])
    native = _borderflow.simulate([p._native for p in loaded], int(replications),
                                  _threads(threads), sectors)
    return EnsembleResult(native, points, sectors)


class CompareResult:
    """B against A, replication by replication (common random numbers).

    table:  compare.csv's columns at full precision: metric, period ("total" or YYYY-MM),
            mean_a, mean_b, mean_difference, difference_p5, difference_p95, ci95_low,
            ci95_high (NaN for one replication), distinguishable
    paired: metric, period, replication, a, b, difference (= b - a): the values the table's
            statistics are computed from
    """

    def __init__(self, a, b, native):
        self.a, self.b = a, b
        self.table = pd.DataFrame(native["rows"], columns=[
            "metric", "period", "mean_a", "mean_b", "mean_difference", "difference_p5",
            "difference_p95", "ci95_low", "ci95_high", "distinguishable"])
        for c in ("ci95_low", "ci95_high"):
            self.table[c] = self.table[c].astype(float)
        self.paired = pd.DataFrame(native["paired"],
                                   columns=["metric", "period", "replication", "a", "b"])
        self.paired["difference"] = self.paired["b"] - self.paired["a"]

    def totals(self):
        """The whole-run rows, indexed by metric (the table `borderflow compare` prints)."""
        return self.table[self.table.period == "total"].set_index("metric").drop(
            columns="period")


def compare(a, b, replications=20, threads=None, seed=None):
    """Runs A and B over the same replications with the same seed, as `borderflow compare`:
    B runs with A's seed (or `seed` for both), so replication r of both draws the same random
    numbers. Both must cover the same days (ValueError otherwise). See CompareResult."""
    a = _scenario(a, seed)
    b = b if isinstance(b, Scenario) else load(b)
    if b.seed != a.seed:
        b = b._reload(seed=a.seed)
    native = _borderflow.compare(a._native, b._native, int(replications), _threads(threads))
    return CompareResult(a, b, native)
