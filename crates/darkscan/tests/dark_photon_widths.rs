//! Validation of the dark-photon widths against public numbers.
//!
//! Reference: FORESEE (F. Kling, S. Trojanowski, PRD 104 (2021) 035012,
//! arXiv:2105.07077), repository `KlingFelix/FORESEE` (commit 97fa192e),
//! `Models/DarkPhoton/model/br/bfrac_elec.txt`, `bfrac_muon.txt`,
//! `bfrac_qcd.txt` (BR(e⁺e⁻), BR(μ⁺μ⁻), BR(hadrons)) and
//! `Models/DarkPhoton/model/ctau.txt` (cτ in m at ε = 1). Their mass grid is
//! m = 2m_e + k·1 MeV, so the tabulated "0.500" is m = 0.500022 GeV; we
//! evaluate at the grid mass. BR(e⁺e⁻) is the file value; BR(μ⁺μ⁻) and
//! BR(hadrons) follow from it (FORESEE's BR_μμ/BR_ee equals the exact
//! f_μ/f_e, checked at 0.5 and 0.6 GeV against `bfrac_muon.txt`), rounded to
//! four digits.
//!
//! Both darkscan and FORESEE use Γ_ℓℓ = (αε²m/3)(1+2r)√(1−4r); they differ
//! only in R(m): darkscan uses the PDG 2020 R compilation, smoothed (see
//! `model::r_ratio` and `tools/r_ratio/make_r_ratio.py`), FORESEE a sum of
//! exclusive channels in DeLiVeR style (arXiv:2201.01788). Measured agreement
//! at the FORESEE grid masses (ours / FORESEE, deviation where ≥ 2 %):
//!
//! | m (GeV) | BR_ee           | BR_μμ           | BR_had          |
//! |---------|-----------------|-----------------|-----------------|
//! | 0.30    | 0.5252 / 0.5252 | 0.4653 / 0.4653 | 0.0096 / 0.0094 (+1.7 %) |
//! | 0.35    | 0.4908 / 0.4911 | 0.4626 / 0.4628 | 0.0466 / 0.0461 (+1.1 %) |
//! | 0.40    | 0.4623 / 0.4635 | 0.4473 / 0.4484 | 0.0904 / 0.0881 (+2.6 %) |
//! | 0.50    | 0.4051 / 0.4035 | 0.3999 / 0.3984 | 0.1951 / 0.1981 (−1.5 %) |
//! | 0.60    | 0.3026 / 0.3043 | 0.3008 / 0.3025 | 0.3966 / 0.3932 (+0.9 %) |
//! | 0.90    | 0.2637 / 0.2677 | 0.2634 / 0.2674 | 0.4728 / 0.4649 (+1.7 %) |
//! | 1.20    | 0.3414 / 0.3439 | 0.3413 / 0.3438 | 0.3173 / 0.3123 (+1.6 %) |
//! | 1.50    | 0.2444 / 0.2467 | 0.2444 / 0.2467 | 0.5112 / 0.5066 (+0.9 %) |
//!
//! (With the earlier DarkCast-derived R the BR_had deviations were −4.5 %,
//! +5.9 %, +5.2 %, +2.3 %, +2.2 %, +2.0 %, +12 % and +4.3 % at these masses.)
//! Where the R parametrisations disagree most (1.0–1.3 GeV and 1.65–1.9 GeV)
//! the largest deviations with the PDG R are at 1.10 GeV (BR_had +4.3 %) and
//! 1.70 GeV (BR_ee −6.2 %, BR_had +5.7 %); at 1.0 GeV R is 1.32 (PDG, the φ
//! tail), 0.93 (DarkCast), 1.14 (FORESEE). Those masses keep the looser
//! bounds below rather than 5 %.

use darkscan::model::{DarkPhoton, ModelError, r_ratio};
use darkscan::units::{ALPHA_EM, ELECTRON, HBARC_GEV_M, MUON};

/// Offset of the FORESEE grid from round masses: 2m_e − 1 MeV.
const FORESEE_GRID_OFFSET: f64 = 0.000_021_997_892_2;

fn rel(a: f64, b: f64) -> f64 {
    (a / b - 1.0).abs()
}

/// (m, BR_ee, BR_μμ, BR_had) from FORESEE's `bfrac_*.txt`, away from the ρ/ω
/// (0.74–0.82 GeV) and φ (0.99–1.05 GeV) peaks, where darkscan agrees with
/// FORESEE to 5 % in every channel.
const FORESEE_AGREE: &[(f64, f64, f64, f64)] = &[
    (0.300, 0.5252, 0.4653, 0.0094),
    (0.450, 0.4359, 0.4273, 0.1369),
    (0.500, 0.4035, 0.3984, 0.1981),
    (0.550, 0.3614, 0.3583, 0.2802),
    (0.600, 0.3043, 0.3025, 0.3932),
    (0.650, 0.2292, 0.2282, 0.5426),
    (0.700, 0.1472, 0.1468, 0.7060),
    (0.850, 0.1937, 0.1935, 0.6128),
    (0.900, 0.2677, 0.2674, 0.4649),
    (0.950, 0.3192, 0.3189, 0.3618),
    (1.400, 0.2744, 0.2743, 0.4512),
    (1.450, 0.2592, 0.2591, 0.4817),
    (1.500, 0.2467, 0.2467, 0.5066),
    (1.550, 0.2382, 0.2382, 0.5237),
    (1.600, 0.2328, 0.2328, 0.5345),
];

