//! Hadronic widths of the BC10 ALP (g_Y, g_af = g_Y m_f/v), from the
//! arXiv:2310.03524 curves shipped as `data/alp_fermion_widths_dkoz.csv`
//! (`model::alp_bc10`).
//!
//! The normalisation Γ = (g_Y/2v)² W is ALPINIST's reading of these curves
//! (its `Load_digitized_fermions`). It is checked here against two
//! independent numbers:
//!
//! 1. ALPaca v1.1.0 (arXiv:2508.08354), `BC10()(g_Y = 1e-4, f_a = 1000)`,
//!    `decay_width('alp -> photon pion+ pion-', m_a, cp, 1000.)`, divided by
//!    0.7996² (ALPaca's BC10 uses v(1 TeV) = 307.94 GeV, so its couplings are
//!    246.22/307.94 = 0.7996 of darkscan's at equal g_Y). a → π⁺π⁻γ at
//!    0.9–1.4 GeV (ρ-dominated, WZW + vector-meson dominance in both): the
//!    table is 1.09–1.16 × ALPaca. A convention error (factor 4 in (g/2)²,
//!    or v vs 2v) would show as a factor ≥ 4; the 9–16 % left is the two
//!    models' difference (ρ width and form factor). Other channels differ by
//!    larger, physics, factors (a → 3π 1.5–5×, a → ππη 11–87×: DKOZ's
//!    η′-mixing-driven ππη vs ALPaca's chiral amplitude), asserted as
//!    measured below (±2 %: the tables are fixed, so this only guards
//!    against a change of the table or of its reading).
//! 2. ALPINIST's older total width at g_Y = 1e-4
//!    (widths/2mu_integrated/TotalWidth_gY1e-4.dat, Jan 2022, before
//!    arXiv:2310.03524): below the 3π threshold both are a → μμ and agree
//!    within 1 %; above, its hadronic part is a much smaller older estimate
//!    (darkscan/ALPINIST-2022 = 3.33 at 1 GeV, 59 at 1.5 GeV: asserted as
//!    measured, ±3 %). This file cannot check the 2310.03524 normalisation.

use darkscan::model::Fip;
use darkscan::model::alp::AlpModel;
use darkscan::model::alp_bc10::{DKOZ_CHANNELS, MAX_BC10_HADRONIC_MASS, dkoz_width};

fn bc10(g_y: f64) -> AlpModel {
    AlpModel {
        g_y,
        ..AlpModel::default()
    }
}

fn width(model: &AlpModel, m: f64, name: &str) -> f64 {
    model
        .decays(m)
        .unwrap()
        .channels
        .iter()
        .filter(|c| c.name == name)
        .map(|c| c.width)
        .sum()
}

#[test]
fn pi_pi_gamma_normalisation_against_alpaca() {
    // (m_a, ALPaca Γ(a → π⁺π⁻γ) in GeV at g_Y = 1e-4, v = 246.22 GeV).
    let alpaca = [
        (0.9, 3.0940e-18),
        (1.0, 3.8220e-17),
        (1.1, 1.2653e-17),
        (1.2, 1.1910e-17),
        (1.4, 1.6447e-17),
    ];
    let measured = [1.158, 1.087, 1.089, 1.114, 1.157];
    let m = bc10(1e-4);
    for (k, &(ma, g)) in alpaca.iter().enumerate() {
        let r = width(&m, ma, "pi+pi-gamma") / g;
        println!("m = {ma}: DKOZ/ALPaca pi+pi-gamma = {r:.3}");
        assert!((1.05..1.20).contains(&r), "m = {ma}: {r}");
        assert!((r / measured[k] - 1.0).abs() < 0.02, "m = {ma}: {r}");
    }
}

#[test]
fn other_channels_against_alpaca_as_measured() {
    // (channel, m_a, ALPaca Γ in GeV at g_Y = 1e-4, DKOZ/ALPaca measured).
    let rows = [
        ("pi+pi-pi0", 0.6, 4.2042e-21, 1.515),
        ("pi+pi-pi0", 0.8, 1.8796e-20, 3.811),
        ("pi+pi-pi0", 1.0, 1.5536e-18, 5.132),
        ("3pi0", 0.5, 1.5067e-21, 2.083),
        ("3pi0", 0.8, 1.5837e-20, 1.471),
        ("pi+pi-eta", 1.0, 5.1052e-18, 18.79),
        ("pi+pi-eta", 1.2, 9.9996e-18, 86.56),
    ];
    let m = bc10(1e-4);
    for (name, ma, g, measured) in rows {
        let r = width(&m, ma, name) / g;
        println!("m = {ma}: DKOZ/ALPaca {name} = {r:.3}");
        assert!((r / measured - 1.0).abs() < 0.02, "{name} at {ma}: {r}");
    }
    // The table's own a → γγ (not used for the decays) at 0.5 GeV: 0.993 ×
    // ALPaca's 4.7312e-21 GeV; below, DKOZ's π⁰/η mixing cancels more of the
    // lepton loops (0.043 at 0.3 GeV).
    let r = dkoz_width("gamma gamma", 0.5, 1e-4) / 4.7312e-21;
    assert!((r - 0.993).abs() < 0.02, "{r}");
    let r = dkoz_width("gamma gamma", 0.3, 1e-4) / 4.8023e-22;
    assert!((r / 0.043 - 1.0).abs() < 0.05, "{r}");
}

