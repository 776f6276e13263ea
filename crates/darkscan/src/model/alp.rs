//! Axion-like particles (ALPs) a: a pseudoscalar with a coupling vector
//!
//! - g_aγγ (GeV⁻¹): L ⊃ −(g_aγγ/4) a F_μν F̃^μν (PBC benchmark BC9);
//! - lepton couplings g_aℓ (dimensionless): L ⊃ −i g_aℓ a ℓ̄γ₅ℓ, which is the
//!   on-shell form of the derivative coupling (c_ℓℓ/2)(∂_μa/Λ) ℓ̄γ^μγ₅ℓ with
//!   g_aℓ = c_ℓℓ m_ℓ/Λ (Bauer, Neubert, Thamm, JHEP 12 (2017) 044,
//!   arXiv:1708.00443, "BNT", Secs. 2–3);
//! - the Yukawa-like universal fermion coupling g_Y of PBC benchmark BC10
//!   (Beacham et al., J. Phys. G 47 (2020) 010501): every fermion
//!   couples as g_af = g_Y m_f/v, v = 246.22 GeV; here it adds to the lepton
//!   couplings and induces the photon coupling through the fermion loops.
//!
//! Widths:
//!
//! - Γ(a→γγ) = |g_eff|² m_a³/(64π) (BNT's a → γγ width with g_aγγ = −16παC_γγ/Λ),
//!   with the loop-induced coupling g_eff = g_aγγ − (α/π) Σ_f N_c Q_f²
//!   (g_af/m_f) B₁(τ_f), τ_f = 4m_f²/m_a², B₁(τ) = 1 − τ f(τ)²,
//!   f(τ) = arcsin(1/√τ) for τ ≥ 1 and π/2 + (i/2) ln[(1+√(1−τ))/(1−√(1−τ))]
//!   below (BNT, a → γγ with fermion loops): B₁ → 1 for a light loop fermion and
//!   ≈ −m_a²/(12m_f²) for a heavy one. The loops are e, μ, τ and, for g_Y, the
//!   c, b, t quarks (the light quarks' contribution is hadronic, through
//!   a–π⁰/η mixing, and is not modelled);
//! - Γ(a→ℓ⁺ℓ⁻) = g_aℓ² m_a β_ℓ/(8π), β_ℓ = √(1 − 4m_ℓ²/m_a²) (BNT, a → ℓ⁺ℓ⁻).
//!
//! - the gluon coupling of PBC benchmark BC11, written here as 1/f_G with
//!   L ⊃ (α_s/8π)(a/f_G) G G̃ (the QCD-axion normalisation), with the
//!   hadronic widths (a → 3π, ππγ, ππη, ππη′, KKπ, 4π, ωω, φφ, K*K̄*) and the
//!   mixing-induced a → γγ of the data-driven treatment of **Aloni, Soreq,
//!   Williams, PRL 123 (2019) 031803** ("ASW"), shipped as the table
//!   `data/alp_gluon_widths_asw.csv` (digitised by ALPINIST; provenance in its
//!   header) for 0.07 < m_a < 3 GeV. That table is normalised to a coupling
//!   c_g/Λ = 1/(32π² f_G) (this factor is checked, not assumed: below
//!   0.15 GeV its a → γγ width agrees within 2 % with the leading-order
//!   chiral result g_eff = −(α/2πf_G)[1.92 + (m_a²/(m_π² − m_a²))(1−z)/(1+z)],
//!   z = m_u/m_d = 0.47 — BNT's chiral a → γγ, and the PDG axion review —
//!   see `tests/alp_widths.rs`). ALPINIST's and NA62's BC11 coupling is
//!   that c_g/Λ. Below 0.07 GeV the leading-order chiral formula is used. For
//!   the interference with g_aγγ and the fermion loops the gluon-induced
//!   photon amplitude is taken real with the leading-order sign (ASW give
//!   only its modulus). Where ASW's total width exceeds the sum of the
//!   channels they show by more than 10 % (above ≈ 1.6 GeV: other channels
//!   and the a → gg continuum) the difference is an inclusive channel
//!   "hadrons (other)", so that the total width is ASW's.
//!
//! - the hadronic channels of the BC10 coupling g_Y (a → 3π, π⁺π⁻γ, ππη,
//!   ππη′, 3η, ππω, 4π, KKπ, ωω, φφ, K*K̄* and an inclusive rest) from
//!   Dalla Valle Garcia et al., arXiv:2310.03524, shipped as
//!   `data/alp_fermion_widths_dkoz.csv` (see [`super::alp_bc10`]) for
//!   m_a ≤ 3 GeV; a g_Y-coupled ALP above 3 GeV is out of range. With both
//!   g_Y and 1/f_G non-zero the two hadronic amplitudes would interfere
//!   (through the same ALP–meson mixing); that interference is not treated:
//!   the BC10 and BC11 hadronic widths are added incoherently (a documented
//!   approximation, exact when either coupling vanishes).
//!
//! Not modelled: the light-quark (π⁰/η/η′ mixing) part of a → γγ for g_Y,
//! and the gluon-coupled or g_Y-coupled ALP above 3 GeV (perturbative a → gg).

