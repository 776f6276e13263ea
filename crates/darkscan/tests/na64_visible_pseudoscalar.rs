//! NA64 visible mode for a pseudoscalar X17 (g ē iγ⁵ e P, g = ε e,
//! P → e⁺e⁻) against the published result.
//!
//! Reference: NA64, Yu. M. Andreev et al., PRD 104 (2021) L111102,
//! arXiv:2104.13342, abstract: with the 8.4×10¹⁰ EOT visible-mode data of
//! 2017–2018 (combined with the 2.84×10¹¹ EOT invisible-mode data) "the
//! region … in the mass range from 1 to 17.1 MeV is excluded. At … 16.7 MeV
//! the values of ε in the range 2.1×10⁻⁴ < ε < 3.2×10⁻⁴ are excluded."
//!
//! The preset `na64e-visible-x17-pseudoscalar` uses the runs, geometry and
//! the WCAL X₀ (6.49 mm) and efficiency (0.355) FITTED on the vector X17
//! edges (PRD 101 (2020) 071101; tests/na64_visible_reach.rs), not refitted:
//! the pseudoscalar edges below are a prediction. What changes from the
//! vector: the production cross section (production::boson_brem, ETL total
//! from DMG4's pseudoscalar K-factors, IWW spectrum) and the width
//! Γ = (g²/8π) m β (β = √(1 − 4m_e²/m²), DMG4 `DarkPseudoScalars::Width`).
//!
//! Tolerances are in ε, the quantity published (the criterion: 30 %
//! on both edges). Measured with the shipped preset at 16.7 MeV:
//! 2.106×10⁻⁴ < ε < 3.047×10⁻⁴ (ratios 1.003 and 0.952); also asserted as
//! measured ± 3 % so that a drift is seen.

use darkscan::experiment::search::{SearchPreset, shipped_text};
use darkscan::model::electron_g2::BosonType;
use darkscan::production::boson_brem::width_ee;
use darkscan::reach::{ReachOptions, ReachResult};
use darkscan::run_preset;
use darkscan::units::{ALPHA_EM, ELECTRON, HBARC_GEV_M};

const NAME: &str = "na64e-visible-x17-pseudoscalar";

fn reach_text(text: &str, masses: &[f64]) -> ReachResult {
    let p = SearchPreset::parse(text, NAME).unwrap();
    assert!(matches!(p, SearchPreset::VisibleDump(_)));
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        ..ReachOptions::default()
    };
    run_preset(NAME, &p, &opts, &|_| {}).unwrap()
}

fn band(r: &ReachResult, i: usize) -> Option<(f64, f64)> {
    let l = &r.limits[i];
    assert!(l.excluded.len() <= 1, "{l:?}");
    l.excluded.first().map(|&(lo, hi)| (lo, hi.unwrap()))
}

#[test]
fn pseudoscalar_edges_at_16_7_mev() {
    let r = reach_text(shipped_text(NAME).unwrap(), &[0.0167]);
    let (lo, hi) = band(&r, 0).unwrap();
    let (rl, ru) = (lo / 2.1e-4, hi / 3.2e-4);
    println!(
        "P at 16.7 MeV: {lo:.4e} < eps < {hi:.4e} (published 2.1e-4..3.2e-4; ratios {rl:.3} {ru:.3})"
    );
    assert!(
        (rl - 1.0).abs() < 0.3 && (ru - 1.0).abs() < 0.3,
        "{rl} {ru}"
    );
    assert!((lo / 2.106e-4 - 1.0).abs() < 0.03, "lower {lo:e}");
    assert!((hi / 3.047e-4 - 1.0).abs() < 0.03, "upper {hi:e}");
    assert!(r.model.contains("pseudoscalar"), "{}", r.model);
}

#[test]
fn excluded_mass_range_ends_near_17_mev() {
    // Published: excluded from 1 to 17.1 MeV. darkscan: the band closes
    // between 16.9 and 17.0 MeV (measured), i.e. within 1 % in mass of the
    // published end; at 1.1 MeV (just above 2m_e) a band exists.
    let r = reach_text(shipped_text(NAME).unwrap(), &[0.0011, 0.0169, 0.0172]);
    assert!(band(&r, 0).is_some());
    assert!(band(&r, 1).is_some());
    assert!(band(&r, 2).is_none(), "{:?}", r.limits[2]);
}

