//! Dark photons from light-meson decays: P → γ A′ (P = π⁰, η, η′) and
//! ω → π⁰ A′. Branching ratios are at ε = 1; they scale as ε².
//!
//! **Pseudoscalars**, P → γ A′ (B. Batell, M. Pospelov, A. Ritz, PRD 80
//! (2009) 095024, §III; also S. Gardner, R. J. Holt, A. S. Tadepalli,
//! PRD 93 (2016) 115015):
//!
//! BR(P → γ A′) = 2 ε² (1 − m²/M_P²)³ BR(P → γγ).
//!
//! The factor 2 counts the two photons either of which can be replaced by
//! the A′; (1 − m²/M²)³ is the P-wave phase space times the helicity
//! structure of the anomaly vertex.
//!
//! **Vector → pseudoscalar**, V → P A′, obtained from V → P γ by replacing
//! the photon with the A′ in the magnetic-dipole (ε_{μναβ}) vertex, whose
//! rate goes as the cube of the daughter momentum (P. Ilten, Y. Soreq,
//! M. Williams, W. Xue, JHEP 06 (2018) 004, "DarkCast"):
//!
//! BR(V → P A′) = ε² BR(V → P γ) · λ^{3/2}(M_V², M_P², m²) / (M_V² − M_P²)³,
//!
//! with λ the Källén function; at m = 0 the ratio is exactly 1.
//!
//! Branching ratios into photons are PDG 2024 (S. Navas et al., PRD 110
//! (2024) 030001): BR(π⁰ → γγ) = 98.823 %, BR(η → γγ) = 39.36 %,
//! BR(η′ → γγ) = 2.307 %, BR(ω → π⁰γ) = 8.35 %.
//!
//! **Kinematics.** The parents are taken unpolarised, so the A′ direction in
//! the parent rest frame is isotropic for every channel (for an unpolarised
//! spin-1 parent the angular distribution of a two-body decay averages to
//! isotropy as well). What is neglected is the A′ *polarisation* (spin
//! correlations with its subsequent decay), which these functions do not
//! track.
//!
//! **Not included:** direct resonant production through A′–ρ/ω/φ mixing
//! (vector-meson dominance, e.g. DarkCast's mixing or FORESEE's "mixing"
//! channels), three-body Dalitz-like modes, and heavier parents (φ → η A′,
//! η′ → ω A′, …).

use crate::kinematics::{FourVector, kallen, two_body_decay};
use crate::numeric::rng::Rng;
use crate::units::{ETA, ETA_PRIME, OMEGA, PION_NEUTRAL, Particle};

/// BR(π⁰ → γγ), PDG 2024: (98.823 ± 0.034) %; PDG 2026 (S009.1) has the same
/// value (checked by `tools/pdg_check/check_constants.py`).
pub const BR_PI0_GAMMA_GAMMA: f64 = 0.988_23;
/// BR(η → γγ), PDG 2024: (39.36 ± 0.18) %; PDG 2026 (S014.1): 39.361 %.
pub const BR_ETA_GAMMA_GAMMA: f64 = 0.3936;
/// BR(η′ → γγ), PDG 2024: (2.307 ± 0.033) %; PDG 2026 (M002.6): 2.3068 %.
pub const BR_ETA_PRIME_GAMMA_GAMMA: f64 = 0.023_07;
/// BR(ω → π⁰γ), PDG 2024: (8.35 ± 0.27) %. PDG 2026 (M001.3) quotes
/// (8.33 ± 0.25) %, 0.3 % lower and well inside both errors; kept at the 2024
/// value so that results do not move between editions for no physics reason.
pub const BR_OMEGA_PI0_GAMMA: f64 = 0.0835;

/// A light-meson decay channel that produces an A′.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MesonChannel {
    /// π⁰ → γ A′.
    Pi0Gamma,
    /// η → γ A′.
    EtaGamma,
    /// η′(958) → γ A′.
    EtaPrimeGamma,
    /// ω(782) → π⁰ A′.
    OmegaPi0,
}

impl MesonChannel {
    /// Every channel, in a fixed order.
    pub const ALL: [MesonChannel; 4] = [
        MesonChannel::Pi0Gamma,
        MesonChannel::EtaGamma,
        MesonChannel::EtaPrimeGamma,
        MesonChannel::OmegaPi0,
    ];

