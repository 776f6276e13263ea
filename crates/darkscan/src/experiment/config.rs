//! Reading the TOML files that configure darkscan (presets, geometries):
//! shipped-by-name or from a path, with one-line errors that name the key,
//! value or line at fault.

use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::path::Path;
use thiserror::Error;

/// Why a configuration could not be loaded.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ConfigError {
    /// Neither a shipped configuration nor a readable file.
    #[error("unknown {what} '{name}' (not a shipped {what} and no such file); shipped: {known}")]
    Unknown {
        /// Kind of configuration ("preset", "geometry").
        what: &'static str,
        /// What was asked for.
        name: String,
        /// Comma-separated shipped names.
        known: String,
    },
    /// The file could not be read.
    #[error("cannot read '{path}': {reason}")]
    Read {
        /// The path.
        path: String,
        /// The I/O error.
        reason: String,
    },
    /// TOML syntax, a missing or unknown key, or a value of the wrong type.
    #[error("{source_name}: line {line}: {message}")]
    Parse {
        /// Name or path.
        source_name: String,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// What is wrong (names the key).
        message: String,
    },
    /// A value that parses but makes no sense.
    #[error("{source_name}: invalid {key} = {value}: {reason}")]
    Invalid {
        /// Name or path.
        source_name: String,
        /// Dotted key, e.g. `beam.energy_gev`.
        key: &'static str,
        /// The value as written.
        value: String,
        /// Why it is invalid.
        reason: String,
    },
}

impl ConfigError {
    /// An [`ConfigError::Invalid`] for `key` of the file `source_name`.
    #[must_use]
    pub fn invalid(
        source_name: &str,
        key: &'static str,
        value: impl ToString,
        reason: impl ToString,
    ) -> Self {
        Self::Invalid {
            source_name: source_name.to_string(),
            key,
            value: value.to_string(),
            reason: reason.to_string(),
        }
    }

    /// `Ok` when a preset's `kind` is `expected`, else the error every
    /// loader reports for a file given to the wrong kind.
    pub fn check_kind(source_name: &str, kind: &str, expected: &str) -> Result<(), Self> {
        if kind == expected {
            Ok(())
        } else {
            Err(Self::invalid(
                source_name,
                "kind",
                format!("'{kind}'"),
                format!("expected \"{expected}\""),
            ))
        }
    }
}

/// Deserialises TOML text; errors carry the 1-based line of the problem.
pub fn from_toml<T: DeserializeOwned>(text: &str, source_name: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::Parse {
        source_name: source_name.to_string(),
        line: e.span().map_or(0, |s| {
            text[..s.start.min(text.len())].lines().count().max(1)
        }),
        message: e.message().replace('\n', " ").trim().to_string(),
    })
}

/// The text of a shipped configuration (`shipped`: name → text) or of the file
/// at `name_or_path`.
pub fn shipped_or_file<'a>(
    name_or_path: &str,
    shipped: &'a [(&'a str, &'a str)],
    what: &'static str,
) -> Result<Cow<'a, str>, ConfigError> {
    if let Some((_, t)) = shipped.iter().find(|(n, _)| *n == name_or_path) {
        return Ok(Cow::Borrowed(t));
    }
    let path = Path::new(name_or_path);
    if !path.exists() {
        return Err(ConfigError::Unknown {
            what,
            name: name_or_path.to_string(),
            known: shipped
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    std::fs::read_to_string(path)
        .map(Cow::Owned)
        .map_err(|e| ConfigError::Read {
            path: name_or_path.to_string(),
            reason: e.to_string(),
        })
}
