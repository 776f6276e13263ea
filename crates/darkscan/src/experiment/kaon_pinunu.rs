//! NA62 K⁺ → π⁺X searches (seed talk 000: K⁺ → π⁺νν̄ analysis regions R1,
//! R2 and the π⁰ region): the published upper limits on BR(K⁺ → π⁺X) per
//! X mass and lifetime, re-expressed as limits on a model's coupling.
//!
//! NA62 (JHEP 06 (2021) 093, 2016–2018 data; Fig. 9) quotes 90 % CL upper
//! limits on BR(K⁺ → π⁺X) as functions of m_X for an X that escapes (stable)
//! and for proper lifetimes τ_X of 5, 2, 1, 0.5, 0.2 and 0.1 ns (a shorter-
//! lived X more often decays inside the detector and vetoes the event). For
//! a model with BR(K⁺ → π⁺X) = g^p·B₁(m) and τ_X = τ₁/g^p (both ∝ the
//! p-th power of the coupling scale g: p = 1 for the scalar's θ², p = 2 for
//! an ALP's couplings), g is excluded where
//!
//! g^p·B₁(m) ≥ BR_UL(m, τ₁/g^p),
//!
//! with BR_UL interpolated in lifetime: log–log between tabulated lifetimes,
//! linear in 1/τ between the longest finite lifetime and the stable curve
//! (the probability of decaying inside the detector ∝ 1/τ for long τ), and
//! no limit below the shortest tabulated lifetime. The yield grid holds the
//! implied signal N_UL·g^p·B₁/BR_UL(m, τ₁/g^p).
//!
//! Models with K⁺ → π⁺X production: the dark scalar
//! ([`crate::production::scalar`]) and the ALP with the fermion coupling g_Y
//! or the gluon coupling 1/f_G ([`crate::production::alp_mesons`]).

use crate::experiment::config::{ConfigError, from_toml};
use crate::experiment::kaon_mode::{KaonScan, LimitTable, parse_limit_table_with_gaps};
use crate::model::alp::AlpModel;
use crate::model::scalar::ScalarModel;
use crate::model::{Fip, ModelSpec};
use crate::reach::{Plane, ReachError, ReachOptions, ReachResult, SignalFn, scan_grid};
use crate::units::HBAR_GEV_S;
use serde::Deserialize;

/// The shipped BR(K⁺ → π⁺X) tables: (name, text). Digitised from JHEP 06
/// (2021) 093 Fig. 9 (provenance in each header).
pub const PUBLISHED_BR_LIMITS: &[(&str, &str)] = &[
    (
        "na62-2021-KpiX-inf",
        include_str!("../../data/na62_KpiX_BR_90CL_2016-2018_inf.txt"),
    ),
    (
        "na62-2021-KpiX-5ns",
        include_str!("../../data/na62_KpiX_BR_90CL_2016-2018_5ns.txt"),
    ),
    (
        "na62-2021-KpiX-2ns",
        include_str!("../../data/na62_KpiX_BR_90CL_2016-2018_2ns.txt"),
    ),
    (
        "na62-2021-KpiX-1ns",
        include_str!("../../data/na62_KpiX_BR_90CL_2016-2018_1ns.txt"),
    ),
    (
        "na62-2021-KpiX-500ps",
        include_str!("../../data/na62_KpiX_BR_90CL_2016-2018_500ps.txt"),
    ),
    (
        "na62-2021-KpiX-200ps",
        include_str!("../../data/na62_KpiX_BR_90CL_2016-2018_200ps.txt"),
    ),
    (
        "na62-2021-KpiX-100ps",
        include_str!("../../data/na62_KpiX_BR_90CL_2016-2018_100ps.txt"),
    ),
];

/// One published BR limit curve and the X lifetime it assumes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifetimeCurve {
    /// Proper lifetime of X in ns (`inf` for a stable X).
    pub lifetime_ns: f64,
    /// A shipped table name or a path (mass in GeV, BR upper limit).
    pub table: String,
}

