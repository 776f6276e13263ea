//! Bremsstrahlung of a vector boson off a massive beam lepton (a muon),
//! ℓ Z → ℓ Z V, for a V with a vector coupling g to that lepton (the Lμ−Lτ Z′
//! with g = g_Z′; a dark photon with g = εe).
//!
//! Cross sections are returned in GeV⁻² per nucleus **at g = 1**; they scale
//! as g². Two methods, both keeping the beam-lepton mass m_ℓ everywhere:
//!
//! - **WW** (phase-space Weizsäcker–Williams; NA64μ's and DMG4's default,
//!   `DarkZ` with `IApprox = 2`): the double-differential cross section of
//!   D. V. Kirpichnikov, H. Sieber, L. Molina Bueno, P. Crivelli,
//!   M. M. Kirsanov, PRD 104 (2021) 076012 (arXiv:2107.13297), as encoded in
//!   DMG4 (`DarkZ::CrossSectionDSDXDTheta`, M. Bondi et al., CPC 269 (2021)
//!   108129):
//!
//!   dσ/(dx dθ) = 2α² (g²/4π) E₀² sin θ · x β (1 − x)/ũ² · χ(t_min(ũ)) ·
//!   [2(2 − 2x + x²)/(1 − x) + 4(m² + 2m_ℓ²)(ũx + m²(1 − x) + m_ℓ²x²)/ũ²],
//!
//!   ũ = −x E₀² θ² − m²(1 − x)/x − m_ℓ² x, x = E_V/E₀, θ the V angle,
//!   x β = √(x² − m²/E₀²), with the photon flux χ evaluated for each (x, θ)
//!   between t_min = ũ²/(4E₀²(1 − x)²) and t_max = E₀² (elastic form factor
//!   of J. D. Bjorken, R. Essig, P. Schuster, N. Toro, PRD 80 (2009) 075018,
//!   eq. A18, integrated in closed form). The θ integral runs to
//!   θ_max = 0.3 rad, DMG4's choice (beyond it the integrand is negligible
//!   at NA64μ energies). The paper compares this WW result with IWW and
//!   with its exact-tree-level calculation for the NA64μ beam.
//! - **IWW** (improved WW, constant χ): the θ-integrated form with m_ℓ kept
//!   that DMG4 uses (`DarkZ::CrossSectionDSDX_IWW`, citing arXiv:1705.01633
//!   eq. 30; the muon-beam IWW of C.-Y. Chen, M. Pospelov, Y.-M. Zhong,
//!   PRD 95 (2017) 115005 is the same expansion):
//!
//!   dσ/dx = (2/3) α² (g²/4π) β χ [2U(3 − 3x + x²) + m_ℓ² x(x² + 2x − 2)]/U²,
//!
//!   U = m²(1 − x)/x + m_ℓ² x, χ between t_min = m⁴/(4E₀²) and t_max = E₀²
//!   (DMG4 `DarkZ::TotalCrossSectionCalc_IWW`). For m_ℓ → 0 this is the
//!   electron formula of BEST, 4α³ε²βχ(1 − x + x²/3)/U (with α ε² = g²/4π).
//!
//! Only the elastic (coherent) nuclear form factor enters, as in DMG4; the
//! inelastic term adds ≈ 1/Z ≈ 1 % on lead.

use crate::numeric::quadrature::composite_gauss_legendre;
use crate::production::electron_brem::Nucleus;
use crate::units::ALPHA_EM;
use serde::Serialize;
use std::f64::consts::PI;
use std::str::FromStr;

/// Largest V angle of the WW θ integral (rad), DMG4's `DarkZ::ThetaMax`.
pub const THETA_MAX: f64 = 0.3;

/// Which cross-section calculation to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MuonBremMethod {
    /// Phase-space Weizsäcker–Williams (θ-dependent flux), the default.
    #[default]
    Ww,
    /// Improved Weizsäcker–Williams (constant flux).
    Iww,
}

impl MuonBremMethod {
    /// Name used in presets.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Ww => "ww",
            Self::Iww => "iww",
        }
    }
}

impl FromStr for MuonBremMethod {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "ww" => Ok(Self::Ww),
            "iww" => Ok(Self::Iww),
            other => Err(format!(
                "unknown muon-bremsstrahlung method '{other}' (expected ww or iww)"
            )),
        }
    }
}