    /// Short name, e.g. for tables and file names.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Pi0Gamma => "pi0 -> gamma A'",
            Self::EtaGamma => "eta -> gamma A'",
            Self::EtaPrimeGamma => "eta' -> gamma A'",
            Self::OmegaPi0 => "omega -> pi0 A'",
        }
    }

    /// The decaying meson (PDG 2024 data from [`crate::units`]).
    #[must_use]
    pub fn parent(self) -> Particle {
        match self {
            Self::Pi0Gamma => PION_NEUTRAL,
            Self::EtaGamma => ETA,
            Self::EtaPrimeGamma => ETA_PRIME,
            Self::OmegaPi0 => OMEGA,
        }
    }

    /// PDG Monte Carlo code of the decaying meson.
    #[must_use]
    pub fn parent_pdg_id(self) -> i32 {
        self.parent().pdg_id
    }

    /// PDG code of the particle recoiling against the A′ (22 for γ, 111 for π⁰).
    #[must_use]
    pub fn recoil_pdg_id(self) -> i32 {
        match self {
            Self::OmegaPi0 => PION_NEUTRAL.pdg_id,
            _ => 22,
        }
    }

    /// Mass of the particle recoiling against the A′ in GeV.
    #[must_use]
    pub fn recoil_mass(self) -> f64 {
        match self {
            Self::OmegaPi0 => PION_NEUTRAL.mass,
            _ => 0.0,
        }
    }

    /// Branching ratio of the SM mode the A′ mode is scaled from
    /// (P → γγ or V → P γ), PDG 2024.
    #[must_use]
    pub fn sm_branching_ratio(self) -> f64 {
        match self {
            Self::Pi0Gamma => BR_PI0_GAMMA_GAMMA,
            Self::EtaGamma => BR_ETA_GAMMA_GAMMA,
            Self::EtaPrimeGamma => BR_ETA_PRIME_GAMMA_GAMMA,
            Self::OmegaPi0 => BR_OMEGA_PI0_GAMMA,
        }
    }

    /// Largest A′ mass the channel can produce, in GeV: M_parent − m_recoil.
    #[must_use]
    pub fn threshold(self) -> f64 {
        self.parent().mass - self.recoil_mass()
    }

    /// BR(parent → recoil + A′) at ε = 1 for an A′ of mass `m_aprime` (GeV).
    ///
    /// Zero at and above threshold and for a negative or non-finite mass.
    /// Pseudoscalars: Batell–Pospelov–Ritz, PRD 80 (2009) 095024;
    /// ω → π⁰A′: DarkCast (Ilten et al., JHEP 06 (2018) 004).
    #[must_use]
    pub fn branching_ratio(self, m_aprime: f64) -> f64 {
        if !m_aprime.is_finite() || m_aprime < 0.0 || m_aprime >= self.threshold() {
            return 0.0;
        }
        let big_m = self.parent().mass;
        match self {
            Self::Pi0Gamma | Self::EtaGamma | Self::EtaPrimeGamma => {
                let r = 1.0 - (m_aprime / big_m).powi(2);
                2.0 * r * r * r * self.sm_branching_ratio()
            }
            Self::OmegaPi0 => {
                let mv2 = big_m * big_m;
                let mp2 = self.recoil_mass().powi(2);
                let lam = kallen(mv2, mp2, m_aprime * m_aprime).max(0.0);
                let norm = (mv2 - mp2).powi(3);
                self.sm_branching_ratio() * lam.powf(1.5) / norm
            }
        }
    }

    /// Decays `parent` (the meson's lab four-momentum) isotropically in its
    /// rest frame into (A′, recoil) and returns both lab four-momenta, A′
    /// first.
    ///
    /// The parent's invariant mass is taken from `parent` itself, so the
    /// pair always sums to `parent` exactly. `None` for an A′ mass that is
    /// negative, non-finite or at/above threshold, or for an unphysical
    /// parent (non-finite components, E ≤ |p|).
    pub fn decay_products(
        self,
        parent: FourVector,
        m_aprime: f64,
        rng: &mut Rng,
    ) -> Option<(FourVector, FourVector)> {
        let finite = parent.e.is_finite()
            && parent.p.x.is_finite()
            && parent.p.y.is_finite()
            && parent.p.z.is_finite();
        if !finite || !m_aprime.is_finite() || m_aprime < 0.0 || parent.m2() <= 0.0 {
            return None;
        }
        if m_aprime >= self.threshold() {
            return None;
        }
        let u_cos = rng.uniform();
        let u_phi = rng.uniform();
        two_body_decay(parent, m_aprime, self.recoil_mass(), u_cos, u_phi)
    }

    /// The A′ lab four-momentum from one isotropic decay of `parent`; see
    /// [`Self::decay_products`].
    pub fn decay(self, parent: FourVector, m_aprime: f64, rng: &mut Rng) -> Option<FourVector> {
        self.decay_products(parent, m_aprime, rng).map(|(a, _)| a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_and_ids() {
        assert_eq!(MesonChannel::Pi0Gamma.parent_pdg_id(), 111);
        assert_eq!(MesonChannel::EtaGamma.parent_pdg_id(), 221);
        assert_eq!(MesonChannel::EtaPrimeGamma.parent_pdg_id(), 331);
        assert_eq!(MesonChannel::OmegaPi0.parent_pdg_id(), 223);
        assert_eq!(MesonChannel::OmegaPi0.recoil_pdg_id(), 111);
        let t = MesonChannel::OmegaPi0.threshold();
        assert!((t - (0.782_66 - 0.134_976_8)).abs() < 1e-12);
    }

    #[test]
    fn bad_input_gives_zero_or_none() {
        let mut rng = Rng::new(1, 0);
        for ch in MesonChannel::ALL {
            assert_eq!(ch.branching_ratio(f64::NAN), 0.0);
            assert_eq!(ch.branching_ratio(-0.01), 0.0);
            assert_eq!(ch.branching_ratio(10.0), 0.0);
            let p = FourVector::from_mass_momentum(
                ch.parent().mass,
                crate::kinematics::Vec3::new(0.0, 0.0, 10.0),
            );
            assert!(ch.decay(p, 10.0, &mut rng).is_none());
            assert!(ch.decay(p, f64::INFINITY, &mut rng).is_none());
            let bad = FourVector::new(f64::NAN, 0.0, 0.0, 1.0);
            assert!(ch.decay(bad, 0.01, &mut rng).is_none());
            // Space-like "parent".
            let bad = FourVector::new(1.0, 0.0, 0.0, 2.0);
            assert!(ch.decay(bad, 0.01, &mut rng).is_none());
        }
    }
}
