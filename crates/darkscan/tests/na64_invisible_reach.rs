//! The NA64 missing-energy dark-photon limits against the published curves.
//!
//! Published 90 % CL upper limits on ε (A′ → invisible), read by log–log
//! interpolation of the collaboration's curves as distributed in public
//! limit collections:
//! - NA64, PRL 131 (2023) 161801, 9.37×10¹¹ EOT (2016–2022): the NA64 curve
//!   provided for the European Strategy input (`ESPP2026-PPG/Quasi-elastic-DM`,
//!   file `Na64/NA64e-_2022.csv`), the same data set as the PRL;
//! - NA64, PRL 123 (2019) 121801, 2.84×10¹¹ EOT (2016–2018): DarkCast's
//!   digitisation of its Fig. 3 (`limits/NA64_NA642019imj.lmt`).
//!
//! The 2016–2022 curve includes A′ production by resonant annihilation of
//! shower positrons (e⁺e⁻ → A′, NA64 PRD 104 (2021) L091701), which
//! dominates between about 0.21 and 0.3 GeV; the `na64e-invisible` preset
//! turns it on (`model.annihilation = true`) and those masses are compared
//! separately, at the curve's α_D = 0.1.
//!
//! Requirement (NA64 reach issue): agreement within 20 % in ε from 1 MeV to
//! 0.5 GeV at each result's own exposure. The tests state it in the signal,
//! which is what a normalisation error moves: N_sig ∝ ε², so 20 % in ε is a
//! factor 0.69–1.56 in signal. They assert the measured agreement instead
//! (issue 12): 2016–2022 signal ratio within 1.00–1.30; 2016–2018 every point
//! within ±12 % of its measured ratio, including the known 1–2 MeV
//! disagreement.

use darkscan::experiment::missing_energy_reach::run_missing_energy;
use darkscan::experiment::preset;
use darkscan::reach::ReachOptions;

/// (m_A′ in GeV, published ε₉₀).
const PRL131_2023: &[(f64, f64)] = &[
    (0.00105, 5.37e-6),
    (0.002, 7.17e-6),
    (0.005, 1.31e-5),
    (0.01, 2.20e-5),
    (0.02, 3.99e-5),
    (0.05, 9.63e-5),
    (0.1, 2.05e-4),
    (0.5, 1.66e-3),
];

const PRL123_2019: &[(f64, f64)] = &[
    (0.001, 7.54e-6),
    (0.002, 9.87e-6),
    (0.005, 1.87e-5),
    (0.01, 3.30e-5),
    (0.02, 6.18e-5),
    (0.05, 1.56e-4),
    (0.1, 3.46e-4),
    (0.2, 8.48e-4),
    (0.3, 1.52e-3),
    (0.5, 3.36e-3),
];

/// The 2016–2022 curve between 0.15 and 0.35 GeV, where annihilation
/// matters: the same ESPP file, log–log interpolated between its points
/// (sorted by mass). Its features: the bremsstrahlung limit up to 0.21 GeV,
/// a drop by 2.3× between 0.21 and 0.23 GeV where E_R = m²/2m_e crosses the
/// 50 GeV missing-energy threshold, a minimum 1.35×10⁻⁴ at 0.237 GeV, and
/// the return to bremsstrahlung at E_R → 100 GeV (m = 0.32 GeV).
const PRL131_2023_RESONANCE: &[(f64, f64)] = &[
    (0.15, 3.178e-4),
    (0.175, 3.693e-4),
    (0.2, 3.733e-4),
    (0.21, 3.247e-4),
    (0.22, 2.095e-4),
    (0.225, 1.597e-4),
    (0.25, 1.638e-4),
    (0.26, 1.986e-4),
    (0.325, 7.827e-4),
    (0.35, 9.305e-4),
];

/// Masses of the same curve where darkscan is more than 20 % stronger
/// (see [`na64_2016_2022_annihilation_plateau_known_deviation`]).
const PRL131_2023_RESONANCE_STRONG: &[(f64, f64)] = &[
    (0.23, 1.473e-4),
    (0.24, 1.402e-4),
    (0.275, 2.666e-4),
    (0.3, 5.432e-4),
];

