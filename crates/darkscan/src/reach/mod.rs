//! The reach pipeline: (mass, coupling) grid → expected signal → excluded
//! coupling intervals per mass → contour, shared by every experiment.

use serde::Serialize;

/// Which plane the limits are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Plane {
    /// Kinetic mixing ε versus the mediator mass m_A′.
    #[default]
    Epsilon,
    /// The thermal-target variable y = ε² α_D (m_χ/m_A′)⁴ versus m_χ.
    Y,
}

impl Plane {
    /// Short name used on the command line and in outputs.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Epsilon => "epsilon",
            Self::Y => "y",
        }
    }
    /// Axis label of the mass variable, with unit.
    #[must_use]
    pub fn mass_label(self) -> &'static str {
        match self {
            Self::Epsilon => "m_A' [GeV]",
            Self::Y => "m_chi [GeV]",
        }
    }
    /// Axis label of the coupling variable.
    #[must_use]
    pub fn coupling_label(self) -> &'static str {
        match self {
            Self::Epsilon => "epsilon",
            Self::Y => "y = eps^2 alpha_D (m_chi/m_A')^4",
        }
    }
}

/// The excluded couplings at one mass.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct MassLimit {
    /// Mass in GeV (m_A′ in the ε plane, m_χ in the y plane).
    pub mass: f64,
    /// Excluded coupling intervals [lo, hi]; `hi = None` means the exclusion
    /// extends beyond the top of the scanned range (missing-energy searches
    /// exclude everything above a lower edge).
    pub excluded: Vec<(f64, Option<f64>)>,
    /// The signal upper limit (events) used at this mass: the same at every
    /// mass unless the preset lists the masses of its observed events
    /// (`statistics.observed_masses_gev`).
    pub signal_upper_limit: f64,
}

/// Expected signal on the full (mass, coupling) grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YieldGrid {
    /// Masses in GeV (same axis as the limits).
    pub masses: Vec<f64>,
    /// Couplings (ε, or y in the y plane).
    pub couplings: Vec<f64>,
    /// `signal[i][j]`: expected signal events at `masses[i]`, `couplings[j]`.
    pub signal: Vec<Vec<f64>>,
}

/// Everything a reach computation produces.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReachResult {
    /// Preset name (or the file it came from).
    pub preset: String,
    /// Model name, e.g. "dark-photon-invisible".
    pub model: String,
    /// Plane of the limits.
    pub plane: Plane,
    /// Exposure (electrons, muons or protons on target).
    pub exposure: f64,
    /// 90 % CL (or the preset's CL) upper limit on the signal mean; with
    /// `statistics.observed_masses_gev`, the value at masses with no observed
    /// event in their window (each mass's own value is in `limits`).
    pub signal_upper_limit: f64,
    /// Excluded intervals per mass.
    pub limits: Vec<MassLimit>,
    /// The full grid of expected signal.
    #[serde(skip)]
    pub grid: YieldGrid,
    /// Expected signal per production channel on the same grid (beam dumps):
    /// (channel name, `signal[i][j]`). Empty when not broken down.
    #[serde(skip)]
    pub channels: Vec<(String, Vec<Vec<f64>>)>,
    /// What the result was computed with (axes, exposure unit, CL, method),
    /// so that writers and plots need not guess; empty fields fall back to
    /// the plane's labels, a unit guessed from the preset name and 90 % CL.
    #[serde(flatten)]
    pub meta: ReachMeta,
}

/// Provenance of a [`ReachResult`] (see its `meta` field).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ReachMeta {
    /// Short coupling name used in table headers ("epsilon", "y", "U^2").
    pub coupling: String,
    /// Coupling-axis label with unit.
    pub coupling_label: String,
    /// Mass-axis label with unit.
    pub mass_label: String,
    /// Unit of the exposure: "EOT", "MOT" or "POT".
    pub exposure_unit: String,
    /// Confidence level of the limits.
    pub cl: Option<f64>,
    /// Limit method ("cls", "classical", "fc").
    pub method: String,
}

