//! Models of feebly interacting particles: decay widths, branching ratios and
//! lifetimes, one file per portal.
//!
//! - [`dark_photon`]: the minimal kinetically mixed dark photon A′ (vector
//!   portal), optionally decaying to a Dirac dark-matter pair.
//! - [`hnl`]: heavy neutral leptons (neutrino portal), Majorana or Dirac.
//! - [`scalar`]: a dark scalar mixing with the Higgs (scalar portal).
//! - [`alp`]: axion-like particles (photon, fermion and gluon couplings).
//! - [`relic`]: thermal freeze-out of light dark matter through an A′ (the
//!   thermal targets of the y plane).
//! - [`spec`]: the `[model]` table of presets, mapping names to models.
//! - [`portal`]: the interface every model implements ([`Fip`]: coupling
//!   vector, coupling axis and power, decay table with final states).

pub mod alp;
pub mod alp_bc10;
pub mod b_minus_l;
pub mod channel_tables;
pub mod dark_photon;
pub mod electron_g2;
pub mod hnl;
pub mod lmu_ltau;
pub mod portal;
pub mod relic;
pub mod scalar;
pub mod spec;

pub use dark_photon::{BranchingRatios, DarkPhoton, DarkPhotonModel, DarkSector, r_ratio};
pub use portal::{Daughter, DecayChannel, DecayTable, Fip};
pub use spec::ModelSpec;

use thiserror::Error;

/// Invalid parameters for a model. Each variant carries the offending value so
/// a caller (the CLI, a scan) can report it precisely.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ModelError {
    /// A mass that is zero, negative or not finite.
    #[error("mass must be a finite positive number in GeV, got {0}")]
    InvalidMass(f64),
    /// A portal coupling (e.g. the kinetic mixing ε) that is zero, negative or
    /// not finite.
    #[error("coupling must be finite and positive, got {0}")]
    InvalidCoupling(f64),
    /// A dark gauge coupling α_D = g_D²/4π that is zero, negative or not finite.
    #[error("alpha_D must be finite and positive, got {0}")]
    InvalidAlphaD(f64),
    /// A dark-matter mass that is negative or not finite.
    #[error("dark-matter mass must be finite and non-negative, got {0}")]
    InvalidDarkMatterMass(f64),
    /// A squared mixing (e.g. an HNL's |U_α|²) that is negative or not finite.
    #[error("squared mixing {name} must be finite and non-negative, got {value}")]
    InvalidMixing {
        /// Which mixing, e.g. "U_e^2".
        name: &'static str,
        /// The offending value.
        value: f64,
    },
    /// A coupling vector whose entries are all zero.
    #[error("at least one squared mixing must be positive (all are zero)")]
    NoMixing,
    /// A mass outside the range a model is written for.
    #[error("mass {mass} GeV is outside the model's range (0, {max}] GeV")]
    MassOutOfRange {
        /// The mass in GeV.
        mass: f64,
        /// The largest mass the model covers, in GeV.
        max: f64,
    },
    /// A parent particle (PDG id) for which no production channel is known.
    #[error("unknown parent particle (PDG id {0})")]
    UnknownParent(i32),
    /// A FIP too heavy to be produced in the decay of the given parent.
    #[error("mass {mass} GeV is too heavy to be produced in {parent} decays (no channel open)")]
    ParentTooLight {
        /// The parent's name.
        parent: String,
        /// The FIP mass in GeV.
        mass: f64,
    },
    /// Any other model parameter out of its range.
    #[error("invalid {name} = {value}: {reason}")]
    InvalidParameter {
        /// The parameter's name as written in presets.
        name: &'static str,
        /// The offending value.
        value: f64,
        /// Why.
        reason: &'static str,
    },
}
