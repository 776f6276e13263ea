//! Atomic file writes: write a temporary file in the target's directory, flush
//! it to disk, then rename it over the target. A rename within one directory
//! is atomic on POSIX file systems (and replaces the target on Windows), so
//! readers see either the old file or the complete new one, never a torso.

use super::IoError;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files created by one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// How many names to try before giving up on creating a temporary file.
const MAX_ATTEMPTS: u32 = 64;

/// Writes `bytes` to `path` atomically (see the [module docs](self)).
///
/// The parent directory must exist. On error the temporary file is removed
/// and `path` is left as it was.
///
/// # Errors
/// [`IoError::Write`] if the temporary file cannot be created or written,
/// [`IoError::Rename`] if it cannot be moved onto `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    write_atomic_with(path, |tmp| {
        let mut f = OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(tmp)
            .map_err(|source| IoError::Write {
                path: path.to_path_buf(),
                source,
            })?;
        f.write_all(bytes).map_err(|source| IoError::Write {
            path: path.to_path_buf(),
            source,
        })
    })
}

/// Atomically creates `path` with a writer that needs a file path rather than
/// bytes (e.g. an image encoder).
///
/// An empty temporary file is created in the directory of `path`; its name
/// is hidden (leading `.`) and keeps the extension of `path`, so encoders
/// that choose the format by extension work. `write` fills it (it may
/// replace the file), then the file is synced and renamed onto `path`. If
/// `write` fails the temporary file is removed and its error returned.
///
/// # Errors
/// The error of `write`, [`IoError::Write`] if the temporary file cannot be
/// created or synced, [`IoError::Rename`] if it cannot be moved onto `path`.
pub fn write_atomic_with<F>(path: &Path, write: F) -> Result<(), IoError>
where
    F: FnOnce(&Path) -> Result<(), IoError>,
{
    let tmp = create_temp(path)?;
    let result = write(&tmp).and_then(|()| finish(path, &tmp));
    if result.is_err() {
        // Best effort: the temporary may already be gone.
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Flushes the temporary file to disk and renames it onto `path`.
fn finish(path: &Path, tmp: &Path) -> Result<(), IoError> {
    File::open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(|source| IoError::Write {
            path: path.to_path_buf(),
            source,
        })?;
    fs::rename(tmp, path).map_err(|source| IoError::Rename {
        from: tmp.to_path_buf(),
        to: path.to_path_buf(),
        source,
    })?;
    // Make the rename itself durable where directories can be synced (POSIX).
    // Failure here does not undo the write, so it is not an error.
    if let Ok(d) = File::open(parent_dir(path)) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The directory a file lives in (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Creates a new, empty, uniquely named temporary file next to `path`:
/// `.NAME.tmp-PID-N.EXT`.
fn create_temp(path: &Path) -> Result<PathBuf, IoError> {
    let write_err = |source| IoError::Write {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .ok_or_else(|| {
            write_err(std::io::Error::new(
                ErrorKind::InvalidInput,
                "path has no file name",
            ))
        })?
        .to_string_lossy()
        .into_owned();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let dir = parent_dir(path);
    let pid = std::process::id();
    let mut last = None;
    for _ in 0..MAX_ATTEMPTS {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{pid}-{n}{ext}"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(_) => return Ok(tmp),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(write_err(e)),
        }
    }
    Err(write_err(last.unwrap_or_else(|| {
        std::io::Error::new(ErrorKind::AlreadyExists, "no free temporary file name")
    })))
}
