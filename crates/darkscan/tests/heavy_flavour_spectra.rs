//! The 400 GeV/c heavy-flavour table (`data/heavy_flavour_spectra_p400.csv`):
//! hadrons per produced pair, the per-POT normalisation, and the sampler
//! against the table's own moments.
//!
//! Physics checks (all from the table, no external fit):
//! - every cc̄ (bb̄) pair ends up in two heavy-quark hadrons; the tabulated
//!   weakly decaying hadrons (D⁰, D⁺, D_s, Λ_c and antiparticles; B⁺, B⁰, B_s,
//!   Λ_b) carry all but a few % (Ξ_Q, Ω_Q, B_c and QQ̄ → quarkonium make up the
//!   rest, which the file header accounts for exactly);
//! - isospin: D⁰ + D̄⁰ > D⁺ + D⁻ (the D*⁺ → D⁰π⁺ feed-down), B⁺ ≈ B⁰;
//!   strangeness suppression: D_s, B_s well below D, B;
//! - the leading-particle effect of a proton beam: Λ_c⁺ ≫ Λ̄_c⁻ (the beam's
//!   ud diquark picks up the c quark);
//! - the normalisation to protons on target reproduces the numbers written
//!   in the header by the generator.

mod common;

use darkscan::numeric::rng::Rng;
use darkscan::production::heavy_flavour::{
    HeavyFlavourTable, HeavyHadron, Source, multiplicities_per_pot, sigma_inel_per_nucleon_cu_mb,
};

/// The embedded table's text, for its header.
const TABLE: &str = include_str!("../data/heavy_flavour_spectra_p400.csv");

fn table() -> &'static HeavyFlavourTable {
    HeavyFlavourTable::embedded().expect("embedded table parses")
}

fn per_unit(h: HeavyHadron) -> f64 {
    table().spectrum(h).per_unit
}

/// The value after `key` in the header line starting with `prefix`, e.g.
/// `header_value("# chi_per_pot:", "charm")`.
fn header_value(prefix: &str, key: &str) -> f64 {
    let line = TABLE
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("header line {prefix}"));
    line.split([',', ';'])
        .find_map(|kv| kv.trim().strip_prefix(key)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("{key} in {prefix}"))
}

#[test]
fn two_heavy_hadrons_per_pair() {
    let t = table();
    for source in [Source::Charm, Source::Beauty] {
        let sum = t.per_unit_sum(source);
        println!(
            "{}: {sum:.4} tabulated hadrons per {}",
            source.name(),
            source.unit()
        );
        // The tabulated ground states carry 2 within a few %.
        assert!(sum > 1.94 && sum < 2.01, "{source:?}: {sum}");
    }
    // The header's complete count (tabulated + Ξ_Q, Ω_Q, B_c + 2 × onium) is 2
    // per pair up to the extra pairs from g → QQ̄ (≲ 1 % at √s = 27 GeV).
    let quarks = |name: &str| -> f64 {
        let line = TABLE
            .lines()
            .skip_while(|l| !l.starts_with("# Hadrons per pair"))
            .find(|l| l.contains(name))
            .expect("hadrons-per-pair header");
        let after = line.split(name).nth(1).unwrap();
        let total = after.split(" = ").nth(1).unwrap();
        total.split_whitespace().next().unwrap().parse().unwrap()
    };
    for name in ["charm tabulated", "beauty tabulated"] {
        let q = quarks(name);
        assert!((q - 2.0).abs() < 0.01, "{name}: {q}");
    }
    // J/ψ rows are a shape: one J/ψ per J/ψ.
    assert!((t.per_unit_sum(Source::PromptJpsi) - 1.0).abs() < 1e-4);
}

