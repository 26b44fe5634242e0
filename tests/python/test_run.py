"""borderflow.run: the same numbers as `borderflow run` for the same scenario and seed."""

import json
import threading

import pandas as pd
import pandas.testing as pdt

import borderflow as bf


def read(path, **kw):
    frame = pd.read_csv(path, float_precision="round_trip", keep_default_na=False, **kw)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    return frame


def check_run_equals_cli(cli, tmp_path, scenario, seed, days):
    out = tmp_path / "out"
    cli("run", scenario, "--seed", seed, "--days", days, "--quiet", "--no-report", "--out", out)
    r = bf.run(scenario, seed=seed, days=days)
    pdt.assert_frame_equal(r.days, read(out / "days.csv"), check_dtype=False, check_exact=True)
    pdt.assert_frame_equal(r.sectors, read(out / "sector_days.csv"), check_dtype=False,
                           check_exact=True)
    assert r.summary == json.loads((out / "summary.json").read_text())
    return r, out


def test_tiny_equals_the_cli(cli, tmp_path):
    r, _ = check_run_equals_cli(cli, tmp_path, "scenarios/examples/tiny.yaml", 7, 9)
    assert len(r.days) == 9 and len(r.sectors) == 81 and r.ports.empty
    assert r.days.date.dt.strftime("%Y-%m-%d").tolist()[0] == "2024-01-01"
    assert r.days.attrs["units"]["tic_mean_hours"] == "hours"


def test_ports_equal_the_cli(cli, tmp_path):
    r, out = check_run_equals_cli(cli, tmp_path, "scenarios/examples/ports.yaml", 11, 8)
    pdt.assert_frame_equal(r.ports, read(out / "port_days.csv"), check_dtype=False,
                           check_exact=True)


def test_the_default_scenario_equals_the_cli(cli, tmp_path):
    check_run_equals_cli(cli, tmp_path, "scenarios/december-2023.yaml", 5, 20)


def test_replication_k_is_the_ensembles_replication_k():
    s = bf.load("scenarios/examples/tiny.yaml")
    e = bf.ensemble(s, replications=3, threads=2)
    r2 = bf.run(s, replication=2)
    days = e.days[e.days.replication == 2].drop(columns=["point", "replication"])
    pdt.assert_frame_equal(days.reset_index(drop=True), r2.days, check_exact=True)


def test_the_gil_is_released_while_simulating():
    """Another Python thread keeps running during a run."""
    s = bf.load("scenarios/december-2023.yaml", days=30)
    counted = [0]
    done = threading.Event()

    def count():
        while not done.is_set():
            counted[0] += 1

    thread = threading.Thread(target=count)
    thread.start()
    try:
        before = counted[0]
        bf._borderflow.run(s._native, 0)  # the C++ call alone: no Python work inside
        during = counted[0] - before
    finally:
        done.set()
        thread.join()
    assert during > 10000