impl ReachResult {
    /// Short coupling name ("epsilon", "y", "U^2").
    #[must_use]
    pub fn coupling_name(&self) -> &str {
        if self.meta.coupling.is_empty() {
            self.plane.name()
        } else {
            &self.meta.coupling
        }
    }
    /// Coupling-axis label.
    #[must_use]
    pub fn coupling_label(&self) -> &str {
        if self.meta.coupling_label.is_empty() {
            self.plane.coupling_label()
        } else {
            &self.meta.coupling_label
        }
    }
    /// Mass-axis label.
    #[must_use]
    pub fn mass_label(&self) -> &str {
        if self.meta.mass_label.is_empty() {
            self.plane.mass_label()
        } else {
            &self.meta.mass_label
        }
    }
    /// Confidence level of the limits (90 % when not recorded).
    #[must_use]
    pub fn cl(&self) -> f64 {
        self.meta.cl.unwrap_or(crate::stats::DEFAULT_CL)
    }
}

/// The metadata of a result in plane `plane` for a model whose coupling is
/// `coupling` (axis label `coupling_label`) and whose FIP is called
/// `fip_symbol` on the mass axis, with the statistics options applied.
fn meta_for(
    plane: Plane,
    coupling: (&str, &str),
    fip_symbol: &str,
    exposure_unit: &str,
    stats: &Statistics,
    opts: &ReachOptions,
) -> ReachMeta {
    let (coupling, coupling_label, mass_label) = match plane {
        Plane::Epsilon => (
            coupling.0.to_string(),
            coupling.1.to_string(),
            format!("{fip_symbol} [GeV]"),
        ),
        Plane::Y => (
            "y".into(),
            plane.coupling_label().into(),
            plane.mass_label().into(),
        ),
    };
    ReachMeta {
        coupling,
        coupling_label,
        mass_label,
        exposure_unit: exposure_unit.into(),
        cl: Some(opts.cl.unwrap_or(stats.cl)),
        method: opts
            .method
            .map_or_else(|| stats.method.clone(), |m| m.to_string()),
    }
}

/// The metadata of a result: coupling and mass axis labels for `plane`, the
/// exposure unit, and the CL and limit method after the options' overrides.
#[must_use]
pub fn result_meta(
    plane: Plane,
    coupling: (&str, &str),
    fip_symbol: &str,
    exposure_unit: &str,
    stats: &Statistics,
    opts: &ReachOptions,
) -> ReachMeta {
    meta_for(plane, coupling, fip_symbol, exposure_unit, stats, opts)
}

pub mod config;
use crate::numeric::roots::brent;
use crate::stats::{LimitMethod, StatsError, upper_limit};
pub use config::{Scan, Statistics};
use rayon::prelude::*;
use thiserror::Error;

/// Why a reach computation could not run.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ReachError {
    /// A mass outside (0, E_beam).
    #[error(
        "invalid mass {mass} GeV: masses must be positive and below the beam energy ({beam} GeV)"
    )]
    InvalidMass {
        /// The mass.
        mass: f64,
        /// The beam energy.
        beam: f64,
    },
    /// A non-positive or non-finite exposure.
    #[error("invalid exposure {0}: must be a finite positive number of particles on target")]
    InvalidExposure(f64),
    /// Invalid α_D or mass ratio.
    #[error("invalid {key} = {value}: {reason}")]
    InvalidOption {
        /// Option name.
        key: &'static str,
        /// Value.
        value: f64,
        /// Why.
        reason: &'static str,
    },
    /// A mass (first field) below the lowest one (second field) at which the
    /// search's electron bremsstrahlung cross sections hold: 1 keV for the
    /// missing-energy searches
    /// ([`crate::production::electron_brem_light::LIGHT_MIN_MASS`]), 1 MeV
    /// for the visible mode ([`crate::production::electron_brem::MIN_MASS`]).
    #[error(
        "invalid mass {0} GeV: the electron bremsstrahlung cross sections here hold from {1} GeV"
    )]
    BremMassBelowRange(f64, f64),
    /// Bad statistics inputs.
    #[error(transparent)]
    Stats(#[from] StatsError),
    /// The preset is inconsistent.
    #[error("preset: {0}")]
    Preset(String),
}

