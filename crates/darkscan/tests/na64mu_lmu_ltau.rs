//! NA64μ (160 GeV muons, missing momentum): the Lμ−Lτ Z′ model, muon
//! bremsstrahlung, the (g−2)_μ band and the reach of the shipped presets.
//!
//! What is validated against what:
//! - widths: the closed forms of Bauer, Foldenauer, Jaeckel, JHEP 07 (2018)
//!   094, to 1e-12;
//! - Δa_μ: the two analytic limits of Pospelov's one-loop integral
//!   (PRD 80 (2009) 095002): g²/(8π²) for m_Z′ ≪ m_μ and g²m_μ²/(12π²m_Z′²)
//!   for m_Z′ ≫ m_μ;
//! - the reach: its internal identity N_sig(g_limit) = N_UL and its scalings.
//!
//! - the **dark-photon** reach against NA64's own 2022 NA64μ dark-photon
//!   limit (α_D = 0.1, m_A′ = 3m_χ; the curve of NA64's input to the European
//!   Strategy update, `ESPP2026-PPG/Quasi-elastic-DM`,
//!   `Constraints_BC2_NA64mu-2022.csv`, provided by P. Crivelli), at 11 rows of
//!   that file. NA64's signal efficiency for this run is not readable here, so
//!   the presets' `signal_efficiency` (0.0794) is **calibrated** on that curve
//!   at m_A′ = 0.0993 GeV; the shape is the test, and the uncalibrated
//!   (ideal-detector) ratios are pinned so the gap stays visible.
//!
//! NOT validated: the published NA64μ g_Z′ limit (PRL 132 (2024) 211803)
//! itself — no HEPData record or digitisation of its curve was reachable;
//! only its abstract's statement (the limit cuts into the remaining (g−2)_μ
//! band) is checked, with the calibrated efficiency.

use darkscan::experiment::missing_momentum::{MOMENTUM_PRESETS, MomentumPreset, parse_preset};
use darkscan::experiment::search::SearchPreset;
use darkscan::model::Fip;
use darkscan::model::lmu_ltau::{
    DELTA_A_MU_WP2020, DELTA_A_MU_WP2020_ERROR, LmuLtauModel, delta_a_mu, g_for_delta_a_mu,
    width_leptons, width_neutrinos_per_flavour,
};
use darkscan::production::electron_brem::LEAD;
use darkscan::production::muon_brem::{MuonBremMethod, sigma_between};
use darkscan::reach::{ReachOptions, ReachResult};
use darkscan::run_preset;
use darkscan::units::MUON;
use std::f64::consts::PI;

fn preset(name: &str) -> MomentumPreset {
    let text = MOMENTUM_PRESETS.iter().find(|(n, _)| *n == name).unwrap().1;
    parse_preset(text, name).unwrap()
}

fn reach(p: &MomentumPreset, masses: &[f64]) -> ReachResult {
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        ..ReachOptions::default()
    };
    run_preset(
        "t",
        &SearchPreset::MissingMomentum(p.clone()),
        &opts,
        &|_| {},
    )
    .unwrap()
}

fn lower_edge(r: &ReachResult, i: usize) -> f64 {
    r.limits[i].excluded[0].0
}

#[test]
fn widths_are_the_closed_forms() {
    let (m, g) = (0.5, 3e-4);
    let t = LmuLtauModel.decays(m).unwrap();
    let nu = g * g * m / (24.0 * PI);
    let r = (MUON.mass / m).powi(2);
    let mumu = g * g * m / (12.0 * PI) * (1.0 + 2.0 * r) * (1.0 - 4.0 * r).sqrt();
    assert!((width_neutrinos_per_flavour(m, g) / nu - 1.0).abs() < 1e-12);
    assert!((width_leptons(m, MUON.mass, g) / mumu - 1.0).abs() < 1e-12);
    assert!((t.total_width(g) / (2.0 * nu + mumu) - 1.0).abs() < 1e-12);
    // Below 2 m_μ only neutrinos: Γ = g² m/(12π), fully invisible.
    let t = LmuLtauModel.decays(0.1).unwrap();
    assert!((t.total_width(g) / (g * g * 0.1 / (12.0 * PI)) - 1.0).abs() < 1e-12);
    assert_eq!(t.channels.len(), 2);
    assert!(
        t.channels
            .iter()
            .all(|c| c.daughters.iter().all(|d| d.is_invisible()))
    );
    assert_eq!(LmuLtauModel.coupling_label(), "g_Z'");
}

