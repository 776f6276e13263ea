//! `darkscan relic`: JSON keys, values and bad input.

mod common;

use common::{darkscan, json};

#[test]
fn relic_json_has_the_documented_keys() {
    let v = json(&["relic", "--dm", "scalar", "--mass-chi", "0.01", "--json"]);
    for key in ["dm", "mass_chi", "y", "epsilon", "omega_h2"] {
        assert!(v.get(key).is_some(), "missing {key} in {v}");
    }
    assert_eq!(v["dm"], "scalar");
    let y = v["y"].as_f64().unwrap();
    let eps = v["epsilon"].as_f64().unwrap();
    // y = ε² α_D / R⁴ with the defaults α_D = 0.5, R = 3.
    assert!((y / (eps * eps * 0.5 / 81.0) - 1.0).abs() < 1e-9);
    assert!((v["omega_h2"].as_f64().unwrap() / 0.12 - 1.0).abs() < 1e-3);
}

#[test]
fn relic_bad_input_is_one_line_and_exit_2() {
    for args in [
        vec!["relic", "--dm", "wimp", "--mass-chi", "0.01"],
        vec!["relic", "--dm", "dirac", "--mass-chi", "-1"],
        vec![
            "relic",
            "--dm",
            "dirac",
            "--mass-chi",
            "0.01",
            "--mass-ratio",
            "1.5",
        ],
        vec![
            "relic",
            "--dm",
            "pseudo-dirac",
            "--mass-chi",
            "0.01",
            "--splitting",
            "2",
        ],
    ] {
        let out = darkscan().args(&args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}
