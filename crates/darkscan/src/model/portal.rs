//! The portal layer: what every FIP model gives the pipeline.
//!
//! A model instance is a **coupling vector** (ε; U_e², U_μ², U_τ² with
//! Majorana or Dirac; θ²; g_aγγ, g_aff, …) whose ratios are fixed; the reach's
//! coupling axis `g` is its scale, as in DarkCast's and ALPINIST's benchmark
//! cases. Every partial width and every production rate that goes through
//! the portal scales as g^p with one power p per model ([`Fip::coupling_power`]:
//! 2 when the axis is a coupling such as ε or g_aγγ, 1 when it is a squared
//! mixing such as U² or θ²). Widths that do not involve the portal (a dark
//! photon's decay to dark matter, ∝ α_D) are flagged as fixed.
//!
//! So a mass point needs the decay table once ([`Fip::decays`], at g = 1);
//! every coupling is then evaluated by arithmetic ([`DecayTable::total_width`],
//! [`DecayTable::ctau_m`], [`DecayTable::branching_ratio`]). This is what
//! keeps a full (m, g) scan to one Monte Carlo sample per mass.
//!
//! The model is a trait (not an enum) because new portals arrive as new files
//! with their own parameters, and the pipeline (acceptance, re-weighting,
//! reach) only ever needs the decay table; a closed enum would make every new
//! model edit the generic code.

use super::ModelError;
use crate::units::{self, width_to_ctau_m};
use serde::Serialize;

/// One decay product, identified by its PDG Monte Carlo number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Daughter {
    /// PDG Monte Carlo particle number (negative for antiparticles).
    pub pdg_id: i32,
    /// Mass in GeV.
    pub mass: f64,
    /// Electric charge in units of the positron charge.
    pub charge: i8,
}

/// PDG number used for dark-matter (χ) daughters: invisible, mass given.
pub const DARK_MATTER_PDG_ID: i32 = 51;

impl Daughter {
    /// A daughter by PDG number, with the mass and charge from
    /// [`crate::units`] (PDG 2024); neutrinos have mass 0. `None` for a
    /// particle darkscan does not know.
    #[must_use]
    pub fn from_pdg(pdg_id: i32) -> Option<Self> {
        let a = pdg_id.abs();
        let sign: i8 = if pdg_id < 0 { -1 } else { 1 };
        // Charge of the particle with positive PDG number (PDG MC numbering
        // scheme, RPP §45): leptons 11, 13, 15 are negative; mesons and
        // baryons listed in `units` with a '+' are positive.
        let (mass, charge) = match a {
            12 | 14 | 16 => (0.0, 0),
            22 => (0.0, 0),
            11 | 13 | 15 => (
                units::ALL_PARTICLES.iter().find(|p| p.pdg_id == a)?.mass,
                -1,
            ),
            _ => {
                let p = units::ALL_PARTICLES.iter().find(|p| p.pdg_id == a)?;
                let q = if p.name.ends_with('+') { 1 } else { 0 };
                (p.mass, q)
            }
        };
        Some(Self {
            pdg_id,
            mass,
            charge: charge * sign,
        })
    }

    /// Whether the detector never sees this daughter (neutrinos, dark matter).
    #[must_use]
    pub fn is_invisible(&self) -> bool {
        matches!(self.pdg_id.abs(), 12 | 14 | 16 | DARK_MATTER_PDG_ID)
    }

    /// Whether it is a muon (muon identification and thresholds apply).
    #[must_use]
    pub fn is_muon(&self) -> bool {
        self.pdg_id.abs() == 13
    }
}

/// One decay channel of a FIP at a given coupling.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecayChannel {
    /// Name in outputs and presets, e.g. "e+e-", "mu+mu-", "mu- pi+",
    /// "nu e+ e-", "hadrons", "invisible".
    pub name: String,
    /// Partial width in GeV (at g = 1 when it scales with the coupling).
    pub width: f64,
    /// The final state for the acceptance Monte Carlo (two or three
    /// daughters); empty for inclusive channels whose products are not
    /// modelled ("hadrons" of the R ratio, inclusive quark channels).
    pub daughters: Vec<Daughter>,
    /// Whether the width scales as g^p with the portal coupling (false for
    /// dark-sector decays such as A′ → χχ̄, ∝ α_D).
    pub scales_with_coupling: bool,
}

impl DecayChannel {
    /// A channel whose width scales with the portal coupling.
    #[must_use]
    pub fn portal(name: impl Into<String>, width: f64, daughters: Vec<Daughter>) -> Self {
        Self {
            name: name.into(),
            width,
            daughters,
            scales_with_coupling: true,
        }
    }

    /// Number of charged daughters.
    #[must_use]
    pub fn charged_daughters(&self) -> usize {
        self.daughters.iter().filter(|d| d.charge != 0).count()
    }
}

