//! `widths alp --g-y`: the BC10 ALP's hadronic channels (arXiv:2310.03524,
//! `darkscan::model::alp_bc10`) appear in `branching_ratios` and match the
//! library; above 3 GeV (end of the hadronic table) a one-line error, exit 2.

mod common;

use common::{darkscan, json};
use darkscan::model::Fip;
use darkscan::model::alp::AlpModel;

#[test]
fn widths_alp_g_y_shows_the_hadronic_channels() {
    let v = json(&["widths", "alp", "--mass", "1.0", "--g-y", "1e-4", "--json"]);
    let br = v["branching_ratios"].as_object().unwrap();
    for name in ["pi+pi-pi0", "3pi0", "pi+pi-gamma", "pi+pi-eta", "pi0pi0eta"] {
        assert!(br.contains_key(name), "{name} missing: {br:?}");
    }
    let lib = AlpModel {
        g_y: 1e-4,
        ..AlpModel::default()
    }
    .decays(1.0)
    .unwrap();
    let w = v["total_width"].as_f64().unwrap();
    assert!((w / lib.total_width(1.0) - 1.0).abs() < 1e-12);
    let b = br["pi+pi-eta"].as_f64().unwrap();
    assert!((b / lib.branching_ratio("pi+pi-eta", 1.0) - 1.0).abs() < 1e-12);
}

#[test]
fn widths_alp_g_y_above_three_gev_is_a_one_line_error() {
    let out = darkscan()
        .args(["widths", "alp", "--mass", "3.5", "--g-y", "1e-4", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
