//! NA64 visible mode (A′/X17 → e⁺e⁻ behind the WCAL dump) against the
//! published results.
//!
//! References:
//! - PRL 120 (2018) 231802, arXiv:1803.07748 (2017 run, 100 GeV, 5.4×10¹⁰
//!   EOT): abstract "1.3×10⁻⁴ < ε_e < 4.2×10⁻⁴" for the 16.7 MeV X.
//! - PRD 101 (2020) 071101, arXiv:1912.11389 (2017 + 2018, 8.4×10¹⁰ EOT):
//!   abstract "1.2×10⁻⁴ < ε_e < 6.8×10⁻⁴"; the band from ≈ 1.3 to 24.75 MeV
//!   as digitised in FORESEE (`docs/validation/na64_visible_x17_2020_*.txt`,
//!   provenance in their headers).
//!
//! What is fitted and what is validated. The WCAL's X₀ in metres
//! (`dump_x0_m`, both runs) and the signal efficiency are fitted to the two
//! 2020 edges at 16.7 MeV (`combined_edges_at_16_7_mev_are_the_fit`). The
//! 2017-only result (other beam energy, other WCAL depth, other exposure) and
//! the mass dependence of both edges are predictions. Tolerances are in ε,
//! the quantity published: the lower edge ∝ N^(−1/2) (ε ≳ 10 MeV) to N^(−1/4)
//! (low mass, A′ decaying rarely inside the decay volume), so 30 % in ε is a
//! factor 1.7–2.9 in signal; the upper edge moves ∝ L^(−1/2) with the dump
//! length L.

mod common;

use common::{loglog_at, published_curve};
use darkscan::experiment::search::SearchPreset;
use darkscan::reach::{ReachOptions, ReachResult};
use darkscan::run_preset;

fn reach(name: &str, masses: &[f64]) -> ReachResult {
    let p = SearchPreset::load(name).unwrap();
    assert!(matches!(p, SearchPreset::VisibleDump(_)));
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        ..ReachOptions::default()
    };
    run_preset(name, &p, &opts, &|_| {}).unwrap()
}

/// (lower, upper) edge of the one excluded band at each mass (None: none).
fn edges(r: &ReachResult) -> Vec<Option<(f64, f64)>> {
    r.limits
        .iter()
        .map(|l| {
            assert!(l.excluded.len() <= 1, "{l:?}");
            l.excluded.first().map(|&(lo, hi)| (lo, hi.unwrap()))
        })
        .collect()
}

#[test]
fn combined_edges_at_16_7_mev_are_the_fit() {
    // PRD 101 (2020) 071101 abstract: 1.2e-4 < eps_e < 6.8e-4 at 16.7 MeV.
    // The preset's dump_x0_m = 6.49 mm and efficiency 0.355 were fitted to
    // these two numbers; 2 % checks that they are still the fit.
    let r = reach("na64e-visible-x17", &[0.0167]);
    let (lo, hi) = edges(&r)[0].unwrap();
    assert!((lo / 1.2e-4 - 1.0).abs() < 0.02, "lower {lo:e}");
    assert!((hi / 6.8e-4 - 1.0).abs() < 0.02, "upper {hi:e}");
}

/// The uncalibrated result, pinned so the calibration's size stays visible:
/// the same preset with pure tungsten's X₀ (3.504 mm, PDG) for the WCAL and
/// the NA64 invisible-mode efficiency 0.5 instead of the fitted 6.49 mm and
/// 0.355. Measured at 16.7 MeV: 1.029e-4 < ε < 1.135e-3 against the
/// published 1.2e-4 < ε < 6.8e-4 (ratios 0.86 and 1.67: the upper edge,
/// set by the WCAL length the A′ must survive, is what the calibration
/// moves most); asserted as measured ± 3 %.
#[test]
fn uncalibrated_edges_at_16_7_mev_as_measured() {
    let text = darkscan::experiment::search::shipped_text("na64e-visible-x17")
        .unwrap()
        .replace("dump_x0_m = 0.00649", "dump_x0_m = 0.003504")
        .replace("signal_efficiency = 0.355", "signal_efficiency = 0.5");
    let p = SearchPreset::parse(&text, "uncalibrated").unwrap();
    let opts = ReachOptions {
        masses: Some(vec![0.0167]),
        ..ReachOptions::default()
    };
    let r = run_preset("uncalibrated", &p, &opts, &|_| {}).unwrap();
    let (lo, hi) = edges(&r)[0].unwrap();
    println!("uncalibrated at 16.7 MeV: {lo:e} < eps < {hi:e}");
    assert!((lo / UNCAL_LO - 1.0).abs() < 0.03, "lower {lo:e}");
    assert!((hi / UNCAL_HI - 1.0).abs() < 0.03, "upper {hi:e}");
}

