//! Dark-photon bremsstrahlung off the beam proton, p N → p N A′, in the
//! Fermi–Weizsäcker–Williams (FWW) approach of J. Blümlein and J. Brunner,
//! PLB 731 (2014) 320, arXiv:1311.3870 (§2).
//!
//! Per inelastic proton interaction and at ε = 1 (yields scale as ε²):
//!
//! d²N/dz dp_T² = σ_pp(s′)/σ_pp(s) · w_ba(z, p_T²) · |F₁(m²)|²,
//!
//! with the splitting function
//!
//! w_ba = α/(2πH) [ (1 + (1−z)²)/z − 2z(1−z)((2M² + m²)/H − 2z²M⁴/H²)
//!                  + 2z(1−z)(1 + (1−z)²) M²m²/H² + 2z(1−z)² m⁴/H² ],
//!
//! H = p_T² + (1−z) m² + z² M², M the proton mass, m the A′ mass,
//! z = E_A′/E_p the energy fraction carried by the A′ (within the validity
//! region below the energy and longitudinal-momentum fractions agree to
//! O(m²/E², p_T²/E²), far below the accuracy of the approximation),
//! s = 2 M E_p and s′ = 2 M (E_p − E_A′).
//!
//! **σ_pp** is the PDG fit of the total pp cross section,
//! σ = Z + B ln²(s/s₀) + Y₁(s₁/s)^η₁ − Y₂(s₁/s)^η₂, with Z = 35.45 mb,
//! B = 0.308 mb, Y₁ = 42.53 mb, Y₂ = 33.34 mb, √s₀ = 5.38 GeV,
//! s₁ = 1 GeV², η₁ = 0.458, η₂ = 0.545 (K. A. Olive et al., PDG, CPC 38
//! (2014) 090001, "Plots of cross sections and related quantities"), the
//! same parametrisation as
//! ALPINIST's `ALP_production/modes/dp_brems_functions.py` (`SigmaPP`).
//! Only the ratio σ(s′)/σ(s) enters.
//!
//! **|F₁(m²)|²** is the time-like Dirac form factor of the proton in the
//! vector-meson-dominance fit of A. Faessler, M. I. Krivoruchenko,
//! B. V. Martemyanov, PRC 82 (2010) 015205, with three isovector (ρ, ρ′,
//! ρ″) and three isoscalar (ω, ω′, ω″) poles,
//!
//! F₁(q²) = Σ_V f_V M_V² / (M_V² − q² − i q Γ_V),
//!
//! f_ρ,ρ′,ρ″ = 0.616, 0.223, −0.339 and f_ω,ω′,ω″ = 1.011, −0.881, 0.369
//! (Σ f_V = 0.999, so F₁(0) ≈ 1); masses and widths as tabulated in ALPINIST
//! (`ALP_production/general/exotic_constants.py`: `f_rho0`, `m_rho0`,
//! `Gamma_rho0`, `f_omega0`, `m_omega0`, `Gamma_omega0`; used in
//! `ALP_production/modes/bremsstrahlung.py`, `form_factor_vector`, following
//! Foroughi-Abari and Ritz, arXiv:2108.05900). We take the modulus of the
//! coherent sum; ALPINIST adds the moduli of the isovector and isoscalar
//! sums, which differs away from the poles.
//!
//! **Validity** (Blümlein–Brunner §2): E_p, E_A′, E_p − E_A′ ≫ M, m, |p_T|.
//! Integrated rates and the sampler therefore keep 0.1 ≤ z ≤ 0.9
//! ([`Z_MIN`], [`Z_MAX`]) and p_T < 1 GeV ([`PT_MAX`]); at E_p = 400 GeV this
//! means E_A′ ≥ 40 GeV and E_p − E_A′ ≥ 40 GeV. The approximation is not
//! reliable for m ≳ 2 GeV or for E_p below a few tens of GeV, and none of the
//! functions guards against that: they only return 0 (or `None`) for
//! non-physical input.
//!
//! **Not included:** the Pauli form factor F₂ and the off-shell suppression
//! of the intermediate proton (Foroughi-Abari & Ritz; Gorbunov & Kriukova,
//! arXiv:2306.15800, 2409.11386), nuclear effects beyond the σ_pp ratio,
//! and secondary protons of the hadronic shower.

use crate::kinematics::FourVector;
use crate::numeric::quadrature::gauss_legendre;
use crate::numeric::rng::Rng;
use crate::units::{ALPHA_EM, PROTON};
use std::sync::OnceLock;

/// Lower edge of the z = E_A′/E_p range kept in rates and sampling.
pub const Z_MIN: f64 = 0.1;
/// Upper edge of the z range kept in rates and sampling.
pub const Z_MAX: f64 = 0.9;
/// Largest A′ transverse momentum kept in rates and sampling, GeV.
pub const PT_MAX: f64 = 1.0;

