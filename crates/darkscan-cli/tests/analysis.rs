//! `darkscan analysis …` and `darkscan generate …` end to end: the JSON keys
//! of issue 13, known answers, and exit status 2 with one line naming the
//! row for bad files.

mod common;

use common::{darkscan, json};
use darkscan::analysis::events::{Pid, to_csv};
use darkscan::analysis::generate::two_track_event;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The seed's observed event (seed talk 000: m_μμ = 411 MeV, 99.5 and
/// 39.5 GeV/c, Z_TAX = 35.3 m, CDA_TAX = 17 mm) plus one far from the axis.
fn seed_events() -> String {
    let (a, b) = two_track_event(7, Pid::Muon, 0.411, 99.5, 39.5, 35.3, 0.017, 150.0).unwrap();
    let (c, d) = two_track_event(8, Pid::Muon, 0.3, 50.0, 20.0, 20.0, 0.5, 120.0).unwrap();
    to_csv(&[a, b, c, d])
}

const SELECTION: &str = r#"
cuts = "cda_m < 0.01 && vertex_z_m > 105 && vertex_z_m < 180"
[regions.SR]
expr = "cda_tax_m < 0.02 && z_tax_m > 6 && z_tax_m < 40"
expected = 0.016
expected_error = 0.002
blind = true
[regions.CR]
expr = "cda_tax_m >= 0.02"
expected = 0.58
expected_error = 0.07
"#;

