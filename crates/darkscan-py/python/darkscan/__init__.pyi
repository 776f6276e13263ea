from . import presets as presets, stats as stats
from ._reach import Reach as Reach, reach as reach
from ._widths import widths as widths
from ._production import (
    production as production,
    xsec_alp_primakoff as xsec_alp_primakoff,
    xsec_dark_photon_brem as xsec_dark_photon_brem,
)