/// A K⁺ → π⁺X preset (TOML, `kind = "kaon-pinunu"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinunuPreset {
    /// Must be "kaon-pinunu".
    pub kind: String,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Publication the preset reproduces.
    pub reference: String,
    /// Confidence level of the published limits.
    pub cl: f64,
    /// The published curves, one per X lifetime (at least the stable one).
    pub limits: Vec<LifetimeCurve>,
    /// The model: a dark scalar (the default, θ² = 1 on the axis) or an ALP
    /// with g_y or inv_f_g.
    #[serde(default)]
    pub model: Option<ModelSpec>,
    /// Coupling grid.
    pub scan: KaonScan,
}

/// The shipped K⁺ → π⁺X presets: (name, TOML text).
pub const PINUNU_PRESETS: &[(&str, &str)] = &[
    (
        "na62-kaon-pinunu-scalar",
        include_str!("../../presets/na62-kaon-pinunu-scalar.toml"),
    ),
    (
        "na62-kaon-pinunu-alp",
        include_str!("../../presets/na62-kaon-pinunu-alp.toml"),
    ),
];

/// A model with K⁺ → π⁺X production, as a K⁺ → π⁺X preset uses it.
#[derive(Debug, Clone, PartialEq)]
pub enum KaonPiModel {
    /// The dark scalar (K⁺ → π⁺S through the top loop).
    Scalar(ScalarModel),
    /// The ALP (K⁺ → π⁺a from g_Y and 1/f_G).
    Alp(AlpModel),
}

impl KaonPiModel {
    /// The model on the portal layer.
    #[must_use]
    pub fn fip(&self) -> &dyn Fip {
        match self {
            Self::Scalar(m) => m,
            Self::Alp(m) => m,
        }
    }

    /// BR(K⁺ → π⁺X) at the model's couplings (g = 1).
    #[must_use]
    pub fn br_kplus_pi(&self, m: f64) -> f64 {
        let list = match self {
            Self::Scalar(s) => crate::production::scalar::channels(321, m, s),
            Self::Alp(a) => crate::production::alp_mesons::channels(321, m, a),
        };
        list.map(|c| {
            c.iter()
                .filter(|c| c.name.starts_with("K+ -> pi+"))
                .map(|c| c.branching_ratio)
                .sum()
        })
        .unwrap_or(0.0)
    }
}

/// The curves of a preset, loaded and sorted by lifetime (stable last).
#[derive(Debug, Clone, PartialEq)]
pub struct LifetimeLimits {
    /// (lifetime in s, table); the stable curve has lifetime ∞.
    pub curves: Vec<(f64, LimitTable)>,
}

impl LifetimeLimits {
    /// BR_UL at mass `m` (GeV) for proper lifetime `tau_s` (see the module
    /// docs); `None` where no curve applies.
    #[must_use]
    pub fn at(&self, m: f64, tau_s: f64) -> Option<f64> {
        let c = &self.curves;
        if c.is_empty() || tau_s.is_nan() || tau_s <= 0.0 || tau_s < c[0].0 {
            return None;
        }
        let i = c.partition_point(|(t, _)| *t <= tau_s);
        if i == c.len() {
            // At or beyond the last (longest) curve.
            return c[c.len() - 1].1.at(m);
        }
        let ((t0, a), (t1, b)) = (&c[i - 1], &c[i]);
        let (v0, v1) = (a.at(m)?, b.at(m)?);
        if t1.is_infinite() {
            // Linear in 1/τ between τ₀ and ∞.
            let w = t0 / tau_s;
            return Some(v1 + (v0 - v1) * w);
        }
        let t = (tau_s.ln() - t0.ln()) / (t1.ln() - t0.ln());
        Some((v0.ln() + t * (v1.ln() - v0.ln())).exp())
    }
}

fn load_table(name_or_path: &str) -> Result<LimitTable, ConfigError> {
    match PUBLISHED_BR_LIMITS.iter().find(|(n, _)| *n == name_or_path) {
        Some((n, t)) => parse_limit_table_with_gaps(t, n),
        None => {
            let text = std::fs::read_to_string(name_or_path).map_err(|e| ConfigError::Read {
                path: name_or_path.to_string(),
                reason: e.to_string(),
            })?;
            parse_limit_table_with_gaps(&text, name_or_path)
        }
    }
}

