//! Probes the optional tools that some integration tests run, so that a test
//! whose tool is absent is reported by the test harness as *ignored* (with
//! the tool named), never silently passed:
//!
//! - `cfg(darkscan_python3)`: `python3` ≥ 3.11 (standard library only; the
//!   independent η-channel calculation in `tools/validation/`);
//! - `cfg(darkscan_pythia8mc)`: `python3` with PyPI `pythia8mc` (the spectra
//!   generators in `tools/meson_spectra/`).
//!
//! The probe reruns when `PATH` or `DARKSCAN_REPROBE` changes (set
//! `DARKSCAN_REPROBE=1` after installing a tool). It only sets cfgs read by
//! tests; the library does not depend on them.

use std::process::Command;

fn python_can(code: &str) -> bool {
    Command::new("python3")
        .args(["-c", code])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=DARKSCAN_REPROBE");
    println!("cargo::rustc-check-cfg=cfg(darkscan_python3)");
    println!("cargo::rustc-check-cfg=cfg(darkscan_pythia8mc)");
    if python_can("import tomllib") {
        println!("cargo::rustc-cfg=darkscan_python3");
    }
    if python_can("import pythia8mc") {
        println!("cargo::rustc-cfg=darkscan_pythia8mc");
    }
}
