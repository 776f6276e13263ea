//! Validation of the electromagnetic cascade Monte Carlo
//! (`darkscan::production::shower`) against analytic shower theory:
//! - Rossi's Approximation B total track length E₀/E_c (B. Rossi,
//!   "High-Energy Particles", Prentice-Hall 1952, ch. 5; PDG 2024 "Passage of
//!   particles through matter" §34.5);
//! - Rossi's Approximation A integral track length k E₀/E of e± above E
//!   (same reference; k derived in `ROSSI_A_TRACK_LENGTH_COEFF`);
//! - exact Mellin moments of the Approximation A track length, which test the
//!   brems and pair spectra, the e⁺/e⁻ bookkeeping and the continuous-loss
//!   treatment without any asymptotic approximation;
//! - the net charge track length in a thin target, which tests the depth cut;
//! - bit-identical results for any number of threads.
//!
//! Energies in GeV, track lengths in X₀ per primary.

use darkscan::production::shower::{
    PB_CRITICAL_ENERGY_ELECTRON, ROSSI_A_TRACK_LENGTH_COEFF, ShowerConfig, TrackLengths,
    rossi_a_integral_track_length_x0, rossi_total_track_length_x0, simulate,
};
use std::f64::consts::PI;

/// ∫ T(E) E^s dE estimated from the histogram at the geometric bin centres.
fn moment(t: &TrackLengths, v: &[f64], s: i32) -> f64 {
    v.iter().zip(t.centers()).map(|(x, e)| x * e.powi(s)).sum()
}

/// 1. Approximation B (constant ionisation loss E_c per X₀, no other sink of
///    energy): the total e± track length is E₀/E_c X₀ (Rossi 1952; PDG 2024
///    §34.5). Energy conservation makes this exact for any E₀ ≫ e_cut, so a
///    low E₀ = 100 MeV keeps the test fast.
///
///    The cutoff e_cut = f E_c takes energy out of the ionisation budget;
///    the deficit D = 1 − T E_c/E₀ is the fraction of E₀ that ends below the
///    cutoff:
///    - photons below e_cut are absorbed: every X₀ of e± track (at E ≫ e_cut)
///      radiates ∫₀^{e_cut/E} E y dσ/dy ≈ 4/3 e_cut into them, a fraction
///      (4/3) e_cut T/E₀ ≈ (4/3) f of E₀;
///    - each e± that slows down through e_cut takes its last e_cut with it; the
///      number of e± made above e_cut grows like ln(E_c/e_cut) (the photon
///      spectrum is ∝ dk/k), which adds a term ∝ f ln(1/f);
///    - pair members born below e_cut carry O(e_cut²/k) per conversion, O(f).
///
///    A scan of this Monte Carlo gives D = 0.315, 0.216, 0.122 at
///    f = 0.1, 0.05, 0.02 (roughly f (1.7 ln(1/f) − 0.7)) and D = 4.6 % and
///    2.3 % at f = 0.005 and 0.002, the cutoffs used here (1000 events; the
///    event-to-event spread of D is small). The test asserts that the deficit
///    is positive, shrinks as e_cut is lowered, and equals the measured
///    T E_c/E₀ = 0.954 (f = 0.005) and 0.977 (f = 0.002) within ±0.008 (the
///    1000-event statistical error is ≈ 0.002; the MC is seeded, so this is
///    a both-way regression bound on the cascade's energy bookkeeping; it was
///    "> 0.94 and > 0.965", one-sided).
#[test]
fn approximation_b_total_track_length() {
    let e0 = 0.1;
    let ec = PB_CRITICAL_ENERGY_ELECTRON;
    let ratio = |f: f64| {
        let mut c = ShowerConfig::new(e0, f * ec);
        c.depth_x0 = f64::INFINITY;
        c.n_events = 1000;
        c.n_bins = 50;
        simulate(&c).total() / rossi_total_track_length_x0(e0, ec)
    };
    let r5 = ratio(0.005);
    let r2 = ratio(0.002);
    eprintln!("T·E_c/E₀: f = 0.005 → {r5:.4}, f = 0.002 → {r2:.4}");
    assert!(r5 < 1.0 && r2 < 1.0, "{r5} {r2}");
    assert!(r2 > r5, "deficit must shrink with the cutoff: {r5} {r2}");
    assert!((r5 - 0.954).abs() < 0.008, "{r5}");
    assert!((r2 - 0.977).abs() < 0.008, "{r2}");
}