/// The α_D of the published ε curve: the same ESPP input converts it to its
/// y curve (`Constraints_BC2_NA64e-2022.csv`) with y = ε² α_D/81, and the two
/// files agree for α_D = 0.10–0.11 (e.g. m_A′ = 30 MeV: ε = 5.8×10⁻⁵ and
/// y = 4.5×10⁻¹² at m_χ = 10 MeV), with the resonance minimum at the same
/// mass (0.237 GeV ↔ m_χ = 0.078 GeV). The annihilation yield depends on
/// α_D through the Breit–Wigner width (Γ/m ≈ 0.03 for α_D = 0.1, 0.15 for
/// 0.5); the bremsstrahlung limit does not (BR_inv ≈ 1).
const ALPHA_D_OF_THE_CURVE: f64 = 0.1;

fn ours(preset_name: &str, masses: &[f64], alpha_d: Option<f64>) -> Vec<f64> {
    let p = preset::load(preset_name).unwrap();
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        alpha_d,
        ..ReachOptions::default()
    };
    let r = run_missing_energy(preset_name, &p, &opts, &|_| {}).unwrap();
    r.limits.iter().map(|l| l.excluded[0].0).collect()
}

/// Compares darkscan's ε limit with the published one in the quantity the
/// physics scales with: the signal. For A′ → χχ̄ (BR ≈ 1) N_sig ∝ ε², so
/// darkscan's signal at the published ε, in units of its own N_UL, is
/// R = (ε_published/ε_darkscan)² exactly (R > 1: darkscan is stronger). Each
/// published point i must satisfy `bounds[i].0 < R < bounds[i].1`.
fn compare(preset_name: &str, published: &[(f64, f64)], bounds: &[(f64, f64)]) {
    compare_with(preset_name, published, bounds, None);
}

/// [`compare`] with α_D overridden.
fn compare_with(
    preset_name: &str,
    published: &[(f64, f64)],
    bounds: &[(f64, f64)],
    alpha_d: Option<f64>,
) {
    assert_eq!(published.len(), bounds.len());
    let masses: Vec<f64> = published.iter().map(|p| p.0).collect();
    let eps = ours(preset_name, &masses, alpha_d);
    let mut report = String::new();
    let mut bad = Vec::new();
    for (((m, pubd), e), &(lo, hi)) in published.iter().zip(&eps).zip(bounds) {
        let r_eps = e / pubd;
        let r_sig = (pubd / e).powi(2);
        report.push_str(&format!(
            "{preset_name}: m = {m:.4} GeV  darkscan {e:.3e}  published {pubd:.3e}  \
             eps ratio {r_eps:.3}  signal ratio {r_sig:.3} (allowed {lo:.3}-{hi:.3})\n"
        ));
        if !(lo < r_sig && r_sig < hi) {
            bad.push(*m);
        }
    }
    println!("{report}");
    assert!(
        bad.is_empty(),
        "signal ratio out of bounds at {bad:?}:\n{report}"
    );
}

/// NA64 2016–2022 (PRL 131 (2023) 161801), 8 masses from 1 MeV to 0.5 GeV
/// outside the annihilation resonance. Measured: ε 4–11 % below the published
/// curve at every mass (ratios 0.886–0.963), i.e. darkscan's signal at the
/// published ε is 1.08–1.27 × N_UL (at 0.05–0.1 GeV 2–7 % of it is
/// e⁺e⁻ → A′* → χχ̄ off the resonance, which the Breit–Wigner with the
/// preset's α_D = 0.5 includes; 1.08–1.21 without annihilation) — one efficiency (0.5) for a mass-dependent
/// 0.5–0.7 in NA64's analysis, and the ETL cross section. Asserted: signal
/// ratio 1.00–1.30 at every mass (old test: ε within ±20 %, i.e. a signal
/// anywhere in 0.69–1.56).
#[test]
fn na64_2016_2022_limits() {
    compare("na64e-invisible", PRL131_2023, &[(1.0, 1.3); 8]);
}

