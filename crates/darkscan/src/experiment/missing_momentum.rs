//! Missing-momentum searches with a muon beam (NA64μ): a vector boson V (the
//! Lμ−Lτ Z′, or a dark photon) radiated by the beam muon in the active target,
//! μN → μNV, decaying invisibly; the signal is a single outgoing muon with
//! momentum below a cut (NA64μ: < 80 GeV of 160 GeV) and no activity
//! downstream.
//!
//! Muons do not shower: the beam muon crosses the whole target, so the yield
//! per muon on target at unit coupling is
//!
//! Y₁(m) = n_nuclei · (1/K) Σ_k σ(E_k, m; p_min < E_k(1 − x) < p_max),
//!
//! with n_nuclei the production nuclei per cm² of the target (thickness in
//! X₀ × nuclei per X₀), E_k = E₀ − ΔE (k + ½)/K the muon energy at the centre
//! of K depth slices for a mean energy loss ΔE across the target (the preset's
//! `target.mean_energy_loss_gev`; a linear loss), and σ the muon
//! bremsstrahlung cross section of [`crate::production::muon_brem`] above the
//! energy-fraction cut x > 1 − p_max/E_k (the outgoing muon energy is
//! E_k(1 − x); muon masses are negligible against 80 GeV). Then
//!
//! N_sig = N_MOT · ε_sig(m) · c · g² · BR(V → invisible; g) · Y₁(m),
//!
//! with g the coupling axis and c the squared muon coupling per unit axis:
//! 1 for the Lμ−Lτ Z′ (axis g_Z′), 4πα for a dark photon (axis ε, coupling
//! εe). BR(invisible) sums the channels whose daughters are all invisible
//! (ν ν̄, χχ̄). **Assumption**: every visible decay (Z′ → μ⁺μ⁻ above 2m_μ;
//! the V decays promptly for the couplings probed, cτ ≲ 1 µm) is vetoed by
//! the downstream detectors, so it contributes no signal.

use crate::experiment::config::{ConfigError, from_toml};
use crate::experiment::material::{self, Material};
use crate::experiment::missing_energy::SignalEfficiency;
use crate::experiment::preset::{Beam, Exposure, Scan, Statistics};
use crate::model::{Fip, ModelSpec};
use crate::production::electron_brem::Nucleus;
use crate::production::muon_brem::{MuonBremMethod, sigma_between};
use crate::reach::{
    Plane, ReachError, ReachOptions, ReachResult, SignalFn, exposure_unit_of, limits_and_grid,
    open_resume_for, result_meta, scan_grid_resumable, scan_masses, signal_upper_limit,
};
use crate::units::{ALPHA_EM, HBARC2_GEV2_CM2, MUON};
use serde::Deserialize;
use std::f64::consts::PI;

/// The shipped missing-momentum presets: (name, TOML text).
pub const MOMENTUM_PRESETS: &[(&str, &str)] = &[
    (
        "na64mu-lmu-ltau-2022",
        include_str!("../../presets/na64mu-lmu-ltau-2022.toml"),
    ),
    (
        "na64mu-dark-photon-2022",
        include_str!("../../presets/na64mu-dark-photon-2022.toml"),
    ),
];

/// Target of a muon-beam search.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuonTarget {
    /// Material name (see [`material::all`]); production on its nucleus.
    pub material: String,
    /// Thickness in radiation lengths.
    pub thickness_x0: f64,
    /// Mean energy the muon loses across the target (GeV), spread linearly
    /// over the depth slices (0: none).
    #[serde(default)]
    pub mean_energy_loss_gev: f64,
}

/// Signal selection of a missing-momentum search.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MomentumSelection {
    /// Outgoing muon momentum must be below this (GeV).
    pub outgoing_momentum_max_gev: f64,
    /// And above this (GeV; 0 by default).
    #[serde(default)]
    pub outgoing_momentum_min_gev: f64,
    /// Overall signal efficiency: a number or a table over mass.
    pub signal_efficiency: SignalEfficiency,
}

/// How the production cross section is computed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MomentumProduction {
    /// "ww" (default) or "iww" ([`MuonBremMethod`]).
    #[serde(default = "default_method")]
    pub cross_section: String,
    /// Depth slices K over which the muon energy loss is spread (default 4).
    #[serde(default = "default_slices")]
    pub depth_slices: usize,
}

