//! NA64 visible mode: an electron-beam dump whose A′ (or X17) decays to
//! e⁺e⁻ behind it (`kind = "visible-dump"`).
//!
//! The setup (NA64, PRL 120 (2018) 231802, arXiv:1803.07748; PRD 101 (2020)
//! 071101, arXiv:1912.11389): the e⁻ beam showers in a compact tungsten
//! calorimeter (WCAL), which is both the A′ source and the dump; an A′
//! radiated by a shower e± in the first X₀ must cross the rest of the WCAL
//! (and its veto counter) and decay to e⁺e⁻ in the decay volume behind it,
//! whose pair is absorbed in the downstream ECAL: E_WCAL + E_ECAL ≈ E₀ with
//! E_ECAL = E_A′ above a threshold. No event was observed in either run.
//!
//! Per run (beam energy E₀, N_EOT, WCAL depth D X₀ of physical length
//! L_W = D ℓ_X₀, decay volume L_DV) the expected signal is
//!
//! N(m, ε) = N_EOT ε_sig ε² BR(A′ → e⁺e⁻) Σ_slices Σ_E ΔT_k(E) n X₀
//!           ∫_{x > E_min/E} dx dσ/dx(E, m, x) [e^{−(L_W − z_k)/λ} − e^{−(L_W + L_DV − z_k)/λ}],
//!
//! with ΔT_k(E) the e± track length (X₀ per primary) in depth slice k
//! (depths d_{k−1}..d_k X₀, centre z_k in metres), obtained from the shower
//! Monte Carlo ([`crate::production::shower`]) as the difference of the
//! track lengths of targets d_k and d_{k−1} X₀ deep; n X₀ the tungsten nuclei
//! per cm² in one X₀; dσ/dx the IWW spectrum normalised to the ETL total
//! ([`crate::production::electron_brem`]; DMG4's lead K-factors applied to
//! tungsten unchanged, as the brem module documents); λ = (p/m) cτ(ε) the A′
//! decay length at momentum p = √(x²E² − m²). The runs' signals add (one
//! combined count, as in PRD 101 (2020) 071101). The lower edge of the
//! excluded band comes from the rate (∝ ε⁴ where λ ≫ L_DV), the upper edge
//! from A′ decaying inside the WCAL (the exponential).
//!
//! With `model.name = "scalar" | "pseudoscalar" | "axial"` the same
//! pipeline runs for a boson coupled only to the electron (g = ε e): dσ/dx
//! from [`crate::production::boson_brem`] (IWW shape, ETL total from DMG4's
//! per-spin K-factors) and Γ = Γ(X → e⁺e⁻) with BR = 1
//! ([`crate::production::boson_brem::width_ee`]); the X17 pseudoscalar of
//! NA64, PRD 104 (2021) L111102, is `na64e-visible-x17-pseudoscalar`.
//!
//! Neglected: the scintillator of the W/Sc sandwich as a production target
//! (Z² ≈ 1/150 of tungsten's), the A′ angle (it stays within the ECAL at
//! these boosts), annihilation e⁺e⁻ → A′ (below ≈ 25 MeV the resonance
//! E_R = m²/2m_e < 1 GeV lies far below the energy threshold) and the LPM
//! effect (as in the shower module).

use crate::experiment::config::{ConfigError, from_toml};
use crate::experiment::material::{self, Material};
use crate::experiment::preset::{Scan, ShowerSettings, Statistics};
use crate::model::dark_photon::DarkPhoton;
use crate::model::electron_g2::BosonType;
use crate::production::boson_brem;
use crate::production::electron_brem::{
    BremMethod, Nucleus, chi, dsigma_dx_iww, sigma_etl_total, sigma_iww, x_range,
};
use crate::production::shower::{ShowerConfig, TrackLengths, simulate};
use crate::reach::{
    Intervals, MassLimit, MassPoint, Plane, ReachError, ReachOptions, ReachResult, YieldGrid,
    log_space, open_resume, result_meta, scan_grid_resumable, scan_masses, signal_upper_limits,
};
use crate::units::{HBARC_GEV_M, HBARC2_GEV2_CM2};
use serde::Deserialize;

