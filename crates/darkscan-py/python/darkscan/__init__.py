"""darkscan: dark-sector reach at fixed-target experiments (NA62, NA64), from Python.

A thin layer over the Rust library (no physics here): every function calls the
library and returns what the ``darkscan`` command line prints with ``--json``
(the same keys), as dicts and numpy arrays. Errors are ``ValueError`` with the
library's message.

>>> import darkscan
>>> darkscan.stats.limit(observed=1, background=0.51, background_error=0.13)["upper_limit"]
>>> r = darkscan.reach("na64e-invisible")
>>> r.plot()
"""

from . import presets, stats
from ._reach import Reach, reach
from ._widths import widths

__all__ = ["Reach", "presets", "reach", "stats", "widths"]
