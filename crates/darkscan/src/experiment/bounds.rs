//! Documented caps on the work and memory a configuration may ask for.
//!
//! Every grid and Monte Carlo sample in a preset (and the `--masses` list of
//! the command line) is checked against these caps before any work starts,
//! so a mistyped `n_couplings = 1000000000` (8 GB of yield grid) or
//! `events_per_channel = 100000000000` is refused at once with the key, the
//! value and the cap named, instead of exhausting the machine.
//!
//! The caps are 20–100 times the shipped presets' settings (100 masses ×
//! 100–121 couplings, 2·10⁴ events per production channel, 10⁵ shower
//! events), far beyond what a published sensitivity curve needs, while a
//! capped run still fits in memory (a 2000 × 2000 grid of f64 is 32 MB) and
//! finishes in hours, not years.

use crate::experiment::beam_dump::DumpPreset;
use crate::experiment::config::ConfigError;
use crate::experiment::preset::{Preset, Scan};

/// Most masses in a scan (`scan.n_masses`, or the count of `--masses`).
pub const MAX_MASSES: usize = 2_000;
/// Most couplings in a scan (`scan.n_couplings`).
pub const MAX_COUPLINGS: usize = 2_000;
/// Most (mass, coupling) points of a yield grid.
pub const MAX_GRID_POINTS: usize = 1_000_000;
/// Most source calls per production channel and mass (`events_per_channel`).
pub const MAX_EVENTS_PER_CHANNEL: usize = 2_000_000;
/// Most electromagnetic-shower events (`shower.events`).
pub const MAX_SHOWER_EVENTS: u64 = 10_000_000;

fn too_large(
    src: &str,
    key: &'static str,
    value: impl ToString,
    max: impl ToString,
) -> ConfigError {
    ConfigError::invalid(
        src,
        key,
        value,
        format!(
            "exceeds the cap of {} (see darkscan::experiment::bounds)",
            max.to_string()
        ),
    )
}

/// Checks a count of masses (a preset's `scan.n_masses` or the command
/// line's `--masses`) against [`MAX_MASSES`]; `key` names the input.
pub fn check_mass_count(src: &str, key: &'static str, n: usize) -> Result<(), ConfigError> {
    if n > MAX_MASSES {
        return Err(too_large(src, key, n, MAX_MASSES));
    }
    Ok(())
}

/// Checks a scan grid: masses, couplings and their product.
pub fn check_scan(src: &str, scan: &Scan) -> Result<(), ConfigError> {
    check_mass_count(src, "scan.n_masses", scan.n_masses)?;
    if scan.n_couplings > MAX_COUPLINGS {
        return Err(too_large(
            src,
            "scan.n_couplings",
            scan.n_couplings,
            MAX_COUPLINGS,
        ));
    }
    let points = scan.n_masses.saturating_mul(scan.n_couplings);
    if points > MAX_GRID_POINTS {
        return Err(too_large(
            src,
            "scan.n_couplings",
            format!(
                "{} (× {} masses = {points} points)",
                scan.n_couplings, scan.n_masses
            ),
            format!("{MAX_GRID_POINTS} grid points"),
        ));
    }
    Ok(())
}

/// The caps of a missing-energy preset ([`Preset`]): its scan and its
/// shower sample.
pub fn check_preset(src: &str, preset: &Preset) -> Result<(), ConfigError> {
    check_scan(src, &preset.scan)?;
    if preset.shower.events > MAX_SHOWER_EVENTS {
        return Err(too_large(
            src,
            "shower.events",
            preset.shower.events,
            MAX_SHOWER_EVENTS,
        ));
    }
    Ok(())
}

/// The caps of a beam-dump preset ([`DumpPreset`]): its scan and its
/// per-channel sample.
pub fn check_dump_preset(src: &str, preset: &DumpPreset) -> Result<(), ConfigError> {
    check_scan(src, &preset.scan)?;
    if preset.events_per_channel > MAX_EVENTS_PER_CHANNEL {
        return Err(too_large(
            src,
            "events_per_channel",
            preset.events_per_channel,
            MAX_EVENTS_PER_CHANNEL,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_presets_are_within_the_caps() {
        for name in crate::experiment::preset::names() {
            let p = crate::experiment::preset::load(name).unwrap();
            check_preset(name, &p).unwrap();
        }
        for (name, text) in crate::experiment::beam_dump::DUMP_PRESETS {
            let p = crate::experiment::beam_dump::parse_preset(text, name).unwrap();
            check_dump_preset(name, &p).unwrap();
        }
    }

    #[test]
    fn oversized_grids_name_key_and_cap() {
        let (_, text) = crate::experiment::beam_dump::DUMP_PRESETS[0];
        let huge = text.replace("n_couplings = 100", "n_couplings = 1000000000");
        let e = crate::experiment::beam_dump::parse_preset(&huge, "x.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("scan.n_couplings") && e.contains("1000000000"),
            "{e}"
        );
        let huge = text.replace(
            "events_per_channel = 20000",
            "events_per_channel = 100000000000",
        );
        let e = crate::experiment::beam_dump::parse_preset(&huge, "x.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("events_per_channel") && e.contains("cap"), "{e}");
        assert!(check_mass_count("command line", "--masses", MAX_MASSES + 1).is_err());
    }
}
