//! The NA64e B−L Z′ missing-energy reach (`na64e-b-minus-l-2022`,
//! NA64 PRL 129 (2022) 161801, arXiv:2207.09979).
//!
//! Checked here:
//!
//! 1. the coupling-vector identity the paper's method rests on: at equal
//!    exposure, efficiency and cross section, the B−L limit is the dark-photon
//!    invisible limit with ε e → g and the signal scaled by BR(Z′ → νν̄):
//!    g₉₀ = √(4πα) ε₉₀ / √BR_inv, to 10⁻⁶ (same shower, same yields);
//! 2. a recast of the **published** NA64 2016–2018 dark-photon limit
//!    (PRL 123 (2019) 121801, 2.84×10¹¹ EOT, DarkCast's digitisation, the
//!    values in `na64_invisible_reach.rs`) to the B−L exposure
//!    (3.22×10¹¹ EOT) and BR_inv = 3/4:
//!    g = √(4πα) ε₂₀₁₉ √(2.84/3.22) / √(3/4) — a check of the B−L
//!    bookkeeping against published numbers;
//! 3. the **published B−L curve** itself (the paper's Fig. 4, unbroken
//!    model, as digitised in FORESEE: `docs/validation/na64_b_minus_l_2022_lower.txt`,
//!    provenance and identification in its header).

mod common;
use common::{loglog_at, published_curve};
use darkscan::experiment::missing_energy_reach::run_missing_energy;
use darkscan::experiment::preset;
use darkscan::model::b_minus_l::{BMinusLModel, invisible_branching_ratio};
use darkscan::reach::ReachOptions;
use darkscan::units::ALPHA_EM;

fn lower_edges(name: &str, masses: &[f64], exposure: Option<f64>) -> Vec<f64> {
    let p = preset::load(name).unwrap();
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        exposure,
        ..ReachOptions::default()
    };
    let r = run_missing_energy(name, &p, &opts, &|_| {}).unwrap();
    r.limits.iter().map(|l| l.excluded[0].0).collect()
}

const MASSES: &[f64] = &[0.001, 0.01, 0.1, 0.5];

#[test]
fn b_minus_l_is_the_dark_photon_with_g_and_br_inv() {
    let g = lower_edges("na64e-b-minus-l-2022", MASSES, None);
    // The 2016-2018 dark-photon preset has no annihilation and BR_inv = 1
    // up to ε² corrections (< 1e-6 here); same shower settings and cut.
    let eps = lower_edges("na64e-invisible-2019", MASSES, Some(3.22e11));
    let e = (4.0 * std::f64::consts::PI * ALPHA_EM).sqrt();
    for ((m, g), eps) in MASSES.iter().zip(&g).zip(&eps) {
        let br = invisible_branching_ratio(&BMinusLModel::default(), *m).unwrap();
        let expected = e * eps / br.sqrt();
        println!(
            "m = {m} GeV: g_B-L = {g:.4e}, from eps {eps:.4e}: {expected:.4e}, BR_inv {br:.4}"
        );
        assert!((g / expected - 1.0).abs() < 1e-6, "{m}: {g} vs {expected}");
    }
}

/// Published 2016–2018 ε₉₀ (DarkCast digitisation of PRL 123 (2019) Fig. 3).
const PRL123_2019: &[(f64, f64)] = &[
    (0.001, 7.54e-6),
    (0.01, 3.30e-5),
    (0.1, 3.46e-4),
    (0.5, 3.36e-3),
];