impl PinunuPreset {
    /// The published curves, sorted by lifetime.
    pub fn lifetime_limits(&self) -> Result<LifetimeLimits, ConfigError> {
        let mut curves = self
            .limits
            .iter()
            .map(|c| Ok((c.lifetime_ns * 1e-9, load_table(&c.table)?)))
            .collect::<Result<Vec<_>, ConfigError>>()?;
        curves.sort_by(|a, b| a.0.total_cmp(&b.0));
        Ok(LifetimeLimits { curves })
    }

    /// The model (scalar by default): a scalar, or an ALP with g_Y or 1/f_G
    /// (the couplings with K⁺ → π⁺a production).
    pub fn kaon_model(&self) -> Result<KaonPiModel, String> {
        match self.model.clone() {
            Some(spec @ ModelSpec::Alp { .. }) => {
                let a = spec
                    .alp()
                    .expect("an ALP spec")
                    .map_err(|e| e.to_string())?;
                if a.g_y == 0.0 && a.inv_f_g == 0.0 {
                    return Err(
                        "K+ -> pi+ a needs the ALP's fermion (g_y) or gluon (inv_f_g) coupling"
                            .into(),
                    );
                }
                Ok(KaonPiModel::Alp(a))
            }
            _ => self.scalar().map(KaonPiModel::Scalar),
        }
    }

    /// The scalar model of a scalar preset.
    pub fn scalar(&self) -> Result<ScalarModel, String> {
        match self
            .model
            .clone()
            .unwrap_or(ModelSpec::Scalar { theta2: 1.0 })
        {
            ModelSpec::Scalar { theta2 } => ScalarModel::new(theta2).map_err(|e| e.to_string()),
            other => Err(format!(
                "K+ -> pi+ X needs a model with K+ -> pi+ X production (scalar, alp), not {}",
                other.name()
            )),
        }
    }
}

/// Parses and validates a K⁺ → π⁺X preset.
pub fn parse_preset(text: &str, source_name: &str) -> Result<PinunuPreset, ConfigError> {
    let p: PinunuPreset = from_toml(text, source_name)?;
    let bad = |key: &'static str, value: String, reason: &str| {
        ConfigError::invalid(source_name, key, value, reason)
    };
    ConfigError::check_kind(source_name, &p.kind, "kaon-pinunu")?;
    if !(p.cl > 0.0 && p.cl < 1.0) {
        return Err(bad(
            "cl",
            p.cl.to_string(),
            "must lie strictly between 0 and 1",
        ));
    }
    if p.limits.is_empty() || !p.limits.iter().any(|c| c.lifetime_ns.is_infinite()) {
        return Err(bad(
            "limits",
            p.limits.len().to_string(),
            "need the stable-X curve (lifetime_ns = inf)",
        ));
    }
    if let Some(c) = p
        .limits
        .iter()
        .find(|c| c.lifetime_ns.is_nan() || c.lifetime_ns <= 0.0)
    {
        return Err(bad(
            "limits.lifetime_ns",
            c.lifetime_ns.to_string(),
            "must be positive (inf for a stable X)",
        ));
    }
    if !(p.scan.coupling_min > 0.0
        && p.scan.coupling_max > p.scan.coupling_min
        && p.scan.coupling_max.is_finite()
        && p.scan.n_couplings >= 2)
    {
        return Err(bad(
            "scan",
            format!("{:?}", p.scan),
            "need 0 < coupling_min < coupling_max and n_couplings >= 2",
        ));
    }
    p.kaon_model().map_err(|e| {
        bad(
            "model",
            p.model
                .as_ref()
                .map_or("scalar", ModelSpec::name)
                .to_string(),
            &e,
        )
    })?;
    p.lifetime_limits()?;
    Ok(p)
}

