//! Helpers shared by the integration tests that run external tools.
//!
//! Tests that need a tool which may be absent carry
//! `#[cfg_attr(not(darkscan_<tool>), ignore = "needs …")]` (the cfg is set by
//! `build.rs` when the tool is found), so the harness reports them as ignored
//! (never as passed) when the tool is missing; forced with `-- --ignored`
//! they FAIL. See the README's "Validation" section for which test needs what.

#![allow(dead_code)] // each test binary uses a subset

use std::path::PathBuf;
use std::process::Command;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Whether `python3 -c "import <module>"` succeeds.
pub fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Runs `tools/meson_spectra/<script>` with `--events <events>` and returns
/// its CSV output. Panics (the test fails) when python3 with Pythia (PyPI
/// `pythia8mc`) is not available: callers are ignored unless `cfg(darkscan_pythia8mc)`.
pub fn run_generator(script: &str, events: u32) -> String {
    assert!(
        python_has("pythia8mc"),
        "python3 with pythia8mc not available (pip install pythia8mc==8.317.2)"
    );
    let path = repo_root().join("tools/meson_spectra").join(script);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("table.csv");
    let status = Command::new("python3")
        .arg(&path)
        .args(["--events", &events.to_string(), "--out"])
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("run {script}: {e}"));
    assert!(status.success(), "{script} failed: {status}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("# Generator: Pythia 8.317"));
    text
}

/// A published curve shipped in `docs/validation/` (two columns, `#`
/// comments), in mass order.
pub fn published_curve(file: &str) -> Vec<(f64, f64)> {
    std::fs::read_to_string(repo_root().join("docs/validation").join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let v: Vec<f64> = l.split_whitespace().map(|x| x.parse().unwrap()).collect();
            (v[0], v[1])
        })
        .collect()
}

/// Log–log interpolation of a curve sorted in mass (clamped to its ends).
pub fn loglog_at(c: &[(f64, f64)], m: f64) -> f64 {
    let i = c.partition_point(|p| p.0 <= m).clamp(1, c.len() - 1);
    let ((x0, y0), (x1, y1)) = (c[i - 1], c[i]);
    let t = (m.ln() - x0.ln()) / (x1.ln() - x0.ln());
    (y0.ln() + t * (y1.ln() - y0.ln())).exp()
}
