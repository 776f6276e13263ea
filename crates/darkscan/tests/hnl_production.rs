//! HNL production branching ratios.
//!
//! 1. K⁺ → ℓ⁺N equals NA62's formula (PLB 807 (2020) 135599, eqs. 1–2):
//!    B(K → ℓN) = B(K → ℓν) ρ_ℓ(m_N) |U_ℓ|², with B(K⁺ → e⁺ν) = 1.582×10⁻⁵ and
//!    B(K⁺ → μ⁺ν) = 63.56 % (PDG 2024), written out here independently;
//!    tolerance 1e-3 relative (the acceptance).
//! 2. The massless limit (m_N = 0, |U|² = 1) of every semileptonic and
//!    leptonic channel is the Standard-Model decay, compared with its PDG 2024
//!    branching ratio. The single-pole form factors are an approximation, so
//!    the tolerance is 15 % (D, K) and 25 % (B → D, whose pole form
//!    undershoots the lattice form factor at high q²; B_s → D_s(*) uses the
//!    B → D(*) form factors, SU(3)); the leptonic ones,
//!    fixed by f_P, |V| and τ_P, within 10 %. (The D → K, π form factors are
//!    BESIII's fits to D⁰ → K⁻e⁺ν, π⁻e⁺ν, so those two rows check the
//!    implementation of the matrix element and phase space, not the physics
//!    input; D⁺ → K̄⁰e⁺ν and D⁺ → π⁰e⁺ν then test isospin and the lifetime.)

use darkscan::model::hnl::HnlModel;
use darkscan::production::hnl::{channels, semileptonic_sm_branching_ratio};

const M_K: f64 = 0.493_677;
const M_E: f64 = 0.510_998_95e-3;
const M_MU: f64 = 0.105_658_375_5;

fn rho(ml: f64, mn: f64) -> f64 {
    let (xl, xn) = ((ml / M_K).powi(2), (mn / M_K).powi(2));
    let lam = 1.0 + xl * xl + xn * xn - 2.0 * xl - 2.0 * xn - 2.0 * xl * xn;
    (xn + xl - (xn - xl).powi(2)) * lam.sqrt() / (xl * (1.0 - xl).powi(2))
}

#[test]
fn kaon_two_body_equals_na62_formula() {
    let (ue2, umu2) = (3e-7, 2e-6);
    let model = HnlModel::new(ue2, umu2, 0.0, false).unwrap();
    for mn in [0.01, 0.1, 0.2, 0.3, 0.35, 0.38, 0.45] {
        let ch = channels(321, mn, &model).unwrap();
        let find = |n: &str| ch.iter().find(|c| c.name == n).map(|c| c.branching_ratio);
        let e = find("K+ -> e+ N").unwrap();
        let expect_e = 1.582e-5 * rho(M_E, mn) * ue2;
        assert!((e / expect_e - 1.0).abs() < 1e-3, "e, {mn}: {e} {expect_e}");
        if mn + M_MU < M_K {
            let mu = find("K+ -> mu+ N").unwrap();
            let expect_mu = 0.6356 * rho(M_MU, mn) * umu2;
            assert!(
                (mu / expect_mu - 1.0).abs() < 1e-3,
                "mu, {mn}: {mu} {expect_mu}"
            );
        } else {
            assert!(find("K+ -> mu+ N").is_none());
        }
    }
}

#[test]
fn semileptonic_standard_model_limit() {
    // (parent, daughter, lepton index, PDG 2024 BR, tolerance)
    let cases: &[(i32, i32, usize, f64, f64, &str)] = &[
        (321, 111, 0, 5.07e-2, 0.15, "K+ -> pi0 e+ nu"),
        (321, 111, 1, 3.352e-2, 0.15, "K+ -> pi0 mu+ nu"),
        (421, -321, 0, 3.549e-2, 0.15, "D0 -> K- e+ nu"),
        (411, -311, 0, 8.72e-2, 0.15, "D+ -> K0bar e+ nu"),
        (421, -211, 0, 2.91e-3, 0.15, "D0 -> pi- e+ nu"),
        (411, 111, 0, 3.72e-3, 0.15, "D+ -> pi0 e+ nu"),
        (521, -421, 0, 2.35e-2, 0.25, "B+ -> D0bar e+ nu"),
        (511, -411, 0, 2.24e-2, 0.25, "B0 -> D- e+ nu"),
        (421, -323, 0, 2.15e-2, 0.15, "D0 -> K*- e+ nu"),
        (411, -313, 0, 5.40e-2, 0.15, "D+ -> K*0bar e+ nu"),
        (521, -423, 0, 5.58e-2, 0.25, "B+ -> D*0bar e+ nu"),
        (511, -413, 0, 4.97e-2, 0.25, "B0 -> D*- e+ nu"),
        (531, -431, 1, 2.31e-2, 0.25, "B_s0 -> D_s- mu+ nu"),
        (531, -433, 1, 5.2e-2, 0.25, "B_s0 -> D_s*- mu+ nu"),
    ];
    let mut bad = Vec::new();
    for &(p, d, l, pdg, tol, name) in cases {
        let ours = semileptonic_sm_branching_ratio(p, d, l);
        println!(
            "{name}: darkscan {ours:.4e}, PDG {pdg:.4e}, ratio {:.3}",
            ours / pdg
        );
        if (ours / pdg - 1.0).abs() > tol {
            bad.push(name);
        }
    }
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn leptonic_standard_model_limit() {
    // m_N → 0 with |U|² = 1: B(D_s⁺ → μ⁺ν) = 5.43×10⁻³, B(D_s⁺ → τ⁺ν) =
    // 5.36 %, B(D⁺ → μ⁺ν) = 3.74×10⁻⁴, B(B⁺ → τ⁺ν) = 1.09×10⁻⁴ (PDG 2024).
    let all = HnlModel::new(1.0, 1.0, 1.0, true).unwrap();
    let cases: &[(i32, &str, f64)] = &[
        (431, "D_s+ -> mu+ N", 5.43e-3),
        (431, "D_s+ -> tau+ N", 5.36e-2),
        (411, "D+ -> mu+ N", 3.74e-4),
        (521, "B+ -> tau+ N", 1.09e-4),
    ];
    for &(p, name, pdg) in cases {
        let ch = channels(p, 1e-6, &all).unwrap();
        let ours = ch.iter().find(|c| c.name == name).unwrap().branching_ratio;
        println!(
            "{name}: darkscan {ours:.4e}, PDG {pdg:.4e}, ratio {:.3}",
            ours / pdg
        );
        // B⁺ → τν: |V_ub| inclusive/exclusive tension and a 20 % measurement.
        let tol = if p == 521 { 0.25 } else { 0.10 };
        assert!((ours / pdg - 1.0).abs() < tol, "{name}: {ours} vs {pdg}");
    }
}
