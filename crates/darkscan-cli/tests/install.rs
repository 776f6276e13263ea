//! `darkscan completions` and `darkscan man`: generated from the clap
//! definitions, they list every subcommand.

mod common;

use common::darkscan;

const SUBCOMMANDS: &[&str] = &["stats", "reach", "preset", "widths", "xsec"];

#[test]
fn completions_for_each_shell_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish"] {
        let out = darkscan().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        for sub in SUBCOMMANDS {
            assert!(text.contains(sub), "{shell}: {sub} missing");
        }
    }
    // An unknown shell is a usage error (exit 2) naming the value.
    let out = darkscan().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn man_page_is_roff_with_the_subcommands() {
    let out = darkscan().arg("man").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(".ie") || text.contains(".TH darkscan"),
        "{}",
        &text[..80.min(text.len())]
    );
    for sub in SUBCOMMANDS {
        assert!(text.contains(sub), "{sub} missing");
    }
}

#[test]
#[cfg(unix)]
fn closed_stdout_pipe_is_not_a_panic() {
    // `darkscan preset list | head -1`: the reader goes away early.
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("darkscan"))
        .args(["preset", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