#[test]
fn flavour_composition_is_sane() {
    use HeavyHadron::*;
    let d0 = per_unit(D0) + per_unit(D0Bar);
    let dp = per_unit(DPlus) + per_unit(DMinus);
    let ds = per_unit(DsPlus) + per_unit(DsMinus);
    let lc = per_unit(LambdaC) + per_unit(LambdaCBar);
    println!("per cc̄ pair: D0 {d0:.4}, D+- {dp:.4}, Ds {ds:.4}, Lc {lc:.4}");
    // D*+ → D0 π+ (67.7 %) and no D*0 → D+ make D0 ≈ 2 D+ (e+e-: ≈ 2.3).
    assert!(d0 / dp > 1.5 && d0 / dp < 3.0, "D0/D+ = {}", d0 / dp);
    assert!(ds / (d0 + dp) > 0.05 && ds / (d0 + dp) < 0.25);
    assert!(lc / (d0 + dp + ds) > 0.03 && lc / (d0 + dp + ds) < 0.25);
    // Leading baryon: Λc+ several times Λc-bar.
    assert!(per_unit(LambdaC) > 3.0 * per_unit(LambdaCBar));

    let bu = per_unit(BPlus) + per_unit(BMinus);
    let bd = per_unit(B0) + per_unit(B0Bar);
    let bs = per_unit(Bs) + per_unit(BsBar);
    let lb = per_unit(LambdaB) + per_unit(LambdaBBar);
    println!("per bb̄ pair: B+- {bu:.4}, B0 {bd:.4}, Bs {bs:.4}, Lb {lb:.4}");
    // Isospin: B+ ≈ B0 (both come directly or via B* → B γ).
    assert!((bu / bd - 1.0).abs() < 0.05, "B+/B0 = {}", bu / bd);
    assert!(bs / (bu + bd) > 0.05 && bs / (bu + bd) < 0.25);
    assert!(lb / (bu + bd + bs) > 0.03 && lb / (bu + bd + bs) < 0.3);
}

#[test]
fn per_pot_normalisation_matches_the_header() {
    let t = table();
    let s_inel = sigma_inel_per_nucleon_cu_mb();
    println!("sigma_inel(pCu)/A = {s_inel:.4} mb");
    for source in Source::ALL {
        let chi = t.chi(source);
        let written = header_value("# chi_per_pot:", source.name());
        println!(
            "{}: sigma/A = {:.4e} mb, chi = {chi:.4e} per POT (header {written:.4e})",
            source.name(),
            t.sigma_per_nucleon_mb(source)
        );
        assert!((chi / written - 1.0).abs() < 1e-4, "{source:?}");
    }
    // σ_cc̄/A = 18.1 μb over ≈ 12.06 mb: 1.5e-3 per POT; σ_bb̄/A = 1.71 nb:
    // 1.4e-7; σ(J/ψ)/A ≈ 0.1–0.2 μb: ~1e-5.
    assert!((t.chi(Source::Charm) - 1.50e-3).abs() < 0.01e-3);
    assert!((t.chi(Source::Beauty) - 1.42e-7).abs() < 0.01e-7);
    let jpsi = t.chi(Source::PromptJpsi);
    assert!(jpsi > 0.6e-5 && jpsi < 2.0e-5, "{jpsi}");
    let all = multiplicities_per_pot().unwrap();
    assert_eq!(all.len(), 17);
    for (h, n) in all {
        assert!(n > 0.0 && n.is_finite());
        let expected = per_unit(h) * t.chi(h.source());
        assert_eq!(n, expected, "{h:?}");
    }
    // D_s± per POT ≈ 0.17 × 1.5e-3 ≈ 2.6e-4.
    let ds = t.per_pot(HeavyHadron::DsPlus) + t.per_pot(HeavyHadron::DsMinus);
    println!("Ds per POT (primary): {ds:.3e}");
    assert!(ds > 1e-4 && ds < 5e-4);
}

#[test]
fn binned_mean_momentum_matches_the_generator() {
    for h in HeavyHadron::ALL {
        let p_true = header_value(
            "# Mean momentum in GeV (unbinned, same weights):",
            &format!("{} ", h.name()),
        );
        let p_table = table().spectrum(h).mean_momentum();
        // Log-uniform sampling within bins of Δlog₁₀p = 0.09 shifts the mean
        // by well under 1 % for smooth spectra.
        assert!(
            (p_table / p_true - 1.0).abs() < 0.01,
            "{}: table {p_table} vs generator {p_true}",
            h.name()
        );
    }
}

