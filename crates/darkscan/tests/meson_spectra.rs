//! The 400 GeV/c light-meson table (`data/meson_spectra_p400.csv`) against
//! measured pp multiplicities, and its sampler against its own moments.
//!
//! Literature used (pp at p_beam = 400 GeV/c, √s = 27.4 GeV):
//! - NA27 (LEBC-EHS), M. Aguilar-Benitez et al., "Inclusive particle
//!   production in 400 GeV/c pp interactions", Z. Phys. C 50 (1991) 405:
//!   σ(pp → π⁺X) = 134.4 ± 3.4 mb (as quoted from that paper in a public
//!   ALICE analysis macro, `plotf0toPionVsE.C`), i.e. ⟨π⁺⟩ = 4.2 ± 0.1 for
//!   σ_inel ≈ 32 mb; by isospin ⟨π⁰⟩ ≈ ½(⟨π⁺⟩ + ⟨π⁻⟩) ≈ 3.3–3.9.
//! - The same paper's η/π⁰ ratio against p_T (tabulated in the public
//!   repository `hanseopark/AnalysisSoftware`, file
//!   `ExternalInput/OtherExperiments/aguilar91_pp_plab400GeV_na27_eta_pi0_ratio.txt`):
//!   0.066 ± 0.010 (p_T = 0.22 GeV), 0.070 ± 0.016 (0.39), 0.063 ± 0.028
//!   (0.50), 0.12 ± 0.03 (0.59), rising to ≈ 0.2 at 0.7–0.8 GeV. Weighted
//!   with the π⁰ p_T spectrum (⟨p_T⟩ ≈ 0.35 GeV) the p_T-integrated ratio is
//!   ≈ 0.08–0.11.

mod common;

use darkscan::numeric::rng::Rng;
use darkscan::production::spectra::{Meson, MesonSpectrum, multiplicities};

/// The embedded table's text, for its header.
const TABLE: &str = include_str!("../data/meson_spectra_p400.csv");

fn mult(m: Meson) -> f64 {
    MesonSpectrum::get(m).multiplicity
}

#[test]
fn multiplicities_are_positive_and_ordered() {
    let all = multiplicities();
    assert_eq!(all.len(), 6);
    for (m, n) in &all {
        assert!(n.is_finite() && *n > 0.0, "{m:?}: {n}");
    }
    let (pi0, eta, etap, omega, rho, phi) = (
        mult(Meson::Pi0),
        mult(Meson::Eta),
        mult(Meson::EtaPrime),
        mult(Meson::Omega),
        mult(Meson::Rho0),
        mult(Meson::Phi),
    );
    // π⁰ ≫ everything else.
    for n in [eta, etap, omega, rho, phi] {
        assert!(pi0 > 5.0 * n, "pi0 {pi0} vs {n}");
    }
    // η, ω and ρ⁰ are comparable (NA27 measures them within ~30 % of each
    // other; Pythia has ω ≈ ρ⁰ slightly above η).
    for (a, b) in [(eta, omega), (eta, rho), (omega, rho)] {
        assert!((a / b - 1.0).abs() < 0.5, "{a} vs {b}");
    }
    // ω ≈ ρ⁰: same quark content, same spin (string fragmentation).
    assert!((omega / rho - 1.0).abs() < 0.15, "omega {omega} rho {rho}");
    // η′ is suppressed (heavier, mostly singlet), φ more (ss̄).
    for n in [eta, omega, rho] {
        assert!(n > 5.0 * etap, "eta' {etap} vs {n}");
    }
    assert!(etap > phi, "eta' {etap} phi {phi}");
    assert!(phi > 0.005 && phi < 0.06, "phi {phi}");
}

