"""borderflow.ensemble and sweep: the CLI's ensemble statistics, whatever the threads."""

import pandas as pd
import pytest
import pandas.testing as pdt

import borderflow as bf

TINY = "scenarios/examples/tiny.yaml"


def cli_text(value):
    """A real as ensemble_days.csv prints it (output::format_cell's two decimals)."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def check_bands_equal(python_bands, csv_path):
    """The bands against the CLI's text: means with two decimals, percentiles of integer
    columns as integers (ensemble/ensemble_writer.h)."""
    cli = pd.read_csv(csv_path, dtype=str)
    real = set(bf.columns("days").query("type == 'real'").column)
    ours = python_bands[["point", "date", "output", "mean", "p5", "p50", "p95"]].copy()
    ours["point"] = ours["point"].astype(str)
    ours["date"] = ours["date"].dt.strftime("%Y-%m-%d")
    ours["mean"] = ours["mean"].map(cli_text)
    is_real = ours["output"].isin(real)
    for c in ("p5", "p50", "p95"):
        ours[c] = [cli_text(v) if r else str(int(v)) for v, r in zip(ours[c], is_real)]
    pdt.assert_frame_equal(ours.reset_index(drop=True), cli)


def test_ensemble_equals_the_clis(cli, tmp_path):
    out = tmp_path / "ens"
    cli("run", TINY, "--seed", 9, "--days", 8, "--replications", 4, "--threads", 2, "--quiet",
        "--no-report", "--out", out)
    e = bf.ensemble(TINY, replications=4, threads=2, seed=9, days=8)
    check_bands_equal(e.bands, out / "ensemble_days.csv")
    reps = pd.read_csv(out / "replications.csv", dtype={"fingerprint": str})
    assert list(e.replications.fingerprint) == list(reps.fingerprint)
    # replications.csv's integer outputs are each replication's sums over the days.
    totals = e.days.groupby("replication").sum(numeric_only=True)
    for column in ("encounters", "released", "in_custody"):
        assert list(totals[column]) == list(reps[column])


def test_ensemble_is_the_same_on_one_or_two_threads():
    one = bf.ensemble(TINY, replications=3, threads=1, days=8, sectors=True)
    two = bf.ensemble(TINY, replications=3, threads=2, days=8, sectors=True)
    pdt.assert_frame_equal(one.days, two.days, check_exact=True)
    pdt.assert_frame_equal(one.sectors, two.sectors, check_exact=True)
    pdt.assert_frame_equal(one.bands, two.bands, check_exact=True)
    assert list(one.days.columns[:3]) == ["point", "replication", "date"]
    assert len(one.sectors) == 3 * 8 * 9


def test_sweep_equals_the_clis_sweep(cli, tmp_path, root):
    swept = tmp_path / "swept.yaml"
    swept.write_text(f"extends: {root / TINY}\n"
                     "ensemble:\n"
                     "  replications: 3\n"
                     "  sweep:\n"
                     "    sectors.del_rio.processing_agents: [2, 5]\n"
                     "    detention.beds: [2000, 3000]\n")
    out = tmp_path / "sweep"
    cli("run", swept, "--days", 8, "--threads", 2, "--quiet", "--no-report", "--out", out)
    s = bf.sweep(TINY, {"sectors.del_rio.processing_agents": [2, 5],
                        "detention.beds": [2000, 3000]}, replications=3, threads=2, days=8)
    check_bands_equal(s.bands, out / "ensemble_days.csv")
    assert list(s.points.columns) == ["point", "sectors.del_rio.processing_agents",
                                      "detention.beds"]
    assert list(s.points["detention.beds"]) == [2000, 3000, 2000, 3000]
    assert list(s.days.columns[:4]) == ["point", "sectors.del_rio.processing_agents",
                                        "detention.beds", "replication"]
    assert len(s.days) == 4 * 3 * 8


def test_no_replication_is_a_value_error():
    with pytest.raises(ValueError, match="at least one"):
        bf.ensemble(TINY, replications=0)
