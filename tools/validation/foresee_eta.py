#!/usr/bin/env python3
"""FORESEE run on darkscan's own eta spectrum: the eta -> gamma A' -> mu+ mu- count
in a cylinder approximating the NA62 fiducial volume.

FORESEE (F. Kling, S. Trojanowski, PRD 104 (2021) 035012, arXiv:2105.07077;
github.com/KlingFelix/FORESEE) is NOT part of darkscan: point FORESEE_PATH at
a checkout (any revision with src/foresee.py and
Models/DarkPhoton/model/{ctau.txt,br/bfrac_muon.txt}; checked with branch
`angular`, commit 80aadac70a6a3f48d8d8665358beee935118e16d). FORESEE needs
numpy, scipy, matplotlib, particle, numba and `scikit-hep==3.6.0` installed
WITHOUT its dependencies:

    pip install numpy scipy matplotlib particle numba
    pip install --no-deps scikit-hep==3.6.0
    FORESEE_PATH=/path/to/FORESEE python3 tools/validation/foresee_eta.py \
        --points 0.3:1e-7,0.3:5e-7,0.3:2e-6

What is compared. Inputs shared with darkscan: the eta table
(crates/darkscan/data/meson_spectra_p400.csv), re-binned onto FORESEE's
0.05 x 0.05 (log10 theta, log10 p) grid assuming uniform density in log10 p
and log10 theta within each darkscan bin (the table's own convention), with
weights in pb = mesons per collision x 3.3e10 pb, and luminosity
1/3.3e10 pb^-1, so that FORESEE's event count is per collision (~ per POT). BR(eta -> gamma A') =
2 eps^2 (1 - m^2/M^2)^3 x 0.3936 (BPR 2009, PDG 2024). Everything else is
FORESEE's: its decay kinematics, its own dark-photon c tau and BR(mu mu)
tables (DeLiVeR-style R; darkscan uses DarkCast's, BR_mumu differs by < 1 %
below 0.5 GeV), its binning and smearing, and its detector model: decay
probability along z between distance and distance + length, and a selection
on the A' direction. The NA62 fiducial volume (105-180 m from the T10 target,
r < 1.05 m; the A' come from the TAX at 23.07 m) is approximated by the
cylinder whose radius cut is applied at its mid-plane (119.4 m from the
TAX): FORESEE cannot follow a track leaving through the side, darkscan can.

Output: CSV lines m_gev, eps, n_per_pot (FORESEE, daughters' acceptance off).
"""

import argparse
import contextlib
import math
import os
import shutil
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CRATE = os.path.join(ROOT, "crates", "darkscan")
TAX_Z = 23.07
# Weights are written as cross sections in pb (sigma_inel(pN) ~ 33 mb, a
# realistic scale): FORESEE drops table cells below 1e-6 pb, which at
# "1 pb per collision" would silently remove most of the spectrum. The
# luminosity is set to 1/SIGMA_PB pb^-1, so its counts are per collision.
SIGMA_PB = 3.3e10
Z_MIN, Z_MAX, RADIUS = 105.0, 180.0, 1.05


def rebinned_eta_table():
    """darkscan's eta bins spread over FORESEE's 0.05 grid: {(it, ip): weight}."""
    grid = {}
    with open(os.path.join(CRATE, "data", "meson_spectra_p400.csv")) as f:
        for line in f:
            if line.startswith("#") or line.startswith("meson"):
                continue
            r = line.strip().split(",")
            if r[0] != "eta":
                continue
            plo, phi, tlo, thi, w = (float(x) for x in r[1:6])
            if tlo == -math.inf:
                tlo = thi - 0.125  # theta < 1e-5: negligible weight, any cell
            for ip in range(math.floor(plo / 0.05), math.ceil(phi / 0.05)):
                fp = max(0.0, min(phi, (ip + 1) * 0.05) - max(plo, ip * 0.05)) / (phi - plo)
                if fp <= 0:
                    continue
                for it in range(math.floor(tlo / 0.05), math.ceil(thi / 0.05)):
                    ft = max(0.0, min(thi, (it + 1) * 0.05) - max(tlo, it * 0.05)) / (thi - tlo)
                    if ft > 0:
                        grid[(it, ip)] = grid.get((it, ip), 0.0) + w * fp * ft
    return grid