fn default_method() -> String {
    "ww".into()
}
fn default_slices() -> usize {
    4
}

impl Default for MomentumProduction {
    fn default() -> Self {
        Self {
            cross_section: default_method(),
            depth_slices: default_slices(),
        }
    }
}

/// A missing-momentum preset (`kind = "missing-momentum"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MomentumPreset {
    /// Always "missing-momentum".
    pub kind: String,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// The publication it reproduces.
    pub reference: String,
    /// Beam (particle "mu-" or "mu+", energy).
    pub beam: Beam,
    /// Target.
    pub target: MuonTarget,
    /// Exposure (muons on target).
    pub exposure: Exposure,
    /// Selection.
    pub selection: MomentumSelection,
    /// Counting inputs.
    pub statistics: Statistics,
    /// The model: "lmu-ltau", or "dark-photon" with `alpha_d` and `mass_ratio`.
    pub model: ModelSpec,
    /// Cross-section method and depth slicing.
    #[serde(default)]
    pub production: MomentumProduction,
    /// Default scan grid.
    pub scan: Scan,
}

/// Squared coupling of the boson to muons per unit of the coupling axis:
/// 1 for the Lμ−Lτ Z′ (axis g_Z′), 4πα for a dark photon (axis ε, muon
/// coupling εe); `None` for models without a vector coupling to muons.
#[must_use]
pub fn muon_coupling_squared_per_axis(spec: &ModelSpec) -> Option<f64> {
    match spec {
        ModelSpec::LmuLtau {} => Some(1.0),
        ModelSpec::DarkPhoton { .. } => Some(4.0 * PI * ALPHA_EM),
        _ => None,
    }
}

impl MomentumPreset {
    /// The target material.
    #[must_use]
    pub fn material(&self) -> Option<Material> {
        material::by_name(&self.target.material)
    }

    /// The cross-section method.
    pub fn method(&self) -> Result<MuonBremMethod, String> {
        self.production.cross_section.parse()
    }

    /// Production nuclei per cm² in the whole target.
    #[must_use]
    pub fn nuclei_per_cm2(&self) -> f64 {
        self.material()
            .map_or(0.0, |m| m.nuclei_per_x0_cm2 * self.target.thickness_x0)
    }

    /// Y₁(m): invisible-decay-independent yield per muon on target at unit
    /// muon coupling g = 1, with the outgoing muon in the momentum window
    /// (module docs).
    #[must_use]
    pub fn yield_per_mot(&self, mass: f64) -> f64 {
        let Some(mat) = self.material() else {
            return 0.0;
        };
        let Ok(method) = self.method() else {
            return 0.0;
        };
        let nucleus = Nucleus { z: mat.z, a: mat.a };
        let k = self.production.depth_slices.max(1);
        let (e0, de) = (self.beam.energy_gev, self.target.mean_energy_loss_gev);
        let (p_max, p_min) = (
            self.selection.outgoing_momentum_max_gev,
            self.selection.outgoing_momentum_min_gev,
        );
        let mean_sigma = (0..k)
            .map(|i| {
                let e = e0 - de * (i as f64 + 0.5) / k as f64;
                let x_lo = 1.0 - p_max / e;
                let x_hi = if p_min > 0.0 { 1.0 - p_min / e } else { 1.0 };
                sigma_between(method, e, mass, MUON.mass, nucleus, x_lo, x_hi)
            })
            .sum::<f64>()
            / k as f64;
        self.nuclei_per_cm2() * mean_sigma * HBARC2_GEV2_CM2
    }
}

