//! Thermal relic targets (Ω h² = 0.12) from darkscan's freeze-out solver
//! against the published ones.
//!
//! Published: the thermal-target lines of the NA64 input to the European
//! Strategy update (P. Crivelli; public repository
//! `ESPP2026-PPG/Quasi-elastic-DM`, files `relic-target-scalar.csv`,
//! `relic-target-majorana.csv`, `relic-target-pseudodirac.csv`; m_χ in GeV
//! and y = ε² α_D (m_χ/m_A′)⁴, for m_A′ = 3 m_χ), the lines NA64 draws in
//! its y-plane plots (e.g. PRL 131 (2023) 161801). The points compared are
//! rows of those files (no interpolation). The pseudo-Dirac line's
//! splitting is not stated; darkscan's pseudo-Dirac at Δ = 0 is compared.
//!
//! Requirement (issue 10): within 30 % in y from 1 MeV to 0.3 GeV. y ∝ the
//! annihilation cross section needed, and Ω h² ∝ 1/y up to a logarithm, so
//! 30 % in y is 30 % in the cross section or in Ω h² at fixed y.
//!
//! α_D = 0.1 (not stated with the lines): the same ESPP input draws its NA64
//! y curves at α_D = 0.1 (see `tests/na64_invisible_reach.rs`). At
//! m_A′ = 3 m_χ it matters only through the A′ width in the propagator
//! (Γ/m_A′ = 0.03, against 0.15 at α_D = 0.5, which lowers σ by ≈ 7 % at
//! threshold and raises y by as much).
//!
//! Measured: darkscan's y is above the published lines at all 18 points:
//! pseudo-Dirac (Δ = 0) 1.10–1.28 at all six masses; scalar 1.11–1.23 from
//! 10 MeV to 0.2 GeV; Majorana 1.05–1.23 at 10 MeV, 30 MeV and 0.2 GeV.
//! Out of 30 %: scalar 1.33 at 1 MeV and 1.39 at 0.3 GeV, Majorana 1.40 at
//! 1 MeV, 1.33 at 0.1 GeV and 1.39 at 0.3 GeV (asserted as measured below).
//!
//! Where the differences come from (a finer scan of the pseudo-Dirac line):
//! 0.98–1.04 at 50–70 MeV and 0.98–1.00 at 0.11–0.12 GeV; a local excess
//! peaking at 1.28 just below m_χ = m_μ (darkscan opens χχ → μμ only
//! through the thermal tail below threshold, the published line is smooth
//! there); 1.13–1.24 growing towards 1 MeV, where the g_eff/h_eff treatment
//! during e± annihilation decides (freezing them at their 1 MeV values would
//! give 0.73–0.79 instead of 1.24–1.40; the published lines lie in
//! between); up to 1.31 in the ρ/ω region (0.29–0.33 GeV). The solver
//! itself agrees with an independent stiff ODE solution (scipy Radau, same
//! inputs) to 1.5 % in Ω h² (unit test in `model::relic`).
//!
//! Diagnosis of the excess (tests in `model::relic::diagnostics`, and
//! `rho_omega_region_feature_by_feature` below); no error in darkscan was
//! found, so nothing was tuned:
//! - Conventions: the v → 0 limits of darkscan's σ equal the closed forms
//!   (Dirac/pseudo-Dirac 16π α α_D ε² m²/(m_A′² − 4m²)², scalar and
//!   Majorana b v² with b = 8π α α_D ε² m²/(3(m_A′² − 4m²)²)) to 1 %, and the
//!   p-wave excess over the s-wave excess at 10 and 30 MeV is 1.01–1.09: no
//!   factor 2 in the identical-particle or g_χ bookkeeping.
//! - Not the non-relativistic expansion: ⟨σv⟩ = a + 6b/x moves the p-wave
//!   ratios up (scalar 1.33 → 1.81 at 1 MeV, 1.17 → 1.50 at 10 MeV), away
//!   from the published lines.
//! - 1 MeV: the neutrino plasma below 1 MeV. With ν kept in equilibrium with
//!   γ e± during e± annihilation (no decoupling), the 1 MeV ratios become
//!   0.95 (scalar), 1.01 (Majorana), 0.94 (pseudo-Dirac), against 1.33,
//!   1.40, 1.24; at 30 MeV nothing changes. darkscan keeps decoupled
//!   neutrinos (the physical plasma); the published lines behave as if
//!   computed with a single-temperature g_*(T).
//! - 0.3 GeV: the ρ/ω features of the published lines sit at 3–13 % lower
//!   m_χ than darkscan's, with extrema of comparable size (y ratios
//!   0.90–1.29); on the steep flank at 0.3 GeV the shift is most of the
//!   excess.
//! - 0.1 GeV: the local excess just below m_χ = m_μ (all three types,
//!   1.23–1.33), where the published lines are smooth (see above).
//! - One signature for 0.1 and 0.3 GeV: moving the √s scale of darkscan's SM
//!   widths by 5 % (Γ_out(√s) → Γ_out(1.05 √s)/1.05, a diagnostic only)
//!   brings all six ratios there to 1.00–1.11 and leaves 30 MeV unchanged:
//!   the published lines behave as if their μ⁺μ⁻ threshold and ρ/ω sat at
//!   5 % lower √s/2m_χ.
//! - Elsewhere a common 1.05–1.23 (10–30 MeV, 0.2 GeV), s- and p-wave
//!   alike, is left unexplained (within the 30 %).

