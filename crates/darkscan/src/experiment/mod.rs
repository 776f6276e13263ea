//! Experiments: target materials, presets (TOML configurations of published
//! searches) and the signal-yield models of each kind of search.

pub mod beam_dump;
pub mod bounds;
pub mod config;
pub mod dump_detector;
pub mod dump_geometry;
pub mod kaon_mode;
pub mod kaon_pinunu;
pub mod material;
pub mod missing_energy;
pub mod missing_energy_b_minus_l;
pub mod missing_energy_boson;
pub mod missing_energy_reach;
pub mod missing_momentum;
pub mod preset;
pub mod search;
pub mod shower_primakoff;
pub mod visible_dump;

/// Names of every shipped preset, missing-energy and beam-dump.
#[must_use]
pub fn preset_names() -> Vec<&'static str> {
    search::shipped().into_iter().map(|(n, _)| n).collect()
}