/// NA64 2016–2018 (PRL 123 (2019) 121801), all 10 masses from 1 MeV to
/// 0.5 GeV, none sliced away. Measured ε ratios (darkscan/published):
/// 1.217, 1.271 at 1 and 2 MeV; 1.190, 1.131, 1.075, 1.021, 0.985, 0.929,
/// 0.883, 0.831 from 5 MeV to 0.5 GeV, i.e. signal ratios 0.675, 0.619;
/// 0.706, 0.782, 0.865, 0.959, 1.031, 1.159, 1.283, 1.448.
///
/// Known disagreement, asserted as measured: at 1–2 MeV darkscan's signal is
/// 0.62–0.68 of what the published limit needs (ε 22–27 % weaker). Cause: the
/// published curves themselves do not scale with exposure — ε(2019)/ε(2023)
/// is 1.40 at 1 MeV, 1.69 at 0.1 GeV and 2.02 at 0.5 GeV, against
/// √(9.37/2.84) = 1.82 for a fixed efficiency — so one signal efficiency per
/// preset (0.5 here) cannot reproduce both; the 2016–2018 analysis evidently
/// had a higher efficiency at low mass (≈ 0.75 would fit 1 MeV) and a lower
/// one at 0.5 GeV. The whole trend (signal ratio rising from 0.62 at 2 MeV to
/// 1.45 at 0.5 GeV) is the same efficiency mismatch. Bounds: each measured
/// value ±12 % (deterministic given the shower seed; the shower's MC error
/// on the signal is < 1 %), so a drift either way fails.
#[test]
fn na64_2016_2018_limits_full_range() {
    let measured = [
        0.675, 0.619, 0.706, 0.782, 0.865, 0.959, 1.031, 1.159, 1.283, 1.448,
    ];
    let bounds: Vec<(f64, f64)> = measured.iter().map(|r| (r / 1.12, r * 1.12)).collect();
    compare("na64e-invisible-2019", PRL123_2019, &bounds);
}

/// 0.15–0.35 GeV with resonant annihilation, at the curve's α_D = 0.1:
/// within 20 % in ε, i.e. a signal ratio 0.69–1.56, at these 10 masses.
/// Measured ε ratios: 0.92 at 0.15 GeV, 0.92 at 0.175, 0.95 at 0.2, 0.99 at
/// 0.21, 1.11 at 0.22, 0.95 at 0.225, 0.85 at 0.25, 0.82 at 0.26, 0.88 at
/// 0.325, 0.92 at 0.35. Without annihilation the ratio is 3.1 at 0.225 GeV
/// and 3.5 at 0.25 GeV.
#[test]
fn na64_2016_2022_limits_with_annihilation() {
    compare_with(
        "na64e-invisible",
        PRL131_2023_RESONANCE,
        &[(0.69, 1.56); 10],
        Some(ALPHA_D_OF_THE_CURVE),
    );
}

/// Known disagreement, asserted as measured: on the resonance plateau
/// darkscan's limit is 14–31 % stronger than published (ε ratios 0.79 at
/// 0.23 GeV, 0.86 at 0.24, 0.80 at 0.275, 0.69 at 0.3 GeV; signal ratios
/// 1.60, 1.35, 1.56, 2.10), growing with E_R = m²/2m_e (51 → 88 GeV).
/// Candidate causes, not settled: a lower selection efficiency for
/// annihilation events (the A′ is made deeper in the shower, after a
/// conversion) that NA64 does not publish, and the bremsstrahlung part being
/// 5–9 % strong already with the single efficiency 0.5. Bounds: each
/// measured signal ratio ±12 %, so a drift either way fails.
#[test]
fn na64_2016_2022_annihilation_plateau_known_deviation() {
    let measured = [1.60, 1.35, 1.56, 2.10];
    let bounds: Vec<(f64, f64)> = measured.iter().map(|r| (r / 1.12, r * 1.12)).collect();
    compare_with(
        "na64e-invisible",
        PRL131_2023_RESONANCE_STRONG,
        &bounds,
        Some(ALPHA_D_OF_THE_CURVE),
    );
}
