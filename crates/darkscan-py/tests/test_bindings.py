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


# --- every portal through the generic model layer, production, cross sections ---

# (model, binding couplings, CLI flags, key of the CLI's per-channel BRs).
WIDTH_CASES = [
    ("hnl", {"umu2": 1e-6}, ["--umu2", "1e-6"], "branching_ratios"),
    ("hnl", {"ue2": 1e-7, "utau2": 3e-7, "dirac": True},
     ["--ue2", "1e-7", "--utau2", "3e-7", "--dirac"], "branching_ratios"),
    ("scalar", {"theta2": 1e-6}, ["--theta2", "1e-6"], "channels"),
    ("alp", {"g_agg": 1e-4, "g_aee": 1e-5}, ["--g-agg", "1e-4", "--g-aee", "1e-5"], "branching_ratios"),
    ("alp", {"g_y": 1e-3}, ["--g-aff", "1e-3"], "branching_ratios"),
    ("alp", {"inv_f_g": 1e-3}, ["--inv-f-g", "1e-3"], "branching_ratios"),
]


@needs_cli
@pytest.mark.parametrize("model,couplings,flags,br_key", WIDTH_CASES)
def test_widths_every_model_match_cli(model, couplings, flags, br_key):
    masses = np.array([0.3, 0.8, 1.5])
    w = darkscan.widths(model, masses, **couplings)
    assert w["total_width"].shape == masses.shape
    for i, m in enumerate(masses):
        cli = cli_json("widths", model, "--mass", str(m), *flags)
        assert close(w["total_width"][i], cli["total_width"])
        assert close(w["ctau_m"][i], cli["ctau_m"])
        brs = cli[br_key]
        for k, v in brs.items():
            assert close(w["branching_ratios"][k][i], v), k
        # Channels closed at this mass carry BR 0; none is missing from the CLI.
        for k, col in w["branching_ratios"].items():
            assert k in brs or col[i] == 0.0, k


@needs_cli
def test_widths_coupling_scale_is_vectorised():
    # g scales the coupling vector: U^2 = g * umu2 for the HNL (widths ∝ U^2).
    g = np.array([1e-7, 1e-6, 1e-5])
    w = darkscan.widths("hnl", 1.0, g, umu2=1.0)
    for i, gi in enumerate(g):
        cli = cli_json("widths", "hnl", "--mass", "1.0", "--umu2", repr(float(gi)))
        assert close(w["total_width"][i], cli["total_width"])
        assert close(w["ctau_m"][i], cli["ctau_m"])
    s = darkscan.widths("scalar", masses=0.5, coupling=1e-6)
    assert isinstance(s["total_width"], float)
    assert close(s["total_width"], cli_json("widths", "scalar", "--mass", "0.5", "--theta2", "1e-6")["total_width"])


@needs_cli
def test_widths_dark_photon_with_mass_ratio_matches_cli():
    # The generic layer's dark sector m_chi = m/R against the CLI's --dm-mass m/3.
    w = darkscan.widths("dark-photon", 0.6, 1e-3, alpha_d=0.1, mass_ratio=3.0)
    cli = cli_json("widths", "dark-photon", "--mass", "0.6", "--coupling", "1e-3",
                   "--alpha-d", "0.1", "--dm-mass", "0.2")
    assert math.isclose(w["total_width"], cli["total_width"], rel_tol=1e-12)
    for k, v in cli["branching_ratios"].items():
        if v > 0:
            assert math.isclose(w["branching_ratios"][k], v, rel_tol=1e-12), k


@needs_cli
@pytest.mark.parametrize("parent,mass,couplings,flags", [
    ("K+", 0.3, {"umu2": 1e-6}, ["--umu2", "1e-6"]),
    ("K-", 0.2, {"ue2": 1e-6, "umu2": 1e-7}, ["--ue2", "1e-6", "--umu2", "1e-7"]),
    ("D_s+", 1.0, {"ue2": 1e-6, "umu2": 1e-6, "utau2": 1e-6},
     ["--ue2", "1e-6", "--umu2", "1e-6", "--utau2", "1e-6"]),
    ("B+", 2.0, {"umu2": 1e-6, "dirac": True}, ["--umu2", "1e-6", "--dirac"]),
])
def test_production_hnl_matches_cli(parent, mass, couplings, flags):
    py = darkscan.production("hnl", parent, mass, **couplings)
    cli = cli_json("production", "hnl", "--parent", parent, "--mass", str(mass), *flags)
    assert py.keys() == cli.keys() and py["channels"].keys() == cli["channels"].keys()
    assert py["parent"] == cli["parent"]
    assert close(py["branching_ratio"], cli["branching_ratio"])
    assert all(close(py["channels"][k], v) for k, v in cli["channels"].items())