#[test]
fn iww_variant_and_vector_comparison() {
    // With darkscan's own IWW total instead of DMG4's ETL (same spectrum)
    // the pseudoscalar signal is larger (DMG4's K_P ≈ 1.56 at 16.7 MeV and
    // 100 GeV): the band widens to 1.704e-4 < ε < 3.688e-4 (measured; the
    // published 2.1e-4..3.2e-4 favours the ETL normalisation NA64 used).
    // Asserted: the IWW band contains the ETL band.
    let text = shipped_text(NAME).unwrap();
    let etl = band(&reach_text(text, &[0.0167]), 0).unwrap();
    let iww_text = text.replace("cross_section = \"etl\"", "cross_section = \"iww\"");
    let iww = band(&reach_text(&iww_text, &[0.0167]), 0).unwrap();
    println!(
        "P 16.7 MeV: ETL {:.4e}..{:.4e}, IWW {:.4e}..{:.4e}",
        etl.0, etl.1, iww.0, iww.1
    );
    assert!(iww.0 < etl.0 && iww.1 > etl.1);
}

#[test]
fn width_is_g2_over_8pi_m_beta() {
    // Γ(P → e⁺e⁻) = (g²/8π) m β with g = ε e, i.e. (ε²α/2) m β
    // (DMG4 DarkPseudoScalars::Width; Andreev et al. PRD 104 (2021) L111102).
    let (m, eps) = (0.0167, 2.1e-4);
    let beta = (1.0 - 4.0 * (ELECTRON.mass / m).powi(2)).sqrt();
    let g2 = eps * eps * 4.0 * std::f64::consts::PI * ALPHA_EM;
    let expected = g2 / (8.0 * std::f64::consts::PI) * m * beta;
    let w = width_ee(BosonType::Pseudoscalar, m, eps);
    assert!((w / expected - 1.0).abs() < 1e-12);
    // cτ at the lower edge: ≈ 1e-4 m, so a 50 GeV P flies γcτ ≈ 0.3 m —
    // through the 0.26 m WCAL, but mostly not past the ≈ 5 m of the
    // invisible-mode ECAL + HCAL (`invisible_mode_does_not_matter_at_16_7_mev`).
    let ctau = HBARC_GEV_M / w;
    println!("P 16.7 MeV, eps = 2.1e-4: ctau = {ctau:.3e} m");
    assert!(ctau > 5e-5 && ctau < 2e-4);
}

/// Does the invisible-mode data set (2.84×10¹¹ EOT, which NA64 combined
/// with the visible one) matter at 16.7 MeV? A P there is invisible only if
/// it decays beyond the ECAL + HCAL, a length L from its production point.
/// With A = N_EOT ε_sig Y_P (Y_P: P per EOT at g = e above the 50 GeV
/// missing-energy cut, `na64e-invisible-2019-pseudoscalar`, efficiency 0.5)
/// and every P given the largest boost (p = E₀ = 100 GeV, an upper bound on
/// its survival), N_inv(ε) = A ε² exp(−b ε²), b = L m Γ₁/(p ħc), whose
/// largest value is A/(e b). L ≥ 1 m (the 40 X₀ ECAL plus the first HCAL
/// module; the full ECAL + HCAL is ≈ 5 m, UNVERIFIED). Measured: A = 2.97e8;
/// for L = 1 m the maximum is 2.13 events (at ε = 1.4e-4) < 2.3, and
/// N_inv(2.1e-4) = 1.36; for L = 5 m: 0.43 and 1.5e-4. So the invisible
/// mode excludes nothing on its own at 16.7 MeV and adds < 1e-3 events at
/// the published lower edge for a realistic L: the visible-only preset is
/// the right comparison there (at lower masses, where cτ ∝ 1/m² is longer,
/// it does matter; not modelled).
#[test]
fn invisible_mode_does_not_matter_at_16_7_mev() {
    use darkscan::experiment::missing_energy_boson::boson_yield_per_eot;
    use darkscan::experiment::missing_energy_reach::setup_of;
    use darkscan::experiment::preset;
    let p = preset::load("na64e-invisible-2019-pseudoscalar").unwrap();
    let setup = setup_of(&p).unwrap();
    let tracks = setup.track_lengths();
    let m = 0.0167;
    let y = boson_yield_per_eot(&setup, &tracks, BosonType::Pseudoscalar, m);
    let a = p.exposure.particles_on_target * 0.5 * y;
    let gamma1 = width_ee(BosonType::Pseudoscalar, m, 1.0);
    let n = |l: f64, eps: f64| {
        let b = l * m * gamma1 / (100.0 * HBARC_GEV_M);
        (
            a / (b * std::f64::consts::E),
            a * eps * eps * (-b * eps * eps).exp(),
        )
    };
    let (max1, edge1) = n(1.0, 2.1e-4);
    let (max5, edge5) = n(5.0, 2.1e-4);
    println!(
        "A = {a:.3e}; L = 1 m: max {max1:.3}, at 2.1e-4 {edge1:.3e}; L = 5 m: max {max5:.3}, at 2.1e-4 {edge5:.3e}"
    );
    assert!(max1 < 2.3 && max5 < 0.5);
    assert!(edge5 < 1e-3);
}