#[test]
fn sampling_reproduces_the_table() {
    for h in [
        HeavyHadron::D0,
        HeavyHadron::DsMinus,
        HeavyHadron::LambdaC,
        HeavyHadron::BPlus,
        HeavyHadron::JPsi,
    ] {
        let s = table().spectrum(h);
        let mut rng = Rng::new(4100, h.pdg_id().unsigned_abs().into());
        let n = 100_000;
        let (mut sum, mut sum2, mut forward) = (0.0, 0.0, 0u32);
        for _ in 0..n {
            let (p, theta) = s.sample(&mut rng);
            assert!(p > 0.0 && p <= 400.0 * 1.000_001, "{h:?}: p = {p}");
            assert!(
                (0.0..=std::f64::consts::PI).contains(&theta),
                "{h:?}: {theta}"
            );
            sum += p;
            sum2 += p * p;
            if p > 20.0 && theta < 0.01 {
                forward += 1;
            }
        }
        let nf = f64::from(n);
        let mean = sum / nf;
        let err = ((sum2 / nf - mean * mean) / nf).sqrt();
        let expected = s.mean_momentum();
        println!(
            "{}: <p> sampled {mean:.3} ± {err:.3} GeV, table {expected:.3} GeV",
            h.name()
        );
        assert!(
            (mean - expected).abs() < 5.0 * err,
            "{h:?}: sampled {mean} ± {err}, table {expected}"
        );
        let f = s.fraction(20.0, 0.01);
        let f_sampled = f64::from(forward) / nf;
        assert!(
            (f_sampled - f).abs() < 5.0 * (f * (1.0 - f) / nf).sqrt() + 1e-12,
            "{h:?}: fraction {f_sampled} vs {f}"
        );
    }
}

/// Runs the generator with a few events and parses its output. Needs
/// python3 with Pythia (PyPI `pythia8mc==8.317.2`): reported as ignored
/// when `build.rs` does not find it (after installing it, rebuild with
/// `DARKSCAN_REPROBE=1`).
#[test]
#[cfg_attr(not(darkscan_pythia8mc), ignore = "needs python3 with pythia8mc")]
fn generator_smoke_test() {
    let text = common::run_generator("heavy_flavour.py", 300);
    let t = HeavyFlavourTable::parse(&text).expect("generator output parses");
    let charm = t.per_unit_sum(Source::Charm);
    assert!(charm > 1.8 && charm < 2.1, "charm {charm}");
    let beauty = t.per_unit_sum(Source::Beauty);
    assert!(beauty > 1.8 && beauty < 2.1, "beauty {beauty}");
}

/// The charm normalisation against a measurement at the NA62 beam energy:
/// NA27 (LEBC-EHS), pp at √s = 27.4 GeV (400 GeV/c), inclusive
/// σ(D/D̄) = σ(D⁰ + D̄⁰ + D⁺ + D⁻) = 30.2 ± 3.3 μb — the collaboration's
/// abstract as stored by HEPData ("We have measured the inclusive production
/// properties of D and D̄ mesons produced from pp interactions at
/// √s = 27.4 GeV … σ(D/D̄) is (30.2 ± 3.3) μb"); it equals the two NA27
/// numbers quoted for Z. Phys. C 40 (1988) 321, 18.3 ± 2.5 (D⁰ + D̄⁰) plus
/// 11.9 ± 1.5 μb (D±).
///
/// darkscan's σ(D) per nucleon = σ_cc̄/A (18.1 μb, SHiP's value from
/// Lourenço & Wöhri, still a secondary quote) × the table's D⁰ + D̄⁰ + D⁺ +
/// D⁻ per cc̄ pair (Pythia 8 Monash, 1.636). Open charm scales as A¹, so
/// per nucleon in copper is per pp collision up to the pn/pp difference
/// (the table mixes pp and pn with copper's weights; not separated here).
/// Measured: 29.6 μb, 0.98 of NA27's. Asserted: within NA27's 1σ (3.3 μb,
/// 11 %) — a check of σ_cc̄ × the charm fragmentation into D mesons, not of
/// σ_cc̄ alone. Separately (not asserted: only secondary quotes): D⁰ + D̄⁰
/// 19.4 vs 18.3 ± 2.5 μb, D± 10.2 vs 11.9 ± 1.5 μb. The beauty cross section
/// (1.71 nb) has no measurement at 400 GeV/c to compare with (E789 at 800
/// and HERA-B at 920 GeV need an energy extrapolation): still unverified.
#[test]
fn charm_normalisation_against_na27() {
    let d_per_pair: f64 = [
        HeavyHadron::D0,
        HeavyHadron::D0Bar,
        HeavyHadron::DPlus,
        HeavyHadron::DMinus,
    ]
    .iter()
    .map(|&h| per_unit(h))
    .sum();
    let sigma_d_ub = table().sigma_per_nucleon_mb(Source::Charm) * 1e3 * d_per_pair;
    println!(
        "D per cc pair {d_per_pair:.4}; sigma(D+Dbar) per nucleon {sigma_d_ub:.2} ub vs NA27 30.2 +- 3.3 ub"
    );
    assert!((sigma_d_ub - 30.2).abs() < 3.3, "{sigma_d_ub}");
    assert!((sigma_d_ub / 29.6 - 1.0).abs() < 0.01, "{sigma_d_ub}");
}