/// FORESEE rows where R differs between sources (see the module comment):
/// 0.35–0.40 GeV (ππ threshold region) and 1.1–1.3, 1.65–1.9 GeV.
const FORESEE_R_DIFFERS: &[(f64, f64, f64, f64)] = &[
    (0.350, 0.4911, 0.4628, 0.0461),
    (0.400, 0.4635, 0.4484, 0.0881),
    (1.100, 0.3494, 0.3493, 0.3013),
    (1.200, 0.3439, 0.3438, 0.3123),
    (1.300, 0.3138, 0.3137, 0.3724),
    (1.700, 0.2391, 0.2391, 0.5218),
    (1.800, 0.2393, 0.2393, 0.5213),
    (1.900, 0.2395, 0.2395, 0.5210),
];

#[test]
fn branching_ratios_match_foresee_away_from_resonances() {
    for &(m, ee, mumu, had) in FORESEE_AGREE {
        let br = DarkPhoton::new(m + FORESEE_GRID_OFFSET, 1e-4)
            .unwrap()
            .branching_ratios();
        println!(
            "m = {m:.3}: ee {:.4}/{ee:.4}  mumu {:.4}/{mumu:.4}  had {:.4}/{had:.4}",
            br.ee, br.mumu, br.hadrons
        );
        assert!(rel(br.ee, ee) < 0.05, "BR_ee at {m}: {} vs {ee}", br.ee);
        assert!(
            rel(br.mumu, mumu) < 0.05,
            "BR_mumu at {m}: {} vs {mumu}",
            br.mumu
        );
        assert!(
            rel(br.hadrons, had) < 0.05,
            "BR_had at {m}: {} vs {had}",
            br.hadrons
        );
    }
}

/// Where the R parametrisations disagree the BRs still agree to 10 % in the
/// leptons and 20 % in hadrons (the spread of R between DarkCast, PDG and
/// FORESEE there); tighter agreement would mean choosing one R over another.
#[test]
fn branching_ratios_where_r_sources_differ_are_bounded() {
    for &(m, ee, mumu, had) in FORESEE_R_DIFFERS {
        let br = DarkPhoton::new(m + FORESEE_GRID_OFFSET, 1e-4)
            .unwrap()
            .branching_ratios();
        assert!(rel(br.ee, ee) < 0.10, "BR_ee at {m}: {} vs {ee}", br.ee);
        assert!(
            rel(br.mumu, mumu) < 0.10,
            "BR_mumu at {m}: {} vs {mumu}",
            br.mumu
        );
        assert!(
            rel(br.hadrons, had) < 0.20,
            "BR_had at {m}: {} vs {had}",
            br.hadrons
        );
    }
}

/// FORESEE `ctau.txt` (ε = 1): 8.1105e-13 m at m = 0.100022 GeV and
/// 1.4202e-13 m at m = 0.300022 GeV. Measured: 8.1105e-13 and 1.4208e-13
/// (+0.04 %, the R ratio). Asserted ± 0.5 % (was ± 2 %).
#[test]
fn ctau_matches_foresee() {
    let ap = DarkPhoton::new(0.1 + FORESEE_GRID_OFFSET, 1.0).unwrap();
    assert!(rel(ap.ctau_m(), 8.1105e-13) < 0.005, "{}", ap.ctau_m());
    let ap = DarkPhoton::new(0.1, 1.0).unwrap();
    assert!(rel(ap.ctau_m(), 8.11e-13) < 0.005, "{}", ap.ctau_m());
    let ap = DarkPhoton::new(0.3 + FORESEE_GRID_OFFSET, 1.0).unwrap();
    assert!(rel(ap.ctau_m(), 1.4202e-13) < 0.005, "{}", ap.ctau_m());
    // cτ ∝ 1/ε²: at ε = 1e-4, m = 0.1 GeV it is 81 µm.
    let ap = DarkPhoton::new(0.1, 1e-4).unwrap();
    assert!(rel(ap.ctau_m(), 8.11e-5) < 0.005, "{}", ap.ctau_m());
}

