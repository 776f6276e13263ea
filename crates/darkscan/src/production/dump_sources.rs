//! The production sources of each model in a proton beam dump (400 GeV
//! protons on the NA62 TAX), by name: what a beam-dump preset's `channels`
//! list refers to. This is the one place that maps a model to its
//! production channels; the experiment and Monte Carlo layers see only
//! [`FipSource`]s.
//!
//! - dark photon: `pi0`, `eta`, `eta-prime`, `omega` (light-meson decays,
//!   [`crate::production::meson_decay`]) and `proton-brem`
//!   ([`crate::production::proton_brem`]).

use crate::model::ModelSpec;
use crate::production::meson_decay::MesonChannel;
use crate::production::source::{FipSource, LightMesonSource, ProtonBremSource};
use std::fmt;

/// One way of producing a dark photon in the dump (the dark-photon sources
/// of [`proton_dump_sources`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A light-meson decay.
    Meson(MesonChannel),
    /// Proton bremsstrahlung p N → p N A′.
    ProtonBrem,
}

impl Channel {
    /// All dark-photon channels darkscan models for a proton dump.
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

    /// The source of this channel for an A′ of mass `mass`.
    #[must_use]
    pub fn source(self, beam_energy: f64, mass: f64) -> Box<dyn FipSource> {
        match self {
            Channel::Meson(c) => Box::new(
                LightMesonSource::new(self.name(), c, mass)
                    .expect("every meson channel has a parent in the spectra table"),
            ),
            Channel::ProtonBrem => Box::new(ProtonBremSource { beam_energy, mass }),
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The production-channel names a model has in a proton dump, in their
/// default order.
#[must_use]
pub fn channel_names(spec: &ModelSpec) -> Vec<&'static str> {
    match spec {
        ModelSpec::DarkPhoton { .. } => Channel::all().into_iter().map(Channel::name).collect(),
    }
}

/// Checks a preset's channel list against the model's; the error names the
/// first unknown channel and lists the known ones.
pub fn check_channel_names(spec: &ModelSpec, names: &[String]) -> Result<(), String> {
    let known = channel_names(spec);
    match names.iter().find(|n| !known.contains(&n.as_str())) {
        None => Ok(()),
        Some(n) => Err(format!(
            "unknown {} channel '{n}'; known: {}",
            spec.name(),
            known.join(", ")
        )),
    }
}

/// The sources of `spec` at FIP mass `mass` for a proton beam of
/// `beam_energy` GeV: the named channels, or all of the model's.
pub fn proton_dump_sources(
    spec: &ModelSpec,
    names: Option<&[String]>,
    beam_energy: f64,
    mass: f64,
) -> Result<Vec<Box<dyn FipSource>>, String> {
    if let Some(n) = names {
        check_channel_names(spec, n)?;
    }
    let selected: Vec<&str> = match names {
        Some(n) => n.iter().map(String::as_str).collect(),
        None => channel_names(spec),
    };
    match spec {
        ModelSpec::DarkPhoton { .. } => Ok(selected
            .iter()
            .filter_map(|n| Channel::from_name(n))
            .map(|c| c.source(beam_energy, mass))
            .collect()),
    }
}
