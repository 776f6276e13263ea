//! Any search preset, whatever its kind: one loader that reads a shipped
//! name or a file once and dispatches on the TOML's top-level `kind`
//! (`"beam-dump"`; absent for the missing-energy presets, whose format
//! predates the key), and one entry point for the reach
//! ([`run_preset`]).

use crate::experiment::beam_dump::{self, DumpPreset};
use crate::experiment::config::{ConfigError, shipped_or_file};
use crate::experiment::kaon_mode::{self, KaonPreset};
use crate::experiment::kaon_pinunu::{self, PinunuPreset};
use crate::experiment::missing_momentum::{self, MomentumPreset};
use crate::experiment::preset::{self, Preset};
use crate::experiment::shower_primakoff::{self, PrimakoffPreset};
use crate::experiment::visible_dump::{self, VisiblePreset};

/// The values of a preset's top-level `kind` key. Every kind shares the
/// header keys (`kind`, `name`, `description`, `reference`) and the
/// `[statistics]` and `[scan]` tables (one type each,
/// [`crate::reach::config`]); the rest is the kind's own.
pub const KINDS: &[&str] = &[
    "missing-energy",
    "missing-momentum",
    "shower-primakoff",
    "visible-dump",
    "beam-dump",
    "kaon-decay",
    "kaon-pinunu",
];

/// A search configuration of either kind.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchPreset {
    /// A missing-energy search (NA64e): beam, active target, ECAL cut.
    MissingEnergy(Preset),
    /// A beam-dump search for visible decays (NA62 dump mode).
    BeamDump(DumpPreset),
    /// A kaon-decay peak search (NA62 K⁺ → ℓ⁺N), from published limits.
    Kaon(KaonPreset),
    /// NA62 K⁺ → π⁺X, published BR limits per mass and lifetime.
    Pinunu(PinunuPreset),
    /// A muon-beam missing-momentum search (NA64μ).
    MissingMomentum(MomentumPreset),
    /// ALPs by Primakoff on shower photons in an active target (NA64e).
    ShowerPrimakoff(PrimakoffPreset),
    /// An electron-beam dump with A′ → e⁺e⁻ behind it (NA64 visible mode).
    VisibleDump(VisiblePreset),
}

/// Every shipped preset: (name, TOML text), missing-energy first.
#[must_use]
pub fn shipped() -> Vec<(&'static str, &'static str)> {
    preset::PRESETS
        .iter()
        .chain(beam_dump::DUMP_PRESETS)
        .chain(kaon_mode::KAON_PRESETS)
        .chain(kaon_pinunu::PINUNU_PRESETS)
        .chain(missing_momentum::MOMENTUM_PRESETS)
        .chain(shower_primakoff::PRIMAKOFF_PRESETS)
        .chain(visible_dump::VISIBLE_PRESETS)
        .copied()
        .collect()
}

/// The TOML text of a shipped preset of any kind.
#[must_use]
pub fn shipped_text(name: &str) -> Option<&'static str> {
    shipped()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| t)
}

impl SearchPreset {
    /// Loads a shipped preset by name, or a TOML file by path (read once).
    pub fn load(name_or_path: &str) -> Result<Self, ConfigError> {
        let all = shipped();
        let text = shipped_or_file(name_or_path, &all, "preset")?;
        Self::parse(&text, name_or_path)
    }

    /// Parses preset text; `source_name` labels errors.
    pub fn parse(text: &str, source_name: &str) -> Result<Self, ConfigError> {
        let kind = text
            .parse::<toml::Table>()
            .ok()
            .and_then(|t| t.get("kind").and_then(|k| k.as_str().map(str::to_owned)));
        match kind.as_deref() {
            Some("beam-dump") => beam_dump::parse_preset(text, source_name).map(Self::BeamDump),
            Some("kaon-decay") => kaon_mode::parse_preset(text, source_name).map(Self::Kaon),
            Some("kaon-pinunu") => kaon_pinunu::parse_preset(text, source_name).map(Self::Pinunu),
            Some("visible-dump") => {
                visible_dump::parse_preset(text, source_name).map(Self::VisibleDump)
            }
            Some("shower-primakoff") => {
                shower_primakoff::parse_preset(text, source_name).map(Self::ShowerPrimakoff)
            }
            Some("missing-momentum") => {
                missing_momentum::parse_preset(text, source_name).map(Self::MissingMomentum)
            }
            Some("missing-energy") | None => {
                preset::parse(text, source_name).map(Self::MissingEnergy)
            }
            Some(other) => Err(ConfigError::invalid(
                source_name,
                "kind",
                format!("{other:?}"),
                format!("expected one of {}", KINDS.join(", ")),
            )),
        }
    }

