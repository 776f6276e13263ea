//! A gauged U(1)_{B−L} boson Z′: L ⊃ g_{B−L} Z′_μ J^μ_{B−L}, with B−L charges
//! −1 for every lepton (e, μ, τ and the three neutrinos) and +1/3 for every
//! quark. The coupling axis is g = g_{B−L} (widths and production ∝ g², p = 2).
//!
//! Widths at tree level (m = m_Z′, r_f = m_f²/m²):
//!
//! - charged leptons, vector coupling of charge Q = −1:
//!   Γ(Z′→ℓ⁺ℓ⁻) = (g² m/12π)(1 + 2r_ℓ)√(1 − 4r_ℓ) — the dark-photon formula
//!   with ε e → g (DarkCast, P. Ilten, Y. Soreq, M. Williams, W. Xue,
//!   JHEP 06 (2018) 004, Eq. (2.13), for x_f = Q_f g);
//! - left-handed neutrinos (one helicity per flavour):
//!   Γ(Z′→ν_αν̄_α) = g² m/(24π) per flavour (DarkCast Eq. (2.13) with the
//!   vector and axial parts both ½: half the charged-lepton width at r = 0);
//! - in the **unbroken** model of NA64 (PRL 129 (2022) 161801,
//!   arXiv:2207.09979) the three right-handed neutrinos that cancel the
//!   B−L anomalies are massless too and add another g² m/(24π) each, so
//!   Γ(Z′→νν̄, all) = 3 × g² m/(12π) = g² m/(4π). This is the "ν_i ν_i; N_i N_i"
//!   curve of the paper's Fig. 1 and the neutrino width of NA64's simulation
//!   package DMG4 (`DarkZAnnihilation::Width`, B−L "vanilla" case);
//! - in the **broken** model three heavy Majorana neutrinos N of mass
//!   m_N = r m replace the light ν_R: Γ(Z′→NN) = (g² m/24π)(1 − 4r²)^{3/2}
//!   each (the pure axial coupling of a Majorana pair; Ilten et al. Eq. (2.13)
//!   with the vector part 0 and the axial part ½ counted once for identical
//!   particles).
//!
//! **Not included** (as in the NA64 paper, whose Fig. 1 shows νν̄/NN, e⁺e⁻ and
//! μ⁺μ⁻ only, and as in DMG4): hadronic decays. B−L couples to quarks
//! through the isoscalar baryon current, so Z′→π⁺π⁻ is G-parity suppressed;
//! Z′→π⁰γ (above 0.135 GeV), 3π and KK̄ proceed through ω and φ mixing and
//! matter near 0.78 and 1.02 GeV (DarkCast's B−L model). To stay honest the
//! model is restricted to m ≤ [`MAX_MASS_GEV`] = 0.6 GeV, below the ω region,
//! where Γ(π⁰γ) is a small correction (the BR to νν̄ is overestimated there by
//! that amount).

use super::ModelError;
use super::portal::{Daughter, DecayChannel, DecayTable, Fip};
use crate::units::{ELECTRON, MUON, TAU};
use serde::Serialize;
use std::f64::consts::PI;

/// Largest Z′ mass the model covers (GeV): below the ω resonance, where the
/// omitted hadronic channels are small (see the module docs).
pub const MAX_MASS_GEV: f64 = 0.6;

/// PDG id used for a heavy right-handed (Majorana) neutrino N: the fourth
/// generation neutrino number of the PDG numbering scheme (RPP §45), here a
/// label for an invisible daughter of given mass.
pub const HEAVY_NEUTRINO_PDG_ID: i32 = 18;

/// The B−L Z′ with its neutrino content.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BMinusLModel {
    /// Three massless right-handed neutrinos (the unbroken model of NA64
    /// 2022; default). False: left-handed neutrinos only (or heavy N).
    pub light_right_handed: bool,
    /// Broken model: three degenerate heavy Majorana N with m_N = this × m_Z′
    /// (NA64 2022 uses 1/3). `None`: no heavy N.
    pub heavy_neutrino_mass_ratio: Option<f64>,
}

