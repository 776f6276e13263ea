#!/usr/bin/env python3
"""Compares darkscan's particle constants and meson branching ratios with the PDG.

Reads the constants straight from the Rust sources (``units.rs`` particle table
and the ``BR_*`` constants of ``production/meson_decay.rs``) and looks each one
up with the PDG's own Python API (PyPI package ``pdg``, which ships the current
edition's database; no network needed once installed). Prints one line per
quantity with the relative difference and exits with status 1 if any differs
by more than ``--tolerance`` (default 2 %, so that ordinary edition-to-edition
updates are listed but only real mistakes fail).

Usage::

    python3 -m venv /tmp/pdgenv && /tmp/pdgenv/bin/pip install pdg
    /tmp/pdgenv/bin/python tools/pdg_check/check_constants.py
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys
import warnings

ROOT = pathlib.Path(__file__).resolve().parents[2]
UNITS = ROOT / "crates/darkscan/src/units.rs"
MESON_DECAY = ROOT / "crates/darkscan/src/production/meson_decay.rs"

#: darkscan BR constant -> (parent PDG MC id, PDG decay description).
BRANCHING_RATIOS = {
    "BR_PI0_GAMMA_GAMMA": (111, "pi0 --> 2gamma"),
    "BR_ETA_GAMMA_GAMMA": (221, "eta --> 2gamma"),
    "BR_ETA_PRIME_GAMMA_GAMMA": (331, "eta^'(958) --> gamma gamma"),
    "BR_OMEGA_PI0_GAMMA": (223, "omega(782) --> pi0 gamma"),
}

PARTICLE_RE = re.compile(
    r"(\w+) = \((-?\d+), \"([^\"]+)\", ([\d_.e-]+), (\w+)(?:\(([\d_.e-]+)\))?\);"
)
CONST_RE = re.compile(r"pub const (BR_\w+): f64 = ([\d_.e-]+);")


def number(text: str) -> float:
    return float(text.replace("_", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance", type=float, default=0.02)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    import pdg

    api = pdg.connect()
    print(f"PDG edition {api.edition} ({api.data_release})")
    worst = 0.0

    def report(label: str, ours: float, theirs: float) -> None:
        nonlocal worst
        rel = ours / theirs - 1.0
        worst = max(worst, abs(rel))
        flag = "  <-- differs" if abs(rel) > args.tolerance else ""
        print(f"{label:34s} darkscan {ours:<14.8g} PDG {theirs:<14.8g} {rel:+.1e}{flag}")

    for m in PARTICLE_RE.finditer(UNITS.read_text()):
        const, mcid, _name, mass, kind, value = m.groups()
        particle = api.get_particle_by_mcid(int(mcid))
        try:
            report(f"{const} mass", number(mass), particle.mass)
        except pdg.errors.PdgNoDataError:
            print(f"{const:34s} (no single PDG mass for this state; skipped)")
        if kind == "LifetimeS":
            report(f"{const} lifetime", number(value), particle.lifetime)
        elif kind == "WidthGev":
            report(f"{const} width", number(value), particle.width)

    consts = dict(CONST_RE.findall(MESON_DECAY.read_text()))
    for const, (mcid, description) in BRANCHING_RATIOS.items():
        particle = api.get_particle_by_mcid(mcid)
        match = [bf for bf in particle.branching_fractions() if bf.description == description]
        if len(match) != 1 or const not in consts:
            print(f"{const}: not found (PDG description {description!r})")
            worst = float("inf")
            continue
        report(f"{const} ({match[0].pdgid})", number(consts[const]), match[0].value)

    return 0 if worst <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
