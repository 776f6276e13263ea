//! Thermal relic targets (Ω h² = 0.12) from darkscan's freeze-out solver
//! against the published ones.
//!
//! Published: the thermal-target lines of the NA64 input to the European
//! Strategy update (P. Crivelli; public repository
//! `ESPP2026-PPG/Quasi-elastic-DM`, files `relic-target-scalar.csv`,
//! `relic-target-majorana.csv`, `relic-target-pseudodirac.csv`; m_χ in GeV
//! and y = ε² α_D (m_χ/m_A′)⁴, for m_A′ = 3 m_χ), the lines NA64 draws in
//! its y-plane plots (e.g. PRL 131 (2023) 161801). The points compared are
//! rows of those files (no interpolation). The α_D of the lines is not
//! stated; at m_A′ = 3 m_χ, away from the A′ pole, y hardly depends on it
//! (α_D = 0.5 is used here). The pseudo-Dirac line's splitting is not
//! stated either; darkscan's pseudo-Dirac at Δ = 0 is compared.
//!
//! Requirement (issue 10): within 30 % in y from 1 MeV to 0.3 GeV. y ∝ the
//! annihilation cross section needed, and Ω h² ∝ 1/y up to a logarithm, so
//! 30 % in y is 30 % in the cross section or in Ω h² at fixed y.
//!
//! Measured (NOT meeting it everywhere): darkscan's y is 6–42 % above the
//! published lines at all 18 points (scalar 1.11–1.39, Majorana 1.06–1.42,
//! pseudo-Dirac 1.18–1.38); 11 of 18 within 30 %, the worst at 1 MeV and
//! 0.3 GeV. The offset has the same sign for s- and p-wave, so it is not the
//! thermal average; its cause (g_*(T) treatment, the pseudo-Dirac splitting
//! or α_D of the published lines, or a normalisation) is not settled. The
//! assertion below (45 %) is a regression guard on these numbers, not the
//! requirement.

use darkscan::model::relic::{DmKind, RelicModel};

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
                alpha_d: 0.5,
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

#[test]
fn relic_targets_against_published() {
    let mut worst: f64 = 0.0;
    for (kind, data) in [
        (DmKind::Scalar, SCALAR),
        (DmKind::Majorana, MAJORANA),
        (DmKind::PseudoDirac, PSEUDO_DIRAC),
    ] {
        for r in ratios(kind, data) {
            worst = worst.max((r - 1.0).abs());
        }
    }
    println!("worst deviation {worst:.3}");
    assert!(worst < 0.45, "worst deviation {worst:.3}");
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