/// 2. Approximation A (no ionisation): the integral track length of e⁻ + e⁺
///    above E is k E₀/E X₀ for E ≪ E₀, with k = (7/9)/(14π²/81 + 5/108) =
///    0.4439 for the complete-screening spectra (Rossi 1952 ch. 5 quotes 0.437
///    from his b-corrected spectra; the derivation is documented at
///    `ROSSI_A_TRACK_LENGTH_COEFF`). Corrections are O(E/E₀) (the primary's
///    own track, about +1 % at E/E₀ = 0.1), so E/E₀ ≤ 0.03 is used; the
///    statistical error with 10⁴ events is ≈ 0.5 %. Tolerance 1.5 % (3σ;
///    was 2.5 %). Measured: 0.998, 1.000, 1.001 at E = 0.1, 0.2, 0.3 GeV.
///
///    With lead's E_c = 7.43 MeV (Approximation B) the ionisation loss E_c per
///    X₀ adds to the radiative loss E per X₀ and shortens the track length at E
///    by roughly a factor 1/(1 + c E_c/E); this Monte Carlo gives c ≈ 0.8
///    (−2 % at E = 40 E_c). Asserted: within 5 % of Approximation A for
///    E ≥ 40 E_c, and below it.
#[test]
fn approximation_a_integral_track_length() {
    let k = (7.0 / 9.0) / (14.0 * PI * PI / 81.0 + 5.0 / 108.0);
    assert!((k - ROSSI_A_TRACK_LENGTH_COEFF).abs() < 1e-8, "{k}");

    let e0 = 10.0;
    let mut c = ShowerConfig::new(e0, 0.1);
    c.depth_x0 = f64::INFINITY;
    c.n_events = 10_000;
    c.n_bins = 100;
    c.critical_energy = 0.0;
    let a = simulate(&c);
    c.critical_energy = PB_CRITICAL_ENERGY_ELECTRON;
    let b = simulate(&c);
    for e in [0.1, 0.2, 0.3] {
        let rossi = rossi_a_integral_track_length_x0(e0, e);
        let ra = a.integral_above(e) / rossi;
        let rb = b.integral_above(e) / rossi;
        eprintln!("E = {e}: MC/Rossi A = {ra:.4} (E_c = 0), {rb:.4} (Pb E_c)");
        assert!((ra - 1.0).abs() < 0.015, "E = {e}: {ra}");
        if e >= 40.0 * PB_CRITICAL_ENERGY_ELECTRON {
            assert!(rb < 1.0 && rb > 0.95, "E = {e}: {rb}");
        }
    }
}

