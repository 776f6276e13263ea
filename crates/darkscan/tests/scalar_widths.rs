//! Validation of the dark-scalar widths (`darkscan::model::scalar`).
//!
//! References:
//! - leptons: the tree-level formula Γ = θ² G_F m_ℓ² m_S β³/(4√2 π)
//!   (Winkler, PRD 99 (2019) 015018) evaluated here independently with
//!   PDG 2024 inputs, to 0.1 %; and the scalar_portal code of Boiarska et al.
//!   (arXiv:1904.10447; repository JLTastet/scalar_portal, run here by
//!   `tools/scalar_reference/scalar_portal_reference.py`), which uses
//!   v = 246.0 GeV instead of (√2 G_F)^(−1/2) = 246.22 GeV: its widths are
//!   0.18 % higher, so that comparison is to 0.3 %;
//! - ππ and KK: Winkler's published dispersive Γ(S→ππ) and Γ(S→KK) (his
//!   figure of the widths), as digitised independently of the form factors darkscan uses,
//!   in scalar_portal's `decay/winkler_pi.txt` and `decay/winkler_K.txt`
//!   (commit a39c9ae / a3952d9; values below read off by linear
//!   interpolation), to 30 % (the tolerance) away from the f₀(980)
//!   peak and the KK threshold (0.85–1.05 GeV), where two digitisations of a
//!   steep curve differ by more (measured ratios darkscan/Winkler: ππ
//!   0.94–1.14 at the rows below, 1.26 at 0.9 GeV, 0.54 at 1.0 GeV; KK
//!   0.98–1.01 from 1.1 GeV).

use darkscan::model::Fip;
use darkscan::model::scalar::{self, ScalarModel};
use darkscan::units::{ELECTRON, G_FERMI, MUON, TAU};

fn rel(a: f64, b: f64) -> f64 {
    (a / b - 1.0).abs()
}

#[test]
fn leptonic_widths_match_the_tree_level_formula() {
    for &(m_l, masses) in &[
        (ELECTRON.mass, &[0.002, 0.01, 0.1, 1.0][..]),
        (MUON.mass, &[0.22, 0.3, 0.5, 1.0, 3.0][..]),
        (TAU.mass, &[3.6, 5.0, 9.0][..]),
    ] {
        for &m in masses {
            let beta = (1.0 - 4.0 * m_l * m_l / (m * m)).sqrt();
            let expected = G_FERMI * m_l * m_l * m * beta.powi(3)
                / (4.0 * std::f64::consts::SQRT_2 * std::f64::consts::PI);
            let got = scalar::width_leptons(m, m_l);
            assert!(
                rel(got, expected) < 1e-3,
                "m_l={m_l} m={m}: {got} vs {expected}"
            );
        }
    }
}

#[test]
fn leptonic_widths_match_scalar_portal() {
    // (m_S, channel, Γ at θ = 1 from scalar_portal with v = 246.0 GeV)
    let rows = [
        (0.1, "e+e-", 1.71657e-14),
        (1.0, "e+e-", 1.71684e-13),
        (0.3, "mu+mu-", 7.87504e-10),
        (0.5, "mu+mu-", 2.73203e-9),
        (1.0, "mu+mu-", 6.85391e-9),
        (1.5, "mu+mu-", 1.06839e-8),
    ];
    let model = ScalarModel::default();
    for (m, ch, reference) in rows {
        let t = model.decays(m).unwrap();
        let w = t.channels.iter().find(|c| c.name == ch).unwrap().width;
        // v² ratio (246.0/246.22)² = 0.99821: scalar_portal is 0.18 % high.
        let corrected = reference * (246.0f64 / scalar::higgs_vev()).powi(2);
        assert!(rel(w, corrected) < 1e-3, "{ch} at {m}: {w} vs {corrected}");
        assert!(rel(w, reference) < 3e-3);
    }
}

#[test]
fn pion_pair_width_matches_winkler() {
    // Γ(S→ππ)/θ² in GeV, Winkler 2019 (digitised, scalar_portal winkler_pi.txt)
    let rows = [
        (0.3, 2.839e-09),
        (0.4, 1.116e-08),
        (0.5, 2.213e-08),
        (0.6, 3.435e-08),
        (0.7, 5.102e-08),
        (0.8, 8.228e-08),
        (1.2, 1.235e-08),
        (1.4, 9.964e-09),
        (1.6, 5.491e-09),
        (1.8, 3.991e-09),
        (1.95, 3.444e-09),
    ];
    for (m, reference) in rows {
        let w = scalar::width_pipi(m);
        assert!(rel(w, reference) < 0.30, "m = {m}: {w:e} vs {reference:e}");
    }
    // The f₀(980) peak is there, within a factor of two.
    let peak = scalar::width_pipi(0.97);
    assert!(peak > 2e-7 && peak < 1.2e-6, "{peak}");
}

#[test]
fn kaon_pair_width_matches_winkler() {
    // Γ(S→KK)/θ² in GeV, Winkler 2019 (digitised, scalar_portal winkler_K.txt)
    let rows = [
        (1.1, 1.086e-07),
        (1.2, 8.863e-08),
        (1.4, 9.117e-08),
        (1.6, 7.582e-08),
        (1.8, 4.955e-08),
        (1.95, 3.797e-08),
    ];
    for (m, reference) in rows {
        let w = scalar::width_kk(m);
        assert!(rel(w, reference) < 0.30, "m = {m}: {w:e} vs {reference:e}");
    }
}

#[test]
fn isospin_split_and_branching_ratios() {
    let model = ScalarModel::new(1e-8).unwrap();
    let t = model.decays(0.5).unwrap();
    let w = |n: &str| t.channels.iter().find(|c| c.name == n).unwrap().width;
    assert!((w("pi+pi-") / w("pi0pi0") - 2.0).abs() < 1e-12);
    // At 0.5 GeV scalar_portal (same Winkler ππ width) gives
    // BR(ππ) = 2.2125e-8/2.4858e-8 = 0.890; darkscan's ππ is 2.5 % higher.
    let grouped = model.grouped(0.5).unwrap();
    let br = |n: &str| grouped.iter().find(|g| g.0 == n).unwrap().1;
    assert!((br("pi pi") - 0.89).abs() < 0.05, "{}", br("pi pi"));
    let sum: f64 = grouped.iter().map(|g| g.1).sum();
    assert!((sum - 1.0).abs() < 1e-12);
}

#[test]
fn no_nan_on_a_dense_grid() {
    let model = ScalarModel::default();
    for i in 0..=400 {
        let m = 1e-3 * (1e4f64).powf(f64::from(i) / 400.0);
        let t = model.decays(m).unwrap();
        let total = t.total_width(1.0);
        assert!(total.is_finite() && total > 0.0, "m = {m}");
        assert!(t.ctau_m(1e-8).is_finite());
        for (_, br) in t.branching_ratios(1.0) {
            assert!(br.is_finite() && (0.0..=1.0).contains(&br));
        }
    }
}
