//! The NA64 positron-beam missing-energy preset (`na64e-positron-2022`):
//! NA64, Phys. Rev. D 109 (2024) L031103 (arXiv:2308.15612), 100 GeV e⁺,
//! (10.1 ± 0.1)×10⁹ positrons on target, no event in the signal region.
//!
//! A positron beam adds the primary positron to the resonant annihilation
//! e⁺e⁻ → A′ on atomic electrons (Marsicano et al., PRL 121 (2018) 041802):
//! resonant at E₊ = E_R = (m² − 2m_e²)/2m_e, so at the beam energy for
//! m = √(2m_e(E₀ + m_e)) = 0.3197 GeV. The primary's contribution is its
//! track length near E₀, in the shower MC the top energy bin of the positron
//! histogram.
//!
//! Published 90 % CL limits on ε: the NA64 e⁺ curve as provided for the
//! European Strategy input (`ESPP2026-PPG/Quasi-elastic-DM`, file
//! `Na64/NA64e+_2022.csv`), compared at α_D = 0.1, m_A′ = 3m_χ — the α_D of
//! the same input's e⁻ curve (tests/na64_invisible_reach.rs); for the e⁺
//! file α_D is assumed, not verified. The preset's signal box
//! (E_ECAL < 50 GeV), background (0) and efficiency (0.5) are not from the
//! paper (its body was not reachable; see the preset's comments), so the
//! comparison tests those assumptions as much as the physics.

use darkscan::experiment::missing_energy::MissingEnergySetup;
use darkscan::experiment::missing_energy_reach::run_missing_energy;
use darkscan::experiment::preset;
use darkscan::production::annihilation::mandelstam_s;
use darkscan::production::shower::brem_rate_above;
use darkscan::reach::ReachOptions;

const NAME: &str = "na64e-positron-2022";

/// α_D of the published curve (see the module comment).
const ALPHA_D_OF_THE_CURVE: f64 = 0.1;

/// darkscan's lower edge of the excluded ε band at each mass.
fn ours(masses: &[f64], alpha_d: Option<f64>) -> Vec<f64> {
    let p = preset::load(NAME).unwrap();
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        alpha_d,
        ..ReachOptions::default()
    };
    let r = run_missing_energy(NAME, &p, &opts, &|_| {}).unwrap();
    r.limits.iter().map(|l| l.excluded[0].0).collect()
}

/// m_A′ (GeV) at which the primary positron annihilates resonantly on an
/// electron at rest: √s = √(2m_e(E₀ + m_e)).
fn primary_peak_mass(beam_energy: f64) -> f64 {
    mandelstam_s(beam_energy).sqrt()
}

#[test]
fn preset_is_the_published_positron_run() {
    let p = preset::load(NAME).unwrap();
    assert_eq!(p.kind.as_deref(), Some("missing-energy"));
    assert_eq!(p.beam.particle, "e+");
    assert_eq!(p.beam.energy_gev, 100.0);
    // PRD 109 (2024) L031103, abstract: (10.1 ± 0.1)×10⁹ e⁺OT, 0 events.
    assert_eq!(p.exposure.particles_on_target, 1.01e10);
    assert_eq!(p.statistics.observed, 0);
    assert!(p.model.annihilation);
    assert!(preset::names().contains(&NAME));
}

/// The primary positron is tracked as a positron and its path near E₀ fills
/// the top bin of T₊. It leaves that bin (width δ = 1 − E_lo/E₀) at its first
/// bremsstrahlung with y = k/E > δ, at the rate λ(δ) = ∫_δ¹ (1/y)(4/3 − 4/3y +
/// y²) dy per X₀ (the complete-screening spectrum of the shower MC, Tsai,
/// Rev. Mod. Phys. 46 (1974) 815, eq. 3.83, without its small last term;
/// [`brem_rate_above`]), so
/// T₊(top) ≈ 1/λ(δ) X₀; the many softer photons (y < δ, energy loss ≈ (4/3)δ
/// per X₀) shorten it a little. Measured (20 000 primaries, δ = 0.346 %):
/// T₊(top) = 0.141 X₀ against 1/λ(δ) = 0.149 X₀ (ratio 0.95); asserted
/// 0.85–1.00. An e⁻ beam has no positron there (measured 0).
#[test]
fn primary_positron_fills_the_top_bin() {
    let p = preset::load(NAME).unwrap();
    let mut setup = MissingEnergySetup {
        beam_energy: p.beam.energy_gev,
        ecal_energy_max: p.selection.ecal_energy_max_gev,
        material: p.material().unwrap(),
        thickness_x0: p.target.thickness_x0,
        positron_beam: true,
        method: p.brem_method().unwrap(),
        shower_events: 20_000,
        seed: 1,
    };
    let t = setup.track_lengths();
    let n = t.edges.len() - 1;
    let delta = 1.0 - t.edges[n - 1] / t.edges[n];
    let expected = 1.0 / brem_rate_above(delta);
    let top = t.positron[n - 1];
    setup.positron_beam = false;
    let top_e_beam = setup.track_lengths().positron[n - 1];
    println!(
        "delta {delta:.5}  T+(top) e+ beam {top:.4} X0  e- beam {top_e_beam:.2e}  1/lambda {expected:.4}"
    );
    assert!(
        top > 0.85 * expected && top < expected,
        "{top} vs {expected}"
    );
    assert!(top_e_beam < 1e-3 * top, "{top_e_beam}");
}