#[test]
fn g_minus_2_band_limits() {
    // m_Z' → 0: Δa_μ → g²/(8π²) (the brief's g²/(12π²) is the m_Z' ≫ m_μ
    // coefficient times m_μ²/m_Z'², not the light limit). The approach is
    // linear: Δa_μ = g²/(8π²) (1 − π m_Z'/m_μ + O(m² ln m)), from the region
    // x ~ m_Z'/m_μ of the Feynman-parameter integral.
    for &g in &[1e-4, 5e-4] {
        for &m in &[1e-6, 1e-5] {
            let light = delta_a_mu(m, g) / (g * g / (8.0 * PI * PI));
            assert!((light - (1.0 - PI * m / MUON.mass)).abs() < 1e-6, "{light}");
        }
        let heavy = g * g * MUON.mass.powi(2) / (12.0 * PI * PI * 50.0f64.powi(2));
        assert!((delta_a_mu(50.0, g) / heavy - 1.0).abs() < 1e-3);
    }
    // The classic favoured coupling at low mass, √(8π² Δa_μ) = 4.43e-4 for
    // Δa_μ = 2.49e-9, rising with the mass.
    let g0 = g_for_delta_a_mu(1e-7, DELTA_A_MU_WP2020);
    assert!((g0 / (8.0 * PI * PI * DELTA_A_MU_WP2020).sqrt() - 1.0).abs() < 1e-5);
    assert!(g_for_delta_a_mu(0.2, DELTA_A_MU_WP2020) > 2.0 * g0);
}

#[test]
fn ww_flux_suppression_against_iww() {
    // Measured: for a 160 GeV muon the θ-dependent t_min of the WW flux,
    // t_min = ũ²/(4E₀²(1−x)²) with |ũ| ≥ m_μ² x, exceeds the atomic screening
    // scale (≈ 4e-10 GeV² for Pb) when x → 1, so χ falls below the constant
    // IWW value taken from t_min = m⁴/4E₀². WW/IWW for x > 0.5 is 0.61 at
    // 10 MeV and 0.43 at 1 GeV (darkscan, this commit).
    let s = |meth, m| sigma_between(meth, 160.0, m, MUON.mass, LEAD, 0.5, 1.0);
    let r10 = s(MuonBremMethod::Ww, 0.01) / s(MuonBremMethod::Iww, 0.01);
    let r1000 = s(MuonBremMethod::Ww, 1.0) / s(MuonBremMethod::Iww, 1.0);
    assert!((r10 - 0.608).abs() < 0.01, "{r10}");
    assert!((r1000 - 0.425).abs() < 0.01, "{r1000}");
}

