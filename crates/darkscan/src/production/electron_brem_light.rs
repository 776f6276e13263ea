//! Vector bremsstrahlung e Z → e Z V below 1 MeV, down to m ≪ m_e.
//!
//! The cross sections of [`super::electron_brem`] assume m ≫ m_e (BEST's
//! dσ/dx drops m_e next to m, its flux χ stops at t_max = m², DMG4's K-factor
//! table starts at 1 MeV). Below [`MIN_MASS`](super::electron_brem::MIN_MASS)
//! `sigma_above` comes here. Three ingredients:
//!
//! 1. **IWW with the electron mass kept** ([`dsigma_dx_iww_exact`]). BEST
//!    (PRD 80 (2009) 075018) eq. A12 with the m_e terms kept, as written in
//!    DMG4's `DarkPhotons::CrossSectionDSDXDU` (M. Bondi et al., CPC 269
//!    (2021) 108129; the exact-kinematics treatment of m_e is that of
//!    Y.-S. Liu, D. McKeen, G. A. Miller, PRD 95 (2017) 036010 and
//!    Y.-S. Liu, G. A. Miller, arXiv:1705.01633 — not checked against their
//!    equations here):
//!
//!    dσ/(dx dU) ∝ (1 − x + x²/2)/U² + (1 − x)² (m² + 2m_e²)/U⁴ ·
//!    (m² − U x/(1 − x) + m_e² x²/(1 − x)),
//!
//!    integrated here analytically over U from U_min = m²(1 − x)/x + m_e² x
//!    to ∞ (the small-angle limit, as for the m ≫ m_e formula):
//!
//!    dσ/dx = 4 α³ β χ · [U_min(3 − 3x + x²) + m_e² x (x² + 2x − 2)/2] / (3 U_min²).
//!
//!    For m ≫ m_e the bracket is (1 − x + x²/3)/U_min, BEST's formula of
//!    [`super::electron_brem::dsigma_dx_iww`]; for m → 0 it is
//!    [(4/3)(1 − x) + x²]/(2 m_e² x), the x-dependence of ordinary
//!    bremsstrahlung (Tsai, RMP 46 (1974) 815, eq. 3.83): the longitudinal
//!    mode decouples. χ is BEST's A17 with t from m⁴/(4E₀²) to
//!    t_max = m² + m_e² ([`chi_light`]), so that the flux does not vanish as
//!    m → 0.
//! 2. **The massless limit** ([`sigma_tsai_born`]): Tsai's complete-screening
//!    bremsstrahlung (RMP 46 (1974) 815 eq. 3.83, L_rad, L′_rad of its
//!    Table B.2 for Z > 4) in Born approximation, i.e. without the Coulomb
//!    correction f(Z) — the ETL calculation of NA64/DMG4 is tree level. The
//!    WW flux misses the non-logarithmic part of it: with BEST's atomic form
//!    factor (BEST A18: a = 111 Z^(−1/3)/m_e ≈ 184.15 e^(−1/2) Z^(−1/3)/m_e, so
//!    that ln(a m_e) + 1/2 = L_rad) χ/Z² → ln(a² m_e²) − 1 while complete screening gives
//!    2 L_rad = ln(a² m_e²) + 1, so IWW at m → 0 is ≈ 0.72 of the photon
//!    cross section on lead. The exact tree level must approach ε² times the
//!    photon's (the m → 0 limit of a massive vector coupled to a conserved
//!    current).
//! 3. **Continuation of each method** below m₀ = 1 MeV
//!    ([`sigma_above_light`]): σ(m) = σ_IWW,exact(m) · R(m), with
//!
//!    R(m) = R₀ + (R₁ − R₀) w(m),  w(m) = [m²/(m² + m_e²)] / [m₀²/(m₀² + m_e²)],
//!
//!    R₁ = σ_method(m₀)/σ_IWW,exact(m₀) (same E₀ and x cut: continuous at
//!    1 MeV, where R₁ ≈ 1.15 for ETL and ≈ 0.87 for IWW at 100 GeV, x > 0.5),
//!    R₀ = 1 for IWW and R₀ = σ_Tsai/σ_IWW,exact(m → 0) for ETL (≈ 1.38 on
//!    lead), so that ETL tends to ε² times Born bremsstrahlung. The weight
//!    m²/(m² + m_e²) is where the m² and m_e² x terms of U_min trade places;
//!    it is an interpolation, checked against DMG4's own ETL table for lead
//!    (`TotCSVectorParticle`, x > 0.01, 1 keV–0.9 MeV): 0.93–0.99 of it
//!    (tests/electron_brem_light.rs).
//!
//! Cross sections in GeV⁻² at ε = 1, per nucleus, like the parent module.

use super::electron_brem::{self, BremMethod, Nucleus};
use crate::numeric::quadrature::composite_gauss_legendre;
use crate::units::{ALPHA_EM, ELECTRON};

