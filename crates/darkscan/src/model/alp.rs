//! Axion-like particles (ALPs) a: a pseudoscalar with a coupling vector
//!
//! - g_aγγ (GeV⁻¹): L ⊃ −(g_aγγ/4) a F_μν F̃^μν (PBC benchmark BC9);
//! - lepton couplings g_aℓ (dimensionless): L ⊃ −i g_aℓ a ℓ̄γ₅ℓ, which is the
//!   on-shell form of the derivative coupling (c_ℓℓ/2)(∂_μa/Λ) ℓ̄γ^μγ₅ℓ with
//!   g_aℓ = c_ℓℓ m_ℓ/Λ (Bauer, Neubert, Thamm, JHEP 12 (2017) 044, "BNT",
//!   Eq. 1 and Sec. 3);
//! - the Yukawa-like universal fermion coupling g_Y of PBC benchmark BC10
//!   (Beacham et al., J. Phys. G 47 (2020) 010501, Sec. 4.4): every fermion
//!   couples as g_af = g_Y m_f/v, v = 246.22 GeV; here it adds to the lepton
//!   couplings and induces the photon coupling through the fermion loops.
//!
//! Widths:
//!
//! - Γ(a→γγ) = |g_eff|² m_a³/(64π) (e.g. BNT Eq. 16 with g_aγγ = −16παC_γγ/Λ),
//!   with the loop-induced coupling g_eff = g_aγγ − (α/π) Σ_f N_c Q_f²
//!   (g_af/m_f) B₁(τ_f), τ_f = 4m_f²/m_a², B₁(τ) = 1 − τ f(τ)²,
//!   f(τ) = arcsin(1/√τ) for τ ≥ 1 and π/2 + (i/2) ln[(1+√(1−τ))/(1−√(1−τ))]
//!   below (BNT Eqs. 20–21): B₁ → 1 for a light loop fermion and
//!   ≈ −m_a²/(12m_f²) for a heavy one. The loops are e, μ, τ and, for g_Y, the
//!   c, b, t quarks (the light quarks' contribution is hadronic, through
//!   a–π⁰/η mixing, and is not modelled);
//! - Γ(a→ℓ⁺ℓ⁻) = g_aℓ² m_a β_ℓ/(8π), β_ℓ = √(1 − 4m_ℓ²/m_a²) (BNT Eq. 17).
//!
//! Not modelled (left for a follow-up, see NOTES-h-alp.md): the gluon
//! coupling (BC11) and with it the ALP–meson mixing, a → 3π and the other
//! hadronic channels (Aloni, Soreq, Williams, PRL 123 (2019) 031803), and the
//! hadronic channels induced by the BC10 quark couplings. For the photon- and
//! lepton-coupled ALP below 1 GeV the listed channels are the complete set
//! at leading order.

use super::ModelError;
use super::scalar::{C64, M_BOTTOM, M_CHARM, M_TOP, higgs_vev};
use crate::model::{Daughter, DecayChannel, DecayTable, Fip};
use crate::units::{ALPHA_EM, ELECTRON, MUON, TAU};
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// Highest ALP mass (GeV) for which [`AlpModel`] gives widths: above a few
/// GeV hadronic decays through the quark couplings (not modelled) would
/// matter.
pub const MAX_ALP_MASS: f64 = 10.0;

/// The ALP coupling vector. A [`Fip`] decay table is evaluated with these
/// couplings as the g = 1 point: the reach's axis g scales all of them
/// together (widths ∝ g², p = 2).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct AlpModel {
    /// Photon coupling g_aγγ in GeV⁻¹.
    pub g_agg: f64,
    /// Electron coupling g_aee (dimensionless, L ⊃ −i g_aee a ēγ₅e).
    pub g_aee: f64,
    /// Muon coupling g_aμμ (dimensionless).
    pub g_amumu: f64,
    /// Tau coupling g_aττ (dimensionless).
    pub g_atautau: f64,
    /// PBC BC10 universal Yukawa-like fermion coupling g_Y (g_af = g_Y m_f/v).
    pub g_y: f64,
}

