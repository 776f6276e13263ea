#!/usr/bin/env python3
"""Independent calculation of the eta -> gamma A' -> mu+ mu- yield in the NA62 dump.

A cross-check of darkscan's beam-dump chain (spectra sampling, meson decay,
A' widths, flight through the fiducial volume, decay probability) written
from the physics with the Python standard library only; it shares no code
with darkscan, only its inputs (the shipped tables and the geometry file).

Physics, per proton on target (POT), at signal efficiency 1 and with every
A' decay inside the fiducial cylinder counted (daughters' acceptance off):

  N/POT = n_eta * BR(eta -> gamma A') * BR(A' -> mu mu) * < P_decay >,

- n_eta and the (p, theta) spectrum: data/meson_spectra_p400.csv (Pythia 8,
  per inelastic pN collision ~ per POT for the thick TAX). A bin is drawn with
  probability proportional to its content; within it log10 p and log10 theta
  are uniform (theta^2 uniform in the underflow bin), as the table header
  prescribes.
- BR(eta -> gamma A') = 2 eps^2 (1 - m^2/M^2)^3 BR(eta -> gamma gamma)
  (Batell, Pospelov, Ritz, PRD 80 (2009) 095024), BR(eta -> gamma gamma) =
  0.3936 (PDG 2024), M_eta = 0.547862 GeV (PDG 2024).
- eta -> gamma A' isotropic in the eta rest frame, p* = (M^2 - m^2)/(2M).
- Widths (Ilten et al., JHEP 06 (2018) 004): Gamma_ll = (alpha eps^2 m/3)
  (1 + 2 r) sqrt(1 - 4 r), r = m_l^2/m^2; Gamma_had = (alpha eps^2 m/3) R(m)
  with R from data/r_ratio.csv (linear interpolation, 0 below the table);
  c tau = hbar c / Gamma_tot; alpha = 1/137.035999084 (CODATA 2018),
  hbar c = 1.973269804e-16 GeV m, m_e, m_mu from PDG 2024.
- P_decay = exp(-L1/lambda) - exp(-L2/lambda), lambda = (p/m) c tau, L1, L2
  the path lengths from the TAX (z = production.tax_z_m, on the axis) to the
  entry and exit of the cylinder r < fiducial.radius_m,
  fiducial.z_min_m < z < fiducial.z_max_m (presets/geometry/na62-dump.toml).

Output: one CSV line per (m, eps): m_gev, eps, n_per_pot, stat_err_per_pot.

Usage: eta_channel.py --points 0.25:1e-7,0.25:2e-6 [--events N] [--seed S]
"""

import argparse
import bisect
import csv
import math
import os
import random
import sys
import tomllib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CRATE = os.path.join(ROOT, "crates", "darkscan")

ALPHA = 1.0 / 137.035999084
HBARC_GEV_M = 1.973269804e-16
M_E = 0.51099895e-3
M_MU = 0.1056583755
M_ETA = 0.547862
BR_ETA_GG = 0.3936


def read_table(meson):
    bins, weights = [], []
    with open(os.path.join(CRATE, "data", "meson_spectra_p400.csv")) as f:
        rows = csv.reader(line for line in f if not line.startswith("#"))
        next(rows)  # header
        for r in rows:
            if r[0] != meson:
                continue
            bins.append(tuple(float(x) for x in r[1:5]))
            weights.append(float(r[5]))
    return bins, weights


def read_r():
    xs, ys = [], []
    with open(os.path.join(CRATE, "data", "r_ratio.csv")) as f:
        rows = csv.reader(line for line in f if not line.startswith("#"))
        next(rows)
        for r in rows:
            xs.append(float(r[0]))
            ys.append(float(r[1]))
    return xs, ys


def r_ratio(m, xs, ys):
    if m < xs[0]:
        return 0.0
    if m >= xs[-1]:
        return ys[-1]
    i = bisect.bisect_right(xs, m) - 1
    t = (m - xs[i]) / (xs[i + 1] - xs[i])
    return ys[i] + t * (ys[i + 1] - ys[i])


def gamma_ll(m, ml):
    r = ml * ml / (m * m)
    if 4 * r >= 1:
        return 0.0
    return ALPHA * m / 3 * (1 + 2 * r) * math.sqrt(1 - 4 * r)