/// The strongest limit of a 5 MeV grid (0.20–0.45 GeV) at α_D = 0.1 sits at
/// the primary positron's resonance m = √(2m_e(E₀ + m_e)) = 0.3197 GeV,
/// within one grid step; on the preset's own grid (100 log-spaced masses,
/// 1 MeV–1 GeV, step 7.2 % in m) the largest gain over the
/// bremsstrahlung-only limit does. Measured: the
/// 5 MeV grid's minimum ε = 3.16×10⁻⁴ at 0.320 GeV, against 4.23×10⁻⁴ on
/// the shower-positron plateau (0.235–0.30 GeV).
///
/// With the preset's α_D = 0.5 (Γ/m ≈ 0.15, the resonance spans ±15 % of
/// E_R) the peak is washed out: the limit is flat within 6 % from 0.235 to
/// 0.31 GeV, strongest at 0.25 GeV.
#[test]
fn resonance_peak_at_the_beam_energy() {
    let m_peak = primary_peak_mass(100.0);
    assert!((m_peak - 0.3197).abs() < 5e-4, "{m_peak}");
    let step = 0.005;
    let grid: Vec<f64> = (0..=50).map(|i| 0.20 + step * f64::from(i)).collect();
    let eps = ours(&grid, Some(ALPHA_D_OF_THE_CURVE));
    let (i_min, _) = eps
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .unwrap();
    assert!(
        (grid[i_min] - m_peak).abs() <= step,
        "strongest limit at {} GeV, expected {m_peak:.4}",
        grid[i_min]
    );
    // The preset's own grid (100 log-spaced masses, 1 MeV–1 GeV): there ε
    // itself is smallest at 1 MeV, so the peak is the largest gain of the
    // annihilation, ε(bremsstrahlung only)/ε(with annihilation), which must
    // sit within one grid step (a factor 10^(3/99)) of the resonance.
    let p = preset::load(NAME).unwrap();
    let n = p.scan.n_masses;
    let step = (p.scan.mass_max_gev / p.scan.mass_min_gev).powf(1.0 / (n as f64 - 1.0));
    let grid: Vec<f64> = (0..n)
        .map(|i| p.scan.mass_min_gev * step.powi(i as i32))
        .collect();
    let with = ours(&grid, Some(ALPHA_D_OF_THE_CURVE));
    let text = preset::text(NAME)
        .unwrap()
        .replace("annihilation = true", "annihilation = false");
    let brem_only = preset::parse(&text, "brem-only").unwrap();
    let opts = ReachOptions {
        alpha_d: Some(ALPHA_D_OF_THE_CURVE),
        ..ReachOptions::default()
    };
    let without: Vec<f64> = run_missing_energy(NAME, &brem_only, &opts, &|_| {})
        .unwrap()
        .limits
        .iter()
        .map(|l| l.excluded[0].0)
        .collect();
    let (i_max, gain) = without
        .iter()
        .zip(&with)
        .map(|(a, b)| a / b)
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    println!("largest gain {gain:.2} at {:.4} GeV", grid[i_max]);
    let r = grid[i_max] / m_peak;
    assert!(
        r < step && r > 1.0 / step,
        "largest gain at {} GeV",
        grid[i_max]
    );
}

/// (m_A′ in GeV, published ε₉₀): points of `Na64/NA64e+_2022.csv` (values
/// as listed there, rounded to 4 digits) where darkscan is within 30 % in ε.
const PUBLISHED_WITHIN_30: &[(f64, f64)] = &[
    (0.010402, 2.228e-4),
    (0.100055, 1.860e-3),
    (0.150602, 2.404e-3),
    (0.202279, 1.748e-3),
    (0.233405, 4.794e-4),
    (0.245646, 4.786e-4),
    (0.257586, 4.973e-4),
    (0.274081, 5.189e-4),
    (0.298636, 5.408e-4),
];

