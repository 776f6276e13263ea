//! The electron-coupled S, P, V, A presets reject bad input with one-line
//! typed errors naming the key, and odd but valid requests give no panic.

use darkscan::experiment::search::{SearchPreset, shipped_text};
use darkscan::reach::{Plane, ReachOptions};
use darkscan::run_preset;

#[test]
fn bad_model_tables_are_named_errors() {
    let inv = shipped_text("na64e-invisible-2019-pseudoscalar").unwrap();
    for (from, to, key) in [
        (
            "name = \"pseudoscalar-invisible\"",
            "name = \"pseudoscalar-invisible\"\nalpha_d = 0.5",
            "model.alpha_d",
        ),
        (
            "name = \"pseudoscalar-invisible\"",
            "name = \"pseudoscalar-invisible\"\nannihilation = true",
            "model.annihilation",
        ),
        (
            "name = \"pseudoscalar-invisible\"",
            "name = \"tensor-invisible\"",
            "model.name",
        ),
        (
            "cross_section = \"etl\"",
            "cross_section = \"ww\"",
            "cross_section",
        ),
    ] {
        let t = inv.replacen(from, to, 1);
        let e = SearchPreset::parse(&t, "x").unwrap_err().to_string();
        assert!(e.contains(key), "{e}");
        assert_eq!(e.lines().count(), 1, "{e}");
    }
    let vis = shipped_text("na64e-visible-x17-pseudoscalar").unwrap();
    let t = vis.replace("name = \"pseudoscalar\"", "name = \"tensor\"");
    let e = SearchPreset::parse(&t, "x").unwrap_err().to_string();
    assert!(e.contains("model.name") && e.lines().count() == 1, "{e}");
}

#[test]
fn odd_requests_give_typed_errors_or_empty_bands() {
    let name = "na64e-invisible-2019-scalar";
    let p = SearchPreset::load(name).unwrap();
    let y = ReachOptions {
        plane: Plane::Y,
        masses: Some(vec![0.01]),
        ..ReachOptions::default()
    };
    assert!(run_preset(name, &p, &y, &|_| {}).is_err());
    let heavy = ReachOptions {
        masses: Some(vec![200.0]),
        ..ReachOptions::default()
    };
    assert!(run_preset(name, &p, &heavy, &|_| {}).is_err());
    // S, P, A below 1 MeV: their cross sections stop at electron_brem::MIN_MASS
    // (only the vector continues, electron_brem_light); a typed error, not a
    // silent empty band.
    let sub_mev = ReachOptions {
        masses: Some(vec![0.01, 5e-4]),
        ..ReachOptions::default()
    };
    let e = run_preset(name, &p, &sub_mev, &|_| {})
        .unwrap_err()
        .to_string();
    assert!(e.contains("0.0005") && e.contains("0.001"), "{e}");
    // A pseudoscalar below 2 m_e (1.022 MeV) cannot decay to e+e-: no band,
    // no panic. (Below 1 MeV, `electron_brem::MIN_MASS`, the bremsstrahlung
    // itself is refused with a typed error.)
    let name = "na64e-visible-x17-pseudoscalar";
    let p = SearchPreset::load(name).unwrap();
    let light = ReachOptions {
        masses: Some(vec![0.00101]),
        ..ReachOptions::default()
    };
    let r = run_preset(name, &p, &light, &|_| {}).unwrap();
    assert!(r.limits[0].excluded.is_empty());
    assert!(r.meta.mass_label.contains("m_X"), "{}", r.meta.mass_label);
}
