//! `darkscan xsec …` input checks: they live in the library
//! (`darkscan::production::xsec_request`), and the CLI prints the library's
//! typed error as one line with the flag name and exits 2. The wording is the
//! one the CLI had before the checks moved.

mod common;

use common::darkscan;
use darkscan::production::electron_brem::BremMethod;
use darkscan::production::xsec_request::{BremXsecRequest, PrimakoffXsecRequest};

fn stderr_of(args: &[&str]) -> String {
    let out = darkscan().args(args).assert().code(2).get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}");
    err.trim_end().to_owned()
}

#[test]
fn bad_xsec_input_is_one_line_exit_2_with_the_old_wording() {
    let brem = ["xsec", "dark-photon-brem", "--target", "Pb"];
    let cases: &[(&[&str], &str)] = &[
        (
            &["--energy", "-1", "--mass", "0.01"],
            "darkscan: error: invalid --energy value '-1': expected a positive energy in GeV",
        ),
        (
            &["--energy", "1", "--mass", "2"],
            "darkscan: error: invalid --mass value '2': expected 0 < mass < beam energy (1 GeV)",
        ),
        (
            &["--energy", "100", "--mass", "0.01", "--x-min", "1"],
            "darkscan: error: invalid --x-min value '1': expected 0 <= x < 1",
        ),
        // Below 1 keV, the lowest mass at which the light-mass continuation
        // (production::electron_brem_light) is checked: an error. (Between
        // 1 keV and 1 MeV σ is now positive; before that continuation the
        // leading-log ETL printed −1.17e-22 cm² at 0.3 MeV.)
        (
            &["--energy", "100", "--mass", "1e-7", "--method", "etl"],
            "darkscan: error: invalid --mass value '0.0000001': expected a mass of at least 0.000001 GeV \
             (the lowest mass at which the bremsstrahlung cross sections are checked)",
        ),
    ];
    for (extra, want) in cases {
        let mut args = brem.to_vec();
        args.extend_from_slice(extra);
        assert_eq!(stderr_of(&args), *want);
    }
    let err = stderr_of(&[
        "xsec",
        "dark-photon-brem",
        "--target",
        "Xx",
        "--energy",
        "100",
        "--mass",
        "0.01",
    ]);
    assert!(
        err.starts_with("darkscan: error: unknown target material 'Xx'; known: Pb"),
        "{err}"
    );
    let prim = ["xsec", "alp-primakoff", "--target", "W"];
    let cases: &[(&[&str], &str)] = &[
        (
            &["--energy", "0", "--mass", "0.01"],
            "darkscan: error: invalid --energy value '0': expected a positive photon energy in GeV",
        ),
        (
            &["--energy", "1", "--mass", "nan"],
            "darkscan: error: invalid --mass value 'NaN': expected 0 < mass < photon energy (1 GeV)",
        ),
        (
            &["--energy", "10", "--mass", "0.1", "--g-agg", "inf"],
            "darkscan: error: invalid --g-agg value 'inf': expected a finite coupling in 1/GeV",
        ),
    ];
    for (extra, want) in cases {
        let mut args = prim.to_vec();
        args.extend_from_slice(extra);
        assert_eq!(stderr_of(&args), *want);
    }
}

/// A valid request prints exactly the library's σ (the CLI adds nothing).
#[test]
fn cli_prints_the_library_cross_section() {
    let out = darkscan()
        .args([
            "xsec",
            "dark-photon-brem",
            "--target",
            "Pb",
            "--energy",
            "100",
            "--mass",
            "0.01",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let lib = BremXsecRequest::new("Pb", 100.0, 0.01, BremMethod::Etl, 0.0)
        .unwrap()
        .sigma_cm2();
    assert_eq!(v["sigma_cm2"].as_f64().unwrap(), lib);
    // 0.3 MeV (refused before the light-mass continuation): a positive σ.
    let out = darkscan()
        .args([
            "xsec",
            "dark-photon-brem",
            "--target",
            "Pb",
            "--energy",
            "100",
            "--mass",
            "0.0003",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let lib = BremXsecRequest::new("Pb", 100.0, 3e-4, BremMethod::Etl, 0.0)
        .unwrap()
        .sigma_cm2();
    assert_eq!(v["sigma_cm2"].as_f64().unwrap(), lib);
    assert!(lib > 0.0);
    let out = darkscan()
        .args([
            "xsec",
            "alp-primakoff",
            "--target",
            "Pb",
            "--energy",
            "50",
            "--mass",
            "0.05",
            "--g-agg",
            "1e-4",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let lib = PrimakoffXsecRequest::new("Pb", 50.0, 0.05, 1e-4)
        .unwrap()
        .sigma_cm2();
    assert_eq!(v["sigma_cm2"].as_f64().unwrap(), lib);
}