/// Command-line overrides of a preset's settings; `None` keeps the preset's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReachOptions {
    /// Exposure (particles on target).
    pub exposure: Option<f64>,
    /// Explicit masses in GeV (m_A′ in either plane).
    pub masses: Option<Vec<f64>>,
    /// Plane of the output.
    pub plane: Plane,
    /// α_D.
    pub alpha_d: Option<f64>,
    /// m_A′/m_χ.
    pub mass_ratio: Option<f64>,
    /// Limit method.
    pub method: Option<LimitMethod>,
    /// Observed events.
    pub observed: Option<u64>,
    /// Expected background.
    pub background: Option<f64>,
    /// Background uncertainty.
    pub background_error: Option<f64>,
    /// Confidence level of the limit.
    pub cl: Option<f64>,
    /// Kaon-mode presets: the expected sensitivity from first principles
    /// (the preset's `[expected]` table) instead of the published limits.
    pub expected_sensitivity: bool,
    /// A resume cache file ([`crate::io::resume`]): finished masses are
    /// appended to it and reused by the next run with the same inputs.
    pub resume_file: Option<std::path::PathBuf>,
}

/// Excluded coupling intervals at one mass: (lower edge, upper edge or open).
pub type Intervals = Vec<(f64, Option<f64>)>;

/// The signal upper limit from a preset's counting inputs, with the options'
/// overrides (method, observed, background ± error, CL).
pub fn signal_upper_limit(stats: &Statistics, opts: &ReachOptions) -> Result<f64, ReachError> {
    let method = match opts.method {
        Some(m) => m,
        None => stats.method.parse().map_err(ReachError::Preset)?,
    };
    Ok(upper_limit(
        method,
        opts.observed.unwrap_or(stats.observed),
        opts.background.unwrap_or(stats.background),
        opts.background_error.unwrap_or(stats.background_error),
        opts.cl.unwrap_or(stats.cl),
    )?)
}

/// The signal upper limit at each of `masses`.
///
/// Without `statistics.observed_masses_gev` (or with `--observed` given,
/// which sets one count for the whole scan) every mass gets
/// [`signal_upper_limit`]. With it, the count at mass m is the number of
/// listed events within `mass_window_gev` of m (a mass-window counting
/// analysis, as the NA62 dump searches do around each A′ mass hypothesis);
/// the background is kept at the preset's total, which is conservative
/// for n = 0 (the CLs limit is then ln(1/(1−CL)) whatever b is) and changes
/// the n = 1 limit by < 1 % for b ≲ 0.02.
pub fn signal_upper_limits(
    stats: &Statistics,
    opts: &ReachOptions,
    masses: &[f64],
) -> Result<Vec<f64>, ReachError> {
    let events = &stats.observed_masses_gev;
    if events.is_empty() || opts.observed.is_some() {
        let n_ul = signal_upper_limit(stats, opts)?;
        return Ok(vec![n_ul; masses.len()]);
    }
    if events.len() as u64 != stats.observed {
        return Err(ReachError::Preset(format!(
            "statistics.observed_masses_gev lists {} events but statistics.observed = {}",
            events.len(),
            stats.observed
        )));
    }
    if let Some(&m) = events.iter().find(|m| !(m.is_finite() && **m > 0.0)) {
        return Err(ReachError::Preset(format!(
            "statistics.observed_masses_gev: invalid mass {m} (must be a positive number of GeV)"
        )));
    }
    let window = match stats.mass_window_gev {
        Some(w) if w.is_finite() && w > 0.0 => w,
        Some(w) => {
            return Err(ReachError::Preset(format!(
                "statistics.mass_window_gev = {w}: must be a positive number of GeV"
            )));
        }
        None => {
            return Err(ReachError::Preset(
                "statistics.observed_masses_gev needs statistics.mass_window_gev".into(),
            ));
        }
    };
    let mut by_count: Vec<Option<f64>> = vec![None; events.len() + 1];
    masses
        .iter()
        .map(|&m| {
            let n = events.iter().filter(|&&e| (e - m).abs() <= window).count();
            if let Some(v) = by_count[n] {
                return Ok(v);
            }
            let v = signal_upper_limit(
                stats,
                &ReachOptions {
                    observed: Some(n as u64),
                    ..opts.clone()
                },
            )?;
            by_count[n] = Some(v);
            Ok(v)
        })
        .collect()
}

