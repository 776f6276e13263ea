//! NA62 K⁺ → π⁺X limits (JHEP 06 (2021) 093 Fig. 9, digitised; stable X and
//! τ_X = 5 … 0.1 ns) re-expressed as θ² of a dark scalar
//! (`na62-kaon-pinunu-scalar`). NA62's own θ² interpretation was not
//! reachable, so these tests check the conversion against the published BR
//! curves themselves: long-lived limit, the π⁰ gap, and the short-lifetime
//! end of the exclusion.

use darkscan::experiment::kaon_mode::parse_limit_table_with_gaps;
use darkscan::experiment::kaon_pinunu::PUBLISHED_BR_LIMITS;
use darkscan::experiment::search::SearchPreset;
use darkscan::model::Fip;
use darkscan::model::scalar::ScalarModel;
use darkscan::reach::ReachOptions;
use darkscan::run_preset;
use darkscan::units::HBAR_GEV_S;

fn run(masses: &[f64]) -> darkscan::reach::ReachResult {
    let p = SearchPreset::load("na62-kaon-pinunu-scalar").unwrap();
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        ..ReachOptions::default()
    };
    run_preset("t", &p, &opts, &|_| {}).unwrap()
}

/// BR(K⁺ → π⁺S) at θ² = 1 and τ_S at θ² = 1 (s).
fn b1_tau1(m: f64) -> (f64, f64) {
    let s = ScalarModel::new(1.0).unwrap();
    let b1: f64 = darkscan::production::scalar::channels(321, m, &s)
        .unwrap()
        .iter()
        .map(|c| c.branching_ratio)
        .sum();
    (b1, HBAR_GEV_S / s.decays(m).unwrap().total_width(1.0))
}

#[test]
fn long_lived_scalar_limit_is_the_stable_curve() {
    // Below 2m_μ the scalar decays to e⁺e⁻ and γγ only: at the excluded θ²
    // its lifetime is ≫ 5 ns, so θ²_UL · B₁ equals the stable-X limit up to
    // the (τ₅ns/τ) correction of the lifetime interpolation.
    let inf = parse_limit_table_with_gaps(PUBLISHED_BR_LIMITS[0].1, "inf").unwrap();
    let masses = [0.02, 0.05, 0.09, 0.18];
    let r = run(&masses);
    assert_eq!(r.coupling_label(), "theta^2");
    for (l, &m) in r.limits.iter().zip(&masses) {
        let lo = l.excluded[0].0;
        let (b1, tau1) = b1_tau1(m);
        let tau = tau1 / lo;
        let ratio = lo * b1 / inf.at(m).unwrap();
        println!("m = {m}: theta2 {lo:.3e}, tau {tau:.2e} s, theta2*B1/BR_inf {ratio:.4}");
        assert!(tau > 5e-8, "m = {m}: tau {tau}");
        assert!((1.0..1.02).contains(&ratio), "m = {m}: {ratio}");
    }
}

#[test]
fn no_limit_in_the_pi0_gap_and_the_island_closes_at_short_lifetime() {
    let r = run(&[0.13, 0.25]);
    assert!(r.limits[0].excluded.is_empty(), "{:?}", r.limits[0]);
    // At 0.25 GeV the scalar decays to μμ: the exclusion ends where τ_S
    // falls to the shortest published lifetime that covers this mass (the
    // 0.2 and 0.1 ns curves end at 0.248 and 0.096 GeV, so it is 0.5 ns).
    let (lo, hi) = r.limits[1].excluded[0];
    let hi = hi.expect("closed island");
    let (_, tau1) = b1_tau1(0.25);
    let tau_hi = tau1 / hi;
    println!("0.25 GeV: {lo:.3e} .. {hi:.3e}, tau at the upper edge {tau_hi:.3e} s");
    assert!(lo < hi);
    assert!((tau_hi / 5e-10 - 1.0).abs() < 1e-6, "{tau_hi}");
}
