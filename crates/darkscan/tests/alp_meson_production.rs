//! ALP production in meson decays (`production::alp_mesons`) and the NA62
//! K⁺ → π⁺X recast for ALPs (`na62-kaon-pinunu-alp`, BC11 gluon coupling;
//! the same recast with the BC10 fermion coupling g_Y).
//!
//! Published curves (docs/validation, provenance in the headers):
//! - BC11: NA62 K⁺ → π⁺X as 1/f_G, regions R1 and R2, both edges, from
//!   ALPINIST's bound data (Jerhot et al., JHEP 07 (2022) 094);
//! - BC10: NA62 Run 1 K⁺ → π⁺ + inv. as g_Y (R2), digitised by the ALPINIST
//!   authors from the HIKE/NA62 BC10 figure.

mod common;

use common::{loglog_at, published_curve};
use darkscan::experiment::search::SearchPreset;
use darkscan::model::alp::AlpModel;
use darkscan::model::scalar::ScalarModel;
use darkscan::production::{alp_mesons, scalar};
use darkscan::reach::{ReachOptions, ReachResult};
use darkscan::run_preset;

fn run_text(text: &str, masses: &[f64]) -> ReachResult {
    let p = SearchPreset::parse(text, "t").unwrap();
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        ..ReachOptions::default()
    };
    run_preset("t", &p, &opts, &|_| {}).unwrap()
}

fn run_bc11(masses: &[f64]) -> ReachResult {
    let text = darkscan::experiment::search::shipped_text("na62-kaon-pinunu-alp").unwrap();
    run_text(text, masses)
}

/// The excluded (weakest, strongest) coupling of one mass, if any.
fn edges(r: &ReachResult, i: usize) -> Option<(f64, f64)> {
    let ex = &r.limits[i].excluded;
    Some((ex.first()?.0, ex.last()?.1?))
}

#[test]
fn bc11_reach_reproduces_the_published_weak_coupling_edge() {
    // The weak-coupling edge is set by the stable-X BR limit and the
    // K⁺ → π⁺a rate ∝ (1/f_G)²: same NA62 data and the same N₈ give the
    // published 1/f_G to the digitisation accuracy of the two BR curves
    // (≲ 10 % in BR, 5 % in 1/f_G). Measured: 0.981, 0.981, 0.982, 0.982,
    // 0.961 (R1), 0.976, 0.964, 0.979, 0.943 (R2). With the chiral amplitude
    // alone (the published interpretation's model, and darkscan's before the
    // BC11 top loop of `alp_mesons::bc11_fcnc_factor`) they were 0.998, 0.998,
    // 0.999, 0.999, 0.978, 0.993, 0.981, 0.997, 0.961: the double-log top loop
    // adds ≈ 1.7 % to the K⁺ amplitude (3.5 % to the rate), moving every edge
    // 1.7 % down. So at 0.23 GeV the 5 % criterion fails (0.943): a known
    // difference of model, asserted as measured. Every ratio ± 0.01.
    let measured = [
        0.981, 0.981, 0.982, 0.982, 0.961, 0.976, 0.964, 0.979, 0.943,
    ];
    let mut k = 0;
    for (file, masses) in [
        (
            "na62_KpiX_alp_BC11_invfG_R1_weak.txt",
            vec![0.02, 0.04, 0.06, 0.08, 0.095],
        ),
        (
            "na62_KpiX_alp_BC11_invfG_R2_weak.txt",
            vec![0.17, 0.19, 0.21, 0.23],
        ),
    ] {
        let published = published_curve(file);
        let r = run_bc11(&masses);
        assert_eq!(r.coupling_label(), "1/f_G [1/GeV]");
        for (i, &m) in masses.iter().enumerate() {
            let (weak, _) = edges(&r, i).unwrap();
            let ratio = weak / loglog_at(&published, m);
            println!("{file} m = {m}: 1/f_G {weak:.4e}, darkscan/published {ratio:.4}");
            assert!((ratio - measured[k]).abs() < 0.01, "m = {m}: {ratio}");
            if m < 0.225 {
                assert!((ratio - 1.0).abs() < 0.05, "m = {m}: {ratio}");
            }
            k += 1;
        }
    }
}