/// The masses of a scan: the options' explicit list, else the preset's
/// log-spaced grid.
#[must_use]
pub fn scan_masses(scan: &Scan, opts: &ReachOptions) -> Vec<f64> {
    match &opts.masses {
        Some(m) => m.clone(),
        None => log_space(scan.mass_min_gev, scan.mass_max_gev, scan.n_masses),
    }
}

/// `n` log-spaced values from `lo` to `hi` inclusive.
#[must_use]
pub fn log_space(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if n == 1 {
        return vec![lo];
    }
    let (a, b) = (lo.ln(), hi.ln());
    // The ends are the given values exactly (exp(ln x) can be x ± 1 ulp, which
    // would put the last mass outside a model's range).
    (0..n)
        .map(|i| match i {
            0 => lo,
            i if i == n - 1 => hi,
            _ => (a + (b - a) * i as f64 / (n - 1) as f64).exp(),
        })
        .collect()
}

/// The coupling intervals in which `signal(g) ≥ n_ul`.
///
/// The grid brackets each crossing; the edge is then refined by Brent's
/// method on ln signal − ln n_ul in ln g, so the contour does not depend on
/// the grid spacing (only crossings closer than one grid step can be missed).
/// An interval reaching the top of the grid has `hi = None`; one reaching the
/// bottom starts at the lowest grid coupling.
pub fn excluded_intervals(couplings: &[f64], signal: impl Fn(f64) -> f64, n_ul: f64) -> Intervals {
    let f = |lg: f64| {
        let s = signal(lg.exp());
        if s > 0.0 { s.ln() - n_ul.ln() } else { -1e3 }
    };
    let values: Vec<f64> = couplings.iter().map(|&g| f(g.ln())).collect();
    let edge = |i: usize| {
        let (a, b) = (couplings[i].ln(), couplings[i + 1].ln());
        brent(f, a, b, 1e-9).map_or(couplings[i], f64::exp)
    };
    let mut out = Vec::new();
    let mut start: Option<f64> = None;
    for (i, &v) in values.iter().enumerate() {
        let inside = v >= 0.0;
        if inside && start.is_none() {
            start = Some(if i == 0 { couplings[0] } else { edge(i - 1) });
        }
        if !inside && let Some(lo) = start.take() {
            out.push((lo, Some(edge(i - 1))));
        }
    }
    if let Some(lo) = start {
        out.push((lo, None));
    }
    out
}

/// A prepared mass point of any search: its expected signal (events) per
/// production channel at any coupling, cheap to evaluate (everything that
/// does not depend on the coupling was done when it was prepared).
pub trait MassPoint: Sync {
    /// `result[c][j]`: expected signal of channel c at `couplings[j]`.
    fn signal_by_channel(&self, couplings: &[f64]) -> Vec<Vec<f64>>;
}

/// What [`scan_grid`] returns: per mass the excluded intervals, the total
/// signal row and the per-channel rows.
pub type ScanRows = Vec<(MassLimit, Vec<f64>, Vec<Vec<f64>>)>;

