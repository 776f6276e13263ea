//! Beam-dump searches for visible decays (NA62 in dump mode): FIPs produced
//! in the dump fly to a distant decay volume and decay to two charged
//! leptons that the spectrometer measures.
//!
//! For one mass, every production channel (light-meson decays, proton
//! bremsstrahlung) is sampled once into a per-mass acceptance sample
//! ([`crate::mc::acceptance`]); every coupling is then evaluated by lifetime
//! re-weighting ([`crate::mc::reweight`]):
//!
//! N_sig(m, ε) = N_POT · ε² · BR(A′ → ℓℓ) · Σ_channels Σ_i w_i P_i(cτ(m, ε)),
//!
//! with w_i the channel's A′ yield per POT at ε = 1 carried by sample event i,
//! and P_i the probability that it decays inside the fiducial volume with
//! both daughters selected. Meson yields are multiplicity per inelastic pN
//! collision × BR(meson → A′ X) (per POT ≈ per collision for a thick dump;
//! see `data/meson_spectra_p400.csv`); the bremsstrahlung yield is
//! Blümlein–Brunner's rate per proton interaction.

use crate::experiment::config::{ConfigError, from_toml};
use crate::experiment::dump_geometry::{self, DumpGeometry};
use crate::mc::acceptance::{AcceptanceSample, FinalStates, build_sample_par_states};
use crate::mc::reweight::{PreparedSample, expected_fractions_prepared};
use crate::model::{DarkPhotonModel, DecayChannel, DecayTable, Fip, ModelError, ModelSpec};
use crate::production::dump_sources::{self, DumpBeam, proton_dump_sources};
use crate::production::source::{FipSource, source_seed};
use crate::units::{ELECTRON, MUON};
use serde::Deserialize;

pub use crate::production::dump_sources::Channel;

/// Why a beam-dump preset could not be used (the shared configuration error).
pub type DumpPresetError = ConfigError;

/// The final state the search selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dilepton {
    /// A′ → μ⁺μ⁻.
    MuMu,
    /// A′ → e⁺e⁻.
    EE,
}

impl Dilepton {
    /// The decay-channel name ("mu+mu-", "e+e-").
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Dilepton::MuMu => "mu+mu-",
            Dilepton::EE => "e+e-",
        }
    }

    /// Daughter mass in GeV.
    #[must_use]
    pub fn daughter_mass(self) -> f64 {
        match self {
            Dilepton::MuMu => MUON.mass,
            Dilepton::EE => ELECTRON.mass,
        }
    }
}

/// A beam-dump preset (TOML, `kind = "beam-dump"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DumpPreset {
    /// Must be "beam-dump".
    pub kind: String,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Publication the preset reproduces.
    pub reference: String,
    /// Name of a shipped geometry or a path to a geometry TOML.
    pub geometry: String,
    /// Proton beam energy in GeV.
    pub beam_energy_gev: f64,
    /// Protons on target.
    pub protons_on_target: f64,
    /// The FIP model and its coupling vector (`[model]`, default: the dark
    /// photon).
    #[serde(default)]
    pub model: Option<ModelSpec>,
    /// Selected final state: a decay-channel name of the model ("mu+mu-",
    /// "e+e-" for the dark photon; e.g. "mu- pi+" for an HNL) or
    /// "two-track" (every channel with exactly two charged daughters).
    pub decay: String,
    /// Production channels (default: all of the model's).
    #[serde(default)]
    pub channels: Option<Vec<String>>,
    /// Counting-experiment inputs.
    pub statistics: crate::experiment::preset::Statistics,
    /// Default grid.
    pub scan: crate::experiment::preset::Scan,
    /// Source calls per channel and mass.
    pub events_per_channel: usize,
    /// Master seed.
    pub seed: u64,
    /// Overall efficiency of what the acceptance Monte Carlo does not model
    /// (trigger, track quality and timing, muon/electron identification,
    /// veto losses), multiplying every yield; 1 (the default) is the
    /// idealised geometric acceptance with momentum and pointing cuts.
    #[serde(default = "unit_efficiency")]
    pub signal_efficiency: f64,
    /// Multiply charm and beauty parent yields by the thick-target cascade
    /// enhancement (SHiP's ×2.3 charm, ×1.7 beauty; unverified secondary
    /// quotes, see `production::heavy_flavour`). Default false.
    #[serde(default)]
    pub heavy_flavour_cascade: bool,
}

fn unit_efficiency() -> f64 {
    1.0
}

