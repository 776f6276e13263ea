//! NA62 kaon-mode K⁺ → ℓ⁺N presets: the published per-mass |U_ℓ|² limits
//! (HEPData, PLB 807 (2020) 135599 for e; PLB 816 (2021) 136259 for μ;
//! `crates/darkscan/data/na62_K*N_*.txt`) re-expressed for coupling vectors,
//! the τ_N > 50 ns validity condition, and the first-principles expected
//! sensitivity compared with them.

use darkscan::experiment::kaon_mode::KaonPreset;
use darkscan::experiment::search::SearchPreset;
use darkscan::model::ModelSpec;
use darkscan::reach::{ReachOptions, ReachResult};
use darkscan::run_preset;

fn preset(name: &str) -> KaonPreset {
    match SearchPreset::load(name).unwrap() {
        SearchPreset::Kaon(p) => p,
        _ => unreachable!(),
    }
}

fn run(p: &KaonPreset, masses: Option<Vec<f64>>, expected: bool) -> ReachResult {
    let opts = ReachOptions {
        masses,
        expected_sensitivity: expected,
        ..ReachOptions::default()
    };
    run_preset("t", &SearchPreset::Kaon(p.clone()), &opts, &|_| {}).unwrap()
}

#[test]
fn published_limits_are_reproduced_and_rescaled() {
    for name in ["na62-kaon-hnl-e", "na62-kaon-hnl-mu"] {
        let p = preset(name);
        let table = p.limits().unwrap();
        let r = run(&p, None, false);
        assert_eq!(r.limits.len(), table.len());
        assert_eq!(r.coupling_label(), "U^2");
        // Below 0.3 GeV the N is long-lived for every excluded U²: each
        // lower edge is the published number (root finding to 1e-9 in ln g).
        for (l, &(m, u2)) in r.limits.iter().zip(&table) {
            assert!((l.mass - m).abs() < 1e-12);
            let lo = l.excluded[0].0;
            assert!((lo / u2 - 1.0).abs() < 1e-6, "{name} m = {m}: {lo} vs {u2}");
        }
        // A vector with half of its weight on the other lepton: the scale
        // limit doubles.
        let mut half = p.clone();
        half.model = Some(ModelSpec::Hnl {
            ue2: 0.5,
            umu2: 0.5,
            utau2: 0.0,
            dirac: false,
        });
        let r2 = run(&half, Some(vec![0.3]), false);
        let u2 = darkscan::experiment::kaon_mode::interpolate(&table, 0.3).unwrap();
        assert!((r2.limits[0].excluded[0].0 / (2.0 * u2) - 1.0).abs() < 1e-6);
    }
}

#[test]
fn lifetime_condition_closes_the_exclusion() {
    // τ_N > 50 ns: g ≤ ħ/(Γ₁ τ_min). A Majorana HNL is twice as wide as a
    // Dirac one, so its validity edge is half as high.
    let p = preset("na62-kaon-hnl-e");
    let maj = run(&p, Some(vec![0.4]), false).limits[0].excluded[0];
    let mut d = p.clone();
    d.model = Some(ModelSpec::Hnl {
        ue2: 1.0,
        umu2: 0.0,
        utau2: 0.0,
        dirac: true,
    });
    let dir = run(&d, Some(vec![0.4]), false).limits[0].excluded[0];
    let (hm, hd) = (maj.1.unwrap(), dir.1.unwrap());
    assert!((hd / hm - 2.0).abs() < 1e-3, "{hm} {hd}");
    // With τ_min = 0.1 s (2e6 times stricter) g_max falls below g_UL at
    // 0.45 GeV: nothing valid is left.
    let mut strict = p.clone();
    strict.lifetime_min_ns = 1e8;
    let r = run(&strict, Some(vec![0.45]), false);
    assert!(r.limits[0].excluded.is_empty(), "{:?}", r.limits[0]);
}

/// Median of expected/published lower-edge ratios of the masses in
/// [lo, hi).
fn band_median(exp: &ReachResult, publ: &ReachResult, lo: f64, hi: f64) -> f64 {
    let mut r: Vec<f64> = exp
        .limits
        .iter()
        .zip(&publ.limits)
        .filter(|(a, _)| a.mass >= lo && a.mass < hi)
        .filter(|(a, b)| !a.excluded.is_empty() && !b.excluded.is_empty())
        .map(|(a, b)| a.excluded[0].0 / b.excluded[0].0)
        .collect();
    r.sort_by(f64::total_cmp);
    r[r.len() / 2]
}

#[test]
fn expected_sensitivity_against_the_published_limits() {
    // n_kaon_decays is calibrated at 0.300 GeV (presets); the mass
    // dependence elsewhere is darkscan's prediction (acceptance × Shrock ρ).
    // The published per-mass limits fluctuate with the observed counts and
    // carry a mass-dependent background that the expected calculation (zero
    // background per window) does not model: the band medians of
    // expected/published are asserted as measured, ±30 %.
    for (name, bands) in [
        (
            "na62-kaon-hnl-e",
            vec![
                (0.14, 0.2, 0.47),
                (0.2, 0.25, 0.83),
                (0.3, 0.35, 0.85),
                (0.4, 0.45, 1.09),
            ],
        ),
        (
            "na62-kaon-hnl-mu",
            vec![(0.2, 0.25, 0.35), (0.3, 0.35, 1.23), (0.35, 0.4, 2.09)],
        ),
    ] {
        let p = preset(name);
        let exp = run(&p, None, true);
        let publ = run(&p, None, false);
        let at = run(&p, Some(vec![0.3]), true).limits[0].excluded[0].0;
        let pub_at = run(&p, Some(vec![0.3]), false).limits[0].excluded[0].0;
        assert!(
            (at / pub_at - 1.0).abs() < 0.03,
            "{name}: calibration point {at} vs {pub_at}"
        );
        for (lo, hi, measured) in bands {
            let m = band_median(&exp, &publ, lo, hi);
            println!("{name} [{lo}, {hi}): median expected/published {m:.3}");
            assert!(
                (m / measured - 1.0).abs() < 0.3,
                "{name} [{lo},{hi}): {m} vs {measured}"
            );
        }
    }
}