impl Default for BMinusLModel {
    /// The unbroken model (three light Dirac neutrinos).
    fn default() -> Self {
        Self {
            light_right_handed: true,
            heavy_neutrino_mass_ratio: None,
        }
    }
}

/// (1 + 2r)√(1 − 4r), r = m_f²/m²: the vector-coupling pair factor (DarkCast
/// Eq. (2.13)); 0 at and below threshold.
fn vector_pair(mass: f64, m_f: f64) -> f64 {
    if mass <= 2.0 * m_f {
        return 0.0;
    }
    let r = (m_f / mass).powi(2);
    (1.0 + 2.0 * r) * (1.0 - 4.0 * r).sqrt()
}

impl BMinusLModel {
    /// Checks the parameters: a heavy-neutrino mass ratio must be finite and
    /// positive, and excludes light right-handed neutrinos (they are the
    /// same fields).
    pub fn validate(&self) -> Result<(), ModelError> {
        if let Some(r) = self.heavy_neutrino_mass_ratio {
            if !(r.is_finite() && r > 0.0) {
                return Err(ModelError::InvalidParameter {
                    name: "heavy_neutrino_mass_ratio",
                    value: r,
                    reason: "must be finite and positive",
                });
            }
            if self.light_right_handed {
                return Err(ModelError::InvalidParameter {
                    name: "heavy_neutrino_mass_ratio",
                    value: r,
                    reason: "heavy N replace the light right-handed neutrinos: \
                             set light_right_handed = false",
                });
            }
        }
        Ok(())
    }

    /// Width (GeV) at g = 1 of Z′ → ℓ⁺ℓ⁻ for a lepton of mass `m_l`:
    /// m/(12π) (1 + 2r)√(1 − 4r).
    #[must_use]
    pub fn width_charged_lepton(mass: f64, m_l: f64) -> f64 {
        mass / (12.0 * PI) * vector_pair(mass, m_l)
    }

    /// Width (GeV) at g = 1 into all light neutrinos: 3 m/(24π) for the
    /// left-handed ones, twice that with light right-handed ones.
    #[must_use]
    pub fn width_light_neutrinos(&self, mass: f64) -> f64 {
        let helicities = if self.light_right_handed { 2.0 } else { 1.0 };
        3.0 * helicities * mass / (24.0 * PI)
    }

    /// Width (GeV) at g = 1 into the three heavy Majorana N (0 without them or
    /// below threshold): 3 × m/(24π)(1 − 4r²)^{3/2}.
    #[must_use]
    pub fn width_heavy_neutrinos(&self, mass: f64) -> f64 {
        match self.heavy_neutrino_mass_ratio {
            Some(r) if 2.0 * r < 1.0 => 3.0 * mass / (24.0 * PI) * (1.0 - 4.0 * r * r).powf(1.5),
            _ => 0.0,
        }
    }
}

impl Fip for BMinusLModel {
    fn model_name(&self) -> &'static str {
        "b-minus-l"
    }
    fn coupling_label(&self) -> String {
        "g_B-L".into()
    }
    fn coupling_power(&self) -> i32 {
        2
    }
    fn mass_symbol(&self) -> String {
        "m_Z'".into()
    }
    fn decays(&self, mass: f64) -> Result<DecayTable, ModelError> {
        self.validate()?;
        if !(mass.is_finite() && mass > 0.0) {
            return Err(ModelError::InvalidMass(mass));
        }
        if mass > MAX_MASS_GEV {
            return Err(ModelError::MassOutOfRange {
                mass,
                max: MAX_MASS_GEV,
            });
        }
        let pair = |id: i32| {
            vec![
                Daughter::from_pdg(-id).expect("lepton in units"),
                Daughter::from_pdg(id).expect("lepton in units"),
            ]
        };
        let mut channels = vec![DecayChannel::portal(
            "nu nubar",
            self.width_light_neutrinos(mass),
            pair(12),
        )];
        if let Some(r) = self.heavy_neutrino_mass_ratio {
            let n = Daughter {
                pdg_id: HEAVY_NEUTRINO_PDG_ID,
                mass: r * mass,
                charge: 0,
            };
            channels.push(DecayChannel::portal(
                "N N",
                self.width_heavy_neutrinos(mass),
                vec![n, n],
            ));
        }
        for (name, id, m_l) in [
            ("e+e-", 11, ELECTRON.mass),
            ("mu+mu-", 13, MUON.mass),
            ("tau+tau-", 15, TAU.mass),
        ] {
            channels.push(DecayChannel::portal(
                name,
                Self::width_charged_lepton(mass, m_l),
                pair(id),
            ));
        }
        channels.retain(|c| c.width > 0.0);
        Ok(DecayTable {
            mass,
            coupling_power: 2,
            channels,
        })
    }
}

