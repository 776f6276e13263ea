//! A preshower requirement on the event, seen by resonant annihilation of the
//! primary positron of a positron beam.
//!
//! NA64 identifies the incoming e± by the start of its shower in the first
//! few X₀ of the ECAL (the preshower, PS) and requires a minimum PS energy
//! E_PS in its trigger and selection. For bremsstrahlung this costs nothing:
//! after emitting the A′ the e± keeps the rest of its energy and showers in
//! the PS. When the primary positron annihilates, e⁺e⁻ → A′, nothing
//! continues: the event's only visible energy is what the primary lost
//! before, so an annihilation at the very start of the ECAL (an undeveloped
//! shower, E₊ ≈ E₀, i.e. m_A′ ≈ √(2m_e E₀)) fails the requirement.
//!
//! # Model
//!
//! The shower MC ([`crate::production::shower`]) follows the primary and
//! keeps, for it alone, the energy it has put into the PS so far:
//!
//! - its continuous loss (ionisation E_c per X₀ and the photons with
//!   y < y_min) inside the PS depth, deposited locally;
//! - every photon of energy k it radiated at depth t < X_PS, with the
//!   fraction of the photon's shower contained before X_PS given by the
//!   longitudinal profile dE/dt = k b (bt)^{a−1} e^{−bt}/Γ(a) (Longo and
//!   Sestili, NIM 128 (1975) 283; PDG 2024, "Passage of particles through
//!   matter", eq. 34.36), t measured from the emission point, with
//!   t_max = (a − 1)/b = ln(k/E_c) + C_γ, C_γ = +0.5 for photon-initiated
//!   showers (PDG eq. 34.37) and b = 0.5 (PDG §34.5: b ≈ 0.5 fits lead
//!   showers; [`SHOWER_PROFILE_B`]). The fraction is the regularised
//!   incomplete gamma function P(a, b(X_PS − t)). Photons below
//!   E_c e^{−C_γ} (a < 1) are taken as exponentially absorbed (a = 1).
//!
//! The primary's positron track length is booked as "before the preshower
//! requirement" while that running deposit is below E_PS,min; the
//! annihilation yield then uses the positron track length without it.
//!
//! # Approximations
//!
//! Only the primary positron is vetoed: a shower positron above the
//! missing-energy cut (E₊ > E₀ − E_ECAL,max) comes from a photon the primary
//! radiated, and the primary keeps showering in the PS. The requirement is
//! tested at the start of each continuous-loss segment between two discrete
//! photons (≈ 0.1 X₀ long, ≈ 2 MeV of continuous deposit at 100 GeV), the
//! profile is the mean one (no fluctuations of the PS deposit), and the
//! PS resolution is ignored.

use crate::numeric::special::ln_gamma_p;

/// Slope b of the longitudinal shower profile (per X₀): PDG 2024 §34.5
/// (below eq. 34.37), b ≈ 0.5 from fits to lead showers.
pub const SHOWER_PROFILE_B: f64 = 0.5;

/// C_γ of t_max = ln(E/E_c) + C_γ for photon-initiated showers (PDG 2024
/// eq. 34.37).
pub const PHOTON_SHOWER_MAX_OFFSET: f64 = 0.5;

/// The event must have deposited at least `energy_min` GeV in the first
/// `depth_x0` X₀ of the target (the preshower).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PreshowerRequirement {
    /// Preshower depth X_PS in X₀.
    pub depth_x0: f64,
    /// Minimum preshower energy E_PS,min in GeV.
    pub energy_min: f64,
}

impl PreshowerRequirement {
    /// Checks the values: depth finite and > 0, energy finite and ≥ 0.
    pub fn validate(&self) -> Result<(), String> {
        if !(self.depth_x0.is_finite() && self.depth_x0 > 0.0) {
            return Err(format!("depth {} X0 must be > 0", self.depth_x0));
        }
        if !(self.energy_min.is_finite() && self.energy_min >= 0.0) {
            return Err(format!("energy {} GeV must be >= 0", self.energy_min));
        }
        Ok(())
    }
}

/// Fraction of the energy of a photon of `k` GeV, emitted at depth `t_emit`
/// X₀, deposited before depth `depth_x0` X₀ in a material of critical
/// energy `critical_energy` GeV: P(a, b (X_PS − t)) with
/// a = 1 + b (ln(k/E_c) + C_γ) (≥ 1), b = [`SHOWER_PROFILE_B`].
#[must_use]
pub fn photon_fraction_before(k: f64, critical_energy: f64, t_emit: f64, depth_x0: f64) -> f64 {
    let left = depth_x0 - t_emit;
    if left <= 0.0 || k <= 0.0 {
        return 0.0;
    }
    let b = SHOWER_PROFILE_B;
    let a = if critical_energy > 0.0 {
        (1.0 + b * ((k / critical_energy).ln() + PHOTON_SHOWER_MAX_OFFSET)).max(1.0)
    } else {
        1.0
    };
    ln_gamma_p(a, b * left).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contained_fraction_limits_and_shower_maximum() {
        let ec = 7.43e-3;
        // Nothing once past the preshower; everything far before its end.
        assert_eq!(photon_fraction_before(1.0, ec, 4.0, 4.0), 0.0);
        assert!(photon_fraction_before(1.0, ec, 0.0, 200.0) > 0.999_999);
        // a = 1: exponential absorption with mean path 1/b = 2 X0.
        let f = photon_fraction_before(1e-4, ec, 0.0, 2.0);
        assert!((f - (1.0 - (-1.0f64).exp())).abs() < 1e-12, "{f}");
        // A 1 GeV photon: shower maximum at ln(1/E_c) + 0.5 = 5.4 X0, so a
        // 4 X0 preshower holds less than half of it, and more of a softer one.
        let f1 = photon_fraction_before(1.0, ec, 0.0, 4.0);
        let f01 = photon_fraction_before(0.1, ec, 0.0, 4.0);
        assert!(f1 > 0.1 && f1 < 0.5, "{f1}");
        assert!(f01 > f1, "{f01} {f1}");
        assert!(
            PreshowerRequirement {
                depth_x0: 0.0,
                energy_min: 0.5
            }
            .validate()
            .is_err()
        );
    }
}