/// Measured by `uncalibrated_edges_at_16_7_mev_as_measured`.
const UNCAL_LO: f64 = 1.029e-4;
const UNCAL_HI: f64 = 1.135e-3;

#[test]
fn run_2017_alone_reproduces_the_2018_paper() {
    // PRL 120 (2018) 231802 abstract: 1.3e-4 < eps_e < 4.2e-4 at 16.7 MeV
    // with 5.4e10 EOT at 100 GeV, the 40 X0 WCAL. Not fitted: same dump_x0_m
    // and efficiency as the combined preset. Measured: lower 1.53e-4
    // (ratio 1.18), upper 4.37e-4 (1.04). Asserted: the brief's 30 % in eps,
    // and the measured ratios within ±0.08 so that a drift is seen.
    let r = reach("na64e-visible-x17-2017", &[0.0167]);
    let (lo, hi) = edges(&r)[0].unwrap();
    let (rl, ru) = (lo / 1.3e-4, hi / 4.2e-4);
    assert!(
        (rl - 1.0).abs() < 0.3 && (ru - 1.0).abs() < 0.3,
        "{rl} {ru}"
    );
    assert!((rl - 1.18).abs() < 0.08, "lower ratio {rl}");
    assert!((ru - 1.04).abs() < 0.08, "upper ratio {ru}");
}

#[test]
fn combined_band_shape_against_the_published_contour() {
    let lower = published_curve("na64_visible_x17_2020_lower.txt");
    let upper = published_curve("na64_visible_x17_2020_upper.txt");
    // (mass, measured lower ratio, measured upper ratio): darkscan edge over
    // the digitised published edge, measured with the shipped preset.
    let points = [
        (0.0015, 1.66, 1.37),
        (0.002, 1.53, 1.11),
        (0.003, 1.38, 1.10),
        (0.005, 1.25, 1.15),
        (0.007, 1.18, 1.17),
        (0.010, 1.11, 1.14),
        (0.013, 1.06, 1.10),
        (0.020, 1.00, 0.95),
        (0.022, 1.00, 0.90),
        (0.023, 1.03, 0.86),
        (0.0238, 1.11, 0.78),
    ];
    let masses: Vec<f64> = points.iter().map(|p| p.0).collect();
    let r = reach("na64e-visible-x17", &masses);
    for (&(m, want_lo, want_hi), e) in points.iter().zip(edges(&r)) {
        let (lo, hi) = e.unwrap_or_else(|| panic!("no exclusion at {m}"));
        let rl = lo / loglog_at(&lower, m);
        let ru = hi / loglog_at(&upper, m);
        // Every ratio as measured, ±0.06 (the shower statistics move them by
        // < 1 %; a change of physics or inputs moves them more).
        assert!((rl - want_lo).abs() < 0.06, "lower at {m}: {rl}");
        assert!((ru - want_hi).abs() < 0.06, "upper at {m}: {ru}");
        // 30 % in eps holds for both edges from 5 to 23 MeV (below,
        // darkscan's lower edge is 1.4-1.7x the published one; near the tip
        // the band closes 0.8 MeV early).
        if (0.005..=0.023).contains(&m) {
            assert!((rl - 1.0).abs() < 0.3 && (ru - 1.0).abs() < 0.3, "{m}");
        }
    }
    // The band closes between 23.9 and 24.0 MeV (published: 24.75 MeV).
    let r = reach("na64e-visible-x17", &[0.0239, 0.024, 0.02475]);
    let e = edges(&r);
    assert!(e[0].is_some() && e[1].is_none() && e[2].is_none(), "{e:?}");
}
