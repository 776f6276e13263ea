//! `darkscan widths hnl` and `darkscan production hnl`: JSON keys, physics
//! identities visible from the command line, and one-line errors (exit 2).

mod common;

use common::{darkscan, json};

#[test]
fn widths_hnl_json() {
    let v = json(&["widths", "hnl", "--mass", "0.5", "--ue2", "1e-6", "--json"]);
    assert_eq!(v["model"], "hnl");
    assert_eq!(v["mass"], 0.5);
    let total = v["total_width"].as_f64().unwrap();
    let ctau = v["ctau_m"].as_f64().unwrap();
    // cτ = ħc/Γ (ħc = 1.973269804e-16 GeV m).
    assert!((ctau * total / 1.973_269_804e-16 - 1.0).abs() < 1e-12);
    let brs = v["branching_ratios"].as_object().unwrap();
    let sum: f64 = brs.values().map(|b| b.as_f64().unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-12);
    // Majorana: both charges of N -> e pi.
    assert_eq!(brs["e- pi+"], brs["e+ pi-"]);
    // Dirac: half the width, no conjugate channel.
    let d = json(&[
        "widths", "hnl", "--mass", "0.5", "--ue2", "1e-6", "--dirac", "--json",
    ]);
    let td = d["total_width"].as_f64().unwrap();
    assert!((total / td - 2.0).abs() < 1e-12);
    assert!(d["branching_ratios"].get("e+ pi-").is_none());
}

#[test]
fn widths_scale_linearly_with_u2() {
    let a = json(&["widths", "hnl", "--mass", "1.2", "--umu2", "1e-6", "--json"]);
    let b = json(&["widths", "hnl", "--mass", "1.2", "--umu2", "3e-6", "--json"]);
    let r = b["total_width"].as_f64().unwrap() / a["total_width"].as_f64().unwrap();
    assert!((r - 3.0).abs() < 1e-12);
}

#[test]
fn production_hnl_json() {
    let v = json(&[
        "production",
        "hnl",
        "--parent",
        "K+",
        "--mass",
        "0.3",
        "--ue2",
        "1e-6",
        "--umu2",
        "1e-6",
        "--json",
    ]);
    assert_eq!(v["model"], "hnl");
    assert_eq!(v["parent"], "K+");
    let ch = v["channels"].as_object().unwrap();
    let e = ch["K+ -> e+ N"].as_f64().unwrap();
    let mu = ch["K+ -> mu+ N"].as_f64().unwrap();
    let total = v["branching_ratio"].as_f64().unwrap();
    let sum: f64 = ch.values().map(|b| b.as_f64().unwrap()).sum();
    assert!((sum / total - 1.0).abs() < 1e-12);
    assert!(e > 0.0 && mu > 0.0);
    for parent in [
        "pi+", "D+", "D0", "D_s+", "B+", "B0", "B_s0", "B_c+", "tau-", "K-",
    ] {
        let v = json(&[
            "production",
            "hnl",
            "--parent",
            parent,
            "--mass",
            "0.05",
            "--ue2",
            "1e-6",
            "--umu2",
            "1e-6",
            "--utau2",
            "1e-6",
            "--json",
        ]);
        assert!(v["branching_ratio"].as_f64().unwrap() > 0.0, "{parent}");
    }
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let cases: &[&[&str]] = &[
        &["widths", "hnl", "--mass", "0.5"],
        &["widths", "hnl", "--mass", "0.5", "--ue2", "-1e-6"],
        &["widths", "hnl", "--mass", "-0.5", "--ue2", "1e-6"],
        &["widths", "hnl", "--mass", "7", "--ue2", "1e-6"],
        &[
            "production",
            "hnl",
            "--parent",
            "K+",
            "--mass",
            "0.6",
            "--ue2",
            "1e-6",
        ],
        &["production", "hnl", "--parent", "K+", "--mass", "0.2"],
        &[
            "production",
            "hnl",
            "--parent",
            "K+",
            "--mass",
            "0.2",
            "--umu2",
            "-1",
        ],
        &[
            "production",
            "hnl",
            "--parent",
            "Z0",
            "--mass",
            "0.2",
            "--ue2",
            "1e-6",
        ],
    ];
    for args in cases {
        let out = darkscan().args(*args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("darkscan: error:"), "{err}");
    }
}
