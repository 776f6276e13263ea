//! NA62 kaon-mode peak searches K⁺ → ℓ⁺N (seed talk 000): published
//! per-mass upper limits on |U_ℓ|², re-expressed for any HNL coupling
//! vector, with the lifetime condition of the search checked per point.
//!
//! NA62 searches for a peak in m²_miss = (P_K − P_ℓ)² and quotes, per HNL
//! mass hypothesis, a 90 % CL upper limit on |U_ℓ4|² derived from
//! BR(K⁺ → ℓ⁺N) = BR(K⁺ → ℓ⁺ν) ρ_ℓ(m_N) |U_ℓ|² (NA62, PLB 807 (2020) 135599
//! and PLB 816 (2021) 136259, eqs. 1–2), assuming that N does not decay in
//! the detector (lifetime above 50 ns). The production rate involves only
//! |U_ℓ|², and is the same for a Majorana and a Dirac HNL, so for a coupling
//! vector g·(U_e², U_μ², U_τ²) the excluded scales at mass m are
//!
//! g ≥ g_UL(m) = |U_ℓ|²_UL(m) / U_ℓ²   and   τ_N(m, g) ≥ τ_min,
//!
//! the second because the search is valid only for an N that escapes: with
//! Γ_N ∝ g, τ_N ≥ τ_min means g ≤ g_max(m) = ħ / (Γ_N(m, 1) τ_min), which
//! depends on the whole coupling vector and on the Majorana/Dirac nature
//! (the Majorana width is twice the Dirac one). Masses with g_UL ≥ g_max
//! have no valid exclusion, and the result shows none there.
//!
//! The result's yield grid holds the signal this implies, S(g) =
//! N_UL · g/g_UL(m) for g ≤ g_max (the number of K⁺ → ℓ⁺N events the search
//! would see relative to its limit N_UL, 2.30 events here), 0 above.

use crate::experiment::config::{ConfigError, from_toml};
use crate::experiment::dump_detector::track_acceptance;
use crate::experiment::dump_geometry::{self, DumpGeometry};
use crate::kinematics::{FourVector, Vec3, two_body_decay};
use crate::model::hnl::HnlModel;
use crate::model::{Fip, ModelSpec};
use crate::numeric::rng::Rng;
use crate::reach::{
    Plane, ReachError, ReachOptions, ReachResult, SignalFn, YieldGrid, result_meta, scan_grid,
};
use crate::units::{ELECTRON, HBAR_GEV_S, KAON_CHARGED, MUON};
use serde::Deserialize;

/// The published limit tables this module ships: (name, text).
pub const PUBLISHED_LIMITS: &[(&str, &str)] = &[
    (
        "na62-2020-KeN",
        include_str!("../../data/na62_KeN_Ue4sq_90CL_2017-2018.txt"),
    ),
    (
        "na62-2021-KmuN",
        include_str!("../../data/na62_KmuN_Umu4sq_90CL_2016-2018.txt"),
    ),
];

/// A kaon-mode preset (TOML, `kind = "kaon-decay"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KaonPreset {
    /// Must be "kaon-decay".
    pub kind: String,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Publication the preset reproduces.
    pub reference: String,
    /// Charged lepton of K⁺ → ℓ⁺N: "e" or "mu".
    pub lepton: String,
    /// Published per-mass upper limits on |U_ℓ|²: a shipped table name
    /// (`na62-2020-KeN`, `na62-2021-KmuN`) or a path to a two-column file
    /// (mass in GeV, |U_ℓ|²).
    pub published_limits: String,
    /// Lifetime (ns) above which the search is valid (N escapes).
    pub lifetime_min_ns: f64,
    /// Confidence level of the published limits.
    pub cl: f64,
    /// The HNL coupling vector the limits are re-expressed for (default:
    /// U_ℓ² = 1 for the search's lepton, Majorana).
    #[serde(default)]
    pub model: Option<ModelSpec>,
    /// Coupling grid (scale g of the coupling vector).
    pub scan: KaonScan,
    /// Inputs of the expected sensitivity from first principles
    /// ([`expected_signal`]); optional.
    #[serde(default)]
    pub expected: Option<KaonExpected>,
}