/// Gauss–Legendre order per panel.
const GL_ORDER: usize = 20;
/// Panels in z.
const Z_PANELS: usize = 8;
/// Panels in ln H (the p_T² variable).
const U_PANELS: usize = 8;

fn gl_rule() -> &'static (Vec<f64>, Vec<f64>) {
    static RULE: OnceLock<(Vec<f64>, Vec<f64>)> = OnceLock::new();
    RULE.get_or_init(|| gauss_legendre(GL_ORDER))
}

/// One vector-meson pole of F₁: (coupling f_V, mass GeV, width GeV).
type Pole = (f64, f64, f64);

/// Isovector poles ρ(770), ρ(1450), ρ(1700) (Faessler et al. 2010 fit
/// couplings; masses/widths as in ALPINIST `exotic_constants.py`).
const ISOVECTOR_POLES: [Pole; 3] = [
    (0.616, 0.775_26, 0.1474),
    (0.223, 1.465, 0.4),
    (-0.339, 1.72, 0.25),
];
/// Isoscalar poles ω(782), ω(1420), ω(1650) (same sources).
const ISOSCALAR_POLES: [Pole; 3] = [
    (1.011, 0.782_66, 0.008_68),
    (-0.881, 1.41, 0.29),
    (0.369, 1.67, 0.315),
];

/// Total pp cross section in mb at squared CM energy `s` (GeV²), the PDG
/// 2014 fit quoted in the module docs. Returns 0 for s ≤ 0 or non-finite s.
#[must_use]
pub fn sigma_pp_mb(s: f64) -> f64 {
    if !(s.is_finite() && s > 0.0) {
        return 0.0;
    }
    const Z: f64 = 35.45;
    const B: f64 = 0.308;
    const Y1: f64 = 42.53;
    const Y2: f64 = 33.34;
    const S0: f64 = 5.38 * 5.38;
    const S1: f64 = 1.0;
    const ETA1: f64 = 0.458;
    const ETA2: f64 = 0.545;
    let l = (s / S0).ln();
    (Z + B * l * l + Y1 * (S1 / s).powf(ETA1) - Y2 * (S1 / s).powf(ETA2)).max(0.0)
}

/// |F₁(m²)|², the time-like Dirac form factor of the proton squared
/// (Faessler et al., PRC 82 (2010) 015205 VMD fit). Equals 0.998 at m = 0
/// and peaks at the ω(782) pole. Returns 0 for a negative or non-finite mass.
#[must_use]
pub fn form_factor_sq(m: f64) -> f64 {
    if !(m.is_finite() && m >= 0.0) {
        return 0.0;
    }
    let q2 = m * m;
    let (mut re, mut im) = (0.0, 0.0);
    for &(f, mv, gv) in ISOVECTOR_POLES.iter().chain(ISOSCALAR_POLES.iter()) {
        // f M² / (M² − q² − i q Γ) = f M² (M² − q² + i q Γ) / ((M² − q²)² + q²Γ²)
        let a = mv * mv - q2;
        let b = m * gv;
        let d = a * a + b * b;
        re += f * mv * mv * a / d;
        im += f * mv * mv * b / d;
    }
    re * re + im * im
}

/// The Blümlein–Brunner splitting function w_ba(z, p_T²) at ε = 1, in GeV⁻²
/// (per unit z and unit p_T²), without the form factor. `m` is the A′ mass.
/// Returns 0 outside 0 < z < 1, for p_T² < 0 and for non-finite input.
#[must_use]
pub fn splitting_function(z: f64, pt2: f64, m: f64) -> f64 {
    if !(z > 0.0 && z < 1.0 && pt2.is_finite() && pt2 >= 0.0 && m.is_finite() && m >= 0.0) {
        return 0.0;
    }
    let (a1, a2, a3) = splitting_coefficients(z, m);
    let h = pt2 + h_offset(z, m);
    ALPHA_EM / (2.0 * std::f64::consts::PI) * (a1 / h + a2 / (h * h) + a3 / (h * h * h))
}

/// H − p_T² = (1−z) m² + z² M².
fn h_offset(z: f64, m: f64) -> f64 {
    let mp = PROTON.mass;
    (1.0 - z) * m * m + z * z * mp * mp
}