/// The shipped visible-mode presets: (name, TOML text).
pub const VISIBLE_PRESETS: &[(&str, &str)] = &[
    (
        "na64e-visible-x17",
        include_str!("../../presets/na64e-visible-x17.toml"),
    ),
    (
        "na64e-visible-x17-2017",
        include_str!("../../presets/na64e-visible-x17-2017.toml"),
    ),
    (
        "na64e-visible-x17-pseudoscalar",
        include_str!("../../presets/na64e-visible-x17-pseudoscalar.toml"),
    ),
];

/// One data-taking configuration of a visible-mode search.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisibleRun {
    /// Label (e.g. "2017").
    pub label: String,
    /// Beam energy E₀ in GeV.
    pub beam_energy_gev: f64,
    /// Electrons on target.
    pub electrons_on_target: f64,
    /// Depth of the dump calorimeter in radiation lengths.
    pub dump_thickness_x0: f64,
    /// Physical length of one radiation length of the dump (its W/Sc
    /// sandwich), metres: the dump is `dump_thickness_x0 × dump_x0_m` long.
    pub dump_x0_m: f64,
    /// Distance from the dump's back face to the end of the decay volume
    /// (where the e⁺e⁻ pair must have been made), metres.
    pub decay_volume_length_m: f64,
}

impl VisibleRun {
    /// Physical length L_W of the dump, metres.
    #[must_use]
    pub fn dump_length_m(&self) -> f64 {
        self.dump_thickness_x0 * self.dump_x0_m
    }
}

/// Signal selection.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisibleSelection {
    /// Smallest A′ energy (= E_ECAL) accepted, GeV.
    pub ecal_energy_min_gev: f64,
    /// Overall signal efficiency (trigger, veto, selection), in (0, 1].
    pub signal_efficiency: f64,
}

/// The FIP of a visible-mode preset.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisibleModel {
    /// "dark-photon": a vector with ε-proportional couplings to every charged
    /// fermion (the X17 vector hypothesis in the ε_e plane, PRD 101 (2020)
    /// 071101, where only its electron coupling enters production and decay
    /// below 2m_μ); or "scalar", "pseudoscalar", "axial": a boson coupled
    /// only to the electron with g = ε e (ē e S, ē iγ⁵ e P, ē γ^μγ⁵ e A_μ),
    /// made by [`crate::production::boson_brem`] and decaying only to e⁺e⁻
    /// (the X17 pseudoscalar hypothesis of NA64, PRD 104 (2021) L111102).
    pub name: String,
    /// Bremsstrahlung cross section: "etl" (default) or "iww".
    #[serde(default = "default_method")]
    pub cross_section: String,
}

fn default_method() -> String {
    "etl".into()
}

/// A visible-mode preset (TOML, `kind = "visible-dump"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisiblePreset {
    /// Must be "visible-dump".
    pub kind: String,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Publication it reproduces.
    pub reference: String,
    /// Dump material (production nucleus, X₀, E_c): a name of
    /// [`crate::experiment::material::by_name`], "W" for NA64.
    pub material: String,
    /// The data-taking runs; their signals add.
    #[serde(rename = "run")]
    pub runs: Vec<VisibleRun>,
    /// Selection.
    pub selection: VisibleSelection,
    /// Counting inputs (one combined count).
    pub statistics: Statistics,
    /// Model.
    pub model: VisibleModel,
    /// Mass and coupling grid.
    pub scan: Scan,
    /// Shower Monte Carlo settings.
    #[serde(default)]
    pub shower: ShowerSettings,
}

impl VisiblePreset {
    /// The dump material.
    pub fn material(&self) -> Option<Material> {
        material::by_name(&self.material)
    }
    /// The cross-section method.
    pub fn brem_method(&self) -> Result<BremMethod, String> {
        self.model.cross_section.parse()
    }
    /// The electron-coupled boson of a "scalar", "pseudoscalar" or "axial"
    /// model; `None` for the dark photon.
    #[must_use]
    pub fn boson(&self) -> Option<BosonType> {
        match self.model.name.as_str() {
            "scalar" => Some(BosonType::Scalar),
            "pseudoscalar" => Some(BosonType::Pseudoscalar),
            "axial" => Some(BosonType::Axial),
            _ => None,
        }
    }
    /// Total electrons on target over all runs.
    #[must_use]
    pub fn total_eot(&self) -> f64 {
        self.runs.iter().map(|r| r.electrons_on_target).sum()
    }
}