#[test]
fn bc11_strong_coupling_edge_where_the_lifetime_curves_reach() {
    // The strong-coupling edge is where the ALP decays in the detector. It
    // depends on the lifetime treatment: darkscan interpolates NA62's
    // BR limits for τ ≥ 0.1 ns and sets no limit below (the source's
    // treatment is not documented). Where the edge lies at τ ≳ 0.1 ns (R2,
    // and R1 above 65 MeV) darkscan is within 30 % of the published 1/f_G
    // (measured 0.86–1.28 at these masses); below 60 MeV the published edge
    // reaches couplings a factor 1.5–8 stronger, beyond darkscan's shortest
    // lifetime curve (0.29 at 20 MeV; asserted as measured).
    for (file, masses) in [
        (
            "na62_KpiX_alp_BC11_invfG_R1_strong.txt",
            vec![0.07, 0.08, 0.09],
        ),
        (
            "na62_KpiX_alp_BC11_invfG_R2_strong.txt",
            vec![0.17, 0.19, 0.21, 0.23],
        ),
    ] {
        let published = published_curve(file);
        let r = run_bc11(&masses);
        for (i, &m) in masses.iter().enumerate() {
            let (_, strong) = edges(&r, i).unwrap();
            let ratio = strong / loglog_at(&published, m);
            println!("{file} m = {m}: 1/f_G {strong:.4e}, darkscan/published {ratio:.3}");
            assert!((ratio - 1.0).abs() < 0.35, "m = {m}: {ratio}");
        }
    }
    let published = published_curve("na62_KpiX_alp_BC11_invfG_R1_strong.txt");
    let r = run_bc11(&[0.02]);
    let ratio = edges(&r, 0).unwrap().1 / loglog_at(&published, 0.02);
    println!("R1 m = 0.02: strong edge darkscan/published {ratio:.3}");
    assert!((0.1..0.6).contains(&ratio), "{ratio}");
}

#[test]
fn bc10_recast_against_the_published_g_y_curve() {
    // The same recast with the fermion coupling g_Y (BC10): K⁺ → π⁺a from
    // the top loop (ln(Λ/m_t), Λ = 1 TeV) and the N₈ term. darkscan's
    // weak-coupling edge in R2 is a factor 1.6–1.9 above the digitised
    // NA62 Run 1 g_Y curve (rate factor ≈ 3): asserted as measured, cause
    // not settled (the figure's g_Y normalisation and flavour-changing
    // formula are not stated: a coupling defined √2–2 times larger, or a
    // ln(Λ²/m_t²) in place of ln(Λ/m_t), would account for it). ALPaca's
    // BC10 conventions go the other way (rate per g_Y² 0.40 of darkscan's,
    // `bc10_alpaca_difference_is_its_vev_and_rg_improvement`).
    let text = darkscan::experiment::search::shipped_text("na62-kaon-pinunu-alp")
        .unwrap()
        .replace("inv_f_g = 1.0", "g_y = 1.0");
    let masses = [0.17, 0.19, 0.21, 0.23];
    let r = run_text(&text, &masses);
    assert_eq!(r.coupling_label(), "g_Y");
    let published = published_curve("na62_KpiX_alp_BC10_gY_R2_weak.txt");
    for (i, &m) in masses.iter().enumerate() {
        let (weak, _) = edges(&r, i).unwrap();
        let ratio = weak / loglog_at(&published, m);
        println!("m = {m}: g_Y {weak:.3e}, darkscan/published {ratio:.3}");
        assert!((1.5..2.0).contains(&ratio), "m = {m}: {ratio}");
    }
}