def widths(m, rx, ry):
    """(BR_mumu, c tau in m at eps = 1)."""
    g_ee, g_mm = gamma_ll(m, M_E), gamma_ll(m, M_MU)
    g_had = ALPHA * m / 3 * r_ratio(m, rx, ry)
    tot = g_ee + g_mm + g_had
    return g_mm / tot, HBARC_GEV_M / tot


def path_lengths(d, z0, zmin, zmax, radius):
    """Entry/exit path lengths along unit direction d from (0, 0, z0)."""
    dx, dy, dz = d
    if dz <= 0:
        return None
    lo, hi = (zmin - z0) / dz, (zmax - z0) / dz
    dt2 = dx * dx + dy * dy
    if dt2 > 0:
        hi = min(hi, radius / math.sqrt(dt2))
    return (lo, hi) if hi > lo else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", required=True, help="m:eps,m:eps,...")
    ap.add_argument("--events", type=int, default=200000)
    ap.add_argument("--seed", type=int, default=12345)
    a = ap.parse_args()

    with open(os.path.join(CRATE, "presets", "geometry", "na62-dump.toml"), "rb") as f:
        geo = tomllib.load(f)
    z0 = geo["production"]["tax_z_m"]
    fid = geo["fiducial"]
    bins, weights = read_table("eta")
    n_eta = sum(weights)
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    rx, ry = read_r()

    points = [tuple(float(x) for x in p.split(":")) for p in a.points.split(",")]
    by_mass = {}
    for m, eps in points:
        by_mass.setdefault(m, []).append(eps)

    rng = random.Random(a.seed)
    print("m_gev,eps,n_per_pot,stat_err_per_pot")
    for m, eps_list in by_mass.items():
        br_mm, ctau1 = widths(m, rx, ry)
        pstar = (M_ETA * M_ETA - m * m) / (2 * M_ETA)
        e_star = math.sqrt(pstar * pstar + m * m)
        # Per eta: (L1, L2, beta gamma) of each A' that crosses the volume.
        tracks = []
        for _ in range(a.events):
            i = bisect.bisect_right(cum, rng.random() * acc)
            i = min(i, len(bins) - 1)
            plo, phi_, tlo, thi = bins[i]
            p = 10 ** (plo + (phi_ - plo) * rng.random())
            if tlo == -math.inf:
                th = 10**thi * math.sqrt(rng.random())
            else:
                th = 10 ** (tlo + (thi - tlo) * rng.random())
            az = 2 * math.pi * rng.random()
            # eta four-momentum
            px, py, pz = p * math.sin(th) * math.cos(az), p * math.sin(th) * math.sin(az), p * math.cos(th)
            e = math.sqrt(p * p + M_ETA * M_ETA)
            # A' in the eta rest frame
            c = 2 * rng.random() - 1
            s = math.sqrt(max(0.0, 1 - c * c))
            f = 2 * math.pi * rng.random()
            qx, qy, qz = pstar * s * math.cos(f), pstar * s * math.sin(f), pstar * c
            # boost by beta = p/e
            bx, by, bz = px / e, py / e, pz / e
            b2 = bx * bx + by * by + bz * bz
            g = e / M_ETA
            bq = bx * qx + by * qy + bz * qz
            k = (g - 1) * bq / b2 + g * e_star
            ax, ay, az_ = qx + k * bx, qy + k * by, qz + k * bz
            pa = math.sqrt(ax * ax + ay * ay + az_ * az_)
            pl = path_lengths((ax / pa, ay / pa, az_ / pa), z0, fid["z_min_m"], fid["z_max_m"], fid["radius_m"])
            if pl is not None:
                tracks.append((pl[0], pl[1], pa / m))
        n = a.events
        for eps in eps_list:
            ctau = ctau1 / (eps * eps)
            norm = n_eta * 2 * eps * eps * (1 - m * m / (M_ETA * M_ETA)) ** 3 * BR_ETA_GG * br_mm
            s1 = s2 = 0.0
            for l1, l2, bg in tracks:
                lam = bg * ctau
                pd = math.exp(-l1 / lam) - math.exp(-l2 / lam)
                s1 += pd
                s2 += pd * pd
            mean = s1 / n
            err = math.sqrt(max(0.0, s2 / n - mean * mean) / n)
            print(f"{m},{eps},{norm * mean:.8e},{norm * err:.8e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