use super::ModelError;
use super::scalar::{C64, M_BOTTOM, M_CHARM, M_TOP, higgs_vev};
use crate::model::{Daughter, DecayChannel, DecayTable, Fip};
use crate::units::{ALPHA_EM, ELECTRON, MUON, TAU};
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// Highest ALP mass (GeV) for which [`AlpModel`] gives widths (photon and
/// lepton couplings; the g_Y and gluon couplings stop at 3 GeV).
pub const MAX_ALP_MASS: f64 = 10.0;

/// Highest mass (GeV) of the ASW gluon-coupling tables; a gluon-coupled ALP
/// above it is out of range.
pub const MAX_GLUON_ALP_MASS: f64 = 3.0;

/// Lowest mass (GeV) of the ASW a → γγ table; below it the leading-order
/// chiral formula gives the gluon-induced photon coupling.
const ASW_GAMMA_MIN_MASS: f64 = 0.0703;

/// m_u/m_d (PDG 2024 quark-mass review: 0.474).
pub const Z_UD: f64 = 0.474;

/// The shipped ASW gluon-coupling widths, data/alp_gluon_widths_asw.csv.
const ASW_CSV: &str = include_str!("../../data/alp_gluon_widths_asw.csv");

/// Table channel name → (darkscan channel, PDG numbers of an exclusive final state).
const ASW_CHANNELS: [(&str, &[i32]); 10] = [
    ("pi+pi-pi0", &[211, -211, 111]),
    ("3pi0", &[111, 111, 111]),
    ("pi+pi-gamma", &[211, -211, 22]),
    ("pi pi eta", &[]),
    ("pi pi eta'", &[]),
    ("K K pi", &[]),
    ("4pi", &[]),
    ("omega omega", &[223, 223]),
    ("phi phi", &[333, 333]),
    ("K* K*", &[]),
];

/// The ASW tables: channel → sorted (m_a, Γ in eV at c_g/Λ = 1/TeV).
fn asw_tables() -> &'static super::channel_tables::ChannelTables {
    static T: std::sync::OnceLock<super::channel_tables::ChannelTables> =
        std::sync::OnceLock::new();
    T.get_or_init(|| super::channel_tables::parse(ASW_CSV))
}

/// Γ (GeV) of the ASW channel `name` at `mass` for 1/f_G = `inv_f_g`
/// (GeV⁻¹): linear interpolation in the table, 0 outside it.
#[must_use]
pub fn asw_width(name: &str, mass: f64, inv_f_g: f64) -> f64 {
    let Some(w_ev) = super::channel_tables::interpolate(asw_tables(), name, mass) else {
        return 0.0;
    };
    // c_g/Λ in 1/TeV = 1e3 GeV × inv_f_g/(32π²).
    let c_tev = 1e3 * inv_f_g / (32.0 * PI * PI);
    w_ev.max(0.0) * 1e-9 * c_tev * c_tev
}

