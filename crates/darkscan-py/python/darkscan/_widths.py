"""Decay widths, vectorised over numpy arrays."""

import json

import numpy as np

from . import _darkscan

_MODELS = {"dark-photon": _darkscan.widths_dark_photon}


def widths(model, mass, coupling=1.0, alpha_d=None, dm_mass=None):
    """Widths, branching ratios and cτ of a FIP (the keys of ``darkscan widths MODEL --json``).

    ``mass`` (GeV) and ``coupling`` may be numbers or arrays (broadcast
    together); the result holds floats for scalar input, arrays otherwise:
    ``total_width`` (GeV), ``ctau_m`` (m, ``inf`` for a stable particle) and
    ``branching_ratios`` (a dict of arrays by final state).
    """
    try:
        call = _MODELS[model]
    except KeyError:
        raise ValueError(f"unknown model '{model}'; known: {', '.join(_MODELS)}") from None
    m, g = np.broadcast_arrays(np.asarray(mass, dtype=float), np.asarray(coupling, dtype=float))
    rows = [json.loads(call(float(a), float(b), alpha_d, dm_mass)) for a, b in zip(m.ravel(), g.ravel())]
    shape = m.shape

    def col(get):
        v = np.array([get(r) for r in rows], dtype=float).reshape(shape)
        return float(v) if shape == () else v

    return {
        "mass": col(lambda r: r["mass"]),
        "coupling": col(lambda r: r["coupling"]),
        "total_width": col(lambda r: r["total_width"]),
        "ctau_m": col(lambda r: np.inf if r["ctau_m"] is None else r["ctau_m"]),
        "branching_ratios": {
            k: col(lambda r, k=k: r["branching_ratios"][k]) for k in rows[0]["branching_ratios"]
        },
    }