/// The first-principles expected sensitivity of a K⁺ → ℓ⁺N peak search:
/// N_sig(m, g) = N_K · BR(K⁺ → ℓ⁺N)(m, g) · A(m) · P_escape(m, g), with A
/// the acceptance of the lepton from a K⁺-decay-in-flight Monte Carlo and
/// P_escape = exp(−L/(βγcτ)) that N leaves the detector before decaying.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KaonExpected {
    /// Number of K⁺ decays in the fiducial volume (effective, after
    /// trigger downscaling and selection efficiencies other than the
    /// geometric acceptance).
    pub n_kaon_decays: f64,
    /// Whether `n_kaon_decays` is calibrated on the published limit rather
    /// than quoted by the paper (then `calibration` says where).
    #[serde(default)]
    pub calibrated: bool,
    /// Where the calibration was fitted (free text).
    #[serde(default)]
    pub calibration: Option<String>,
    /// K⁺ beam momentum (GeV), along z.
    pub beam_momentum_gev: f64,
    /// Decay region start and end (m from the target).
    pub decay_z_min_m: f64,
    /// Decay region end (m).
    pub decay_z_max_m: f64,
    /// Lepton momentum window (GeV).
    pub lepton_momentum_min_gev: f64,
    /// Upper end of the lepton momentum window (GeV).
    pub lepton_momentum_max_gev: f64,
    /// Flight distance N must survive (m, decay region to the last
    /// detector).
    pub escape_length_m: f64,
    /// Geometry whose spectrometer stations the lepton must cross (a
    /// shipped geometry name or a path).
    pub geometry: String,
    /// Monte Carlo K⁺ decays per mass.
    pub events: usize,
    /// Master seed.
    pub seed: u64,
    /// Expected background per signal window (the m²_miss window of the
    /// search; an input).
    pub background_per_window: f64,
}

/// The coupling grid of a kaon-mode preset (its masses are the table's).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KaonScan {
    /// Lowest coupling scale.
    pub coupling_min: f64,
    /// Highest coupling scale.
    pub coupling_max: f64,
    /// Number of log-spaced couplings.
    pub n_couplings: usize,
}

impl KaonScan {
    /// The log-spaced coupling grid.
    #[must_use]
    pub fn couplings(&self) -> Vec<f64> {
        crate::reach::log_space(self.coupling_min, self.coupling_max, self.n_couplings)
    }
}

/// The shipped kaon-mode presets: (name, TOML text).
pub const KAON_PRESETS: &[(&str, &str)] = &[
    (
        "na62-kaon-hnl-e",
        include_str!("../../presets/na62-kaon-hnl-e.toml"),
    ),
    (
        "na62-kaon-hnl-mu",
        include_str!("../../presets/na62-kaon-hnl-mu.toml"),
    ),
];

/// A published per-mass limit table: (mass in GeV, limit) rows with masses
/// increasing, and the mass gaps in which it sets no limit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LimitTable {
    /// (mass, limit) rows.
    pub rows: Vec<(f64, f64)>,
    /// Mass ranges (lo, hi) without a limit (`# gap: lo hi` header lines,
    /// e.g. around the π⁰ mass in K⁺ → π⁺X).
    pub gaps: Vec<(f64, f64)>,
}

impl LimitTable {
    /// The limit at mass `m`: linear in m and in ln(limit) between rows;
    /// `None` outside the table or inside a gap.
    #[must_use]
    pub fn at(&self, m: f64) -> Option<f64> {
        if self.gaps.iter().any(|&(lo, hi)| m > lo && m < hi) {
            return None;
        }
        interpolate(&self.rows, m)
    }
}

/// Parses a two-column limit table (`#` comments, `# gap: lo hi` lines);
/// masses (≥ 0) must increase, limits must be positive.
pub fn parse_limit_table(text: &str, source_name: &str) -> Result<Vec<(f64, f64)>, ConfigError> {
    parse_limit_table_with_gaps(text, source_name).map(|t| t.rows)
}

/// [`parse_limit_table`] keeping the gaps.
pub fn parse_limit_table_with_gaps(
    text: &str,
    source_name: &str,
) -> Result<LimitTable, ConfigError> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    let mut gaps = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        let bad = |message: String| ConfigError::Parse {
            source_name: source_name.to_string(),
            line: i + 1,
            message,
        };
        if let Some(g) = l.strip_prefix("# gap:") {
            let v: Vec<f64> = g
                .split_whitespace()
                .take(2)
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| bad(format!("expected '# gap: lo hi', got '{l}'")))?;
            if let [lo, hi] = v[..] {
                gaps.push((lo, hi));
            }
            continue;
        }
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let v: Vec<f64> = l
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| bad(format!("expected two numbers, got '{l}'")))?;
        let [m, u] = v[..] else {
            return Err(bad(format!("expected two numbers, got '{l}'")));
        };
        if !(m.is_finite() && m >= 0.0 && u.is_finite() && u > 0.0) {
            return Err(bad(format!(
                "mass must be >= 0 and the limit positive, got '{l}'"
            )));
        }
        if out.last().is_some_and(|&(prev, _)| m <= prev) {
            return Err(bad(format!(
                "masses must increase, got {m} after {}",
                out[out.len() - 1].0
            )));
        }
        out.push((m, u));
    }
    if out.is_empty() {
        return Err(ConfigError::Parse {
            source_name: source_name.to_string(),
            line: 0,
            message: "no data rows".into(),
        });
    }
    Ok(LimitTable { rows: out, gaps })
}

