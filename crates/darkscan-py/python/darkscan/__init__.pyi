from . import presets as presets, stats as stats
from ._reach import Reach as Reach, reach as reach
from ._widths import widths as widths
