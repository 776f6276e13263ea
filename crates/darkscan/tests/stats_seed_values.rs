//! Validation of the counting statistics against the numbers NA62 and NA64
//! published in the seed talks:
//! - NA62 beam dump A′→μμ, seed 000 (A. Kleimenova, Frascati 2022; the
//!   analysis is NA62, JHEP 09 (2023) 035): table "N_exp ± δN_exp, N_obs,
//!   p(N ≥ N_obs), p(L ≤ L_obs)" and "probability to observe 1 or more events
//!   in the SR is 1.59 %", "2.4σ".
//! - NA64, seed 002 (D. Peshekhonov, Lomonosov conference 2023): background
//!   tables "Total (conservatively) 0.51 ± 0.13" and "0.065 ± 0.032".
//!
//! The slides quote two digits; the exact values asserted here (four or more
//! digits) follow from the definitions in `stats` and were fixed in the
//! foundation issue. Where the slide differs, the comment says why.

use darkscan::stats::{
    BackgroundTerm, LimitMethod, pvalues, pvalues_correlated, sum_backgrounds, upper_limit,
};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// (b, δ, N_obs, p_excess, p_likelihood) for the single regions of the NA62
/// table.
const NA62_REGIONS: &[(f64, f64, u64, f64, f64)] = &[
    // CR1: slide 0.25, 0.25.
    (0.29, 0.04, 1, 0.2511, 0.2511),
    // CR2: slide 0.44, 0.44.
    (0.58, 0.07, 1, 0.4387, 0.4387),
    // CR3: slide 0.50, 0.68. The slide's 0.68 is a toy-MC value; 0.6909 is exact.
    (1.70, 0.22, 2, 0.5037, 0.6909),
    // CR1+2+3 total: slide 0.26 (p_likelihood uses the joint model below).
    (2.57, 0.33, 4, 0.2595, f64::NAN),
    // CR: slide 1.0, 1.0.
    (0.17, 0.02, 0, 1.0, 1.0),
    // Outside CR: slide 0.47, 0.74. The 0.47 is not reproducible: it equals
    // P(N ≥ 27), one count lower than the observed 28; P(N ≥ 28) = 0.4065.
    (26.3, 3.4, 28, 0.4065, 0.7440),
];

#[test]
fn na62_control_region_pvalues() {
    for &(b, d, n, pe, pl) in NA62_REGIONS {
        let p = pvalues(n, b, d).unwrap();
        assert!(
            close(p.p_excess, pe, 5e-5),
            "b={b}±{d} n={n}: p_excess {} vs {pe}",
            p.p_excess
        );
        if !pl.is_nan() {
            assert!(
                close(p.p_likelihood, pl, 5e-5),
                "b={b}±{d} n={n}: p_likelihood {} vs {pl}",
                p.p_likelihood
            );
        }
    }
}

#[test]
fn na62_outside_cr_slide_value_is_one_count_lower() {
    // Documents why the slide's 0.47 is not reproduced: it is P(N ≥ 27).
    let p27 = pvalues(27, 26.3, 3.4).unwrap().p_excess;
    assert!(close(p27, 0.47, 5e-3), "P(N>=27) = {p27}");
}

#[test]
fn na62_joint_control_regions() {
    // CR1+2+3 as three regions with fully correlated errors: slide 0.24.
    let p = pvalues_correlated(&[1, 1, 2], &[0.29, 0.58, 1.70], &[0.04, 0.07, 0.22]).unwrap();
    assert!(close(p.p_likelihood, 0.2396, 5e-5), "{}", p.p_likelihood);
    assert!(close(p.p_excess, 0.2595, 5e-5), "{}", p.p_excess);
    // Without the background errors.
    let p = pvalues_correlated(&[1, 1, 2], &[0.29, 0.58, 1.70], &[0.0, 0.0, 0.0]).unwrap();
    assert!(close(p.p_likelihood, 0.2373, 5e-5), "{}", p.p_likelihood);
}