/// Parses and validates a kaon-mode preset.
pub fn parse_preset(text: &str, source_name: &str) -> Result<KaonPreset, ConfigError> {
    let p: KaonPreset = from_toml(text, source_name)?;
    let bad = |key: &'static str, value: String, reason: &str| {
        ConfigError::invalid(source_name, key, value, reason)
    };
    ConfigError::check_kind(source_name, &p.kind, "kaon-decay")?;
    if p.lepton_index().is_none() {
        return Err(bad(
            "lepton",
            format!("'{}'", p.lepton),
            "expected \"e\" or \"mu\"",
        ));
    }
    for (key, v) in [
        ("lifetime_min_ns", p.lifetime_min_ns),
        ("scan.coupling_min", p.scan.coupling_min),
        ("scan.coupling_max", p.scan.coupling_max),
    ] {
        if !(v.is_finite() && v > 0.0) {
            return Err(bad(key, v.to_string(), "must be a finite positive number"));
        }
    }
    if !(p.cl > 0.0 && p.cl < 1.0) {
        return Err(bad(
            "cl",
            p.cl.to_string(),
            "must lie strictly between 0 and 1",
        ));
    }
    if p.scan.n_couplings < 2 || p.scan.coupling_max <= p.scan.coupling_min {
        return Err(bad(
            "scan.n_couplings",
            p.scan.n_couplings.to_string(),
            "need at least 2 couplings and coupling_max > coupling_min",
        ));
    }
    p.hnl().map_err(|e| bad("model", "hnl".into(), &e))?;
    p.limits()?;
    Ok(p)
}

impl KaonPreset {
    /// 0 for e, 1 for μ.
    fn lepton_index(&self) -> Option<usize> {
        match self.lepton.as_str() {
            "e" => Some(0),
            "mu" => Some(1),
            _ => None,
        }
    }

    /// The HNL coupling vector (default: unit mixing with the search's lepton).
    pub fn hnl(&self) -> Result<HnlModel, String> {
        let spec = self.model.clone().unwrap_or(ModelSpec::Hnl {
            ue2: if self.lepton == "e" { 1.0 } else { 0.0 },
            umu2: if self.lepton == "mu" { 1.0 } else { 0.0 },
            utau2: 0.0,
            dirac: false,
        });
        match spec {
            ModelSpec::Hnl {
                ue2,
                umu2,
                utau2,
                dirac,
            } => HnlModel::new(ue2, umu2, utau2, dirac).map_err(|e| e.to_string()),
            other => Err(format!(
                "a K+ -> l+ N search needs the hnl model, not {}",
                other.name()
            )),
        }
    }

    /// The published (mass, |U_ℓ|²) limits.
    pub fn limits(&self) -> Result<Vec<(f64, f64)>, ConfigError> {
        match PUBLISHED_LIMITS
            .iter()
            .find(|(n, _)| *n == self.published_limits)
        {
            Some((n, t)) => parse_limit_table(t, n),
            None => {
                let text = std::fs::read_to_string(&self.published_limits).map_err(|e| {
                    ConfigError::Read {
                        path: self.published_limits.clone(),
                        reason: e.to_string(),
                    }
                })?;
                parse_limit_table(&text, &self.published_limits)
            }
        }
    }
}