/// BEST eq. A18 screening and nuclear-size scales: (t_a = 1/a², t_d = d),
/// a = 111 Z^(−1/3)/m_e, d = 0.164 A^(−2/3) GeV².
fn flux_scales(nucleus: Nucleus) -> (f64, f64) {
    let a = nucleus.a_el();
    (1.0 / (a * a), nucleus.d())
}

/// Elastic photon flux χ = ∫ dt (t − t_min)/t² G₂,el(t) from `tmin` to
/// `tmax` (BEST eqs. A17–A18, Z² included), in closed form.
#[must_use]
pub fn chi_elastic(tmin: f64, tmax: f64, nucleus: Nucleus) -> f64 {
    if tmax <= tmin {
        return 0.0;
    }
    let (ta, td) = flux_scales(nucleus);
    let logs = ((ta + tmax) / (td + tmax)).ln() - ((ta + tmin) / (td + tmin)).ln();
    let first = (ta - td) * (ta + td + 2.0 * tmax) * (tmax - tmin) / ((ta + tmax) * (td + tmax));
    let v = -td * td * (first + (ta + td + 2.0 * tmin) * logs) / (ta - td).powi(3);
    (nucleus.z * nucleus.z * v).max(0.0)
}

/// Kinematic range of x = E_V/E₀: [m/E₀, 1 − m_ℓ/E₀].
#[must_use]
pub fn x_range(e0: f64, m: f64, m_lepton: f64) -> (f64, f64) {
    (m / e0, 1.0 - m_lepton / e0)
}

/// WW dσ/dx at g = 1 (GeV⁻²), the θ integral of Kirpichnikov et al.'s
/// dσ/(dx dθ) (module docs) done numerically in ln|ũ|.
#[must_use]
pub fn dsigma_dx_ww(e0: f64, m: f64, m_lepton: f64, nucleus: Nucleus, x: f64) -> f64 {
    let (x_lo, x_hi) = x_range(e0, m, m_lepton);
    if !(x > x_lo && x < x_hi) {
        return 0.0;
    }
    let (m2, ml2, e02) = (m * m, m_lepton * m_lepton, e0 * e0);
    let xbeta = (x * x - m2 / e02).sqrt();
    let u0 = m2 * (1.0 - x) / x + ml2 * x;
    let j = 2.0 * (2.0 - 2.0 * x + x * x) / (1.0 - x);
    let k = 4.0 * (m2 + 2.0 * ml2);
    let l = m2 * (1.0 - x) + ml2 * x * x;
    let tscale = 4.0 * e02 * (1.0 - x) * (1.0 - x);
    let u_max = u0 + x * e02 * THETA_MAX * THETA_MAX;
    // In v = ln|ũ|: sin θ dθ = (sin θ/θ) d|ũ|/(2x E₀²), d|ũ| = |ũ| dv.
    let integrand = |v: f64| {
        let au = v.exp();
        let u = -au;
        let theta = ((au - u0).max(0.0) / (x * e02)).sqrt();
        let sinc = if theta > 1e-4 {
            theta.sin() / theta
        } else {
            1.0
        };
        let amp = (j + k * (u * x + l) / (u * u)).max(0.0);
        let chi = chi_elastic(u * u / tscale, e02, nucleus);
        sinc * au / (2.0 * x * e02) * (1.0 - x) / (u * u) * amp * chi
    };
    let theta_integral = composite_gauss_legendre(integrand, u0.ln(), u_max.ln(), 12);
    2.0 * ALPHA_EM * ALPHA_EM / (4.0 * PI) * e02 * xbeta * theta_integral
}

/// IWW dσ/dx at g = 1 (GeV⁻²) (module docs).
#[must_use]
pub fn dsigma_dx_iww(e0: f64, m: f64, m_lepton: f64, nucleus: Nucleus, x: f64) -> f64 {
    let (x_lo, x_hi) = x_range(e0, m, m_lepton);
    if !(x > x_lo && x < x_hi) {
        return 0.0;
    }
    let (m2, ml2) = (m * m, m_lepton * m_lepton);
    let beta = (1.0 - m2 / (x * x * e0 * e0)).sqrt();
    let u = m2 * (1.0 - x) / x + ml2 * x;
    let chi = chi_elastic(m2 * m2 / (4.0 * e0 * e0), e0 * e0, nucleus);
    let num = 2.0 * u * (3.0 - 3.0 * x + x * x) + ml2 * x * (x * x + 2.0 * x - 2.0);
    (2.0 / 3.0) * ALPHA_EM * ALPHA_EM / (4.0 * PI) * beta * chi * num / (u * u)
}