#[test]
fn b_to_k_a_has_the_scalar_kinematics_with_the_alp_coupling() {
    // Γ(B → K a)/|g_bs|² and Γ(B → K S)/(θ²|C|²) are the same function of
    // the masses and form factors (module docs of both): their BR ratio is
    // |g_bs|²/|C|² for every mass, for K and K*. |C|² from the scalar's
    // definition 3 m_t² |V_ts* V_tb|/(16π² v³).
    let alp = AlpModel {
        g_y: 1e-3,
        ..AlpModel::default()
    };
    let s = ScalarModel::new(1.0).unwrap();
    let v = darkscan::model::scalar::higgs_vev();
    let (re, im) = scalar::lambda_t_bs();
    let c2 = (3.0 * darkscan::model::scalar::M_TOP.powi(2)
        / (16.0 * std::f64::consts::PI.powi(2) * v.powi(3)))
    .powi(2)
        * (re * re + im * im);
    let expect = alp_mesons::g_bs_squared(1e-3) / c2;
    for parent in [521, 511] {
        for m in [0.1, 1.0, 3.0, 4.3] {
            let a = alp_mesons::channels(parent, m, &alp).unwrap();
            let sc = scalar::channels(parent, m, &s).unwrap();
            assert_eq!(a.len(), sc.len());
            for (x, y) in a.iter().zip(&sc) {
                let r = x.branching_ratio / y.branching_ratio / expect;
                assert!((r - 1.0).abs() < 1e-12, "{} at {m}: {r}", x.name);
            }
        }
    }
    // Scale: |g_bs|/g_Y = (y_t²/16π² v)|V_ts V_tb|(ln(1 TeV/m_t) + δ_t)
    // ≈ 6.22e-3/246.22 × 0.0405 × 1.75 ≈ 1.8e-6 GeV⁻¹.
    let g = alp_mesons::g_bs_squared(1.0).sqrt();
    assert!((g / 1.79e-6 - 1.0).abs() < 0.03, "{g}");
}

#[test]
fn kaon_rate_scales_with_the_square_of_each_coupling() {
    let br = |m: AlpModel| alp_mesons::channels(321, 0.1, &m).unwrap()[0].branching_ratio;
    let y = |g| AlpModel {
        g_y: g,
        ..AlpModel::default()
    };
    let gl = |g| AlpModel {
        inv_f_g: g,
        ..AlpModel::default()
    };
    assert!((br(y(2e-4)) / br(y(1e-4)) - 4.0).abs() < 1e-9);
    assert!((br(gl(2e-5)) / br(gl(1e-5)) - 4.0).abs() < 1e-9);
    // The chiral N₈ term is ≈ 8 % of the BC10 top-loop amplitude.
    let (re, im) = alp_mesons::amplitude_kplus_pi_a(0.1, &y(1.0));
    let full = (re * re + im * im).sqrt();
    let n8 = alp_mesons::N8 / darkscan::model::scalar::higgs_vev()
        * (darkscan::units::KAON_CHARGED.mass.powi(2) - darkscan::units::PION_CHARGED.mass.powi(2));
    let frac = n8.abs() / full;
    assert!((0.05..0.12).contains(&frac), "{frac}");
}

#[test]
fn dump_sources_offer_b_parents_only_with_the_fermion_coupling() {
    use darkscan::model::ModelSpec;
    use darkscan::production::dump_sources::{DumpBeam, channel_names, proton_dump_sources};
    let spec = |g_y: f64, g_agg: f64| ModelSpec::Alp {
        g_agg,
        g_aee: 0.0,
        g_amumu: 0.0,
        g_atautau: 0.0,
        g_y,
        inv_f_g: 0.0,
    };
    assert_eq!(
        channel_names(&spec(0.0, 1.0)),
        ["pi0-primakoff", "eta-primakoff"]
    );
    let names = channel_names(&spec(1.0, 0.0));
    assert_eq!(names.len(), 6);
    let beam = DumpBeam {
        energy_gev: 400.0,
        heavy_flavour_cascade: false,
    };
    let b: Vec<String> = ["B+", "B0~"].iter().map(|s| s.to_string()).collect();
    let src = proton_dump_sources(&spec(1.0, 0.0), Some(&b), beam, 0.5).unwrap();
    assert_eq!(src.len(), 2);
    assert!(proton_dump_sources(&spec(0.0, 1.0), Some(&b), beam, 0.5).is_err());
    // Every trial's weight is parents/POT × Σ BR(B → K(*)a) at g_Y = 1.
    let mut rng = darkscan::numeric::rng::Rng::new(7, 0);
    let (p, w) = (0..100).find_map(|_| src[0].sample(&mut rng)).unwrap();
    let br: f64 = alp_mesons::channels(
        521,
        0.5,
        &AlpModel {
            g_y: 1.0,
            ..AlpModel::default()
        },
    )
    .unwrap()
    .iter()
    .map(|c| c.branching_ratio)
    .sum();
    let per_pot = darkscan::production::source::parent_table_with_cascade(521, false)
        .unwrap()
        .1;
    assert!((w / (per_pot * br) - 1.0).abs() < 1e-12, "{w}");
    assert!((p.mass() - 0.5).abs() < 1e-9);
}