/// The shipped beam-dump presets: (name, TOML text).
pub const DUMP_PRESETS: &[(&str, &str)] = &[
    (
        "na62-dump-mumu-2021",
        include_str!("../../presets/na62-dump-mumu-2021.toml"),
    ),
    (
        "na62-dump-ee-2021",
        include_str!("../../presets/na62-dump-ee-2021.toml"),
    ),
    (
        "na62-dump-1e18",
        include_str!("../../presets/na62-dump-1e18.toml"),
    ),
    (
        "na62-dump-hnl-1e18",
        include_str!("../../presets/na62-dump-hnl-1e18.toml"),
    ),
    (
        "na62-dump-scalar-1e18",
        include_str!("../../presets/na62-dump-scalar-1e18.toml"),
    ),
    (
        "na62-dump-alp-gamma-1e18",
        include_str!("../../presets/na62-dump-alp-gamma-1e18.toml"),
    ),
    (
        "na62-dump-alp-ee-2021",
        include_str!("../../presets/na62-dump-alp-ee-2021.toml"),
    ),
];

/// Parses and validates a beam-dump preset.
pub fn parse_preset(text: &str, source_name: &str) -> Result<DumpPreset, DumpPresetError> {
    let p: DumpPreset = from_toml(text, source_name)?;
    let bad = |key: &'static str, value: String, reason: &str| {
        ConfigError::invalid(source_name, key, value, reason)
    };
    ConfigError::check_kind(source_name, &p.kind, "beam-dump")?;
    for (key, v) in [
        ("beam_energy_gev", p.beam_energy_gev),
        ("protons_on_target", p.protons_on_target),
        ("scan.mass_min_gev", p.scan.mass_min_gev),
        ("scan.coupling_min", p.scan.coupling_min),
    ] {
        if !(v.is_finite() && v > 0.0) {
            return Err(bad(key, v.to_string(), "must be a finite positive number"));
        }
    }
    let spec = p.model_spec();
    let fip = spec
        .fip()
        .map_err(|e| bad("model", spec.name().into(), &e.to_string()))?;
    if !p.decay_is_known(fip.as_ref()) {
        let reason = match spec {
            ModelSpec::DarkPhoton { .. } => "expected \"mu+mu-\" or \"e+e-\"".to_string(),
            _ => format!(
                "expected \"two-track\" or a decay channel of the {} model",
                spec.name()
            ),
        };
        return Err(bad("decay", format!("'{}'", p.decay), &reason));
    }
    if let Some(names) = &p.channels
        && let Some(n) = names
            .iter()
            .find(|n| dump_sources::check_channel_names(&spec, std::slice::from_ref(n)).is_err())
    {
        return Err(bad(
            "channels",
            format!("'{n}'"),
            &format!(
                "unknown channel; known: {}",
                dump_sources::channel_names(&spec).join(", ")
            ),
        ));
    }
    if !(p.signal_efficiency > 0.0 && p.signal_efficiency <= 1.0) {
        return Err(bad(
            "signal_efficiency",
            p.signal_efficiency.to_string(),
            "must be in (0, 1]",
        ));
    }
    if p.events_per_channel == 0 {
        return Err(bad("events_per_channel", "0".into(), "must be at least 1"));
    }
    if dump_geometry::load(&p.geometry).is_err() {
        return Err(bad(
            "geometry",
            format!("'{}'", p.geometry),
            "not a shipped geometry or readable file",
        ));
    }
    super::bounds::check_dump_preset(source_name, &p)?;
    Ok(p)
}

impl DumpPreset {
    /// The model (the dark photon when the preset has no `[model]` table).
    #[must_use]
    pub fn model_spec(&self) -> ModelSpec {
        self.model.clone().unwrap_or_default()
    }

    /// The selected final state when it is a dark-photon lepton pair.
    #[must_use]
    pub fn dilepton(&self) -> Option<Dilepton> {
        if !matches!(self.model_spec(), ModelSpec::DarkPhoton { .. }) {
            return None;
        }
        match self.decay.as_str() {
            "mu+mu-" => Some(Dilepton::MuMu),
            "e+e-" => Some(Dilepton::EE),
            _ => None,
        }
    }

    /// Whether `decay` names something the model can select: "two-track",
    /// or a channel of its decay table somewhere on the scan's mass range
    /// (a dark photon selects "mu+mu-" or "e+e-").
    fn decay_is_known(&self, fip: &dyn Fip) -> bool {
        if matches!(self.model_spec(), ModelSpec::DarkPhoton { .. }) {
            return self.dilepton().is_some();
        }
        if self.decay == "two-track" {
            return true;
        }
        let (lo, hi) = (
            self.scan.mass_min_gev,
            self.scan.mass_max_gev.max(self.scan.mass_min_gev),
        );
        crate::reach::log_space(lo, hi, 24).iter().any(|&m| {
            fip.decays(m)
                .is_ok_and(|t| t.channels.iter().any(|c| c.name == self.decay))
        })
    }