#[test]
fn reach_identity_meta_and_scalings() {
    // The ideal detector (ε_sig = 1), so that the identity and the
    // measured uncalibrated limit below read without the calibration.
    let mut p = preset("na64mu-lmu-ltau-2022");
    p.selection.signal_efficiency =
        darkscan::experiment::missing_energy::SignalEfficiency::Constant(1.0);
    let masses = [0.002, 0.01, 0.1, 0.2, 0.25, 1.0];
    let r = reach(&p, &masses);
    assert_eq!(r.meta.coupling, "g_Z'");
    assert_eq!(r.meta.coupling_label, "g_Z'");
    assert_eq!(r.meta.exposure_unit, "MOT");
    assert_eq!(r.meta.mass_label, "m_Z' [GeV]");
    assert!((r.exposure - 1.98e10).abs() < 1.0);
    // 0 observed, 90 % CL CLs: N_UL = ln 10 whatever the background.
    assert!((r.signal_upper_limit - 10f64.ln()).abs() < 1e-6);
    // Identity: at the lower edge N_MOT ε g² Y₁ BR_inv = N_UL.
    for (i, &m) in masses.iter().enumerate() {
        let g = lower_edge(&r, i);
        let table = LmuLtauModel.decays(m).unwrap();
        let br = table.branching_ratio_where(g, |c| {
            !c.daughters.is_empty() && c.daughters.iter().all(|d| d.is_invisible())
        });
        let n = 1.98e10 * g * g * p.yield_per_mot(m) * br;
        assert!((n / 10f64.ln() - 1.0).abs() < 1e-6, "m={m}: {n}");
        assert!(r.limits[i].excluded[0].1.is_none());
    }
    // Light Z': the limit is flat (σ set by m_μ, not m_Z'): 2 → 10 MeV < 1 %.
    assert!((lower_edge(&r, 1) / lower_edge(&r, 0) - 1.0).abs() < 0.01);
    // Measured (ideal detector, ε_sig = 1): g_Z' > 1.21e-4 at 10 MeV.
    assert!(
        (lower_edge(&r, 1) / 1.2095e-4 - 1.0).abs() < 0.01,
        "{}",
        lower_edge(&r, 1)
    );
    // Across 2 m_μ the invisible BR drops from 1 to 0.58 at 0.25 GeV.
    let br = |m: f64| {
        LmuLtauModel
            .decays(m)
            .unwrap()
            .branching_ratio_where(1.0, |c| c.daughters.iter().all(|d| d.is_invisible()))
    };
    assert!((br(0.2) - 1.0).abs() < 1e-15 && (br(0.25) - 0.5795).abs() < 1e-3);
    // Efficiency scaling: g_limit ∝ ε_sig^(-1/2).
    let mut q = p.clone();
    q.selection.signal_efficiency =
        darkscan::experiment::missing_energy::SignalEfficiency::Constant(0.25);
    let r4 = reach(&q, &[0.01]);
    assert!((lower_edge(&r4, 0) / lower_edge(&r, 1) - 2.0).abs() < 1e-6);
    // The muon energy loss (0.8 GeV) moves the yield by < 1 % (up: with the
    // cut fixed at 80 GeV, a slower muon needs a smaller x; measured +0.40 %).
    let mut nl = p.clone();
    nl.target.mean_energy_loss_gev = 0.0;
    let ratio = p.yield_per_mot(0.01) / nl.yield_per_mot(0.01);
    assert!(ratio > 1.0 && ratio < 1.01, "{ratio}");
}

#[test]
fn dark_photon_preset_couples_with_eps_e() {
    let z = preset("na64mu-lmu-ltau-2022");
    let a = preset("na64mu-dark-photon-2022");
    let (rz, ra) = (reach(&z, &[0.01]), reach(&a, &[0.01]));
    assert_eq!(ra.meta.coupling, "epsilon");
    // BR_inv ≈ 1 for both at 10 MeV, so ε e = g_Z' at the limit.
    let e = (4.0 * PI * darkscan::units::ALPHA_EM).sqrt();
    let r = lower_edge(&ra, 0) * e / lower_edge(&rz, 0);
    assert!((r - 1.0).abs() < 1e-3, "{r}");
}

/// NA64's 2022 NA64μ dark-photon limit (ε, α_D = 0.1, m_A′ = 3m_χ): rows of
/// `Constraints_BC2_NA64mu-2022.csv` of `ESPP2026-PPG/Quasi-elastic-DM`
/// (commit 0e58c6cf; the NA64 input to the European Strategy update), as
/// (m_A′ [GeV], ε). The same file's y-plane twin (`Constraints_BC2_NA64mu2022.csv`,
/// y vs m_χ) converts with α_D = 0.1015, hence α_D = 0.1.
const NA64MU_2022_DARK_PHOTON: &[(f64, f64)] = &[
    (0.001008, 0.0017300850034849284),
    (0.0030051252121462047, 0.001745339329712331),
    (0.010007032840624598, 0.0017415523211051355),
    (0.01997835752067866, 0.0017481707679930713),
    (0.04976175197372199, 0.0017290468219837262),
    (0.09934593876323325, 0.0018362934272125387),
    (0.20109888506154416, 0.0024581171009146565),
    (0.3003013240794598, 0.003311035210936004),
    (0.5008936710771533, 0.005470301455282933),
    (0.6980197052671663, 0.008164460852719062),
    (1.0, 0.013902499756533999),
];