#[test]
fn total_width_against_alpinist_2022_total() {
    // (m_a, ALPINIST TotalWidth_gY1e-4.dat Γ in GeV at the nearest row,
    // darkscan/ALPINIST measured).
    let rows = [
        (0.29766, 1.5437e-17, 1.0),
        (0.59933, 4.1414e-17, 1.0),
        (0.99704, 8.4712e-17, 3.333),
        (1.5077, 1.2491e-16, 59.08),
    ];
    let m = bc10(1e-4);
    for (ma, g, measured) in rows {
        let r = m.decays(ma).unwrap().total_width(1.0) / g;
        println!("m = {ma}: darkscan/ALPINIST-2022 total = {r:.3}");
        let tol = if measured == 1.0 { 0.01 } else { 0.03 };
        assert!((r / measured - 1.0).abs() < tol, "m = {ma}: {r}");
    }
}

#[test]
fn widths_scale_with_g_y_squared_and_start_from_zero() {
    for ma in [0.6, 1.0, 2.0, 2.9] {
        let a = bc10(1e-4).decays(ma).unwrap();
        let b = bc10(3e-4).decays(ma).unwrap();
        let r = b.total_width(1.0) / a.total_width(1.0);
        assert!((r / 9.0 - 1.0).abs() < 1e-12, "{r}");
    }
    // Each exclusive channel opens continuously: its width at the
    // threshold is below 1 % of the width 50 MeV above (the table has a zero
    // row below each threshold; its grid is 1-5 MeV, so linear
    // interpolation reaches ≈ 0.1 % of that width at the threshold).
    let mass = |id: i32| darkscan::model::Daughter::from_pdg(id).unwrap().mass;
    for (name, ids) in DKOZ_CHANNELS {
        if ids.is_empty() {
            continue;
        }
        let thr: f64 = ids.iter().map(|&i| mass(i)).sum();
        if thr + 0.05 > MAX_BC10_HADRONIC_MASS {
            continue;
        }
        let at = dkoz_width(name, thr, 1.0);
        let above = dkoz_width(name, thr + 0.05, 1.0);
        assert!(above > 0.0, "{name}");
        assert!(at <= 1e-2 * above, "{name}: {at} vs {above}");
    }
    // The total width is continuous where the table starts: just below and
    // just above the 3π threshold differ by < 0.1 %.
    let t = |ma: f64| bc10(1.0).decays(ma).unwrap().total_width(1.0);
    assert!((t(0.4139) / t(0.4141) - 1.0).abs() < 1e-3);
}

#[test]
fn above_three_gev_the_g_y_alp_is_out_of_range() {
    assert!(bc10(1e-4).decays(MAX_BC10_HADRONIC_MASS).is_ok());
    assert!(matches!(
        bc10(1e-4).decays(3.2),
        Err(darkscan::model::ModelError::MassOutOfRange { .. })
    ));
    // A photon-coupled ALP is not affected.
    assert!(AlpModel::photon(1e-4).decays(5.0).is_ok());
}

#[test]
fn two_track_channels_have_daughters_and_bc11_adds_incoherently() {
    let t = bc10(1e-4).decays(1.0).unwrap();
    for name in ["pi+pi-pi0", "pi+pi-gamma", "pi+pi-eta"] {
        let c = t.channels.iter().find(|c| c.name == name).unwrap();
        assert_eq!(c.daughters.iter().filter(|d| d.charge != 0).count(), 2);
    }
    // Both couplings: one "pi+pi-pi0" channel with the sum of the two widths.
    let both = AlpModel {
        g_y: 1e-4,
        inv_f_g: 1e-6,
        ..AlpModel::default()
    };
    let gluon = AlpModel {
        inv_f_g: 1e-6,
        ..AlpModel::default()
    };
    let tb = both.decays(1.0).unwrap();
    assert_eq!(
        tb.channels.iter().filter(|c| c.name == "pi+pi-pi0").count(),
        1
    );
    let sum = width(&bc10(1e-4), 1.0, "pi+pi-pi0") + width(&gluon, 1.0, "pi+pi-pi0");
    assert!((width(&both, 1.0, "pi+pi-pi0") / sum - 1.0).abs() < 1e-12);
}
