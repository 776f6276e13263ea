//! Helpers shared by the CLI integration tests.

// Each test binary compiles this module and uses a subset of it.
#![allow(dead_code, reason = "each test binary uses a subset of the helpers")]

use assert_cmd::Command;
use serde_json::Value;

/// The `darkscan` binary built by cargo for this test run.
pub fn darkscan() -> Command {
    Command::cargo_bin("darkscan").unwrap()
}

/// Runs `darkscan ARGS`, asserts success and parses stdout as one JSON object.
pub fn json(args: &[&str]) -> Value {
    let out = darkscan()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}
