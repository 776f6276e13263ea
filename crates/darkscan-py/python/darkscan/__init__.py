"""darkscan: dark-sector reach at fixed-target experiments (NA62, NA64), from Python.

A thin layer over the Rust library (no physics here): every function calls the
library and returns what the ``darkscan`` command line prints with ``--json``
(the same keys), as dicts and numpy arrays. Errors are ``ValueError`` with the
library's message.

>>> import darkscan
>>> darkscan.stats.limit(observed=1, background=0.51, background_error=0.13)["upper_limit"]
>>> r = darkscan.reach("na64e-invisible")
>>> r.plot()
>>> darkscan.widths("hnl", [0.5, 1.0], umu2=1e-6)["ctau_m"]
>>> darkscan.production("scalar", "K+", 0.2, theta2=1e-6)["branching_ratio"]
"""

from . import presets, stats
from ._production import production, xsec_alp_primakoff, xsec_dark_photon_brem
from ._reach import Reach, reach
from ._widths import widths

__all__ = [
    "Reach",
    "presets",
    "production",
    "reach",
    "stats",
    "widths",
    "xsec_alp_primakoff",
    "xsec_dark_photon_brem",
]
