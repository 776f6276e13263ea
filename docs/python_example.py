"""The README's NA64 plot (docs/na64e-invisible.png) from Python.

    pip install ./crates/darkscan-py matplotlib
    python docs/python_example.py            # writes na64e-invisible-python.png

Runs the NA64 2016-2022 missing-energy reach for an invisibly decaying dark
photon (9.37e11 electrons on target, 0 events on 0.53 +- 0.17, 90 % CL CLs) on
the preset's 100 masses from 1 MeV to 1 GeV, exactly as
`darkscan reach na64e-invisible --out out/` does, and draws the excluded
epsilon band.
"""

import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import darkscan  # noqa: E402

out = sys.argv[1] if len(sys.argv) > 1 else "na64e-invisible-python.png"
r = darkscan.reach("na64e-invisible")
print(f"{r.preset}: signal upper limit {r.signal_upper_limit:.3f} events, {len(r.limits)} masses")
fig, ax = plt.subplots(figsize=(7, 5))
r.plot(ax=ax, label="NA64e 2016-2022 (darkscan)")
ax.set_xlabel("m_A' [GeV]")
ax.set_ylabel("epsilon")
fig.tight_layout()
fig.savefig(out, dpi=120)
r.to_hepdata("limits.yaml")
print(f"wrote {out} and limits.yaml")
