#!/usr/bin/env python3
"""Light-meson spectra for 400 GeV protons on the NA62 TAX (copper) dump.

Generates minimum-bias proton-proton and proton-neutron collisions with
Pythia 8 (PyPI package ``pythia8mc``, pinned to 8.317.2) in the fixed-target
frame (beam along +z, target at rest), counts every pi0, eta, eta'(958),
omega(782), rho0(770) and phi(1020) anywhere in the event record (prompt or
from the decay of a heavier hadron), bins each meson in log10(p/GeV) and
log10(theta/rad), combines pp and pn with the proton and neutron fractions of
copper, and writes a CSV table normalised to mesons per inelastic
nucleon-nucleon collision.

Usage::

    python3 tools/meson_spectra/generate.py                      # defaults
    python3 tools/meson_spectra/generate.py --events 200 --out /tmp/t.csv

See README.md in this directory for the table format and the physics choices.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
import time

PYTHIA_PIP_VERSION = "8.317.2"

#: (PDG id, column name) of the counted mesons, in table order.
MESONS = [
    (111, "pi0"),
    (221, "eta"),
    (331, "eta_prime"),
    (223, "omega"),
    (113, "rho0"),
    (333, "phi"),
]
MESON_IDS = {pid for pid, _ in MESONS}

BEAM_MOMENTUM_GEV = 400.0

#: TAX absorber material (copper): Z and A. NA62 Collaboration, "The beam and
#: detector of the NA62 experiment at CERN", JINST 12 (2017) P05025, Sec. 2.1:
#: the TAX motorised dump collimators are copper (and iron) blocks; the
#: protons not converted in the beryllium target are absorbed in the copper
#: part. Z = 29, A = 63.546 (standard atomic weight, rounded to 63.5 here).
TAX_Z = 29
TAX_A = 63.5

# Binning: 40 bins in log10(p/GeV) over [-1, log10(400)]; the same bin width
# continues below p = 0.1 GeV down to bin index P_MIN_BIN (the lowest bin also
# absorbs anything softer). 44 bins of width 0.125 in log10(theta/rad) over
# [-5, 0.5] (theta <= pi < 10^0.5) plus one underflow bin (index -1) for
# theta < 1e-5 rad.
N_P_BINS = 40
LOG_P_LO = -1.0
LOG_P_HI = math.log10(BEAM_MOMENTUM_GEV)
P_WIDTH = (LOG_P_HI - LOG_P_LO) / N_P_BINS
P_MIN_BIN = -12
LOG_T_LO = -5.0
T_WIDTH = 0.125
N_T_BINS = 44  # up to log10(theta) = 0.5
LOG_T_HI = LOG_T_LO + N_T_BINS * T_WIDTH


def pythia_settings(id_target: int, seed: int, processes: tuple[str, ...] = ("SoftQCD:all = on",)) -> list[str]:
    """The Pythia settings used for one beam/target combination: the 400 GeV/c
    proton beam on a nucleon at rest, the given process switches, the seed."""
    return [
        "Beams:frameType = 2",
        "Beams:idA = 2212",
        f"Beams:idB = {id_target}",
        f"Beams:eA = {BEAM_MOMENTUM_GEV:g}",
        "Beams:eB = 0",
        *processes,
        "Random:setSeed = on",
        f"Random:seed = {seed}",
        "Next:numberCount = 0",
        "Print:quiet = on",
    ]


def make_pythia(settings: list[str]):
    """An initialised `pythia8mc.Pythia` with `settings`; raises on any rejected setting."""
    import pythia8mc

    pythia = pythia8mc.Pythia("", False)
    for s in settings:
        if not pythia.readString(s):
            raise RuntimeError(f"Pythia rejected setting {s!r}")
    if not pythia.init():
        raise RuntimeError("Pythia initialisation failed")
    return pythia


def momentum_angle(prt) -> tuple[float, float]:
    """Lab momentum |p| in GeV and polar angle to the beam (+z) in rad of a Pythia particle."""
    pt = math.hypot(prt.px(), prt.py())
    return math.hypot(pt, prt.pz()), math.atan2(pt, prt.pz())


def p_bin(p: float) -> int:
    if p <= 0.0:
        return P_MIN_BIN
    i = math.floor((math.log10(p) - LOG_P_LO) / P_WIDTH)
    return max(P_MIN_BIN, min(N_P_BINS - 1, i))


def theta_bin(theta: float) -> int:
    if theta < 10.0**LOG_T_LO:
        return -1
    i = math.floor((math.log10(theta) - LOG_T_LO) / T_WIDTH)
    return min(N_T_BINS - 1, i)


def run_target(args: tuple[int, int, int]) -> dict:
    """Generates `n_events` p + target collisions; returns raw counts."""
    id_target, n_events, seed = args
    pythia = make_pythia(pythia_settings(id_target, seed))

    counts: dict[tuple[int, int, int], int] = {}
    sum_p = {pid: 0.0 for pid in MESON_IDS}
    n_ok = n_elastic = n_failed = 0
    t0 = time.time()
    while n_ok < n_events:
        if not pythia.next():
            n_failed += 1
            if n_failed > 1000 + n_events // 10:
                raise RuntimeError("too many failed events")
            continue
        n_ok += 1
        info = pythia.infoPython()
        if info.code() == 102:  # elastic: no mesons, not in the denominator
            n_elastic += 1
            continue
        ev = pythia.event
        for i in range(ev.size()):
            prt = ev[i]
            pid = prt.id()
            if pid not in MESON_IDS:
                continue
            # Count each physical meson once, even if the record holds copies.
            if prt.iTopCopyId() != i:
                continue
            p, theta = momentum_angle(prt)
            key = (pid, p_bin(p), theta_bin(theta))
            counts[key] = counts.get(key, 0) + 1
            sum_p[pid] += p
    info = pythia.infoPython()
    sigma = {code: info.sigmaGen(code) for code in (101, 102, 103, 104, 105, 106)}
    return {
        "id_target": id_target,
        "seed": seed,
        "n_events": n_ok,
        "n_elastic": n_elastic,
        "n_inelastic": n_ok - n_elastic,
        "counts": counts,
        "sum_p": sum_p,
        "sigma_mb": sigma,
        "version": pythia.settings.parm("Pythia:versionNumber"),
        "seconds": time.time() - t0,
    }


def edges_p(ip: int) -> tuple[float, float]:
    lo = LOG_P_LO + ip * P_WIDTH
    return lo, lo + P_WIDTH


def edges_theta(it: int) -> tuple[str, str]:
    if it < 0:
        return "-inf", f"{LOG_T_LO:.3f}"
    lo = LOG_T_LO + it * T_WIDTH
    return f"{lo:.3f}", f"{lo + T_WIDTH:.3f}"


def table_rows(combined: dict, species: list[tuple[int, str]]) -> list[str]:
    """CSV rows `name,log10p_lo,log10p_hi,log10theta_lo,log10theta_hi,weight,n_mc`
    from {(pid, p bin, theta bin): [weight, n_mc]}, in the order of `species`
    ((pid, name) pairs), then by p bin and theta bin."""
    order = {pid: i for i, (pid, _) in enumerate(species)}
    name = dict(species)
    rows = []
    for (pid, ip, it), (w, n) in sorted(combined.items(), key=lambda kv: (order[kv[0][0]], kv[0][1], kv[0][2])):
        plo, phi = edges_p(ip)
        tlo, thi = edges_theta(it)
        rows.append(f"{name[pid]},{plo:.5f},{phi:.5f},{tlo},{thi},{w:.5e},{n}")
    return rows


def write_table(path: str, results: list[dict], seed: int, argv: list[str]) -> dict:
    """Combines pp and pn and writes the CSV; returns the multiplicities."""
    by_target = {r["id_target"]: r for r in results}
    pp, pn = by_target[2212], by_target[2112]
    w_p = TAX_Z / TAX_A
    w_n = 1.0 - w_p
    # Per inelastic collision: each sample is divided by its own number of
    # inelastic events, then weighted by the target nucleon fractions.
    scale = {2212: w_p / pp["n_inelastic"], 2112: w_n / pn["n_inelastic"]}
    combined: dict[tuple[int, int, int], list] = {}
    for r in results:
        for key, n in r["counts"].items():
            c = combined.setdefault(key, [0.0, 0])
            c[0] += n * scale[r["id_target"]]
            c[1] += n
    mult = {pid: 0.0 for pid, _ in MESONS}
    for (pid, _, _), (w, _) in combined.items():
        mult[pid] += w
    # Unbinned mean momentum, with the same pp/pn weights (a check of the binning).
    mean_p = {}
    for pid, _ in MESONS:
        num = sum(r["sum_p"][pid] * scale[r["id_target"]] for r in results)
        mean_p[pid] = num / mult[pid] if mult[pid] > 0 else float("nan")

    def sig_line(r: dict) -> str:
        s = r["sigma_mb"]
        inel = s[101] + s[103] + s[104] + s[105] + s[106]
        return (
            f"sigma_tot {sum(s.values()):.2f} mb, sigma_el {s[102]:.2f} mb, "
            f"sigma_inel {inel:.2f} mb (ND {s[101]:.2f}, SD {s[103]:.2f}+{s[104]:.2f}, "
            f"DD {s[105]:.2f}, CD {s[106]:.2f})"
        )

    name = {pid: n for pid, n in MESONS}
    lines = [
        "# Light-meson spectra: 400 GeV/c protons on the NA62 TAX copper dump, per inelastic nucleon-nucleon collision.",
        f"# Generator: Pythia {pp['version']:.3f} (PyPI pythia8mc=={PYTHIA_PIP_VERSION}), tools/meson_spectra/generate.py",
        f"# Command: generate.py {' '.join(argv)}",
        "# Settings: Beams:frameType = 2, Beams:idA = 2212, Beams:idB = 2212 (pp) or 2112 (pn), Beams:eA = 400, Beams:eB = 0,",
        "#   SoftQCD:all = on (ND + SD + DD + CD + elastic), all other settings Pythia defaults (Monash tune); lab frame, beam along +z.",
        f"# Seeds: Random:seed = {pp['seed']} (pp), {pn['seed']} (pn)  [master seed {seed}]",
        f"# Events: pp {pp['n_events']} generated, {pp['n_elastic']} elastic, {pp['n_inelastic']} inelastic;"
        f" pn {pn['n_events']} generated, {pn['n_elastic']} elastic, {pn['n_inelastic']} inelastic",
        f"# Pythia cross sections pp: {sig_line(pp)}",
        f"# Pythia cross sections pn: {sig_line(pn)}",
        "# Normalisation: mesons per INELASTIC pN collision. Elastic events are generated (SoftQCD:all) but contain no mesons",
        "#   and are excluded from the denominator. pp and pn are each normalised to their own inelastic events, then combined",
        f"#   with weights Z/A = {w_p:.4f} (pp) and N/A = {w_n:.4f} (pn) for copper Z = {TAX_Z}, A = {TAX_A}",
        "#   (TAX material: NA62 Collaboration, JINST 12 (2017) P05025, Sec. 2.1).",
        "# Counting: every pi0 (111), eta (221), eta' (331), omega (223), rho0 (113), phi (333) in the full event record,",
        "#   prompt or from decays of heavier hadrons (e.g. omega -> pi0 gamma, eta' -> eta pi pi, K_S -> pi0 pi0 is included",
        "#   since Pythia decays K_S by default); Pythia record copies are counted once. Antiparticles: all six are self-conjugate.",
        "# Per proton on target: multiply by P_int, the probability of an inelastic interaction in the dump. For a thick dump (TAX ~ 20 lambda_I) P_int ~ 1,",
        "#   so per POT ~ per collision. To convert to a cross section use sigma_inel(pp, sqrt(s) = 27.4 GeV) ~ 32 mb",
        "#   (PDG 2024 plots of cross sections; Pythia gives the values above). Nuclear effects in pCu (A-dependence of",
        "#   the spectra, Cronin effect) and secondary interactions in the dump (cascade of produced hadrons and of the",
        "#   leading nucleon) are NEGLECTED: the cascade adds soft mesons, typically a few tens of % to the total",
        "#   multiplicity and more at low momentum; treat the table as uncertain at the ~30 % level (more for p < 10 GeV).",
        f"# Binning: log10(p/GeV) bins of width {P_WIDTH:.6f} on the grid starting at {LOG_P_LO} (40 bins up to log10(400));",
        f"#   the grid continues down to log10(p) = {LOG_P_LO + P_MIN_BIN * P_WIDTH:.5f}, the lowest bin also holding all softer mesons.",
        f"#   log10(theta/rad) bins of width {T_WIDTH} over [{LOG_T_LO}, {LOG_T_HI}] (theta w.r.t. the beam; theta <= pi),",
        f"#   plus an underflow bin theta < 1e-5 rad (log10theta_lo = -inf; dN/dOmega is flat there: sample uniformly in theta^2).",
        "#   Only non-empty bins are listed.",
        "# Multiplicities (per inelastic pN collision): "
        + ", ".join(f"{name[pid]} {mult[pid]:.5g}" for pid, _ in MESONS),
        "# Mean momentum in GeV (unbinned, same weights): "
        + ", ".join(f"{name[pid]} {mean_p[pid]:.5g}" for pid, _ in MESONS),
        "# Columns: meson, log10p_lo, log10p_hi, log10theta_lo, log10theta_hi, n_per_collision (mesons per inelastic",
        "#   collision in this bin), n_mc (raw generated count pp + pn, for the statistical uncertainty ~ 1/sqrt(n_mc))",
        "meson,log10p_lo,log10p_hi,log10theta_lo,log10theta_hi,n_per_collision,n_mc",
    ]
    rows = table_rows(combined, MESONS)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines + rows) + "\n")
    return {name[pid]: mult[pid] for pid, _ in MESONS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=200_000, help="events per target (pp and pn), default 200000")
    ap.add_argument("--out", default="crates/darkscan/data/meson_spectra_p400.csv", help="output CSV path")
    ap.add_argument("--seed", type=int, default=20240400, help="master seed; pp uses seed, pn seed+1")
    ap.add_argument("--jobs", type=int, default=2, help="parallel processes (pp and pn), default 2")
    a = ap.parse_args()
    if a.events <= 0:
        ap.error("--events must be positive")
    try:
        import pythia8mc  # noqa: F401
    except ImportError:
        print(f"pythia8mc not installed: pip install pythia8mc=={PYTHIA_PIP_VERSION}", file=sys.stderr)
        return 2
    tasks = [(2212, a.events, a.seed), (2112, a.events, a.seed + 1)]
    if a.jobs > 1:
        with multiprocessing.Pool(min(a.jobs, 2)) as pool:
            results = pool.map(run_target, tasks)
    else:
        results = [run_target(t) for t in tasks]
    for r in results:
        print(
            f"target {r['id_target']}: {r['n_events']} events ({r['n_inelastic']} inelastic) in {r['seconds']:.1f} s",
            file=sys.stderr,
        )
    argv = [f"--events {a.events}", f"--seed {a.seed}"]
    mult = write_table(a.out, results, a.seed, argv)
    print("multiplicities per inelastic pN collision:", ", ".join(f"{k} {v:.4g}" for k, v in mult.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
