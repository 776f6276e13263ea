#!/usr/bin/env python3
"""Forward light-meson yields per pN collision at 400 GeV from FORESEE's EPOS-LHC tables.

The numbers that `crates/darkscan/tests/meson_spectra.rs`
(`forward_yields_match_epos_lhc`) compares darkscan's Pythia table with:
mesons per inelastic collision with p > 20 GeV and theta < 10 mrad (the
part that can reach the NA62 decay volume: 105-180 m from the TAX at
23.07 m, r < 1.05 m, subtends 6.7-12.8 mrad), and the totals.

Source: FORESEE (github.com/KlingFelix/FORESEE), files
files/hadrons/0.4TeV/EPOSLHC/EPOSLHC_0.4TeV_<pid>.txt, added in commit
0cebea16554edefcb4951e9d0908ff5eb2f955d1 (branch `angular`). Columns:
log10(theta/rad) and log10(p/GeV) bin centres on a 0.05 grid, and a
weight in pb. Normalisation (undocumented in FORESEE): every weight is a
multiple of 333232 pb, i.e. sigma/N = 33.3 mb / 1e5 events; the script
divides by SIGMA_PB = 3.33232e10 pb to get mesons per collision. A cell
counts as forward when its centre has log10 p > log10 20 and
log10 theta < -2 (the grid has an edge at log10 theta = -2; log10 p
cells start at 1.30, i.e. p > 19.95 GeV).

Usage: FORESEE_PATH=/path/to/FORESEE python3 tools/validation/epos_forward_yields.py
(standard library only; FORESEE checked out at a revision that has the
0.4TeV files.)
"""

import math
import os
import sys

PIDS = [("pi0", 111), ("eta", 221), ("eta_prime", 331), ("omega", 223), ("rho0", 113), ("phi", 333)]
SIGMA_PB = 3.33232e10


def main():
    root = os.environ.get("FORESEE_PATH")
    if not root:
        sys.exit("set FORESEE_PATH to a FORESEE checkout with files/hadrons/0.4TeV")
    print("meson,total_per_collision,forward_per_collision,weight_quantum_pb")
    for name, pid in PIDS:
        path = os.path.join(root, "files", "hadrons", "0.4TeV", "EPOSLHC", f"EPOSLHC_0.4TeV_{pid}.txt")
        total = forward = 0.0
        quantum = math.inf
        with open(path) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                lt, lp, w = (float(x) for x in line.split()[:3])
                if w <= 0:
                    continue
                total += w
                quantum = min(quantum, w)
                if lp > math.log10(20.0) and lt < -2.0:
                    forward += w
        print(f"{name},{total / SIGMA_PB:.5g},{forward / SIGMA_PB:.5g},{quantum:.6g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