#[test]
fn b_minus_l_against_the_recast_published_dark_photon_limit() {
    let masses: Vec<f64> = PRL123_2019.iter().map(|p| p.0).collect();
    let g = lower_edges("na64e-b-minus-l-2022", &masses, None);
    let e = (4.0 * std::f64::consts::PI * ALPHA_EM).sqrt();
    // Measured signal ratios of the dark-photon comparison at these masses
    // (na64_invisible_reach.rs): 0.675, 0.782, 1.031, 1.448; ±12 % each.
    let measured = [0.675, 0.782, 1.031, 1.448];
    for (((m, eps), g), r0) in PRL123_2019.iter().zip(&g).zip(measured) {
        let br = invisible_branching_ratio(&BMinusLModel::default(), *m).unwrap();
        let recast = e * eps * (2.84f64 / 3.22).sqrt() / br.sqrt();
        let r_sig = (recast / g).powi(2);
        println!("m = {m}: darkscan g {g:.3e}, recast {recast:.3e}, signal ratio {r_sig:.3}");
        assert!(
            r_sig > r0 / 1.12 && r_sig < r0 * 1.12,
            "{m}: {r_sig} vs {r0}"
        );
    }
}

#[test]
fn b_minus_l_preset_rejects_dark_sector_keys() {
    let base = preset::text("na64e-b-minus-l-2022").unwrap();
    for (from, to, key) in [
        (
            "annihilation = false",
            "annihilation = true",
            "model.annihilation",
        ),
        (
            "light_right_handed = true",
            "alpha_d = 0.1",
            "model.alpha_d",
        ),
        (
            "light_right_handed = true",
            "light_right_handed = true\nheavy_neutrino_mass_ratio = 0.3",
            "model.heavy_neutrino_mass_ratio",
        ),
    ] {
        let err = preset::parse(&base.replace(from, to), "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains(key), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
    // The broken model of the paper loads.
    let broken = base.replace(
        "light_right_handed = true",
        "light_right_handed = false\nheavy_neutrino_mass_ratio = 0.3333333333333333",
    );
    assert!(preset::parse(&broken, "x").is_ok());
    // A dark-photon preset must still give alpha_d.
    let dp = preset::text("na64e-invisible-2019")
        .unwrap()
        .replace("alpha_d = 0.5\n", "");
    let err = preset::parse(&dp, "x").unwrap_err().to_string();
    assert!(err.contains("model.alpha_d"), "{err}");
}

/// darkscan's lower edge against the published B−L limit (PRL 129 (2022)
/// 161801 Fig. 4, FORESEE digitisation), in g (the signal scales as g²).
///
/// Measured darkscan/published g (10⁵ shower events, seed 1): 0.90 at
/// 1 MeV, 1.09, 1.16, 1.16, 1.12, 1.12, 1.15, 1.18 at 2, 5, 10, 20, 50, 100,
/// 200 MeV — within the 25 % from 1 MeV to 0.2 GeV (darkscan
/// 10–18 % weaker above 2 MeV: a signal 0.72–0.85 of the published one, the
/// size of the single-efficiency approximation, ε_sig = 0.5 for NA64's
/// 0.5–0.7).
///
/// **Known disagreement above 2m_μ**: 1.36, 1.41, 1.46 at 0.3, 0.42,
/// 0.6 GeV. Part of it is a step at 2m_μ = 0.211 GeV that darkscan has and
/// the digitised curve does not: Z′ → μ⁺μ⁻ opens and BR_inv falls from 3/4
/// to 0.61–0.60, i.e. g up by √(0.75/BR_inv) = 1.10–1.12 (ratio 1.18 at
/// 0.21 GeV, 1.22 at 0.215 GeV). With that factor removed the ratio is
/// 1.23–1.31 at 0.3–0.6 GeV: a slow rise with mass that is not settled
/// (the paper's mass-dependent efficiency and the ETL K-factors at high
/// mass are the candidates; the published dark-photon comparison of the
/// same data, `na64_invisible_reach.rs`, trends the other way).
///
/// Asserted: the 25 % criterion at 1–200 MeV and every measured ratio
/// within ±0.04 (≈ ±8 % in signal), so a drift either way fails.
#[test]
fn b_minus_l_against_the_published_curve() {
    let masses = [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.42, 0.6,
    ];
    let measured = [
        0.901, 1.091, 1.160, 1.160, 1.115, 1.115, 1.147, 1.175, 1.356, 1.408, 1.464,
    ];
    let published = published_curve("na64_b_minus_l_2022_lower.txt");
    let g = lower_edges("na64e-b-minus-l-2022", &masses, None);
    for ((m, g), r0) in masses.iter().zip(&g).zip(measured) {
        let p = loglog_at(&published, *m);
        let ratio = g / p;
        println!("m = {m} GeV: darkscan g {g:.4e}, published {p:.4e}, ratio {ratio:.3}");
        if *m <= 0.2 {
            assert!((ratio - 1.0).abs() < 0.25, "{m}: {ratio}");
        }
        assert!((ratio - r0).abs() < 0.04, "{m}: {ratio} vs measured {r0}");
    }
}

/// darkscan's lower edge from 1 keV to 1 MeV against the published B−L
/// curve (PRL 129 (2022) 161801 Fig. 4, FORESEE digitisation: flat
/// 2.07×10⁻⁶ below 0.1 MeV, 2.3×10⁻⁶ at 0.3 MeV, 2.9×10⁻⁶ at 1 MeV), with
/// the light-mass continuation of the ETL cross section
/// (`production::electron_brem_light`). Below 2m_e BR(Z′ → νν̄) = 1.
///
/// Measured ratios 0.873, 0.878, 0.847, 0.843, 0.862, 0.901 at 1 keV,
/// 10 keV, 0.1, 0.3, 0.5 and 0.999 MeV: within the 25 %, darkscan
/// 10–16 % stronger (signal 1.23–1.41 × the published one). The shape
/// follows the curve: published g(1 keV)/g(1 MeV) = 0.716, darkscan 0.693.
/// Part of the offset is BR(Z′ → νν̄) = 1 below 2m_e against 3/4 above
/// (g × √(3/4) = 0.866 below 1.022 MeV): darkscan has that step, the
/// digitised curve shows none (it is smooth from 1 to 2 MeV, where darkscan
/// goes from 0.90 to 1.09). Without the step the ratios would be 0.97–1.04.
///
/// Asserted: the 25 % criterion and every measured ratio ± 0.04 in g
/// (≈ ± 8 % in signal).
#[test]
fn b_minus_l_below_one_mev_against_the_published_curve() {
    let masses = [1e-6, 1e-5, 1e-4, 3e-4, 5e-4, 9.99e-4];
    let measured = MEASURED_BELOW_ONE_MEV;
    let published = published_curve("na64_b_minus_l_2022_lower.txt");
    let g = lower_edges("na64e-b-minus-l-2022", &masses, None);
    for ((m, g), r0) in masses.iter().zip(&g).zip(measured) {
        let p = loglog_at(&published, *m);
        let ratio = g / p;
        println!("m = {m:e} GeV: darkscan g {g:.4e}, published {p:.4e}, ratio {ratio:.3}");
        assert!((ratio - 1.0).abs() < 0.25, "{m}: {ratio}");
        assert!((ratio - r0).abs() < 0.04, "{m}: {ratio} vs measured {r0}");
    }
}

/// Measured darkscan/published g at 1 keV, 10 keV, 0.1, 0.3, 0.5 MeV and
/// just below 1 MeV (10⁵ shower events, seed 1).
const MEASURED_BELOW_ONE_MEV: [f64; 6] = [0.873, 0.878, 0.847, 0.843, 0.862, 0.901];

/// Masses below [`LIGHT_MIN_MASS`] (1 keV, the lowest mass at which the
/// light-mass bremsstrahlung is checked) are refused with a one-line error
/// naming the mass; 1 keV itself is accepted.
#[test]
fn sub_kev_masses_are_refused() {
    use darkscan::production::electron_brem_light::LIGHT_MIN_MASS;
    let p = preset::load("na64e-b-minus-l-2022").unwrap();
    let opts = ReachOptions {
        masses: Some(vec![0.01, 3e-7]),
        ..ReachOptions::default()
    };
    let err = run_missing_energy("na64e-b-minus-l-2022", &p, &opts, &|_| {})
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("0.0000003") && err.contains("0.000001 GeV"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    assert_eq!(
        lower_edges("na64e-b-minus-l-2022", &[LIGHT_MIN_MASS], None).len(),
        1
    );
}
