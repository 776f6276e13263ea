//! `darkscan reach`, `preset`, `xsec` and `widths` end to end: interface
//! (flags and JSON keys of the NA64 reach issue) and error handling.

mod common;

use common::{darkscan, json};

#[test]
fn reach_json_has_the_documented_keys() {
    let v = json(&[
        "reach",
        "na64e-invisible",
        "--masses",
        "0.001,0.01,0.1",
        "--json",
    ]);
    for key in [
        "preset",
        "model",
        "plane",
        "exposure",
        "signal_upper_limit",
        "limits",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {v}");
    }
    assert_eq!(v["preset"], "na64e-invisible");
    assert_eq!(v["plane"], "epsilon");
    assert_eq!(v["exposure"].as_f64().unwrap(), 9.37e11);
    let limits = v["limits"].as_array().unwrap();
    assert_eq!(limits.len(), 3);
    for l in limits {
        let iv = l["excluded"].as_array().unwrap();
        assert_eq!(iv.len(), 1, "{l}");
        // Missing energy: a lower edge and an open upper end.
        assert!(iv[0][0].as_f64().unwrap() > 0.0);
        assert!(iv[0][1].is_null());
    }
}

#[test]
fn reach_scales_with_exposure_and_plane() {
    let a = json(&["reach", "na64e-invisible", "--masses", "0.01", "--json"]);
    let b = json(&[
        "reach",
        "na64e-invisible",
        "--masses",
        "0.01",
        "--exposure",
        "9.37e13",
        "--json",
    ]);
    let ea = a["limits"][0]["excluded"][0][0].as_f64().unwrap();
    let eb = b["limits"][0]["excluded"][0][0].as_f64().unwrap();
    // ε ∝ exposure^(-1/2): 100× exposure → 10× smaller ε.
    assert!((ea / eb - 10.0).abs() < 1e-3, "{ea} {eb}");
    // y plane: y = ε² α_D / R⁴ at m_χ = m_A'/R (defaults α_D = 0.5, R = 3).
    let y = json(&[
        "reach",
        "na64e-invisible",
        "--masses",
        "0.01",
        "--plane",
        "y",
        "--json",
    ]);
    assert_eq!(y["plane"], "y");
    let m_chi = y["limits"][0]["mass"].as_f64().unwrap();
    assert!((m_chi - 0.01 / 3.0).abs() < 1e-12);
    let ylim = y["limits"][0]["excluded"][0][0].as_f64().unwrap();
    assert!((ylim / (ea * ea * 0.5 / 81.0) - 1.0).abs() < 1e-6);
}

