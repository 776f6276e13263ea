#!/usr/bin/env python3
"""CPU time per mass of FORESEE and of darkscan on equal work: eta -> gamma A' -> mu+ mu-.

Equal work (the definition the README's speed table quotes):

* the same eta spectrum: darkscan's table (crates/darkscan/data/meson_spectra_p400.csv),
  handed to FORESEE re-binned onto its 0.05 x 0.05 (log10 theta, log10 p) grid exactly as
  tools/validation/foresee_eta.py does (3730 cells);
* the same production and decay: eta -> gamma A', BR(A' -> mu+ mu-), one source (darkscan's
  "eta" channel, no other source);
* the same fiducial region: NA62, A' from the TAX (z = 23.07 m) decaying at 105-180 m with
  r < 1.05 m (FORESEE: the cylinder of foresee_eta.py);
* the same grid: the same masses (default 10 log-spaced from 0.22 to 0.5 GeV, all above the
  mu+ mu- threshold so that neither code skips a mass) and the same 100 couplings, log-spaced
  from 1e-7 to 1e-3 (the na62-dump-mumu-2021 preset's grid);
* per mass, each code produces the expected event count on the whole coupling grid:
  FORESEE `get_llp_spectrum(m)` (eta decays, boost, histogram of the A' onto 100 x 80
  (theta, p) cells, written to a .npy file) + `get_events(m, couplings)` (reads it back,
  the cylinder selection and the decay probability of every cell at every coupling);
  darkscan `reach` on a preset with only the eta source (sampling, decay of every A' at
  12 points along its flight, both muons followed through the NA62 geometry: straw
  stations, magnet kick, LKr, MUV3, momentum, CDA and Z_TAX cuts; re-weighting over the
  couplings; the CLs limit and the excluded interval with refined edges).

darkscan does more work per A': FORESEE has no daughters (its "detector" is the A'
direction and a decay probability along z; BR(mu mu) is a factor), darkscan tracks both
muons through the detector at 12 decay points. FORESEE generates 3730 x nsample A' per
mass (nsample = 20 in foresee_eta.py: 74 600) and then evaluates only the non-empty
histogram cells (about 10^3); the darkscan column is given at the preset's 2 x 10^4 trials
per source and at 74 600 (the same number of A' as FORESEE samples).

Times are CPU time (user + system) of the whole process, summed over threads (darkscan
runs its masses in parallel with rayon; FORESEE is single-threaded), so that the numbers
do not depend on the machine's load as wall time does. FORESEE's once-per-process costs
(imports, numba compilation) are excluded by a warm-up mass; darkscan's (process start,
preset and table loading, about 6 ms) are measured by a run at one mass below the mu mu
threshold (no sampling) and subtracted.

Needs FORESEE as in foresee_eta.py (FORESEE_PATH, numpy scipy matplotlib particle numba,
scikit-hep==3.6.0 without dependencies) and a release build of darkscan:

    cargo build --release -p darkscan-cli
    FORESEE_PATH=/path/to/FORESEE python3 tools/validation/foresee_speed.py \
        --darkscan target/release/darkscan --repeat 3
"""

import argparse
import contextlib
import io
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import foresee_eta  # noqa: E402

COUPLING_MIN, COUPLING_MAX, N_COUPLINGS = 1e-7, 1e-3, 100
# Grid indices of the couplings at which the seed-to-seed spread (the Monte
# Carlo precision each code reaches for its time) is printed: 5.3e-7 (long
# lived, near NA62's lower edge) and 2.2e-6 (only the high-momentum tail
# survives, near its upper edge at 0.3 GeV).
PROBES = (18, 33)

PRESET = """kind = "beam-dump"
name = "speed-eta-only"
description = "eta -> gamma A' -> mu+ mu- only, for the FORESEE speed comparison"
reference = "tools/validation/foresee_speed.py"
geometry = "na62-dump"
beam_energy_gev = 400.0
protons_on_target = 1.4e17
decay = "mu+mu-"
channels = ["eta"]
events_per_channel = {events}
seed = {seed}

[statistics]
observed = 1
background = 0.016
background_error = 0.002
method = "cls"
cl = 0.9

[scan]
mass_min_gev = 0.215
mass_max_gev = 0.7
n_masses = 10
coupling_min = {cmin:e}
coupling_max = {cmax:e}
n_couplings = {nc}
"""