use darkscan::model::relic::{DmKind, RelicModel};

const ALPHA_D: f64 = 0.1;

const SCALAR: &[(f64, f64)] = &[
    (0.001_057_374_387_989_903_7, 1.358_956_247_306_346_8e-13),
    (0.010_053_811_906_875_74, 1.167_910_501_530_595_5e-11),
    (0.030_349_697_272_379_14, 1.325_653_356_286_174e-10),
    (0.101_167_044_825_752_13, 1.340_328_710_977_725_5e-9),
    (0.191_364_059_867_507_46, 2.990_507_181_467_421_4e-9),
    (0.305_395_526_875_032_24, 3.309_055_364_666_473_4e-9),
];
const MAJORANA: &[(f64, f64)] = &[
    (0.001_053_636_702_351_852_6, 6.476_814_368_407_58e-14),
    (0.010_197_232_949_896_18, 5.750_363_206_548_422e-12),
    (0.030_457_360_214_796_544, 6.375_450_501_675_918e-11),
    (0.099_744_160_484_529_68, 6.319_131_361_637_071e-10),
    (0.196_862_749_112_846_3, 1.713_836_305_355_177_4e-9),
    (0.301_100_229_786_753_05, 1.713_836_305_355_177_4e-9),
];
const PSEUDO_DIRAC: &[(f64, f64)] = &[
    (0.001_057_374_387_989_903_7, 6.665_761_711_181_122e-15),
    (0.010_342_699_942_828_12, 5.252_602_946_350_751e-13),
    (0.031_221_770_921_456_556, 5.159_363_787_003_509e-12),
    (0.099_744_160_484_529_68, 4.714_311_900_171_009_5e-11),
    (0.196_862_749_112_846_3, 1.036_745_019_744_528_5e-10),
    (0.301_100_229_786_753_05, 1.325_653_356_286_174e-10),
];

fn ratios(kind: DmKind, published: &[(f64, f64)]) -> Vec<f64> {
    published
        .iter()
        .map(|&(m, y_pub)| {
            let r = RelicModel {
                kind,
                mass_chi: m,
                mass_ratio: 3.0,
                alpha_d: ALPHA_D,
                splitting: 0.0,
            }
            .thermal_target()
            .unwrap();
            assert!((r.omega_h2 / 0.12 - 1.0).abs() < 1e-3);
            let ratio = r.y / y_pub;
            println!(
                "{}: m_chi = {m:.4} GeV  darkscan y = {:.3e}  published {y_pub:.3e}  ratio {ratio:.3}",
                kind.name(),
                r.y
            );
            ratio
        })
        .collect()
}