/// Points of the same file near and above the primary's resonance, where
/// darkscan is more than 30 % stronger, with darkscan's measured ε ratio.
const PUBLISHED_KNOWN_DEVIATION: &[(f64, f64, f64)] = &[
    (0.309176, 5.629e-4, 0.678),
    (0.312581, 6.180e-4, 0.567),
    (0.356489, 3.501e-3, 0.600),
    (0.401549, 8.925e-3, 0.529),
];

/// darkscan against the published e⁺ curve at α_D = 0.1. Tolerance in ε
/// (N_sig ∝ ε²; ε ∝ (N_EOT · ε_sig)^−1/2): within 30 %, i.e. 0.7–1.3.
/// Measured ε ratios (darkscan/published): 0.915 at 10 MeV, 0.882 at 0.1,
/// 0.882 at 0.15, 0.922 at 0.20, 0.888, 0.892, 0.885, 0.873 at 0.233–0.274,
/// 0.801 at 0.299 GeV: darkscan 8–20 % stronger, as the e⁻ preset is against
/// its curve with the same assumed efficiency 0.5.
#[test]
fn published_positron_limits_within_30_percent() {
    let masses: Vec<f64> = PUBLISHED_WITHIN_30.iter().map(|p| p.0).collect();
    let eps = ours(&masses, Some(ALPHA_D_OF_THE_CURVE));
    let mut bad = Vec::new();
    for ((m, pubd), e) in PUBLISHED_WITHIN_30.iter().zip(&eps) {
        let r = e / pubd;
        println!("m = {m:.4} GeV  darkscan {e:.3e}  published {pubd:.3e}  eps ratio {r:.3}");
        if !(0.7 < r && r < 1.3) {
            bad.push(*m);
        }
    }
    assert!(bad.is_empty(), "outside 30 % in eps at {bad:?}");
}

/// Known disagreement of the shipped preset, asserted as measured (each ε
/// ratio within ±10 % of the value in [`PUBLISHED_KNOWN_DEVIATION`]):
/// darkscan's limit is strongest at the primary positron's resonance,
/// 0.32 GeV, where the published curve shows no peak and rises steeply
/// (6.2×10⁻⁴ at 0.3126, 9.3×10⁻⁴ at 0.3201 GeV); above it (the
/// Breit–Wigner's tail fed by the primary) darkscan is 1.7–1.9× stronger in
/// ε.
///
/// Cause (measured, [`preshower_requirement_removes_the_primary_peak`]): the
/// primary positron annihilating before it has deposited energy in the
/// preshower — an event NA64's preshower requirement rejects, since after
/// e⁺e⁻ → A′ nothing is left to shower. With `[selection] preshower_x0 =
/// 4.0, preshower_energy_min_gev = 0.5` the ε ratios at 0.2986, 0.3092,
/// 0.3126, 0.3201, 0.3565, 0.4015 GeV go from 0.80, 0.68, 0.57, 0.34, 0.60,
/// 0.53 to 0.87, 0.93, 0.97, 1.12, 0.99, 0.76. Not the cause: the beam
/// energy spread (σ_E/E = 1 %, 2 %, five-point Gauss–Hermite average of the
/// yield over the beam energy: 0.341 → 0.349, 0.366 at 0.3201 GeV, ≤ 1 %
/// elsewhere) and the ECAL resolution (10 %/√E ⊕ 2 % or 20 %/√E ⊕ 4 %:
/// ≤ 0.5 % in ε; the primary's annihilation deposits 0–3 GeV, far from the
/// 50 GeV cut). The preset keeps the requirement off because NA64's
/// preshower threshold for this run was not found.
#[test]
fn published_positron_limits_at_the_primary_resonance_known_deviation() {
    let masses: Vec<f64> = PUBLISHED_KNOWN_DEVIATION.iter().map(|p| p.0).collect();
    let eps = ours(&masses, Some(ALPHA_D_OF_THE_CURVE));
    for ((m, pubd, measured), e) in PUBLISHED_KNOWN_DEVIATION.iter().zip(&eps) {
        let r = e / pubd;
        println!("m = {m:.4} GeV  darkscan {e:.3e}  published {pubd:.3e}  eps ratio {r:.3}");
        assert!(
            r > measured / 1.1 && r < measured * 1.1,
            "m = {m}: eps ratio {r:.3}, measured {measured}"
        );
    }
}