#[test]
fn na62_signal_region_significance() {
    // SR: 0.016 ± 0.002 expected, 1 observed: "1.59 %", "2.4σ global".
    // With δ = 0: 1 − e^{-0.016} = 0.015873 (the value the foundation issue
    // lists); the smeared value is 1 − e^{-0.016 + δ²/2} = 0.015871. Both round
    // to the slide's 1.59 %.
    let p0 = pvalues(1, 0.016, 0.0).unwrap();
    assert!(close(p0.p_excess, 0.015873, 1e-6), "{}", p0.p_excess);
    let p = pvalues(1, 0.016, 0.002).unwrap();
    assert!(close(p.p_excess, 0.015871, 1e-6), "{}", p.p_excess);
    assert!(close(p.z_two_sided, 2.412, 1e-3), "{}", p.z_two_sided);
    assert!(close(p.z_one_sided, 2.148, 1e-3), "{}", p.z_one_sided);
}

#[test]
fn na64_background_sums() {
    let terms: Vec<BackgroundTerm> = ["0.04+-0.01", "0.3+-0.05", "0.16+-0.12", "<0.01"]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
    let s = sum_backgrounds(&terms).unwrap();
    assert!(close(s.total, 0.51, 1e-12));
    assert!(close(s.error, 0.13, 5e-3), "{}", s.error);
    let terms: Vec<BackgroundTerm> = ["0.045+-0.031", "0.010+-0.001", "<0.01"]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
    let s = sum_backgrounds(&terms).unwrap();
    assert!(close(s.total, 0.065, 1e-12));
    assert!(close(s.error, 0.032, 5e-4), "{}", s.error);
}

/// 90 % CL upper limits, to 1e-6.
#[test]
fn upper_limits_at_90_cl() {
    let cases: &[(LimitMethod, u64, f64, f64, f64)] = &[
        (LimitMethod::Classical, 0, 0.0, 0.0, std::f64::consts::LN_10),
        (LimitMethod::Classical, 1, 0.17, 0.0, 3.719_720),
        (LimitMethod::Cls, 1, 0.17, 0.0, 3.736_051),
        (LimitMethod::Cls, 2, 0.51, 0.0, 4.834_395),
        // Feldman & Cousins PRD 57 (1998) 3873, Table IV: n=0, b=0 → 2.44;
        // n=3, b=0 → 7.42.
        (LimitMethod::FeldmanCousins, 0, 0.0, 0.0, 2.435_915),
        (LimitMethod::FeldmanCousins, 1, 0.51, 0.0, 3.847_409),
        (LimitMethod::FeldmanCousins, 3, 0.0, 0.0, 7.424_984),
        (LimitMethod::Cls, 1, 0.51, 0.13, 3.512_212),
    ];
    for &(m, n, b, d, expected) in cases {
        let ul = upper_limit(m, n, b, d, 0.9).unwrap();
        assert!(
            close(ul, expected, 1.5e-6),
            "{m} n={n} b={b}±{d}: {ul} vs {expected}"
        );
    }
}

#[test]
fn cls_with_no_events_is_ln10_for_every_background() {
    for &b in &[0.0, 0.17, 0.51, 3.0, 25.0] {
        for &d in &[0.0, 0.1] {
            let ul = upper_limit(LimitMethod::Cls, 0, b, d, 0.9).unwrap();
            assert!(close(ul, 10f64.ln(), 1e-8), "b={b}±{d}: {ul}");
        }
    }
}

#[test]
fn feldman_cousins_table_values() {
    // Feldman & Cousins PRD 57 (1998) 3873, Table IV (90 % CL upper ends):
    // (n, b) → UL: (0, 0.5) 1.94, (1, 1.0) 3.36, (2, 2.0) 3.91, (5, 3.0) 6.99.
    for &(n, b, ul_pub) in &[
        (0u64, 0.5, 1.94),
        (1, 1.0, 3.36),
        (2, 2.0, 3.91),
        (5, 3.0, 6.99),
    ] {
        let ul = upper_limit(LimitMethod::FeldmanCousins, n, b, 0.0, 0.9).unwrap();
        assert!(close(ul, ul_pub, 0.006), "n={n} b={b}: {ul} vs {ul_pub}");
    }
}