/// Excluded coupling scales of a K⁺ → π⁺X preset per mass (module docs).
/// Masses: the stable curve's (m > 0) unless `opts.masses` is given.
pub fn run_pinunu(
    label: &str,
    preset: &PinunuPreset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    if opts.plane != Plane::Epsilon
        || opts.exposure.is_some()
        || opts.observed.is_some()
        || opts.background.is_some()
        || opts.background_error.is_some()
        || opts.method.is_some()
        || opts.expected_sensitivity
    {
        return Err(ReachError::Preset(
            "a published-limit preset has no plane, counting or expected-sensitivity options"
                .into(),
        ));
    }
    let limits = preset
        .lifetime_limits()
        .map_err(|e| ReachError::Preset(e.to_string()))?;
    let model = preset.kaon_model().map_err(ReachError::Preset)?;
    let fip = model.fip();
    let p = fip.coupling_power();
    let masses: Vec<f64> = match &opts.masses {
        Some(m) => m.clone(),
        None => limits.curves[limits.curves.len() - 1]
            .1
            .rows
            .iter()
            .map(|&(m, _)| m)
            .filter(|&m| m > 0.0)
            .collect(),
    };
    let couplings = preset.scan.couplings();
    let n_ul = -(1.0 - preset.cl).ln();
    let rows = scan_grid(
        &masses,
        &couplings,
        &vec![n_ul; masses.len()],
        |_, m| {
            let b1 = model.br_kplus_pi(m);
            let width1 = fip
                .decays(m)
                .map_err(|e| ReachError::Preset(format!("{} at {m} GeV: {e}", fip.model_name())))?
                .total_width(1.0);
            let tau1_s = if width1 > 0.0 {
                HBAR_GEV_S / width1
            } else {
                f64::INFINITY
            };
            let limits = limits.clone();
            Ok(SignalFn(move |g: f64| {
                let gp = g.powi(p);
                match limits.at(m, tau1_s / gp) {
                    Some(br_ul) if b1 > 0.0 => n_ul * gp * b1 / br_ul,
                    _ => 0.0,
                }
            }))
        },
        progress,
    )?;
    let (model_label, coupling, mass_symbol) = match &model {
        KaonPiModel::Scalar(_) => (
            "scalar (K+ -> pi+ S, published BR limits)".to_string(),
            "theta^2".to_string(),
            "m_S".to_string(),
        ),
        KaonPiModel::Alp(a) => (
            "alp (K+ -> pi+ a, published BR limits)".to_string(),
            a.coupling_label(),
            a.mass_symbol(),
        ),
    };
    Ok(crate::experiment::kaon_mode::RecastResult {
        label,
        model: model_label,
        exposure: 0.0,
        n_ul,
        method: "published",
        cl: preset.cl,
        coupling: (&coupling, &coupling),
        mass_symbol: &mass_symbol,
    }
    .into_result(masses, couplings, rows, opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(v: f64) -> LimitTable {
        LimitTable {
            rows: vec![(0.0, v), (1.0, v)],
            gaps: vec![],
        }
    }

    #[test]
    fn lifetime_interpolation() {
        let l = LifetimeLimits {
            curves: vec![
                (1e-10, table(1e-9)),
                (1e-9, table(1e-10)),
                (f64::INFINITY, table(1e-11)),
            ],
        };
        assert_eq!(l.at(0.5, 1e-11), None);
        assert!((l.at(0.5, 1e-10).unwrap() / 1e-9 - 1.0).abs() < 1e-12);
        // Log-log midpoint between 0.1 and 1 ns.
        let mid = l.at(0.5, 10f64.powf(-9.5)).unwrap();
        assert!((mid / 10f64.powf(-9.5) - 1.0).abs() < 1e-9);
        // 1/τ between 1 ns and ∞: at 2 ns halfway.
        assert!((l.at(0.5, 2e-9).unwrap() / (1e-11 + 0.5 * 9e-11) - 1.0).abs() < 1e-12);
        assert!((l.at(0.5, f64::INFINITY).unwrap() / 1e-11 - 1.0).abs() < 1e-12);
        assert!((l.at(0.5, 1e300).unwrap() / 1e-11 - 1.0).abs() < 1e-9);
    }
}
