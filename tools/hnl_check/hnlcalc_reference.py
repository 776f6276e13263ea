#!/usr/bin/env python3
"""Reference HNL total widths from HNLCalc, for crates/darkscan/tests/hnl_widths.rs.

HNLCalc (A. Hewitt, D. La Rocco, arXiv:2405.07330; github.com/laroccod/HNLCalc) is not
shipped with darkscan. Check it out, then run

    python3 tools/hnl_check/hnlcalc_reference.py /path/to/HNLCalc

with numpy, scipy, pandas, sympy, mpmath, matplotlib, particle and cycler installed
(pip). Its production code imports scikit-hep's `skhep.math.vectors` and `numba`,
which the width code does not use; when they are missing this script installs inert
stand-ins for them in `sys.modules` before the import (it does not change HNLCalc).

Output: one line per (coupling pattern, mass): the total width at |U_e|^2 : |U_mu|^2 :
|U_tau|^2 = the pattern with sum 1 (Majorana, HNLCalc's only case), and the width
summed over each HNLCalc channel family ('lP', 'nuP', 'lV', 'nuV', 'null', 'llnu',
'nu3', 'lud', 'nuqq') that enters its total at that mass (HNLCalc sums exclusive
hadronic channels up to 1 GeV and the inclusive quark channels above).
"""

import sys
import types


def stub_missing_modules():
    try:
        import skhep.math.vectors  # noqa: F401
    except ImportError:
        skhep = types.ModuleType("skhep")
        math = types.ModuleType("skhep.math")
        vectors = types.ModuleType("skhep.math.vectors")
        vectors.LorentzVector = object
        vectors.Vector3D = object
        skhep.math = math
        math.vectors = vectors
        sys.modules.update({"skhep": skhep, "skhep.math": math, "skhep.math.vectors": vectors})
    try:
        import numba  # noqa: F401
    except ImportError:
        numba = types.ModuleType("numba")
        numba.jit = lambda *a, **k: (lambda f: f)
        sys.modules["numba"] = numba


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: hnlcalc_reference.py /path/to/HNLCalc")
    sys.path.insert(0, sys.argv[1])
    stub_missing_modules()
    import numpy as np
    from HNLCalc import HNLCalc

    masses = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.5, 1.75, 2.0]
    patterns = {"e": (1, 0, 0), "mu": (0, 1, 0), "tau": (0, 0, 1)}
    print("# pattern mass_gev total_width_gev  family widths (GeV)")
    for name, (ve, vmu, vtau) in patterns.items():
        calc = HNLCalc(ve=ve, vmu=vmu, vtau=vtau)
        calc.gen_ctau(np.array(masses), coupling=1)
        for i, m in enumerate(masses):
            fam = {}
            for channel, modes in calc.modes_active.items():
                if channel in ("lhad", "nuhad"):
                    continue
                exclusive = channel in ("lP", "nuP", "lV", "nuV")
                inclusive = channel in ("lud", "nuqq")
                if (m <= 1.0 and inclusive) or (m > 1.0 and exclusive):
                    continue
                fam[channel] = sum(calc.model_widths[mode][i] for mode in modes)
            parts = " ".join(f"{k}={v:.6e}" for k, v in fam.items())
            print(f"{name} {m} {calc.total_width[i]:.6e} {parts}")


if __name__ == "__main__":
    main()