/// Lowest mass (GeV) for which darkscan gives an electron-bremsstrahlung
/// cross section: 1 keV, the lowest mass of DMG4's ETL table and of the
/// published NA64 B−L curve against which this continuation is checked.
/// Below it the formulas still hold, but nothing validates them.
pub const LIGHT_MIN_MASS: f64 = 1e-6;

/// Tsai RMP 46 (1974) 815, Table B.2 (Z > 4): L_rad = ln(184.15 Z^(−1/3)).
#[must_use]
pub fn l_rad(z: f64) -> f64 {
    (184.15 * z.powf(-1.0 / 3.0)).ln()
}

/// Tsai RMP 46 (1974) 815, Table B.2 (Z > 4): L′_rad = ln(1194 Z^(−2/3)).
#[must_use]
pub fn l_rad_prime(z: f64) -> f64 {
    (1194.0 * z.powf(-2.0 / 3.0)).ln()
}

/// Effective photon flux χ (BEST eq. A17, elastic A18 + inelastic A19 form
/// factors) from t_min = m⁴/(4E₀²) to t_max = m² + m_e².
#[must_use]
pub fn chi_light(e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    let me2 = ELECTRON.mass * ELECTRON.mass;
    chi_between(m.powi(4) / (4.0 * e0 * e0), m * m + me2, nucleus)
}

/// χ at m → 0: t from 0 to m_e².
#[must_use]
pub fn chi_massless(nucleus: Nucleus) -> f64 {
    chi_between(0.0, ELECTRON.mass * ELECTRON.mass, nucleus)
}

/// ∫ dt (t − t_min)/t² G₂(t) in ln t. G₂ ∝ t² below the screening scale
/// 1/a², so the range starts at max(t_min, 10⁻⁸/a²) (what is left out is
/// ~10⁻¹⁶ relative).
fn chi_between(tmin: f64, tmax: f64, nucleus: Nucleus) -> f64 {
    let t_lo = tmin.max(1e-8 / nucleus.a_el().powi(2));
    if tmax <= t_lo {
        return 0.0;
    }
    composite_gauss_legendre(
        |lt| {
            let t = lt.exp();
            (t - tmin) / t * (nucleus.g2_elastic(t) + nucleus.g2_inelastic(t))
        },
        t_lo.ln(),
        tmax.ln(),
        24,
    )
}

/// IWW dσ/dx at ε = 1 (GeV⁻²) with the electron mass kept (module docs,
/// item 1), for a given χ.
#[must_use]
pub fn dsigma_dx_iww_exact(e0: f64, m: f64, x: f64, chi: f64) -> f64 {
    if m >= e0 || !(0.0..1.0).contains(&x) || x <= 0.0 {
        return 0.0;
    }
    let beta = (1.0 - m * m / (e0 * e0)).sqrt();
    let me2 = ELECTRON.mass * ELECTRON.mass;
    let u = m * m * (1.0 - x) / x + me2 * x;
    let bracket =
        (u * (3.0 - 3.0 * x + x * x) + 0.5 * me2 * x * (x * x + 2.0 * x - 2.0)) / (3.0 * u * u);
    4.0 * ALPHA_EM.powi(3) * beta * chi * bracket
}

/// The x range integrated at mass m above `x_cut`:
/// [max(x_cut, m/E₀), 1 − max(m_e, m)/E₀] ([`electron_brem::x_range`]).
fn x_limits(e0: f64, m: f64, x_cut: f64) -> (f64, f64) {
    let (lo, hi) = electron_brem::x_range(e0, m);
    (lo.max(x_cut), hi)
}

/// IWW cross section with the electron mass kept, at ε = 1 (GeV⁻²), for
/// x = E_V/E₀ above `x_cut`; integrated in ln x (the spectrum is ∝ 1/x
/// below x ≈ 1 and its structure sits at x ≈ m/m_e).
#[must_use]
pub fn sigma_iww_exact(e0: f64, m: f64, nucleus: Nucleus, x_cut: f64) -> f64 {
    let (lo, hi) = x_limits(e0, m, x_cut);
    if !(hi > lo && lo > 0.0) {
        return 0.0;
    }
    let c = chi_light(e0, m, nucleus);
    composite_gauss_legendre(
        |lx| {
            let x = lx.exp();
            dsigma_dx_iww_exact(e0, m, x, c) * x
        },
        lo.ln(),
        hi.ln(),
        24,
    )
}

/// ∫ [(4/3)(1 − x) + x²]/x dx and ∫ (1 − x)/x dx over [lo, hi].
fn tsai_x_integrals(lo: f64, hi: f64) -> (f64, f64) {
    let j2 = (hi / lo).ln() - (hi - lo);
    let j1 = (4.0 / 3.0) * j2 + 0.5 * (hi * hi - lo * lo);
    (j1, j2)
}

