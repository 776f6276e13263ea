//! One-loop contributions to the electron anomalous magnetic moment
//! a_e = (g − 2)/2 from a new neutral boson X of mass M coupled only to the
//! electron, with a scalar (S: g ēe X), pseudoscalar (P: g ē iγ⁵ e X),
//! vector (V: g ēγ^μ e X_μ) or axial-vector (A: g ēγ^μγ⁵ e X_μ) coupling —
//! the four cases of NA64, PRL 126 (2021) 211802 (arXiv:2102.01885).
//!
//! With λ = m_e/M and D(x) = (1 − x)(1 − λ²x) + λ²x = 1 − x + λ²x²
//! (J. P. Leveille, Nucl. Phys. B 137 (1978) 63, with the internal fermion
//! equal to the external one; the same one-parameter integrals, in the
//! notation Δa = (f²/4π²)(m²/M²) L with the fermion-mass ratio set to 1, are
//! the generic new-physics contributions of F. Jegerlehner, A. Nyffeler,
//! Phys. Rept. 477 (2009) 1, Sect. 7, and of M. Lindner, M. Platscher,
//! F. S. Queiroz, Phys. Rept. 731 (2018) 1):
//!
//! - Δa_S = (g²/8π²) λ² ∫₀¹ dx x²(2 − x)/D(x)
//! - Δa_P = (g²/8π²) λ² ∫₀¹ dx (−x³)/D(x)
//! - Δa_V = (g²/8π²) λ² ∫₀¹ dx 2x²(1 − x)/D(x)
//! - Δa_A = (g²/8π²) λ² ∫₀¹ dx [2x(1 − x)(x − 4) − 4λ²x³]/D(x)
//!   (unitary gauge: the second term is the longitudinal mode, coupled to
//!   the non-conserved axial current; it makes Δa_A ∝ −1/M² for M ≪ m_e).
//!
//! Limits (checked in the tests): for M ≪ m_e, Δa_S → (g²/8π²)·3/2,
//! Δa_P → −(g²/8π²)/2, Δa_V → g²/8π² (Schwinger's α/2π with α → g²/4π),
//! Δa_A → −(g²/8π²)·2m_e²/M²; for M ≫ m_e, with L = ln(M²/m_e²),
//! Δa_S → (g²/8π²)(m_e²/M²)(L − 7/6), Δa_P → −(g²/8π²)(m_e²/M²)(L − 11/6),
//! Δa_V → (g²/8π²)(m_e²/M²)·2/3, Δa_A → −(g²/8π²)(m_e²/M²)·10/3.
//!
//! The measured deviations quoted by NA64 (and the seed 002):
//! [`DELTA_A_E_RB`] and [`DELTA_A_E_CS`].

use super::ModelError;
use crate::numeric::quadrature::gauss_legendre;
use crate::units::ELECTRON;
use serde::Serialize;
use std::f64::consts::PI;
use std::sync::OnceLock;

/// Δa_e = a_e(exp) − a_e(SM, α from ⁸⁷Rb recoil) = +4.8(3.0)×10⁻¹³:
/// L. Morel, Z. Yao, P. Cladé, S. Guellati-Khélifa, Nature 588 (2020) 61
/// (LKB), with a_e(exp) of D. Hanneke et al., PRL 100 (2008) 120801.
/// (value, 1σ).
pub const DELTA_A_E_RB: (f64, f64) = (4.8e-13, 3.0e-13);

/// Δa_e with α from ¹³³Cs recoil = −8.8(3.6)×10⁻¹³: R. H. Parker, C. Yu,
/// W. Zhong, B. Estey, H. Müller, Science 360 (2018) 191 (Berkeley).
/// (value, 1σ).
pub const DELTA_A_E_CS: (f64, f64) = (-8.8e-13, 3.6e-13);

/// The Lorentz structure of the boson's coupling to the electron.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BosonType {
    /// Scalar, g ēe S.
    Scalar,
    /// Pseudoscalar, g ē iγ⁵ e P.
    Pseudoscalar,
    /// Vector, g ēγ^μ e V_μ.
    Vector,
    /// Axial vector, g ēγ^μγ⁵ e A_μ.
    Axial,
}

