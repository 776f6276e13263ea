//! Experiments: target materials, presets (TOML configurations of published
//! searches) and the signal-yield models of each kind of search.

pub mod beam_dump;
pub mod dump_geometry;
pub mod material;
pub mod missing_energy;
pub mod preset;