/// w_ba = α/(2π) (a₁/H + a₂/H² + a₃/H³): the coefficients, obtained by
/// expanding the bracket of Blümlein–Brunner's splitting function.
fn splitting_coefficients(z: f64, m: f64) -> (f64, f64, f64) {
    let mp2 = PROTON.mass * PROTON.mass;
    let m2 = m * m;
    let omz = 1.0 - z;
    let p = 1.0 + omz * omz;
    let c = 2.0 * z * omz;
    let a1 = p / z;
    let a2 = -c * (2.0 * mp2 + m2);
    let a3 = c * (2.0 * z * z * mp2 * mp2 + p * mp2 * m2 + omz * m2 * m2);
    (a1, a2, a3)
}

fn inputs_ok(e_beam: f64, m: f64) -> bool {
    e_beam.is_finite() && e_beam > 0.0 && m.is_finite() && m >= 0.0
}

/// σ_pp(s′)/σ_pp(s) with s = 2 M E_p, s′ = 2 M E_p (1 − z).
fn sigma_ratio(e_beam: f64, z: f64) -> f64 {
    let s = 2.0 * PROTON.mass * e_beam;
    let den = sigma_pp_mb(s);
    if den <= 0.0 {
        return 0.0;
    }
    sigma_pp_mb(s * (1.0 - z)) / den
}

/// Largest p_T² kept at this z: min(PT_MAX², E_A′² − m²) (≤ 0: closed).
fn pt2_max(e_beam: f64, m: f64, z: f64) -> f64 {
    let e_a = z * e_beam;
    (PT_MAX * PT_MAX).min(e_a * e_a - m * m)
}

/// d²N/dz dp_T² (GeV⁻²) for an A′ of mass `m` radiated off a proton of
/// energy `e_beam` (GeV), per inelastic proton interaction, at ε = 1,
/// including σ_pp(s′)/σ_pp(s) and |F₁(m²)|² (Blümlein–Brunner §2).
///
/// No validity cut is applied here (see [`rate_per_interaction`]); returns 0
/// outside 0 < z < 1, for p_T² < 0, where E_A′ = z E_p is below
/// √(m² + p_T²), and for non-finite or negative input.
#[must_use]
pub fn dn_dz_dpt2(e_beam: f64, m: f64, z: f64, pt2: f64) -> f64 {
    if !(inputs_ok(e_beam, m) && z > 0.0 && z < 1.0 && pt2.is_finite() && pt2 >= 0.0) {
        return 0.0;
    }
    let e_a = z * e_beam;
    if e_a * e_a < m * m + pt2 {
        return 0.0;
    }
    sigma_ratio(e_beam, z) * splitting_function(z, pt2, m) * form_factor_sq(m)
}

/// dN/dz = ∫ d²N/dz dp_T² over 0 ≤ p_T < [`PT_MAX`] (and the kinematic
/// limit), per interaction at ε = 1, from the closed-form p_T² integral of
/// the splitting function:
/// ∫dp_T²/H = ln((P+A)/A), ∫dp_T²/H² = P/(A(P+A)),
/// ∫dp_T²/H³ = P(P+2A)/(2A²(P+A)²), A = H − p_T², P = p_T²,max.
/// No z cut is applied; 0 outside 0 < z < 1 or for bad input.
#[must_use]
pub fn dn_dz(e_beam: f64, m: f64, z: f64) -> f64 {
    if !(inputs_ok(e_beam, m) && z > 0.0 && z < 1.0) {
        return 0.0;
    }
    let p = pt2_max(e_beam, m, z);
    if p <= 0.0 {
        return 0.0;
    }
    let a = h_offset(z, m);
    let (a1, a2, a3) = splitting_coefficients(z, m);
    let i1 = (p / a).ln_1p();
    let i2 = p / (a * (p + a));
    let i3 = p * (p + 2.0 * a) / (2.0 * a * a * (p + a) * (p + a));
    let w = ALPHA_EM / (2.0 * std::f64::consts::PI) * (a1 * i1 + a2 * i2 + a3 * i3);
    sigma_ratio(e_beam, z) * w * form_factor_sq(m)
}

/// The z range actually open: [max(Z_MIN, m/E_p), Z_MAX] (empty → None).
fn z_range(e_beam: f64, m: f64) -> Option<(f64, f64)> {
    let lo = Z_MIN.max(m / e_beam);
    (lo < Z_MAX).then_some((lo, Z_MAX))
}