/// Parses and validates a missing-momentum preset.
pub fn parse_preset(text: &str, source_name: &str) -> Result<MomentumPreset, ConfigError> {
    let p: MomentumPreset = from_toml(text, source_name)?;
    let bad = |key: &'static str, value: String, reason: &str| {
        ConfigError::invalid(source_name, key, value, reason)
    };
    ConfigError::check_kind(source_name, &p.kind, "missing-momentum")?;
    if !matches!(p.beam.particle.as_str(), "mu-" | "mu+") {
        return Err(bad(
            "beam.particle",
            format!("'{}'", p.beam.particle),
            "a missing-momentum search needs a muon beam (\"mu-\" or \"mu+\")",
        ));
    }
    let e0 = p.beam.energy_gev;
    if !(e0.is_finite() && e0 > 1.0) {
        return Err(bad("beam.energy_gev", e0.to_string(), "must exceed 1 GeV"));
    }
    if p.material().is_none() {
        let known: Vec<&str> = material::all().iter().map(|m| m.name).collect();
        return Err(bad(
            "target.material",
            format!("'{}'", p.target.material),
            &format!("unknown material; known: {}", known.join(", ")),
        ));
    }
    if !(p.target.thickness_x0.is_finite() && p.target.thickness_x0 > 0.0) {
        return Err(bad(
            "target.thickness_x0",
            p.target.thickness_x0.to_string(),
            "must be positive",
        ));
    }
    let de = p.target.mean_energy_loss_gev;
    if !(de.is_finite() && (0.0..0.5 * e0).contains(&de)) {
        return Err(bad(
            "target.mean_energy_loss_gev",
            de.to_string(),
            "must lie in [0, half the beam energy)",
        ));
    }
    let s = &p.selection;
    if !(s.outgoing_momentum_max_gev.is_finite()
        && s.outgoing_momentum_max_gev > 0.0
        && s.outgoing_momentum_max_gev < e0 - de)
    {
        return Err(bad(
            "selection.outgoing_momentum_max_gev",
            s.outgoing_momentum_max_gev.to_string(),
            "must lie between 0 and the beam energy",
        ));
    }
    if !(s.outgoing_momentum_min_gev.is_finite()
        && s.outgoing_momentum_min_gev >= 0.0
        && s.outgoing_momentum_min_gev < s.outgoing_momentum_max_gev)
    {
        return Err(bad(
            "selection.outgoing_momentum_min_gev",
            s.outgoing_momentum_min_gev.to_string(),
            "must lie in [0, outgoing_momentum_max_gev)",
        ));
    }
    s.signal_efficiency
        .validate()
        .map_err(|e| bad("selection.signal_efficiency", String::new(), &e))?;
    p.method().map_err(|e| {
        bad(
            "production.cross_section",
            p.production.cross_section.clone(),
            &e,
        )
    })?;
    if p.production.depth_slices == 0 || p.production.depth_slices > 1000 {
        return Err(bad(
            "production.depth_slices",
            p.production.depth_slices.to_string(),
            "must lie in 1..=1000",
        ));
    }
    if muon_coupling_squared_per_axis(&p.model).is_none() {
        return Err(bad(
            "model",
            format!("'{}'", p.model.name()),
            "a missing-momentum search needs a vector coupling to muons: \"lmu-ltau\" or \"dark-photon\"",
        ));
    }
    let fip = p
        .model
        .fip()
        .map_err(|e| bad("model", format!("'{}'", p.model.name()), &e.to_string()))?;
    let probe = fip
        .decays(0.5 * p.scan.mass_min_gev.max(1e-6))
        .map_err(|e| bad("model", format!("'{}'", p.model.name()), &e.to_string()))?;
    if !probe.channels.iter().any(is_invisible) {
        return Err(bad(
            "model",
            format!("'{}'", p.model.name()),
            "has no invisible decay (a dark photon needs alpha_d and mass_ratio)",
        ));
    }
    let sc = &p.scan;
    if !(sc.mass_min_gev > 0.0
        && sc.mass_max_gev >= sc.mass_min_gev
        && sc.mass_max_gev < e0
        && sc.n_masses >= 1
        && sc.coupling_min > 0.0
        && sc.coupling_max > sc.coupling_min
        && sc.coupling_max.is_finite()
        && sc.n_couplings >= 2)
    {
        return Err(bad(
            "scan",
            format!("{sc:?}"),
            "need 0 < mass_min <= mass_max < beam energy, 0 < coupling_min < coupling_max, n_couplings >= 2",
        ));
    }
    Ok(p)
}

/// Whether a decay channel is invisible: it has daughters and all are
/// invisible (ν ν̄, χχ̄).
fn is_invisible(c: &crate::model::DecayChannel) -> bool {
    !c.daughters.is_empty() && c.daughters.iter().all(|d| d.is_invisible())
}

