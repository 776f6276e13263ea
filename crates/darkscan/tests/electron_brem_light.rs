//! Vector bremsstrahlung below 1 MeV (`production::electron_brem_light`):
//! the m → 0 limit against ordinary bremsstrahlung (Tsai, RMP 46 (1974)
//! 815, eq. 3.83, complete screening), continuity at 1 MeV with the m ≫ m_e
//! cross sections, and DMG4's own ETL table below 1 MeV.

use darkscan::production::electron_brem::{BremMethod, LEAD, MIN_MASS, sigma_above};
use darkscan::production::electron_brem_light::{
    LIGHT_MIN_MASS, chi_massless, l_rad, sigma_iww_exact, sigma_tsai_born,
};
use darkscan::units::ELECTRON;

const ME: f64 = ELECTRON.mass;

/// ETL at 1 keV is ε² times Born photon bremsstrahlung (Tsai eq. 3.83,
/// f(Z) = 0) over the same x range, by construction of R₀; what is left is
/// the mass term of U_min, (m/(m_e x))² ≤ 4 % at x = 0.01 and 10⁻⁵ at
/// x = 0.5, i.e. < 1 % after the x integral: tolerance 1 %.
#[test]
fn etl_at_one_kev_is_photon_bremsstrahlung() {
    for &(e0, x_cut) in &[(100.0, 0.5), (100.0, 0.01), (50.0, 0.3), (150.0, 0.9)] {
        let m = LIGHT_MIN_MASS;
        let etl = sigma_above(BremMethod::Etl, e0, m, LEAD, x_cut);
        let tsai = sigma_tsai_born(LEAD, x_cut, 1.0 - ME / e0);
        println!("E0 {e0}, x > {x_cut}: ETL(1 keV) {etl:.5e}, Tsai Born {tsai:.5e} GeV^-2");
        assert!(
            (etl / tsai - 1.0).abs() < 0.01,
            "{e0} {x_cut}: {}",
            etl / tsai
        );
    }
}

/// The WW flux with t_max = m² + m_e² misses the non-logarithmic part of
/// complete-screening bremsstrahlung: χ/Z² → ln(a² m_e²) − 1 (5.48 for
/// lead, elastic; 5.56 with the inelastic term) against Tsai's
/// 2 L_rad = ln(a² m_e²) + 1 (7.49). So IWW at 1 keV is ≈ 0.72 of the photon
/// cross section on lead: measured 0.726 at x > 0.5, 0.716 at x > 0.01
/// (the 1/9 term of eq. 3.83 weighs differently); asserted ± 0.01.
#[test]
fn iww_at_one_kev_is_the_ww_photon_cross_section() {
    let chi0 = chi_massless(LEAD) / (82.0 * 82.0);
    println!("chi0/Z^2 = {chi0:.4}, 2 L_rad = {:.4}", 2.0 * l_rad(82.0));
    assert!((chi0 - 5.5626).abs() < 1e-3, "{chi0}");
    for &(x_cut, r0) in &[(0.5, 0.726), (0.01, 0.716)] {
        let iww = sigma_above(BremMethod::Iww, 100.0, LIGHT_MIN_MASS, LEAD, x_cut);
        let raw = sigma_iww_exact(100.0, LIGHT_MIN_MASS, LEAD, x_cut);
        let tsai = sigma_tsai_born(LEAD, x_cut, 1.0 - ME / 100.0);
        let ratio = iww / tsai;
        println!(
            "x > {x_cut}: IWW(1 keV)/Tsai = {ratio:.4} (R = {:.4})",
            iww / raw
        );
        assert!((ratio - r0).abs() < 0.01, "{x_cut}: {ratio}");
    }
}

/// Continuity at 1 MeV: below it the light-mass continuation is matched to
/// the m ≫ m_e cross sections (to rounding: 10⁻⁶), for both methods, over
/// the energies and cuts of the NA64 searches.
#[test]
fn continuous_at_one_mev() {
    for method in [BremMethod::Etl, BremMethod::Iww] {
        for &e0 in &[20.0, 60.0, 100.0, 160.0] {
            for &x_cut in &[0.0, 0.3, 0.5, 0.9] {
                let above = sigma_above(method, e0, MIN_MASS, LEAD, x_cut);
                let below = sigma_above(method, e0, MIN_MASS * (1.0 - 1e-9), LEAD, x_cut);
                assert!(
                    (below / above - 1.0).abs() < 1e-6,
                    "{method:?} {e0} {x_cut}: {below} vs {above}"
                );
            }
        }
    }
}

/// DMG4's ETL total cross sections below 1 MeV for lead, x > 0.01, ε = 1,
/// GeV⁻² (M. Bondi et al., CPC 269 (2021) 108129, `DarkPhotons.cc`,
/// `TotCSVectorParticle`; NA64's tree-level calculation, used by DMG4 at
/// every energy).
const DMG4_ETL_PB: &[(f64, f64)] = &[
    (1e-6, 831_989.0),
    (1e-5, 714_214.0),
    (2e-5, 608_205.0),
    (5e-5, 445_566.0),
    (1e-4, 325_514.0),
    (2e-4, 219_140.0),
    (3e-4, 165_447.0),
    (5e-4, 108_852.0),
    (7e-4, 79_039.6),
    (9e-4, 60_733.3),
];

/// darkscan's ETL continuation (x > 0.01, 100 GeV) against DMG4's table.
/// Measured ratios 0.989, 0.991, 0.979, 0.967, 0.958, 0.945, 0.936, 0.935,
/// 0.947, 0.966: within 7 % in σ (3.5 % in ε or g) everywhere; the dip at
/// 0.2–0.7 MeV is the interpolation weight m²/(m² + m_e²). Asserted: each
/// measured ratio ± 0.02.
#[test]
fn etl_continuation_against_dmg4_table() {
    let measured = [
        0.989, 0.991, 0.979, 0.967, 0.958, 0.945, 0.936, 0.935, 0.947, 0.966,
    ];
    for (&(m, dmg4), r0) in DMG4_ETL_PB.iter().zip(measured) {
        let s = sigma_above(BremMethod::Etl, 100.0, m, LEAD, 0.01);
        let r = s / dmg4;
        println!("m = {m:e} GeV: darkscan {s:.4e}, DMG4 {dmg4:.4e}, ratio {r:.3}");
        assert!((r - r0).abs() < 0.02, "{m}: {r} vs {r0}");
    }
}

/// Monotone in mass below 1 MeV at the NA64 cut (the cross section rises
/// towards the photon's), for both methods.
#[test]
fn rises_towards_zero_mass() {
    for method in [BremMethod::Etl, BremMethod::Iww] {
        let mut prev = 0.0;
        for &m in &[9.9e-4, 5e-4, 2e-4, 1e-4, 1e-5, 1e-6] {
            let s = sigma_above(method, 100.0, m, LEAD, 0.5);
            assert!(s > prev, "{method:?} {m}: {s} after {prev}");
            prev = s;
        }
    }
}
