//! Output formats for reach results: CSV tables, a HEPData record and the
//! exclusion plot, all written atomically.
//!
//! - [`atomic`]: [`write_atomic`] and [`write_atomic_with`], which write to a
//!   temporary file next to the target and rename it into place, so an
//!   interrupted run never leaves a half-written output;
//! - [`tables`]: [`limits_csv`], [`yields_csv`], [`hepdata_yaml`] and
//!   [`write_reach_outputs`], which writes every output of a reach run into
//!   one directory.
//!
//! Numbers are written as `1.234567e-05` (seven significant digits, explicit
//! exponent sign), which every CSV reader and YAML 1.1/1.2 parser reads as a
//! float.

pub mod atomic;
pub mod resume;
pub mod tables;

pub use atomic::{write_atomic, write_atomic_with};
pub use tables::{
    hepdata_yaml, hepdata_yaml_with_cl, limits_csv, write_reach_outputs, write_reach_outputs_with,
    write_reach_outputs_with_overlays, yields_by_channel_csv, yields_csv,
};

use crate::plot::PlotError;
use std::path::PathBuf;
use thiserror::Error;

/// A failure while writing an output file. Each variant names the path
/// involved, so the message alone tells the user what went wrong where.
#[derive(Debug, Error)]
pub enum IoError {
    /// The output directory (or the directory of a file) could not be created.
    #[error("cannot create directory {}: {source}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The temporary file next to the target could not be created, written
    /// or flushed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file that was being written (the final path, not the temporary).
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The finished temporary file could not be renamed onto the target.
    #[error("cannot rename {} to {}: {source}", from.display(), to.display())]
    Rename {
        /// The temporary file.
        from: PathBuf,
        /// The target path.
        to: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Rendering a plot for the file failed.
    #[error("cannot render {}: {source}", path.display())]
    Plot {
        /// The plot file.
        path: PathBuf,
        /// The rendering error.
        source: PlotError,
    },
}