@needs_cli
@pytest.mark.parametrize("parent,mass", [("K+", 0.2), ("K_L", 0.25), ("B+", 2.0), ("B0", 3.0)])
def test_production_scalar_matches_cli(parent, mass):
    py = darkscan.production("scalar", parent, mass, theta2=1e-6)
    cli = cli_json("production", "scalar", "--parent", parent, "--mass", str(mass), "--theta2", "1e-6")
    assert py.keys() == cli.keys() and py["channels"].keys() == cli["channels"].keys()
    assert py["parent_pdg"] == cli["parent_pdg"]
    assert close(py["branching_ratio"], cli["branching_ratio"])
    assert all(close(py["channels"][k], v) for k, v in cli["channels"].items())


@needs_cli
@pytest.mark.parametrize("target,energy,mass,method", [
    ("Pb", 100.0, 0.01, "etl"), ("W", 100.0, 0.1, "iww"), ("na64-ecal", 80.0, 0.5, "etl"),
])
def test_xsec_dark_photon_brem_matches_cli(target, energy, mass, method):
    py = darkscan.xsec_dark_photon_brem(target, energy, mass, method=method)
    cli = cli_json("xsec", "dark-photon-brem", "--target", target, "--energy", str(energy),
                   "--mass", str(mass), "--method", method)
    assert py.keys() == cli.keys() and py["method"] == cli["method"]
    assert close(py["sigma_cm2"], cli["sigma_cm2"])


@needs_cli
@pytest.mark.parametrize("target,energy,mass", [("Pb", 100.0, 0.01), ("Cu", 50.0, 0.2)])
def test_xsec_alp_primakoff_matches_cli(target, energy, mass):
    py = darkscan.xsec_alp_primakoff(target, energy, mass, g_agg=1e-4)
    cli = cli_json("xsec", "alp-primakoff", "--target", target, "--energy", str(energy),
                   "--mass", str(mass), "--g-agg", "1e-4")
    assert py.keys() == cli.keys() and py["target"] == cli["target"]
    assert close(py["sigma_cm2"], cli["sigma_cm2"])


def test_new_bindings_raise_value_errors_with_the_library_message():
    with pytest.raises(ValueError, match="unknown model"):
        darkscan.widths("axion-photon", 0.5)
    with pytest.raises(ValueError, match="unknown field `foo`"):
        darkscan.widths("hnl", 1.0, umu2=1e-6, foo=1.0)
    with pytest.raises(ValueError, match="mass"):
        darkscan.widths("hnl", -1.0, umu2=1e-6)
    with pytest.raises(ValueError, match="invalid parent 'X'"):
        darkscan.production("hnl", "X", 0.3, umu2=1e-6)
    with pytest.raises(ValueError, match="invalid parent"):
        darkscan.production("scalar", "D0", 0.3)
    with pytest.raises(ValueError, match="unknown production model"):
        darkscan.production("alp", "K+", 0.3)
    with pytest.raises(ValueError, match="unknown cross-section method"):
        darkscan.xsec_dark_photon_brem("Pb", 100.0, 0.01, method="nope")
    with pytest.raises(ValueError, match="unknown target material"):
        darkscan.xsec_alp_primakoff("Unobtainium", 100.0, 0.01, 1e-4)
    with pytest.raises(ValueError, match="0 < mass"):
        darkscan.xsec_dark_photon_brem("Pb", 1.0, 2.0)


def test_xsec_input_errors_are_the_library_checks():
    # The range checks live in darkscan::production::xsec_request (shared with the CLI).
    with pytest.raises(ValueError, match=r"^invalid energy -1: expected a positive energy in GeV$"):
        darkscan.xsec_dark_photon_brem("Pb", -1.0, 0.01)
    with pytest.raises(ValueError, match=r"^invalid x_min 1\.5: expected 0 <= x < 1$"):
        darkscan.xsec_dark_photon_brem("Pb", 100.0, 0.01, x_min=1.5)
    with pytest.raises(ValueError, match=r"^invalid mass 2: expected 0 < mass < photon energy \(1 GeV\)$"):
        darkscan.xsec_alp_primakoff("Pb", 1.0, 2.0, 1e-4)
    with pytest.raises(ValueError, match=r"^invalid g_agg inf: expected a finite coupling in 1/GeV$"):
        darkscan.xsec_alp_primakoff("Pb", 10.0, 0.01, math.inf)
