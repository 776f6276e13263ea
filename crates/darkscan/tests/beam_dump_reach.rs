//! NA62 beam-dump reach: reproducibility, numerical robustness and the
//! comparison with the published NA62 2021 A′ → μ⁺μ⁻ exclusion.

use darkscan::experiment::beam_dump::{
    Dilepton, load_preset, run_beam_dump, sample_mass, signal_per_pot,
};
use darkscan::experiment::dump_geometry;
use darkscan::io::limits_csv;
use darkscan::reach::{ReachOptions, signal_upper_limits};

fn small_preset() -> darkscan::experiment::beam_dump::DumpPreset {
    let mut p = load_preset("na62-dump-mumu-2021").unwrap().unwrap();
    p.events_per_channel = 3000;
    p.scan.n_couplings = 40;
    p
}

#[test]
fn same_seed_gives_identical_limits_with_one_and_two_threads() {
    let p = small_preset();
    let opts = ReachOptions {
        masses: Some(vec![0.3, 0.45]),
        ..ReachOptions::default()
    };
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            limits_csv(&run_beam_dump("na62-dump-mumu-2021", &p, &opts, &|_| {}).unwrap())
        })
    };
    let one = run(1);
    let two = run(2);
    assert_eq!(one, two);
    assert!(one.lines().count() > 8);
}

#[test]
fn yields_are_finite_and_monotone_where_expected() {
    let p = small_preset();
    let g = dump_geometry::load(&p.geometry).unwrap();
    let couplings: Vec<f64> = (0..=50)
        .map(|i| 10f64.powf(-12.0 + 10.0 * i as f64 / 50.0))
        .collect();
    // Masses at the thresholds: just above 2 m_μ and at m_η.
    for &m in &[0.2114, 0.3, 0.547862, 0.7] {
        let s = sample_mass(
            &g,
            400.0,
            Dilepton::MuMu,
            &p.resolved_channels().unwrap(),
            m,
            2000,
            7,
        );
        let per_channel = signal_per_pot(&s, Dilepton::MuMu, &couplings);
        let total: Vec<f64> = (0..couplings.len())
            .map(|j| per_channel.iter().map(|c| c[j]).sum())
            .collect();
        for (j, v) in total.iter().enumerate() {
            assert!(
                v.is_finite() && *v >= 0.0,
                "m={m} eps={}: {v}",
                couplings[j]
            );
        }
        // Long-lived regime (ε ≤ 1e-9): N ∝ ε⁴ rises monotonically.
        for j in 1..couplings.len() {
            if couplings[j] <= 1e-9 && total[j - 1] > 0.0 {
                assert!(
                    total[j] > total[j - 1],
                    "m={m}: not rising at eps={}",
                    couplings[j]
                );
            }
        }
        // Positive control: inside the island (ε ≈ 10⁻⁷–10⁻⁶) some A′ decay
        // in the fiducial volume, so the checks above are not vacuous.
        let peak = total.iter().copied().fold(0.0, f64::max);
        assert!(
            peak > 1e-18,
            "m={m}: no signal at any coupling ({peak:e} per POT)"
        );
        // Prompt regime (ε = 1e-2): nothing reaches the decay volume.
        assert!(
            total[couplings.len() - 1] < 1e-30,
            "m={m}: {}",
            total[couplings.len() - 1]
        );
    }
}