/// K_L → π⁰a and K⁺ → π⁺a against ALPaca (alp-aca/alp-aca v1.1.0, commit
/// 3f982736, `branching_ratio('K+ -> alp pion+' | 'KL -> alp pion0', m_a,
/// BC10()(g_Y = 1e-4, f_a = 1000) | BC11()(f_G, f_a), f_a)`, default RG
/// integrator), run here on the same inputs.
///
/// ALPaca's BR at 0.05, 0.1, 0.2, 0.3 GeV: BC10 K⁺ 8.417, 8.071, 6.656,
/// 3.977 ×10⁻¹²; K_L 6.051, 5.817, 4.849, 3.031 ×10⁻¹², i.e. K_L/K⁺ = 0.719,
/// 0.721, 0.729, 0.762; BC11 K_L/K⁺ = 1.56×10⁻⁴, 1.44×10⁻⁴, 2.11×10⁻⁴,
/// 2.51×10⁻⁴.
///
/// Measured (asserted ± 5 %):
/// - **BC10, K_L/K⁺** (the CP-violating Im(V_ts*V_td) part against the
///   whole K⁺ amplitude; normalisation-free): darkscan 0.814, 0.815, 0.819,
///   0.853 — 1.12–1.13 × ALPaca's (darkscan's K⁺ keeps the N₈ chiral term,
///   which interferes destructively, and neglects the 27-plet and isospin
///   breaking that ALPaca includes). Within 15 %: asserted.
/// - **BC10, absolute**: darkscan's BRs are 2.01, 2.04, 2.13, 2.29 (K⁺) and
///   2.28, 2.30, 2.40, 2.56 (K_L) × ALPaca's — **explained**, asserted in
///   `bc10_alpaca_difference_is_its_vev_and_rg_improvement`: ALPaca's BC10
///   couplings are 0.7996 of darkscan's (c_Y = g_Y f_a/(2v) with its
///   running MS-bar v(1 TeV) = 307.94 GeV in place of 246.22 GeV), and its
///   RG-improved [k_D]_sd coefficient is 1.3574 against darkscan's one-step
///   y_t²[ln(Λ/m_t) + δ_t] = 1.7159 (MS-bar y_t(μ) and c_tt(μ) run between
///   Λ and μ_w: a scheme and higher-order difference, module docs), i.e.
///   amplitude × 0.6325, rate × 0.400; the rest is CKM inputs and f₀. Its
///   other integrators: `'leadinglog'` (one step with y_t(1 TeV) = 0.864,
///   coefficient 1.293) 7.63×10⁻¹² (K⁺, 50 MeV); `'no_rge'` drops the
///   Λ → μ_w = 100 GeV log altogether (coefficient y_t(μ_w)²[ln(μ_w/m_t) +
///   δ_t] = −0.519) 1.90×10⁻¹². darkscan keeps its formula and the PBC
///   v = 246.22 GeV.
/// - **BC11, K_L/K⁺** (the s → d coupling the gluon coupling induces by
///   running, `alp_mesons::bc11_fcnc_factor`, whose Im part is almost all of
///   K_L → π⁰a, against the chiral K⁺ amplitude; independent of the BC11
///   normalisation convention): darkscan 1.60, 1.64, 1.88, 2.57 ×10⁻⁴, i.e.
///   1.03, 1.15, 0.89, 1.02 × ALPaca's (its full RG solution vs darkscan's
///   leading double log). Within 20 %: asserted. (With the ε_K admixture
///   alone it was 2.1×10⁻⁵.)
#[test]
fn klong_and_kplus_against_alpaca() {
    let masses = [0.05, 0.1, 0.2, 0.3];
    let alpaca_kp = [8.417e-12, 8.071e-12, 6.656e-12, 3.977e-12];
    let alpaca_kl = [6.051e-12, 5.817e-12, 4.849e-12, 3.031e-12];
    let bc10 = AlpModel {
        g_y: 1e-4,
        ..AlpModel::default()
    };
    let bc11 = AlpModel {
        inv_f_g: 1e-5,
        ..AlpModel::default()
    };
    let br = |parent: i32, m: f64, model: &AlpModel| -> f64 {
        alp_mesons::channels(parent, m, model)
            .unwrap()
            .iter()
            .map(|c| c.branching_ratio)
            .sum()
    };
    let measured_ratio = [0.814, 0.815, 0.819, 0.853];
    // ALPaca BC11 (BC11()(f_G = 1000, f_a = 1000)) K_L/K⁺ and darkscan's.
    let alpaca_bc11_ratio = [1.556e-4, 1.436e-4, 2.110e-4, 2.509e-4];
    let measured_bc11 = [1.595e-4, 1.645e-4, 1.884e-4, 2.567e-4];
    let measured_kp = [2.01, 2.04, 2.13, 2.29];
    let measured_kl = [2.28, 2.30, 2.40, 2.56];
    for (i, &m) in masses.iter().enumerate() {
        let (kp, kl) = (br(321, m, &bc10), br(130, m, &bc10));
        let ratio = kl / kp;
        let alpaca_ratio = alpaca_kl[i] / alpaca_kp[i];
        println!(
            "m_a = {m}: BC10 K+ {kp:.3e} ({:.2}x ALPaca), K_L {kl:.3e} ({:.2}x), K_L/K+ {ratio:.3} (ALPaca {alpaca_ratio:.3})",
            kp / alpaca_kp[i],
            kl / alpaca_kl[i]
        );
        assert!((ratio / alpaca_ratio - 1.0).abs() < 0.15, "{m}: {ratio}");
        assert!(
            (ratio / measured_ratio[i] - 1.0).abs() < 0.05,
            "{m}: {ratio}"
        );
        assert!((kp / alpaca_kp[i] / measured_kp[i] - 1.0).abs() < 0.05);
        assert!((kl / alpaca_kl[i] / measured_kl[i] - 1.0).abs() < 0.05);
        // BC11: the ε_K admixture only, |ε_K|² τ_L/τ_+ × (phase space) ≈ 2×10⁻⁵.
        let r11 = br(130, m, &bc11) / br(321, m, &bc11);
        println!(
            "m_a = {m}: BC11 K_L/K+ {r11:.3e} ({:.3} x ALPaca)",
            r11 / alpaca_bc11_ratio[i]
        );
        assert!((r11 / alpaca_bc11_ratio[i] - 1.0).abs() < 0.2, "{m}: {r11}");
        assert!((r11 / measured_bc11[i] - 1.0).abs() < 0.05, "{m}: {r11}");
    }
    assert_eq!(alp_mesons::parent_pdg("K_L"), Some(130));
    assert!(br(130, 0.4, &bc10) == 0.0);
}