/// The reach of a missing-momentum preset (module docs). The ε–m plane only
/// (`--plane y`, `--alpha-d` and `--mass-ratio` are refused: the dark sector
/// is set in the preset's `[model]` table).
pub fn run_missing_momentum(
    label: &str,
    preset: &MomentumPreset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    if opts.plane != Plane::Epsilon || opts.alpha_d.is_some() || opts.mass_ratio.is_some() {
        return Err(ReachError::Preset(
            "a missing-momentum preset reports its own coupling plane; --plane y, --alpha-d and \
             --mass-ratio do not apply (set the dark sector in the preset's [model] table)"
                .into(),
        ));
    }
    if !preset.statistics.observed_masses_gev.is_empty() {
        return Err(ReachError::Preset(
            "statistics.observed_masses_gev: a missing-momentum search reconstructs no mass".into(),
        ));
    }
    let exposure = opts.exposure.unwrap_or(preset.exposure.particles_on_target);
    if !(exposure.is_finite() && exposure > 0.0) {
        return Err(ReachError::InvalidExposure(exposure));
    }
    let beam = preset.beam.energy_gev;
    let masses = scan_masses(&preset.scan, opts);
    for &m in &masses {
        if !(m.is_finite() && m > 0.0 && m < beam - MUON.mass) {
            return Err(ReachError::InvalidMass { mass: m, beam });
        }
    }
    let fip = preset
        .model
        .fip()
        .map_err(|e| ReachError::Preset(e.to_string()))?;
    let c = muon_coupling_squared_per_axis(&preset.model)
        .ok_or_else(|| ReachError::Preset("model has no vector coupling to muons".into()))?;
    let n_ul = signal_upper_limit(&preset.statistics, opts)?;
    let couplings = preset.scan.couplings();
    let n_ul_by_mass = vec![n_ul; masses.len()];
    let cache = open_resume_for(opts, "missing-momentum", preset)?;
    let fip_ref: &dyn Fip = fip.as_ref();
    let rows = scan_grid_resumable(
        &masses,
        &couplings,
        &n_ul_by_mass,
        |_, m| {
            let table = fip_ref
                .decays(m)
                .map_err(|e| ReachError::Preset(format!("mass {m} GeV: {e}")))?;
            let norm = exposure * preset.selection.signal_efficiency.at(m) * c;
            let y1 = preset.yield_per_mot(m);
            Ok(SignalFn(move |g: f64| {
                norm * g * g * y1 * table.branching_ratio_where(g, is_invisible)
            }))
        },
        progress,
        cache.as_ref(),
    )?;
    let (limits, grid) = limits_and_grid(&masses, &couplings, rows, |m| m, |g| g);
    let coupling = fip.coupling_label();
    Ok(ReachResult {
        preset: label.to_string(),
        model: format!(
            "{} (muon bremsstrahlung, invisible decay, missing momentum)",
            preset.model.name()
        ),
        plane: Plane::Epsilon,
        exposure,
        signal_upper_limit: n_ul,
        limits,
        grid,
        channels: Vec::new(),
        meta: result_meta(
            Plane::Epsilon,
            (&coupling, &coupling),
            &fip.mass_symbol(),
            exposure_unit_of(&preset.beam.particle),
            &preset.statistics,
            opts,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_preset_parses_and_bad_values_name_their_key() {
        let text = MOMENTUM_PRESETS[0].1;
        let p = parse_preset(text, "x").unwrap();
        assert_eq!(p.model, ModelSpec::LmuLtau {});
        for (from, to, key) in [
            ("particle = \"mu-\"", "particle = \"e-\"", "beam.particle"),
            (
                "outgoing_momentum_max_gev = 80.0",
                "outgoing_momentum_max_gev = 200.0",
                "selection.outgoing_momentum_max_gev",
            ),
            ("name = \"lmu-ltau\"", "name = \"scalar\"", "model"),
            ("name = \"lmu-ltau\"", "name = \"dark-photon\"", "model"),
        ] {
            assert!(text.contains(from), "{from}");
            let e = parse_preset(&text.replace(from, to), "x")
                .unwrap_err()
                .to_string();
            assert!(e.contains(key), "{e}");
        }
    }
}
