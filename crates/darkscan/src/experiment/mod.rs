//! Experiments: target materials, presets (TOML configurations of published
//! searches) and the signal-yield models of each kind of search.

pub mod beam_dump;
pub mod bounds;
pub mod config;
pub mod dump_geometry;
pub mod material;
pub mod missing_energy;
pub mod preset;

/// Names of every shipped preset, missing-energy and beam-dump.
#[must_use]
pub fn preset_names() -> Vec<&'static str> {
    let mut v = preset::names();
    v.extend(beam_dump::DUMP_PRESETS.iter().map(|(n, _)| *n));
    v
}
