//! Any search preset, whatever its kind: one loader that reads a shipped
//! name or a file once and dispatches on the TOML's top-level `kind`
//! (`"beam-dump"`; absent for the missing-energy presets, whose format
//! predates the key), and one entry point for the reach
//! ([`crate::reach::run_preset`]).

use crate::experiment::beam_dump::{self, DumpPreset};
use crate::experiment::config::{ConfigError, shipped_or_file};
use crate::experiment::kaon_mode::{self, KaonPreset};
use crate::experiment::kaon_pinunu::{self, PinunuPreset};
use crate::experiment::preset::{self, Preset};
use crate::experiment::visible_dump::{self, VisiblePreset};

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
            _ => preset::parse(text, source_name).map(Self::MissingEnergy),
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
            Self::VisibleDump(p) => &p.reference,
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
            Self::VisibleDump(p) => p.scan.n_masses,
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
