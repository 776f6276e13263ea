//! Experiments: target materials, presets (TOML configurations of published
//! searches) and the signal-yield models of each kind of search.

pub mod material;
pub mod missing_energy;
pub mod preset;