/// Below 2m_μ only e⁺e⁻ is open (FORESEE `bfrac_elec.txt` is 1 there), and
/// cτ = 3ħc/(αε²m) up to the (1+2r)√(1−4r) factor of the electron.
#[test]
fn only_electrons_below_dimuon_threshold() {
    for m in [0.002, 0.01, 0.05, 0.1, 0.2, 0.21] {
        let ap = DarkPhoton::new(m, 1e-4).unwrap();
        let br = ap.branching_ratios();
        assert_eq!(br.ee, 1.0, "m = {m}");
        assert_eq!(br.mumu + br.tautau + br.hadrons + br.invisible, 0.0);
        let ctau_massless = 3.0 * HBARC_GEV_M / (ALPHA_EM * 1e-8 * m);
        assert!(rel(ap.ctau_m(), ctau_massless) < 2e-6 + 3.0 * (ELECTRON.mass / m).powi(2));
    }
    assert!(
        DarkPhoton::new(2.0 * MUON.mass + 1e-6, 1e-4)
            .unwrap()
            .branching_ratios()
            .mumu
            > 0.0
    );
}

/// With α_D ≫ αε² the A′ decays invisibly, as in the NA64 invisible-mode
/// benchmark (α_D = 0.5, m_A′ = 3m_χ; memo example Γ_χχ = 4.555e-2 GeV at
/// m = 0.3 GeV, m_χ = 0.1 GeV).
#[test]
fn invisible_dominates_for_large_alpha_d() {
    for m in [0.01, 0.3, 0.78, 1.02, 1.5] {
        let ap = DarkPhoton::new(m, 1e-3)
            .unwrap()
            .with_dark_sector(0.5, m / 3.0)
            .unwrap();
        let br = ap.branching_ratios();
        assert!(br.invisible > 1.0 - 1e-4, "m = {m}: {}", br.invisible);
        assert!((br.visible() + br.invisible - 1.0).abs() < 1e-12);
    }
    let ap = DarkPhoton::new(0.3, 1e-3)
        .unwrap()
        .with_dark_sector(0.5, 0.1)
        .unwrap();
    assert!(rel(ap.width_invisible(), 4.555e-2) < 1e-3);
}

/// Γ_ℓℓ → αε²m/3 for m ≫ m_ℓ (massless limit of DarkCast Eq. 2.13), the
/// leading correction being −6r² for r = m_ℓ²/m²; Γ_μμ/Γ_ee at 0.5 GeV equals
/// FORESEE's BR_μμ/BR_ee = 0.3983595/0.4035065 (memo §3a).
#[test]
fn lepton_width_limits() {
    for m in [0.05, 0.5, 5.0] {
        let ap = DarkPhoton::new(m, 1e-3).unwrap();
        let unit = ALPHA_EM * 1e-6 * m / 3.0;
        assert!(rel(ap.width_ee(), unit) < 1e-6);
    }
    let ap = DarkPhoton::new(20.0, 1e-3).unwrap();
    assert!(rel(ap.width_mumu(), ALPHA_EM * 1e-6 * 20.0 / 3.0) < 1e-4);
    assert!(rel(ap.width_tautau(), ALPHA_EM * 1e-6 * 20.0 / 3.0) < 0.03);
    let ap = DarkPhoton::new(0.5 + FORESEE_GRID_OFFSET, 1e-3).unwrap();
    assert!(rel(ap.width_mumu() / ap.width_ee(), 0.398_359_5 / 0.403_506_5) < 1e-4);
}

/// R(√s) of the shipped table against the PDG R compilation (PDG 2020,
/// `rpp2020-hadronicrpp_page1001`, as copied in `kdund/gambit`; the table is
/// now generated from it, `tests/r_ratio_pdg.rs` checks more points) where the
/// data are smooth: 0.600 GeV → 1.308, 0.900 GeV → 1.786–1.856, 1.600 GeV →
/// 2.380, 2.000 GeV → 2.180; and the ω peak (PDG 19.41 at 0.7818 GeV).
#[test]
fn r_ratio_against_pdg_compilation() {
    assert!(rel(r_ratio(0.6), 1.307_74) < 0.03);
    assert!(rel(r_ratio(0.9), 1.82) < 0.03);
    assert!(rel(r_ratio(1.6), 2.380_24) < 0.03);
    assert!(rel(r_ratio(2.0), 2.18) < 0.01);
    assert!(rel(r_ratio(0.781_628), 19.406_52) < 0.03);
    assert_eq!(r_ratio(0.25), 0.0);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(matches!(
        DarkPhoton::new(f64::NAN, 1e-4),
        Err(ModelError::InvalidMass(_))
    ));
    assert_eq!(
        DarkPhoton::new(0.1, 0.0),
        Err(ModelError::InvalidCoupling(0.0))
    );
    let ap = DarkPhoton::new(0.1, 1e-4).unwrap();
    assert_eq!(
        ap.with_dark_sector(-0.1, 0.01),
        Err(ModelError::InvalidAlphaD(-0.1))
    );
    assert_eq!(
        ap.with_dark_sector(0.1, -0.01),
        Err(ModelError::InvalidDarkMatterMass(-0.01))
    );
}
