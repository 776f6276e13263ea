//! The resume cache of a long scan: every finished mass is appended as one
//! JSON line to a file beside the outputs, so a scan stopped by Ctrl-C (or
//! killed) is resumed by the next run with the same inputs, which reuses the
//! finished masses and gives the same bytes (the per-mass results are
//! stored as f64 bit patterns, and every mass has its own random streams).
//!
//! The first line holds a key: a hash of everything the results depend on
//! (the preset as parsed and the options). A cache with another key is
//! discarded. A line cut short by the interruption is ignored.

use crate::io::IoError;
use crate::reach::MassLimit;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One finished mass as stored (f64 values as bit patterns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Line {
    index: usize,
    mass: u64,
    excluded: Vec<(u64, Option<u64>)>,
    signal_upper_limit: u64,
    total: Vec<u64>,
    channels: Vec<Vec<u64>>,
}

/// A finished mass: its limit, total signal row and per-channel rows.
pub type CachedMass = (MassLimit, Vec<f64>, Vec<Vec<f64>>);

/// The cache of one scan (see the module docs).
#[derive(Debug)]
pub struct ResumeCache {
    path: PathBuf,
    done: HashMap<usize, Line>,
    file: Mutex<std::fs::File>,
}

/// FNV-1a (64 bit) of a string: the cache key.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl ResumeCache {
    /// Opens (or starts) the cache at `path` for a scan whose inputs are
    /// described by `inputs` (any text that changes when the results would).
    pub fn open(path: &Path, inputs: &str) -> Result<Self, IoError> {
        let key = format!("darkscan-resume {:016x}", fnv(inputs));
        let write_err = |source| IoError::Write {
            path: path.to_path_buf(),
            source,
        };
        let mut done = HashMap::new();
        let existing = std::fs::read_to_string(path).unwrap_or_default();
        let mut lines = existing.lines();
        let reuse = lines.next() == Some(key.as_str());
        if reuse {
            for l in lines {
                if let Ok(line) = serde_json::from_str::<Line>(l) {
                    done.insert(line.index, line);
                }
            }
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| IoError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        // Rewrite the file with the header and the good lines only, so a
        // truncated last line or a stale cache never lingers.
        let mut file = std::fs::File::create(path).map_err(write_err)?;
        let mut text = format!("{key}\n");
        let mut kept: Vec<&Line> = done.values().collect();
        kept.sort_by_key(|l| l.index);
        for l in kept {
            text.push_str(&serde_json::to_string(l).expect("plain data"));
            text.push('\n');
        }
        file.write_all(text.as_bytes()).map_err(write_err)?;
        file.flush().map_err(write_err)?;
        Ok(Self {
            path: path.to_path_buf(),
            done,
            file: Mutex::new(file),
        })
    }

    /// Number of finished masses in the cache.
    #[must_use]
    pub fn len(&self) -> usize {
        self.done.len()
    }

    /// Whether the cache holds no finished mass.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    /// The finished result of mass `index` if it was computed for this same
    /// `mass`.
    #[must_use]
    pub fn get(&self, index: usize, mass: f64) -> Option<CachedMass> {
        let l = self.done.get(&index)?;
        if l.mass != mass.to_bits() {
            return None;
        }
        let f = f64::from_bits;
        Some((
            MassLimit {
                mass,
                excluded: l.excluded.iter().map(|&(a, b)| (f(a), b.map(f))).collect(),
                signal_upper_limit: f(l.signal_upper_limit),
            },
            l.total.iter().map(|&x| f(x)).collect(),
            l.channels
                .iter()
                .map(|r| r.iter().map(|&x| f(x)).collect())
                .collect(),
        ))
    }

    /// Appends a finished mass (flushed at once, so an interruption loses
    /// at most the line being written).
    pub fn record(&self, index: usize, result: &CachedMass) -> Result<(), IoError> {
        let (limit, total, channels) = result;
        let line = Line {
            index,
            mass: limit.mass.to_bits(),
            excluded: limit
                .excluded
                .iter()
                .map(|&(a, b)| (a.to_bits(), b.map(f64::to_bits)))
                .collect(),
            signal_upper_limit: limit.signal_upper_limit.to_bits(),
            total: total.iter().map(|x| x.to_bits()).collect(),
            channels: channels
                .iter()
                .map(|r| r.iter().map(|x| x.to_bits()).collect())
                .collect(),
        };
        let text = serde_json::to_string(&line).expect("plain data") + "\n";
        let mut f = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f.write_all(text.as_bytes())
            .and_then(|()| f.flush())
            .map_err(|source| IoError::Write {
                path: self.path.clone(),
                source,
            })
    }
}