/// 3. Exact Mellin moments of the Approximation A track length. Averaging
///    the cascade equations over the spectra (Rossi 1952 ch. 5: A(s), B(s),
///    C(s) as at `ROSSI_A_TRACK_LENGTH_COEFF`) and integrating over all depths
///    gives, for a primary e⁻ of energy E₀ and any s > 1,
///    ∫(T₋ + T₊) E^s dE = E₀^s σ₀/[A(s)σ₀ − B(s)C(s)],
///    and, since pairs add e⁻ and e⁺ with the same spectrum,
///    ∫(T₋ − T₊) E^s dE = E₀^s/A(s). For s = 2, with φ(y) = (4/3 − 4/3y + y²)/y
///    and ψ(x) = 1 − 4/3 x(1−x): A(2) = ∫(2y − y²)φ = 2 − 17/36 = 55/36,
///    C(2) = ∫y²φ = 17/36, B(2) = 2∫x²ψ = 8/15, σ₀ = 7/9. Low energies carry
///    little weight at s = 2: the part below e_min = 3·10⁻³ E₀ is
///    ≈ k e_min E₀ = 0.13 % of the sum, added below. The continuous treatment
///    of y < y_min is exact for s = 1 and off by O(y_min²) for s = 2. 2000 bins
///    keep the bin-centre error (the primary's first path sits at E₀, a
///    half-bin above its centre) below 0.05 %. Tolerance 1 % (statistical
///    error ≈ 0.3 %).
#[test]
fn approximation_a_mellin_moments() {
    let (a2, b2, c2, s0) = (55.0 / 36.0, 8.0 / 15.0, 17.0 / 36.0, 7.0 / 9.0);
    let sum_exact = s0 / (a2 * s0 - b2 * c2);
    let diff_exact = 1.0 / a2;

    let mut c = ShowerConfig::new(1.0, 3e-3);
    c.critical_energy = 0.0;
    c.depth_x0 = f64::INFINITY;
    c.n_events = 10_000;
    c.n_bins = 2000;
    let t = simulate(&c);
    let (m_e, m_p) = (moment(&t, &t.electron, 2), moment(&t, &t.positron, 2));
    // Below e_min: T₋ + T₊ ≈ k E₀/E², ∫₀^{e_min} k E₀ dE = k E₀ e_min.
    let sum = m_e + m_p + ROSSI_A_TRACK_LENGTH_COEFF * c.e_min;
    let diff = m_e - m_p;
    eprintln!(
        "∫T E² dE: e⁻+e⁺ {sum:.5} (exact {sum_exact:.5}), e⁻−e⁺ {diff:.5} (exact {diff_exact:.5})"
    );
    assert!((sum / sum_exact - 1.0).abs() < 0.01, "{sum} vs {sum_exact}");
    assert!(
        (diff / diff_exact - 1.0).abs() < 0.01,
        "{diff} vs {diff_exact}"
    );
}

/// 4. Depth cut: pairs add an e⁻ and an e⁺ with the same spectrum, so the
///    mean net charge track length ∫(T₋ − T₊) dE in a target of depth d is the
///    depth over which the primary's lineage stays above e_cut, = d up to the
///    rare histories where the primary falls below e_cut = 10⁻³ E₀ within
///    1 X₀ (10⁵-event runs give 0.9968 ± 0.0005). Pairs with one member below
///    e_cut add ±1 charge at random, so 5000 events scatter by ≈ 0.4 %.
///    Asserted: 0.985 < net < 1.01.
#[test]
fn depth_cut_net_charge_track_length() {
    let mut c = ShowerConfig::new(1.0, 1e-3);
    c.critical_energy = 0.0;
    c.depth_x0 = 1.0;
    c.n_events = 5000;
    c.n_bins = 20;
    let t = simulate(&c);
    let net: f64 = t.electron.iter().sum::<f64>() - t.positron.iter().sum::<f64>();
    eprintln!(
        "depth 1 X₀: net charge track {net:.4}, total {:.4}",
        t.total()
    );
    assert!(net > 0.985 && net < 1.01, "{net}");

    // A positron primary mirrors it.
    c.primary_is_positron = true;
    let p = simulate(&c);
    let net_p: f64 = p.positron.iter().sum::<f64>() - p.electron.iter().sum::<f64>();
    assert!(net_p > 0.985 && net_p < 1.01, "{net_p}");
}

/// 5. Reproducibility: chunk k uses `Rng::new(seed, k)` and chunks are summed
///    in order, so 1 and 2 threads give bit-identical results; another seed
///    differs.
#[test]
fn reproducible_for_any_thread_count() -> Result<(), rayon::ThreadPoolBuildError> {
    let mut c = ShowerConfig::new(100.0, 50.0);
    c.n_events = 5000; // several chunks
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()?
        .install(|| simulate(&c));
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()?
        .install(|| simulate(&c));
    assert_eq!(one, two);
    assert_eq!(one.n_events, 5000);
    assert_eq!(one.edges.len(), c.n_bins + 1);
    assert!(one.total() > 0.0);
    c.seed = 2;
    let other = simulate(&c);
    assert_ne!(one.electron, other.electron);
    Ok(())
}
