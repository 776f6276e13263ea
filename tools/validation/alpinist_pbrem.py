#!/usr/bin/env python3
"""Proton-bremsstrahlung A' rate at 400 GeV from ALPINIST's implementation.

Another code's output on the same inputs for darkscan's
`production::proton_brem::rate_per_interaction` (Bluemlein & Brunner, PLB 731
(2014) 320, FWW with z in [0.1, 0.9], p_T < 1 GeV): ALPINIST (J. Jerhot et
al., JHEP 07 (2022) 094; github.com/jjerhot/ALPINIST, checked at commit
53441e5), `ALP_production/modes/dp_brems_functions.py`, class
`brems_cross_section`: the p_T^2-integrated splitting function `wbaInt` and
the sigma_pp(s')/sigma_pp(s) factor `SigmaPP` (the same PDG fit as darkscan).
ALPINIST has no VMD form factor, so the comparison is of the bare rate
(darkscan's rate divided by its |F_1(m^2)|^2).

Inputs set here: beam energy 400 GeV, proton mass M = 0.938272 GeV (ALPINIST's
own driver `dp_brems.py` calls `setM(m_dp)`, i.e. sets M to the A' mass, which
this script does not reproduce), eps = 1, p_T,max = 1 GeV. The z integral of
ALPINIST's dN/dz = Ep * evaluateInt([z], [ptmax, m]) is done here with
Simpson's rule (2000 intervals), not with ALPINIST's 101-point sum.

Columns: m_gev, rate_as_implemented (ALPINIST's sigma ratio with its
s' = (M + E)^2 (1 - z) against s = 2 M E), rate_same_s (the same but with
s' = 2 M E (1 - z), darkscan's and Bluemlein-Brunner's s'), rate_no_sigma
(wbaInt alone, sigma ratio = 1).

Usage: ALPINIST_PATH=/path/to/ALPINIST python3 tools/validation/alpinist_pbrem.py
(needs numpy; ALPINIST's code is imported from the checkout, never copied.)
"""

import os
import sys

E_BEAM = 400.0
M_PROTON = 0.938272
PT_MAX = 1.0
Z_MIN, Z_MAX = 0.1, 0.9
MASSES = [0.01, 0.1, 0.3, 0.5, 0.7, 1.0, 1.5]


def simpson(f, a, b, n=2000):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        s += (4 if i % 2 else 2) * f(a + i * h)
    return s * h / 3


def main():
    root = os.environ.get("ALPINIST_PATH")
    if not root:
        sys.exit("set ALPINIST_PATH to an ALPINIST checkout")
    sys.path.insert(0, root)
    from ALP_production.modes import dp_brems_functions as bf

    print("m_gev,rate_as_implemented,rate_same_s,rate_no_sigma")
    for m in MASSES:
        b = bf.brems_cross_section()
        b.setM(M_PROTON)
        b.setMomentum(E_BEAM)
        b.setEpsilon(1.0)
        b.setMPrime(m)
        as_impl = simpson(lambda z: E_BEAM * b.evaluateInt([z], [PT_MAX, m]), Z_MIN, Z_MAX)
        s = 2 * M_PROTON * E_BEAM
        same_s = simpson(
            lambda z: b.wbaInt(PT_MAX, z) * b.SigmaPP(s * (1 - z)) / b.SigmaPP(s), Z_MIN, Z_MAX
        )
        no_sigma = simpson(lambda z: b.wbaInt(PT_MAX, z), Z_MIN, Z_MAX)
        print(f"{m},{as_impl:.6e},{same_s:.6e},{no_sigma:.6e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
