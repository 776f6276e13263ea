#!/usr/bin/env python3
"""Heavy-flavour parent spectra for 400 GeV protons on the NA62 TAX (copper) dump.

Generates, with Pythia 8 (PyPI ``pythia8mc``, pinned to 8.317.2) in the
fixed-target frame, proton-proton and proton-neutron collisions of three
kinds:

* ``charm``:  ``HardQCD:hardccbar`` (gg -> cc̄, qq̄ -> cc̄, massive matrix
  elements): D0, D0bar, D+, D-, Ds+, Ds-, Lambda_c+ and its antiparticle,
  normalised per produced cc̄ pair (one hard pair per event);
* ``beauty``: ``HardQCD:hardbbbar``: B+, B-, B0, B0bar, Bs0, Bs0bar,
  Lambda_b0 and its antiparticle, per produced bb̄ pair;
* ``jpsi``:   ``Charmonium:all`` (NRQCD colour-singlet and colour-octet
  processes): prompt J/psi (direct and from chi_c, psi(2S) decays), as a
  shape normalised to one J/psi.

Each hadron is binned in log10(p/GeV) and log10(theta/rad) with the binning
of the light-meson table (``generate.py``, whose helpers this script uses),
pp and pn are combined with the nucleon fractions of copper weighted by
Pythia's pp and pn cross sections, and the table header states the
normalisation to protons on target (chi = sigma/sigma_inel per nucleon, from
cited measurements) and everything needed to reproduce the file.

Usage::

    python3 tools/meson_spectra/heavy_flavour.py                 # defaults
    python3 tools/meson_spectra/heavy_flavour.py --events 200 --out /tmp/hf.csv

See README.md in this directory for the table format and the physics choices.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as light  # noqa: E402  (binning, Pythia set-up and row helpers)

# --- The hadrons -----------------------------------------------------------

#: For each source: Pythia process switches, the tabulated hadrons
#: ((PDG id, table name), antiparticles as separate rows), and the other
#: weakly decaying hadrons of the flavour, counted (with antiparticles) only
#: for the "hadrons per pair" check in the header.
SOURCES: dict[str, dict] = {
    "charm": {
        "processes": ("HardQCD:hardccbar = on",),
        "species": [
            (421, "D0"),
            (-421, "D0bar"),
            (411, "D+"),
            (-411, "D-"),
            (431, "Ds+"),
            (-431, "Ds-"),
            (4122, "Lambdac+"),
            (-4122, "Lambdacbar-"),
        ],
        # Xi_c+, Xi_c0, Omega_c0 (and antiparticles).
        "other": (4232, 4132, 4332),
        # Quark digits of charmonium codes: 443 -> 44, 100443 -> 44, ...
        "onium": 44,
        "unit": "cc̄ pair",
    },
    "beauty": {
        "processes": ("HardQCD:hardbbbar = on",),
        "species": [
            (521, "B+"),
            (-521, "B-"),
            (511, "B0"),
            (-511, "B0bar"),
            (531, "Bs0"),
            (-531, "Bs0bar"),
            (5122, "Lambdab0"),
            (-5122, "Lambdab0bar"),
        ],
        # B_c+, Xi_b0, Xi_b-, Omega_b- (and antiparticles).
        "other": (541, 5232, 5132, 5332),
        "onium": 55,
        "unit": "bb̄ pair",
    },
    "jpsi": {
        "processes": ("Charmonium:all = on",),
        "species": [(443, "J/psi")],
        "other": (),
        "onium": None,
        "unit": "prompt J/psi",
    },
}
SOURCE_ORDER = ["charm", "beauty", "jpsi"]
ALL_SPECIES = [s for src in SOURCE_ORDER for s in SOURCES[src]["species"]]

# --- Normalisation inputs (cited; see README.md) -------------------------------
# Each value below is quoted from the named source through secondary texts
# (the primary documents could not be opened when this was written): they are
# marked "unverified" in the table header until someone checks them.

#: sigma(pN -> cc̄ X) per nucleon at 400 GeV/c: 18.1 +- 1.7 ub. SHiP
#: Collaboration, Technical Proposal, CERN-SPSC-2015-016 (arXiv:1504.04956),
#: Sec. 5.3, from the data compilation of C. Lourenço and H.K. Wöhri,
#: Phys. Rept. 433 (2006) 127. UNVERIFIED (secondary quote).
SIGMA_CC_UB = 18.1
#: chi_bb̄ = sigma_bb̄/sigma_pN = 1.6e-7 for the SHiP molybdenum target and
#: sigma_pN = 10.7 mb, the inelastic cross section per nucleon in Mo
#: (sigma_pA/A with sigma_pA ~ A^0.71). SHiP Collaboration, "Sensitivity of
#: the SHiP experiment to Heavy Neutral Leptons", JHEP 04 (2019) 077
#: (arXiv:1811.00930), Table 1 (which also gives chi_cc̄ = 1.7e-3), and the
#: Technical Proposal, Eq. (5.15). UNVERIFIED (secondary quote).
CHI_BB_MO = 1.6e-7
SIGMA_PN_MO_MB = 10.7
ALPHA_INEL = 0.71
#: Standard atomic weights (IUPAC 2021): Mo 95.95, Cu 63.546.
A_MO = 95.95
A_CU = 63.546
#: Cascade enhancement in a thick target (secondary hadrons making more
#: charm/beauty), 2.3 for charm and 1.7 for beauty: H. Dijkstra and T. Ruf,
#: "Heavy Flavour Cascade Production in a Beam Dump", CERN-SHiP-NOTE-2015-009
#: (SHiP Mo/W target). NOT applied in the table. UNVERIFIED (secondary quote).
CASCADE_CHARM = 2.3
CASCADE_BEAUTY = 1.7
#: B(J/psi -> mu+ mu-) sigma(J/psi)/A = 0.99 +- 0.04 nb per nucleon in
#: 0.3 < y_cm < 0.6: NA50's 400 GeV measurement extrapolated to that window
#: (and to Mo/W), as quoted in the abstract of SHiP Collaboration,
#: "Measurement of di-muons from 400 GeV/c protons interacting in a thick
#: molybdenum/tungsten target", arXiv:2604.03661 (which measures
#: 1.18 +- 0.04 +- 0.10 nb in the SHiP thick target).
JPSI_BMUMU_SIGMA_WINDOW_NB = 0.99
JPSI_Y_WINDOW = (0.3, 0.6)
#: B(J/psi -> mu+ mu-) = 5.961 %, PDG 2024 (S. Navas et al., PRD 110 (2024) 030001).
BR_JPSI_MUMU = 0.05961


def sigma_inel_per_nucleon_cu_mb() -> float:
    """sigma_inel(p Cu)/A in mb, scaled from SHiP's 10.7 mb for Mo with sigma_pA ~ A^0.71."""
    return SIGMA_PN_MO_MB * (A_CU / A_MO) ** (ALPHA_INEL - 1.0)


