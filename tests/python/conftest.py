"""Shared fixtures of the Python tests (ctest runs them with PYTHONPATH at the build's
python folder and BORDERFLOW_BIN at the borderflow binary; see CMakeLists.txt)."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def root():
    return ROOT


@pytest.fixture
def cli():
    """Runs the borderflow binary in the repository root; returns the CompletedProcess."""
    binary = os.environ.get("BORDERFLOW_BIN", str(ROOT / "build/release/src/apps/borderflow"))

    def run(*args, check=True):
        done = subprocess.run([binary, *map(str, args)], cwd=ROOT, capture_output=True,
                              text=True)
        if check and done.returncode != 0:
            raise AssertionError(f"borderflow {' '.join(map(str, args))} exited "
                                 f"{done.returncode}:\n{done.stderr}")
        return done

    return run


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    """Paths in the tests are relative to the repository, as on the command line."""
    monkeypatch.chdir(ROOT)