fn worst(sets: &[(DmKind, &[(f64, f64)])]) -> f64 {
    let mut worst: f64 = 0.0;
    for &(kind, data) in sets {
        for r in ratios(kind, data) {
            worst = worst.max((r - 1.0).abs());
        }
    }
    println!("worst deviation {worst:.3}");
    worst
}

/// Within 30 % in y: pseudo-Dirac from 1 MeV to 0.3 GeV, scalar from
/// 10 MeV to 0.2 GeV, Majorana at 10 MeV, 30 MeV and 0.2 GeV (13 points).
#[test]
fn relic_targets_within_30_percent() {
    let w = worst(&[
        (DmKind::PseudoDirac, PSEUDO_DIRAC),
        (DmKind::Scalar, &SCALAR[1..5]),
        (DmKind::Majorana, &[MAJORANA[1], MAJORANA[2], MAJORANA[4]]),
    ]);
    assert!(w < 0.30, "worst deviation {w:.3}");
}

/// Known deviation, asserted as measured (issue 12: no ignored tests for
/// known disagreements): the p-wave (scalar, Majorana) targets at 1 MeV and
/// 0.3 GeV, and Majorana at 0.1 GeV, are 33–40 % above the published lines
/// (measured y ratios: scalar 1.33, 1.39; Majorana 1.40, 1.33, 1.39; causes
/// in the module docs). The solver is deterministic: each ratio must stay
/// within ±5 % of its measured value, so a drift either way fails.
#[test]
fn relic_targets_p_wave_known_deviation() {
    let scalar = ratios(DmKind::Scalar, &[SCALAR[0], SCALAR[5]]);
    let majorana = ratios(DmKind::Majorana, &[MAJORANA[0], MAJORANA[3], MAJORANA[5]]);
    let measured = [1.33, 1.39, 1.40, 1.33, 1.39];
    for (r, m) in scalar.iter().chain(&majorana).zip(measured) {
        assert!((r / m - 1.0).abs() < 0.05, "ratio {r:.3}, measured {m}");
    }
}

#[test]
fn dirac_equals_pseudo_dirac_without_splitting_and_splitting_weakens() {
    let base = RelicModel {
        kind: DmKind::Dirac,
        mass_chi: 0.03,
        mass_ratio: 3.0,
        alpha_d: 0.5,
        splitting: 0.0,
    };
    let d = base.thermal_target().unwrap().y;
    let pd0 = RelicModel {
        kind: DmKind::PseudoDirac,
        ..base
    }
    .thermal_target()
    .unwrap()
    .y;
    assert!((pd0 / d - 1.0).abs() < 1e-3, "{pd0} {d}");
    // A 10 % splitting Boltzmann-suppresses χ₂ at freeze-out (x_f ≈ 20:
    // e^{-2} per χ₂), so co-annihilation needs a larger coupling.
    let pd = RelicModel {
        kind: DmKind::PseudoDirac,
        splitting: 0.1,
        ..base
    }
    .thermal_target()
    .unwrap()
    .y;
    assert!(pd > 2.0 * d, "{pd} {d}");
}

