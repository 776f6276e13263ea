"""Exclusion reach of a preset."""

import json

import numpy as np

from . import _darkscan


class Reach:
    """The result of :func:`reach`: the keys of ``darkscan reach PRESET --json``.

    Attributes: ``preset``, ``model``, ``plane``, ``exposure``,
    ``signal_upper_limit``, ``limits`` (one dict per mass: ``mass``,
    ``excluded`` = list of (lower, upper or None), ``signal_upper_limit``),
    and the yield grid as numpy arrays: ``masses`` (n_m), ``couplings`` (n_c),
    ``signal`` (n_m × n_c expected signal events).
    """

    def __init__(self, result_json, limits_csv, hepdata_yaml, yields_csv, masses, couplings, signal):
        self.raw = json.loads(result_json)
        for key in ("preset", "model", "plane", "exposure", "signal_upper_limit", "limits"):
            setattr(self, key, self.raw[key])
        self.masses = np.asarray(masses, dtype=float)
        self.couplings = np.asarray(couplings, dtype=float)
        self.signal = np.asarray(signal, dtype=float).reshape(len(self.masses), len(self.couplings))
        self._csv = limits_csv
        self._yaml = hepdata_yaml
        self._yields = yields_csv

    def _write(self, text, path):
        if path is None:
            return text
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def to_csv(self, path=None):
        """limits.csv (the text, or written to ``path``)."""
        return self._write(self._csv, path)

    def yields_csv(self, path=None):
        """yields.csv (the text, or written to ``path``)."""
        return self._write(self._yields, path)

    def to_hepdata(self, path=None):
        """limits.yaml, a HEPData table (the text, or written to ``path``)."""
        return self._write(self._yaml, path)

    def plot(self, ax=None, **style):
        """Draws the excluded region (coupling vs mass, log–log) with matplotlib
        (optional dependency: ``pip install matplotlib``); returns the axes."""
        try:
            import matplotlib.pyplot as plt
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("plot() needs matplotlib: pip install matplotlib") from e
        if ax is None:
            _, ax = plt.subplots()
        style = {"color": "tab:blue", "alpha": 0.4, **style}
        label = style.pop("label", f"{self.preset} (darkscan)")
        top = float(self.couplings.max())
        for i, lim in enumerate(self.limits):
            for lo, hi in lim["excluded"]:
                style["label"], label = label, None
                m = lim["mass"]
                left = self.limits[i - 1]["mass"] if i > 0 else m
                right = self.limits[i + 1]["mass"] if i + 1 < len(self.limits) else m
                x0, x1 = (left * m) ** 0.5, (m * right) ** 0.5
                ax.fill_between([x0, x1], [lo, lo], [hi if hi is not None else top] * 2, linewidth=0, **style)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("mass [GeV]")
        ax.set_ylabel("epsilon" if self.plane == "epsilon" else "y")
        ax.set_title(f"{self.preset}: excluded region")
        ax.legend()
        return ax


def reach(preset, **overrides):
    """Runs the reach of a preset (shipped name or TOML path) with the CLI's
    overrides as keywords: ``exposure``, ``masses`` (list, GeV), ``plane``
    (``"epsilon"`` or ``"y"``), ``alpha_d``, ``mass_ratio``, ``method``,
    ``observed``, ``background``, ``background_error``, ``cl``. The scan runs
    without the GIL."""
    if "masses" in overrides:
        overrides["masses"] = [float(m) for m in np.atleast_1d(overrides["masses"])]
    return Reach(*_darkscan.reach(str(preset), json.dumps(overrides)))