/// The one runner of every search: prepares each mass (in parallel, each
/// from its own random streams so the result does not depend on the thread
/// count), evaluates the signal on the coupling grid, and finds the excluded
/// intervals with edges refined on the exact signal
/// ([`excluded_intervals`]). `progress` is called with the number of
/// finished masses.
pub fn scan_grid<P, F>(
    masses: &[f64],
    couplings: &[f64],
    n_ul_by_mass: &[f64],
    prepare: F,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ScanRows, ReachError>
where
    P: MassPoint,
    F: Fn(usize, f64) -> Result<P, ReachError> + Sync,
{
    scan_grid_resumable(masses, couplings, n_ul_by_mass, prepare, progress, None)
}

/// [`scan_grid`] with a resume cache: masses found in `cache` (same index
/// and mass) are not recomputed, and every newly finished mass is appended
/// to it.
pub fn scan_grid_resumable<P, F>(
    masses: &[f64],
    couplings: &[f64],
    n_ul_by_mass: &[f64],
    prepare: F,
    progress: &(dyn Fn(usize) + Sync),
    cache: Option<&crate::io::resume::ResumeCache>,
) -> Result<ScanRows, ReachError>
where
    P: MassPoint,
    F: Fn(usize, f64) -> Result<P, ReachError> + Sync,
{
    let done = std::sync::atomic::AtomicUsize::new(0);
    masses
        .par_iter()
        .enumerate()
        .map(|(i, &m)| {
            if let Some(hit) = cache.and_then(|c| c.get(i, m)) {
                progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
                return Ok(hit);
            }
            let point = prepare(i, m)?;
            let per_channel = point.signal_by_channel(couplings);
            let total: Vec<f64> = (0..couplings.len())
                .map(|j| per_channel.iter().map(|c| c[j]).sum::<f64>())
                .collect();
            let signal = |g: f64| {
                point
                    .signal_by_channel(&[g])
                    .iter()
                    .map(|c| c[0])
                    .sum::<f64>()
            };
            let limit = MassLimit {
                mass: m,
                excluded: excluded_intervals(couplings, signal, n_ul_by_mass[i]),
                signal_upper_limit: n_ul_by_mass[i],
            };
            let row = (limit, total, per_channel);
            if let Some(c) = cache {
                c.record(i, &row)
                    .map_err(|e| ReachError::Preset(format!("resume cache: {e}")))?;
            }
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
            Ok(row)
        })
        .collect()
}

/// Opens the resume cache of `opts` (if any) for a scan described by
/// `inputs` (e.g. the Debug text of the preset and the options).
pub fn open_resume(
    opts: &ReachOptions,
    inputs: &str,
) -> Result<Option<crate::io::resume::ResumeCache>, ReachError> {
    opts.resume_file
        .as_deref()
        .map(|p| crate::io::resume::ResumeCache::open(p, inputs))
        .transpose()
        .map_err(|e| ReachError::Preset(format!("resume cache: {e}")))
}

/// [`open_resume`] keyed by a search kind and its preset: the cache is valid
/// for one (kind, preset, options other than the cache file) combination, so
/// a changed preset or option starts a fresh cache.
pub fn open_resume_for(
    opts: &ReachOptions,
    kind: &str,
    preset: &impl std::fmt::Debug,
) -> Result<Option<crate::io::resume::ResumeCache>, ReachError> {
    open_resume(
        opts,
        &format!(
            "{kind} {preset:?} {:?}",
            ReachOptions {
                resume_file: None,
                ..opts.clone()
            }
        ),
    )
}

/// Splits the rows of [`scan_grid`] into a result's limits and yield grid,
/// with the mass axis and the couplings mapped to the output plane
/// (`mass_axis`, `to_plane`: the identity in the ε plane).
#[must_use]
pub fn limits_and_grid(
    masses: &[f64],
    couplings: &[f64],
    rows: ScanRows,
    mass_axis: impl Fn(f64) -> f64,
    to_plane: impl Fn(f64) -> f64,
) -> (Vec<MassLimit>, YieldGrid) {
    let mut limits = Vec::with_capacity(rows.len());
    let mut signal = Vec::with_capacity(rows.len());
    for (limit, row, _) in rows {
        limits.push(MassLimit {
            mass: mass_axis(limit.mass),
            excluded: limit
                .excluded
                .iter()
                .map(|&(lo, hi)| (to_plane(lo), hi.map(&to_plane)))
                .collect(),
            signal_upper_limit: limit.signal_upper_limit,
        });
        signal.push(row);
    }
    let grid = YieldGrid {
        masses: masses.iter().map(|&m| mass_axis(m)).collect(),
        couplings: couplings.iter().map(|&g| to_plane(g)).collect(),
        signal,
    };
    (limits, grid)
}

/// A mass point given by a closure of the coupling (one channel).
pub struct SignalFn<F: Fn(f64) -> f64 + Sync>(pub F);

impl<F: Fn(f64) -> f64 + Sync> MassPoint for SignalFn<F> {
    fn signal_by_channel(&self, couplings: &[f64]) -> Vec<Vec<f64>> {
        vec![couplings.iter().map(|&g| (self.0)(g)).collect()]
    }
}

/// "EOT", "MOT" or "POT" for a beam particle name ("e-", "e+", "mu-",
/// "mu+", "p").
#[must_use]
pub fn exposure_unit_of(particle: &str) -> &'static str {
    match particle {
        "e-" | "e+" => "EOT",
        "mu-" | "mu+" => "MOT",
        "p" => "POT",
        _ => "on target",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(observed: u64, masses: Vec<f64>, window: Option<f64>) -> Statistics {
        Statistics {
            observed,
            background: 0.016,
            background_error: 0.002,
            method: "cls".into(),
            cl: 0.9,
            observed_masses_gev: masses,
            mass_window_gev: window,
        }
    }

    #[test]
    fn observed_event_masses_set_the_count_per_mass() {
        let opts = ReachOptions::default();
        let masses = [0.3, 0.405, 0.411, 0.417, 0.5];
        let v = signal_upper_limits(&stats(1, vec![0.411], Some(0.006)), &opts, &masses).unwrap();
        // CLs, 90 %: n = 0 gives ln 10 for any b; n = 1 on 0.016 ± 0.002 gives 3.8739.
        for (m, ul) in masses.iter().zip(&v) {
            let expected = if (m - 0.411f64).abs() <= 0.006 {
                3.8739
            } else {
                10f64.ln()
            };
            assert!((ul - expected).abs() < 1e-3, "{m}: {ul}");
        }
        // Without event masses, or with --observed, one count everywhere.
        let flat = signal_upper_limits(&stats(1, vec![], None), &opts, &masses).unwrap();
        assert!(flat.iter().all(|&u| (u - 3.8739).abs() < 1e-3));
        let forced = ReachOptions {
            observed: Some(0),
            ..ReachOptions::default()
        };
        let v = signal_upper_limits(&stats(1, vec![0.411], Some(0.006)), &forced, &masses).unwrap();
        assert!(v.iter().all(|&u| (u - 10f64.ln()).abs() < 1e-9));
    }

    #[test]
    fn inconsistent_event_masses_are_errors() {
        let opts = ReachOptions::default();
        let m = [0.3];
        for (s, needle) in [
            (stats(2, vec![0.411], Some(0.006)), "lists 1 events"),
            (
                stats(1, vec![0.411], None),
                "needs statistics.mass_window_gev",
            ),
            (stats(1, vec![0.411], Some(-1.0)), "mass_window_gev = -1"),
            (stats(1, vec![f64::NAN], Some(0.006)), "invalid mass"),
        ] {
            let e = signal_upper_limits(&s, &opts, &m).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        }
    }

    #[test]
    fn intervals_of_an_island_and_a_lower_edge() {
        let g = log_space(1e-8, 1e-2, 61);
        // Island: signal rises as g² and dies as exp(−(g/1e-4)²).
        let island = |x: f64| 1e12 * x * x * (-(x / 1e-4).powi(2)).exp();
        let iv = excluded_intervals(&g, island, 2.3);
        assert_eq!(iv.len(), 1);
        let (lo, hi) = iv[0];
        assert!((island(lo) / 2.3 - 1.0).abs() < 1e-6);
        assert!((island(hi.unwrap()) / 2.3 - 1.0).abs() < 1e-6);
        // Missing energy: g² only → open upper end.
        let iv = excluded_intervals(&g, |x| 1e10 * x * x, 2.3);
        assert_eq!(iv.len(), 1);
        assert!(iv[0].1.is_none());
        assert!(((2.3f64 / 1e10).sqrt() / iv[0].0 - 1.0).abs() < 1e-6);
        // Nothing excluded.
        assert!(excluded_intervals(&g, |_| 0.0, 2.3).is_empty());
    }

    #[test]
    fn log_space_ends() {
        let v = log_space(1e-3, 1.0, 4);
        assert!((v[0] - 1e-3).abs() < 1e-15 && (v[3] - 1.0).abs() < 1e-12);
        assert!((v[1] - 1e-2).abs() < 1e-14);
    }
}
