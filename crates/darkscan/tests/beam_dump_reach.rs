//! NA62 beam-dump reach: reproducibility, numerical robustness and the
//! comparison with the published NA62 2021 A′ → μ⁺μ⁻ exclusion.

use darkscan::experiment::beam_dump::{
    Dilepton, load_preset, run_beam_dump, sample_mass, signal_per_pot,
};
use darkscan::experiment::dump_geometry;
use darkscan::io::limits_csv;
use darkscan::reach::ReachOptions;

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
/// (tolerance 35 %, the tolerance for the e⁺e⁻ exclusion). Measured:
/// 3.2e-5 at 50 MeV with the preset's μ⁺μ⁻-calibrated efficiency 0.134 (3.7e-5 at 1).
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
/// m_μμ = 411 MeV). 0.41 GeV is left out: it sits in the notch.
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

/// darkscan's edges at the published masses, with the preset as shipped or
/// with its efficiency replaced.
fn mumu_2021_edges(signal_efficiency: Option<f64>) -> Vec<(f64, f64, f64)> {
    let mut p = load_preset("na62-dump-mumu-2021").unwrap().unwrap();
    if let Some(e) = signal_efficiency {
        p.signal_efficiency = e;
    }
    let opts = ReachOptions {
        masses: Some(NA62_MUMU_2021.iter().map(|r| r.0).collect()),
        ..ReachOptions::default()
    };
    let r = run_beam_dump("na62-dump-mumu-2021", &p, &opts, &|_| {}).unwrap();
    r.limits
        .iter()
        .map(|l| {
            assert_eq!(l.excluded.len(), 1, "one island at {} GeV", l.mass);
            let (lo, hi) = l.excluded[0];
            (l.mass, lo, hi.expect("closed island"))
        })
        .collect()
}

/// Issue 4 acceptance: both edges within 25 % of the published contour from
/// 220 to 520 MeV. The preset's `signal_efficiency` = 0.134 was fitted to ONE
/// of these 16 numbers (the lower edge at 0.3 GeV; see the preset): that
/// point agrees by construction, the other 15 test the mass dependence
/// (η-dominated below ≈ 0.4 GeV, bremsstrahlung-dominated above) and the
/// lifetime/momentum spectrum (upper edges). Measured: ratios 0.94–1.18
/// (lower) and 0.83–1.19 (upper).
#[test]
fn mumu_2021_reproduces_the_published_contour_within_25_percent() {
    let ours = mumu_2021_edges(None);
    let mut report = String::new();
    let mut worst: f64 = 0.0;
    for (&(m, lo, hi), &(pm, plo, phi)) in ours.iter().zip(&NA62_MUMU_2021) {
        assert!((m - pm).abs() < 1e-12);
        let (rl, ru) = (lo / plo, hi / phi);
        report.push_str(&format!(
            "{m:.2} GeV: lower {lo:.3e} (published {plo:.3e}, ratio {rl:.2}), \
             upper {hi:.3e} (published {phi:.3e}, ratio {ru:.2})\n"
        ));
        worst = worst.max((rl - 1.0).abs()).max((ru - 1.0).abs());
    }
    eprintln!("{report}");
    assert!(worst < 0.25, "largest deviation {worst:.2}:\n{report}");
}

/// Without the fitted efficiency (idealised acceptance, efficiency 1) the
/// island is much larger than the published one: the lower edges come out at
/// 0.44–0.56 of the published ones (a signal ≈ 7.5 times larger at fixed ε).
/// This pins the size of the calibration so that a change in the production
/// or acceptance model that moves it shows up here.
#[test]
fn idealised_acceptance_overshoots_the_published_lower_edge() {
    let ours = mumu_2021_edges(Some(1.0));
    for (&(m, lo, hi), &(_, plo, phi)) in ours.iter().zip(&NA62_MUMU_2021) {
        let (rl, ru) = (lo / plo, hi / phi);
        assert!(
            (0.38..0.65).contains(&rl) && (1.05..1.8).contains(&ru),
            "{m} GeV: ratios {rl:.2} / {ru:.2}"
        );
    }
}