/// Why darkscan's BC10 s → d and b → s couplings are ≈ 1.58× ALPaca's
/// (module docs of `production::alp_mesons`, "Comparison with ALPaca"):
/// both evaluate [k_D]_ij = V_ti*V_tj (c_tt/16π²) × K, but
///
/// 1. ALPaca's `BC10()` sets c_Y = g_Y f_a/(2 v(1 TeV)) with its running
///    MS-bar v(1 TeV) = √(2m²/λ) = 307.936 GeV (`runSM(1000)['vev']`),
///    darkscan c_tt/f = g_Y/v, v = 246.22 GeV: every ALPaca BC10 fermion
///    coupling is 246.22/307.936 = 0.7996 of darkscan's;
/// 2. ALPaca integrates the one-loop RGEs (arXiv:2012.12272) with the
///    running MS-bar y_t(μ) and c_tt(μ) from Λ = 1 TeV to μ_w = 100 GeV and
///    matches there: K = 1.3574 for s → d and 1.3438 for b → s (its
///    [k_D]_ij/(V_ti*V_tj c_tt(Λ)/16π²) at 2 GeV, default integrator; run
///    here, alp-aca v1.1.0), against darkscan's one-step
///    y_t²[ln(Λ/m_t) + δ_t] = 0.9825 × 1.7465 = 1.7159 (y_t = √2 m_t/v,
///    pole m_t).
///
/// Undoing both (g_Y → g_Y × 0.7996 × 1.3574/1.7159) and the two
/// remaining input differences — ALPaca's CKM (runSM(100):
/// Im(V_ts*V_td) = 1.4608×10⁻⁴, |V_ts*V_tb| = 0.041379) and its K → π
/// amplitude without the form factor f₀ (darkscan f₀(0) = 0.970) —
/// darkscan's K_L → π⁰a reproduces ALPaca's: asserted within 3 % in BR.
/// Measured: 1.021 at each of 0.05, 0.1, 0.2, 0.3 GeV (a mass-independent
/// 2 % from ALPaca's other hadronic inputs, not traced further).
/// B⁺ → K⁺a and K*⁺a (ALPaca `'B+ -> K+ alp'`, `'B+ -> K*+ alp'`: 2.558,
/// 2.681 ×10⁻⁹ and 2.973, 2.910 ×10⁻⁹ at 1, 2 GeV; raw darkscan/ALPaca
/// 2.52, 2.53 and 2.58, 2.61): with the same factors (K = 1.3438) 1.004, 1.006
/// and 1.027, 1.040, asserted within 5 % in BR (form factors differ).
/// K⁺ → π⁺a is compared in ratio above (its chiral term differs: ALPaca
/// keeps the 27-plet, isospin breaking and the light-quark couplings as
/// run to the kaon scale).
#[test]
fn bc10_alpaca_difference_is_its_vev_and_rg_improvement() {
    use darkscan::model::scalar::higgs_vev;
    let v = higgs_vev();
    let pi2 = std::f64::consts::PI.powi(2);
    // darkscan's coefficient K = y_t²[ln(Λ/m_t) + δ_t].
    let k_darkscan = alp_mesons::bc10_fcnc_factor() * 16.0 * pi2 * v;
    println!("darkscan K = {k_darkscan:.4}");
    assert!((k_darkscan / 1.7159 - 1.0).abs() < 1e-3, "{k_darkscan}");
    let vev_alpaca_1tev = 307.936;
    let k_alpaca_sd = 1.3574;
    let scale = v / vev_alpaca_1tev * k_alpaca_sd / k_darkscan;
    println!("amplitude factor ALPaca/darkscan = {scale:.4}");
    let (_, im_ds) = scalar::lambda_t_sd();
    let ckm2 = (1.4608e-4 / im_ds.abs()).powi(2);
    let alpaca_kl = [6.051e-12, 5.817e-12, 4.849e-12, 3.031e-12];
    for (i, &m) in [0.05, 0.1, 0.2, 0.3].iter().enumerate() {
        let model = AlpModel {
            g_y: 1e-4 * scale,
            ..AlpModel::default()
        };
        let kl: f64 = alp_mesons::channels(130, m, &model).unwrap()[0].branching_ratio;
        let f0 = scalar::f0_k_pi(m * m);
        let r = kl * ckm2 / (f0 * f0) / alpaca_kl[i];
        println!(
            "m_a = {m}: K_L, ALPaca conventions / ALPaca = {r:.4} (CKM² {ckm2:.4}, f0 {f0:.4})"
        );
        assert!((r - 1.0).abs() < 0.03, "{m}: {r}");
    }
    // B⁺ → K⁺a, K*⁺a: same factors with K = 1.3438 (b → s) and |V_ts*V_tb|.
    let (re, im) = scalar::lambda_t_bs();
    let ckm_bs2 = (0.041379f64 / (re * re + im * im).sqrt()).powi(2);
    let scale_bs = v / vev_alpaca_1tev * 1.3438 / k_darkscan;
    for (m, alpaca_k, alpaca_kstar) in [(1.0, 2.558e-9, 2.973e-9), (2.0, 2.681e-9, 2.910e-9)] {
        let model = AlpModel {
            g_y: 1e-4 * scale_bs,
            ..AlpModel::default()
        };
        let ch = alp_mesons::channels(521, m, &model).unwrap();
        let raw = alp_mesons::channels(
            521,
            m,
            &AlpModel {
                g_y: 1e-4,
                ..AlpModel::default()
            },
        )
        .unwrap();
        let (rk, rks) = (
            ch[0].branching_ratio * ckm_bs2 / alpaca_k,
            ch[1].branching_ratio * ckm_bs2 / alpaca_kstar,
        );
        println!(
            "m_a = {m}: B+ -> K+ a {rk:.4}, K*+ a {rks:.4} (ALPaca conventions / ALPaca); raw darkscan/ALPaca {:.3}, {:.3}",
            raw[0].branching_ratio / alpaca_k,
            raw[1].branching_ratio / alpaca_kstar
        );
        assert!(
            (rk - 1.0).abs() < 0.05 && (rks - 1.0).abs() < 0.05,
            "{m}: {rk} {rks}"
        );
    }
}