def setup_foresee(foresee_path, work, seed, nsample):
    """A FORESEE instance in the scratch directory `work` (which the caller
    removes): darkscan's re-binned eta table as the only spectrum, the
    eta -> gamma A' production, FORESEE's dark-photon c tau and BR(mu mu)
    tables, and the NA62 cylinder. Imports FORESEE from `foresee_path`."""
    sys.path.insert(0, os.path.join(foresee_path, "src"))
    import numpy as np
    from foresee import Foresee, Model

    hdir = os.path.join(work, "files", "hadrons", "0.4TeV", "darkscan")
    os.makedirs(hdir)
    with open(os.path.join(hdir, "darkscan_0.4TeV_221.txt"), "w") as f:
        f.write("# darkscan eta table re-binned; weight = eta per collision\n")
        for (it, ip), w in sorted(rebinned_eta_table().items()):
            f.write(f"{(it + 0.5) * 0.05:.4f} {(ip + 0.5) * 0.05:.4f} {w * SIGMA_PB:.6e}\n")
    mdir = os.path.join(work, "Models", "DarkPhoton", "model")
    os.makedirs(os.path.join(mdir, "br"))
    src = os.path.join(foresee_path, "Models", "DarkPhoton", "model")
    shutil.copy(os.path.join(src, "ctau.txt"), mdir)
    shutil.copy(os.path.join(src, "br", "bfrac_muon.txt"), os.path.join(mdir, "br"))

    foresee = Foresee(path=work + "/")
    foresee.rng.seed(seed)
    np.random.seed(seed)
    model = Model("DarkPhoton", path=os.path.join(work, "Models", "DarkPhoton") + "/")
    model.add_production_2bodydecay(
        pid0="221",
        pid1="22",
        br="2.*0.3936 * coupling**2 * pow(1.-pow(mass/self.masses('pid0'),2),3)",
        generator=["darkscan"],
        energy="0.4",
        nsample=nsample,
    )
    model.set_ctau_1d(filename="model/ctau.txt")
    model.set_br_1d(modes=["bfrac_muon"], finalstates=[[13, -13]], filenames=["model/br/bfrac_muon.txt"])
    foresee.set_model(model)
    l_front, l_back = Z_MIN - TAX_Z, Z_MAX - TAX_Z
    l_mid = 0.5 * (l_front + l_back)
    foresee.set_detector(
        distance=l_front,
        selection=f"np.sqrt(p.x**2 + p.y**2) / p.z * {l_mid} < {RADIUS}",
        length=l_back - l_front,
        luminosity=1e-3 / SIGMA_PB,  # fb^-1
        channels=["bfrac_muon"],
    )
    return foresee


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", required=True, help="m:eps,m:eps,...")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--nsample", type=int, default=20, help="A' per eta (FORESEE nsample)")
    a = ap.parse_args()
    foresee_path = os.environ.get("FORESEE_PATH")
    if not foresee_path or not os.path.exists(os.path.join(foresee_path, "src", "foresee.py")):
        sys.exit("set FORESEE_PATH to a FORESEE checkout (see the module docstring)")
    sys.path.insert(0, os.path.join(foresee_path, "src"))
    import numpy as np

    work = tempfile.mkdtemp(prefix="darkscan-foresee-")
    try:
        foresee = setup_foresee(foresee_path, work, a.seed, a.nsample)
        points = [tuple(float(x) for x in p.split(":")) for p in a.points.split(",")]
        by_mass = {}
        for m, eps in points:
            by_mass.setdefault(m, []).append(eps)
        print("m_gev,eps,n_per_pot")
        for m, eps_list in by_mass.items():
            # FORESEE prints progress on stdout: keep stdout for the CSV.
            with contextlib.redirect_stdout(sys.stderr):
                foresee.get_llp_spectrum(m, coupling=1)
                couplings, _, nevents, _, _ = foresee.get_events(
                    mass=m,
                    energy="0.4",
                    couplings=np.array(eps_list),
                    modes={"221": ["darkscan"]},
                    preselectioncuts="th<0.02",
                )
            for eps, n in zip(couplings, nevents):
                print(f"{m},{eps},{float(np.ravel(n)[0]):.8e}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
