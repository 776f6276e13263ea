//! Dark-photon bremsstrahlung cross sections on lead at E₀ = 100 GeV against
//! published values.
//!
//! Reference: DMG4 (M. Bondi et al., Comput. Phys. Commun. 269 (2021)
//! 108129), regression table `examples/DarkMatterCS/testCS/DarkPhotonsSigmaTotETL.inc`:
//! total ETL cross sections per Pb atom at ε = 1e-4, in pb, which encode the
//! exact-tree-level calculation of Gninenko et al., PLB 782 (2018) 406.

use darkscan::production::electron_brem::{LEAD, sigma_etl_total, sigma_iww};
use darkscan::units::HBARC2_GEV2_MB;

/// GeV⁻² → pb at ε = 1e-4.
fn to_pb_eps4(sigma_gev2: f64) -> f64 {
    sigma_gev2 * HBARC2_GEV2_MB * 1e9 * 1e-8
}

/// (m in GeV, σ_ETL in pb at ε = 1e-4), DMG4 reference table, E₀ = 100 GeV.
const DMG4_ETL_PB: &[(f64, f64)] = &[
    (0.002, 9.12841e4),
    (0.004, 3.50717e4),
    (0.010, 8486.3),
    (0.020, 2620.75),
    (0.050, 466.909),
    (0.100, 106.04),
    (0.200, 20.7077),
    (0.500, 1.79844),
    (1.000, 0.191974),
];

/// Tolerance 0.1 % (was 1 %): both sides integrate the same σ_IWW,log/K
/// with DMG4's K table, so only quadrature and interpolation differ.
/// Measured: 0.99976–0.99995 at all nine masses.
#[test]
fn etl_total_matches_dmg4_reference() {
    for &(m, pb) in DMG4_ETL_PB {
        let ours = to_pb_eps4(sigma_etl_total(100.0, m, LEAD));
        println!(
            "m = {m}: ETL {ours:.5e} pb, DMG4 {pb:.5e} pb, ratio {:.5}",
            ours / pb
        );
        assert!(
            ((ours - pb) / pb).abs() < 0.001,
            "m={m}: {ours} pb vs DMG4 {pb} pb"
        );
    }
}

/// The numerically integrated IWW (elastic + inelastic χ) against ETL. PLB
/// 782 (2018) 406 and Voronchikhin & Kirpichnikov (arXiv:2409.12748) report
/// WW-vs-ETL differences of tens of % for the electron mode; this is a
/// model-difference check, not a validation of either. Measured IWW/ETL:
/// 0.827 at 2 MeV; 0.913, 1.033, 1.118, 1.129, 1.039, 0.944, 0.918, 1.020
/// from 4 MeV to 1 GeV. Asserted (deterministic quadrature): 0.80–0.85 at
/// 2 MeV and within ±15 % from 4 MeV to 1 GeV (was ±25 % and ±20 %).
#[test]
fn iww_is_close_to_etl() {
    for &(m, pb) in DMG4_ETL_PB {
        let iww = to_pb_eps4(sigma_iww(100.0, m, LEAD, 0.0));
        let r = iww / pb;
        println!("m = {m}: IWW/ETL = {r:.4}");
        if m < 0.003 {
            assert!((0.80..0.85).contains(&r), "m={m}: IWW/ETL = {r}");
        } else {
            assert!((r - 1.0).abs() < 0.15, "m={m}: IWW/ETL = {r}");
        }
    }
}
