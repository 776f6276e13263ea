"""Independent evaluation of the Primakoff cross section gamma N -> a N.

Integrates dsigma/dtheta of Tsai (PRD 34 (1986) 1326) / Doebrich et al.
(JHEP 02 (2016) 018, Sec. 2) directly in the angle theta with SciPy's
adaptive quadrature (darkscan integrates in ln t with a fixed Gauss-Legendre
rule), at g_agg = 1e-3 GeV^-1, and prints sigma in cm^2 for the points
that crates/darkscan/tests/primakoff.rs checks.

    pip install numpy scipy mpmath
    python3 tools/primakoff/primakoff_check.py
"""

import math

from scipy.integrate import quad

ALPHA = 1.0 / 137.035999084
M_E = 0.51099895e-3
HBARC2_GEV2_CM2 = 0.389379372e-27


def form_factor(t, z, a_mass):
    a = 111.0 * z ** (-1.0 / 3.0) / M_E
    d = 0.164 * a_mass ** (-2.0 / 3.0)
    return (a * a * t / (1.0 + a * a * t)) / (1.0 + t / d)


def dsigma_dtheta(theta, e, m, g, z, a_mass):
    p = math.sqrt(e * e - m * m)
    t = (m * m / (e + p)) ** 2 + 4.0 * e * p * math.sin(theta / 2.0) ** 2
    f = form_factor(t, z, a_mass)
    return 0.25 * g * g * ALPHA * z * z * f * f * p**4 * math.sin(theta) ** 3 / t**2


def sigma(e, m, g, z, a_mass):
    # Break the angular range at the characteristic angles: m^2/(2E^2)
    # (minimum momentum transfer), 1/(a E) (screening) and sqrt(d)/E (nucleus).
    a = 111.0 * z ** (-1.0 / 3.0) / M_E
    d = 0.164 * a_mass ** (-2.0 / 3.0)
    scales = sorted({m * m / (2 * e * e), 1.0 / (a * e), math.sqrt(d) / e})
    edges = [0.0]
    for s in scales:
        for k in (0.1, 1.0, 10.0, 100.0):
            x = s * k
            if x < math.pi and x > edges[-1]:
                edges.append(x)
    edges = sorted(set(edges))
    if edges[-1] < 1e-1:
        edges.append(1e-1)
    edges.append(math.pi)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        val, _ = quad(dsigma_dtheta, lo, hi, args=(e, m, g, z, a_mass), limit=500, epsrel=1e-10, epsabs=0)
        total += val
    return total


def main():
    g = 1e-3
    for target, z, a_mass in [("Pb", 82.0, 207.2), ("W", 74.0, 183.84)]:
        for e in (10.0, 50.0, 100.0):
            for m in (0.001, 0.01, 0.05, 0.1, 0.5):
                s = sigma(e, m, g, z, a_mass)
                print(f"{target} E={e} m={m} sigma_cm2={s * HBARC2_GEV2_CM2:.6e}")


if __name__ == "__main__":
    main()