    /// Short name.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Self::MissingEnergy(p) => &p.name,
            Self::BeamDump(p) => &p.name,
            Self::Kaon(p) => &p.name,
            Self::Pinunu(p) => &p.name,
            Self::MissingMomentum(p) => &p.name,
            Self::ShowerPrimakoff(p) => &p.name,
            Self::VisibleDump(p) => &p.name,
        }
    }

    /// One-line description.
    #[must_use]
    pub fn description(&self) -> &str {
        match self {
            Self::MissingEnergy(p) => &p.description,
            Self::BeamDump(p) => &p.description,
            Self::Kaon(p) => &p.description,
            Self::Pinunu(p) => &p.description,
            Self::MissingMomentum(p) => &p.description,
            Self::ShowerPrimakoff(p) => &p.description,
            Self::VisibleDump(p) => &p.description,
        }
    }

    /// The publication it reproduces.
    #[must_use]
    pub fn reference(&self) -> &str {
        match self {
            Self::MissingEnergy(p) => &p.reference,
            Self::BeamDump(p) => &p.reference,
            Self::Kaon(p) => &p.reference,
            Self::Pinunu(p) => &p.reference,
            Self::MissingMomentum(p) => &p.reference,
            Self::ShowerPrimakoff(p) => &p.reference,
            Self::VisibleDump(p) => &p.reference,
        }
    }

    /// Its default (mass, coupling) grid; `None` for the kaon-mode kinds,
    /// whose masses are those of the published limit tables.
    #[must_use]
    pub fn scan(&self) -> Option<&crate::reach::Scan> {
        match self {
            Self::MissingEnergy(p) => Some(&p.scan),
            Self::BeamDump(p) => Some(&p.scan),
            Self::MissingMomentum(p) => Some(&p.scan),
            Self::ShowerPrimakoff(p) => Some(&p.scan),
            Self::VisibleDump(p) => Some(&p.scan),
            Self::Kaon(_) | Self::Pinunu(_) => None,
        }
    }

    /// Number of masses of its default scan.
    #[must_use]
    pub fn n_masses(&self) -> usize {
        match self {
            Self::MissingEnergy(p) => p.scan.n_masses,
            Self::BeamDump(p) => p.scan.n_masses,
            Self::Kaon(p) => p.limits().map_or(0, |t| t.len()),
            Self::Pinunu(p) => p
                .lifetime_limits()
                .map_or(0, |l| l.curves.last().map_or(0, |c| c.1.rows.len())),
            Self::MissingMomentum(p) => p.scan.n_masses,
            Self::ShowerPrimakoff(p) => p.scan.n_masses,
            Self::VisibleDump(p) => p.scan.n_masses,
        }
    }
}

/// The reach of any preset: dispatches on its kind to the missing-energy or
/// the beam-dump search. `label` names the result (the preset name or file).
pub fn run_preset(
    label: &str,
    preset: &SearchPreset,
    opts: &crate::reach::ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<crate::reach::ReachResult, crate::reach::ReachError> {
    if opts.expected_sensitivity && !matches!(preset, SearchPreset::Kaon(_)) {
        return Err(crate::reach::ReachError::Preset(
            "--expected applies to kaon-mode presets (kind = \"kaon-decay\")".into(),
        ));
    }
    match preset {
        SearchPreset::MissingEnergy(p) => {
            crate::experiment::missing_energy_reach::run_missing_energy(label, p, opts, progress)
        }
        SearchPreset::BeamDump(p) => {
            crate::experiment::beam_dump::run_beam_dump(label, p, opts, progress)
        }
        SearchPreset::Kaon(p) if opts.expected_sensitivity => {
            crate::experiment::kaon_mode::run_kaon_expected(label, p, opts, progress)
        }
        SearchPreset::Kaon(p) => crate::experiment::kaon_mode::run_kaon(label, p, opts, progress),
        SearchPreset::Pinunu(p) => {
            crate::experiment::kaon_pinunu::run_pinunu(label, p, opts, progress)
        }
        SearchPreset::MissingMomentum(p) => {
            crate::experiment::missing_momentum::run_missing_momentum(label, p, opts, progress)
        }
        SearchPreset::ShowerPrimakoff(p) => {
            crate::experiment::shower_primakoff::run_primakoff(label, p, opts, progress)
        }
        SearchPreset::VisibleDump(p) => {
            crate::experiment::visible_dump::run_visible_dump(label, p, opts, progress)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_preset_loads_as_its_kind() {
        for (name, _) in shipped() {
            let p = SearchPreset::load(name).unwrap();
            assert_eq!(p.name(), name);
            let dump = name.contains("dump");
            assert_eq!(matches!(p, SearchPreset::BeamDump(_)), dump, "{name}");
            let kaon = name.contains("kaon-hnl");
            assert_eq!(matches!(p, SearchPreset::Kaon(_)), kaon, "{name}");
            let pinunu = name.contains("pinunu");
            assert_eq!(matches!(p, SearchPreset::Pinunu(_)), pinunu, "{name}");
            let visible = name.contains("-visible-");
            assert_eq!(matches!(p, SearchPreset::VisibleDump(_)), visible, "{name}");
        }
        let e = SearchPreset::load("no-such-preset")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("na64e-invisible") && e.contains("na62-dump-mumu-2021"),
            "{e}"
        );
    }
}