/// The geometric acceptance of the charged lepton of K⁺ → ℓ⁺N at HNL mass
/// `mass`: K⁺ of momentum `beam_momentum_gev` along z decaying uniformly in
/// [z_min, z_max] (the K⁺ decay length, 563 m at 75 GeV, is long against
/// the 60 m region), isotropic two-body decay, the lepton through the
/// straws, LKr (and MUV3 for a muon) and inside the momentum window.
/// Reproducible: stream `Rng::new(seed, 0)`.
#[must_use]
pub fn lepton_acceptance(
    e: &KaonExpected,
    geometry: &DumpGeometry,
    lepton: usize,
    mass: f64,
) -> f64 {
    let (ml, muon) = if lepton == 0 {
        (ELECTRON.mass, false)
    } else {
        (MUON.mass, true)
    };
    let mk = KAON_CHARGED.mass;
    if mass + ml >= mk || e.events == 0 {
        return 0.0;
    }
    let kaon = FourVector::from_mass_momentum(mk, Vec3::new(0.0, 0.0, e.beam_momentum_gev));
    let mut rng = Rng::new(e.seed, 0);
    let mut accepted = 0usize;
    for _ in 0..e.events {
        let z = e.decay_z_min_m + (e.decay_z_max_m - e.decay_z_min_m) * rng.uniform();
        let Some((lep, _)) = two_body_decay(kaon, ml, mass, rng.uniform(), rng.uniform()) else {
            continue;
        };
        let p = lep.p.norm();
        if p < e.lepton_momentum_min_gev || p > e.lepton_momentum_max_gev {
            continue;
        }
        if track_acceptance(geometry, Vec3::new(0.0, 0.0, z), lep.p, 1.0, muon).is_ok() {
            accepted += 1;
        }
    }
    accepted as f64 / e.events as f64
}

/// N_sig(m, g) of the expected sensitivity at each coupling scale (see
/// [`KaonExpected`]), for the HNL coupling vector `model`: BR(K⁺ → ℓ⁺N)
/// from [`crate::production::hnl`] (Shrock), N's βγ from the two-body
/// kinematics at the mean lepton-frame boost, and its width from the model.
pub fn expected_signal(
    e: &KaonExpected,
    acceptance: f64,
    model: &HnlModel,
    lepton: usize,
    mass: f64,
    couplings: &[f64],
) -> Result<Vec<f64>, ReachError> {
    let name = if lepton == 0 {
        "K+ -> e+ N"
    } else {
        "K+ -> mu+ N"
    };
    let br1: f64 = crate::production::hnl::channels(321, mass, model)
        .map_err(|err| ReachError::Preset(format!("K+ -> l N at {mass} GeV: {err}")))?
        .iter()
        .filter(|c| c.name == name)
        .map(|c| c.branching_ratio)
        .sum();
    let width1 = model
        .decays(mass)
        .map_err(|err| ReachError::Preset(format!("hnl at {mass} GeV: {err}")))?
        .total_width(1.0);
    // N momentum ≈ half the beam momentum for a forward two-body decay of a
    // 75 GeV K⁺: E_N ≈ E_K (M_K² + m² − m_ℓ²)/(2 M_K²) on average.
    let ml = if lepton == 0 {
        ELECTRON.mass
    } else {
        MUON.mass
    };
    let mk = KAON_CHARGED.mass;
    let ek = (e.beam_momentum_gev.powi(2) + mk * mk).sqrt();
    let en = ek * (mk * mk + mass * mass - ml * ml) / (2.0 * mk * mk);
    let beta_gamma = ((en * en - mass * mass).max(0.0)).sqrt() / mass;
    Ok(couplings
        .iter()
        .map(|&g| {
            let ctau_m = crate::units::width_to_ctau_m(width1 * g);
            let escape = (-e.escape_length_m / (beta_gamma * ctau_m)).exp();
            e.n_kaon_decays * br1 * g * acceptance * escape
        })
        .collect())
}

/// Interpolation of a table sorted in mass: linear in mass, linear in the
/// logarithm of the value (limits span decades; masses start at 0 for
/// K⁺ → π⁺X); `None` outside the table.
#[must_use]
pub fn interpolate(table: &[(f64, f64)], m: f64) -> Option<f64> {
    let (first, last) = (table.first()?, table.last()?);
    if !(m >= first.0 && m <= last.0) {
        return None;
    }
    let i = table
        .partition_point(|p| p.0 <= m)
        .clamp(1, table.len() - 1);
    let ((x0, y0), (x1, y1)) = (table[i - 1], table[i]);
    if x1 == x0 || m == x0 {
        return Some(y0);
    }
    let t = (m - x0) / (x1 - x0);
    Some((y0.ln() + t * (y1.ln() - y0.ln())).exp())
}