/// ⟨π⁰⟩ per inelastic collision against 400 GeV/c pp data: a KNOWN
/// DISAGREEMENT, asserted as measured.
///
/// The table gives 5.07, i.e. 1.30–1.54 × the NA27 band 3.3–3.9 (see the
/// module header). Cause: Pythia 8 with the Monash tune (fitted to
/// LHC/Tevatron data) overshoots soft multiplicities at √s ≈ 27 GeV: it gives
/// ⟨n_ch⟩ ≈ 11.5 for pp at 400 GeV/c against ≈ 9 from the standard fits to
/// the ⟨n_ch⟩(s) data, and ⟨π⁺⟩ ≈ 4.8 (4.55 without K_S decays) against
/// NA27's 4.2; moreover the table counts π⁰ from K_S → π⁰π⁰ (≈ 0.2 per
/// collision), which a measurement may subtract. The π⁰ channel only
/// matters below m_π⁰ (the e⁺e⁻ presets). Asserted: ⟨π⁰⟩/3.6 (the band's
/// centre) within 1.41 ± 0.07 (the table's statistical error is < 0.2 %; the
/// old test allowed 2.97–5.66, one-sided against the data).
#[test]
fn pi0_multiplicity_against_na27_as_measured() {
    let pi0 = mult(Meson::Pi0);
    let ratio = pi0 / 3.6;
    println!("<pi0> per inelastic pN collision: {pi0:.3} (NA27 band 3.3-3.9), ratio {ratio:.3}");
    assert!(
        (ratio - 1.41).abs() < 0.07,
        "<pi0> = {pi0}, ratio to NA27 {ratio}"
    );
}

/// η/π⁰ against the NA27 measurement: 0.08–0.11 p_T-integrated (the
/// integral depends on the poorly measured p_T > 0.6 GeV tail, ±30 %).
/// Measured 0.114. Asserted 0.08–0.14: the NA27 range widened by the ±30 %
/// p_T-tail uncertainty on its upper side (was 0.07–0.15).
#[test]
fn eta_to_pi0_ratio_matches_na27() {
    let r = mult(Meson::Eta) / mult(Meson::Pi0);
    println!("eta/pi0 = {r:.4} (NA27: ~0.08-0.11)");
    assert!(r > 0.08 && r < 0.14, "eta/pi0 = {r}");
}

/// The numbers in the `# Mean momentum` header line, in table order.
fn unbinned_mean_momenta() -> Vec<(String, f64)> {
    let line = TABLE
        .lines()
        .find_map(|l| l.strip_prefix("# Mean momentum in GeV (unbinned, same weights): "))
        .expect("mean momentum header line");
    line.split(", ")
        .map(|kv| {
            let (k, v) = kv.split_once(' ').unwrap();
            (k.to_string(), v.parse().unwrap())
        })
        .collect()
}

#[test]
fn binned_mean_momentum_matches_the_generator() {
    let unbinned = unbinned_mean_momenta();
    assert_eq!(unbinned.len(), 6);
    for (m, (name, p_true)) in Meson::ALL.into_iter().zip(unbinned) {
        assert_eq!(m.name(), name);
        let p_table = MesonSpectrum::get(m).mean_momentum();
        // Log-uniform sampling within bins of width Δlog₁₀p = 0.09 shifts the
        // mean by well under 1 % for smooth spectra.
        assert!(
            (p_table / p_true - 1.0).abs() < 0.01,
            "{name}: table {p_table} vs generator {p_true}"
        );
    }
}

#[test]
fn sampling_reproduces_the_table() {
    for m in [Meson::Pi0, Meson::Eta, Meson::Phi] {
        let s = MesonSpectrum::get(m);
        let mut rng = Rng::new(2024, m.pdg_id() as u64);
        let n = 200_000;
        let (mut sum, mut sum2, mut forward) = (0.0, 0.0, 0u32);
        for _ in 0..n {
            let (p, theta) = s.sample(&mut rng);
            assert!(p > 0.0 && p <= 400.0 * 1.000_001, "{m:?}: p = {p}");
            assert!(
                (0.0..=std::f64::consts::PI).contains(&theta),
                "{m:?}: {theta}"
            );
            sum += p;
            sum2 += p * p;
            if p > 10.0 && theta < 0.01 {
                forward += 1;
            }
        }
        let nf = f64::from(n);
        let mean = sum / nf;
        let err = ((sum2 / nf - mean * mean) / nf).sqrt();
        let expected = s.mean_momentum();
        assert!(
            (mean - expected).abs() < 5.0 * err,
            "{m:?}: sampled {mean} ± {err}, table {expected}"
        );
        let f = s.fraction(10.0, 0.01);
        let f_sampled = f64::from(forward) / nf;
        assert!(
            (f_sampled - f).abs() < 5.0 * (f * (1.0 - f) / nf).sqrt() + 1e-12,
            "{m:?}: fraction {f_sampled} vs {f}"
        );
    }
    assert!((MesonSpectrum::get(Meson::Eta).fraction(0.0, 4.0) - 1.0).abs() < 1e-12);
}

