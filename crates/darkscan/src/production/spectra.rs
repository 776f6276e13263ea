//! Light-meson spectra from 400 GeV/c protons on the NA62 TAX (copper) dump.
//!
//! The A′ of a proton beam dump is mostly made in decays of light neutral
//! mesons (π⁰, η, η′ → A′γ; ω → A′π⁰; ρ⁰, ω, φ through mixing), whatever
//! produced them. This module embeds the table `data/meson_spectra_p400.csv`
//! and samples meson momenta and polar angles from it.
//!
//! The table is made by `tools/meson_spectra/generate.py` with Pythia 8.317
//! (T. Bierlich et al., "A comprehensive guide to the physics and usage of
//! PYTHIA 8.3", SciPost Phys. Codeb. 8 (2022)), `SoftQCD:all`, Monash tune, in
//! the fixed-target frame: pp and pn collisions at p_beam = 400 GeV/c
//! (√s = 27.4 GeV), combined with the proton and neutron fractions of copper
//! (Z/A = 29/63.5; TAX material from NA62, JINST 12 (2017) P05025). Every
//! meson in the event record is counted, prompt or from a heavier hadron's
//! decay. The file header lists the settings, seeds and event counts.
//!
//! **Normalisation:** mesons per inelastic nucleon–nucleon collision. For a
//! thick dump (the TAX is ≈ 20 interaction lengths) nearly every proton
//! interacts, so this is also ≈ mesons per proton on target. Nuclear effects
//! in p–Cu and the hadronic cascade in the dump are neglected: treat
//! multiplicities as uncertain at the ~30 % level (more below 10 GeV). At
//! this energy Pythia also overshoots the measured pp multiplicities (see
//! `tests/meson_spectra.rs` for the comparison with NA27).
//!
//! **Binning:** log₁₀(p/GeV) in bins of width log₁₀(4000)/40 ≈ 0.090, and
//! log₁₀(θ/rad) in bins of width 0.125 from −5 up to θ = π, θ measured from
//! the beam axis, plus one bin θ < 10⁻⁵ rad. Within a bin
//! [`MesonSpectrum::sample`] is uniform in log p and log θ; in the
//! small-angle bin it is uniform in θ² (a flat dN/dΩ, as at θ → 0). The
//! heavy-flavour table ([`super::heavy_flavour`]) shares this binning and
//! row format.

use super::binned::{BinnedSpectrum, RowError, parse_rows};
use crate::numeric::rng::Rng;
use crate::units::{ETA, ETA_PRIME, OMEGA, PHI, PION_NEUTRAL, Particle, RHO};
use std::sync::OnceLock;
use thiserror::Error;

/// The embedded table (see the module documentation and the file header).
const TABLE_CSV: &str = include_str!("../../data/meson_spectra_p400.csv");

/// The column header line of the table.
const COLUMNS: &str = "meson,log10p_lo,log10p_hi,log10theta_lo,log10theta_hi,n_per_collision,n_mc";

/// A light neutral meson whose decays can produce an A′.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meson {
    /// π⁰ (PDG 111).
    Pi0,
    /// η (PDG 221).
    Eta,
    /// η′(958) (PDG 331).
    EtaPrime,
    /// ω(782) (PDG 223).
    Omega,
    /// ρ(770)⁰ (PDG 113).
    Rho0,
    /// φ(1020) (PDG 333).
    Phi,
}

impl Meson {
    /// All mesons of the table, in table order.
    pub const ALL: [Meson; 6] = [
        Meson::Pi0,
        Meson::Eta,
        Meson::EtaPrime,
        Meson::Omega,
        Meson::Rho0,
        Meson::Phi,
    ];

