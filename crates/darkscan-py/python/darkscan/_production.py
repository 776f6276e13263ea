"""Production branching ratios and cross sections: the keys of
``darkscan production hnl|scalar --json`` and ``darkscan xsec … --json``."""

import json

from . import _darkscan


def production(model, parent, mass, **couplings):
    """Branching ratios of FIP production in the decays of ``parent``.

    ``model="hnl"``: ``parent`` is K+, pi+, D+, D0, D_s+, B+, B0, B_s0,
    B_c+, tau- or a charge conjugate; couplings ``ue2``, ``umu2``, ``utau2``
    (default 0) and ``dirac``. ``model="scalar"``: ``parent`` is K+, K_L, B+
    or B0; coupling ``theta2`` (default 1; BRs scale as θ²). ``mass`` in GeV.
    Returns the dict of ``darkscan production MODEL --json``: the inputs,
    ``branching_ratio`` (the sum) and ``channels`` (BR by channel name).
    """
    if model == "hnl":
        known = {"ue2", "umu2", "utau2", "dirac"}
        call = _darkscan.production_hnl
    elif model == "scalar":
        known = {"theta2"}
        call = _darkscan.production_scalar
    else:
        raise ValueError(f"unknown production model '{model}'; known: hnl, scalar")
    unknown = sorted(set(couplings) - known)
    if unknown:
        raise ValueError(
            f"unknown coupling(s) {', '.join(unknown)} for {model}; known: {', '.join(sorted(known))}"
        )
    args = {k: (bool(v) if k == "dirac" else float(v)) for k, v in couplings.items()}
    return json.loads(call(str(parent), float(mass), **args))


def xsec_dark_photon_brem(target, energy, mass, method="etl", x_min=0.0):
    """A' bremsstrahlung e Z -> e Z A' per nucleus of ``target`` (Pb, W, Fe,
    Cu, na64-ecal) at ε = 1 (scale by ε²), for a beam ``energy`` and A'
    ``mass`` in GeV, A' energy fractions above ``x_min``; ``method`` is
    ``"etl"`` (exact tree level) or ``"iww"``. Returns
    ``{"sigma_cm2", "method"}`` (``darkscan xsec dark-photon-brem --json``)."""
    return json.loads(
        _darkscan.xsec_dark_photon_brem(str(target), float(energy), float(mass), str(method), float(x_min))
    )


def xsec_alp_primakoff(target, energy, mass, g_agg=1.0):
    """ALP Primakoff production gamma N -> a N on ``target`` for a photon
    ``energy`` and ALP ``mass`` in GeV at photon coupling ``g_agg`` (1/GeV;
    σ ∝ g²). Returns ``{"sigma_cm2", "target", "energy", "mass", "g_agg"}``
    (``darkscan xsec alp-primakoff --json``)."""
    return json.loads(_darkscan.xsec_alp_primakoff(str(target), float(energy), float(mass), float(g_agg)))
