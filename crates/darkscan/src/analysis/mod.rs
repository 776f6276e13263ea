//! Event-level analysis: tracks in files → two-track vertices pointing to the
//! dump, selections and blind regions, combinatorial background from single
//! tracks, m²_miss peak scans, and toy-event generators.
//!
//! The methods follow the NA62 beam-dump A′→μμ analysis (seed talk 000;
//! NA62, JHEP 09 (2023) 035) and the NA62 K⁺→ℓ⁺N peak searches (NA62,
//! PLB 807 (2020) 135599; PLB 816 (2021) 136259). Counting statistics come
//! from [`crate::stats`], so an analysis and a reach share one engine.
//!
//! - [`events`]: the event-file schema (one row per track) and its CSV reader;
//! - [`events_parquet`]: the same schema read from Apache Parquet files;
//! - [`pairs`]: vertex, CDA, mass, Δt and pointing (CDA_TAX, Z_TAX) of a pair;
//! - [`selection`]: cut expressions, regions, blinding (selection TOML);
//! - [`count`]: observed counts and p-values per region and region group;
//! - [`combinatorial`]: accidental pairs of single tracks, sub-quadratic;
//! - [`peak_scan`]: m²_miss windows, sideband background, local and global
//!   significance, upper limits on the branching ratio and |U_ℓ|²;
//! - [`generate`]: toy halo-muon singles and K⁺ → ℓ⁺ν / ℓ⁺N events;
//! - [`hepmc3`]: HepMC3 ASCII writer and reader.

pub mod combinatorial;
pub mod count;
pub mod dump_signal;
pub mod events;
pub mod events_parquet;
pub mod generate;
pub mod hepmc3;
pub mod pairs;
pub mod peak_scan;
pub mod selection;

use crate::stats::StatsError;
use std::path::PathBuf;
use thiserror::Error;

/// Everything that can go wrong in the event-level analysis. File errors
/// name the file and, where there is one, the 1-based line ("row") at fault.
#[derive(Debug, Error)]
pub enum AnalysisError {
    /// A file could not be opened or read.
    #[error("cannot read {}: {cause}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating-system error (in the message, not a chained source,
        /// so one-line reports do not repeat it).
        cause: std::io::Error,
    },
    /// The file has no header line (it is empty).
    #[error("{0}: the file is empty (expected a header line with the column names)")]
    EmptyFile(String),
    /// The file has a header but no tracks.
    #[error("{0}: the file has no tracks")]
    NoTracks(String),
    /// A required column is absent from the header.
    #[error("{file}: missing required column '{column}' (header: {header})")]
    MissingColumn {
        /// The file.
        file: String,
        /// The column.
        column: String,
        /// The header as read.
        header: String,
    },
    /// A value that does not parse, is not finite, or is out of its domain.
    #[error("{file}, row {row}: column '{column}' has invalid value '{value}': {why}")]
    BadValue {
        /// The file.
        file: String,
        /// 1-based line number.
        row: u64,
        /// The column.
        column: String,
        /// The text found.
        value: String,
        /// What was expected.
        why: &'static str,
    },
    /// A row with fewer or more fields than the header.
    #[error("{file}, row {row}: {got} fields, but the header has {expected}")]
    FieldCount {
        /// The file.
        file: String,
        /// 1-based line number.
        row: u64,
        /// Fields found.
        got: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// An event with the wrong number (or kind) of tracks for the command.
    #[error("{file}, row {row}: event {event} {why}")]
    BadEvent {
        /// The file.
        file: String,
        /// 1-based line number of the track that showed the problem.
        row: u64,
        /// The event number.
        event: i64,
        /// What is wrong.
        why: String,
    },
    /// A selection expression that does not parse or names an unknown variable.
    #[error("selection '{name}': {why} (at character {pos} of \"{expr}\")")]
    Expression {
        /// The cut or region.
        name: String,
        /// The expression.
        expr: String,
        /// 0-based character offset.
        pos: usize,
        /// What was expected.
        why: String,
    },
    /// A selection file that is not valid TOML or has wrong keys.
    #[error("selection file: {0}")]
    Selection(String),
    /// An invalid argument (ranges, resolutions, window, counts).
    #[error("{0}")]
    Invalid(String),
    /// A statistics error (invalid background, ...).
    #[error(transparent)]
    Stats(#[from] StatsError),
}
