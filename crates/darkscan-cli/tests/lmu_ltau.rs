//! `darkscan widths lmu-ltau` and `darkscan reach na64mu-lmu-ltau-2022`:
//! JSON keys, identities visible from the command line, one-line errors.

mod common;

use common::{darkscan, json};
use std::f64::consts::PI;

#[test]
fn widths_lmu_ltau_json() {
    let v = json(&[
        "widths",
        "lmu-ltau",
        "--mass",
        "0.1",
        "--coupling",
        "1e-3",
        "--json",
    ]);
    assert_eq!(v["model"], "lmu-ltau");
    assert_eq!(v["mass"], 0.1);
    // Below 2 m_mu: only neutrinos, Γ = g² m/(12π), invisible.
    let total = v["total_width"].as_f64().unwrap();
    assert!((total / (1e-6 * 0.1 / (12.0 * PI)) - 1.0).abs() < 1e-12);
    assert_eq!(v["invisible"].as_f64().unwrap(), 1.0);
    let ctau = v["ctau_m"].as_f64().unwrap();
    assert!((ctau * total / 1.973_269_804e-16 - 1.0).abs() < 1e-12);
    let g2 = &v["g_minus_2"];
    let (lo, mid, hi) = (
        g2["g_2sigma_low"].as_f64().unwrap(),
        g2["g_favoured"].as_f64().unwrap(),
        g2["g_2sigma_high"].as_f64().unwrap(),
    );
    assert!(lo < mid && mid < hi);
    // Above 2 m_mu the muon channel opens.
    let v = json(&["widths", "lmu-ltau", "--mass", "0.5", "--json"]);
    let brs = v["branching_ratios"].as_object().unwrap();
    assert!(brs["mu+mu-"].as_f64().unwrap() > 0.3);
    let sum: f64 = brs.values().map(|b| b.as_f64().unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-12);
}

#[test]
fn widths_lmu_ltau_bad_input_exits_2() {
    for args in [
        &["widths", "lmu-ltau", "--mass", "-1"][..],
        &["widths", "lmu-ltau", "--mass", "20"][..],
        &["widths", "lmu-ltau", "--mass", "0.1", "--coupling", "0"][..],
    ] {
        let out = darkscan().args(args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}

#[test]
fn reach_na64mu_json() {
    let v = json(&[
        "reach",
        "na64mu-lmu-ltau-2022",
        "--masses",
        "0.01,0.5",
        "--json",
    ]);
    assert_eq!(v["preset"], "na64mu-lmu-ltau-2022");
    assert_eq!(v["exposure"].as_f64().unwrap(), 1.98e10);
    assert_eq!(v["coupling"], "g_Z'");
    assert_eq!(v["exposure_unit"], "MOT");
    let limits = v["limits"].as_array().unwrap();
    assert_eq!(limits.len(), 2);
    let lo = |i: usize| limits[i]["excluded"][0][0].as_f64().unwrap();
    assert!(lo(0) > 0.0 && lo(1) > lo(0));
    // --plane y has no meaning for a Z′: one-line error, status 2.
    let out = darkscan()
        .args(["reach", "na64mu-lmu-ltau-2022", "--plane", "y"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .trim()
            .lines()
            .count(),
        1
    );
}