/// Parses and validates a visible-mode preset.
pub fn parse_preset(text: &str, source_name: &str) -> Result<VisiblePreset, ConfigError> {
    let p: VisiblePreset = from_toml(text, source_name)?;
    let bad = |key: &'static str, value: String, reason: &str| {
        ConfigError::invalid(source_name, key, value, reason)
    };
    let pos = |v: f64| v.is_finite() && v > 0.0;
    ConfigError::check_kind(source_name, &p.kind, "visible-dump")?;
    if p.material().is_none() {
        return Err(bad(
            "material",
            format!("'{}'", p.material),
            "unknown material (Pb, W, Fe, Cu, na64-ecal)",
        ));
    }
    if p.model.name != "dark-photon" && p.boson().is_none() {
        return Err(bad(
            "model.name",
            format!("'{}'", p.model.name),
            "expected \"dark-photon\", \"scalar\", \"pseudoscalar\" or \"axial\"",
        ));
    }
    p.brem_method()
        .map_err(|e| bad("model.cross_section", p.model.cross_section.clone(), &e))?;
    if p.runs.is_empty() {
        return Err(bad("run", "[]".into(), "need at least one [[run]]"));
    }
    for r in &p.runs {
        let checks = [
            ("run.beam_energy_gev", r.beam_energy_gev),
            ("run.electrons_on_target", r.electrons_on_target),
            ("run.dump_thickness_x0", r.dump_thickness_x0),
            ("run.dump_x0_m", r.dump_x0_m),
            ("run.decay_volume_length_m", r.decay_volume_length_m),
        ];
        if let Some((key, v)) = checks.iter().find(|(_, v)| !pos(*v)) {
            return Err(bad(key, v.to_string(), "must be a finite positive number"));
        }
        if !(p.selection.ecal_energy_min_gev > 0.0
            && p.selection.ecal_energy_min_gev < r.beam_energy_gev)
        {
            return Err(bad(
                "selection.ecal_energy_min_gev",
                p.selection.ecal_energy_min_gev.to_string(),
                "must lie between 0 and every run's beam energy",
            ));
        }
    }
    let eff = p.selection.signal_efficiency;
    if !(eff.is_finite() && eff > 0.0 && eff <= 1.0) {
        return Err(bad(
            "selection.signal_efficiency",
            eff.to_string(),
            "must lie in (0, 1]",
        ));
    }
    let s = &p.scan;
    if !(pos(s.mass_min_gev)
        && s.mass_max_gev >= s.mass_min_gev
        && s.mass_max_gev.is_finite()
        && s.n_masses >= 1
        && pos(s.coupling_min)
        && s.coupling_max > s.coupling_min
        && s.coupling_max.is_finite()
        && s.n_couplings >= 2)
    {
        return Err(bad(
            "scan",
            format!("{s:?}"),
            "need 0 < mass_min <= mass_max, 0 < coupling_min < coupling_max, n_couplings >= 2",
        ));
    }
    if p.shower.events == 0 {
        return Err(bad("shower.events", "0".into(), "must be positive"));
    }
    // The caps of every preset (darkscan::experiment::bounds); the shower
    // runs once per depth slice and run, so its sample is capped per run.
    crate::experiment::bounds::check_scan(source_name, &p.scan)?;
    let max_events = crate::experiment::bounds::MAX_SHOWER_EVENTS / SLICE_EDGES_X0.len() as u64;
    if p.shower.events > max_events {
        return Err(bad(
            "shower.events",
            p.shower.events.to_string(),
            &format!("exceeds the cap of {max_events} (one shower per depth slice and run)"),
        ));
    }
    if p.runs.len() > MAX_RUNS {
        return Err(bad(
            "run",
            p.runs.len().to_string(),
            &format!("at most {MAX_RUNS} runs"),
        ));
    }
    Ok(p)
}

/// Most `[[run]]` tables a preset may have.
pub const MAX_RUNS: usize = 16;

/// Depth slices (X₀) whose track lengths are differenced: fine in the first
/// X₀, where the A′ above a few tens of GeV are made, coarser behind.
const SLICE_EDGES_X0: &[f64] = &[
    0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.5, 8.0, 10.0, 13.0, 17.0, 22.0, 30.0,
];

/// The e± track length of one run in depth slices: `slices[k]` is the
/// (depth range in X₀, track lengths) of slice k.
#[derive(Debug, Clone)]
pub struct SlicedTracks {
    /// (d_lo, d_hi) in X₀ and the e± track length per primary in that slice.
    pub slices: Vec<((f64, f64), TrackLengths)>,
}