/// darkscan/published ε for `na64mu-dark-photon-2022`, calibrated and not.
///
/// Calibrated (ε_sig = 0.0794, fitted at 0.0993 GeV, the sixth row), measured:
/// 0.816, 0.809, 0.814, 0.820, 0.888, 1.000, 1.089, 1.100, 1.088, 1.067,
/// 1.014 from 1 MeV to 1 GeV. Within 25 % from 10 MeV to 1 GeV — the range
/// the issue asks of the NA64μ presets; the shape (darkscan's limit weakens
/// by 1.35 less than NA64's from 10 MeV to 0.3 GeV) is what the test checks,
/// as the normalisation is fitted. Below 20 MeV darkscan is 18–19 % strong.
///
/// Uncalibrated (ε_sig = 1, the ideal detector), pinned: 0.230, 0.228, 0.229,
/// 0.231, 0.250, 0.282, 0.307, 0.310, 0.307, 0.301, 0.286 — the signal NA64
/// would need at its limit is 11–19 times darkscan's ideal yield. The
/// cross section's size is not the gap: darkscan's 7.34×10⁻⁴ A′ per MOT at
/// ε = 1 is 1.24 × a photon-bremsstrahlung lower estimate
/// (`muon_brem_yield_is_photon_bremsstrahlung_sized`); it is NA64's
/// efficiency (unknown here) and selection. Asserted: every calibrated ratio
/// ± 0.04 and uncalibrated ± 0.01 of measured, the 25 % criterion at
/// 10 MeV–1 GeV, and the fit point at 1 ± 0.005.
#[test]
fn dark_photon_against_na64mu_2022() {
    let masses: Vec<f64> = NA64MU_2022_DARK_PHOTON.iter().map(|p| p.0).collect();
    let cal = preset("na64mu-dark-photon-2022");
    match cal.selection.signal_efficiency {
        darkscan::experiment::missing_energy::SignalEfficiency::Constant(e) => {
            assert!((e - 0.0794).abs() < 1e-12, "{e}");
        }
        ref other => panic!("expected the calibrated constant, got {other:?}"),
    }
    let mut ideal = cal.clone();
    ideal.selection.signal_efficiency =
        darkscan::experiment::missing_energy::SignalEfficiency::Constant(1.0);
    let (rc, ri) = (reach(&cal, &masses), reach(&ideal, &masses));
    let measured_cal = [
        0.816, 0.809, 0.814, 0.820, 0.888, 1.000, 1.089, 1.100, 1.088, 1.067, 1.014,
    ];
    let measured_ideal = [
        0.230, 0.228, 0.229, 0.231, 0.250, 0.282, 0.307, 0.310, 0.307, 0.301, 0.286,
    ];
    for (i, &(m, eps)) in NA64MU_2022_DARK_PHOTON.iter().enumerate() {
        let (c, u) = (lower_edge(&rc, i) / eps, lower_edge(&ri, i) / eps);
        println!(
            "m_A' = {m:.4} GeV: published eps {eps:.4e}, ratio calibrated {c:.3}, ideal {u:.3}"
        );
        assert!((c - measured_cal[i]).abs() < 0.04, "{m}: {c}");
        assert!((u - measured_ideal[i]).abs() < 0.01, "{m}: {u}");
        if m >= 0.01 {
            assert!((c - 1.0).abs() < 0.25, "{m}: {c}");
        }
    }
    assert!((lower_edge(&rc, 5) / NA64MU_2022_DARK_PHOTON[5].1 - 1.0).abs() < 0.005);
}

