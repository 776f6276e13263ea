//! Validation of the ALP widths (`darkscan::model::alp`).
//!
//! - Γ(a→γγ) = g²m³/(64π): the normalisation is checked on the one
//!   pseudoscalar whose two-photon coupling is known from first principles:
//!   the π⁰, with the chiral-anomaly coupling g_πγγ = α/(π f_π),
//!   f_π = 92.07 MeV (PDG 2024, f_π± = 130.2/√2 MeV), which predicts
//!   Γ(π⁰→γγ) = 7.76 eV against the measured 7.80 ± 0.12 eV (PDG 2024:
//!   τ = 8.43e-17 s, BR = 98.823 %, i.e. Γ_γγ = 7.72 eV); 2 % tolerance (the
//!   size of the higher-order corrections to the anomaly prediction).
//! - Γ(a→ℓℓ) = g_aℓ² m_a β/(8π) (Bauer, Neubert, Thamm, JHEP 12 (2017) 044,
//!   Eq. 17), evaluated independently here, to 0.1 %.
//! - The lepton loop in a→γγ (BNT Eqs. 20–21): the light-lepton limit
//!   B₁ → 1, Γ_γγ/Γ_ℓℓ → α²m_a²/(8π²m_ℓ²), and the heavy-lepton limit
//!   B₁ → −m_a²/(12m_ℓ²), to 1 %.

use darkscan::model::Fip;
use darkscan::model::alp::AlpModel;
use darkscan::units::{ALPHA_EM, ELECTRON, MUON, PION_NEUTRAL};
use std::f64::consts::PI;

fn rel(a: f64, b: f64) -> f64 {
    (a / b - 1.0).abs()
}

#[test]
fn photon_width_normalisation_reproduces_the_pi0() {
    let f_pi = 0.1302 / std::f64::consts::SQRT_2;
    let g = ALPHA_EM / (PI * f_pi);
    let w = AlpModel::photon(g).width_photons(PION_NEUTRAL.mass);
    // PDG 2024: Γ(π⁰→γγ) = ħ/τ × BR = 7.808 eV × 0.98823 = 7.716 eV.
    let measured = 6.582_119_569e-25 / 8.43e-17 * 0.98823;
    assert!(rel(w, measured) < 0.02, "{w:e} vs {measured:e}");
    // And the formula itself.
    let m = 0.3;
    assert!(
        rel(
            AlpModel::photon(1e-4).width_photons(m),
            1e-8 * m.powi(3) / (64.0 * PI)
        ) < 1e-12
    );
}

#[test]
fn lepton_widths_match_the_formula() {
    for (mass, g) in [(0.01, 1e-5), (0.3, 1e-4), (1.0, 3e-6)] {
        let model = AlpModel {
            g_aee: g,
            g_amumu: 2.0 * g,
            ..AlpModel::default()
        };
        let t = model.decays(mass).unwrap();
        for (name, ml, gl) in [("e+e-", ELECTRON.mass, g), ("mu+mu-", MUON.mass, 2.0 * g)] {
            let expected = if mass > 2.0 * ml {
                gl * gl * mass * (1.0 - 4.0 * ml * ml / (mass * mass)).sqrt() / (8.0 * PI)
            } else {
                0.0
            };
            let got = t
                .channels
                .iter()
                .find(|c| c.name == name)
                .map_or(0.0, |c| c.width);
            if expected == 0.0 {
                assert_eq!(got, 0.0);
            } else {
                assert!(rel(got, expected) < 1e-3, "{name} at {mass}");
            }
        }
    }
}

#[test]
fn lepton_loop_limits() {
    // Light loop lepton: m_a = 200 MeV ≫ m_e (the approach to B₁ = 1 goes as
    // τ ln²τ: 0.2 % here, 1.6 % at 50 MeV).
    let m = 0.2;
    let e_only = AlpModel {
        g_aee: 1e-6,
        ..AlpModel::default()
    };
    let ratio = e_only.width_photons(m) / AlpModel::width_leptons(m, 1e-6, ELECTRON.mass);
    let expected = ALPHA_EM * ALPHA_EM * m * m / (8.0 * PI * PI * ELECTRON.mass.powi(2));
    assert!(rel(ratio, expected) < 0.01, "{ratio} vs {expected}");
    // Heavy loop lepton: m_a = 10 MeV ≪ m_μ: g_eff = (α/π)(g/m_μ) m_a²/(12 m_μ²).
    let m = 0.01;
    let mu_only = AlpModel {
        g_amumu: 1e-4,
        ..AlpModel::default()
    };
    let g_eff = ALPHA_EM / PI * 1e-4 / MUON.mass * m * m / (12.0 * MUON.mass.powi(2));
    let expected = g_eff * g_eff * m.powi(3) / (64.0 * PI);
    assert!(rel(mu_only.width_photons(m), expected) < 0.01);
}

#[test]
fn photon_alp_decays_only_to_photons_and_bc10_mostly_to_leptons() {
    let t = AlpModel::photon(1e-4).decays(0.05).unwrap();
    assert_eq!(t.channels.len(), 1);
    assert!(
        (t.ctau_m(1.0) - darkscan::units::width_to_ctau_m(1e-8 * 0.05f64.powi(3) / (64.0 * PI)))
            .abs()
            < 1e-9 * t.ctau_m(1.0)
    );
    let bc10 = AlpModel {
        g_y: 1.0,
        ..AlpModel::default()
    };
    let t = bc10.decays(0.5).unwrap();
    assert!(t.branching_ratio("mu+mu-", 1.0) > 0.95);
    assert!(t.branching_ratio("e+e-", 1.0) < 1e-4);
}

#[test]
fn no_nan_on_a_dense_grid() {
    let models = [
        AlpModel::photon(1.0),
        AlpModel {
            g_y: 1.0,
            ..AlpModel::default()
        },
        AlpModel {
            g_agg: 1e-3,
            g_aee: 1e-5,
            g_amumu: 1e-5,
            g_atautau: 0.0,
            g_y: 0.0,
        },
    ];
    for model in models {
        for i in 0..=400 {
            let m = 1e-4 * (1e5f64).powf(f64::from(i) / 400.0);
            let t = model.decays(m).unwrap();
            let total = t.total_width(1e-3);
            assert!(total.is_finite() && total > 0.0, "{model:?} at {m}");
            assert!(t.ctau_m(1e-3).is_finite());
        }
    }
}