/// Runs the shower Monte Carlo of `run` for targets of increasing depth and
/// differences the track lengths. Every target uses the same seed, so the
/// differences are correlated and small; a bin may still come out slightly
/// negative from statistical fluctuations and is kept as it is (clipping
/// would bias the total up by a few per cent), so that the slices add up
/// exactly to the whole dump. Only e± above `e_min` GeV are followed.
#[must_use]
pub fn sliced_track_lengths(
    run: &VisibleRun,
    material: &Material,
    e_min: f64,
    shower: &ShowerSettings,
) -> SlicedTracks {
    let depth = run.dump_thickness_x0;
    let mut edges: Vec<f64> = SLICE_EDGES_X0
        .iter()
        .copied()
        .filter(|&d| d < depth)
        .collect();
    edges.push(depth);
    let cumulative: Vec<TrackLengths> = edges
        .iter()
        .map(|&d| {
            let mut c = ShowerConfig::new(run.beam_energy_gev, e_min);
            c.critical_energy = material.critical_energy;
            c.depth_x0 = d;
            c.n_events = shower.events;
            c.seed = shower.seed;
            c.n_bins = 100;
            simulate(&c)
        })
        .collect();
    let mut slices = Vec::with_capacity(edges.len());
    let mut prev: Option<&TrackLengths> = None;
    let mut d_lo = 0.0;
    for (t, &d_hi) in cumulative.iter().zip(&edges) {
        let diff = |a: &[f64], b: Option<&[f64]>| -> Vec<f64> {
            a.iter()
                .enumerate()
                .map(|(i, &v)| v - b.map_or(0.0, |b| b[i]))
                .collect()
        };
        let slice = TrackLengths {
            edges: t.edges.clone(),
            electron: diff(&t.electron, prev.map(|p| p.electron.as_slice())),
            positron: diff(&t.positron, prev.map(|p| p.positron.as_slice())),
            n_events: t.n_events,
        };
        slices.push(((d_lo, d_hi), slice));
        prev = Some(t);
        d_lo = d_hi;
    }
    SlicedTracks { slices }
}

/// One group of A′ of a prepared mass: produced at weight `weight` (A′ per
/// electron on target at ε = 1, efficiency and BR not included) with
/// momentum `p_over_m` × m, and accepted if they decay between `a_m` and
/// `b_m` metres from their production point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AprimeGroup {
    /// A′ per EOT at ε = 1.
    pub weight: f64,
    /// βγ = p/m.
    pub p_over_m: f64,
    /// Distance to the dump's back face, m.
    pub a_m: f64,
    /// Distance to the end of the decay volume, m.
    pub b_m: f64,
}

/// Gauss–Legendre points per energy bin for the x integral.
const X_POINTS: usize = 24;
/// Logarithmic βγ bins per depth slice in which the A′ are grouped.
const P_BINS: usize = 160;

/// The A′ of one run at mass `m` (GeV), grouped by depth slice and momentum
/// (see [`AprimeGroup`]).
#[must_use]
pub fn aprime_groups(
    run: &VisibleRun,
    material: &Material,
    tracks: &SlicedTracks,
    method: BremMethod,
    e_min: f64,
    m: f64,
) -> Vec<AprimeGroup> {
    boson_groups(run, material, tracks, method, e_min, m, None)
}