/// The abstract of NA64μ PRL 132 (2024) 211803: the 2022 data "set new limits
/// on part of the remaining (m_Z′, g_Z′) parameter space which could provide an
/// explanation for the muon (g−2)_μ anomaly". With the calibrated efficiency,
/// darkscan's Lμ−Lτ limit must lie below the upper 2σ edge of the (g−2)_μ band
/// (Δa_μ = 2.49(48)×10⁻⁹, `DELTA_A_MU_WP2020`) somewhere, and above its lower
/// edge (NA64μ did not exclude the whole band). Measured at 10 MeV: limit
/// 4.29×10⁻⁴ between the band's edges 3.9×10⁻⁴ and 5.9×10⁻⁴ (g for
/// Δa_μ − 2σ and + 2σ).
#[test]
fn calibrated_lmu_ltau_limit_cuts_into_the_g2_band() {
    let p = preset("na64mu-lmu-ltau-2022");
    let r = reach(&p, &[0.01]);
    let g = lower_edge(&r, 0);
    let (da, sigma) = (DELTA_A_MU_WP2020, DELTA_A_MU_WP2020_ERROR);
    let lo = g_for_delta_a_mu(0.01, da - 2.0 * sigma);
    let hi = g_for_delta_a_mu(0.01, da + 2.0 * sigma);
    println!("m_Z' = 10 MeV: limit {g:.3e}, (g-2) band {lo:.3e}..{hi:.3e}");
    assert!(g > lo && g < hi, "{g} not inside {lo}..{hi}");
    assert!((g / 4.29e-4 - 1.0).abs() < 0.02, "{g}");
}

/// The size of darkscan's muon bremsstrahlung, so that the calibrated
/// efficiency (0.0794) cannot hide a wrong cross section: the A′ yield per
/// MOT at ε = 1 (m_A′ = 1 MeV, outgoing muon below 80 GeV, i.e. A′ above
/// half the beam energy) against photon bremsstrahlung scaled to a muon.
/// Complete-screening bremsstrahlung gives, per radiation length of an
/// electron, ∫_{1/2}^1 (4/3 − 4/3 y + y²) dy/y = (4/3) ln 2 − 2/3 + 3/8
/// = 0.6332 photons above y = 1/2 (Tsai, RMP 46 (1974) 815, eq. 3.83 without
/// the small L′ term); a muon radiates (m_e/m_μ)² as much at equal
/// logarithm, and its screening logarithm is larger (screening acts at
/// impact parameters m_μ/m_e times larger than the muon's minimum), so
/// 40 X₀ × 0.6332 × (m_e/m_μ)² = 5.92×10⁻⁴ is a lower estimate. Measured:
/// darkscan 7.34×10⁻⁴, 1.24 × the estimate. Asserted: between 1 and 2 × the
/// estimate (the gap to NA64's limit, a signal factor 11–19, is not the
/// cross section's size), and ± 5 % of the measured yield.
#[test]
fn muon_brem_yield_is_photon_bremsstrahlung_sized() {
    use darkscan::units::{ALPHA_EM, ELECTRON};
    let p = preset("na64mu-dark-photon-2022");
    let yield_eps1 = 4.0 * PI * ALPHA_EM * p.yield_per_mot(0.001);
    let per_x0 = (4.0 / 3.0) * 2f64.ln() - 2.0 / 3.0 + 3.0 / 8.0;
    let estimate = 40.0 * per_x0 * (ELECTRON.mass / MUON.mass).powi(2);
    let ratio = yield_eps1 / estimate;
    println!("A' per MOT at eps = 1: {yield_eps1:.3e}, estimate {estimate:.3e}, ratio {ratio:.3}");
    assert!((1.0..2.0).contains(&ratio), "{ratio}");
    assert!((yield_eps1 / 7.34e-4 - 1.0).abs() < 0.05, "{yield_eps1}");
}