/// The loop function f(τ) of BNT Eq. 21 for τ = 4m_f²/m_a².
fn bnt_f(tau: f64) -> C64 {
    if tau >= 1.0 {
        C64::new((1.0 / tau.sqrt()).asin(), 0.0)
    } else {
        let s = (1.0 - tau).sqrt();
        C64::new(PI / 2.0, 0.5 * ((1.0 + s) / (1.0 - s)).ln())
    }
}

/// B₁(τ) = 1 − τ f(τ)² (BNT Eq. 20).
fn b1(tau: f64) -> C64 {
    if tau > 1e6 {
        // Heavy-fermion expansion: −1/(3τ) (= −m_a²/(12 m_f²)).
        return C64::new(-1.0 / (3.0 * tau), 0.0);
    }
    let f = bnt_f(tau);
    C64::new(1.0, 0.0).add(f.mul(f).scale(-tau))
}

impl AlpModel {
    /// A pure photon-coupled ALP (BC9) with g_aγγ in GeV⁻¹.
    #[must_use]
    pub fn photon(g_agg: f64) -> Self {
        Self {
            g_agg,
            ..Self::default()
        }
    }

    /// Checks every coupling is finite and at least one is non-zero.
    pub fn validate(&self) -> Result<(), ModelError> {
        let all = [
            self.g_agg,
            self.g_aee,
            self.g_amumu,
            self.g_atautau,
            self.g_y,
        ];
        if let Some(&bad) = all.iter().find(|g| !g.is_finite()) {
            return Err(ModelError::InvalidCoupling(bad));
        }
        if all.iter().all(|&g| g == 0.0) {
            return Err(ModelError::InvalidCoupling(0.0));
        }
        Ok(())
    }

    /// g_aℓ for a lepton of mass `m`: explicit coupling plus g_Y m_ℓ/v.
    fn lepton_coupling(&self, explicit: f64, m: f64) -> f64 {
        explicit + self.g_y * m / higgs_vev()
    }

    /// The effective photon coupling g_eff (complex, GeV⁻¹) at `mass`.
    fn g_eff(&self, mass: f64) -> C64 {
        let mut g = C64::new(self.g_agg, 0.0);
        let v = higgs_vev();
        // (coupling g_af, mass, N_c Q²)
        let loops = [
            (
                self.lepton_coupling(self.g_aee, ELECTRON.mass),
                ELECTRON.mass,
                1.0,
            ),
            (
                self.lepton_coupling(self.g_amumu, MUON.mass),
                MUON.mass,
                1.0,
            ),
            (
                self.lepton_coupling(self.g_atautau, TAU.mass),
                TAU.mass,
                1.0,
            ),
            (self.g_y * M_CHARM / v, M_CHARM, 3.0 * 4.0 / 9.0),
            (self.g_y * M_BOTTOM / v, M_BOTTOM, 3.0 / 9.0),
            (self.g_y * M_TOP / v, M_TOP, 3.0 * 4.0 / 9.0),
        ];
        for (gf, mf, ncq2) in loops {
            if gf == 0.0 {
                continue;
            }
            let tau = 4.0 * mf * mf / (mass * mass);
            g = g.add(b1(tau).scale(-ALPHA_EM / PI * ncq2 * gf / mf));
        }
        g
    }

    /// Γ(a→γγ) in GeV at `mass` (GeV).
    #[must_use]
    pub fn width_photons(&self, mass: f64) -> f64 {
        self.g_eff(mass).norm_sqr() * mass.powi(3) / (64.0 * PI)
    }

