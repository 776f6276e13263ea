"""The Python bindings against the CLI on the same inputs (same JSON keys and values).

The CLI is found as $DARKSCAN_BIN, else `darkscan` on the PATH, else the
workspace's target/{release,debug}/darkscan; without it the comparisons are
skipped (reported as skipped by pytest), the binding-only checks still run.
"""

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import darkscan

ROOT = Path(__file__).resolve().parents[3]


def _cli():
    for c in (os.environ.get("DARKSCAN_BIN"), shutil.which("darkscan"),
              ROOT / "target/release/darkscan", ROOT / "target/debug/darkscan"):
        if c and Path(c).exists():
            return str(c)
    return None


CLI = _cli()
needs_cli = pytest.mark.skipif(CLI is None, reason="darkscan binary not built (cargo build -p darkscan-cli)")


def cli_json(*args):
    out = subprocess.run([CLI, *args, "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def close(a, b):
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300)


@needs_cli
@pytest.mark.parametrize("method", ["classical", "cls", "fc"])
def test_limit_matches_cli(method):
    # NA64's background (seed talk 002: 0.51 ± 0.13) with one event.
    py = darkscan.stats.limit(observed=1, background=0.51, background_error=0.13, method=method)
    cli = cli_json("stats", "limit", "--observed", "1", "--background", "0.51",
                   "--background-error", "0.13", "--method", method)
    assert py.keys() == cli.keys()
    assert close(py["upper_limit"], cli["upper_limit"]) and py["method"] == cli["method"]


@needs_cli
def test_pvalue_matches_cli():
    # NA62 CR1+2+3 (JHEP 09 (2023) 035): 1, 1, 2 on 0.29±0.04, 0.58±0.07, 1.70±0.22.
    py = darkscan.stats.pvalue([1, 1, 2], [0.29, 0.58, 1.70], [0.04, 0.07, 0.22])
    cli = cli_json("stats", "pvalue", "--observed", "1,1,2", "--background", "0.29,0.58,1.70",
                   "--background-error", "0.04,0.07,0.22")
    assert py.keys() == cli.keys()
    assert all(close(py[k], cli[k]) for k in py)


@needs_cli
def test_sum_matches_cli():
    terms = ["0.04+-0.01", "0.3+-0.05", "0.16+-0.12", "<0.01"]
    assert darkscan.stats.sum(*terms) == cli_json("stats", "sum", *terms)


@needs_cli
def test_widths_vectorised_match_cli():
    masses = np.array([0.01, 0.5, 2.0])
    w = darkscan.widths("dark-photon", masses, 1e-3)
    assert w["total_width"].shape == (3,)
    for i, m in enumerate(masses):
        cli = cli_json("widths", "dark-photon", "--mass", str(m), "--coupling", "1e-3")
        assert close(w["total_width"][i], cli["total_width"])
        for k, v in cli["branching_ratios"].items():
            assert close(w["branching_ratios"][k][i], v)
    scalar = darkscan.widths("dark-photon", 0.5, 1e-3)
    assert isinstance(scalar["total_width"], float)


@needs_cli
def test_reach_matches_cli(tmp_path):
    masses = [0.01, 0.1]
    r = darkscan.reach("na64e-invisible", masses=masses)
    cli = cli_json("reach", "na64e-invisible", "--masses", "0.01,0.1", "--out", str(tmp_path))
    assert r.raw == cli
    assert r.signal.shape == (len(r.masses), len(r.couplings))
    assert r.to_csv() == (tmp_path / "limits.csv").read_text()
    assert r.to_hepdata() == (tmp_path / "limits.yaml").read_text()


def test_presets_round_trip(tmp_path):
    names = darkscan.presets.list()
    assert "na64e-invisible" in names
    p = darkscan.presets.load("na64e-invisible")
    assert isinstance(p, dict) and p["scan"]["n_masses"] >= 1
    p["scan"]["n_masses"] = 3
    path = darkscan.presets.save(p, tmp_path / "mine.toml")
    assert darkscan.presets.load(str(path))["scan"]["n_masses"] == 3
    r = darkscan.reach(str(path))
    assert len(r.limits) == 3


def test_errors_are_python_exceptions_with_the_library_message():
    with pytest.raises(ValueError, match="confidence level"):
        darkscan.stats.limit(1, 0.5, cl=1.5)
    with pytest.raises(ValueError, match="cap"):
        darkscan.reach("na64e-invisible", masses=np.geomspace(1e-3, 1, 5000))
    with pytest.raises(ValueError, match="unknown preset"):
        darkscan.presets.show("no-such-preset")
    with pytest.raises(ValueError, match="unknown override"):
        darkscan.reach("na64e-invisible", no_such_key=1)
