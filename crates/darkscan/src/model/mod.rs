//! Models of feebly interacting particles: decay widths, branching ratios and
//! lifetimes, one file per portal.

pub mod dark_photon;
