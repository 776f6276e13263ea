//! Primakoff production of an axion-like particle on a nucleus, γ N → a N,
//! through the coupling g_aγγ and the Coulomb field of the (screened)
//! nucleus, coherent and elastic (no nuclear recoil energy: E_a = E_γ).
//!
//! Differential cross section in the ALP angle θ to the photon (Tsai, PRD 34
//! (1986) 1326; Döbrich, Jaeckel, Kahlhoefer, Ringwald, Schmidt-Hoberg,
//! JHEP 02 (2016) 018, arXiv:1512.03069, Sec. 2):
//!
//! dσ/dθ = (g_aγγ² α Z²/4) · F(t)² · p_a⁴ sin³θ / t²,
//!
//! with p_a = √(E² − m_a²) and t = |q⃗|² = E² + p_a² − 2E p_a cosθ the
//! squared momentum transfer, and the elastic atomic form factor with
//! Thomas–Fermi-like screening and a dipole nuclear cut-off (Tsai 1986;
//! Döbrich et al., Sec. 2):
//!
//! F(t) = [a²t/(1 + a²t)] · [1/(1 + t/d)], a = 111 Z^(−1/3)/m_e,
//! d = 0.164 GeV² A^(−2/3).
//!
//! The integrated cross section is computed exactly in t (dθ sin³θ =
//! sin²θ dt/(2E p_a)) from t_min = (E − p_a)² to t_max = (E + p_a)² with a
//! composite Gauss–Legendre rule in ln t. For m_a ≪ E the result tends to
//! (g²αZ²/8)·I(k), I(k) = [(1+k)ln(1/k) − 2(1−k)]/(1−k)³, k = 1/(a²d) (the
//! closed form of ∫dt F²/t; checked in `tests/primakoff.rs`).
//!
//! Not included: incoherent (quasi-elastic, ∝ Z) production, which matters
//! only at large angles, and the nuclear recoil energy.

use crate::numeric::quadrature::gauss_legendre;
use crate::numeric::rng::Rng;
use crate::units::{ALPHA_EM, ELECTRON};
use std::sync::OnceLock;

/// Screening length a = 111 Z^(−1/3)/m_e in GeV⁻¹ (Tsai 1986).
#[must_use]
pub fn screening_a(z: f64) -> f64 {
    111.0 * z.powf(-1.0 / 3.0) / ELECTRON.mass
}

/// Nuclear scale d = 0.164 GeV² A^(−2/3) (Tsai 1986).
#[must_use]
pub fn nuclear_d(a_mass: f64) -> f64 {
    0.164 * a_mass.powf(-2.0 / 3.0)
}

/// The elastic form factor F(t) (normalised to 1 between the screening and
/// the nuclear scale), `t` in GeV².
#[must_use]
pub fn form_factor(t: f64, z: f64, a_mass: f64) -> f64 {
    let a2t = screening_a(z).powi(2) * t;
    a2t / (1.0 + a2t) / (1.0 + t / nuclear_d(a_mass))
}

/// E − p = m²/(E + p) without cancellation.
fn e_minus_p(energy: f64, mass: f64, p: f64) -> f64 {
    mass * mass / (energy + p)
}

fn valid(energy: f64, mass: f64, z: f64, a_mass: f64) -> bool {
    energy.is_finite()
        && mass.is_finite()
        && mass > 0.0
        && energy > mass
        && z.is_finite()
        && z > 0.0
        && a_mass.is_finite()
        && a_mass > 0.0
}

/// dσ/dθ in GeV⁻² per radian at ALP angle `theta` (radians, 0 ≤ θ ≤ π) for
/// a photon of `energy` (GeV), ALP `mass` (GeV), coupling `g_agg` (GeV⁻¹) on
/// a nucleus (Z, A). 0 for invalid or kinematically impossible inputs.
#[must_use]
pub fn dsigma_dtheta(energy: f64, mass: f64, g_agg: f64, z: f64, a_mass: f64, theta: f64) -> f64 {
    if !valid(energy, mass, z, a_mass) || !(0.0..=std::f64::consts::PI).contains(&theta) {
        return 0.0;
    }
    let p = (energy * energy - mass * mass).sqrt();
    // t = (E − p)² + 4Ep sin²(θ/2), written to avoid cancellation.
    let s = (0.5 * theta).sin();
    let t = e_minus_p(energy, mass, p).powi(2) + 4.0 * energy * p * s * s;
    let f = form_factor(t, z, a_mass);
    0.25 * g_agg * g_agg * ALPHA_EM * z * z * f * f * p.powi(4) * theta.sin().powi(3) / (t * t)
}

/// Gauss–Legendre nodes and weights (16 points) on [−1, 1], once.
fn gl16() -> &'static (Vec<f64>, Vec<f64>) {
    static GL: OnceLock<(Vec<f64>, Vec<f64>)> = OnceLock::new();
    GL.get_or_init(|| gauss_legendre(16))
}

/// The integrand in u = ln t: dσ/du = (g²αZ²/4)·F(t)² p⁴ sin²θ(t)/(2E p t),
/// at g = 1 and without the Z²α/4 prefactor.
fn dsigma_du_reduced(energy: f64, mass: f64, p: f64, t: f64, z: f64, a_mass: f64) -> f64 {
    // sin²θ = 1 − cos²θ, cosθ = (E² + p² − t)/(2Ep); with t in [t_min, t_max]
    // use (t − t_min)(t_max − t)/(2Ep)² to avoid cancellation.
    let t_min = e_minus_p(energy, mass, p).powi(2);
    let t_max = (energy + p).powi(2);
    let sin2 = ((t - t_min) * (t_max - t)).max(0.0) / (2.0 * energy * p).powi(2);
    let f = form_factor(t, z, a_mass);
    f * f * p.powi(4) * sin2 / (2.0 * energy * p * t)
}

