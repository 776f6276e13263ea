//! # darkscan
//!
//! Dark-sector searches at fixed-target experiments (NA62, NA64, SHiP, HIKE):
//! production → propagation → decay → acceptance → expected signal →
//! statistical limit → exclusion contour, plus event-level analysis tools.
//!
//! The library holds all the physics and statistics; the `darkscan` binary
//! (crate `darkscan-cli`) only parses arguments, calls into here and prints.
//!
//! Units: natural units with energies, momenta and masses in GeV, lengths in
//! metres and times in seconds unless a name says otherwise (`ctau_m`,
//! `time_ns`). See [`units`].

pub mod analysis;
pub mod experiment;
pub mod io;
pub mod kinematics;
pub mod mc;
pub mod model;
pub mod numeric;
pub mod overlays;
pub mod plot;
pub mod production;
pub mod reach;
pub mod stats;
pub mod units;

pub use experiment::search::run_preset;