/// Number of A′ per inelastic proton interaction at ε = 1, integrated over
/// the validity region 0.1 ≤ z ≤ 0.9, p_T < 1 GeV (and E_A′ > √(m² + p_T²)).
///
/// Composite Gauss–Legendre in z and in u = ln H = ln(p_T² + A), in which
/// the ~1/H integrand is smooth (8 × 8 panels of 20 nodes). Returns 0 for
/// non-finite or negative input or when no phase space is open.
#[must_use]
pub fn rate_per_interaction(e_beam: f64, m: f64) -> f64 {
    if !inputs_ok(e_beam, m) {
        return 0.0;
    }
    let Some((z_lo, z_hi)) = z_range(e_beam, m) else {
        return 0.0;
    };
    let ff = form_factor_sq(m);
    let (x, w) = gl_rule();
    let dz = (z_hi - z_lo) / Z_PANELS as f64;
    let mut total = 0.0;
    for iz in 0..Z_PANELS {
        let z0 = z_lo + dz * iz as f64;
        for (xz, wz) in x.iter().zip(w) {
            let z = z0 + 0.5 * dz * (xz + 1.0);
            let p = pt2_max(e_beam, m, z);
            if p <= 0.0 {
                continue;
            }
            let a = h_offset(z, m);
            let (u_lo, u_hi) = (a.ln(), (a + p).ln());
            let du = (u_hi - u_lo) / U_PANELS as f64;
            let mut inner = 0.0;
            for iu in 0..U_PANELS {
                let u0 = u_lo + du * iu as f64;
                for (xu, wu) in x.iter().zip(w) {
                    let h = (u0 + 0.5 * du * (xu + 1.0)).exp();
                    let pt2 = (h - a).max(0.0);
                    inner += wu * 0.5 * du * h * splitting_function(z, pt2, m);
                }
            }
            total += wz * 0.5 * dz * sigma_ratio(e_beam, z) * inner;
        }
    }
    total * ff
}

/// Draws one A′ from proton bremsstrahlung at beam energy `e_beam` (beam
/// along +z): returns its lab four-momentum and a weight such that the mean
/// weight over many draws equals [`rate_per_interaction`] (A′ per inelastic
/// interaction at ε = 1).
///
/// z is uniform on the open part of [0.1, 0.9], ln(p_T² + A) uniform on
/// [ln A, ln(p_T²,max + A)] (importance sampling of the ~1/H shape), φ
/// uniform. `None` for non-finite or negative input or when no phase space
/// is open.
pub fn sample(e_beam: f64, m: f64, rng: &mut Rng) -> Option<(FourVector, f64)> {
    if !inputs_ok(e_beam, m) {
        return None;
    }
    let (z_lo, z_hi) = z_range(e_beam, m)?;
    let z = z_lo + (z_hi - z_lo) * rng.uniform();
    let p = pt2_max(e_beam, m, z);
    let a = h_offset(z, m);
    if p <= 0.0 || a <= 0.0 {
        return None;
    }
    let (u_lo, u_hi) = (a.ln(), (a + p).ln());
    let h = (u_lo + (u_hi - u_lo) * rng.uniform()).exp();
    let pt2 = (h - a).clamp(0.0, p);
    let weight = dn_dz_dpt2(e_beam, m, z, pt2) * h * (u_hi - u_lo) * (z_hi - z_lo);
    let e_a = z * e_beam;
    let pt = pt2.sqrt();
    let pz = (e_a * e_a - m * m - pt2).max(0.0).sqrt();
    let phi = std::f64::consts::TAU * rng.uniform();
    Some((
        FourVector::new(e_a, pt * phi.cos(), pt * phi.sin(), pz),
        weight,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigma_pp_is_about_39_mb_at_sps() {
        // PDG: σ_tot(pp) ≈ 38.5–40 mb at √s ≈ 27 GeV.
        let s = 2.0 * PROTON.mass * 400.0;
        let sig = sigma_pp_mb(s);
        assert!((38.0..40.5).contains(&sig), "{sig}");
        assert_eq!(sigma_pp_mb(-1.0), 0.0);
    }

    #[test]
    fn bad_input_is_harmless() {
        let mut rng = Rng::new(3, 0);
        assert_eq!(dn_dz_dpt2(f64::NAN, 0.1, 0.5, 0.1), 0.0);
        assert_eq!(dn_dz_dpt2(400.0, -0.1, 0.5, 0.1), 0.0);
        assert_eq!(dn_dz_dpt2(400.0, 0.1, 1.5, 0.1), 0.0);
        assert_eq!(dn_dz_dpt2(400.0, 0.1, 0.5, -0.1), 0.0);
        assert_eq!(rate_per_interaction(-400.0, 0.1), 0.0);
        assert_eq!(rate_per_interaction(400.0, f64::INFINITY), 0.0);
        // No phase space: A′ heavier than 0.9 E_p.
        assert_eq!(rate_per_interaction(1.0, 0.95), 0.0);
        assert!(sample(1.0, 0.95, &mut rng).is_none());
        assert!(sample(f64::NAN, 0.1, &mut rng).is_none());
        assert_eq!(form_factor_sq(f64::NAN), 0.0);
        assert_eq!(splitting_function(0.0, 0.1, 0.1), 0.0);
    }
}