/// BR(Z′ → invisible) at `mass` for `model`: the neutrino channels (ν, and N
/// when present — heavy N decay only through active–sterile mixing, which
/// the model sets to zero, so they escape). Independent of g.
pub fn invisible_branching_ratio(model: &BMinusLModel, mass: f64) -> Result<f64, ModelError> {
    let t = model.decays(mass)?;
    Ok(t.branching_ratio_where(1.0, |c| c.daughters.iter().all(escapes)))
}

/// Whether a daughter escapes the detector: invisible
/// ([`Daughter::is_invisible`]) or a heavy B−L neutrino N.
fn escapes(d: &Daughter) -> bool {
    d.is_invisible() || d.pdg_id.abs() == HEAVY_NEUTRINO_PDG_ID
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branching_ratios_of_the_unbroken_and_one_helicity_models() {
        // Below 2m_μ with ν_R: Γ_νν̄ = 3m/(12π) against Γ_ee = m/(12π): BR = 3/4.
        let u = BMinusLModel::default();
        let br = invisible_branching_ratio(&u, 0.05).unwrap();
        assert!((br - 0.75 / (0.75 + 0.25 * vector_pair(0.05, ELECTRON.mass))).abs() < 1e-12);
        assert!((br - 0.75).abs() < 2e-4);
        // Left-handed only: 3/24 vs 1/12 → 3/5.
        let l = BMinusLModel {
            light_right_handed: false,
            heavy_neutrino_mass_ratio: None,
        };
        assert!((invisible_branching_ratio(&l, 0.05).unwrap() - 0.6).abs() < 2e-4);
        // Below 2m_e only neutrinos.
        assert_eq!(invisible_branching_ratio(&u, 1e-3).unwrap(), 1.0);
        // Above 2m_μ: 3/(3 + 1 + β-factor) → 0.6 at m ≫ m_μ.
        let hi = invisible_branching_ratio(&u, 0.59).unwrap();
        assert!(hi > 0.6 && hi < 0.63, "{hi}");
    }

    #[test]
    fn broken_model_and_errors() {
        let b = BMinusLModel {
            light_right_handed: false,
            heavy_neutrino_mass_ratio: Some(1.0 / 3.0),
        };
        // β³ = (1 − 4/9)^{3/2} = 0.414: the NN width is 0.414 of the νν̄ width.
        let t = b.decays(0.01).unwrap();
        let nn = t.channels.iter().find(|c| c.name == "N N").unwrap().width;
        let nu = t
            .channels
            .iter()
            .find(|c| c.name == "nu nubar")
            .unwrap()
            .width;
        assert!((nn / nu - (5.0f64 / 9.0).powf(1.5)).abs() < 1e-12);
        assert!(matches!(
            BMinusLModel::default().decays(0.7),
            Err(ModelError::MassOutOfRange { .. })
        ));
        assert!(BMinusLModel::default().decays(-1.0).is_err());
        let both = BMinusLModel {
            light_right_handed: true,
            heavy_neutrino_mass_ratio: Some(0.3),
        };
        assert!(both.decays(0.1).is_err());
    }
}