#[test]
fn reach_writes_outputs() {
    let dir = tempfile::tempdir().unwrap();
    darkscan()
        .args(["reach", "na64e-invisible", "--masses", "0.001:1:5", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    for f in [
        "limits.csv",
        "limits.yaml",
        "yields.csv",
        "reach.svg",
        "reach.png",
    ] {
        let p = dir.path().join(f);
        assert!(p.exists(), "{f} missing");
        assert!(std::fs::metadata(&p).unwrap().len() > 0, "{f} empty");
    }
}

#[test]
fn preset_list_and_show() {
    let out = darkscan()
        .args(["preset", "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("na64e-invisible"));
    let out = darkscan()
        .args(["preset", "show", "na64e-invisible"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("particles_on_target = 9.37e11"));
}

#[test]
fn a_copied_and_edited_preset_file_works() {
    let dir = tempfile::tempdir().unwrap();
    let out = darkscan()
        .args(["preset", "show", "na64e-invisible"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap().replace("9.37e11", "1e12");
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, text).unwrap();
    let v = json(&[
        "reach",
        path.to_str().unwrap(),
        "--masses",
        "0.01",
        "--json",
    ]);
    assert_eq!(v["exposure"].as_f64().unwrap(), 1e12);
}

#[test]
fn xsec_json() {
    // DMG4 reference: σ_ETL(Pb, 100 GeV, 10 MeV, ε = 1e-4) = 8486.3 pb → 8.4863e-25 cm² at ε = 1.
    let v = json(&[
        "xsec",
        "dark-photon-brem",
        "--target",
        "Pb",
        "--energy",
        "100",
        "--mass",
        "0.01",
        "--json",
    ]);
    assert_eq!(v["method"], "etl");
    let s = v["sigma_cm2"].as_f64().unwrap();
    assert!((s / 8.4863e-25 - 1.0).abs() < 0.01, "{s}");
    let v = json(&[
        "xsec",
        "dark-photon-brem",
        "--target",
        "Pb",
        "--energy",
        "100",
        "--mass",
        "0.01",
        "--method",
        "iww",
        "--json",
    ]);
    assert_eq!(v["method"], "iww");
}

#[test]
fn bad_reach_input_is_a_one_line_error_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    let text = String::from_utf8(
        darkscan()
            .args(["preset", "show", "na64e-invisible"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    std::fs::write(
        &broken,
        text.replace("energy_gev = 100.0", "energy_gev = \"hundred\""),
    )
    .unwrap();
    let mistyped = dir.path().join("mistyped.toml");
    std::fs::write(
        &mistyped,
        text.replace("signal_efficiency", "signal_efficency"),
    )
    .unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "reach".into(),
                "na64e-invisible".into(),
                "--masses".into(),
                "0".into(),
            ],
            "'0'",
        ),
        (
            vec![
                "reach".into(),
                "na64e-invisible".into(),
                "--masses".into(),
                "150".into(),
            ],
            "150",
        ),
        (
            vec![
                "reach".into(),
                "na64e-invisible".into(),
                "--masses".into(),
                "-0.1".into(),
            ],
            "-0.1",
        ),
        (
            vec![
                "reach".into(),
                "na64e-invisible".into(),
                "--exposure".into(),
                "-5".into(),
            ],
            "'-5'",
        ),
        (
            vec!["reach".into(), "no-such-preset".into()],
            "no-such-preset",
        ),
        (
            vec!["reach".into(), broken.to_str().unwrap().into()],
            "line",
        ),
        (
            vec!["reach".into(), mistyped.to_str().unwrap().into()],
            "signal_efficency",
        ),
        (
            vec![
                "xsec".into(),
                "dark-photon-brem".into(),
                "--target".into(),
                "Xx".into(),
                "--energy".into(),
                "100".into(),
                "--mass".into(),
                "0.01".into(),
            ],
            "'Xx'",
        ),
        (
            vec![
                "xsec".into(),
                "dark-photon-brem".into(),
                "--energy".into(),
                "100".into(),
                "--mass".into(),
                "200".into(),
            ],
            "'200'",
        ),
        (
            vec!["preset".into(), "show".into(), "nope".into()],
            "'nope'",
        ),
    ];
    for (args, needle) in cases {
        let out = darkscan().args(&args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn reach_cl_and_observed_override_the_preset() {
    // CLs with n = 0 at 95 % CL: ln 20 signal events.
    let v = json(&[
        "reach",
        "na64e-invisible",
        "--masses",
        "0.01",
        "--cl",
        "0.95",
        "--json",
    ]);
    assert!((v["signal_upper_limit"].as_f64().unwrap() - 20f64.ln()).abs() < 1e-8);
    let v = json(&[
        "reach",
        "na64e-invisible",
        "--masses",
        "0.01",
        "--observed",
        "1",
        "--background",
        "0.17",
        "--background-error",
        "0",
        "--json",
    ]);
    assert!((v["signal_upper_limit"].as_f64().unwrap() - 3.736_051).abs() < 2e-6);
    darkscan()
        .args(["reach", "na64e-invisible", "--observed", "1,2"])
        .assert()
        .code(2);
}

#[test]
fn beam_dump_reach_gives_an_island_and_per_channel_yields() {
    let dir = tempfile::tempdir().unwrap();
    let out = darkscan()
        .args([
            "reach",
            "na62-dump-mumu-2021",
            "--masses",
            "0.3",
            "--json",
            "--out",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["exposure"].as_f64().unwrap(), 1.4e17);
    let iv = &v["limits"][0]["excluded"][0];
    let (lo, hi) = (iv[0].as_f64().unwrap(), iv[1].as_f64().unwrap());
    assert!(lo > 0.0 && hi > lo, "{v}");
    let csv = std::fs::read_to_string(dir.path().join("yields_by_channel.csv")).unwrap();
    assert!(csv.contains(",eta,") && csv.contains(",proton-brem,"));
    // The y plane is for invisible decays only.
    darkscan()
        .args([
            "reach",
            "na62-dump-mumu-2021",
            "--masses",
            "0.3",
            "--plane",
            "y",
        ])
        .assert()
        .code(2);
}

#[test]
fn compare_draws_a_published_curve_and_rejects_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let curve = dir.path().join("published.txt");
    std::fs::write(
        &curve,
        "# label: my curve\n0.25 4e-7\n0.3, 5e-7\n0.35 3e-6\n",
    )
    .unwrap();
    darkscan()
        .args(["reach", "na62-dump-mumu-2021", "--masses", "0.3", "--out"])
        .arg(dir.path().join("out"))
        .arg("--compare")
        .arg(&curve)
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.path().join("out").join("reach.svg")).unwrap();
    assert!(svg.contains("my curve"), "legend text missing");
    // The shipped digitisation parses.
    darkscan()
        .args(["reach", "na62-dump-mumu-2021", "--masses", "0.3", "--out"])
        .arg(dir.path().join("out2"))
        .arg("--compare")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/validation/na62_mumu_2021_published.txt"
        ))
        .assert()
        .success();
    // Bad files fail with status 2 before the scan, naming the line.
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "0.25 4e-7\n0.3 oops\n").unwrap();
    let out = darkscan()
        .args(["reach", "na62-dump-mumu-2021", "--masses", "0.3", "--out"])
        .arg(dir.path().join("out3"))
        .arg("--compare")
        .arg(&bad)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("line 2"), "{err}");
    // --compare without --out, and a missing file.
    darkscan()
        .args([
            "reach",
            "na62-dump-mumu-2021",
            "--masses",
            "0.3",
            "--compare",
        ])
        .arg(&curve)
        .assert()
        .code(2);
    darkscan()
        .args(["reach", "na62-dump-mumu-2021", "--masses", "0.3", "--out"])
        .arg(dir.path().join("out4"))
        .arg("--compare")
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2);
}