/// B → K(*)a for the gluon coupling (BC11; `alp_mesons::bc11_fcnc_factor`,
/// the leading double log of the top-loop b → s coupling the gluon coupling
/// induces) against ALPaca v1.1.0 (`BC11()(f_G = 1000, f_a = 1000)`, default
/// RG integrator), as ratios to K_L → π⁰a (both induced-coupling processes;
/// the BC11 normalisation conventions, ALPaca's c_G = (π/α_s) f_a/f_G vs
/// darkscan's c_GG/f = 1/(2f_G), cancel). ALPaca: B⁺ → K⁺a 5.946×10⁻⁵,
/// 5.948×10⁻⁵ and B⁺ → K*⁺a 7.025×10⁻⁵, 7.025×10⁻⁵ at 0.1, 0.2 GeV;
/// K_L → π⁰a 9.370×10⁻⁸, 7.897×10⁻⁸. Measured darkscan/ALPaca of
/// B⁺ → K⁺a/K_L → π⁰a: 1.09, 1.04; of B⁺ → K*⁺a/K_L → π⁰a: 1.13, 1.07
/// (b → s against s → d: CKM and form factors). Asserted: within 20 % and
/// ± 5 % of measured; and B channels exist for a gluon-only ALP.
#[test]
fn bc11_b_to_k_a_against_alpaca() {
    let bc11 = AlpModel {
        inv_f_g: 1e-5,
        ..AlpModel::default()
    };
    let one = |parent: i32, m: f64, name: &str| -> f64 {
        alp_mesons::channels(parent, m, &bc11)
            .unwrap()
            .iter()
            .find(|c| c.name == name)
            .map_or(0.0, |c| c.branching_ratio)
    };
    let alpaca_k = [5.946e-5, 5.948e-5];
    let alpaca_kstar = [7.025e-5, 7.025e-5];
    let alpaca_kl = [9.370e-8, 7.897e-8];
    let measured_k = [1.09, 1.04];
    let measured_kstar = [1.13, 1.07];
    for (i, m) in [0.1, 0.2].into_iter().enumerate() {
        let kl = one(130, m, "K_L -> pi0 a");
        let rk = one(521, m, "B+ -> K+ a") / kl / (alpaca_k[i] / alpaca_kl[i]);
        let rks = one(521, m, "B+ -> K*+ a") / kl / (alpaca_kstar[i] / alpaca_kl[i]);
        println!("m_a = {m}: (B+ -> K+ a / K_L) {rk:.3}, (B+ -> K*+ a / K_L) {rks:.3} x ALPaca");
        for (r, r0) in [(rk, measured_k[i]), (rks, measured_kstar[i])] {
            assert!((r - 1.0).abs() < 0.2, "{m}: {r}");
            assert!((r / r0 - 1.0).abs() < 0.05, "{m}: {r} vs {r0}");
        }
    }
}
