"""Reference numbers for darkscan's dark-scalar tests from scalar_portal.

scalar_portal (https://github.com/JLTastet/scalar_portal) implements the
formulas of Boiarska, Bondarenko, Boyarsky, Gorkavenko, Ovchynnikov, Sokolenko,
"Phenomenology of GeV-scale scalar portal", JHEP 11 (2019) 162,
arXiv:1904.10447. This script only calls its public API and prints the widths
and production branching ratios at theta = 1 that
crates/darkscan/tests/scalar_widths.rs and scalar_production.rs quote.

Usage (scalar_portal is not on PyPI; it is imported as a package directory):
    git clone https://github.com/JLTastet/scalar_portal /tmp/scalar_portal
    pip install numpy scipy pandas future particletools rundec
    # pandas >= 2.2 removed read_csv(delim_whitespace=True) used by the package:
    grep -rl delim_whitespace /tmp/scalar_portal | xargs sed -i "s/delim_whitespace=True/sep=r'\\\\s+'/"
    PYTHONPATH=/tmp python3 tools/scalar_reference/scalar_portal_reference.py
Last run: scalar_portal commit of 2020 (HEAD of the public repository).
"""

from scalar_portal import Model

PARENTS = ["K+ -> S pi+", "K_L0 -> S pi0", "B+ -> S K+", "B+ -> S K*+", "B0 -> S K0", "B0 -> S K*0"]


def main():
    light = Model()
    light.production.enable("K -> S pi")
    light.production.enable("B -> S K?")
    light.decay.enable("LightScalar")
    for m_s in [0.05, 0.1, 0.2, 0.3, 0.35, 0.5, 1.0, 1.5, 1.9]:
        r = light.compute_branching_ratios(m_s, theta=1.0)
        prod = r.production.branching_ratios
        widths = r.decay.widths
        print(m_s, " ".join("%s=%.5g" % (k, float(prod[k])) for k in PARENTS))
        print("   widths:", {k: "%.6g" % float(v) for k, v in widths.items()})
    heavy = Model()
    heavy.production.enable("B -> S K?")
    heavy.decay.enable("HeavyScalar")
    for m_s in [2.5, 3.0, 4.0]:
        r = heavy.compute_branching_ratios(m_s, theta=1.0)
        prod = r.production.branching_ratios
        print(m_s, " ".join("%s=%.5g" % (k, float(prod[k])) for k in PARENTS[2:]))


if __name__ == "__main__":
    main()