    /// PDG data from [`crate::units`].
    #[must_use]
    pub fn particle(self) -> &'static Particle {
        match self {
            Meson::Pi0 => &PION_NEUTRAL,
            Meson::Eta => &ETA,
            Meson::EtaPrime => &ETA_PRIME,
            Meson::Omega => &OMEGA,
            Meson::Rho0 => &RHO,
            Meson::Phi => &PHI,
        }
    }

    /// PDG Monte Carlo code.
    #[must_use]
    pub fn pdg_id(self) -> i32 {
        self.particle().pdg_id
    }

    /// Mass in GeV (PDG 2024, via [`crate::units`]).
    #[must_use]
    pub fn mass(self) -> f64 {
        self.particle().mass
    }

    /// Name as used in the table's `meson` column.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Meson::Pi0 => "pi0",
            Meson::Eta => "eta",
            Meson::EtaPrime => "eta_prime",
            Meson::Omega => "omega",
            Meson::Rho0 => "rho0",
            Meson::Phi => "phi",
        }
    }

    /// The meson with table name `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Meson> {
        Meson::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// A malformed meson-spectrum table.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SpectraError {
    /// The column header line is missing or different.
    #[error("missing column header '{COLUMNS}'")]
    MissingHeader,
    /// A data line that does not have seven fields.
    #[error("line {line}: expected 7 comma-separated fields, got {got}")]
    FieldCount {
        /// 1-based line number.
        line: usize,
        /// Number of fields found.
        got: usize,
    },
    /// A meson name not in [`Meson::ALL`].
    #[error("line {line}: unknown meson '{name}'")]
    UnknownMeson {
        /// 1-based line number.
        line: usize,
        /// The name found.
        name: String,
    },
    /// A field that is not a number, or a bin that is empty or inverted, or
    /// a negative or non-finite weight.
    #[error("line {line}: invalid {what}")]
    InvalidValue {
        /// 1-based line number.
        line: usize,
        /// Which field.
        what: &'static str,
    },
    /// A meson without any non-empty bin.
    #[error("no bins for meson {0}")]
    MissingMeson(&'static str),
}

impl From<RowError> for SpectraError {
    fn from(e: RowError) -> Self {
        match e {
            RowError::MissingHeader => SpectraError::MissingHeader,
            RowError::FieldCount { line, got } => SpectraError::FieldCount { line, got },
            RowError::UnknownName { line, name } => SpectraError::UnknownMeson { line, name },
            RowError::InvalidValue { line, what } => SpectraError::InvalidValue { line, what },
        }
    }
}

/// The momentum and angle spectrum of one meson, per inelastic pN collision.
#[derive(Debug, Clone, PartialEq)]
pub struct MesonSpectrum {
    /// Which meson.
    pub meson: Meson,
    /// Mean number per inelastic nucleon–nucleon collision (≈ per proton on
    /// the TAX, see the module documentation).
    pub multiplicity: f64,
    /// The bins; their weights sum to `multiplicity`.
    spectrum: BinnedSpectrum,
}

impl MesonSpectrum {
    /// The spectrum of `meson` from the embedded table (parsed once).
    ///
    /// # Panics
    /// If the embedded table is malformed (a unit test guarantees it is not).
    #[must_use]
    pub fn get(meson: Meson) -> &'static MesonSpectrum {
        static TABLE: OnceLock<Vec<MesonSpectrum>> = OnceLock::new();
        let all = TABLE.get_or_init(|| {
            Self::parse_table(TABLE_CSV).expect("embedded meson_spectra_p400.csv is valid")
        });
        &all[Meson::ALL.iter().position(|&m| m == meson).unwrap_or(0)]
    }

    /// Parses a table in the format of `data/meson_spectra_p400.csv` (lines
    /// starting with `#` are comments; the column header is required) into
    /// one spectrum per meson, in the order of [`Meson::ALL`]. Every meson
    /// must have at least one bin.
    pub fn parse_table(text: &str) -> Result<Vec<MesonSpectrum>, SpectraError> {
        let mut spectra: Vec<MesonSpectrum> = Meson::ALL
            .into_iter()
            .map(|meson| MesonSpectrum {
                meson,
                multiplicity: 0.0,
                spectrum: BinnedSpectrum::default(),
            })
            .collect();
        for row in parse_rows(text, COLUMNS, "n_per_collision", Meson::from_name)? {
            let s = &mut spectra[Meson::ALL
                .iter()
                .position(|&m| m == row.species)
                .unwrap_or(0)];
            s.spectrum.push(row.bin, row.weight);
            s.multiplicity = s.spectrum.total();
        }
        for s in &spectra {
            if s.spectrum.n_bins() == 0 || s.multiplicity <= 0.0 {
                return Err(SpectraError::MissingMeson(s.meson.name()));
            }
        }
        Ok(spectra)
    }

    /// Number of non-empty (p, θ) bins.
    #[must_use]
    pub fn n_bins(&self) -> usize {
        self.spectrum.n_bins()
    }

    /// Draws a meson momentum in GeV and polar angle to the beam in rad: a
    /// bin with probability ∝ its weight (binary search in the cumulative
    /// weights), then log p and log θ uniform within the bin (θ² uniform in
    /// the small-angle bin).
    pub fn sample(&self, rng: &mut Rng) -> (f64, f64) {
        self.spectrum.sample(rng)
    }

    /// Mean momentum in GeV implied by the table and the sampling rule of
    /// [`Self::sample`] (log-uniform within each bin):
    /// ⟨p⟩ = Σ wᵢ (10^bᵢ − 10^aᵢ)/((bᵢ − aᵢ) ln 10) / Σ wᵢ.
    #[must_use]
    pub fn mean_momentum(&self) -> f64 {
        self.spectrum.mean_momentum()
    }

    /// Fraction of the mesons with momentum above `p_min` GeV and angle below
    /// `theta_max` rad, exact for the within-bin distributions of
    /// [`Self::sample`]: a quick acceptance estimate.
    #[must_use]
    pub fn fraction(&self, p_min: f64, theta_max: f64) -> f64 {
        self.spectrum.fraction(p_min, theta_max)
    }
}

