"""borderflow.compare: the CLI's paired differences, number for number."""

import pandas as pd
import pytest

import borderflow as bf

A = "tests/compare/scenarios/few-agents.yaml"
B = "tests/compare/scenarios/more-agents.yaml"


def test_compare_equals_the_clis_compare_csv(cli, tmp_path):
    cli("compare", A, B, "-r", 5, "-j", 2, "--out", tmp_path)
    expected = pd.read_csv(tmp_path / "compare.csv", dtype=str, keep_default_na=False)
    c = bf.compare(A, B, replications=5, threads=2)
    ours = c.table.copy()
    for column in ("mean_a", "mean_b", "mean_difference", "difference_p5", "difference_p95",
                   "ci95_low", "ci95_high"):
        ours[column] = ours[column].map(lambda v: f"{v:.3f}".replace("-0.000", "0.000"))
    ours["distinguishable"] = ours["distinguishable"].map(lambda v: "true" if v else "false")
    pd.testing.assert_frame_equal(ours.astype(str).reset_index(drop=True), expected)


def test_paired_differences_give_the_tables_statistics():
    c = bf.compare(A, B, replications=4, threads=2)
    paired = c.paired.groupby(["metric", "period"], sort=False)
    assert len(paired) == len(c.table)
    means = paired["difference"].mean().reset_index()
    merged = c.table.merge(means, on=["metric", "period"])
    assert (merged.mean_difference - merged.difference).abs().max() < 1e-9
    in_custody = c.totals().loc["in_custody_mean"]
    assert in_custody.mean_difference < 0


def test_compare_refuses_different_periods():
    with pytest.raises(ValueError, match="cover different periods"):
        bf.compare(A, "tests/compare/scenarios/longer.yaml", replications=1)


def test_b_runs_with_as_seed():
    c = bf.compare(bf.load(A, seed=3), bf.load(B, seed=99), replications=1)
    assert c.b.seed == 3
