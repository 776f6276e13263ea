//! `darkscan reach --out`: thermal relic targets on the y-plane plots
//! (relic_targets.csv, `--no-relic-targets`) and the (g−2)_μ band on the
//! L_μ−L_τ plots (g2_band.csv, `--no-g2-band`).

mod common;

use common::{darkscan, json};
use std::path::Path;

/// The data rows of a CSV written by darkscan (after `#` comments): header
/// and the parsed numbers.
fn table(path: &Path) -> (String, Vec<Vec<f64>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header = lines.next().unwrap().to_string();
    let rows = lines
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect();
    (header, rows)
}

fn plots_written(dir: &Path, label: &str) {
    for f in ["reach.png", "reach.svg"] {
        assert!(std::fs::metadata(dir.join(f)).unwrap().len() > 0, "{f}");
    }
    let svg = std::fs::read_to_string(dir.join("reach.svg")).unwrap();
    assert!(
        svg.contains(label),
        "legend '{label}' missing from reach.svg"
    );
}

#[test]
fn y_plane_plots_carry_the_relic_targets() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    darkscan()
        .args(["reach", "na64e-invisible", "--plane", "y"])
        .args(["--masses", "0.003:0.9:5", "--out"])
        .arg(&out)
        .assert()
        .success();
    let (header, rows) = table(&out.join("relic_targets.csv"));
    assert_eq!(header, "m_chi_gev,y_scalar,y_majorana,y_pseudo_dirac");
    assert!(rows.len() >= 2);
    for r in &rows {
        assert_eq!(r.len(), 4);
        assert!(r.iter().all(|v| v.is_finite() && *v > 0.0), "{r:?}");
    }
    // m_χ from 1 MeV (the lines' lower end) to 0.9 GeV/3.
    assert!((rows[0][0] / 1e-3 - 1.0).abs() < 1e-12);
    assert!((rows[rows.len() - 1][0] / 0.3 - 1.0).abs() < 1e-12);
    // The scalar column is `darkscan relic` at the same α_D and ratio
    // (the README's defaults 0.5 and 3), to 1e-6 in y.
    for r in [&rows[0], &rows[rows.len() / 2]] {
        let m = format!("{:e}", r[0]);
        let v = json(&["relic", "--dm", "scalar", "--mass-chi", &m, "--json"]);
        let y = v["y"].as_f64().unwrap();
        assert!((r[1] / y - 1.0).abs() < 1e-6, "{m}: {} vs {y}", r[1]);
    }
    plots_written(&out, "scalar relic target");

    // Opted out, and the ε plane: no targets.
    for extra in [
        &["--plane", "y", "--no-relic-targets"][..],
        &["--plane", "epsilon"][..],
    ] {
        let out = dir.path().join(format!("out{}", extra.len()));
        darkscan()
            .args(["reach", "na64e-invisible", "--masses", "0.003:0.9:3"])
            .args(extra)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        assert!(out.join("reach.svg").exists());
        assert!(!out.join("relic_targets.csv").exists(), "{extra:?}");
        let svg = std::fs::read_to_string(out.join("reach.svg")).unwrap();
        assert!(!svg.contains("relic target"), "{extra:?}");
    }
}

#[test]
fn lmu_ltau_plots_carry_the_g2_band() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    darkscan()
        .args([
            "reach",
            "na64mu-lmu-ltau-2022",
            "--masses",
            "0.005:1:4",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let (header, rows) = table(&out.join("g2_band.csv"));
    assert_eq!(header, "mass_gev,g_lower,g_central,g_upper");
    assert!(rows.len() >= 2);
    for r in &rows {
        assert!(r.iter().all(|v| v.is_finite() && *v > 0.0), "{r:?}");
        assert!(r[1] < r[2] && r[2] < r[3], "{r:?}");
    }
    assert!((rows[0][0] / 0.005 - 1.0).abs() < 1e-12);
    plots_written(&out, "(g-2)_mu favoured");

    let out = dir.path().join("off");
    darkscan()
        .args(["reach", "na64mu-lmu-ltau-2022", "--masses", "0.005:1:3"])
        .arg("--no-g2-band")
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert!(out.join("reach.svg").exists());
    assert!(!out.join("g2_band.csv").exists());
    // Other presets get no band.
    let out = dir.path().join("dp");
    darkscan()
        .args([
            "reach",
            "na64e-invisible",
            "--masses",
            "0.003:0.9:3",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    assert!(!out.join("g2_band.csv").exists());
}