/// Preshower requirement assumed for the test below: the first 4 X₀ of the
/// ECAL (NA64's preshower, PRD 97 (2018) 072002) and E_PS > 0.5 GeV. The
/// threshold is an **assumption** (NA64's value for this run was not
/// reachable); with the mean-profile model of `production::preshower` the
/// agreement needs E_PS,min ≈ 0.4–0.5 GeV (0.3 GeV: ε ratio 0.69 at
/// 0.4015 GeV; 1 GeV: 2.4–2.8 at 0.309–0.32 GeV, the primary then vetoed
/// almost entirely). The profile slope b = 0.4 or 0.6 instead of 0.5 moves
/// the ratios of the test below by at most 6 % (measured).
const ASSUMED_PRESHOWER: &str = "preshower_x0 = 4.0\npreshower_energy_min_gev = 0.5\n";

/// The preset with [`ASSUMED_PRESHOWER`].
fn with_preshower() -> darkscan::experiment::preset::Preset {
    let text = preset::text(NAME).unwrap().replace(
        "[selection]\n",
        &format!("[selection]\n{ASSUMED_PRESHOWER}"),
    );
    preset::parse(&text, "with-preshower").unwrap()
}

/// With a preshower requirement (annihilation of the primary positron
/// counted only once the event has deposited E_PS > 0.5 GeV in the first
/// 4 X₀; `production::preshower`) every published point, those of
/// [`PUBLISHED_WITHIN_30`] and of [`PUBLISHED_KNOWN_DEVIATION`], is within
/// 30 % in ε (the tolerance of
/// [`published_positron_limits_within_30_percent`]). Measured ε ratios:
/// 0.916, 0.899, 0.922, 0.963, 0.892, 0.897, 0.893, 0.888, 0.869 at the
/// first nine; 0.926, 0.968, 0.990, 0.764 at 0.3092, 0.3126, 0.3565,
/// 0.4015 GeV; at 0.3164, 0.3201, 0.3266 GeV (not asserted) 1.13, 1.12, 1.22.
#[test]
fn preshower_requirement_removes_the_primary_peak() {
    let p = with_preshower();
    assert!(p.selection.preshower().is_some());
    let points: Vec<(f64, f64)> = PUBLISHED_WITHIN_30
        .iter()
        .copied()
        .chain(PUBLISHED_KNOWN_DEVIATION.iter().map(|&(m, e, _)| (m, e)))
        .collect();
    let opts = ReachOptions {
        masses: Some(points.iter().map(|p| p.0).collect()),
        alpha_d: Some(ALPHA_D_OF_THE_CURVE),
        ..ReachOptions::default()
    };
    let r = run_missing_energy(NAME, &p, &opts, &|_| {}).unwrap();
    let mut bad = Vec::new();
    for ((m, pubd), l) in points.iter().zip(&r.limits) {
        let e = l.excluded[0].0;
        let r = e / pubd;
        println!("m = {m:.4} GeV  darkscan {e:.3e}  published {pubd:.3e}  eps ratio {r:.3}");
        if !(0.7 < r && r < 1.3) {
            bad.push(*m);
        }
    }
    assert!(bad.is_empty(), "outside 30 % in eps at {bad:?}");
}

/// The preshower keys: off in every shipped preset (their outputs do not
/// change), given together, checked when loaded (one-line errors naming
/// the key).
#[test]
fn preshower_keys() {
    let mut checked = Vec::new();
    for name in preset::names() {
        if let Ok(p) = preset::load(name) {
            assert!(p.selection.preshower().is_none(), "{name}");
            checked.push(name);
        }
    }
    println!("without a preshower requirement: {checked:?}");
    assert!(checked.contains(&NAME) && checked.contains(&"na64e-invisible"));
    let r = with_preshower().selection.preshower().unwrap();
    assert_eq!((r.depth_x0, r.energy_min), (4.0, 0.5));
    let base = preset::text(NAME).unwrap();
    for (extra, key) in [
        ("preshower_x0 = 4.0\n", "selection.preshower_energy_min_gev"),
        ("preshower_energy_min_gev = 0.5\n", "selection.preshower_x0"),
        (
            "preshower_x0 = 0.0\npreshower_energy_min_gev = 0.5\n",
            "selection.preshower_x0",
        ),
        (
            "preshower_x0 = 41.0\npreshower_energy_min_gev = 0.5\n",
            "selection.preshower_x0",
        ),
        (
            "preshower_x0 = 4.0\npreshower_energy_min_gev = -1.0\n",
            "selection.preshower_x0",
        ),
    ] {
        let text = base.replace("[selection]\n", &format!("[selection]\n{extra}"));
        let err = preset::parse(&text, "x").unwrap_err().to_string();
        assert!(err.contains(key), "{extra}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