/// The ρ/ω region, compared feature by feature: the maximum of y (where
/// the growth of R(√s) on the ρ tail overtakes the m_χ² rise of y at fixed
/// ⟨σv⟩) and the minimum (the ρ/ω peak, √s ≈ 0.78 GeV). The
/// published extrema (rows of the files): scalar max 4.387e-9 at
/// 0.2469 GeV, min 2.703e-9 at 0.3469 GeV; Majorana max 2.039e-9 at
/// 0.2333–0.2651 GeV (a plateau of three equal rows; the middle one,
/// 0.2435 GeV, is used), min
/// 1.293e-9 at 0.3569 GeV; pseudo-Dirac max 1.554e-10 at 0.2651 GeV,
/// min 8.226e-11 at 0.3620 GeV. darkscan's (1.5 % grid in m_χ) lie at
/// higher m_χ: maxima at 0.2748, 0.2748, 0.2828 GeV (×1.113, 1.129, 1.067
/// the published positions), minima at 0.3668, 0.3668, 0.3886 GeV (×1.057,
/// 1.028, 1.074); their values are within 30 % of the published extrema
/// (y ratios: maxima 1.194, 1.286, 1.117; minima 0.973, 1.018, 0.902).
/// On the falling flank between them (d ln y/d ln m ≈ −1.9 in both), a
/// 3–13 % shift in m_χ is 6–25 % in y at fixed m_χ: most of the 1.25–1.40
/// ratios at 0.30 GeV is where the feature sits, not how deep it is. Whether
/// the published features sit lower because of their R(√s) near the ρ or
/// their mass axis, the files (digitised lines without provenance, e.g.
/// equal y at 0.197 and 0.301 GeV for Majorana) cannot tell.
/// Asserted as measured: positions within ±1 grid step (1.5 %), values
/// within ±3 %.
#[test]
fn rho_omega_region_feature_by_feature() {
    let published = [
        (
            DmKind::Scalar,
            (0.246_938_554, 4.386_940_66e-9),
            (0.346_918_08, 2.702_624_23e-9),
        ),
        (
            DmKind::Majorana,
            (0.243_465_437, 2.038_580_85e-9),
            (0.356_886_486, 1.292_741_27e-9),
        ),
        (
            DmKind::PseudoDirac,
            (0.265_061_606, 1.554_206_40e-10),
            (0.361_977_593, 8.226_096_94e-11),
        ),
    ];
    let measured = [
        (1.113, 1.194, 1.057, 0.973),
        (1.129, 1.286, 1.028, 1.018),
        (1.067, 1.117, 1.074, 0.902),
    ];
    for ((kind, (m_max, y_max), (m_min, y_min)), (p_max, r_max, p_min, r_min)) in
        published.into_iter().zip(measured)
    {
        let scan: Vec<(f64, f64)> = (0..=48)
            .map(|i| {
                let m = 0.2 * 2f64.powf(f64::from(i) / 48.0);
                let y = RelicModel {
                    kind,
                    mass_chi: m,
                    mass_ratio: 3.0,
                    alpha_d: ALPHA_D,
                    splitting: 0.0,
                }
                .thermal_target()
                .unwrap()
                .y;
                (m, y)
            })
            .collect();
        let max = scan
            .iter()
            .filter(|p| p.0 < 0.33)
            .fold((0.0, 0.0), |a, &p| if p.1 > a.1 { p } else { a });
        let min = scan
            .iter()
            .filter(|p| p.0 > 0.33 && p.0 < 0.395)
            .fold((0.0, f64::INFINITY), |a, &p| if p.1 < a.1 { p } else { a });
        println!(
            "{}: max at {:.4} ({:.3} of published position) y ratio {:.3}; min at {:.4} ({:.3}) y ratio {:.3}",
            kind.name(),
            max.0,
            max.0 / m_max,
            max.1 / y_max,
            min.0,
            min.0 / m_min,
            min.1 / y_min
        );
        assert!((max.0 / m_max / p_max - 1.0).abs() < 0.015, "{max:?}");
        assert!((min.0 / m_min / p_min - 1.0).abs() < 0.015, "{min:?}");
        assert!((max.1 / y_max / r_max - 1.0).abs() < 0.03, "{max:?}");
        assert!((min.1 / y_min / r_min - 1.0).abs() < 0.03, "{min:?}");
    }
}