/// [`aprime_groups`] for the dark photon (`boson = None`: BEST's spectrum,
/// [`crate::production::electron_brem`]) or an electron-coupled S, P, A
/// (the full IWW spectrum of [`boson_brem::dsigma_dx`], normalised to DMG4's
/// ETL total for `Etl`: [`boson_brem::spectrum_norm`]).
#[must_use]
pub fn boson_groups(
    run: &VisibleRun,
    material: &Material,
    tracks: &SlicedTracks,
    method: BremMethod,
    e_min: f64,
    m: f64,
    boson: Option<BosonType>,
) -> Vec<AprimeGroup> {
    let nucleus = Nucleus {
        z: material.z,
        a: material.a,
    };
    let e0 = run.beam_energy_gev;
    let (gx, gw) = crate::numeric::quadrature::gauss_legendre(X_POINTS);
    let centers = tracks.slices[0].1.centers();
    // Per energy bin: the ETL/IWW normalisation and χ (independent of depth).
    let per_e: Vec<Option<(f64, f64)>> = centers
        .iter()
        .map(|&e| {
            if m >= e || e <= e_min {
                return None;
            }
            let c = chi(e, m, nucleus);
            if let Some(b) = boson {
                return Some((c, boson_brem::spectrum_norm(b, method, e, m, nucleus)));
            }
            let norm = match method {
                BremMethod::Iww => 1.0,
                BremMethod::Etl => {
                    let all = sigma_iww(e, m, nucleus, 0.0);
                    if all > 0.0 {
                        sigma_etl_total(e, m, nucleus) / all
                    } else {
                        0.0
                    }
                }
            };
            Some((c, norm))
        })
        .collect();
    let pm_max = e0 / m;
    let pm_min = (e_min / m).max(1e-3);
    let (l_lo, l_hi) = (pm_min.ln(), pm_max.ln() + 1e-9);
    let to_cm2 = material.nuclei_per_x0_cm2 * HBARC2_GEV2_CM2;
    let length_w = run.dump_length_m();
    let mut out = Vec::new();
    for ((d_lo, d_hi), t) in &tracks.slices {
        let z = 0.5 * (d_lo + d_hi) * run.dump_x0_m;
        let (a_m, b_m) = (length_w - z, length_w + run.decay_volume_length_m - z);
        let mut w_bin = vec![0.0; P_BINS];
        let mut wp_bin = vec![0.0; P_BINS];
        let mut wa_bin = vec![0.0; P_BINS];
        for (k, &e) in centers.iter().enumerate() {
            let tl = t.electron[k] + t.positron[k];
            let Some((c, norm)) = per_e[k] else { continue };
            if tl == 0.0 || norm <= 0.0 {
                continue;
            }
            let (x_lo, x_hi) = x_range(e, m);
            let x_lo = x_lo.max(e_min / e);
            if x_hi <= x_lo {
                continue;
            }
            // Integrate in u = −ln(1 − x), which resolves the peak at x → 1.
            let (u_lo, u_hi) = (-(-x_lo).ln_1p(), -(-x_hi).ln_1p());
            let h = 0.5 * (u_hi - u_lo);
            for (xi, wi) in gx.iter().zip(&gw) {
                let u = u_lo + h * (xi + 1.0);
                let one_minus_x = (-u).exp();
                let x = 1.0 - one_minus_x;
                let dsdx = match boson {
                    Some(b) => boson_brem::dsigma_dx(b, e, m, x, c),
                    None => dsigma_dx_iww(e, m, x, c),
                };
                let w = tl * to_cm2 * norm * h * wi * dsdx * one_minus_x;
                let ea = x * e;
                if ea <= m || w == 0.0 {
                    continue;
                }
                let pm = (ea * ea - m * m).sqrt() / m;
                let f = ((pm.ln() - l_lo) / (l_hi - l_lo)).clamp(0.0, 1.0 - 1e-12);
                let i = (f * P_BINS as f64) as usize;
                w_bin[i] += w;
                // The mean βγ of a bin is weighted by |w| (a bin may mix the
                // small negative weights of a fluctuating slice).
                wa_bin[i] += w.abs();
                wp_bin[i] += w.abs() * pm;
            }
        }
        for ((w, wp), wa) in w_bin.into_iter().zip(wp_bin).zip(wa_bin) {
            if wa > 0.0 {
                out.push(AprimeGroup {
                    weight: w,
                    p_over_m: wp / wa,
                    a_m,
                    b_m,
                });
            }
        }
    }
    out
}

/// A prepared mass point: the A′ groups of every run, scaled by exposure and
/// efficiency, and the width at ε = 1.
struct VisiblePoint {
    /// (N_EOT ε_sig weight, βγ, a, b) of every group of every run.
    groups: Vec<AprimeGroup>,
    /// cτ at ε = 1, metres.
    ctau1_m: f64,
    /// BR(A′ → e⁺e⁻) (independent of ε).
    br_ee: f64,
}