impl std::str::FromStr for BosonType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "scalar" | "S" | "s" => Ok(Self::Scalar),
            "pseudoscalar" | "P" | "p" => Ok(Self::Pseudoscalar),
            "vector" | "V" | "v" => Ok(Self::Vector),
            "axial" | "axial-vector" | "A" | "a" => Ok(Self::Axial),
            other => Err(format!(
                "unknown boson type '{other}': expected scalar, pseudoscalar, vector or axial"
            )),
        }
    }
}

impl BosonType {
    /// The name used in outputs.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Scalar => "scalar",
            Self::Pseudoscalar => "pseudoscalar",
            Self::Vector => "vector",
            Self::Axial => "axial",
        }
    }

    /// All four.
    #[must_use]
    pub fn all() -> [Self; 4] {
        [Self::Scalar, Self::Pseudoscalar, Self::Vector, Self::Axial]
    }
}

/// 20-point Gauss–Legendre nodes and weights on [−1, 1], computed once.
fn rule() -> &'static (Vec<f64>, Vec<f64>) {
    static R: OnceLock<(Vec<f64>, Vec<f64>)> = OnceLock::new();
    R.get_or_init(|| gauss_legendre(20))
}

/// Composite Gauss–Legendre over the panels between consecutive `edges`.
fn panels(edges: &[f64], f: &impl Fn(f64) -> f64) -> f64 {
    let (nodes, weights) = rule();
    edges
        .windows(2)
        .map(|w| {
            let (mid, half) = (0.5 * (w[0] + w[1]), 0.5 * (w[1] - w[0]));
            nodes
                .iter()
                .zip(weights)
                .map(|(&z, &wt)| wt * f(mid + half * z))
                .sum::<f64>()
                * half
        })
        .sum()
}

/// Edges 0, s₀, 10s₀, … up to `end`, with s₀ = 10⁻⁴ `scale`.
fn geometric_edges(scale: f64, end: f64) -> Vec<f64> {
    let mut edges = vec![0.0];
    let mut t = 1e-4 * scale.min(end);
    while t < end {
        edges.push(t);
        t *= 10.0;
    }
    edges.push(end);
    edges
}

/// ∫₀¹ f(x) dx for the integrands below, which vary on the scale λ² near
/// x = 1 (heavy boson, D(1) = λ²) and 1/λ near x = 0 (light boson,
/// D ≈ 1 + λ²x²): composite Gauss–Legendre on geometric panels towards both
/// ends, so both features are resolved at any mass.
fn integrate_both_ends(lambda2: f64, f: impl Fn(f64) -> f64) -> f64 {
    let low = geometric_edges(1.0 / lambda2.sqrt(), 0.5);
    let high = geometric_edges(lambda2, 0.5);
    panels(&low, &f) + panels(&high, &|t| f(1.0 - t))
}

/// Δa_e at coupling `g` for a boson of type `boson` and mass `mass` (GeV)
/// coupled only to the electron (see the module docs for the formulas).
pub fn delta_a_e(boson: BosonType, mass: f64, g: f64) -> Result<f64, ModelError> {
    if !(mass.is_finite() && mass > 0.0) {
        return Err(ModelError::InvalidMass(mass));
    }
    if !g.is_finite() {
        return Err(ModelError::InvalidCoupling(g));
    }
    let l2 = (ELECTRON.mass / mass).powi(2);
    let d = |x: f64| 1.0 - x + l2 * x * x;
    let integral = match boson {
        BosonType::Scalar => integrate_both_ends(l2, |x| x * x * (2.0 - x) / d(x)),
        BosonType::Pseudoscalar => integrate_both_ends(l2, |x| -x * x * x / d(x)),
        BosonType::Vector => integrate_both_ends(l2, |x| 2.0 * x * x * (1.0 - x) / d(x)),
        BosonType::Axial => integrate_both_ends(l2, |x| {
            (2.0 * x * (1.0 - x) * (x - 4.0) - 4.0 * l2 * x * x * x) / d(x)
        }),
    };
    Ok(g * g / (8.0 * PI * PI) * l2 * integral)
}

