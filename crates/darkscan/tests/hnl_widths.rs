//! HNL total widths against HNLCalc.
//!
//! Reference: HNLCalc (A. Hewitt and D. La Rocco, arXiv:2405.07330),
//! github.com/laroccod/HNLCalc at commit a8738440f1c2c5efd7c55f1a0dc9b07d01e27396,
//! run by `tools/hnl_check/hnlcalc_reference.py` (Majorana HNL, one flavour
//! at a time with |U_α|² = 1). HNLCalc implements the widths of Bondarenko,
//! Boyarsky, Gorbunov and Ruchayskiy, JHEP 11 (2018) 032, with the exclusive
//! hadronic channels up to 1 GeV and the inclusive quark channels above.
//!
//! Tolerances (the acceptance): 3 % on Γ below 1 GeV, where both sum
//! the same exclusive channels and differ only in meson constants
//! (e.g. f_ρ = 210 MeV here, 220 MeV there); 20 % at 1.5–2 GeV, where the
//! inclusive quark width depends on α_s at low scale (HNLCalc freezes
//! α_s = 0.41 below 1.12 GeV, darkscan runs it at three loops), the quark
//! masses and the thresholds. Γ ∝ |U|², so the tolerance is also the one on
//! the lifetime and on the coupling at fixed lifetime.

use darkscan::model::hnl::HnlModel;

/// (flavour, mass in GeV, HNLCalc total width in GeV at |U_α|² = 1).
const HNLCALC: &[(usize, f64, f64)] = &[
    (0, 0.1, 7.257470e-19),
    (0, 0.2, 3.175440e-16),
    (0, 0.3, 2.456189e-15),
    (0, 0.5, 1.756675e-14),
    (0, 0.7, 6.288711e-14),
    (0, 0.9, 2.042614e-13),
    (0, 1.5, 2.757791e-12),
    (0, 1.75, 5.925935e-12),
    (0, 2.0, 1.152927e-11),
    (1, 0.1, 5.144670e-19),
    (1, 0.2, 1.273372e-16),
    (1, 0.3, 1.671607e-15),
    (1, 0.5, 1.587623e-14),
    (1, 0.7, 5.985436e-14),
    (1, 0.9, 1.850358e-13),
    (1, 1.5, 2.700497e-12),
    (1, 1.75, 5.835295e-12),
    (1, 2.0, 1.138891e-11),
    (2, 0.1, 5.144670e-19),
    (2, 0.2, 1.254655e-16),
    (2, 0.3, 9.150629e-16),
    (2, 0.5, 6.619646e-15),
    (2, 0.7, 2.473577e-14),
    (2, 0.9, 7.461999e-14),
    (2, 1.5, 1.007700e-12),
    (2, 1.75, 2.193282e-12),
    (2, 2.0, 4.290452e-12),
];

fn model(flavour: usize) -> HnlModel {
    let mut u = [0.0; 3];
    u[flavour] = 1.0;
    HnlModel::new(u[0], u[1], u[2], false).unwrap()
}

#[test]
fn total_widths_match_hnlcalc() {
    let mut failures = Vec::new();
    for &(flavour, mass, reference) in HNLCALC {
        let ours = model(flavour).total_width(mass).unwrap();
        let ratio = ours / reference;
        let tol = if mass < 1.0 { 0.03 } else { 0.20 };
        println!("flavour {flavour} m = {mass} GeV: darkscan/HNLCalc = {ratio:.4}");
        if (ratio - 1.0).abs() > tol {
            failures.push(format!(
                "flavour {flavour}, m = {mass}: ratio {ratio:.4} (tol {tol})"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Channel families at |U_e|² = 1 (Majorana), HNLCalc's widths summed over
/// both charges (same source and script as above): (mass, family, width).
/// Families: "lP" = e∓ with π±, K±; "nuP" = ν π⁰, η, η′; "lV" = e∓ ρ±, K*±;
/// "nuV" = ν ρ⁰, ω, φ; "null" = ν ℓ⁺ℓ⁻; "llnu" = e μ ν (both charges); "nu3".
const HNLCALC_FAMILIES_E: &[(f64, &str, f64)] = &[
    (0.5, "lP", 9.261372e-15),
    (0.5, "nuP", 4.937240e-15),
    (0.5, "null", 9.145929e-16),
    (0.5, "llnu", 1.025282e-15),
    (0.5, "nu3", 1.428262e-15),
    (0.9, "lP", 6.287802e-14),
    (0.9, "nuP", 3.681335e-14),
    (0.9, "lV", 3.000721e-14),
    (0.9, "nuV", 4.828879e-15),
    (0.9, "null", 1.846951e-14),
    (0.9, "llnu", 2.427650e-14),
    (0.9, "nu3", 2.698798e-14),
];

fn family(name: &str) -> &'static str {
    let parts: Vec<&str> = name.split(' ').collect();
    match parts.as_slice() {
        ["nu", "nu", "nu"] => "nu3",
        ["nu", _, _] => "null",
        [_, _, _] => "llnu",
        ["nu", "rho0" | "omega" | "phi"] => "nuV",
        ["nu", _] => "nuP",
        [_, m] if m.starts_with("rho") || m.starts_with("K*") => "lV",
        _ => "lP",
    }
}

/// Tolerance: 3 % (as above), except the vector families, where darkscan's
/// f_ρ = 210 MeV (from τ → ππ⁰ν) against HNLCalc's 220 MeV moves Γ by
/// (210/220)² − 1 = −9 %: 12 % there.
#[test]
fn channel_families_match_hnlcalc() {
    let model = model(0);
    let mut bad = Vec::new();
    for &(mass, fam, reference) in HNLCALC_FAMILIES_E {
        let t = darkscan::model::Fip::decays(&model, mass).unwrap();
        let ours: f64 = t
            .channels
            .iter()
            .filter(|c| family(&c.name) == fam)
            .map(|c| c.width)
            .sum();
        let ratio = ours / reference;
        println!("m = {mass} {fam}: darkscan/HNLCalc = {ratio:.4}");
        let tol = if fam.ends_with('V') { 0.12 } else { 0.03 };
        if (ratio - 1.0).abs() > tol {
            bad.push(format!("{mass} {fam}: {ratio:.4}"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