    /// Γ(a→ℓ⁺ℓ⁻) in GeV for coupling `g` and lepton mass `m_l`.
    #[must_use]
    pub fn width_leptons(mass: f64, g: f64, m_l: f64) -> f64 {
        if !mass.is_finite() || mass <= 2.0 * m_l || g == 0.0 {
            return 0.0;
        }
        let beta = (1.0 - 4.0 * m_l * m_l / (mass * mass)).sqrt();
        g * g * mass * beta / (8.0 * PI)
    }
}

fn pair(a: i32, b: i32) -> Vec<Daughter> {
    [a, b]
        .into_iter()
        .map(|id| Daughter::from_pdg(id).expect("particle in units"))
        .collect()
}

impl Fip for AlpModel {
    fn model_name(&self) -> &'static str {
        "alp"
    }
    fn coupling_label(&self) -> String {
        let leptons = self.g_aee != 0.0 || self.g_amumu != 0.0 || self.g_atautau != 0.0;
        match (self.g_agg != 0.0, leptons, self.g_y != 0.0) {
            (true, false, false) => "g_agg [1/GeV]".into(),
            (false, false, true) => "g_Y".into(),
            (false, true, false) if self.g_amumu == 0.0 && self.g_atautau == 0.0 => "g_aee".into(),
            _ => "g (scale of g_agg [1/GeV], g_aee, g_amumu, g_atautau, g_Y)".into(),
        }
    }
    fn coupling_power(&self) -> i32 {
        2
    }
    fn decays(&self, mass: f64) -> Result<DecayTable, ModelError> {
        if !(mass.is_finite() && mass > 0.0) {
            return Err(ModelError::InvalidMass(mass));
        }
        if mass > MAX_ALP_MASS {
            return Err(ModelError::MassOutOfRange {
                mass,
                max: MAX_ALP_MASS,
            });
        }
        self.validate()?;
        let ge = self.lepton_coupling(self.g_aee, ELECTRON.mass);
        let gm = self.lepton_coupling(self.g_amumu, MUON.mass);
        let gt = self.lepton_coupling(self.g_atautau, TAU.mass);
        let mut channels = vec![
            DecayChannel::portal("gamma gamma", self.width_photons(mass), pair(22, 22)),
            DecayChannel::portal(
                "e+e-",
                Self::width_leptons(mass, ge, ELECTRON.mass),
                pair(-11, 11),
            ),
            DecayChannel::portal(
                "mu+mu-",
                Self::width_leptons(mass, gm, MUON.mass),
                pair(-13, 13),
            ),
            DecayChannel::portal(
                "tau+tau-",
                Self::width_leptons(mass, gt, TAU.mass),
                pair(-15, 15),
            ),
        ];
        channels.retain(|c| c.width > 0.0);
        Ok(DecayTable {
            mass,
            coupling_power: 2,
            channels,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b1_limits() {
        // Light loop fermion: B₁ → 1; heavy: ≈ −m_a²/(12 m_f²) = −1/(3τ).
        assert!((b1(1e-10).re - 1.0).abs() < 1e-3);
        let t = 400.0;
        assert!((b1(t).re / (-1.0 / (3.0 * t)) - 1.0).abs() < 0.01);
        // Continuity at τ = 1: 1 − π²/4.
        assert!((b1(1.0 - 1e-9).re - b1(1.0 + 1e-9).re).abs() < 1e-3);
    }

    #[test]
    fn validation_and_labels() {
        assert!(AlpModel::default().decays(0.1).is_err());
        assert!(AlpModel::photon(f64::NAN).decays(0.1).is_err());
        assert!(AlpModel::photon(1e-4).decays(-1.0).is_err());
        assert_eq!(AlpModel::photon(1e-4).coupling_label(), "g_agg [1/GeV]");
        let bc10 = AlpModel {
            g_y: 1.0,
            ..AlpModel::default()
        };
        assert_eq!(bc10.coupling_label(), "g_Y");
        let t = bc10.decays(0.5).unwrap();
        assert!(t.branching_ratio("mu+mu-", 1.0) > 0.9);
    }
}