/// NA62, PRL 133 (2024) 111802, abstract: the combined e⁺e⁻ and μ⁺μ⁻ result
/// "improv[es] on previous experimental limits for dark photon mass values
/// between 50 and 600 MeV/c² and coupling values in the range 10⁻⁶ to
/// 4×10⁻⁵". The top of that region is NA62's own upper (short-lifetime) edge
/// at its lowest masses, where only e⁺e⁻ is open. This is one number from
/// the abstract, not the published contour: a consistency check only
/// (tolerance 35 % in ε both ways, the tolerance for the e⁺e⁻
/// exclusion; "4×10⁻⁵" itself is rounded to one digit). Measured: 3.1e-5 at
/// 50 MeV (−22 %) with the preset's μ⁺μ⁻-fitted efficiency 0.123 (3.2e-5 with
/// the former 0.134, 3.7e-5 at 1): the upper edge depends on the
/// normalisation only logarithmically, so this checks the A′ momentum
/// spectrum and lifetime, not the efficiency.
#[test]
fn ee_upper_edge_at_50_mev_matches_the_published_range() {
    let mut p = load_preset("na62-dump-ee-2021").unwrap().unwrap();
    p.events_per_channel = 5000;
    let opts = ReachOptions {
        masses: Some(vec![0.05]),
        ..ReachOptions::default()
    };
    let r = run_beam_dump("na62-dump-ee-2021", &p, &opts, &|_| {}).unwrap();
    let hi = r.limits[0].excluded[0].1.unwrap();
    eprintln!("e+e- upper edge at 50 MeV: {hi:.3e} (published top of range 4e-5)");
    assert!(
        (hi / 4e-5 - 1.0).abs() < 0.35,
        "upper edge at 50 MeV: {hi:e}"
    );
}

/// The published NA62 2021 A′ → μ⁺μ⁻ exclusion (JHEP 09 (2023) 035, observed,
/// 90 % CL): (mass GeV, lower ε, upper ε). Interpolated linearly in
/// (ln m, ln ε) between the points of the digitised contour in FORESEE,
/// `Models/DarkPhoton/model/lines/bounds_NA62mumu.txt` (KlingFelix/FORESEE,
/// commit b889dc628cd80940396b2aae04a4ecbf83cbec5c; 73 points, one closed
/// loop over 0.214–0.538 GeV, a notch at 0.405–0.415 GeV from the event at
/// m_μμ = 411 MeV; copied with provenance to
/// `docs/validation/na62_mumu_2021_published.txt`). 0.41 GeV is left out: it
/// sits in the notch.
const NA62_MUMU_2021: [(f64, f64, f64); 8] = [
    (0.22, 5.096e-7, 3.190e-6),
    (0.25, 4.150e-7, 3.080e-6),
    (0.30, 4.042e-7, 2.506e-6),
    (0.35, 4.081e-7, 2.057e-6),
    (0.40, 4.220e-7, 1.584e-6),
    (0.45, 4.327e-7, 1.298e-6),
    (0.50, 4.736e-7, 1.002e-6),
    (0.52, 5.059e-7, 8.522e-7),
];

/// The last mass of the published island (same digitisation: the loop's
/// right-most point, 0.538345 GeV).
const NA62_MUMU_2021_END_GEV: f64 = 0.538;

/// Source calls per channel for the comparisons below: five times the
/// preset's 2×10⁴, so that the MC error on a signal is ≈ 1.5 % (lower
/// edges) to ≈ 4 % (upper edges, which sample the high-momentum tail). With
/// 2×10⁵ the fit gives 0.1233 instead of 0.1243 and every R moves by < 2 %.
const EVENTS: usize = 100_000;

/// darkscan's signal at one published point, at signal efficiency 1.
struct PointSignal {
    mass: f64,
    /// "lower" or "upper".
    edge: &'static str,
    eps_published: f64,
    /// Selected signal events at efficiency 1 and ε = `eps_published`.
    signal_eff1: f64,
    /// darkscan's own edge (lower or upper, as `edge`) with the fitted
    /// efficiency, for the report: ε_darkscan/ε_published.
    eps_ratio: f64,
    /// Fraction of it from η → γA′ and from proton bremsstrahlung.
    eta_fraction: f64,
    brem_fraction: f64,
    /// The preset's signal upper limit at this mass (mass-window counting).
    n_ul: f64,
}

impl PointSignal {
    /// The efficiency that would put darkscan's edge exactly on this
    /// published point: N_UL / N_sig(ε_published, efficiency 1).
    fn implied_efficiency(&self) -> f64 {
        self.n_ul / self.signal_eff1
    }
}

