#!/usr/bin/env python3
"""Generate crates/darkscan/data/r_ratio.csv from the PDG R(s) compilation.

Input: the PDG 2020 compilation of R(s) = sigma(e+e- -> hadrons)/sigma_pt(e+e- -> mu+mu-),
file rpp2020-hadronicrpp_page1001.dat (https://pdg.lbl.gov/2020/hadronic-xsections/hadron.html;
P.A. Zyla et al. (Particle Data Group), PTEP 2020, 083C01), in the two-column copy with
duplicate sqrt(s) values removed that GAMBIT ships (repository kdund/gambit, file
Elements/data/rpp2020-hadronicrpp_page1001_removed-duplicates.dat, commit 2609e433e6...;
GAMBIT is BSD-3-Clause). Lines starting with '*' are comments; the rest are "sqrt(s)/GeV R".

Usage (standard library only, deterministic):

    python3 tools/r_ratio/make_r_ratio.py PDG_FILE > crates/darkscan/data/r_ratio.csv

Method (written into the output header too):

1. Points with sqrt(s) <= 2.0 GeV are used. Above 2.0 GeV darkscan continues R with the value of
   the last row (the PDG point at 2.000 GeV); the table does not cover charm.
2. Smoothing variable: G = R / (beta^3/4), beta = sqrt(1 - 4 m_pi+^2/s). For pi+pi- alone G is
   |F_pi(s)|^2; near threshold R vanishes like beta^3 while G varies slowly, so smoothing G does
   not bias the threshold rise. (At sqrt(s) >~ 1 GeV beta ~ 1 and G ~ 4R.)
3. Outside the two resonance windows, G at every PDG sqrt(s) is replaced by a local linear
   least-squares fit with Gaussian weights exp(-(dx/h)^2/2), h = max(2 MeV, distance to the
   third-nearest PDG point). The unweighted fit (the two-column copy has no uncertainties)
   averages the point-to-point scatter of the measurements (typically 2-5 % below 1 GeV).
4. Resonance windows, points kept as published (no smoothing, which would lower the peaks):
   omega 0.760-0.810 GeV (rho-omega interference region) and phi 1.000-1.040 GeV. The points
   there are spaced 0.01-2 MeV, finer than Gamma_omega = 8.7 MeV and Gamma_phi = 4.2 MeV.
   J/psi and psi(2S) are not in the table (sqrt(s) > 2 GeV; the PDG R points exclude the narrow
   charmonia anyway).
5. Threshold, 2 m_pi+ < sqrt(s) < 0.350 GeV: R = (beta^3/4) G(s) with the pion form factor
   expanded about s = 0, G(s) = |F_pi(s)|^2 = 1 + (<r^2>/3) s + b s^2: |F_pi(0)| = 1 (charge),
   the slope from the PDG 2020 charged-pion charge radius, <r^2>^(1/2) = 0.659 fm, and b fitted
   (least squares in the relative residual, no uncertainties available) to the PDG points with
   sqrt(s) <= 0.400 GeV. This is the pi+pi- P-wave threshold law sigma ~ beta^3 |F_pi|^2; it
   replaces the five PDG points 0.300-0.345 GeV, whose G scatters by +-7 % about the fit (the first,
   0.300 GeV, R = 0.01996, is 10 % above it: it alone would give |F_pi|^2 = 1.62, against 1.42 from
   the charge radius with the same curvature). Rows every 2 MeV up to 0.300 GeV, then every 5 MeV.
"""

import hashlib
import math
import sys

M_PI_CHARGED = 0.13957039  # GeV, PDG 2020
S_MAX = 2.0  # GeV, last sqrt(s) used
WINDOWS = [(0.760, 0.810), (1.000, 1.040)]  # omega, phi: raw points
H_MIN = 0.002  # GeV, minimum kernel width
NEIGHBOUR = 3  # kernel width at least the distance to the 3rd-nearest point
HBARC_GEV_FM = 0.1973269804  # GeV fm, PDG 2020
PION_RADIUS_FM = 0.659  # <r^2>^(1/2) of pi+, PDG 2020
THRESHOLD_END = 0.350  # GeV: the form-factor expansion is used below, smoothed data above
THRESHOLD_FIT_MAX = 0.400  # GeV: PDG points used to fit the curvature b


def beta3_over_4(x):
    b2 = 1.0 - 4.0 * M_PI_CHARGED**2 / (x * x)
    return b2 ** 1.5 / 4.0 if b2 > 0.0 else 0.0


def read_points(path):
    xs, rs = [], []
    with open(path) as f:
        for line in f:
            if line.startswith("*") or not line.strip():
                continue
            a, b = line.split()[:2]
            xs.append(float(a))
            rs.append(float(b))
    return xs, rs


def in_window(x):
    return any(lo <= x <= hi for lo, hi in WINDOWS)


def local_linear(xs, gs, i):
    x0 = xs[i]
    d = sorted(abs(x - x0) for x in xs)
    h = max(H_MIN, d[NEIGHBOUR])
    sw = swx = swxx = swy = swxy = 0.0
    for x, g in zip(xs, gs):
        t = (x - x0) / h
        if abs(t) > 5.0:
            continue
        w = math.exp(-0.5 * t * t)
        u = x - x0
        sw += w
        swx += w * u
        swxx += w * u * u
        swy += w * g
        swxy += w * u * g
    det = sw * swxx - swx * swx
    if det <= 0.0:
        return gs[i]
    # Intercept of the weighted straight line at x0.
    return (swxx * swy - swx * swxy) / det