/// The excluded coupling scales of a kaon-mode preset per mass (see the
/// module docs). `opts.masses` replaces the table's masses (interpolated in
/// log-log; masses outside the table have no exclusion); `opts.cl` must
/// match the published CL if given.
pub fn run_kaon(
    label: &str,
    preset: &KaonPreset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    run_kaon_mode(label, preset, opts, progress, false)
}

/// The expected sensitivity of a kaon-mode preset from first principles
/// (its `[expected]` table): per mass the CLs limit for 0 observed events
/// … the limit with the expected background per window observed
/// (rounded), and the excluded scales where N_sig ≥ that limit.
pub fn run_kaon_expected(
    label: &str,
    preset: &KaonPreset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    run_kaon_mode(label, preset, opts, progress, true)
}

fn run_kaon_mode(
    label: &str,
    preset: &KaonPreset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
    expected: bool,
) -> Result<ReachResult, ReachError> {
    if opts.plane != Plane::Epsilon {
        return Err(ReachError::Preset(
            "the y plane applies to invisible dark photons only".into(),
        ));
    }
    for (flag, set) in [
        ("--exposure", opts.exposure.is_some()),
        ("--observed", opts.observed.is_some()),
        ("--background", opts.background.is_some()),
        ("--background-error", opts.background_error.is_some()),
        ("--method", opts.method.is_some()),
    ] {
        if set {
            return Err(ReachError::Preset(format!(
                "{flag}: a published-limit preset has no counting inputs to override"
            )));
        }
    }
    if let Some(cl) = opts.cl
        && (cl - preset.cl).abs() > 1e-12
    {
        return Err(ReachError::Preset(format!(
            "--cl {cl}: the published limits are at {} CL",
            preset.cl
        )));
    }
    let table = preset
        .limits()
        .map_err(|e| ReachError::Preset(e.to_string()))?;
    let model = preset.hnl().map_err(ReachError::Preset)?;
    let lepton = preset.lepton_index().expect("validated");
    let u2 = model.mixings()[lepton];
    let masses: Vec<f64> = match &opts.masses {
        Some(m) => m.clone(),
        None => table.iter().map(|&(m, _)| m).collect(),
    };
    let couplings = preset.scan.couplings();
    type Signal = Box<dyn Fn(f64) -> f64 + Sync + Send>;
    let (n_ul, method, rows) = if expected {
        let e = preset.expected.as_ref().ok_or_else(|| {
            ReachError::Preset(format!("preset {} has no [expected] table", preset.name))
        })?;
        let geometry =
            dump_geometry::load(&e.geometry).map_err(|err| ReachError::Preset(err.to_string()))?;
        // Expected limit: CLs with the expected background observed
        // (rounded to the nearest count), the usual median approximation.
        let b = e.background_per_window;
        let n_ul = crate::stats::upper_limit(
            crate::stats::LimitMethod::Cls,
            b.round() as u64,
            b,
            0.0,
            preset.cl,
        )?;
        let rows = scan_grid(
            &masses,
            &couplings,
            &vec![n_ul; masses.len()],
            |_, m| {
                let acc = lepton_acceptance(e, &geometry, lepton, m);
                // Fails early (bad mass) rather than inside the scan.
                expected_signal(e, acc, &model, lepton, m, &[1.0])?;
                let e = e.clone();
                let f: Signal = Box::new(move |g: f64| {
                    expected_signal(&e, acc, &model, lepton, m, &[g]).map_or(0.0, |v| v[0])
                });
                Ok(SignalFn(f))
            },
            progress,
        )?;
        (n_ul, "cls (expected)", rows)
    } else {
        // The conventional signal limit that the implied yield is scaled
        // to: CLs with 0 observed, ln(1/(1 − CL)) (2.30 at 90 %).
        let n_ul = -(1.0 - preset.cl).ln();
        let tau_min_s = preset.lifetime_min_ns * 1e-9;
        let rows = scan_grid(
            &masses,
            &couplings,
            &vec![n_ul; masses.len()],
            |_, m| {
                let g_ul = match interpolate(&table, m) {
                    Some(limit) if u2 > 0.0 => limit / u2,
                    _ => f64::INFINITY,
                };
                // Γ ∝ g: τ(g) = ħ/(g Γ₁) ≥ τ_min ⇔ g ≤ ħ/(Γ₁ τ_min).
                let width1 = model
                    .decays(m)
                    .map_err(|e| ReachError::Preset(format!("hnl at {m} GeV: {e}")))?
                    .total_width(1.0);
                let g_max = if width1 > 0.0 {
                    HBAR_GEV_S / (width1 * tau_min_s)
                } else {
                    f64::INFINITY
                };
                let f: Signal = Box::new(move |g: f64| {
                    if g <= g_max && g_ul.is_finite() {
                        n_ul * g / g_ul
                    } else {
                        0.0
                    }
                });
                Ok(SignalFn(f))
            },
            progress,
        )?;
        (n_ul, "published", rows)
    };
    // The step of the implied signal at g_max is the search's validity
    // edge; the root finder converges onto it.
    let label_u = format!("|U_{}|^2 scale", preset.lepton);
    Ok(RecastResult {
        label,
        model: format!(
            "hnl (K+ -> {}+ N, {})",
            preset.lepton,
            if expected {
                "expected sensitivity"
            } else {
                "published limits"
            }
        ),
        // The expected sensitivity's K⁺ decays; a recast has no exposure.
        exposure: if expected {
            preset.expected.as_ref().map_or(0.0, |e| e.n_kaon_decays)
        } else {
            0.0
        },
        n_ul,
        method,
        cl: preset.cl,
        coupling: ("U^2", if u2 == 1.0 { "U^2" } else { &label_u }),
        mass_symbol: "m_N",
    }
    .into_result(masses, couplings, rows, opts))
}