/// dσ/dx at g = 1 (GeV⁻²) with the chosen method.
#[must_use]
pub fn dsigma_dx(
    method: MuonBremMethod,
    e0: f64,
    m: f64,
    m_lepton: f64,
    nucleus: Nucleus,
    x: f64,
) -> f64 {
    match method {
        MuonBremMethod::Ww => dsigma_dx_ww(e0, m, m_lepton, nucleus, x),
        MuonBremMethod::Iww => dsigma_dx_iww(e0, m, m_lepton, nucleus, x),
    }
}

/// σ(x_lo < x < x_hi) at g = 1 (GeV⁻²), clipped to the kinematic range and
/// integrated in w = −ln(1 − x), which resolves the rise towards x → 1.
#[must_use]
pub fn sigma_between(
    method: MuonBremMethod,
    e0: f64,
    m: f64,
    m_lepton: f64,
    nucleus: Nucleus,
    x_lo: f64,
    x_hi: f64,
) -> f64 {
    if m >= e0 - m_lepton {
        return 0.0;
    }
    let (k_lo, k_hi) = x_range(e0, m, m_lepton);
    let (lo, hi) = (x_lo.max(k_lo), x_hi.min(k_hi));
    if hi <= lo {
        return 0.0;
    }
    let (w_lo, w_hi) = (-(-lo).ln_1p(), -(-hi).ln_1p());
    composite_gauss_legendre(
        |w| {
            let one_minus_x = (-w).exp();
            dsigma_dx(method, e0, m, m_lepton, nucleus, 1.0 - one_minus_x) * one_minus_x
        },
        w_lo,
        w_hi,
        10,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::production::electron_brem::{self, LEAD};
    use crate::units::{ELECTRON, MUON};

    #[test]
    fn closed_form_flux_matches_the_electron_module() {
        // Same integral as electron_brem::chi_elastic_analytic on its t range.
        for &m in &[0.01f64, 0.3] {
            let e0 = 100.0;
            let a = chi_elastic(m.powi(4) / (4.0 * e0 * e0), m * m, LEAD);
            let b = electron_brem::chi_elastic_analytic(e0, m, LEAD);
            assert!((a / b - 1.0).abs() < 1e-12, "{a} {b}");
        }
    }

    #[test]
    fn iww_reduces_to_best_for_an_electron_beam() {
        // m_ℓ = m_e: CPZ eq. 30 = BEST 4α³βχ(1−x+x²/3)/U up to O(m_e²x/U).
        let (e0, m) = (100.0, 0.05f64);
        let chi = chi_elastic(m.powi(4) / (4.0 * e0 * e0), e0 * e0, LEAD);
        for &x in &[0.3, 0.6, 0.9] {
            let ours = dsigma_dx_iww(e0, m, ELECTRON.mass, LEAD, x) * 4.0 * PI * ALPHA_EM;
            let best = electron_brem::dsigma_dx_iww(e0, m, x, chi);
            // BEST's β is √(1 − m²/E₀²), ours √(1 − m²/(xE₀)²): < 1e-5 here.
            assert!((ours / best - 1.0).abs() < 1e-3, "x={x}: {ours} {best}");
        }
    }

    #[test]
    fn ww_below_iww_for_a_muon_beam_and_heavy_bosons_fall() {
        let e0 = 160.0;
        let (ww, iww) = (
            sigma_between(MuonBremMethod::Ww, e0, 0.01, MUON.mass, LEAD, 0.5, 1.0),
            sigma_between(MuonBremMethod::Iww, e0, 0.01, MUON.mass, LEAD, 0.5, 1.0),
        );
        // The θ-dependent t_min of WW cuts the flux for x → 1 (|ũ| ≥ m_μ² x):
        // measured WW/IWW = 0.61 (tests/na64mu_lmu_ltau.rs).
        assert!(ww > 0.5 * iww && ww < 0.7 * iww, "{ww} {iww}");
        // Heavy bosons: σ falls roughly as 1/m².
        let heavy = sigma_between(MuonBremMethod::Ww, e0, 1.0, MUON.mass, LEAD, 0.5, 1.0);
        let mid = sigma_between(MuonBremMethod::Ww, e0, 0.5, MUON.mass, LEAD, 0.5, 1.0);
        assert!(heavy < mid && mid < ww);
        assert!(heavy / mid > 0.15 && heavy / mid < 0.35, "{}", heavy / mid);
    }
}