/// Every meson's multiplicity per inelastic pN collision, in the order of
/// [`Meson::ALL`].
#[must_use]
pub fn multiplicities() -> Vec<(Meson, f64)> {
    Meson::ALL
        .into_iter()
        .map(|m| (m, MesonSpectrum::get(m).multiplicity))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses() {
        let all = MesonSpectrum::parse_table(TABLE_CSV).unwrap();
        assert_eq!(all.len(), 6);
        for (s, m) in all.iter().zip(Meson::ALL) {
            assert_eq!(s.meson, m);
            assert!(s.multiplicity > 0.0 && s.n_bins() > 10, "{m:?}");
        }
    }

    #[test]
    fn meson_data() {
        assert_eq!(Meson::Pi0.pdg_id(), 111);
        assert_eq!(Meson::EtaPrime.pdg_id(), 331);
        assert_eq!(Meson::Rho0.pdg_id(), 113);
        assert!((Meson::Phi.mass() - 1.019_461).abs() < 1e-9);
        assert_eq!(Meson::from_name("omega"), Some(Meson::Omega));
        assert_eq!(Meson::from_name("kaon"), None);
    }

    #[test]
    fn malformed_tables_are_rejected() {
        let head = format!("# c\n{COLUMNS}\n");
        assert_eq!(
            MesonSpectrum::parse_table("pi0,1,2,3,4,5,6\n"),
            Err(SpectraError::MissingHeader)
        );
        assert!(matches!(
            MesonSpectrum::parse_table(&format!("{head}pi0,1,2\n")),
            Err(SpectraError::FieldCount { line: 3, got: 3 })
        ));
        assert!(matches!(
            MesonSpectrum::parse_table(&format!("{head}kaon,0,1,-1,0,1,1\n")),
            Err(SpectraError::UnknownMeson { .. })
        ));
        assert!(matches!(
            MesonSpectrum::parse_table(&format!("{head}pi0,1,0,-1,0,1,1\n")),
            Err(SpectraError::InvalidValue {
                what: "momentum bin",
                ..
            })
        ));
        assert!(matches!(
            MesonSpectrum::parse_table(&format!("{head}pi0,0,1,-1,0,-1,1\n")),
            Err(SpectraError::InvalidValue {
                what: "n_per_collision",
                ..
            })
        ));
        // Only π⁰ present.
        assert_eq!(
            MesonSpectrum::parse_table(&format!("{head}pi0,0,1,-inf,-5,1,1\n")),
            Err(SpectraError::MissingMeson("eta"))
        );
    }

    #[test]
    fn small_angle_bin_is_uniform_in_theta_squared() {
        let mut text = format!("{COLUMNS}\n");
        for m in Meson::ALL {
            text.push_str(&format!("{},0,1,-inf,-5,1,1\n", m.name()));
        }
        let all = MesonSpectrum::parse_table(&text).unwrap();
        let mut rng = Rng::new(3, 0);
        let n = 100_000;
        let mut below_half = 0;
        for _ in 0..n {
            let (p, t) = all[0].sample(&mut rng);
            assert!((1.0..=10.0).contains(&p) && (0.0..=1e-5).contains(&t));
            if t < 0.5e-5 {
                below_half += 1;
            }
        }
        // P(θ < θmax/2) = 1/4.
        let f = f64::from(below_half) / f64::from(n);
        assert!((f - 0.25).abs() < 0.005, "{f}");
        assert!((all[0].fraction(0.0, 0.5e-5) - 0.25).abs() < 1e-12);
    }
}