#[test]
fn pairs_json_rebuilds_the_seed_event() {
    let dir = tempfile::tempdir().unwrap();
    let ev = write(dir.path(), "ev.csv", &seed_events());
    let v = json(&["analysis", "pairs", ev.to_str().unwrap(), "--json"]);
    let p = &v["pairs"][0];
    for key in [
        "event",
        "vertex_m",
        "cda_m",
        "mass_gev",
        "dt_ns",
        "cda_tax_m",
        "z_tax_m",
    ] {
        assert!(p.get(key).is_some(), "{key} missing in {p}");
    }
    assert_eq!(p["event"], 7);
    assert!((p["mass_gev"].as_f64().unwrap() - 0.411).abs() < 1e-9);
    assert!((p["z_tax_m"].as_f64().unwrap() - 35.3).abs() < 1e-9);
    assert!((p["cda_tax_m"].as_f64().unwrap() - 0.017).abs() < 1e-9);
    assert!((p["vertex_m"][2].as_f64().unwrap() - 150.0).abs() < 1e-9);
    // A beam line shifted by 17 mm in x passes through the pair's line.
    let v = json(&[
        "analysis",
        "pairs",
        ev.to_str().unwrap(),
        "--beam-point",
        "0.017,0,0",
        "--beam-direction",
        "0,0,1",
        "--json",
    ]);
    assert!(v["pairs"][0]["cda_tax_m"].as_f64().unwrap() < 1e-9);
    // --out FILE.csv writes a table.
    let out = dir.path().join("pairs.csv");
    darkscan()
        .args([
            "analysis",
            "pairs",
            ev.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(out)
            .unwrap()
            .starts_with("event,vertex_x_m")
    );
}

#[test]
fn count_blinds_and_unblinds() {
    let dir = tempfile::tempdir().unwrap();
    let ev = write(dir.path(), "ev.csv", &seed_events());
    let sel = write(dir.path(), "sel.toml", SELECTION);
    let args = [
        "analysis",
        "count",
        ev.to_str().unwrap(),
        "--selection",
        sel.to_str().unwrap(),
        "--json",
    ];
    let v = json(&args);
    assert_eq!(v["blinded"], serde_json::json!(["SR"]));
    assert!(v["regions"]["SR"]["observed"].is_null());
    let cr = &v["regions"]["CR"];
    for key in [
        "observed",
        "expected",
        "expected_error",
        "p_excess",
        "p_likelihood",
    ] {
        assert!(cr.get(key).is_some(), "{key} missing in {cr}");
    }
    // CR2 of the seed table: 1 on 0.58 ± 0.07 → 0.4387 (README validation).
    assert_eq!(cr["observed"], 1);
    assert!((cr["p_excess"].as_f64().unwrap() - 0.4387).abs() < 5e-5);
    let mut a = args.to_vec();
    a.push("--unblind");
    let v = json(&a);
    assert_eq!(v["regions"]["SR"]["observed"], 1);
    assert!((v["regions"]["SR"]["p_excess"].as_f64().unwrap() - 0.015871).abs() < 5e-6);
}

#[test]
fn generate_and_combinatorial() {
    let dir = tempfile::tempdir().unwrap();
    let halo = dir.path().join("halo.csv");
    darkscan()
        .args([
            "generate",
            "dump-halo",
            "--events",
            "4000",
            "--seed",
            "3",
            "--out",
            halo.to_str().unwrap(),
        ])
        .assert()
        .success();
    let sel = write(
        dir.path(),
        "sel.toml",
        "cuts = \"cda_m < 0.05 && vertex_z_m > 105 && vertex_z_m < 180\"\n[regions.all]\nexpr = \"cda_m < 0.05\"\n",
    );
    let v = json(&[
        "analysis",
        "combinatorial",
        halo.to_str().unwrap(),
        "--selection",
        sel.to_str().unwrap(),
        "--window-ns",
        "10",
        "--livetime-s",
        "0.004",
        "--json",
    ]);
    let r = &v["regions"]["all"];
    let (e, err, k) = (
        r["expected"].as_f64().unwrap(),
        r["error"].as_f64().unwrap(),
        r["pairs_used"].as_u64().unwrap(),
    );
    // expected = K × Δt/T = K × 10 ns / 4 ms.
    assert!(k > 0);
    assert!(
        (e - k as f64 * 10e-9 / 0.004).abs() < 1e-12 * e.max(1e-300),
        "{v}"
    );
    assert!(err > 0.0 && err < e);
}

#[test]
fn kaon_peak_scan_and_hepmc3() {
    let dir = tempfile::tempdir().unwrap();
    let sig = dir.path().join("sig.csv");
    darkscan()
        .args([
            "generate",
            "kaon",
            "--channel",
            "K+ -> mu+ N",
            "--mass",
            "0.3",
            "--events",
            "300",
            "--seed",
            "2",
            "--out",
            sig.to_str().unwrap(),
        ])
        .assert()
        .success();
    let acc = write(dir.path(), "acc.csv", "mass,acceptance\n0.2,0.5\n0.4,0.5\n");
    let v = json(&[
        "analysis",
        "peak-scan",
        sig.to_str().unwrap(),
        "--lepton",
        "mu",
        "--masses",
        "0.29:0.31:3",
        "--resolution",
        "0.001",
        "--n-kaons",
        "1e6",
        "--acceptance",
        acc.to_str().unwrap(),
        "--toys",
        "20",
        "--json",
    ]);
    let m = &v["masses"][1];
    for key in [
        "mass",
        "window_gev2",
        "observed",
        "expected",
        "p_local",
        "z_local",
        "n_ul",
        "br_ul",
        "u2_ul",
    ] {
        assert!(m.get(key).is_some(), "{key} missing in {m}");
    }
    for key in ["max_z_local", "p_global", "z_global"] {
        assert!(v.get(key).is_some(), "{key} missing");
    }
    // All 300 signal events sit at m² = 0.09 ± 0.001: the ±1.5σ window
    // holds 86.6 % of them (binomial σ ≈ 6 events).
    let obs = m["observed"].as_f64().unwrap();
    assert!((obs - 0.8664 * 300.0).abs() < 4.0 * 6.0, "{obs}");
    let w = &m["window_gev2"];
    assert!((w[0].as_f64().unwrap() - (0.09 - 0.0015)).abs() < 1e-12);
    // BR_UL = n_UL / (N_K × A).
    let br = m["br_ul"].as_f64().unwrap();
    assert!((br - m["n_ul"].as_f64().unwrap() / 5e5).abs() < 1e-12 * br);
    // HepMC3: written by darkscan, read back by darkscan.
    let out = darkscan()
        .args([
            "generate",
            "kaon",
            "--channel",
            "K+ -> mu+ N",
            "--mass",
            "0.3",
            "--events",
            "5",
            "--format",
            "hepmc3",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let events = darkscan::analysis::hepmc3::read(std::str::from_utf8(&out).unwrap()).unwrap();
    assert_eq!(events.len(), 5);
    assert_eq!(events[0].particles[2].pdg, 9_900_012);
    assert!((events[0].particles[2].momentum.mass() - 0.3).abs() < 1e-6);
}

#[test]
fn hostile_files_exit_2_naming_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let header = "event,charge,x_m,y_m,z_m,px_gev,py_gev,pz_gev,time_ns,pid\n";
    let good = "1,1,0,0,100,0,0,10,0,mu\n1,-1,0,0.01,100,0,0,10,0,mu\n";
    let cases = [
        ("empty.csv", String::new(), "empty"),
        ("header.csv", header.to_string(), "no tracks"),
        (
            "cols.csv",
            "event,charge\n1,1\n".to_string(),
            "missing required column",
        ),
        (
            "nan.csv",
            format!("{header}1,1,0,0,NaN,0,0,1,0,mu\n"),
            "row 2",
        ),
        (
            "three.csv",
            format!("{header}{good}1,1,0,0,0,0,0,1,0,mu\n"),
            "row 4",
        ),
        (
            "one.csv",
            format!("{header}1,1,0,0,0,0,0,1,0,mu\n"),
            "1 track",
        ),
    ];
    for (name, text, needle) in cases {
        let p = write(dir.path(), name, &text);
        darkscan()
            .args(["analysis", "pairs", p.to_str().unwrap(), "--json"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(needle))
            .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    }
    let sel = write(dir.path(), "bad.toml", "[regions.A]\nexpr = \"cda > 1\"\n");
    let ev = write(dir.path(), "ev.csv", &format!("{header}{good}"));
    darkscan()
        .args([
            "analysis",
            "count",
            ev.to_str().unwrap(),
            "--selection",
            sel.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown variable 'cda'"));
    darkscan()
        .args([
            "analysis",
            "peak-scan",
            ev.to_str().unwrap(),
            "--lepton",
            "mu",
            "--masses",
            "0.1:0.2:3",
            "--resolution",
            "0.001",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("more than 1 track"));
    darkscan()
        .args([
            "generate",
            "kaon",
            "--channel",
            "K+ -> mu+ N",
            "--mass",
            "0.45",
            "--events",
            "5",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("closed"));
}

#[test]
fn documented_flags_exist() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["analysis", "pairs"],
            &["--beam-point", "--beam-direction", "--json", "--out"],
        ),
        (
            &["analysis", "count"],
            &["--selection", "--unblind", "--json"],
        ),
        (
            &["analysis", "combinatorial"],
            &["--selection", "--window-ns", "--livetime-s", "--json"],
        ),
        (
            &["analysis", "peak-scan"],
            &[
                "--lepton",
                "--masses",
                "--resolution",
                "--n-kaons",
                "--acceptance",
                "--toys",
                "--seed",
                "--json",
            ],
        ),
        (&["generate", "dump-halo"], &["--events", "--seed", "--out"]),
        (
            &["generate", "kaon"],
            &["--channel", "--mass", "--events", "--format", "--out"],
        ),
    ];
    for (cmd, flags) in cases {
        let mut a = cmd.to_vec();
        a.push("--help");
        let out = darkscan()
            .args(&a)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        for f in *flags {
            assert!(
                text.contains(f),
                "`darkscan {} --help` lacks {f}",
                cmd.join(" ")
            );
        }
    }
}