/// What a kaon-decay result is labelled with, to assemble it from the rows
/// of [`crate::reach::scan_grid`] (shared by the K⁺ → ℓ⁺N and K⁺ → π⁺X
/// recasts).
pub(crate) struct RecastResult<'a> {
    /// Preset label.
    pub label: &'a str,
    /// Model description.
    pub model: String,
    /// Exposure (K⁺ decays; 0 for a recast).
    pub exposure: f64,
    /// The signal limit the implied yields are scaled to.
    pub n_ul: f64,
    /// "published" or the limit method.
    pub method: &'a str,
    /// Confidence level.
    pub cl: f64,
    /// (short name, axis label) of the coupling.
    pub coupling: (&'a str, &'a str),
    /// Mass-axis symbol.
    pub mass_symbol: &'a str,
}

impl RecastResult<'_> {
    pub(crate) fn into_result(
        self,
        masses: Vec<f64>,
        couplings: Vec<f64>,
        rows: crate::reach::ScanRows,
        opts: &ReachOptions,
    ) -> ReachResult {
        let (limits, signal): (Vec<_>, Vec<_>) = rows
            .into_iter()
            .map(|(limit, total, _)| (limit, total))
            .unzip();
        let stats = crate::experiment::preset::Statistics {
            observed: 0,
            background: 0.0,
            background_error: 0.0,
            method: self.method.into(),
            cl: self.cl,
            observed_masses_gev: Vec::new(),
            mass_window_gev: None,
        };
        ReachResult {
            preset: self.label.to_string(),
            model: self.model,
            plane: Plane::Epsilon,
            exposure: self.exposure,
            signal_upper_limit: self.n_ul,
            limits,
            grid: YieldGrid {
                masses,
                couplings,
                signal,
            },
            channels: Vec::new(),
            meta: result_meta(
                Plane::Epsilon,
                self.coupling,
                self.mass_symbol,
                "K+ decays",
                &stats,
                opts,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_interpolate() {
        for (n, t) in PUBLISHED_LIMITS {
            let v = parse_limit_table(t, n).unwrap();
            assert!(v.len() > 200, "{n}");
            let (m, u) = v[10];
            assert_eq!(interpolate(&v, m), Some(u));
        }
        assert!(parse_limit_table("0.1 1e-9\n0.1 2e-9\n", "x").is_err());
        assert!(parse_limit_table("0.1 -1\n", "x").is_err());
        assert!(parse_limit_table("-0.1 1e-9\n", "x").is_err());
        assert!(parse_limit_table("# nothing\n", "x").is_err());
        assert!(parse_limit_table("0.1 1e-9 3\n", "x").is_err());
        let t = [(0.1, 1e-8), (0.2, 1e-9)];
        // Linear in m, logarithmic in the limit: the mass midpoint.
        let mid = interpolate(&t, 0.15).unwrap();
        assert!((mid / 10f64.powf(-8.5) - 1.0).abs() < 1e-12, "{mid}");
        let g = parse_limit_table_with_gaps("# gap: 0.11 0.15\n0 1e-10\n0.2 1e-11\n", "g").unwrap();
        assert!(g.at(0.12).is_none() && g.at(0.05).is_some() && g.at(0.0) == Some(1e-10));
        assert!(interpolate(&t, 0.3).is_none());
    }
}
