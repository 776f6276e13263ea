//! m²_miss peak scans for K⁺ → ℓ⁺N (NA62, PLB 807 (2020) 135599 for ℓ = e;
//! PLB 816 (2021) 136259 for ℓ = μ).
//!
//! For every event (one lepton track with the beam kaon's momentum)
//! m²_miss = (P_K − P_ℓ)² with the PDG K⁺ and lepton masses. For each mass
//! hypothesis m with m²_miss resolution σ (GeV²):
//! - **signal window** m² ± k σ (k = 1.5 by default: the ±1.5σ windows of the
//!   NA62 searches above);
//! - **background** from the two sidebands [m² − 6σ, m² − 2σ] and
//!   [m² + 2σ, m² + 6σ] (widths S = 4σ each): a background density that is
//!   linear in m²_miss across window and sidebands has, for sidebands placed
//!   symmetrically, a window integral equal to (n_L + n_R) W / (2S)
//!   whatever its slope (W = 2kσ), so that is the expectation ("linear fit of
//!   the sidebands"), with the Poisson error √(n_L + n_R) W/(2S) (for empty
//!   sidebands the error of one event, W/(2S));
//! - **local p-value** P(N ≥ n_obs) and z = Φ⁻¹(1 − p) of the observed count,
//!   the `p_excess` of [`crate::stats::pvalues`] (Cousins–Highland smearing
//!   of that error);
//! - **upper limit** on the signal count at 90 % CL with CLs
//!   ([`crate::stats::upper_limit`]), and with N_K and the acceptance A(m)
//!   BR_UL = n_UL / (N_K A(m)) and |U_ℓ|²_UL = BR_UL / (B(K→ℓν) ρ_ℓ(m))
//!   (`shrock_rho`);
//! - **global significance** of the largest local z by toys: each toy draws
//!   as many m²_miss values as the data have within 4h of the scanned range
//!   (sidebands included) from the data smeared by a Gaussian kernel of width
//!   h = `smoothing_sigmas` × the largest σ (default 20: a smoothed
//!   bootstrap, B. W. Silverman, *Density Estimation*, 1986, §6.4), which
//!   dilutes a peak of width σ twentyfold while keeping the background shape
//!   on scales above ≈ h (structures narrower than h, such as a kinematic
//!   edge, are smoothed: there the toys are only approximate); p_global = (1 + #toys with max z ≥ observed) / (1 + toys)
//!   (A. C. Davison and D. V. Hinkley, *Bootstrap Methods*, 1997, eq. 4.11).

use super::AnalysisError;
use super::events::{Event, Pid};
use super::generate::{m2_miss, normal};
use crate::numeric::rng::Rng;
use crate::numeric::special::normal_quantile_upper;
use crate::stats::pvalue::significances;
use crate::stats::{LimitMethod, SmearedPoisson, upper_limit};
use crate::units::{KAON_CHARGED, MUON};
use serde::Serialize;
use std::collections::HashMap;

/// B(K⁺ → μ⁺ν) = 63.56 % (PDG 2024).
pub const BR_K_MU_NU: f64 = 0.6356;
/// B(K⁺ → e⁺ν) = 1.582 × 10⁻⁵ (PDG 2024).
pub const BR_K_E_NU: f64 = 1.582e-5;

/// The kinematic factor ρ_ℓ(m_N) of the Shrock formula
/// B(K⁺ → ℓ⁺N) = B(K⁺ → ℓ⁺ν) ρ_ℓ(m_N) |U_ℓ|² (R. E. Shrock, PLB 96 (1980)
/// 159; NA62, PLB 807 (2020) 135599, eqs. 1–2): the HNL production module's
/// [`crate::production::hnl::shrock_rho`] for a K⁺ parent. Zero above
/// threshold and for a negative mass.
fn shrock_rho(m_l: f64, m_n: f64) -> f64 {
    if m_n < 0.0 {
        return 0.0;
    }
    crate::production::hnl::shrock_rho(KAON_CHARGED.mass, m_l, m_n)
}

/// The m²_miss resolution σ (GeV²) as a function of the mass hypothesis.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// One σ for every mass.
    Constant(f64),
    /// (mass, σ) points, linearly interpolated (constant beyond the ends).
    Table(Vec<(f64, f64)>),
}