/// Runs the generator with a few events and parses its output. Needs
/// python3 with Pythia (PyPI `pythia8mc==8.317.2`): reported as ignored
/// when `build.rs` does not find it (after installing it, rebuild with
/// `DARKSCAN_REPROBE=1`).
#[test]
#[cfg_attr(not(darkscan_pythia8mc), ignore = "needs python3 with pythia8mc")]
fn generator_smoke_test() {
    let text = common::run_generator("generate.py", 200);
    let spectra = MesonSpectrum::parse_table(&text).expect("generator output parses");
    assert_eq!(spectra.len(), 6);
    let pi0 = spectra[0].multiplicity;
    assert!(pi0 > 2.0 && pi0 < 8.0, "pi0 {pi0}");
}

/// Forward yields (p > 20 GeV, θ < 10 mrad: what can reach the NA62 decay
/// volume, which subtends 6.7–12.8 mrad from the TAX) per collision from
/// EPOS-LHC at 400 GeV, an independent generator: FORESEE's
/// `files/hadrons/0.4TeV/EPOSLHC/EPOSLHC_0.4TeV_<pid>.txt` (KlingFelix/FORESEE
/// commit 0cebea16554edefcb4951e9d0908ff5eb2f955d1), summed by
/// `tools/validation/epos_forward_yields.py`, normalised with σ/N = 33.3 mb
/// per 10⁵ events inferred from the weight quantum (333232 pb; FORESEE does
/// not document it). (meson, EPOS forward yield, EPOS total.)
const EPOS_LHC_400: [(Meson, f64, f64); 6] = [
    (Meson::Pi0, 0.49901, 8.6207),
    (Meson::Eta, 0.1003, 0.90264),
    (Meson::EtaPrime, 0.01179, 0.0767),
    (Meson::Omega, 0.12402, 0.83814),
    (Meson::Rho0, 0.14049, 0.95418),
    (Meson::Phi, 0.00746, 0.05168),
];

/// The η and π⁰ (and η′, ω, ρ⁰, φ) yields that reach the decay volume
/// against EPOS-LHC (above). Not a measurement: two generators, Pythia 8
/// (Monash) and EPOS-LHC, with different soft physics; agreement means the
/// forward yields are not generator-specific, not that they are right.
/// EPOS's total π⁰ multiplicity (8.6 per collision) is itself far above
/// NA27's ≈ 3.6 (see `pi0_multiplicity_against_na27_as_measured`), so its
/// normalisation is doubtful; the forward ratios are what the NA62 yield
/// uses. Measured darkscan/EPOS forward ratios: π⁰ 1.048, η 0.984, η′ 1.171,
/// ω 1.074, ρ⁰ 0.963, φ 0.586. Asserted both ways: π⁰, η, ω, ρ⁰ within
/// ±10 % of 1; η′ in 1.05–1.30 and φ in 0.45–0.75 (known generator
/// differences for the s-quark-rich states, asserted as measured; φ feeds no
/// darkscan channel, η′ → γA′ is a minor one). The README formerly quoted
/// "within 15 % for π⁰, η, η′, ω and ρ⁰": η′ is 17 % off.
#[test]
fn forward_yields_match_epos_lhc() {
    let mut report = String::new();
    let mut bad = Vec::new();
    for (m, epos_fwd, epos_total) in EPOS_LHC_400 {
        let s = MesonSpectrum::get(m);
        let ours = s.multiplicity * s.fraction(20.0, 0.01);
        let r = ours / epos_fwd;
        report.push_str(&format!(
            "{:?}: darkscan {ours:.4} (total {:.3}), EPOS-LHC {epos_fwd:.4} (total {epos_total:.3}), \
             forward ratio {r:.3}\n",
            m, s.multiplicity
        ));
        let (lo, hi) = match m {
            Meson::EtaPrime => (1.05, 1.30),
            Meson::Phi => (0.45, 0.75),
            _ => (0.90, 1.10),
        };
        if !(lo..hi).contains(&r) {
            bad.push(m);
        }
    }
    println!("{report}");
    assert!(bad.is_empty(), "out of bounds: {bad:?}\n{report}");
}