/// The gluon-induced photon coupling (GeV⁻¹, real, leading-order sign):
/// the leading-order chiral formula below the ASW table, the modulus from
/// the ASW a → γγ width above.
#[must_use]
pub fn gluon_photon_coupling(mass: f64, inv_f_g: f64) -> f64 {
    if inv_f_g == 0.0 {
        return 0.0;
    }
    let mpi = crate::units::PION_NEUTRAL.mass;
    let lo = -ALPHA_EM / (2.0 * PI)
        * inv_f_g
        * (1.92 + mass * mass / (mpi * mpi - mass * mass) * (1.0 - Z_UD) / (1.0 + Z_UD));
    if mass < ASW_GAMMA_MIN_MASS {
        return lo;
    }
    let w = asw_width("gamma gamma", mass, inv_f_g);
    -inv_f_g.signum() * (64.0 * PI * w / mass.powi(3)).sqrt()
}

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
    /// Gluon coupling 1/f_G in GeV⁻¹, L ⊃ (α_s/8π)(a/f_G) G G̃ (BC11;
    /// ALPINIST's/NA62's c_g/Λ is 1/(32π² f_G)).
    #[serde(default)]
    pub inv_f_g: f64,
}

/// The loop function f(τ) of BNT (a → γγ) for τ = 4m_f²/m_a².
fn bnt_f(tau: f64) -> C64 {
    if tau >= 1.0 {
        C64::new((1.0 / tau.sqrt()).asin(), 0.0)
    } else {
        let s = (1.0 - tau).sqrt();
        C64::new(PI / 2.0, 0.5 * ((1.0 + s) / (1.0 - s)).ln())
    }
}

/// B₁(τ) = 1 − τ f(τ)² (BNT, a → γγ).
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
            self.inv_f_g,
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
        let mut g = C64::new(self.g_agg + gluon_photon_coupling(mass, self.inv_f_g), 0.0);
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
        if self.inv_f_g != 0.0 && self.g_agg == 0.0 && !leptons && self.g_y == 0.0 {
            return "1/f_G [1/GeV]".into();
        }
        match (self.g_agg != 0.0, leptons, self.g_y != 0.0) {
            (true, false, false) if self.inv_f_g == 0.0 => "g_agg [1/GeV]".into(),
            (false, false, true) if self.inv_f_g == 0.0 => "g_Y".into(),
            (false, true, false) if self.g_amumu == 0.0 && self.g_atautau == 0.0 => "g_aee".into(),
            _ => "g (scale of g_agg [1/GeV], g_aee, g_amumu, g_atautau, g_Y, 1/f_G [1/GeV])".into(),
        }
    }
    fn coupling_power(&self) -> i32 {
        2
    }
    fn mass_symbol(&self) -> String {
        "m_a".into()
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
        if self.inv_f_g != 0.0 && mass > MAX_GLUON_ALP_MASS {
            return Err(ModelError::MassOutOfRange {
                mass,
                max: MAX_GLUON_ALP_MASS,
            });
        }
        if self.g_y != 0.0 && mass > super::alp_bc10::MAX_BC10_HADRONIC_MASS {
            return Err(ModelError::MassOutOfRange {
                mass,
                max: super::alp_bc10::MAX_BC10_HADRONIC_MASS,
            });
        }
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
        if self.inv_f_g != 0.0 {
            for (name, ids) in ASW_CHANNELS {
                let daughters = ids
                    .iter()
                    .map(|&id| Daughter::from_pdg(id).expect("particle in units"))
                    .collect();
                channels.push(DecayChannel::portal(
                    name,
                    asw_width(name, mass, self.inv_f_g),
                    daughters,
                ));
            }
            // ASW's total hadronic width exceeds the sum of the exclusive
            // channels above ≈ 1.6 GeV (channels not shown separately, and
            // the perturbative a → gg continuum): the difference is one
            // inclusive channel. Its gluon-only part only: the photon width
            // is in "gamma gamma" already.
            let exclusive: f64 = ASW_CHANNELS
                .iter()
                .map(|(name, _)| asw_width(name, mass, self.inv_f_g))
                .sum::<f64>()
                + asw_width("gamma gamma", mass, self.inv_f_g);
            let other = asw_width("total", mass, self.inv_f_g) - exclusive;
            if other > 0.1 * exclusive {
                channels.push(DecayChannel::portal("hadrons (other)", other, Vec::new()));
            }
        }
        // BC10 hadronic channels, added incoherently to BC11's (module docs):
        // a channel both give ("3pi0", "pi+pi-pi0", "pi+pi-gamma", "omega
        // omega", "phi phi", "hadrons (other)") is one channel with the sum.
        for c in super::alp_bc10::bc10_hadronic_channels(mass, self.g_y) {
            match channels.iter_mut().find(|x| x.name == c.name) {
                Some(x) => x.width += c.width,
                None => channels.push(c),
            }
        }
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