def log_space(lo, hi, n):
    if n == 1:
        return [lo]
    return [lo * (hi / lo) ** (i / (n - 1)) for i in range(n)]


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def time_foresee(foresee_path, masses, seed, nsample):
    """(CPU s, wall s) summed over `masses`, the CPU s in get_llp_spectrum and in
    get_events, the cells evaluated per mass and the events at the PROBES
    couplings per mass."""
    import numpy as np

    couplings = np.logspace(math.log10(COUPLING_MIN), math.log10(COUPLING_MAX), N_COUPLINGS)
    work = tempfile.mkdtemp(prefix="darkscan-foresee-speed-")
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            foresee = foresee_eta.setup_foresee(foresee_path, work, seed, nsample)

            split = [0.0, 0.0]  # CPU s in get_llp_spectrum, in get_events

            def one(m):
                t0 = cpu_seconds()
                foresee.get_llp_spectrum(m, coupling=1)
                t1 = cpu_seconds()
                _, _, nevents, momenta, _ = foresee.get_events(
                    mass=m,
                    energy="0.4",
                    couplings=couplings,
                    modes={"221": ["darkscan"]},
                    preselectioncuts="th<0.02",
                )
                split[0] += t1 - t0
                split[1] += cpu_seconds() - t1
                # FORESEE prepends a zero vector to the cells.
                return len(momenta) - 1, [float(np.ravel(nevents[j])[0]) for j in PROBES]

            one(0.5 * (masses[0] + masses[-1]) * 1.001)  # warm-up: numba compiles
            split[:] = [0.0, 0.0]
            cpu0, wall0 = cpu_seconds(), time.perf_counter()
            out = [one(m) for m in masses]
            cpu, wall = cpu_seconds() - cpu0, time.perf_counter() - wall0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return cpu, wall, split, [c for c, _ in out], [n for _, n in out]


def run_darkscan(binary, preset_path, masses):
    """CPU s (user + sys, user, sys) and wall s of one `darkscan reach --json` run."""
    cmd = [binary, "reach", preset_path, "--masses", ",".join(f"{m:.6g}" for m in masses)]
    wall0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd + ["--json"], stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - wall0
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            sys.exit(f"{' '.join(cmd)} failed: {err.read().decode()}")
    return ru.ru_utime + ru.ru_stime, ru.ru_utime, ru.ru_stime, wall


