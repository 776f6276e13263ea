//! Models of feebly interacting particles: decay widths, branching ratios and
//! lifetimes, one file per portal.
//!
//! - [`dark_photon`]: the minimal kinetically mixed dark photon A′ (vector
//!   portal), optionally decaying to a Dirac dark-matter pair.
//! - [`portal`]: the interface every model implements ([`Fip`]: coupling
//!   vector, coupling axis and power, decay table with final states).

pub mod dark_photon;
pub mod portal;
pub mod relic;

pub use dark_photon::{BranchingRatios, DarkPhoton, DarkPhotonModel, DarkSector, r_ratio};
pub use portal::{Daughter, DecayChannel, DecayTable, Fip};

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
}
