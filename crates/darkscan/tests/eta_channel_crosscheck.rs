//! The η → γA′ → μ⁺μ⁻ yield in the NA62 dump against an independent
//! calculation: `tools/validation/eta_channel.py`, written from the physics
//! (Batell–Pospelov–Ritz BR, DarkCast widths with the R ratio, isotropic
//! η decay, straight flight to the fiducial cylinder, exponential decay) with
//! the Python standard library, sharing no code with darkscan, only its
//! inputs (the shipped spectra and R tables and the geometry file).
//!
//! darkscan's side is its production chain as the reach uses it
//! (`sample_mass` with the η channel, `signal_per_pot`), with the daughters'
//! acceptance switched off (detectors opened, cuts removed), so that both
//! count every A′ decay inside the 105–180 m, r < 1.05 m cylinder.
//!
//! Needs python3 ≥ 3.11: without it the test is reported as ignored (see
//! `build.rs`). Measured and asserted: see the test.

use darkscan::experiment::beam_dump::{Channel, Dilepton, sample_mass, signal_per_pot};
use darkscan::experiment::dump_geometry::DumpGeometry;
use darkscan::production::meson_decay::MesonChannel;
use std::process::Command;

/// (m in GeV, ε): long-lived (10⁻⁷), near the NA62 lower edge (5×10⁻⁷)
/// and near its upper edge (2×10⁻⁶, only the high-momentum tail survives).
const POINTS: [(f64, f64); 12] = [
    (0.22, 1e-7),
    (0.22, 5e-7),
    (0.22, 2e-6),
    (0.30, 1e-7),
    (0.30, 5e-7),
    (0.30, 2e-6),
    (0.40, 1e-7),
    (0.40, 5e-7),
    (0.40, 2e-6),
    (0.50, 1e-7),
    (0.50, 5e-7),
    (0.50, 1.2e-6),
];

const PY_EVENTS: usize = 200_000;
const RS_EVENTS: usize = 400_000;

/// The NA62 geometry with every daughter cut removed: huge stations without
/// beam holes, no magnet kick, no momentum, CDA or Z_TAX cut.
fn open_geometry() -> DumpGeometry {
    let mut g = DumpGeometry::na62();
    g.straws.inner_radius_m = 0.0;
    g.straws.outer_radius_m = 1e9;
    g.magnet.pt_kick_gev = 0.0;
    g.lkr.inner_radius_m = 0.0;
    g.lkr.outer_radius_m = 1e9;
    g.muv3.hole_radius_m = 0.0;
    g.muv3.half_size_m = 1e9;
    g.selection.min_momentum_gev = 0.0;
    g.selection.muon_min_momentum_gev = 0.0;
    g.selection.cda_max_m = 1e9;
    g.selection.z_tax_min_m = -1e9;
    g.selection.z_tax_max_m = 1e9;
    g
}

/// Runs the Python calculation: (m, ε, N per POT, its statistical error).
fn python_points() -> Vec<(f64, f64, f64, f64)> {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tools/validation/eta_channel.py"
    );
    let pts: Vec<String> = POINTS.iter().map(|(m, e)| format!("{m}:{e:e}")).collect();
    let out = Command::new("python3")
        .arg(script)
        .args(["--points", &pts.join(","), "--events"])
        .arg(PY_EVENTS.to_string())
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "eta_channel.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let v: Vec<f64> = l.split(',').map(|x| x.parse().unwrap()).collect();
            (v[0], v[1], v[2], v[3])
        })
        .collect()
}

/// Measured (seeds fixed; Python 2×10⁵ η, darkscan 4×10⁵): ratios
/// darkscan/Python 0.999–1.011 at the 10 points with a Python error of
/// 0.5–1.4 %, 1.018 (±2.5 %) and 1.043 (±5.2 %) at the two upper-edge
/// points at 0.4 and 0.5 GeV; every pull below 1.5σ. Asserted: every pull
/// |darkscan − Python|/σ < 4 (σ: the Python error combined with darkscan's,
/// taken as the Python one scaled by √(N_py/N_rs) — same estimator;
/// darkscan's stratified decay points make it smaller still), |ratio − 1|
/// < 3 % wherever the Python error is below 1.5 %, and every Python error
/// below 6 % (so the pulls mean something).
#[test]
#[cfg_attr(not(darkscan_python3), ignore = "needs python3 >= 3.11")]
fn eta_channel_matches_independent_python_calculation() {
    let py = python_points();
    assert_eq!(py.len(), POINTS.len());
    let g = open_geometry();
    let channels = [Channel::Meson(MesonChannel::EtaGamma)];
    let mut report = String::new();
    let mut worst_pull: f64 = 0.0;
    let mut worst_rel: f64 = 0.0;
    for (k, &m) in [0.22, 0.30, 0.40, 0.50].iter().enumerate() {
        let s = sample_mass(
            &g,
            400.0,
            Dilepton::MuMu,
            &channels,
            m,
            RS_EVENTS,
            77 + k as u64,
        );
        let sample = &s.channels[0].1;
        // Acceptance really off: every decay point of every FIP accepted.
        assert_eq!(sample.len(), sample.n_in_volume, "m = {m}");
        assert!(
            sample.mean_acceptance() > 0.999,
            "m = {m}: {}",
            sample.mean_acceptance()
        );
        let mine: Vec<&(f64, f64, f64, f64)> =
            py.iter().filter(|p| (p.0 - m).abs() < 1e-12).collect();
        let eps: Vec<f64> = mine.iter().map(|p| p.1).collect();
        let ours = signal_per_pot(&s, Dilepton::MuMu, &eps);
        for (j, p) in mine.iter().enumerate() {
            let (n_py, err_py) = (p.2, p.3);
            let n_rs = ours[0][j];
            let err = err_py.hypot(err_py * (PY_EVENTS as f64 / RS_EVENTS as f64).sqrt());
            let pull = (n_rs - n_py) / err;
            let rel = n_rs / n_py - 1.0;
            report.push_str(&format!(
                "m = {m:.2} eps = {:.1e}: darkscan {n_rs:.4e}, python {n_py:.4e} ± {:.1} %, \
                 ratio {:.4}, pull {pull:+.2}\n",
                p.1,
                100.0 * err_py / n_py,
                n_rs / n_py
            ));
            worst_pull = worst_pull.max(pull.abs());
            assert!(err_py / n_py < 0.06, "m = {m}: Python error too large");
            if err_py / n_py < 0.015 {
                worst_rel = worst_rel.max(rel.abs());
            }
        }
    }
    eprintln!("{report}");
    assert!(worst_pull < 4.0, "pull {worst_pull:.2}:\n{report}");
    assert!(worst_rel < 0.03, "deviation {worst_rel:.3}:\n{report}");
}
