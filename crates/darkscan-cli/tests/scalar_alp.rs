//! The `widths scalar`, `widths alp`, `xsec alp-primakoff` and
//! `production scalar` commands: JSON schema, consistency with the library,
//! and one-line errors with exit status 2 for bad input.

mod common;

use common::{darkscan, json};

fn rel(a: f64, b: f64) -> f64 {
    (a / b - 1.0).abs()
}

#[test]
fn widths_scalar_json() {
    let v = json(&[
        "widths", "scalar", "--mass", "0.5", "--theta2", "1e-8", "--json",
    ]);
    assert_eq!(v["model"], "scalar");
    assert_eq!(v["mass"], 0.5);
    let brs = v["branching_ratios"].as_object().unwrap();
    for key in ["e+e-", "mu+mu-", "pi pi", "gamma gamma"] {
        assert!(brs.contains_key(key), "{key}");
    }
    let sum: f64 = brs.values().map(|x| x.as_f64().unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-12);
    // cτ = ħc/Γ.
    let w = v["total_width"].as_f64().unwrap();
    let ctau = v["ctau_m"].as_f64().unwrap();
    assert!(rel(ctau * w, 1.973_269_804e-16) < 1e-9);
    // Widths scale as θ².
    let v2 = json(&[
        "widths", "scalar", "--mass", "0.5", "--theta2", "2e-8", "--json",
    ]);
    assert!(rel(v2["total_width"].as_f64().unwrap(), 2.0 * w) < 1e-12);
    // Above the K K threshold the kaons appear.
    let v = json(&["widths", "scalar", "--mass", "1.5", "--json"]);
    assert!(v["branching_ratios"]["K K"].as_f64().unwrap() > 0.1);
}

#[test]
fn widths_alp_json() {
    let v = json(&[
        "widths", "alp", "--mass", "0.1", "--g-agg", "1e-4", "--json",
    ]);
    assert_eq!(v["model"], "alp");
    assert_eq!(v["branching_ratios"]["gamma gamma"], 1.0);
    let w = v["total_width"].as_f64().unwrap();
    let expected = 1e-8 * 0.1f64.powi(3) / (64.0 * std::f64::consts::PI);
    assert!(rel(w, expected) < 1e-12);
    let v = json(&["widths", "alp", "--mass", "0.5", "--g-aff", "1", "--json"]);
    assert!(v["branching_ratios"]["mu+mu-"].as_f64().unwrap() > 0.95);
    let v = json(&[
        "widths",
        "alp",
        "--mass",
        "0.6",
        "--inv-f-g",
        "1e-3",
        "--json",
    ]);
    assert!(v["branching_ratios"]["pi+pi-pi0"].as_f64().unwrap() > 0.1);
}

#[test]
fn xsec_alp_primakoff_json() {
    let v = json(&[
        "xsec",
        "alp-primakoff",
        "--target",
        "Pb",
        "--energy",
        "100",
        "--mass",
        "0.1",
        "--g-agg",
        "1e-3",
        "--json",
    ]);
    // tools/primakoff/primakoff_check.py: 2.936299e-32 cm².
    assert!(rel(v["sigma_cm2"].as_f64().unwrap(), 2.936_299e-32) < 5e-3);
}

#[test]
fn production_scalar_json() {
    let v = json(&[
        "production",
        "scalar",
        "--parent",
        "B+",
        "--mass",
        "1",
        "--theta2",
        "1e-6",
        "--json",
    ]);
    assert_eq!(v["model"], "scalar");
    assert_eq!(v["parent"], "B+");
    let ch = v["channels"].as_object().unwrap();
    assert!(ch.contains_key("B+ -> K+ S") && ch.contains_key("B+ -> K*+ S"));
    let sum: f64 = ch.values().map(|x| x.as_f64().unwrap()).sum();
    assert!(rel(v["branching_ratio"].as_f64().unwrap(), sum) < 1e-12);
    // Boiarska et al. (scalar_portal): BR(B+ → K+ S) = 0.470 θ² at 1 GeV.
    assert!(rel(ch["B+ -> K+ S"].as_f64().unwrap(), 0.4703e-6) < 0.3);
    for parent in ["K+", "K_L", "B0"] {
        let v = json(&[
            "production",
            "scalar",
            "--parent",
            parent,
            "--mass",
            "0.1",
            "--json",
        ]);
        assert!(v["branching_ratio"].as_f64().unwrap() > 0.0, "{parent}");
    }
    // Above the kinematic limit: zero, not an error.
    let v = json(&[
        "production",
        "scalar",
        "--parent",
        "K+",
        "--mass",
        "0.4",
        "--json",
    ]);
    assert_eq!(v["branching_ratio"], 0.0);
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let cases: &[&[&str]] = &[
        &["widths", "scalar", "--mass", "-1"],
        &["widths", "scalar", "--mass", "20"],
        &["widths", "scalar", "--mass", "0.5", "--theta2", "0"],
        &["widths", "scalar", "--mass", "nan"],
        &["widths", "alp", "--mass", "0.1"],
        &["widths", "alp", "--mass", "0.1", "--g-agg", "inf"],
        &["widths", "alp", "--mass", "5", "--inv-f-g", "1e-3"],
        &["xsec", "alp-primakoff", "--energy", "1", "--mass", "2"],
        &[
            "xsec",
            "alp-primakoff",
            "--target",
            "Xx",
            "--energy",
            "10",
            "--mass",
            "0.1",
        ],
        &["production", "scalar", "--parent", "D+", "--mass", "0.1"],
        &["production", "scalar", "--parent", "K+", "--mass", "0"],
    ];
    for args in cases {
        let out = darkscan().args(*args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}");
    }
}

#[test]
fn documented_flags_exist() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["widths", "scalar"], &["--mass", "--theta2", "--json"]),
        (
            &["widths", "alp"],
            &[
                "--mass",
                "--g-agg",
                "--g-aff",
                "--g-aee",
                "--g-amumu",
                "--inv-f-g",
                "--json",
            ],
        ),
        (
            &["xsec", "alp-primakoff"],
            &["--target", "--energy", "--mass", "--g-agg", "--json"],
        ),
        (
            &["production", "scalar"],
            &["--parent", "--mass", "--theta2", "--json"],
        ),
    ];
    for (cmd, flags) in cases {
        let mut args: Vec<&str> = cmd.to_vec();
        args.push("--help");
        let out = darkscan()
            .args(&args)
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