/// Photon bremsstrahlung with complete screening in Born approximation
/// (Tsai RMP 46 (1974) 815 eq. 3.83 with f(Z) = 0), integrated over
/// y = k/E₀ in [lo, hi]: GeV⁻².
///
/// σ = 4α r_e² {[Z² L_rad + Z L′_rad] J₁ + (Z² + Z) J₂/9},
/// J₁ = ∫ [(4/3)(1 − y) + y²]/y dy, J₂ = ∫ (1 − y)/y dy.
#[must_use]
pub fn sigma_tsai_born(nucleus: Nucleus, lo: f64, hi: f64) -> f64 {
    if !(hi > lo && lo > 0.0) {
        return 0.0;
    }
    let z = nucleus.z;
    let (j1, j2) = tsai_x_integrals(lo, hi);
    let re2 = (ALPHA_EM / ELECTRON.mass).powi(2);
    4.0 * ALPHA_EM * re2 * ((z * z * l_rad(z) + z * l_rad_prime(z)) * j1 + (z * z + z) * j2 / 9.0)
}

/// R₀ of ETL: Tsai's Born σ over the massless IWW on the same x range.
/// The massless IWW is 4α³ χ₀ J₁/(2 m_e²) (module docs, item 1), so R₀
/// does not depend on E₀ beyond the x range.
fn etl_ratio_massless(nucleus: Nucleus, lo: f64, hi: f64) -> f64 {
    let (j1, _) = tsai_x_integrals(lo, hi);
    let me2 = ELECTRON.mass * ELECTRON.mass;
    let iww0 = 4.0 * ALPHA_EM.powi(3) * chi_massless(nucleus) * j1 / (2.0 * me2);
    sigma_tsai_born(nucleus, lo, hi) / iww0
}

/// Cross section (GeV⁻², ε = 1) for V energies above `x_cut · e0` at a
/// mass below [`electron_brem::MIN_MASS`], continuing `method` as described
/// in the module docs (item 3). Called by [`electron_brem::sigma_above`].
#[must_use]
pub fn sigma_above_light(method: BremMethod, e0: f64, m: f64, nucleus: Nucleus, x_cut: f64) -> f64 {
    let exact = sigma_iww_exact(e0, m, nucleus, x_cut);
    if exact <= 0.0 {
        return 0.0;
    }
    let (lo, hi) = x_limits(e0, m, x_cut);
    let r0 = match method {
        BremMethod::Iww => 1.0,
        BremMethod::Etl => etl_ratio_massless(nucleus, lo, hi),
    };
    let m0 = electron_brem::MIN_MASS;
    let exact0 = sigma_iww_exact(e0, m0, nucleus, x_cut);
    // Without a 1 MeV match (E₀ or the cut leave no room for a 1 MeV V) the
    // massless ratio is used throughout.
    let r = if exact0 > 0.0 {
        let r1 = electron_brem::sigma_above(method, e0, m0, nucleus, x_cut) / exact0;
        let me2 = ELECTRON.mass * ELECTRON.mass;
        let w = (m * m / (m * m + me2)) / (m0 * m0 / (m0 * m0 + me2));
        r0 + (r1 - r0) * w
    } else {
        r0
    };
    exact * r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::production::electron_brem::LEAD;

    /// For m ≫ m_e the exact-m_e dσ/dx is BEST's: relative difference
    /// O(m_e²/m²) = 3·10⁻⁵ at 100 MeV.
    #[test]
    fn heavy_limit_is_best() {
        let (e0, m) = (100.0, 0.1);
        for &x in &[0.1, 0.5, 0.9] {
            let a = dsigma_dx_iww_exact(e0, m, x, 1.0);
            let b = electron_brem::dsigma_dx_iww(e0, m, x, 1.0);
            assert!((a / b - 1.0).abs() < 1e-4, "x={x}: {a} vs {b}");
        }
    }

    /// For m → 0 the x-dependence is the photon's, (4/3)(1 − x) + x².
    #[test]
    fn massless_shape_is_bethe_heitler() {
        let me2 = ELECTRON.mass * ELECTRON.mass;
        for &x in &[0.05, 0.5, 0.95] {
            let s = dsigma_dx_iww_exact(100.0, 1e-9, x, 1.0);
            let bh = 4.0 * ALPHA_EM.powi(3) * ((4.0 / 3.0) * (1.0 - x) + x * x) / (2.0 * me2 * x);
            assert!((s / bh - 1.0).abs() < 1e-6, "x={x}: {s} vs {bh}");
        }
    }

    #[test]
    fn continuous_at_one_mev_and_empty_ranges() {
        let m0 = electron_brem::MIN_MASS;
        for method in [BremMethod::Etl, BremMethod::Iww] {
            let above = electron_brem::sigma_above(method, 100.0, m0, LEAD, 0.5);
            let below = sigma_above_light(method, 100.0, m0 * (1.0 - 1e-9), LEAD, 0.5);
            assert!((below / above - 1.0).abs() < 1e-6, "{method:?}");
        }
        assert_eq!(
            sigma_above_light(BremMethod::Etl, 1e-4, 2e-4, LEAD, 0.0),
            0.0
        );
    }
}