    /// The dark-photon production channels (all by default); the error
    /// names the unknown one. For other models see
    /// [`dump_sources::channel_names`].
    pub fn resolved_channels(&self) -> Result<Vec<Channel>, String> {
        match &self.channels {
            None => Ok(Channel::all()),
            Some(names) => names
                .iter()
                .map(|n| Channel::from_name(n).ok_or_else(|| format!("'{n}'")))
                .collect(),
        }
    }
}

/// Whether a search selecting `decay` ("two-track" or a channel name)
/// counts decays through `channel`.
#[must_use]
pub fn selects(decay: &str, channel: &DecayChannel) -> bool {
    if decay == "two-track" {
        channel.charged_daughters() == 2 && (2..=3).contains(&channel.daughters.len())
    } else {
        channel.name == decay
    }
}

/// One mass point of a beam-dump search: the model's decay table, the
/// selected channels and the acceptance sample of every production source.
#[derive(Debug, Clone)]
pub struct DumpMassPoint {
    /// FIP mass (GeV).
    pub mass: f64,
    /// Decay table at coupling scale g = 1.
    pub decays: DecayTable,
    /// Names of the selected decay channels that are open.
    pub selected: Vec<String>,
    /// (source name, its acceptance sample; weights in FIPs per beam
    /// particle at g = 1).
    pub sources: Vec<(String, AcceptanceSample)>,
    /// The samples prepared for re-weighting, built once (same order).
    prepared: Vec<PreparedSample>,
}

impl std::fmt::Debug for PreparedSample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PreparedSample")
    }
}

/// Samples every source at one mass: `events` trials each, the random
/// stream of source s being [`source_seed`]`(mass_seed, name of s)`, so the
/// result depends neither on the thread count nor on the other sources.
/// Below the threshold of every selected channel the samples are empty (no
/// sensitivity).
pub fn sample_point(
    geometry: &DumpGeometry,
    model: &dyn Fip,
    decay: &str,
    sources: &[Box<dyn FipSource>],
    mass: f64,
    events: usize,
    mass_seed: u64,
) -> Result<DumpMassPoint, ModelError> {
    let decays = model.decays(mass)?;
    let chosen: Vec<DecayChannel> = decays
        .channels
        .iter()
        .filter(|c| selects(decay, c))
        .cloned()
        .collect();
    let states = FinalStates::new(chosen);
    let samples: Vec<(String, AcceptanceSample)> = sources
        .iter()
        .map(|src| {
            let sample = match &states {
                Some(st) => build_sample_par_states(
                    events,
                    source_seed(mass_seed, src.name()),
                    mass,
                    st,
                    geometry,
                    |rng| src.sample(rng),
                ),
                None => AcceptanceSample::new(mass, 0.0, geometry.sampling.decay_points),
            };
            (src.name().to_string(), sample)
        })
        .collect();
    let prepared = samples
        .iter()
        .map(|(_, s)| PreparedSample::new(s))
        .collect();
    Ok(DumpMassPoint {
        mass,
        prepared,
        selected: states
            .map(|st| st.channels().iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default(),
        decays,
        sources: samples,
    })
}

/// Expected selected signal per beam particle, per sample, at `couplings`:
/// `result[s][j] = g_j^p · BR_sel(g_j) · Σ_i w_i P_i(cτ(g_j))` (see
/// [`crate::mc::reweight`] for P_i).
///
/// When every width scales with the coupling, BR_sel is taken at g = 1 and
/// cτ(g) = cτ(1)/g^p (one decay-table evaluation for the whole grid);
/// otherwise both are evaluated at each g.
#[must_use]
pub fn signal_from_samples<'a>(
    decays: &DecayTable,
    selected: &[String],
    samples: impl Iterator<Item = &'a AcceptanceSample>,
    couplings: &[f64],
) -> Vec<Vec<f64>> {
    let prepared: Vec<PreparedSample> = samples.map(PreparedSample::new).collect();
    signal_from_prepared(decays, selected, &prepared, couplings)
}

