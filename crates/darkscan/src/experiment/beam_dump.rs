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
use crate::kinematics::{FourVector, Vec3};
use crate::mc::acceptance::{AcceptanceSample, build_sample_par};
use crate::mc::reweight::expected_fractions;
use crate::model::dark_photon::DarkPhoton;
use crate::numeric::rng::Rng;
use crate::production::meson_decay::MesonChannel;
use crate::production::proton_brem;
use crate::production::spectra::{Meson, MesonSpectrum};
use crate::units::{ELECTRON, MUON};
use rayon::prelude::*;
use serde::Deserialize;
use std::fmt;

/// Why a beam-dump preset could not be used (the shared configuration error).
pub type DumpPresetError = ConfigError;

/// One way of producing the A′ in the dump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A light-meson decay.
    Meson(MesonChannel),
    /// Proton bremsstrahlung p N → p N A′.
    ProtonBrem,
}

impl Channel {
    /// All channels darkscan models for a proton dump.
    #[must_use]
    pub fn all() -> Vec<Channel> {
        let mut v: Vec<Channel> = MesonChannel::ALL
            .iter()
            .map(|&c| Channel::Meson(c))
            .collect();
        v.push(Channel::ProtonBrem);
        v
    }

    /// Short name used in presets and outputs.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Channel::Meson(MesonChannel::Pi0Gamma) => "pi0",
            Channel::Meson(MesonChannel::EtaGamma) => "eta",
            Channel::Meson(MesonChannel::EtaPrimeGamma) => "eta-prime",
            Channel::Meson(MesonChannel::OmegaPi0) => "omega",
            Channel::ProtonBrem => "proton-brem",
        }
    }

    /// Look a channel up by its short name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Channel> {
        Channel::all().into_iter().find(|c| c.name() == name)
    }

    fn parent_meson(self) -> Option<Meson> {
        match self {
            Channel::Meson(c) => Meson::ALL
                .iter()
                .copied()
                .find(|m| m.pdg_id() == c.parent_pdg_id()),
            Channel::ProtonBrem => None,
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The final state the search selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dilepton {
    /// A′ → μ⁺μ⁻.
    MuMu,
    /// A′ → e⁺e⁻.
    EE,
}

impl Dilepton {
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
    /// Final state: "mu+mu-" or "e+e-".
    pub decay: String,
    /// Production channels (default: all).
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
];

/// Parses and validates a beam-dump preset.
pub fn parse_preset(text: &str, source_name: &str) -> Result<DumpPreset, DumpPresetError> {
    let p: DumpPreset = from_toml(text, source_name)?;
    let bad = |key: &'static str, value: String, reason: &str| {
        ConfigError::invalid(source_name, key, value, reason)
    };
    if p.kind != "beam-dump" {
        return Err(bad(
            "kind",
            format!("'{}'", p.kind),
            "expected \"beam-dump\"",
        ));
    }
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
    if p.dilepton().is_none() {
        return Err(bad(
            "decay",
            format!("'{}'", p.decay),
            "expected \"mu+mu-\" or \"e+e-\"",
        ));
    }
    if let Err(e) = p.resolved_channels() {
        return Err(bad(
            "channels",
            e,
            "unknown channel; known: pi0, eta, eta-prime, omega, proton-brem",
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
    /// The selected final state.
    #[must_use]
    pub fn dilepton(&self) -> Option<Dilepton> {
        match self.decay.as_str() {
            "mu+mu-" => Some(Dilepton::MuMu),
            "e+e-" => Some(Dilepton::EE),
            _ => None,
        }
    }

    /// The production channels (all by default); the error names the unknown one.
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

/// The per-mass acceptance samples of all channels.
#[derive(Debug, Clone)]
pub struct MassSamples {
    /// A′ mass in GeV.
    pub mass: f64,
    /// (channel, its acceptance sample; weights in A′ per POT at ε = 1).
    pub channels: Vec<(Channel, AcceptanceSample)>,
}

/// Samples every channel at one mass. Streams: seed ⊕ (mass index, channel),
/// so results do not depend on the thread count.
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
    let out = channels
        .iter()
        .enumerate()
        .map(|(ci, &ch)| {
            let s = seed ^ (0x9E37_79B9 * (ci as u64 + 1));
            let sample = match (ch, ch.parent_meson()) {
                (Channel::Meson(c), Some(meson)) => {
                    let spec = MesonSpectrum::get(meson);
                    let w = spec.multiplicity * c.branching_ratio(mass);
                    build_sample_par(
                        events,
                        s,
                        mass,
                        dilepton.daughter_mass(),
                        geometry,
                        |rng: &mut Rng| {
                            if w <= 0.0 {
                                return None;
                            }
                            let (p, theta) = spec.sample(rng);
                            let phi = std::f64::consts::TAU * rng.uniform();
                            let dir = Vec3::new(
                                theta.sin() * phi.cos(),
                                theta.sin() * phi.sin(),
                                theta.cos(),
                            );
                            let parent = FourVector::from_mass_momentum(meson.mass(), dir * p);
                            c.decay(parent, mass, rng).map(|a| (a, w))
                        },
                    )
                }
                _ => build_sample_par(
                    events,
                    s,
                    mass,
                    dilepton.daughter_mass(),
                    geometry,
                    |rng: &mut Rng| proton_brem::sample(beam_energy, mass, rng),
                ),
            };
            (ch, sample)
        })
        .collect();
    MassSamples {
        mass,
        channels: out,
    }
}

/// Expected signal per POT at the given couplings, per channel:
/// `result[c][j]` for channel c and coupling `couplings[j]`.
#[must_use]
pub fn signal_per_pot(
    samples: &MassSamples,
    dilepton: Dilepton,
    couplings: &[f64],
) -> Vec<Vec<f64>> {
    let m = samples.mass;
    // BR(A′ → ℓℓ) does not depend on ε; cτ ∝ 1/ε².
    let (br, ctau_eps1) = match DarkPhoton::new(m, 1.0) {
        Ok(a) => {
            let b = a.branching_ratios();
            let br = match dilepton {
                Dilepton::MuMu => b.mumu,
                Dilepton::EE => b.ee,
            };
            (br, a.ctau_m())
        }
        Err(_) => (0.0, f64::INFINITY),
    };
    let ctaus: Vec<f64> = couplings.iter().map(|&e| ctau_eps1 / (e * e)).collect();
    samples
        .channels
        .iter()
        .map(|(_, s)| {
            expected_fractions(s, &ctaus)
                .into_iter()
                .zip(couplings)
                .map(|(f, &e)| e * e * br * f)
                .collect()
        })
        .collect()
}

/// Beam-dump reach: the excluded island (lower and upper ε edge) per mass.
///
/// `opts.masses`, `exposure`, `observed`, `background(_error)`, `method` and
/// `cl` override the preset; `progress` is called with the number of
/// finished masses.
pub fn run_beam_dump(
    label: &str,
    preset: &DumpPreset,
    opts: &crate::reach::ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<crate::reach::ReachResult, crate::reach::ReachError> {
    use crate::reach::{
        MassLimit, Plane, ReachError, ReachResult, YieldGrid, excluded_intervals, log_space,
        scan_masses, signal_upper_limits,
    };
    if opts.plane != Plane::Epsilon {
        return Err(ReachError::Preset(
            "the y plane applies to invisible decays only".into(),
        ));
    }
    let geometry =
        dump_geometry::load(&preset.geometry).map_err(|e| ReachError::Preset(e.to_string()))?;
    let dilepton = preset
        .dilepton()
        .ok_or_else(|| ReachError::Preset("unknown decay".into()))?;
    let channels = preset.resolved_channels().map_err(ReachError::Preset)?;
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
    let threshold = 2.0 * dilepton.daughter_mass();
    for &m in &masses {
        if !(m.is_finite() && m > threshold && m < preset.beam_energy_gev) {
            return Err(ReachError::InvalidMass {
                mass: m,
                beam: preset.beam_energy_gev,
            });
        }
    }
    let couplings = log_space(
        preset.scan.coupling_min,
        preset.scan.coupling_max,
        preset.scan.n_couplings,
    );
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Masses run in parallel; each has its own seed, so the result does not
    // depend on the number of threads.
    let per_mass: Vec<(MassLimit, Vec<f64>, Vec<Vec<f64>>)> = masses
        .par_iter()
        .enumerate()
        .map(|(i, &m)| {
            let seed = preset.seed ^ ((i as u64 + 1) << 32);
            let samples = sample_mass(
                &geometry,
                preset.beam_energy_gev,
                dilepton,
                &channels,
                m,
                preset.events_per_channel,
                seed,
            );
            let per_channel: Vec<Vec<f64>> = signal_per_pot(&samples, dilepton, &couplings)
                .into_iter()
                .map(|row| row.into_iter().map(|v| v * norm).collect())
                .collect();
            let total: Vec<f64> = (0..couplings.len())
                .map(|j| per_channel.iter().map(|c| c[j]).sum::<f64>())
                .collect();
            // Edges refined on the exact re-weighted signal, not the grid.
            let signal = |eps: f64| {
                norm * signal_per_pot(&samples, dilepton, &[eps])
                    .iter()
                    .map(|c| c[0])
                    .sum::<f64>()
            };
            let limit = MassLimit {
                mass: m,
                excluded: excluded_intervals(&couplings, signal, n_ul_by_mass[i]),
                signal_upper_limit: n_ul_by_mass[i],
            };
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
            (limit, total, per_channel)
        })
        .collect();
    let mut limits = Vec::with_capacity(masses.len());
    let mut totals = Vec::with_capacity(masses.len());
    let mut by_channel: Vec<Vec<Vec<f64>>> = vec![Vec::new(); channels.len()];
    for (limit, total, per_channel) in per_mass {
        limits.push(limit);
        totals.push(total);
        for (c, row) in per_channel.into_iter().enumerate() {
            by_channel[c].push(row);
        }
    }
    Ok(ReachResult {
        preset: label.to_string(),
        model: format!("dark-photon ({})", preset.decay),
        plane: Plane::Epsilon,
        exposure: pot,
        signal_upper_limit: n_ul,
        limits,
        grid: YieldGrid {
            masses,
            couplings,
            signal: totals,
        },
        channels: channels
            .iter()
            .map(|c| c.name().to_string())
            .zip(by_channel)
            .collect(),
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