impl Resolution {
    /// σ at mass `m`.
    #[must_use]
    pub fn at(&self, m: f64) -> f64 {
        match self {
            Self::Constant(s) => *s,
            Self::Table(t) => interpolate(t, m)
                .unwrap_or_else(|| if m < t[0].0 { t[0].1 } else { t[t.len() - 1].1 }),
        }
    }
}

fn interpolate(t: &[(f64, f64)], x: f64) -> Option<f64> {
    if t.is_empty() || x < t[0].0 || x > t[t.len() - 1].0 {
        return None;
    }
    let i = t.partition_point(|p| p.0 <= x).clamp(1, t.len().max(2) - 1);
    if t.len() == 1 {
        return Some(t[0].1);
    }
    let ((x0, y0), (x1, y1)) = (t[i - 1], t[i]);
    Some(if x1 == x0 {
        y0
    } else {
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    })
}

/// Parses a two-column CSV (an optional header line; `x,y` per line),
/// checking the values are finite, x strictly increasing and y positive.
///
/// # Errors
/// [`AnalysisError::BadValue`] naming the line.
pub fn read_table(text: &str, name: &str) -> Result<Vec<(f64, f64)>, AnalysisError> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = l.split(',').map(str::trim).collect();
        let parse = |t: Option<&&str>| t.and_then(|t| t.parse::<f64>().ok());
        let (x, y) = (parse(f.first()), parse(f.get(1)));
        let bad = |why| AnalysisError::BadValue {
            file: name.to_string(),
            row: i as u64 + 1,
            column: "mass,value".into(),
            value: l.chars().take(80).collect(),
            why,
        };
        match (x, y) {
            (None, _) | (_, None) if out.is_empty() && i == 0 => {} // header
            (Some(x), Some(y)) if x.is_finite() && y.is_finite() && y > 0.0 => {
                if out.last().is_some_and(|p| p.0 >= x) {
                    return Err(bad("masses must increase"));
                }
                if f.len() != 2 {
                    return Err(bad("expected two columns"));
                }
                out.push((x, y));
            }
            _ => return Err(bad("expected two finite numbers, the second positive")),
        }
    }
    if out.is_empty() {
        return Err(AnalysisError::NoTracks(format!("{name} (no table rows)")));
    }
    Ok(out)
}

/// Options of a scan.
#[derive(Debug, Clone, PartialEq)]
pub struct PeakScanOptions {
    /// The lepton (e or μ): its PDG mass enters m²_miss and the Shrock factor.
    pub lepton: Pid,
    /// Mass hypotheses (GeV).
    pub masses: Vec<f64>,
    /// m²_miss resolution.
    pub resolution: Resolution,
    /// Half-width of the signal window in σ.
    pub window_sigmas: f64,
    /// Number of kaon decays in the sample.
    pub n_kaons: Option<f64>,
    /// Acceptance × efficiency vs mass.
    pub acceptance: Option<Vec<(f64, f64)>>,
    /// Toys for the global significance (0: none).
    pub toys: u64,
    /// Seed of the toys.
    pub seed: u64,
    /// Kernel width of the toy smoothing, in units of the largest σ.
    pub smoothing_sigmas: f64,
    /// Whether to compute the upper limits (`n_ul` is NaN otherwise).
    pub limits: bool,
}

impl PeakScanOptions {
    /// Defaults for a lepton, masses and resolution.
    #[must_use]
    pub fn new(lepton: Pid, masses: Vec<f64>, resolution: Resolution) -> Self {
        Self {
            lepton,
            masses,
            resolution,
            window_sigmas: 1.5,
            n_kaons: None,
            acceptance: None,
            toys: 1000,
            seed: 1,
            smoothing_sigmas: 20.0,
            limits: true,
        }
    }
}

/// The result at one mass.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MassPoint {
    /// Mass hypothesis (GeV).
    pub mass: f64,
    /// Signal window in m²_miss (GeV²).
    pub window_gev2: [f64; 2],
    /// Events in the window.
    pub observed: u64,
    /// Background expected in the window.
    pub expected: f64,
    /// Its error.
    pub expected_error: f64,
    /// P(N ≥ observed | background).
    pub p_local: f64,
    /// Φ⁻¹(1 − p_local).
    pub z_local: f64,
    /// 90 % CL CLs upper limit on the signal count.
    pub n_ul: f64,
    /// Upper limit on BR(K⁺ → ℓ⁺N) (with N_K and acceptance).
    pub br_ul: Option<f64>,
    /// Upper limit on |U_ℓ|².
    pub u2_ul: Option<f64>,
}