/// [`signal_from_samples`] on samples prepared once for re-weighting.
#[must_use]
pub fn signal_from_prepared(
    decays: &DecayTable,
    selected: &[String],
    prepared: &[PreparedSample],
    couplings: &[f64],
) -> Vec<Vec<f64>> {
    let sel = |c: &DecayChannel| selected.contains(&c.name);
    let (brs, ctaus): (Vec<f64>, Vec<f64>) = if decays.branching_ratios_are_coupling_independent() {
        let br = decays.branching_ratio_where(1.0, sel);
        let ctau1 = decays.ctau_m(1.0);
        couplings
            .iter()
            .map(|&g| (br, ctau1 / decays.scale(g)))
            .unzip()
    } else {
        couplings
            .iter()
            .map(|&g| (decays.branching_ratio_where(g, sel), decays.ctau_m(g)))
            .unzip()
    };
    prepared
        .iter()
        .map(|p| {
            expected_fractions_prepared(p, &ctaus)
                .into_iter()
                .zip(couplings)
                .zip(&brs)
                .map(|((f, &g), &br)| decays.scale(g) * br * f)
                .collect()
        })
        .collect()
}

/// A mass point scaled to selected events (POT × efficiency).
struct NormalisedPoint {
    point: DumpMassPoint,
    norm: f64,
}

impl crate::reach::MassPoint for NormalisedPoint {
    fn signal_by_channel(&self, couplings: &[f64]) -> Vec<Vec<f64>> {
        self.point
            .signal_per_beam_particle(couplings)
            .into_iter()
            .map(|row| row.into_iter().map(|v| v * self.norm).collect())
            .collect()
    }
}

impl DumpMassPoint {
    /// Expected selected signal per beam particle, per source:
    /// `result[s][j]` for source s at `couplings[j]`.
    #[must_use]
    pub fn signal_per_beam_particle(&self, couplings: &[f64]) -> Vec<Vec<f64>> {
        signal_from_prepared(&self.decays, &self.selected, &self.prepared, couplings)
    }
}

/// The per-mass acceptance samples of all channels.
#[derive(Debug, Clone)]
pub struct MassSamples {
    /// A′ mass in GeV.
    pub mass: f64,
    /// (channel, its acceptance sample; weights in A′ per POT at ε = 1).
    pub channels: Vec<(Channel, AcceptanceSample)>,
}

/// Samples every dark-photon channel at one mass ([`sample_point`] for the
/// dark photon decaying to `dilepton`). Streams: [`source_seed`]`(seed,
/// channel name)`, so results do not depend on the thread count.
#[must_use]
pub fn sample_mass(
    geometry: &DumpGeometry,
    beam_energy: f64,
    dilepton: Dilepton,
    channels: &[Channel],
    mass: f64,
    events: usize,
    seed: u64,
) -> MassSamples {
    let sources: Vec<Box<dyn FipSource>> = channels
        .iter()
        .map(|c| c.source(beam_energy, mass))
        .collect();
    let out = match sample_point(
        geometry,
        &DarkPhotonModel::default(),
        dilepton.name(),
        &sources,
        mass,
        events,
        seed,
    ) {
        Ok(p) => p.sources.into_iter().map(|(_, s)| s).collect(),
        Err(_) => vec![AcceptanceSample::default(); channels.len()],
    };
    MassSamples {
        mass,
        channels: channels.iter().copied().zip(out).collect(),
    }
}

/// Expected signal per POT at the given couplings, per channel:
/// `result[c][j]` for channel c and coupling `couplings[j]`
/// ([`signal_from_samples`] for the dark photon).
#[must_use]
pub fn signal_per_pot(
    samples: &MassSamples,
    dilepton: Dilepton,
    couplings: &[f64],
) -> Vec<Vec<f64>> {
    match DarkPhotonModel::default().decays(samples.mass) {
        Ok(t) => signal_from_samples(
            &t,
            &[dilepton.name().to_string()],
            samples.channels.iter().map(|(_, s)| s),
            couplings,
        ),
        Err(_) => vec![vec![0.0; couplings.len()]; samples.channels.len()],
    }
}

