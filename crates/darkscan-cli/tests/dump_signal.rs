//! `darkscan generate dump-signal`: events in the schema that `analysis`
//! reads back, HepMC3 that the reader parses, and one-line errors.

use assert_cmd::Command;

fn darkscan() -> Command {
    Command::cargo_bin("darkscan").unwrap()
}

#[test]
fn dump_signal_events_round_trip_through_the_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sig.csv");
    let out = darkscan()
        .args(["generate", "dump-signal", "--preset", "na62-dump-mumu-2021"])
        .args(["--mass", "0.3", "--coupling", "1e-6", "--events", "50"])
        .args(["--trials", "20000", "--out"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected"));
    let out = darkscan()
        .args(["analysis", "pairs"])
        .arg(&csv)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 50);
    // A μ⁺μ⁻ pair from a 0.3 GeV A′ (toy resolution < 1 %).
    let m = pairs[0]["mass_gev"].as_f64().unwrap();
    assert!((m / 0.3 - 1.0).abs() < 0.05, "{m}");

    let out = darkscan()
        .args(["generate", "dump-signal", "--preset", "na62-dump-mumu-2021"])
        .args(["--mass", "0.3", "--coupling", "1e-6", "--events", "5"])
        .args(["--trials", "20000", "--format", "hepmc3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let events = darkscan::analysis::hepmc3::read(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(events.len(), 5);
    assert_eq!(events[0].particles.len(), 3);
}

#[test]
fn dump_signal_bad_input_is_one_line_exit_2() {
    for (args, needle) in [
        (
            vec![
                "--preset",
                "na62-kaon-hnl-e",
                "--mass",
                "0.3",
                "--coupling",
                "1e-6",
            ],
            "beam-dump",
        ),
        (
            vec![
                "--preset",
                "na62-dump-mumu-2021",
                "--mass",
                "0.3",
                "--coupling",
                "-1",
            ],
            "coupling",
        ),
        (
            vec![
                "--preset",
                "na62-dump-mumu-2021",
                "--mass",
                "0.1",
                "--coupling",
                "1e-6",
            ],
            "0.1",
        ),
        (
            vec!["--preset", "no-such", "--mass", "0.3", "--coupling", "1e-6"],
            "no-such",
        ),
    ] {
        let out = darkscan()
            .args([
                "generate",
                "dump-signal",
                "--events",
                "3",
                "--trials",
                "1000",
            ])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