/// The coupling |g| at which the boson alone gives `target` = Δa_e, or `None`
/// when the signs differ (S and V contribute positively, P and A negatively
/// at every mass) — the "explains the anomaly" band of a limit plot.
pub fn coupling_for(boson: BosonType, mass: f64, target: f64) -> Result<Option<f64>, ModelError> {
    let unit = delta_a_e(boson, mass, 1.0)?;
    if !target.is_finite() || unit == 0.0 || target * unit <= 0.0 {
        return Ok(None);
    }
    Ok(Some((target / unit).sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(g: f64) -> f64 {
        g * g / (8.0 * PI * PI)
    }

    #[test]
    fn light_boson_limits() {
        // M = 1e-6 m_e: the corrections are O(M/m_e) (e.g. the scalar's
        // integrand 2λ²x²/(1 + λ²x²) misses π/λ near x = 0), ≈ 2e-6 here.
        let m = 1e-6 * ELECTRON.mass;
        let s = delta_a_e(BosonType::Scalar, m, 1.0).unwrap();
        let p = delta_a_e(BosonType::Pseudoscalar, m, 1.0).unwrap();
        let v = delta_a_e(BosonType::Vector, m, 1.0).unwrap();
        let a = delta_a_e(BosonType::Axial, m, 1.0).unwrap();
        assert!((s / (1.5 * c(1.0)) - 1.0).abs() < 1e-5, "{s}");
        assert!((p / (-0.5 * c(1.0)) - 1.0).abs() < 1e-5, "{p}");
        assert!((v / c(1.0) - 1.0).abs() < 1e-5, "{v}");
        assert!((a / (-2.0 * c(1.0) * 1e12) - 1.0).abs() < 1e-5, "{a}");
        // Schwinger: a vector with g = e gives α/2π.
        let e = (4.0 * PI * crate::units::ALPHA_EM).sqrt();
        let v_e = delta_a_e(BosonType::Vector, m, e).unwrap();
        assert!((v_e / (crate::units::ALPHA_EM / (2.0 * PI)) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn heavy_boson_limits() {
        // M = 1e3 m_e: corrections O(λ² L²) ≈ 5e-5 relative.
        let m = 1e3 * ELECTRON.mass;
        let r = 1e-6;
        let l = (1e6f64).ln();
        let cases = [
            (BosonType::Scalar, r * (l - 7.0 / 6.0)),
            (BosonType::Pseudoscalar, -r * (l - 11.0 / 6.0)),
            (BosonType::Vector, r * 2.0 / 3.0),
            (BosonType::Axial, -r * 10.0 / 3.0),
        ];
        for (b, expected) in cases {
            let got = delta_a_e(b, m, 1.0).unwrap() / c(1.0);
            assert!(
                (got / expected - 1.0).abs() < 2e-3,
                "{b:?}: {got} vs {expected}"
            );
        }
    }

    #[test]
    fn signs_couplings_and_errors() {
        for m in [1e-4, 1e-3, 0.01, 0.1, 1.0, 10.0] {
            assert!(delta_a_e(BosonType::Scalar, m, 1e-4).unwrap() > 0.0);
            assert!(delta_a_e(BosonType::Vector, m, 1e-4).unwrap() > 0.0);
            assert!(delta_a_e(BosonType::Pseudoscalar, m, 1e-4).unwrap() < 0.0);
            assert!(delta_a_e(BosonType::Axial, m, 1e-4).unwrap() < 0.0);
        }
        // ∝ g².
        let a1 = delta_a_e(BosonType::Scalar, 0.02, 1e-4).unwrap();
        let a2 = delta_a_e(BosonType::Scalar, 0.02, 2e-4).unwrap();
        assert!((a2 / a1 - 4.0).abs() < 1e-12);
        // The Rb value needs a positive contributor, Cs a negative one.
        let g = coupling_for(BosonType::Vector, 0.02, DELTA_A_E_RB.0)
            .unwrap()
            .unwrap();
        let back = delta_a_e(BosonType::Vector, 0.02, g).unwrap();
        assert!((back / DELTA_A_E_RB.0 - 1.0).abs() < 1e-12);
        assert!(
            coupling_for(BosonType::Vector, 0.02, DELTA_A_E_CS.0)
                .unwrap()
                .is_none()
        );
        assert!(
            coupling_for(BosonType::Axial, 0.02, DELTA_A_E_CS.0)
                .unwrap()
                .is_some()
        );
        assert!(delta_a_e(BosonType::Scalar, 0.0, 1.0).is_err());
        assert!(delta_a_e(BosonType::Scalar, 1.0, f64::NAN).is_err());
        assert_eq!("A".parse::<BosonType>().unwrap(), BosonType::Axial);
        assert!("tensor".parse::<BosonType>().is_err());
    }
}