def darkscan_yields(binary, preset_path, masses):
    """The yields grid[mass][coupling] of the same run (untimed: `--out` also
    draws the plots)."""
    out = tempfile.mkdtemp(prefix="darkscan-speed-out-")
    try:
        masses_arg = ",".join(f"{m:.6g}" for m in masses)
        subprocess.run(
            [binary, "reach", preset_path, "--masses", masses_arg, "--out", out],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        grid = {}
        with open(os.path.join(out, "yields.csv")) as f:
            for line in f:
                if line.startswith("#") or line.startswith("mass"):
                    continue
                m, _, n = line.strip().split(",")
                grid.setdefault(m, []).append(float(n))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return list(grid.values())


def spread(runs):
    """Seed-to-seed spread: `runs[r][i]` is run r's yield at mass i; the
    relative sample standard deviation over the runs at each mass with a
    non-zero mean, and its median over those masses."""
    rel = []
    for values in zip(*runs):
        n = len(values)
        mean = sum(values) / n
        if n >= 2 and mean > 0:
            rel.append(math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) / mean)
    return sorted(rel)[len(rel) // 2] if rel else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--darkscan", default="target/release/darkscan", help="release binary")
    ap.add_argument("--masses", default="0.22:0.5:10", help="lo:hi:n (log) or a comma list, GeV")
    ap.add_argument("--events", default="20000,74600", help="darkscan trials per source (list)")
    ap.add_argument("--nsample", type=int, default=20, help="FORESEE A' per eta cell")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each, seeds 1, 2, ...")
    ap.add_argument("--skip-foresee", action="store_true")
    a = ap.parse_args()
    if ":" in a.masses:
        lo, hi, n = a.masses.split(":")
        masses = log_space(float(lo), float(hi), int(n))
    else:
        masses = [float(x) for x in a.masses.split(",")]
    n_m = len(masses)
    foresee_path = os.environ.get("FORESEE_PATH")
    if not a.skip_foresee and (
        not foresee_path or not os.path.exists(os.path.join(foresee_path, "src", "foresee.py"))
    ):
        sys.exit("set FORESEE_PATH to a FORESEE checkout (see foresee_eta.py), or --skip-foresee")
    if not os.access(a.darkscan, os.X_OK):
        sys.exit(f"no darkscan binary at {a.darkscan}: cargo build --release -p darkscan-cli")

    print(f"# load before: {os.getloadavg()}, {os.cpu_count()} CPUs", flush=True)
    print(f"# {n_m} masses {masses[0]:.4g}-{masses[-1]:.4g} GeV, {N_COUPLINGS} couplings", flush=True)
    # (label, CPU s per mass of each run, {probe: summed events of each run})
    rows = []
    if not a.skip_foresee:
        per_mass, probes = [], {j: [] for j in PROBES}
        for r in range(a.repeat):
            cpu, wall, split, cells, n_ev = time_foresee(foresee_path, masses, seed=1 + r, nsample=a.nsample)
            per_mass.append(cpu / n_m)
            for k, j in enumerate(PROBES):
                probes[j].append([n[k] for n in n_ev])
            print(
                f"foresee run {r + 1}: cpu {cpu:.2f} s (get_llp_spectrum {split[0]:.2f}, "
                f"get_events {split[1]:.2f}), wall {wall:.2f} s for {n_m} masses; "
                f"cells evaluated per mass {min(cells)}-{max(cells)}",
                flush=True,
            )
        rows.append((f"FORESEE, nsample {a.nsample} ({3730 * a.nsample} A')", per_mass, probes))

    tmp = tempfile.mkdtemp(prefix="darkscan-speed-")
    try:
        for events in (int(e) for e in a.events.split(",")):
            per_mass, probes = [], {j: [] for j in PROBES}
            for r in range(a.repeat):
                preset = os.path.join(tmp, f"eta-{events}-{r}.toml")
                with open(preset, "w") as f:
                    f.write(
                        PRESET.format(
                            events=events,
                            seed=1 + r,
                            cmin=COUPLING_MIN,
                            cmax=COUPLING_MAX,
                            nc=N_COUPLINGS,
                        )
                    )
                # Fixed cost: one mass below the mu mu threshold (no sampling).
                base = run_darkscan(a.darkscan, preset, [0.1])[0]
                cpu, user, sys_s, wall = run_darkscan(a.darkscan, preset, masses)
                grid = darkscan_yields(a.darkscan, preset, masses)
                per_mass.append((cpu - base) / n_m)
                for j in PROBES:
                    probes[j].append([row[j] for row in grid])
                print(
                    f"darkscan {events} trials run {r + 1}: cpu {cpu:.2f} s "
                    f"(user {user:.2f}, sys {sys_s:.2f}), wall {wall:.2f} s, "
                    f"fixed cost {base:.3f} s",
                    flush=True,
                )
            rows.append((f"darkscan, {events} trials", per_mass, probes))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"# load after: {os.getloadavg()}")
    eps = " and ".join(f"{log_space(COUPLING_MIN, COUPLING_MAX, N_COUPLINGS)[j]:.1e}" for j in PROBES)
    print(
        f"| code | CPU time per mass (user + sys), {a.repeat} runs | median "
        f"| seed-to-seed spread of N at ε = {eps} (median over masses) |"
    )
    print("|---|---|---|---|")
    for name, t, probes in rows:
        med = sorted(t)[len(t) // 2]
        runs = ", ".join(f"{x * 1e3:.0f}" for x in t)
        spreads = ", ".join(f"{100 * spread(probes[j]):.1f} %" for j in PROBES)
        print(f"| {name} | {runs} ms | {med * 1e3:.0f} ms | {spreads} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
