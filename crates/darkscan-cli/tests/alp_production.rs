//! `production alp`: JSON schema (the `production scalar` one with the ALP
//! couplings), consistency with the library, and one-line errors with exit
//! status 2 for bad input.

mod common;

use common::{darkscan, json};
use darkscan::model::alp::AlpModel;
use darkscan::production::alp_mesons;

#[test]
fn production_alp_json_matches_the_library() {
    let v = json(&[
        "production",
        "alp",
        "--parent",
        "B+",
        "--mass",
        "1.0",
        "--g-y",
        "1e-4",
        "--json",
    ]);
    assert_eq!(v["model"], "alp");
    assert_eq!(v["parent_pdg"], 521);
    assert_eq!(v["g_y"], 1e-4);
    assert_eq!(v["inv_f_g"], 0.0);
    let chs = v["channels"].as_object().unwrap();
    let model = AlpModel {
        g_y: 1e-4,
        ..AlpModel::default()
    };
    let lib = alp_mesons::channels(521, 1.0, &model).unwrap();
    assert_eq!(chs.len(), lib.len());
    for c in &lib {
        let x = chs[&c.name].as_f64().unwrap();
        assert!((x / c.branching_ratio - 1.0).abs() < 1e-12, "{}", c.name);
    }
    let total: f64 = chs.values().map(|x| x.as_f64().unwrap()).sum();
    assert!((v["branching_ratio"].as_f64().unwrap() / total - 1.0).abs() < 1e-12);
    // The gluon coupling alone gives K+ -> pi+ a and, through its induced
    // b -> s coupling (a double-log top loop), B0 -> K(*)0 a far below it.
    let k = json(&[
        "production",
        "alp",
        "--parent",
        "K+",
        "--mass",
        "0.1",
        "--inv-f-g",
        "1e-5",
        "--json",
    ]);
    assert!(k["channels"]["K+ -> pi+ a"].as_f64().unwrap() > 0.0);
    let b = json(&[
        "production",
        "alp",
        "--parent",
        "B0",
        "--mass",
        "0.1",
        "--inv-f-g",
        "1e-5",
        "--json",
    ]);
    let b_br = b["branching_ratio"].as_f64().unwrap();
    let k_br = k["branching_ratio"].as_f64().unwrap();
    assert!(b_br > 0.0 && b_br < 0.5 * k_br, "{b_br} vs {k_br}");
}

#[test]
fn production_alp_bad_input_exits_2_with_one_line() {
    let cases: &[&[&str]] = &[
        &[
            "production",
            "alp",
            "--parent",
            "D+",
            "--mass",
            "0.1",
            "--g-y",
            "1",
        ],
        &[
            "production",
            "alp",
            "--parent",
            "K+",
            "--mass",
            "0",
            "--g-y",
            "1",
        ],
        &["production", "alp", "--parent", "K+", "--mass", "0.1"],
        &[
            "production",
            "alp",
            "--parent",
            "K+",
            "--mass",
            "0.1",
            "--g-y",
            "nan",
        ],
    ];
    for args in cases {
        let out = darkscan().args(*args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}");
    }
}
