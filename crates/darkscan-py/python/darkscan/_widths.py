"""Decay widths, vectorised over numpy arrays."""

import json

import numpy as np

from . import _darkscan

_MODELS = ("dark-photon", "hnl", "scalar", "alp")


def widths(model, mass=None, coupling=1.0, alpha_d=None, dm_mass=None, **couplings):
    """Widths, branching ratios and cτ of a FIP.

    ``model`` is ``"dark-photon"``, ``"hnl"``, ``"scalar"`` or ``"alp"``;
    ``mass`` (GeV; also accepted as ``masses=``) and ``coupling`` may be
    numbers or arrays (broadcast together); the result holds floats for
    scalar input, arrays otherwise: ``mass``, ``coupling``, ``total_width``
    (GeV), ``ctau_m`` (m, ``inf`` for a stable particle) and
    ``branching_ratios`` (a dict of arrays by decay channel, 0 where closed).

    The coupling vector is given by keyword, as in a preset's ``[model]``
    table: ``hnl``: ``ue2``, ``umu2``, ``utau2``, ``dirac``; ``scalar``:
    ``theta2`` (default 1); ``alp``: ``g_agg`` (1/GeV), ``g_aee``,
    ``g_amumu``, ``g_atautau``, ``g_y``, ``inv_f_g`` (1/GeV);
    ``dark-photon``: ``alpha_d`` with ``mass_ratio`` (m_A'/m_chi) or
    ``dm_mass`` (GeV). ``coupling`` is the scale g of that vector: widths
    grow as g^p (p = 2 for the dark photon's ε and the ALP's couplings,
    1 for the HNL's U² and the scalar's θ²), so with ``coupling=1`` the
    numbers are those of ``darkscan widths MODEL --json`` at the same
    couplings.

    The minimal dark photon (and ``dm_mass``) keeps the CLI's
    ``widths dark-photon`` keys: ``e+e-``, ``mu+mu-``, ``tau+tau-``,
    ``hadrons``, ``invisible``.
    """
    if mass is None:
        if "masses" not in couplings:
            raise ValueError("widths() needs the mass in GeV (mass= or masses=)")
        mass = couplings.pop("masses")
    if model not in _MODELS:
        raise ValueError(f"unknown model '{model}'; known: {', '.join(_MODELS)}")
    m, g = np.broadcast_arrays(np.asarray(mass, dtype=float), np.asarray(coupling, dtype=float))
    shape = m.shape
    if model == "dark-photon" and "mass_ratio" not in couplings:
        if couplings:
            raise ValueError(
                f"unknown coupling(s) {', '.join(couplings)} for dark-photon; known: alpha_d, dm_mass, mass_ratio"
            )
        return _dark_photon(m, g, shape, alpha_d, dm_mass)
    if dm_mass is not None:
        raise ValueError("dm_mass and mass_ratio exclude each other")
    spec = {"name": model}
    for k, v in couplings.items():
        # Plain JSON numbers (numpy scalars are not JSON serialisable).
        spec[k] = bool(v) if isinstance(v, (bool, np.bool_)) else float(v)
    if alpha_d is not None:
        spec["alpha_d"] = float(alpha_d)
    total, ctau, names, brs = _darkscan.widths_model(
        json.dumps(spec), [float(x) for x in m.ravel()], [float(x) for x in g.ravel()]
    )

    def col(v):
        v = np.asarray(v, dtype=float).reshape(shape)
        return float(v) if shape == () else v

    return {
        "model": model,
        "mass": col(m),
        "coupling": col(g),
        "total_width": col(total),
        "ctau_m": col(ctau),
        "branching_ratios": {k: col(v) for k, v in zip(names, brs)},
    }


def _dark_photon(m, g, shape, alpha_d, dm_mass):
    call = _darkscan.widths_dark_photon
    rows = [json.loads(call(float(a), float(b), alpha_d, dm_mass)) for a, b in zip(m.ravel(), g.ravel())]

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
