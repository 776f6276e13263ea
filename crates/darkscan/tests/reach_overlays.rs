//! Theory overlays of the reach plots (`darkscan::overlays`): the thermal
//! relic targets are the freeze-out solver's own values (`darkscan relic`,
//! same code path), and the (g−2)_μ band edges give the Δa_μ they were
//! solved for.

use darkscan::model::lmu_ltau::{DELTA_A_MU_WP2020, DELTA_A_MU_WP2020_ERROR, delta_a_mu};
use darkscan::model::relic::{DmKind, RelicModel};
use darkscan::overlays::{
    G2_POINTS, RELIC_KINDS, RELIC_MASS_MAX_GEV, RELIC_MASS_MIN_GEV, RELIC_POINTS, g2_band,
    relic_target_curve, relic_targets,
};
use darkscan::plot::Overlay;
use darkscan::units::MUON;
use std::f64::consts::PI;

/// The README's y-plane defaults: α_D = 0.5, m_A′ = 3 m_χ.
const ALPHA_D: f64 = 0.5;
const RATIO: f64 = 3.0;

#[test]
fn relic_curve_is_the_relic_solver_at_each_mass() {
    // Same computation as `darkscan relic --dm scalar --mass-chi M`: equal
    // to 1e-6 in y (the solver's own tolerance is 1e-4 in Ω h² ∝ 1/y).
    let masses = [0.003, 0.03, 0.2];
    let curve = relic_target_curve(DmKind::Scalar, ALPHA_D, RATIO, &masses).unwrap();
    assert_eq!(curve.len(), masses.len());
    for (&(m, y), &mass_chi) in curve.iter().zip(&masses) {
        assert_eq!(m, mass_chi);
        let direct = RelicModel {
            kind: DmKind::Scalar,
            mass_chi,
            mass_ratio: RATIO,
            alpha_d: ALPHA_D,
            splitting: 0.0,
        }
        .thermal_target()
        .unwrap();
        assert!(
            (y / direct.y - 1.0).abs() < 1e-6,
            "{mass_chi}: {y} vs {}",
            direct.y
        );
        assert!((direct.omega_h2 / 0.12 - 1.0).abs() < 1e-3);
    }
}

#[test]
fn relic_targets_cover_the_plot_range_inside_the_solver_domain() {
    // The NA64 y plane at m_A′ = 1 MeV–1 GeV: m_χ = 0.33 MeV–0.33 GeV.
    let t = relic_targets(ALPHA_D, RATIO, 1e-3 / RATIO, 1.0 / RATIO)
        .unwrap()
        .unwrap();
    assert_eq!(t.masses_chi_gev.len(), RELIC_POINTS);
    assert!((t.masses_chi_gev[0] / RELIC_MASS_MIN_GEV - 1.0).abs() < 1e-12);
    assert!((t.masses_chi_gev[RELIC_POINTS - 1] * RATIO - 1.0).abs() < 1e-12);
    assert_eq!(t.lines.len(), RELIC_KINDS.len());
    for (i, &m) in t.masses_chi_gev.iter().enumerate() {
        let y: Vec<f64> = t.lines.iter().map(|l| l.1[i]).collect();
        assert!(y.iter().all(|v| v.is_finite() && *v > 0.0), "{m}: {y:?}");
        // The published lines (ESPP NA64 input, see tests/relic_targets.rs)
        // lie in this order: scalar above Majorana above pseudo-Dirac.
        assert!(y[0] > y[1] && y[1] > y[2], "{m}: {y:?}");
    }
    // Columns of the table and one labelled line per type.
    let csv = t.csv();
    let header = csv.lines().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(header, "m_chi_gev,y_scalar,y_majorana,y_pseudo_dirac");
    assert_eq!(
        csv.lines().filter(|l| !l.starts_with('#')).count(),
        RELIC_POINTS + 1
    );
    let overlays = t.overlays();
    assert_eq!(overlays.len(), 3);
    assert!(matches!(&overlays[0], Overlay::Line { label, points }
        if label.contains("scalar") && points.len() == RELIC_POINTS));
    // A plot range wholly outside the solver's domain draws nothing.
    assert!(
        relic_targets(ALPHA_D, RATIO, 2.0 * RELIC_MASS_MAX_GEV, 5.0)
            .unwrap()
            .is_none()
    );
    assert!(relic_targets(ALPHA_D, RATIO, 1e-5, 5e-4).unwrap().is_none());
}

#[test]
fn g2_band_edges_give_delta_a_mu_plus_minus_two_sigma() {
    let b = g2_band(1e-3, 1.0, 2.0).unwrap();
    assert_eq!(b.masses_gev.len(), G2_POINTS);
    let lo = DELTA_A_MU_WP2020 - 2.0 * DELTA_A_MU_WP2020_ERROR;
    let hi = DELTA_A_MU_WP2020 + 2.0 * DELTA_A_MU_WP2020_ERROR;
    for i in 0..G2_POINTS {
        let m = b.masses_gev[i];
        assert!((delta_a_mu(m, b.g_lower[i]) / lo - 1.0).abs() < 1e-9);
        assert!((delta_a_mu(m, b.g_central[i]) / DELTA_A_MU_WP2020 - 1.0).abs() < 1e-9);
        assert!((delta_a_mu(m, b.g_upper[i]) / hi - 1.0).abs() < 1e-9);
    }
    // Light Z′ (Pospelov, PRD 80 (2009) 095002): Δa_μ → g²/(8π²)(1 − π m/m_μ),
    // so g → √(8π² Δa_μ) (1 + π m/(2 m_μ)) at m = 10 keV; the terms dropped
    // are O((m/m_μ)² ln(m/m_μ)) ≈ 1e-7 in g there, the tolerance 1e-5.
    let light = g2_band(1e-5, 1e-3, 2.0).unwrap();
    let g_light =
        (8.0 * PI * PI * DELTA_A_MU_WP2020).sqrt() * (1.0 + PI * 1e-5 / (2.0 * MUON.mass));
    assert!(
        (light.g_central[0] / g_light - 1.0).abs() < 1e-5,
        "{} vs {g_light}",
        light.g_central[0]
    );
    let csv = b.csv();
    let header = csv.lines().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(header, "mass_gev,g_lower,g_central,g_upper");
    assert!(
        matches!(&b.overlays()[..], [Overlay::Band { lower, upper, .. }]
        if lower.len() == G2_POINTS && upper.len() == G2_POINTS)
    );
    // No band where Δa_μ − nσ ≤ 0, nor outside the model's masses.
    assert!(g2_band(1e-3, 1.0, 6.0).is_none());
    assert!(g2_band(20.0, 30.0, 2.0).is_none());
}