def main():
    path = sys.argv[1]
    raw = open(path, "rb").read()
    digest = hashlib.sha256(raw).hexdigest()
    xs_all, rs_all = read_points(path)
    pts = [(x, r) for x, r in zip(xs_all, rs_all) if x <= S_MAX + 1e-12]
    xs = [p[0] for p in pts]
    rs = [p[1] for p in pts]
    gs = [r / beta3_over_4(x) for x, r in zip(xs, rs)]
    out = []
    for i, x in enumerate(xs):
        if in_window(x) or i == len(xs) - 1:
            out.append((x, rs[i]))
        else:
            out.append((x, beta3_over_4(x) * local_linear(xs, gs, i)))
    # Threshold: G = 1 + a s + b s^2 with a = <r^2>/3 fixed, b fitted to the PDG points.
    a = (PION_RADIUS_FM / HBARC_GEV_FM) ** 2 / 3.0
    fit = [(x * x, g) for x, g in zip(xs, gs) if x <= THRESHOLD_FIT_MAX + 1e-12]
    b = sum(t * t * (g - 1.0 - a * t) / g**2 for t, g in fit) / sum(t**4 / g**2 for t, g in fit)

    def r_threshold(x):
        t = x * x
        return beta3_over_4(x) * (1.0 + a * t + b * t * t)

    grid = [0.280 + 0.002 * k for k in range(10)] + [0.300 + 0.005 * k for k in range(10)]
    thr = [(x, r_threshold(x)) for x in grid if x < THRESHOLD_END - 1e-9]
    out = [(x, r) for x, r in out if x >= THRESHOLD_END - 1e-9]
    rows = thr + out
    # Residuals of the raw points from the table (outside windows), for the header.
    def scatter(lo, hi):
        table = dict(out)
        res = [
            r / (table[x] if x in table else r_threshold(x)) - 1.0
            for x, r in zip(xs, rs)
            if lo <= x < hi and not in_window(x)
        ]
        return math.sqrt(sum(v * v for v in res) / len(res)), max(abs(v) for v in res), len(res)

    w = sys.stdout.write
    w("# Hadronic R(sqrt s) = sigma(e+e- -> hadrons) / sigma_pt(e+e- -> mu+mu-), sigma_pt = 4 pi alpha^2/(3s).\n")
    w("# Source: Particle Data Group, R(s) compilation rpp2020-hadronicrpp_page1001.dat\n")
    w("#   (https://pdg.lbl.gov/2020/hadronic-xsections/hadron.html), P.A. Zyla et al. (PDG), PTEP 2020, 083C01;\n")
    w("#   read from the two-column, duplicates-removed copy in repository kdund/gambit,\n")
    w("#   Elements/data/rpp2020-hadronicrpp_page1001_removed-duplicates.dat (commit 2609e433e6064e2a88b54494c19cd69e80438450,\n")
    w(f"#   sha256 {digest}).\n")
    w("# Licence/terms: PDG data are free to use with citation of the Review of Particle Physics (cite PTEP 2020, 083C01);\n")
    w("#   the PTEP 2020 Review is published open access under CC BY 4.0. The GAMBIT copy is BSD-3-Clause\n")
    w("#   (Copyright (c) 2017-2024, The GAMBIT Collaboration). This derived table is shipped under darkscan's licence with this attribution.\n")
    w("# Generator: python3 tools/r_ratio/make_r_ratio.py PDG_FILE > crates/darkscan/data/r_ratio.csv\n")
    w("# Method (details in the generator's docstring):\n")
    w("#   PDG points with sqrt(s) <= 2.0 GeV; G = R/(beta^3/4), beta = sqrt(1 - 4 m_pi+^2/s), smoothed by a local linear\n")
    w("#   Gaussian-kernel fit (h = max(2 MeV, distance to the 3rd-nearest point)) and evaluated at every PDG sqrt(s);\n")
    w("#   omega window 0.760-0.810 GeV and phi window 1.000-1.040 GeV and the 2.000 GeV point: PDG values as published;\n")
    w("#   2 m_pi+ < sqrt(s) < 0.350 GeV: R = (beta^3/4)(1 + (<r^2>/3) s + b s^2) (pi+pi- threshold law, |F_pi(0)| = 1,\n")
    w(f"#   <r^2>^(1/2) = {PION_RADIUS_FM} fm from PDG 2020, b = {b:.4f} GeV^-4 fitted to the PDG points up to 0.400 GeV).\n")
    w("#   Above the last row darkscan keeps R constant (the PDG value at 2.000 GeV); no charm, no J/psi.\n")
    for lo, hi in [(0.3, 0.35), (0.35, 0.5), (0.5, 0.76), (0.81, 1.0), (1.04, 2.0)]:
        rms, mx, n = scatter(lo, hi)
        w(f"#   Raw PDG points vs this table, {lo:.2f}-{hi:.2f} GeV: rms {100*rms:.1f} %, max {100*mx:.1f} % ({n} points).\n")
    w("# Columns: sqrt_s [GeV], R\n")
    w("sqrt_s_gev,r\n")
    for x, r in rows:
        w(f"{x:.5f},{r:.7g}\n")


if __name__ == "__main__":
    main()