/// darkscan's signal at the 16 published edge points (efficiency 1).
fn published_point_signals() -> Vec<PointSignal> {
    let p = load_preset("na62-dump-mumu-2021").unwrap().unwrap();
    let g = dump_geometry::load(&p.geometry).unwrap();
    let channels = p.resolved_channels().unwrap();
    let masses: Vec<f64> = NA62_MUMU_2021.iter().map(|r| r.0).collect();
    let n_ul = signal_upper_limits(&p.statistics, &ReachOptions::default(), &masses).unwrap();
    let mut out = Vec::new();
    for (i, &(m, lo, hi)) in NA62_MUMU_2021.iter().enumerate() {
        let s = sample_mass(
            &g,
            p.beam_energy_gev,
            Dilepton::MuMu,
            &channels,
            m,
            EVENTS,
            p.seed + i as u64,
        );
        let per_channel = signal_per_pot(&s, Dilepton::MuMu, &[lo, hi]);
        // darkscan's edges with the preset's efficiency (the fit asserts it
        // is the fitted one), for the ε ratios reported: step from the
        // published ε by 3 % towards the crossing of N_UL, then bisect in ln ε.
        let norm = p.protons_on_target * p.signal_efficiency;
        let f = |e: f64| {
            norm * signal_per_pot(&s, Dilepton::MuMu, &[e])
                .iter()
                .map(|c| c[0])
                .sum::<f64>()
                - n_ul[i]
        };
        let edge_near = |eps_pub: f64, rising: bool| {
            let f0 = f(eps_pub);
            let step: f64 = if (f0 < 0.0) == rising {
                1.03
            } else {
                1.0 / 1.03
            };
            let (mut a, mut b) = (eps_pub, eps_pub * step);
            for _ in 0..40 {
                if (f(b) < 0.0) != (f0 < 0.0) {
                    break;
                }
                a = b;
                b *= step;
            }
            for _ in 0..14 {
                let mid = (a * b).sqrt();
                if (f(mid) < 0.0) == (f0 < 0.0) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            (a * b).sqrt() / eps_pub
        };
        let (ratio_lo, ratio_hi) = (edge_near(lo, true), edge_near(hi, false));
        for (j, (edge, eps)) in [("lower", lo), ("upper", hi)].into_iter().enumerate() {
            let total: f64 = per_channel.iter().map(|c| c[j]).sum();
            let part = |name: &str| {
                s.channels
                    .iter()
                    .zip(&per_channel)
                    .filter(|((c, _), _)| c.name() == name)
                    .map(|(_, v)| v[j])
                    .sum::<f64>()
                    / total
            };
            out.push(PointSignal {
                mass: m,
                edge,
                eps_published: eps,
                eps_ratio: if edge == "lower" { ratio_lo } else { ratio_hi },
                signal_eff1: total * p.protons_on_target,
                eta_fraction: part("eta"),
                brem_fraction: part("proton-brem"),
                n_ul: n_ul[i],
            });
        }
    }
    out
}

/// The fit set: the lower edges at 0.22–0.35 GeV, where η → γA′ gives most
/// of the signal (asserted below) and the A′ are long-lived (N ∝ ε⁴).
fn in_fit_set(s: &PointSignal) -> bool {
    s.edge == "lower" && s.mass <= 0.30 + 1e-9
}

/// Geometric mean of the implied efficiencies over the fit set.
fn fitted_efficiency(points: &[PointSignal]) -> f64 {
    let fit: Vec<f64> = points
        .iter()
        .filter(|s| in_fit_set(s))
        .map(|s| s.implied_efficiency().ln())
        .collect();
    (fit.iter().sum::<f64>() / fit.len() as f64).exp()
}

/// NA62 2021 μ⁺μ⁻ (JHEP 09 (2023) 035), fit on one part, validate on the
/// rest, in the quantity the physics scales with: the signal.
///
/// darkscan's acceptance MC lacks NA62's trigger, reconstruction, timing,
/// muon-ID and veto efficiencies, so the preset carries one calibrated
/// `signal_efficiency`. It is FITTED here on the four η-dominated lower edges
/// (0.22–0.35 GeV): the geometric mean of N_UL/N_sig(ε_published) at
/// efficiency 1. The preset's value must equal the fit within 5 % (the MC
/// error of the fit is ≈ 1 %).
///
/// VALIDATED on the other 12 points, none of which enters the fit: the
/// lower edges at 0.40–0.52 GeV (proton bremsstrahlung dominant: tests the
/// mass dependence of brem against η) and all eight upper edges (short
/// lifetimes: test the A′ momentum spectrum). The compared quantity is the
/// signal ratio R = ε_sig N_sig(ε_published)/N_UL, which is 1 if darkscan's
/// edge falls on the published one. At a lower edge R ≈ (ε_published/ε)⁴;
/// at an upper edge the signal falls exponentially, so R is far more
/// sensitive than ε there (a 10 % shift in ε is a factor ≈ 2–3 in R).
///
/// Measured (10⁵ calls per channel, seeds 1–8; 2×10⁵ gives 0.1233): fitted
/// efficiency 0.1243 (the three fit points imply 0.107, 0.129, 0.135). Validation:
/// lower edges 0.35–0.52 GeV R = 0.67–0.88 (darkscan's signal 12–33 % short
/// of the published edge; its lower edge 3–10 % higher in ε), upper edges
/// R = 0.38–0.82 from 0.25 to 0.52 GeV (ε 0.84–0.94 of published) and 2.18
/// at 0.22 GeV, 9 MeV above the μ⁺μ⁻ threshold (ε 1.18). Bounds: the
/// measured ranges widened by ≈ 10 % (the MC error is 1–3 %), so a drift in
/// either direction fails.
const LOWER_EDGE_SIGNAL_RATIO: (f64, f64) = (0.60, 0.97);
/// See [`LOWER_EDGE_SIGNAL_RATIO`].
const UPPER_EDGE_SIGNAL_RATIO: (f64, f64) = (0.34, 2.4);

#[test]
fn mumu_2021_fit_on_eta_lower_edges_validate_on_the_rest() {
    let p = load_preset("na62-dump-mumu-2021").unwrap().unwrap();
    let points = published_point_signals();
    let eff = fitted_efficiency(&points);
    let mut report = format!(
        "fitted efficiency {eff:.4} (preset {})\n",
        p.signal_efficiency
    );
    for s in &points {
        let r = eff * s.signal_eff1 / s.n_ul;
        report.push_str(&format!(
            "{:.2} GeV {}: eps {:.3e} (darkscan/published {:.3}), N(eff 1) {:.2}, N_UL {:.3}, implied eff {:.4}, \
             R = {r:.3}, eta {:.2}, brem {:.2}{}\n",
            s.mass,
            s.edge,
            s.eps_published,
            s.eps_ratio,
            s.signal_eff1,
            s.n_ul,
            s.implied_efficiency(),
            s.eta_fraction,
            s.brem_fraction,
            if in_fit_set(s) { " [fit]" } else { "" }
        ));
    }
    eprintln!("{report}");
    // The fit set is η-dominated, the validation lower edges above 0.4 GeV
    // brem-dominated: the split means what it says.
    for s in points.iter().filter(|s| in_fit_set(s)) {
        assert!(
            s.eta_fraction > 0.5,
            "fit point not eta-dominated:\n{report}"
        );
    }
    for s in points.iter().filter(|s| s.edge == "lower" && s.mass > 0.42) {
        assert!(
            s.brem_fraction > 0.5,
            "{} GeV not brem-dominated:\n{report}",
            s.mass
        );
    }
    assert!(
        (p.signal_efficiency / eff - 1.0).abs() < 0.05,
        "preset efficiency {} is not the fit {eff:.4}:\n{report}",
        p.signal_efficiency
    );
    for s in points.iter().filter(|s| !in_fit_set(s)) {
        let r = eff * s.signal_eff1 / s.n_ul;
        let (lo, hi) = if s.edge == "lower" {
            LOWER_EDGE_SIGNAL_RATIO
        } else {
            UPPER_EDGE_SIGNAL_RATIO
        };
        assert!(
            (lo..hi).contains(&r),
            "{} GeV {} edge: R = {r:.3} outside [{lo}, {hi}]:\n{report}",
            s.mass,
            s.edge
        );
    }
}

/// The largest excluded signal over ε at one mass, in units of N_UL, with
/// the given efficiency (> 1: an island exists at this mass).
fn island_height(m: f64, eff: f64, seed: u64) -> f64 {
    let p = load_preset("na62-dump-mumu-2021").unwrap().unwrap();
    let g = dump_geometry::load(&p.geometry).unwrap();
    let channels = p.resolved_channels().unwrap();
    let n_ul = signal_upper_limits(&p.statistics, &ReachOptions::default(), &[m]).unwrap()[0];
    let s = sample_mass(
        &g,
        p.beam_energy_gev,
        Dilepton::MuMu,
        &channels,
        m,
        EVENTS,
        seed,
    );
    let couplings: Vec<f64> = (0..=120)
        .map(|i| 10f64.powf(-7.0 + 1.5 * f64::from(i) / 120.0))
        .collect();
    let per_channel = signal_per_pot(&s, Dilepton::MuMu, &couplings);
    (0..couplings.len())
        .map(|j| per_channel.iter().map(|c| c[j]).sum::<f64>())
        .fold(0.0, f64::max)
        * p.protons_on_target
        * eff
        / n_ul
}

/// The end of the island, asserted as measured. The published loop closes
/// with a vertical segment at 0.538 GeV (its edges still a factor 1.33 apart
/// in ε: either the end of NA62's mass scan or a sharp fall of its signal;
/// the paper's text was not reachable). darkscan's island height (largest
/// N_sig/N_UL over ε) falls by only ≈ 2 % per 10 MeV there — its signal is
/// proton bremsstrahlung, smooth in mass — so its end mass moves by
/// ≈ 10 MeV for every 2 % of normalisation: the end mass is a weak test and
/// the height is the quantity asserted.
///
/// Measured with the fitted efficiency 0.123 (10⁵ calls per channel; the
/// same at 2×10⁵):
/// height 0.98 at 0.538 GeV, island end ≈ 0.530–0.532 GeV (published 0.538). With
/// the former single-point calibration 0.134 the height was 1.07 and the
/// end 0.567 GeV: the "0.57 GeV against 0.538" previously quoted was a 9 %
/// normalisation difference, not a different mass dependence.
/// Bounds: height 0.94–1.02 (MC error ≈ 1 %), end 0.515–0.550 GeV.
#[test]
fn mumu_2021_island_end_as_measured() {
    let eff = load_preset("na62-dump-mumu-2021")
        .unwrap()
        .unwrap()
        .signal_efficiency;
    let h_pub = island_height(NA62_MUMU_2021_END_GEV, eff, 11);
    let (mut a, mut b) = (0.50, 0.60);
    let (ha, hb) = (island_height(a, eff, 12), island_height(b, eff, 13));
    assert!(ha > 1.0 && hb < 1.0, "no end in [{a}, {b}]: {ha} {hb}");
    for k in 0..7 {
        let mid = 0.5 * (a + b);
        if island_height(mid, eff, 20 + k) > 1.0 {
            a = mid;
        } else {
            b = mid;
        }
    }
    let end = 0.5 * (a + b);
    eprintln!(
        "island height at {NA62_MUMU_2021_END_GEV} GeV: {h_pub:.3}; darkscan island ends at \
         {end:.4} GeV (published {NA62_MUMU_2021_END_GEV})"
    );
    assert!((0.94..1.02).contains(&h_pub), "height {h_pub}");
    assert!((0.515..0.550).contains(&end), "end {end} GeV");
}
