"""borderflow.load: validated scenarios, overrides, and errors with the CLI's text."""

import pandas as pd
import pytest

import borderflow as bf

TINY = "scenarios/examples/tiny.yaml"


def test_load_reads_the_scenario():
    s = bf.load(TINY)
    assert s.name == "Tiny learning example"
    assert s.days == 14 and str(s.start_date) == "2024-01-01"
    assert s.overrides == {}


def test_seed_and_days_replace_the_scenarios():
    s = bf.load(TINY, seed=7, days=10)
    assert (s.seed, s.days) == (7, 10)


def test_set_reaches_the_resolved_scenario():
    s = bf.load(TINY, set={"detention.beds": 4321, "sectors.del_rio.processing_agents": 12})
    resolved = s.resolved()
    assert resolved["detention"]["beds"] == 4321
    assert resolved["sectors"]["del_rio"]["processing_agents"] == 12
    assert s.overrides == {"detention.beds": "4321", "sectors.del_rio.processing_agents": "12"}


def test_set_changes_the_run_like_the_cli(cli, tmp_path):
    """Fewer processing agents keep more people in custody, in Python as on the CLI."""
    few = {"sectors.del_rio.processing_agents": 2}
    base = bf.run(bf.load(TINY), seed=3)
    changed = bf.run(bf.load(TINY, set=few), seed=3)
    assert changed.days.in_custody.sum() > base.days.in_custody.sum()
    cli("run", TINY, "--seed", 3, "--set", "sectors.del_rio.processing_agents=2", "--quiet",
        "--no-report", "--out", tmp_path / "out")
    days = pd.read_csv(tmp_path / "out/days.csv", float_precision="round_trip")
    assert list(days.in_custody) == list(changed.days.in_custody)


def test_a_bad_scenario_raises_with_the_clis_text(cli, tmp_path, root):
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"extends: {root / TINY}\n"
                   "sectors:\n"
                   "  del_rio:\n"
                   "    holding_capacty: 2000\n")
    with pytest.raises(bf.ScenarioError) as raised:
        bf.load(bad)
    error = raised.value
    assert f"{bad}:4:5: error: unknown key 'holding_capacty'" in str(error)
    assert "did you mean 'holding_capacity'?" in str(error)
    assert error.diagnostics[0]["line"] == 4 and error.diagnostics[0]["column"] == 5
    assert isinstance(error, ValueError)
    done = cli("check", bad, check=False)
    assert done.returncode == 2
    assert str(error) + "\n" == done.stderr


def test_a_missing_file_raises():
    with pytest.raises(bf.ScenarioError, match="no-such.yaml: error: cannot read scenario"):
        bf.load("no-such.yaml")


def test_a_bad_override_raises_with_the_clis_text(cli):
    with pytest.raises(bf.ScenarioError) as raised:
        bf.load(TINY, set={"detention.beds": "many", "detention.bedz": 3})
    text = str(raised.value)
    assert "--set:1:16: error: detention.beds: expected a whole number, got 'many'" in text
    assert "--set:2:1: error: unknown key 'bedz' at detention" in text
    done = cli("check", TINY, "--set", "detention.beds=many", "--set", "detention.bedz=3",
               check=False)
    assert done.returncode == 2
    assert text + "\n" == done.stderr


def test_an_override_of_what_defines_the_run_is_refused():
    with pytest.raises(bf.ScenarioError, match="'seed' cannot be set"):
        bf.load(TINY, set={"seed": 4})


def test_an_override_that_is_not_a_value_is_a_type_error():
    with pytest.raises(TypeError, match="detention.beds"):
        bf.load(TINY, set={"detention.beds": [1, 2]})


def test_columns_lists_the_schema_with_units():
    days = bf.columns("days")
    assert {"encounters", "in_custody", "over_capacity"} <= set(days.column)
    assert days.set_index("column").loc["tic_mean_hours", "unit"] == "hours"
    with pytest.raises(ValueError):
        bf.columns("nope")
