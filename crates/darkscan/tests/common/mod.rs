//! Helpers shared by the integration tests of the spectra generators.

use std::process::Command;

/// Runs `tools/meson_spectra/<script>` with `--events <events>` and returns
/// its CSV output, or `None` (after printing "skipped") when python3 with
/// Pythia (PyPI `pythia8mc`) is not available, so CI without it passes.
pub fn run_generator(script: &str, events: u32) -> Option<String> {
    let have_pythia = Command::new("python3")
        .args(["-c", "import pythia8mc"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !have_pythia {
        println!("skipped: python3 with pythia8mc not available (pip install pythia8mc==8.317.2)");
        return None;
    }
    let path = format!(
        "{}/../../tools/meson_spectra/{script}",
        env!("CARGO_MANIFEST_DIR")
    );
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
    Some(text)
}