/// Beam-dump reach: the excluded coupling intervals (an island: lower and
/// upper edge) per mass, for the preset's model, final state and sources.
///
/// `opts.masses`, `exposure`, `observed`, `background(_error)`, `method` and
/// `cl` override the preset; `progress` is called with the number of
/// finished masses. Masses below the threshold of the selected final state
/// have no sensitivity (no excluded interval), they are not an error.
pub fn run_beam_dump(
    label: &str,
    preset: &DumpPreset,
    opts: &crate::reach::ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<crate::reach::ReachResult, crate::reach::ReachError> {
    use crate::reach::{
        Plane, ReachError, ReachResult, YieldGrid, scan_masses, signal_upper_limits,
    };
    if opts.plane != Plane::Epsilon {
        return Err(ReachError::Preset(
            "the y plane applies to invisible decays only".into(),
        ));
    }
    let geometry =
        dump_geometry::load(&preset.geometry).map_err(|e| ReachError::Preset(e.to_string()))?;
    let spec = preset.model_spec();
    let model = spec
        .fip()
        .map_err(|e| ReachError::Preset(format!("model: {e}")))?;
    let pot = opts.exposure.unwrap_or(preset.protons_on_target);
    if !(pot.is_finite() && pot > 0.0) {
        return Err(ReachError::InvalidExposure(pot));
    }
    // Selected signal events per POT-normalised yield.
    let norm = pot * preset.signal_efficiency;
    let masses = scan_masses(&preset.scan, opts);
    let n_ul_by_mass = signal_upper_limits(&preset.statistics, opts, &masses)?;
    // The limit far from every listed event (an infinitely heavy hypothesis
    // has none in its window); the global one when no event masses are given.
    let n_ul = signal_upper_limits(&preset.statistics, opts, &[f64::INFINITY])?[0];
    for &m in &masses {
        if !(m.is_finite() && m > 0.0 && m < preset.beam_energy_gev) {
            return Err(ReachError::InvalidMass {
                mass: m,
                beam: preset.beam_energy_gev,
            });
        }
    }
    let source_names: Vec<String> = match &preset.channels {
        Some(n) => n.clone(),
        None => dump_sources::channel_names(&spec)
            .into_iter()
            .map(String::from)
            .collect(),
    };
    let couplings = preset.scan.couplings();
    let norm_point = |point: DumpMassPoint| NormalisedPoint { point, norm };
    let cache = crate::reach::open_resume_for(opts, "beam-dump", preset)?;
    let per_mass = crate::reach::scan_grid_resumable(
        &masses,
        &couplings,
        &n_ul_by_mass,
        |i, m| {
            let seed = preset.seed ^ ((i as u64 + 1) << 32);
            let beam = DumpBeam {
                energy_gev: preset.beam_energy_gev,
                heavy_flavour_cascade: preset.heavy_flavour_cascade,
            };
            let sources = proton_dump_sources(&spec, Some(&source_names), beam, m)
                .map_err(ReachError::Preset)?;
            sample_point(
                &geometry,
                model.as_ref(),
                &preset.decay,
                &sources,
                m,
                preset.events_per_channel,
                seed,
            )
            .map(norm_point)
            .map_err(|e| ReachError::Preset(format!("model at {m} GeV: {e}")))
        },
        progress,
        cache.as_ref(),
    )?;
    let mut limits = Vec::with_capacity(masses.len());
    let mut totals = Vec::with_capacity(masses.len());
    let mut by_channel: Vec<Vec<Vec<f64>>> = vec![Vec::new(); source_names.len()];
    for (limit, total, per_channel) in per_mass {
        limits.push(limit);
        totals.push(total);
        for (c, row) in per_channel.into_iter().enumerate() {
            by_channel[c].push(row);
        }
    }
    Ok(ReachResult {
        preset: label.to_string(),
        model: format!("{} ({})", spec.name(), preset.decay),
        plane: Plane::Epsilon,
        exposure: pot,
        signal_upper_limit: n_ul,
        limits,
        grid: YieldGrid {
            masses,
            couplings,
            signal: totals,
        },
        channels: source_names.into_iter().zip(by_channel).collect(),
        meta: crate::reach::result_meta(
            Plane::Epsilon,
            (&model.coupling_label(), &model.coupling_label()),
            &model.mass_symbol(),
            "POT",
            &preset.statistics,
            opts,
        ),
    })
}

/// The TOML text of a shipped beam-dump preset.
#[must_use]
pub fn preset_text(name: &str) -> Option<&'static str> {
    DUMP_PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
}

/// Loads a beam-dump preset by shipped name or from a file whose top-level
/// `kind` is "beam-dump"; `Ok(None)` means "not a beam-dump preset" (the
/// caller then tries the missing-energy presets).
pub fn load_preset(name_or_path: &str) -> Result<Option<DumpPreset>, DumpPresetError> {
    if let Some(t) = preset_text(name_or_path) {
        return parse_preset(t, name_or_path).map(Some);
    }
    let Ok(text) = std::fs::read_to_string(name_or_path) else {
        return Ok(None);
    };
    let is_dump = text
        .parse::<toml::Table>()
        .ok()
        .and_then(|t| {
            t.get("kind")
                .and_then(|k| k.as_str().map(|k| k == "beam-dump"))
        })
        .unwrap_or(false);
    if is_dump {
        parse_preset(&text, name_or_path).map(Some)
    } else {
        Ok(None)
    }
}