/// Panels in ln t for the integrated cross section.
const PANELS: usize = 240;

/// The integrated Primakoff cross section σ(γN → aN) in GeV⁻² for a photon
/// of `energy` (GeV), ALP `mass` (GeV), coupling `g_agg` (GeV⁻¹), on a
/// nucleus of charge `z` and mass number `a_mass`. 0 when E ≤ m_a or an
/// input is invalid. Multiply by [`crate::units::HBARC2_GEV2_CM2`] for cm².
#[must_use]
pub fn sigma_primakoff(energy: f64, mass: f64, g_agg: f64, z: f64, a_mass: f64) -> f64 {
    if !valid(energy, mass, z, a_mass) || !g_agg.is_finite() {
        return 0.0;
    }
    let p = (energy * energy - mass * mass).sqrt();
    let t_min = e_minus_p(energy, mass, p).powi(2);
    let t_max = (energy + p).powi(2);
    let (u0, u1) = (t_min.ln(), t_max.ln());
    let (x, w) = gl16();
    let h = (u1 - u0) / PANELS as f64;
    let mut sum = 0.0;
    for k in 0..PANELS {
        let mid = u0 + (k as f64 + 0.5) * h;
        for (xi, wi) in x.iter().zip(w) {
            let u = mid + 0.5 * h * xi;
            let t = u.exp();
            sum += wi * 0.5 * h * dsigma_du_reduced(energy, mass, p, t, z, a_mass);
        }
    }
    0.25 * g_agg * g_agg * ALPHA_EM * z * z * sum
}

/// Samples the ALP production angle θ (radians) from dσ/dθ by inverting a
/// tabulated cumulative distribution in ln t (2000 cells, linear within a
/// cell). Built once per (E, m, nucleus); independent of g_aγγ.
#[derive(Debug, Clone)]
pub struct PrimakoffAngleSampler {
    energy: f64,
    mass: f64,
    p: f64,
    /// ln t at the cell edges.
    u: Vec<f64>,
    /// Normalised cumulative distribution at the cell edges (0 … 1).
    cdf: Vec<f64>,
}

impl PrimakoffAngleSampler {
    /// `None` for invalid inputs (E ≤ m, non-positive Z or A).
    #[must_use]
    pub fn new(energy: f64, mass: f64, z: f64, a_mass: f64) -> Option<Self> {
        if !valid(energy, mass, z, a_mass) {
            return None;
        }
        let p = (energy * energy - mass * mass).sqrt();
        let t_min = e_minus_p(energy, mass, p).powi(2);
        let t_max = (energy + p).powi(2);
        let n = 2000;
        let (u0, u1) = (t_min.ln(), t_max.ln());
        let u: Vec<f64> = (0..=n)
            .map(|i| u0 + (u1 - u0) * i as f64 / n as f64)
            .collect();
        let dens: Vec<f64> = u
            .iter()
            .map(|&ui| {
                let t = ui.exp();
                dsigma_du_reduced(energy, mass, p, t, z, a_mass)
            })
            .collect();
        let mut cdf = vec![0.0; n + 1];
        for i in 1..=n {
            cdf[i] = cdf[i - 1] + 0.5 * (dens[i] + dens[i - 1]) * (u[i] - u[i - 1]);
        }
        let total = cdf[n];
        if !(total > 0.0 && total.is_finite()) {
            return None;
        }
        for c in &mut cdf {
            *c /= total;
        }
        Some(Self {
            energy,
            mass,
            p,
            u,
            cdf,
        })
    }

    /// One angle θ in radians.
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        let r = rng.uniform();
        let i = self
            .cdf
            .partition_point(|&c| c < r)
            .clamp(1, self.cdf.len() - 1);
        let (c0, c1) = (self.cdf[i - 1], self.cdf[i]);
        let f = if c1 > c0 { (r - c0) / (c1 - c0) } else { 0.5 };
        let t = (self.u[i - 1] + f * (self.u[i] - self.u[i - 1])).exp();
        // t = (E − p)² + 4Ep sin²(θ/2)
        let s2 = ((t - e_minus_p(self.energy, self.mass, self.p).powi(2))
            / (4.0 * self.energy * self.p))
            .clamp(0.0, 1.0);
        2.0 * s2.sqrt().asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_inputs_give_zero() {
        assert_eq!(sigma_primakoff(1.0, 2.0, 1e-3, 82.0, 207.2), 0.0);
        assert_eq!(sigma_primakoff(f64::NAN, 0.1, 1e-3, 82.0, 207.2), 0.0);
        assert_eq!(sigma_primakoff(10.0, 0.1, 1e-3, 0.0, 207.2), 0.0);
        assert!(PrimakoffAngleSampler::new(1.0, 2.0, 82.0, 207.2).is_none());
    }

    #[test]
    fn sigma_scales_as_g_squared_and_z_squared() {
        let s1 = sigma_primakoff(50.0, 0.05, 1e-3, 82.0, 207.2);
        let s2 = sigma_primakoff(50.0, 0.05, 2e-3, 82.0, 207.2);
        assert!((s2 / s1 - 4.0).abs() < 1e-12);
        assert!(s1 > 0.0 && s1.is_finite());
    }
}