/// The decays of a FIP at one mass, at coupling scale g = 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecayTable {
    /// Mass in GeV.
    pub mass: f64,
    /// p: portal widths scale as g^p.
    pub coupling_power: i32,
    /// Every open channel.
    pub channels: Vec<DecayChannel>,
}

impl DecayTable {
    /// g^p, the factor by which portal widths and rates grow from g = 1.
    #[must_use]
    pub fn scale(&self, g: f64) -> f64 {
        g.powi(self.coupling_power)
    }

    /// Partial width of channel `c` at scale `g`.
    #[must_use]
    pub fn width(&self, c: &DecayChannel, g: f64) -> f64 {
        if c.scales_with_coupling {
            c.width * self.scale(g)
        } else {
            c.width
        }
    }

    /// Total width (GeV) at scale `g`.
    #[must_use]
    pub fn total_width(&self, g: f64) -> f64 {
        self.channels.iter().map(|c| self.width(c, g)).sum()
    }

    /// cτ in metres at scale `g` (∞ when no channel is open).
    #[must_use]
    pub fn ctau_m(&self, g: f64) -> f64 {
        width_to_ctau_m(self.total_width(g))
    }

    /// Summed branching ratio of the channels for which `select` is true,
    /// at scale `g` (0 when no channel is open).
    #[must_use]
    pub fn branching_ratio_where(&self, g: f64, select: impl Fn(&DecayChannel) -> bool) -> f64 {
        let total = self.total_width(g);
        if total <= 0.0 {
            return 0.0;
        }
        self.channels
            .iter()
            .filter(|c| select(c))
            .map(|c| self.width(c, g))
            .sum::<f64>()
            / total
    }

    /// Branching ratio of the channel named `name` at scale `g`.
    #[must_use]
    pub fn branching_ratio(&self, name: &str, g: f64) -> f64 {
        self.branching_ratio_where(g, |c| c.name == name)
    }

    /// (name, BR) of every channel at scale `g`.
    #[must_use]
    pub fn branching_ratios(&self, g: f64) -> Vec<(String, f64)> {
        let total = self.total_width(g);
        self.channels
            .iter()
            .map(|c| {
                let br = if total > 0.0 {
                    self.width(c, g) / total
                } else {
                    0.0
                };
                (c.name.clone(), br)
            })
            .collect()
    }

    /// Whether every portal width grows as g^p and no fixed width exists,
    /// so that branching ratios do not depend on g.
    #[must_use]
    pub fn branching_ratios_are_coupling_independent(&self) -> bool {
        self.channels.iter().all(|c| c.scales_with_coupling)
    }
}

/// A FIP model with a fixed coupling vector: the interface every portal
/// implements (see the module docs).
pub trait Fip: Send + Sync + std::fmt::Debug {
    /// Model family, e.g. "dark-photon", "hnl", "scalar", "alp".
    fn model_name(&self) -> &'static str;
    /// Label of the coupling axis with its unit, e.g. "epsilon", "U^2",
    /// "theta^2", "g_agg [1/GeV]".
    fn coupling_label(&self) -> String;
    /// p: portal widths and production rates scale as g^p.
    fn coupling_power(&self) -> i32;
    /// Symbol of the particle on mass axes, e.g. "m_A'", "m_N".
    fn mass_symbol(&self) -> String {
        "m".into()
    }
    /// The decay table at `mass` (GeV) for this coupling vector at g = 1.
    fn decays(&self, mass: f64) -> Result<DecayTable, ModelError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daughters_from_pdg_numbers() {
        let mu = Daughter::from_pdg(13).unwrap();
        assert_eq!(mu.charge, -1);
        assert!(mu.is_muon() && !mu.is_invisible());
        let pi = Daughter::from_pdg(-211).unwrap();
        assert_eq!(pi.charge, -1);
        assert!((pi.mass - 0.139_570_39).abs() < 1e-12);
        assert_eq!(Daughter::from_pdg(321).unwrap().charge, 1);
        assert_eq!(Daughter::from_pdg(111).unwrap().charge, 0);
        assert!(Daughter::from_pdg(-14).unwrap().is_invisible());
        assert!(Daughter::from_pdg(999_999).is_none());
    }

    #[test]
    fn table_scales_portal_widths_only() {
        let t = DecayTable {
            mass: 1.0,
            coupling_power: 2,
            channels: vec![
                DecayChannel::portal("a", 2.0, vec![]),
                DecayChannel {
                    name: "dark".into(),
                    width: 1.0,
                    daughters: vec![],
                    scales_with_coupling: false,
                },
            ],
        };
        assert_eq!(t.total_width(1.0), 3.0);
        assert_eq!(t.total_width(0.5), 1.5);
        assert!((t.branching_ratio("a", 0.5) - 1.0 / 3.0).abs() < 1e-15);
        assert!(!t.branching_ratios_are_coupling_independent());
    }
}