/// The scan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeakScanResult {
    /// One entry per mass.
    pub masses: Vec<MassPoint>,
    /// Largest local z.
    pub max_z_local: f64,
    /// Its mass.
    pub max_z_mass: f64,
    /// Global p-value by toys (None without toys).
    pub p_global: Option<f64>,
    /// Φ⁻¹(1 − p_global).
    pub z_global: Option<f64>,
}

/// m²_miss of every event (exactly one track, with the kaon columns).
///
/// # Errors
/// [`AnalysisError::BadEvent`] for an event with another number of tracks or
/// without a kaon momentum.
pub fn m2_of_events(file: &str, events: &[Event], lepton: Pid) -> Result<Vec<f64>, AnalysisError> {
    let m_l = lepton.mass();
    events
        .iter()
        .map(|e| {
            let bad = |why: &str| AnalysisError::BadEvent {
                file: file.to_string(),
                row: e.tracks.first().map_or(0, |t| t.row),
                event: e.id,
                why: why.to_string(),
            };
            match e.tracks.as_slice() {
                [t] => {
                    let k = t.kaon_momentum.ok_or_else(|| {
                        bad("has no kaon_px_gev, kaon_py_gev, kaon_pz_gev columns")
                    })?;
                    Ok(m2_miss(k, t.momentum, m_l))
                }
                _ => Err(bad("must have exactly one (lepton) track for a peak scan")),
            }
        })
        .collect()
}

struct Windows {
    win: Vec<(f64, f64)>,
    side: Vec<[(f64, f64); 2]>,
    ratio: f64,
}

fn windows(opts: &PeakScanOptions) -> Windows {
    let k = opts.window_sigmas;
    let (inner, outer) = (2.0_f64.max(k), 4.0 + 2.0_f64.max(k));
    let mut win = Vec::new();
    let mut side = Vec::new();
    for &m in &opts.masses {
        let (c, s) = (m * m, opts.resolution.at(m));
        win.push((c - k * s, c + k * s));
        side.push([
            (c - outer * s, c - inner * s),
            (c + inner * s, c + outer * s),
        ]);
    }
    Windows {
        win,
        side,
        ratio: (2.0 * k) / (2.0 * (outer - inner)),
    }
}

fn count_in(sorted: &[f64], (a, b): (f64, f64)) -> u64 {
    (sorted.partition_point(|&x| x <= b) - sorted.partition_point(|&x| x < a)) as u64
}

/// (observed, sideband count) for every mass.
fn counts(sorted: &[f64], w: &Windows) -> Vec<(u64, u64)> {
    w.win
        .iter()
        .zip(&w.side)
        .map(|(&win, side)| {
            (
                count_in(sorted, win),
                count_in(sorted, side[0]) + count_in(sorted, side[1]),
            )
        })
        .collect()
}

/// P(N ≥ n) on b ± δ and its one-sided z: the `p_excess` of
/// [`crate::stats::pvalues`], without its (here unused) `p_likelihood`.
fn p_excess(n: u64, b: f64, db: f64) -> Result<(f64, f64), AnalysisError> {
    let p = SmearedPoisson::new(b, db)?.ln_sf(n, 0.0).exp().min(1.0);
    Ok((p, significances(p).0))
}

fn background(n_sb: u64, ratio: f64) -> (f64, f64) {
    (n_sb as f64 * ratio, (n_sb.max(1) as f64).sqrt() * ratio)
}