impl VisiblePoint {
    fn signal(&self, eps: f64) -> f64 {
        let ctau = self.ctau1_m / (eps * eps);
        let sum: f64 = self
            .groups
            .iter()
            .map(|g| {
                let lambda = g.p_over_m * ctau;
                // e^{−a/λ} − e^{−b/λ} = e^{−a/λ}(1 − e^{−(b−a)/λ}), with expm1.
                (-g.a_m / lambda).exp() * -(-(g.b_m - g.a_m) / lambda).exp_m1() * g.weight
            })
            .sum();
        // The slices' small negative fluctuations (see `sliced_track_lengths`)
        // can leave a tiny negative total where only the deepest slices
        // contribute (prompt decays, large ε); an expected count is ≥ 0, so
        // the total is floored at 0. Where the signal matters (near N_UL)
        // the sum is dominated by positive slices and is unchanged.
        (eps * eps * self.br_ee * sum).max(0.0)
    }
}

impl MassPoint for VisiblePoint {
    fn signal_by_channel(&self, couplings: &[f64]) -> Vec<Vec<f64>> {
        vec![couplings.iter().map(|&g| self.signal(g)).collect()]
    }
}

fn prepare_point(
    preset: &VisiblePreset,
    material: &Material,
    method: BremMethod,
    tracks: &[SlicedTracks],
    exposure_scale: f64,
    m: f64,
) -> Result<VisiblePoint, ReachError> {
    let e_min = preset.selection.ecal_energy_min_gev;
    let mut groups = Vec::new();
    for (run, t) in preset.runs.iter().zip(tracks) {
        let scale = run.electrons_on_target * exposure_scale * preset.selection.signal_efficiency;
        groups.extend(
            boson_groups(run, material, t, method, e_min, m, preset.boson())
                .into_iter()
                .map(|g| AprimeGroup {
                    weight: g.weight * scale,
                    ..g
                }),
        );
    }
    // An electron-coupled boson decays only to e⁺e⁻ (boson_brem::width_ee).
    let (total, ee) = match preset.boson() {
        Some(b) => {
            let w = boson_brem::width_ee(b, m, 1.0);
            (w, w)
        }
        None => {
            let a = DarkPhoton::new(m, 1.0).map_err(|e| ReachError::Preset(e.to_string()))?;
            (a.total_width(), a.width_ee())
        }
    };
    let (ctau1_m, br_ee) = if total > 0.0 {
        (HBARC_GEV_M / total, ee / total)
    } else {
        (f64::INFINITY, 0.0)
    };
    Ok(VisiblePoint {
        groups,
        ctau1_m,
        br_ee,
    })
}

