//! `darkscan stats …` end to end: the exact interface of the foundation issue
//! (flags, JSON keys, exit status 2 with a one-line message for bad input).

mod common;

use common::{darkscan, json};
use predicates::prelude::*;
use serde_json::Value;

fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[test]
fn pvalue_single_region_json() {
    // NA62 "Outside CR": 26.3 ± 3.4 expected, 28 observed (seed 000).
    let v = json(&[
        "stats",
        "pvalue",
        "--observed",
        "28",
        "--background",
        "26.3",
        "--background-error",
        "3.4",
        "--json",
    ]);
    assert!((num(&v, "p_excess") - 0.4065).abs() < 5e-5);
    assert!((num(&v, "p_likelihood") - 0.7440).abs() < 5e-5);
    assert!(v.get("z_one_sided").is_some() && v.get("z_two_sided").is_some());
}

#[test]
fn pvalue_correlated_regions_json() {
    let v = json(&[
        "stats",
        "pvalue",
        "--observed",
        "1,1,2",
        "--background",
        "0.29,0.58,1.70",
        "--background-error",
        "0.04,0.07,0.22",
        "--json",
    ]);
    assert!((num(&v, "p_likelihood") - 0.2396).abs() < 5e-5);
    assert!((num(&v, "p_excess") - 0.2595).abs() < 5e-5);
}

#[test]
fn pvalue_of_one_gives_null_one_sided_z() {
    let v = json(&[
        "stats",
        "pvalue",
        "--observed",
        "0",
        "--background",
        "0.17",
        "--background-error",
        "0.02",
        "--json",
    ]);
    assert_eq!(num(&v, "p_excess"), 1.0);
    assert!(v["z_one_sided"].is_null());
}

#[test]
fn limit_json_keys_and_methods() {
    let v = json(&[
        "stats",
        "limit",
        "--observed",
        "1",
        "--background",
        "0.51",
        "--background-error",
        "0.13",
        "--json",
    ]);
    assert!((num(&v, "upper_limit") - 3.512_212).abs() < 2e-6);
    assert_eq!(v["method"], "cls");
    assert_eq!(num(&v, "cl"), 0.9);
    let v = json(&[
        "stats",
        "limit",
        "--observed",
        "3",
        "--background",
        "0",
        "--method",
        "fc",
        "--json",
    ]);
    assert!((num(&v, "upper_limit") - 7.424_984).abs() < 2e-6);
    let v = json(&[
        "stats",
        "limit",
        "--observed",
        "0",
        "--background",
        "0",
        "--method",
        "classical",
        "--cl",
        "0.95",
        "--json",
    ]);
    assert!((num(&v, "upper_limit") - 20f64.ln()).abs() < 1e-8);
}

#[test]
fn sum_json() {
    let v = json(&[
        "stats",
        "sum",
        "0.04+-0.01",
        "0.3+-0.05",
        "0.16+-0.12",
        "<0.01",
        "--json",
    ]);
    assert!((num(&v, "total") - 0.51).abs() < 1e-12);
    assert!((num(&v, "error") - 0.13).abs() < 5e-3);
}

#[test]
fn human_readable_tables() {
    darkscan()
        .args(["stats", "limit", "--observed", "1", "--background", "0.17"])
        .assert()
        .success()
        .stdout(predicate::str::contains("upper_limit   3.736051"));
    darkscan()
        .args(["stats", "sum", "0.045+-0.031", "0.010+-0.001", "<0.01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("total            0.0650 ± 0.0320"));
}

/// Bad input: exit status 2, one line on stderr naming the bad value.
#[test]
fn bad_input_is_a_one_line_error_with_status_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["stats", "pvalue", "--observed", "-1", "--background", "0.3"],
            "'-1'",
        ),
        (
            &["stats", "pvalue", "--observed", "1", "--background", "-0.3"],
            "'-0.3'",
        ),
        (
            &["stats", "pvalue", "--observed", "1", "--background", "inf"],
            "'inf'",
        ),
        (
            &[
                "stats",
                "pvalue",
                "--observed",
                "1.5",
                "--background",
                "0.3",
            ],
            "'1.5'",
        ),
        (
            &[
                "stats",
                "pvalue",
                "--observed",
                "1,2",
                "--background",
                "0.3",
            ],
            "--observed has 2",
        ),
        (
            &[
                "stats",
                "pvalue",
                "--observed",
                "1,2",
                "--background",
                "0.3,0.4",
                "--background-error",
                "0.1",
            ],
            "--background-error has 1",
        ),
        (
            &[
                "stats",
                "limit",
                "--observed",
                "1",
                "--background",
                "0.3",
                "--cl",
                "1.5",
            ],
            "'1.5'",
        ),
        (
            &[
                "stats",
                "limit",
                "--observed",
                "1",
                "--background",
                "0.3",
                "--cl",
                "0",
            ],
            "'0'",
        ),
        (
            &[
                "stats",
                "limit",
                "--observed",
                "1",
                "--background",
                "0.3",
                "--background-error",
                "nan",
            ],
            "'nan'",
        ),
        (&["stats", "sum", "0.3+-"], "'0.3+-'"),
        (&["stats", "sum", "0.1", "<"], "'<'"),
    ];
    for (args, needle) in cases {
        let out = darkscan().args(*args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