/// Runs the scan on m²_miss values.
///
/// # Errors
/// [`AnalysisError::Invalid`] for bad options (no masses, non-positive σ,
/// acceptance without N_K, masses outside the acceptance table).
pub fn scan(m2: &[f64], opts: &PeakScanOptions) -> Result<PeakScanResult, AnalysisError> {
    if opts.masses.is_empty() {
        return Err(AnalysisError::Invalid("no mass hypotheses".into()));
    }
    if opts.masses.len() > 100_000 {
        return Err(AnalysisError::Invalid(
            "at most 100000 mass hypotheses".into(),
        ));
    }
    for &m in &opts.masses {
        let s = opts.resolution.at(m);
        if !(m.is_finite() && m >= 0.0 && s.is_finite() && s > 0.0) {
            return Err(AnalysisError::Invalid(format!(
                "mass {m} GeV: needs a finite non-negative mass and a positive resolution (got {s} GeV²)"
            )));
        }
    }
    if !(opts.window_sigmas.is_finite() && opts.window_sigmas > 0.0) {
        return Err(AnalysisError::Invalid(
            "the window half-width must be positive".into(),
        ));
    }
    if opts.acceptance.is_some() != opts.n_kaons.is_some() {
        return Err(AnalysisError::Invalid(
            "BR and |U|² limits need both the number of kaons and the acceptance".into(),
        ));
    }
    if let Some(nk) = opts.n_kaons.filter(|nk| !(nk.is_finite() && *nk > 0.0)) {
        return Err(AnalysisError::Invalid(format!(
            "the number of kaons must be positive, got {nk}"
        )));
    }
    let mut sorted: Vec<f64> = m2.iter().copied().filter(|x| x.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let w = windows(opts);
    let (m_l, br_nu) = if opts.lepton == Pid::Muon {
        (MUON.mass, BR_K_MU_NU)
    } else {
        (crate::units::ELECTRON.mass, BR_K_E_NU)
    };
    let mut points = Vec::with_capacity(opts.masses.len());
    for ((i, &m), (obs, n_sb)) in opts.masses.iter().enumerate().zip(counts(&sorted, &w)) {
        let (b, db) = background(n_sb, w.ratio);
        let (p_local, z_local) = p_excess(obs, b, db)?;
        let n_ul = if opts.limits {
            upper_limit(LimitMethod::Cls, obs, b, db, crate::stats::DEFAULT_CL)?
        } else {
            f64::NAN
        };
        let (br_ul, u2_ul) = match (&opts.acceptance, opts.n_kaons) {
            (Some(t), Some(nk)) => {
                let a = interpolate(t, m).ok_or_else(|| {
                    AnalysisError::Invalid(format!(
                        "mass {m} GeV lies outside the acceptance table ({} to {} GeV)",
                        t[0].0,
                        t[t.len() - 1].0
                    ))
                })?;
                let br = n_ul / (nk * a);
                let rho = shrock_rho(m_l, m);
                (Some(br), (rho > 0.0).then(|| br / (br_nu * rho)))
            }
            _ => (None, None),
        };
        points.push(MassPoint {
            mass: m,
            window_gev2: [w.win[i].0, w.win[i].1],
            observed: obs,
            expected: b,
            expected_error: db,
            p_local,
            z_local,
            n_ul,
            br_ul,
            u2_ul,
        });
    }
    let (max_z_local, max_z_mass) = points.iter().fold((f64::NEG_INFINITY, f64::NAN), |a, p| {
        if p.z_local > a.0 {
            (p.z_local, p.mass)
        } else {
            a
        }
    });
    let (p_global, z_global) = if opts.toys > 0 {
        let p = global_p(&sorted, opts, &w, max_z_local)?;
        (Some(p), Some(normal_quantile_upper(p) + 0.0))
    } else {
        (None, None)
    };
    Ok(PeakScanResult {
        masses: points,
        max_z_local,
        max_z_mass,
        p_global,
        z_global,
    })
}

fn global_p(
    sorted: &[f64],
    opts: &PeakScanOptions,
    w: &Windows,
    z_obs: f64,
) -> Result<f64, AnalysisError> {
    let lo = w.side.iter().map(|s| s[0].0).fold(f64::INFINITY, f64::min);
    let hi = w
        .side
        .iter()
        .map(|s| s[1].1)
        .fold(f64::NEG_INFINITY, f64::max);
    let s_max = opts
        .masses
        .iter()
        .map(|&m| opts.resolution.at(m))
        .fold(0.0, f64::max);
    let h = opts.smoothing_sigmas * s_max;
    // Data within 4h of the scanned range feed the kernel estimate inside it,
    // so the toys' density has no artificial edge at the range's ends.
    let pool: Vec<f64> = sorted
        .iter()
        .copied()
        .filter(|&x| x >= lo - 4.0 * h && x <= hi + 4.0 * h)
        .collect();
    if pool.is_empty() {
        return Ok(1.0);
    }
    let mut cache: HashMap<(u64, u64), f64> = HashMap::new();
    let mut exceed = 0_u64;
    let mut toy = Vec::with_capacity(pool.len());
    for t in 0..opts.toys {
        let mut rng = Rng::new(opts.seed, 1_000 + t);
        toy.clear();
        for _ in 0..pool.len() {
            let i = (rng.uniform() * pool.len() as f64) as usize;
            toy.push(pool[i.min(pool.len() - 1)] + h * normal(&mut rng));
        }
        toy.sort_by(f64::total_cmp);
        let mut max_z = f64::NEG_INFINITY;
        for (obs, n_sb) in counts(&toy, w) {
            let z = match cache.get(&(obs, n_sb)) {
                Some(&z) => z,
                None => {
                    let (b, db) = background(n_sb, w.ratio);
                    let z = p_excess(obs, b, db)?.1;
                    cache.insert((obs, n_sb), z);
                    z
                }
            };
            max_z = max_z.max(z);
        }
        if max_z >= z_obs {
            exceed += 1;
        }
    }
    Ok((1 + exceed) as f64 / (1 + opts.toys) as f64)
}

/// Mass hypotheses from `LO:HI:N` (N equally spaced masses, ends included).
///
/// # Errors
/// [`AnalysisError::Invalid`] for a malformed range.
pub fn parse_masses(text: &str) -> Result<Vec<f64>, AnalysisError> {
    let f: Vec<&str> = text.split(':').collect();
    let bad = || {
        AnalysisError::Invalid(format!(
            "invalid --masses '{text}': expected LO:HI:N with 0 <= LO <= HI and 1 <= N <= 100000"
        ))
    };
    if f.len() != 3 {
        return Err(bad());
    }
    let lo: f64 = f[0].trim().parse().map_err(|_| bad())?;
    let hi: f64 = f[1].trim().parse().map_err(|_| bad())?;
    let n: usize = f[2].trim().parse().map_err(|_| bad())?;
    if !(lo.is_finite() && hi.is_finite() && lo >= 0.0 && hi >= lo && (1..=100_000).contains(&n)) {
        return Err(bad());
    }
    Ok((0..n)
        .map(|i| {
            if n == 1 {
                lo
            } else {
                lo + (hi - lo) * i as f64 / (n - 1) as f64
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrock_factor_limits() {
        // ρ → 1 for a massless N (the formula reduces to B(K→ℓν)).
        assert!((shrock_rho(MUON.mass, 0.0) - 1.0).abs() < 1e-12);
        // Helicity lifting for K → eN: ρ_e(m_N) ≈ y/x ≫ 1 at small masses,
        // e.g. ≈ 10⁵ at 0.2 GeV (NA62 PLB 807 (2020) 135599 Fig. 1 shows
        // ρ_e of order 10⁴–10⁵ over 0.1–0.4 GeV).
        let r = shrock_rho(crate::units::ELECTRON.mass, 0.2);
        assert!(r > 1e4 && r < 1e6, "{r}");
        assert_eq!(shrock_rho(MUON.mass, 0.4), 0.0);
    }

    #[test]
    fn sideband_estimate_is_exact_for_linear_density() {
        // Points on a regular grid of a linear density: window/sideband ratio.
        // Quantiles of the density ∝ 1 + 4x on [a, b]: F(x) ∝ (x + 2x²) − (a + 2a²).
        let (a, b) = (-0.05_f64, 0.2_f64);
        let g = |x: f64| x + 2.0 * x * x;
        let n = 400_000;
        let m2: Vec<f64> = (0..n)
            .map(|i| {
                let c = g(a) + (g(b) - g(a)) * (i as f64 + 0.5) / n as f64;
                (-1.0 + (1.0 + 8.0 * c).sqrt()) / 4.0
            })
            .collect();
        let mut o = PeakScanOptions::new(Pid::Muon, vec![0.3], Resolution::Constant(2e-3));
        o.toys = 0;
        let r = scan(&m2, &o).unwrap();
        let p = r.masses[0];
        // Exact up to the discreteness of the grid (±1 event per boundary).
        assert!((p.expected - p.observed as f64).abs() < 3.0, "{p:?}");
    }

    #[test]
    fn masses_and_tables() {
        assert_eq!(parse_masses("0.1:0.3:3").unwrap(), vec![0.1, 0.2, 0.3]);
        assert!(parse_masses("0.3:0.1:3").is_err());
        assert!(parse_masses("a:b").is_err());
        let t = read_table("mass,acc\n0.1,0.2\n0.3,0.4\n", "acc.csv").unwrap();
        assert!((interpolate(&t, 0.2).unwrap() - 0.3).abs() < 1e-12);
        assert!(
            read_table("0.1,0.2\n0.1,0.3\n", "a")
                .unwrap_err()
                .to_string()
                .contains("row 2")
        );
        assert!(read_table("0.1,nan\n", "a").is_err());
    }
}