/// The reach of a visible-mode preset: per mass the excluded ε band (lower
/// edge from the rate, upper edge from decays inside the dump). Options: an
/// explicit mass list, `--exposure` (rescales every run to this total EOT),
/// the counting overrides; the ε plane only.
pub fn run_visible_dump(
    label: &str,
    preset: &VisiblePreset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    if opts.plane != Plane::Epsilon {
        return Err(ReachError::Preset(
            "a visible-mode search reports the epsilon plane only (the y plane needs an invisible decay)"
                .into(),
        ));
    }
    let material = preset
        .material()
        .ok_or_else(|| ReachError::Preset(format!("unknown material '{}'", preset.material)))?;
    let method = preset.brem_method().map_err(ReachError::Preset)?;
    let total_eot = preset.total_eot();
    let exposure = opts.exposure.unwrap_or(total_eot);
    if !(exposure.is_finite() && exposure > 0.0) {
        return Err(ReachError::InvalidExposure(exposure));
    }
    let exposure_scale = exposure / total_eot;
    let masses = scan_masses(&preset.scan, opts);
    let e_thr = preset.selection.ecal_energy_min_gev;
    if let Some(&m) = masses
        .iter()
        .find(|&&m| !(m.is_finite() && m > 0.0 && m < e_thr))
    {
        return Err(ReachError::Preset(format!(
            "invalid mass {m} GeV: must be positive and below the E_ECAL threshold ({e_thr} GeV)"
        )));
    }
    if let Some(&m) = masses
        .iter()
        .find(|&&m| m < crate::production::electron_brem::MIN_MASS)
    {
        return Err(ReachError::BremMassBelowRange(
            m,
            crate::production::electron_brem::MIN_MASS,
        ));
    }
    let n_ul_by_mass = signal_upper_limits(&preset.statistics, opts, &masses)?;
    let couplings = log_space(
        preset.scan.coupling_min,
        preset.scan.coupling_max,
        preset.scan.n_couplings,
    );
    let e_min = preset.selection.ecal_energy_min_gev;
    let tracks: Vec<SlicedTracks> = preset
        .runs
        .iter()
        .map(|r| sliced_track_lengths(r, &material, e_min, &preset.shower))
        .collect();
    let cache = open_resume(
        opts,
        &format!(
            "visible-dump {preset:?} {:?}",
            ReachOptions {
                resume_file: None,
                ..opts.clone()
            }
        ),
    )?;
    let rows = scan_grid_resumable(
        &masses,
        &couplings,
        &n_ul_by_mass,
        |_, m| prepare_point(preset, &material, method, &tracks, exposure_scale, m),
        progress,
        cache.as_ref(),
    )?;
    let mut limits = Vec::with_capacity(rows.len());
    let mut signal = Vec::with_capacity(rows.len());
    for (limit, row, _) in rows {
        let excluded: Intervals = limit.excluded;
        limits.push(MassLimit { excluded, ..limit });
        signal.push(row);
    }
    let n_ul = n_ul_by_mass.first().copied().unwrap_or(0.0);
    Ok(ReachResult {
        preset: label.to_string(),
        model: match preset.boson() {
            Some(b) => format!(
                "{} coupled to electrons (X -> e+e-, visible mode)",
                b.name()
            ),
            None => "dark-photon (A' -> e+e-, visible mode)".into(),
        },
        plane: Plane::Epsilon,
        exposure,
        signal_upper_limit: n_ul,
        limits,
        grid: YieldGrid {
            masses,
            couplings,
            signal,
        },
        channels: Vec::new(),
        meta: result_meta(
            Plane::Epsilon,
            ("epsilon", "epsilon"),
            if preset.boson().is_some() {
                "m_X"
            } else {
                "m_A'"
            },
            "EOT",
            &preset.statistics,
            opts,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_presets_parse_and_bad_values_are_named() {
        for (name, text) in VISIBLE_PRESETS {
            let p = parse_preset(text, name).unwrap();
            assert_eq!(&p.name, name);
        }
        let base = VISIBLE_PRESETS[0].1;
        for (from, to, key) in [
            (
                "kind = \"visible-dump\"",
                "kind = \"visible-dumpx\"",
                "kind",
            ),
            ("material = \"W\"", "material = \"Xx\"", "material"),
            (
                "\nsignal_efficiency = ",
                "\nsignal_efficiency = 1.5 #",
                "signal_efficiency",
            ),
            ("events = 100000", "events = 100000000", "shower.events"),
            ("n_masses = 40", "n_masses = 1000000000", "scan.n_masses"),
            (
                "decay_volume_length_m = 1.038",
                "decay_volume_length_m = -1",
                "decay_volume_length_m",
            ),
        ] {
            let t = base.replacen(from, to, 1);
            let e = parse_preset(&t, "x").unwrap_err().to_string();
            assert!(e.contains(key), "{e}");
            assert_eq!(e.lines().count(), 1);
        }
    }

    #[test]
    fn slices_add_up_to_the_whole_dump() {
        let p = parse_preset(VISIBLE_PRESETS[0].1, "x").unwrap();
        let w = p.material().unwrap();
        let run = &p.runs[0];
        let s = ShowerSettings {
            events: 20_000,
            seed: 3,
        };
        let sl = sliced_track_lengths(run, &w, 30.0, &s);
        let sum: f64 = sl.slices.iter().map(|(_, t)| t.total()).sum();
        let mut c = ShowerConfig::new(run.beam_energy_gev, 30.0);
        c.critical_energy = w.critical_energy;
        c.depth_x0 = run.dump_thickness_x0;
        c.n_events = s.events;
        c.seed = s.seed;
        c.n_bins = 100;
        let whole = simulate(&c).total();
        // The differences telescope: the slices add up to the whole dump.
        assert!((sum / whole - 1.0).abs() < 1e-9, "{sum} {whole}");
        // Almost all track length above 30 GeV is made in the first 4 X₀.
        let early: f64 = sl
            .slices
            .iter()
            .filter(|((_, hi), _)| *hi <= 4.0)
            .map(|(_, t)| t.total())
            .sum();
        assert!(early > 0.95 * sum, "{early} {sum}");
        // Statistical noise: no slice is negative overall.
        assert!(sl.slices.iter().all(|(_, t)| t.total() > -1e-3 * sum));
    }
}