def chi_per_pot(jpsi_window_fraction: float) -> dict[str, float]:
    """Pairs (or prompt J/psi) per inelastic pN collision in copper, i.e. per POT
    for a thick dump without the cascade: sigma/A over sigma_inel/A (charm and
    beauty production scale as A^1)."""
    s_inel = sigma_inel_per_nucleon_cu_mb()
    sigma_bb_mb = CHI_BB_MO * SIGMA_PN_MO_MB
    sigma_jpsi_nb = JPSI_BMUMU_SIGMA_WINDOW_NB / BR_JPSI_MUMU / jpsi_window_fraction
    return {
        "charm": SIGMA_CC_UB * 1e-3 / s_inel,
        "beauty": sigma_bb_mb / s_inel,
        "jpsi": sigma_jpsi_nb * 1e-6 / s_inel,
    }


# --- Generation ---------------------------------------------------------------


def is_onium(pid: int, quark_digits: int) -> bool:
    """Whether `pid` is a QQ̄ state (its two quark digits are `quark_digits`, 44 or 55)."""
    a = abs(pid)
    return a > 100 and (a // 10) % 100 == quark_digits and (a // 1000) % 10 == 0


def run_source(args: tuple[str, int, int, int]) -> dict:
    """Generates `n_events` events of one source on one target; returns raw counts."""
    source, id_target, n_events, seed = args
    src = SOURCES[source]
    settings = light.pythia_settings(id_target, seed, src["processes"])
    pythia = light.make_pythia(settings)
    ids = {pid for pid, _ in src["species"]}
    other = set(src["other"])
    onium = src["onium"]
    # Rapidity of the pN centre-of-mass frame in the lab (beam along +z).
    m_target = pythia.particleData.m0(id_target)
    e_beam = math.hypot(light.BEAM_MOMENTUM_GEV, pythia.particleData.m0(2212))
    y_cm = math.atanh(light.BEAM_MOMENTUM_GEV / (e_beam + m_target))
    y_lo, y_hi = JPSI_Y_WINDOW

    counts: dict[tuple[int, int, int], int] = {}
    sum_p = {pid: 0.0 for pid in ids}
    n_species = {pid: 0 for pid in ids}
    n_other = 0
    n_onium = 0
    n_window = 0
    n_ok = n_failed = 0
    t0 = time.time()
    while n_ok < n_events:
        if not pythia.next():
            n_failed += 1
            if n_failed > 1000 + n_events // 10:
                raise RuntimeError("too many failed events")
            continue
        n_ok += 1
        ev = pythia.event
        for i in range(ev.size()):
            prt = ev[i]
            pid = prt.id()
            if pid in ids:
                # Count each physical hadron once (production flavour: a B0
                # that oscillates is counted as produced).
                if prt.iTopCopyId() != i:
                    continue
                p, theta = light.momentum_angle(prt)
                key = (pid, light.p_bin(p), light.theta_bin(theta))
                counts[key] = counts.get(key, 0) + 1
                sum_p[pid] += p
                n_species[pid] += 1
                if source == "jpsi" and y_lo < prt.y() - y_cm < y_hi:
                    n_window += 1
            elif abs(pid) in other and prt.iTopCopyId() == i:
                n_other += 1
            elif onium is not None and is_onium(pid, onium) and prt.iTopCopyId() == i:
                # A QQ̄ pair that collapsed into quarkonium (counted once: not
                # the products of another quarkonium's decay).
                if not is_onium(ev[prt.mother1()].id(), onium):
                    n_onium += 1
    info = pythia.infoPython()
    return {
        "source": source,
        "id_target": id_target,
        "seed": seed,
        "settings": settings,
        "n_events": n_ok,
        "n_failed": n_failed,
        "counts": counts,
        "sum_p": sum_p,
        "n_species": n_species,
        "n_other": n_other,
        "n_onium": n_onium,
        "n_window": n_window,
        "sigma_mb": info.sigmaGen(),
        "sigma_err_mb": info.sigmaErr(),
        "version": pythia.settings.parm("Pythia:versionNumber"),
        "seconds": time.time() - t0,
    }


def combine(source: str, pp: dict, pn: dict) -> dict:
    """Per-unit weights of pp and pn and the combined table entries of one source.

    A unit is one event (= one hard QQ̄ pair) for charm and beauty and one
    J/psi for the jpsi source. The two targets are weighted by their share of
    the production in copper: (Z/A) sigma_pp u_pp/n_pp against
    (N/A) sigma_pn u_pn/n_pn, with u the number of units and n of events.
    """
    w_p = light.TAX_Z / light.TAX_A
    frac = {2212: w_p, 2112: 1.0 - w_p}
    units = {}
    rate = {}
    for r in (pp, pn):
        t = r["id_target"]
        u = r["n_events"] if source != "jpsi" else sum(r["n_species"].values())
        if u == 0:
            raise RuntimeError(f"{source}: no J/psi generated on target {t}; increase --events")
        units[t] = u
        rate[t] = frac[t] * r["sigma_mb"] * u / r["n_events"]
    total = sum(rate.values())
    weight = {t: rate[t] / total for t in rate}  # share of the units in Cu
    scale = {t: weight[t] / units[t] for t in units}
    combined: dict[tuple[int, int, int], list] = {}
    for r in (pp, pn):
        for key, n in r["counts"].items():
            c = combined.setdefault(key, [0.0, 0])
            c[0] += n * scale[r["id_target"]]
            c[1] += n
    species = SOURCES[source]["species"]
    mult = {pid: 0.0 for pid, _ in species}
    for (pid, _, _), (w, _) in combined.items():
        mult[pid] += w
    mean_p = {}
    for pid, _ in species:
        num = sum(r["sum_p"][pid] * scale[r["id_target"]] for r in (pp, pn))
        mean_p[pid] = num / mult[pid] if mult[pid] > 0 else float("nan")
    other = sum(r["n_other"] * scale[r["id_target"]] for r in (pp, pn))
    onium = sum(r["n_onium"] * scale[r["id_target"]] for r in (pp, pn))
    window = sum(r["n_window"] * scale[r["id_target"]] for r in (pp, pn))
    return {
        "weight": weight,
        "combined": combined,
        "mult": mult,
        "mean_p": mean_p,
        "other": other,
        "onium": onium,
        "window": window,
    }


def write_table(path: str, results: list[dict], seed: int, argv: list[str]) -> dict:
    """Writes the CSV; returns the per-unit multiplicities, the window fraction and chi."""
    by = {(r["source"], r["id_target"]): r for r in results}
    comb = {s: combine(s, by[(s, 2212)], by[(s, 2112)]) for s in SOURCE_ORDER}
    window = comb["jpsi"]["window"]
    chi = chi_per_pot(window)
    s_inel = sigma_inel_per_nucleon_cu_mb()
    name = dict(ALL_SPECIES)
    version = results[0]["version"]

    def seeds(s: str) -> str:
        return f"{by[(s, 2212)]['seed']} (pp), {by[(s, 2112)]['seed']} (pn)"

    def events(s: str) -> str:
        pp, pn = by[(s, 2212)], by[(s, 2112)]
        return f"pp {pp['n_events']}, pn {pn['n_events']}"

    def sigma(s: str) -> str:
        pp, pn = by[(s, 2212)], by[(s, 2112)]
        return (
            f"pp {pp['sigma_mb'] * 1e3:.4g} +- {pp['sigma_err_mb'] * 1e3:.2g} ub, "
            f"pn {pn['sigma_mb'] * 1e3:.4g} +- {pn['sigma_err_mb'] * 1e3:.2g} ub"
        )

    def mults(s: str) -> str:
        return ", ".join(f"{name[pid]} {comb[s]['mult'][pid]:.5g}" for pid, _ in SOURCES[s]["species"])

    def means(s: str) -> str:
        return ", ".join(f"{name[pid]} {comb[s]['mean_p'][pid]:.5g}" for pid, _ in SOURCES[s]["species"])

    def hadrons_per_pair(s: str) -> str:
        tab = sum(comb[s]["mult"].values())
        other, onium = comb[s]["other"], comb[s]["onium"]
        return (
            f"tabulated {tab:.5f} + other {other:.5f} + 2 x onium {onium:.5f} = {tab + other + 2 * onium:.5f} heavy quarks per pair"
        )

    w_p = light.TAX_Z / light.TAX_A
    lines = [
        "# Heavy-flavour parent spectra: 400 GeV/c protons on the NA62 TAX copper dump, per produced cc̄ pair, bb̄ pair or prompt J/psi.",
        f"# Generator: Pythia {version:.3f} (PyPI pythia8mc=={light.PYTHIA_PIP_VERSION}), tools/meson_spectra/heavy_flavour.py",
        f"# Command: heavy_flavour.py {' '.join(argv)}",
        "# Settings: Beams:frameType = 2, Beams:idA = 2212, Beams:idB = 2212 (pp) or 2112 (pn), Beams:eA = 400, Beams:eB = 0, plus",
        "#   charm: HardQCD:hardccbar = on; beauty: HardQCD:hardbbbar = on; jpsi: Charmonium:all = on;",
        "#   all other settings Pythia defaults (Monash tune, MPI and showers on, massive c and b matrix elements); lab frame, beam along +z.",
        f"# Seeds (Random:seed): charm {seeds('charm')}; beauty {seeds('beauty')}; jpsi {seeds('jpsi')}  [master seed {seed}]",
        f"# Events: charm {events('charm')}; beauty {events('beauty')}; jpsi {events('jpsi')}",
        f"# Pythia cross sections (sigmaGen): charm {sigma('charm')}; beauty {sigma('beauty')}; jpsi (Charmonium:all) {sigma('jpsi')}.",
        "#   Leading order: used only for the pp/pn weights below, never for the normalisation.",
        "# Units: n_per_unit is hadrons per produced cc̄ pair (charm rows), per bb̄ pair (beauty rows), per prompt J/psi (J/psi rows).",
        "#   One hard QQ̄ pair per HardQCD event; every hadron in the record is counted once (iTopCopyId), prompt or from",
        "#   a heavier hadron's decay (D*+ -> D0 pi+, B* -> B gamma, Sigma_c -> Lambda_c pi, chi_c -> J/psi gamma, ...); production",
        "#   flavour (B0/Bs oscillations are not followed). Particles and antiparticles are separate rows.",
        "# pp/pn: each target's sample is normalised per unit, then combined with weights (Z/A) sigma_pp r_pp : (N/A) sigma_pn r_pn",
        f"#   (Z/A = {w_p:.4f} for Cu Z = {light.TAX_Z}, A = {light.TAX_A}; r = units per event), giving pp weights"
        f" charm {comb['charm']['weight'][2212]:.4f}, beauty {comb['beauty']['weight'][2212]:.4f}, jpsi {comb['jpsi']['weight'][2212]:.4f}.",
        "# Hadrons per pair: the sum of the tabulated rows, plus the other weakly decaying hadrons of the flavour (Xi_c, Omega_c;",
        "#   B_c, Xi_b, Omega_b), plus twice the pairs that collapsed into quarkonium (J/psi, eta_c, chi_c, ...; Upsilon, eta_b, ...):",
        f"#   charm {hadrons_per_pair('charm')}; beauty {hadrons_per_pair('beauty')}.",
        "#   (2 per pair, above 2 by the extra pairs from g -> QQ̄ in the shower and MPI.)",
        f"# Multiplicities per unit: {mults('charm')}; {mults('beauty')}; {mults('jpsi')}",
        f"# Mean momentum in GeV (unbinned, same weights): {means('charm')}; {means('beauty')}; {means('jpsi')}",
        "# Per proton on target: multiply n_per_unit by chi, the number of units per inelastic pN collision in copper",
        "#   (per POT for a thick dump, primary interactions only): chi = (sigma/A) / (sigma_inel(pCu)/A).",
        f"#   sigma_inel(pCu)/A = {SIGMA_PN_MO_MB} mb x ({A_CU}/{A_MO})^({ALPHA_INEL} - 1) = {s_inel:.4f} mb: SHiP's sigma_pN = {SIGMA_PN_MO_MB} mb for Mo with",
        f"#   sigma_pA ~ A^{ALPHA_INEL} (SHiP Technical Proposal CERN-SPSC-2015-016, arXiv:1504.04956, Sec. 5.3) [UNVERIFIED: secondary quote].",
        f"#   charm: sigma_cc̄/A = {SIGMA_CC_UB} +- 1.7 ub (SHiP TP Sec. 5.3, from Lourenço & Wöhri, Phys. Rept. 433 (2006) 127; open charm ~ A^1)",
        "#     [UNVERIFIED: secondary quote].",
        f"#   beauty: sigma_bb̄/A = chi_bb̄(Mo) x sigma_pN(Mo) = {CHI_BB_MO:g} x {SIGMA_PN_MO_MB} mb = {CHI_BB_MO * SIGMA_PN_MO_MB * 1e6:.3g} nb (SHiP, JHEP 04 (2019) 077,",
        "#     arXiv:1811.00930, Table 1; the same table has chi_cc̄(Mo) = 1.7e-3) [UNVERIFIED: secondary quote].",
        f"#   jpsi: B_mumu sigma(J/psi)/A = {JPSI_BMUMU_SIGMA_WINDOW_NB} +- 0.04 nb in {JPSI_Y_WINDOW[0]} < y_cm < {JPSI_Y_WINDOW[1]} (NA50 at 400 GeV, extrapolated to that",
        "#     window and to Mo/W; quoted in the abstract of SHiP, arXiv:2604.03661), B(J/psi -> mu mu) = 5.961 % (PDG 2024), extrapolated",
        f"#     to all rapidities with this sample's fraction in the window, {window:.4f}: sigma(J/psi)/A ="
        f" {JPSI_BMUMU_SIGMA_WINDOW_NB / BR_JPSI_MUMU / window:.4g} nb (model-dependent, ~20-30 %).",
        f"# chi_per_pot: charm {chi['charm']:.5e}, beauty {chi['beauty']:.5e}, jpsi {chi['jpsi']:.5e}",
        f"# jpsi_window_fraction: {window:.6f}",
        f"# Cascade (secondary interactions in a thick target) NOT included; SHiP estimates x{CASCADE_CHARM} (charm) and x{CASCADE_BEAUTY} (beauty) for",
        "#   its Mo/W target (Dijkstra & Ruf, CERN-SHiP-NOTE-2015-009) [UNVERIFIED: secondary quote]; the cascade adds soft hadrons.",
        "#   Nuclear effects on the shapes (pCu vs pN) are neglected. Pythia LO shapes: the x_F and p_T spectra of charm at",
        "#   sqrt(s) = 27 GeV are uncertain at the tens-of-% level; beauty is made near threshold (2 m_b ~ 9.6 GeV at sqrt(s) = 27.4 GeV).",
        f"# Binning: as data/meson_spectra_p400.csv: log10(p/GeV) bins of width {light.P_WIDTH:.6f} on the grid from {light.LOG_P_LO}"
        f" (lowest bin {light.LOG_P_LO + light.P_MIN_BIN * light.P_WIDTH:.5f} holds all softer);",
        f"#   log10(theta/rad) bins of width {light.T_WIDTH} over [{light.LOG_T_LO}, {light.LOG_T_HI}] plus theta < 1e-5 rad"
        " (log10theta_lo = -inf, uniform in theta^2). Only non-empty bins are listed.",
        "# Columns: hadron, log10p_lo, log10p_hi, log10theta_lo, log10theta_hi, n_per_unit (hadrons per unit in this bin),",
        "#   n_mc (raw generated count pp + pn, for the statistical uncertainty ~ 1/sqrt(n_mc))",
        "hadron,log10p_lo,log10p_hi,log10theta_lo,log10theta_hi,n_per_unit,n_mc",
    ]
    rows = []
    for s in SOURCE_ORDER:
        rows += light.table_rows(comb[s]["combined"], SOURCES[s]["species"])
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines + rows) + "\n")
    mult = {name[pid]: comb[s]["mult"][pid] for s in SOURCE_ORDER for pid, _ in SOURCES[s]["species"]}
    return {"mult": mult, "window": window, "chi": chi}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--charm-events", type=int, default=200_000, help="HardQCD:hardccbar events per target, default 200000")
    ap.add_argument("--beauty-events", type=int, default=100_000, help="HardQCD:hardbbbar events per target, default 100000")
    ap.add_argument("--jpsi-events", type=int, default=100_000, help="Charmonium:all events per target, default 100000")
    ap.add_argument("--events", type=int, help="events per target for all three sources (overrides the three above)")
    ap.add_argument("--out", default="crates/darkscan/data/heavy_flavour_spectra_p400.csv", help="output CSV path")
    ap.add_argument("--seed", type=int, default=20240410, help="master seed; the six runs use seed .. seed+5")
    ap.add_argument("--jobs", type=int, default=2, help="parallel processes, default 2")
    a = ap.parse_args()
    n = {"charm": a.charm_events, "beauty": a.beauty_events, "jpsi": a.jpsi_events}
    if a.events is not None:
        n = {s: a.events for s in n}
    if min(n.values()) <= 0 or a.jobs <= 0:
        ap.error("event counts and --jobs must be positive")
    try:
        import pythia8mc  # noqa: F401
    except ImportError:
        print(f"pythia8mc not installed: pip install pythia8mc=={light.PYTHIA_PIP_VERSION}", file=sys.stderr)
        return 2
    tasks = []
    for k, s in enumerate(SOURCE_ORDER):
        tasks.append((s, 2212, n[s], a.seed + 2 * k))
        tasks.append((s, 2112, n[s], a.seed + 2 * k + 1))
    t0 = time.time()
    if a.jobs > 1:
        with multiprocessing.Pool(a.jobs) as pool:
            results = pool.map(run_source, tasks, chunksize=1)
    else:
        results = [run_source(t) for t in tasks]
    for r in results:
        print(
            f"{r['source']} target {r['id_target']}: {r['n_events']} events in {r['seconds']:.1f} s",
            file=sys.stderr,
        )
    argv = [f"--charm-events {n['charm']}", f"--beauty-events {n['beauty']}", f"--jpsi-events {n['jpsi']}", f"--seed {a.seed}"]
    out = write_table(a.out, results, a.seed, argv)
    print(f"wall time {time.time() - t0:.1f} s", file=sys.stderr)
    print("per unit:", ", ".join(f"{k} {v:.4g}" for k, v in out["mult"].items()), file=sys.stderr)
    print(f"J/psi fraction in the window: {out['window']:.4f}", file=sys.stderr)
    print("chi per POT:", ", ".join(f"{k} {v:.4g}" for k, v in out["chi"].items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
