//! Models of feebly interacting particles: decay widths, branching ratios and
//! lifetimes, one file per portal.

pub mod dark_photon;
/// TEMPORARY STUB.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError { #[error("mass must be a finite positive number in GeV, got {0}")] InvalidMass(f64) }
