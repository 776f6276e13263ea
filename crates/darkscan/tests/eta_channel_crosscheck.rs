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

/// darkscan's idealised η-channel count per POT at `POINTS` (open
/// geometry), after checking that the acceptance really is off.
fn darkscan_points() -> Vec<f64> {
    let g = open_geometry();
    let channels = [Channel::Meson(MesonChannel::EtaGamma)];
    let mut out = Vec::new();
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
        let eps: Vec<f64> = POINTS
            .iter()
            .filter(|p| (p.0 - m).abs() < 1e-12)
            .map(|p| p.1)
            .collect();
        out.extend(signal_per_pot(&s, Dilepton::MuMu, &eps)[0].iter().copied());
    }
    assert_eq!(out.len(), POINTS.len());
    out
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
    let ours = darkscan_points();
    let mut report = String::new();
    let mut worst_pull: f64 = 0.0;
    let mut worst_rel: f64 = 0.0;
    for ((&(m, eps), p), &n_rs) in POINTS.iter().zip(&py).zip(&ours) {
        assert!((p.0 - m).abs() < 1e-12 && (p.1 / eps - 1.0).abs() < 1e-12);
        let (n_py, err_py) = (p.2, p.3);
        let err = err_py.hypot(err_py * (PY_EVENTS as f64 / RS_EVENTS as f64).sqrt());
        let pull = (n_rs - n_py) / err;
        let rel = n_rs / n_py - 1.0;
        report.push_str(&format!(
            "m = {m:.2} eps = {eps:.1e}: darkscan {n_rs:.4e}, python {n_py:.4e} ± {:.1} %, \
             ratio {:.4}, pull {pull:+.2}\n",
            100.0 * err_py / n_py,
            n_rs / n_py
        ));
        worst_pull = worst_pull.max(pull.abs());
        assert!(err_py / n_py < 0.06, "m = {m}: Python error too large");
        if err_py / n_py < 0.015 {
            worst_rel = worst_rel.max(rel.abs());
        }
    }
    eprintln!("{report}");
    assert!(worst_pull < 4.0, "pull {worst_pull:.2}:\n{report}");
    assert!(worst_rel < 0.03, "deviation {worst_rel:.3}:\n{report}");
}

/// FORESEE (Kling & Trojanowski, PRD 104 (2021) 035012) fed darkscan's own η
/// table, its own dark-photon cτ and BR(μμ) tables, and the fiducial volume
/// as a cylinder with the radius cut at its mid-plane
/// (`tools/validation/foresee_eta.py`, FORESEE branch `angular`, commit
/// 80aadac70a6a3f48d8d8665358beee935118e16d), against darkscan's idealised
/// count. Needs a FORESEE checkout and its Python dependencies (see the
/// script): `FORESEE_PATH=… cargo test -p darkscan --test
/// eta_channel_crosscheck -- --ignored`.
///
/// Measured, FORESEE/darkscan: long-lived (ε = 10⁻⁷) 0.83 (0.22 GeV), 0.91,
/// 0.96, 0.94; ε = 5×10⁻⁷ 0.96, 0.93, 0.93, 0.96; near the upper edge 1.25,
/// 0.86, 1.23, 1.00. Causes, all on FORESEE's side of the comparison:
/// FORESEE cannot follow an A′ that leaves through the cylinder's side (the
/// mid-plane cut keeps some that leave early and drops some that enter
/// late), its 0.05 × 0.05 (log θ, log p) re-binning with ±0.025 smearing,
/// its widths (DeLiVeR-style R; near the μμ threshold at 0.22 GeV its 1 MeV
/// BR grid), and its MC noise at short lifetimes (a few % per point).
/// Asserted: FORESEE/darkscan in 0.78–1.02 for ε ≤ 5×10⁻⁷ and 0.75–1.35
/// at the upper-edge points (the measured ranges widened by ≈ 5 %).
#[test]
#[ignore = "needs FORESEE: set FORESEE_PATH and run with --ignored (see tools/validation/foresee_eta.py)"]
fn eta_channel_against_foresee() {
    let foresee = std::env::var("FORESEE_PATH").expect("FORESEE_PATH not set");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tools/validation/foresee_eta.py"
    );
    let pts: Vec<String> = POINTS.iter().map(|(m, e)| format!("{m}:{e:e}")).collect();
    let out = Command::new("python3")
        .arg(script)
        .args(["--points", &pts.join(",")])
        .env("FORESEE_PATH", foresee)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "foresee_eta.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fs: Vec<f64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap().parse().unwrap())
        .collect();
    assert_eq!(fs.len(), POINTS.len());
    let ours = darkscan_points();
    let mut report = String::new();
    let mut bad = Vec::new();
    for ((&(m, eps), &n_fs), &n_rs) in POINTS.iter().zip(&fs).zip(&ours) {
        let r = n_fs / n_rs;
        report.push_str(&format!(
            "m = {m:.2} eps = {eps:.1e}: FORESEE {n_fs:.4e}, darkscan {n_rs:.4e}, ratio {r:.3}\n"
        ));
        let (lo, hi) = if eps <= 5e-7 {
            (0.78, 1.02)
        } else {
            (0.75, 1.35)
        };
        if !(lo..hi).contains(&r) {
            bad.push((m, eps));
        }
    }
    eprintln!("{report}");
    assert!(bad.is_empty(), "out of bounds at {bad:?}:\n{report}");
}
