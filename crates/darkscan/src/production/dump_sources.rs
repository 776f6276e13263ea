//! The production sources of each model in a proton beam dump (400 GeV
//! protons on the NA62 TAX), by name: what a beam-dump preset's `channels`
//! list refers to. This is the one place that maps a model to its
//! production channels; the experiment and Monte Carlo layers see only
//! [`FipSource`]s.
//!
//! - dark photon: `pi0`, `eta`, `eta-prime`, `omega` (light-meson decays,
//!   [`crate::production::meson_decay`]) and `proton-brem`
//!   ([`crate::production::proton_brem`]);
//! - HNL: the charm and beauty mesons of the shipped heavy-flavour table,
//!   `D+`, `D-`, `D0`, `D0~`, `D_s+`, `D_s-`, `B+`, `B-`, `B0`, `B0~`, each
//!   decaying through every channel of [`crate::production::hnl`] (leptonic
//!   two-body and semileptonic three-body), and `tau(D_s+)`, `tau(D_s-)`:
//!   τ from D_s → τν followed by τ → N X. B_s and B_c are not produced
//!   (no B_s channel in the HNL production module, no B_c in the table);
//! - ALP (photon coupling): `pi0-primakoff`, `eta-primakoff` — photons of
//!   π⁰, η → γγ in the dump converting to an ALP by the Primakoff effect on
//!   the copper nuclei before they convert to e⁺e⁻ ([`PrimakoffFromMesonPhotons`]);
//! - ALP (fermion coupling g_Y, BC10): `B+`, `B-`, `B0`, `B0~` → K(*) a
//!   through the top loop ([`crate::production::alp_mesons`]), offered only
//!   when g_Y ≠ 0;
//! - dark scalar: `B+`, `B-`, `B0`, `B0~` → K(*) S ([`crate::production::scalar`],
//!   top loop); kaon decays in the dump are not included (the K⁺, K_L
//!   spectra are not tabulated, and most kaons interact before decaying).

use crate::kinematics::{FourVector, Vec3, two_body_decay};
use crate::model::ModelSpec;
use crate::model::hnl::HnlModel;
use crate::model::scalar::ScalarModel;
use crate::numeric::rng::Rng;
use crate::production::hnl;
use crate::production::meson_decay::MesonChannel;
use crate::production::source::{
    DecayModes, ParentDecay, ParentDecaySource, parent_table_with_cascade,
};
use crate::production::source::{FipSource, LightMesonSource, ProtonBremSource};
use crate::units::{D_S, TAU};
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
        ModelSpec::Hnl { .. } => HNL_PARENTS
            .iter()
            .map(|(n, _)| *n)
            .chain(["tau(D_s+)", "tau(D_s-)"])
            .collect(),
        ModelSpec::Scalar { .. } => SCALAR_PARENTS.iter().map(|(n, _)| *n).collect(),
        // B → K(*)a needs the fermion coupling g_Y (the only one inducing it
        // here): an ALP without it has the Primakoff sources only.
        ModelSpec::Alp { g_y, .. } => ["pi0-primakoff", "eta-primakoff"]
            .into_iter()
            .chain(ALP_PARENTS.iter().filter(|_| *g_y != 0.0).map(|(n, _)| *n))
            .collect(),
        // No proton-dump production modelled for the B−L Z′ (electron beams only).
        ModelSpec::BMinusL { .. } => Vec::new(),
        ModelSpec::LmuLtau {} => Vec::new(),
    }
}

/// The B-meson parents of ALPs in the dump (B → K(*)a through the BC10 top
/// loop, [`crate::production::alp_mesons`]): (name, PDG id).
const ALP_PARENTS: [(&str, i32); 4] = [("B+", 521), ("B-", -521), ("B0", 511), ("B0~", -511)];

/// ALPs from the photons of light-meson decays in the dump, by Primakoff
/// conversion γN → aN on the dump nuclei.
///
/// Per trial: a π⁰ or η from the shipped spectrum, its γγ decay
/// (isotropic), one of the two photons (weight ×2); the ALP takes the
/// photon's energy and direction (coherent, no recoil; the Primakoff angle,
/// ≲ m_a²/2E² and the screening scale 1/(aE) ≲ 10⁻⁴, is negligible against
/// the ≈ 10 mrad acceptance). The probability that the photon makes an ALP
/// before it converts is P = σ_P(E) · n X₀ · 9/7, with n X₀ the nuclei per
/// cm² in one radiation length and 9X₀/7 the photon's mean free path to pair
/// conversion (PDG RPP §34.4.2). Photons of the secondary shower are not
/// followed (a conservative approximation). σ_P is tabulated once per mass
/// on 64 log-spaced energies and interpolated linearly in ln E.
pub struct PrimakoffFromMesonPhotons {
    name: &'static str,
    meson: crate::production::spectra::Meson,
    mass: f64,
    /// Multiplicity × BR(γγ) × 2 × n X₀ · 9/7 (cm⁻²).
    scale: f64,
    /// (ln E, σ in cm²) at the model's g_aγγ.
    sigma: Vec<(f64, f64)>,
}

impl PrimakoffFromMesonPhotons {
    /// The source for `meson` in a dump of `material`, ALP mass `mass`,
    /// photon coupling `g_agg` (GeV⁻¹), up to the beam energy.
    #[must_use]
    pub fn new(
        name: &'static str,
        meson: crate::production::spectra::Meson,
        mass: f64,
        g_agg: f64,
        material: &crate::experiment::material::Material,
        beam_energy: f64,
    ) -> Self {
        use crate::production::meson_decay::{BR_ETA_GAMMA_GAMMA, BR_PI0_GAMMA_GAMMA};
        let br = match meson {
            crate::production::spectra::Meson::Pi0 => BR_PI0_GAMMA_GAMMA,
            crate::production::spectra::Meson::Eta => BR_ETA_GAMMA_GAMMA,
            _ => 0.0,
        };
        let mult = crate::production::spectra::MesonSpectrum::get(meson).multiplicity;
        let scale = mult * br * 2.0 * material.nuclei_per_x0_cm2 * 9.0 / 7.0;
        let (lo, hi) = ((mass * 1.0001).max(1e-3).ln(), beam_energy.ln());
        let n = 64;
        let sigma = (0..n)
            .map(|i| {
                let le = lo + (hi - lo) * i as f64 / (n - 1) as f64;
                let s = crate::production::primakoff::sigma_primakoff(
                    le.exp(),
                    mass,
                    g_agg,
                    material.z,
                    material.a,
                );
                (le, s * crate::units::HBARC2_GEV2_CM2)
            })
            .collect();
        Self {
            name,
            meson,
            mass,
            scale,
            sigma,
        }
    }

    fn sigma_cm2(&self, e: f64) -> f64 {
        let le = e.ln();
        let t = &self.sigma;
        if t.is_empty() || le < t[0].0 || le > t[t.len() - 1].0 {
            return 0.0;
        }
        let i = t.partition_point(|p| p.0 <= le).clamp(1, t.len() - 1);
        let ((x0, y0), (x1, y1)) = (t[i - 1], t[i]);
        y0 + (y1 - y0) * (le - x0) / (x1 - x0)
    }
}

impl FipSource for PrimakoffFromMesonPhotons {
    fn name(&self) -> &str {
        self.name
    }
    fn sample(&self, rng: &mut Rng) -> Option<(FourVector, f64)> {
        if self.scale <= 0.0 {
            return None;
        }
        let spec = crate::production::spectra::MesonSpectrum::get(self.meson);
        let (p, theta) = spec.sample(rng);
        let phi = std::f64::consts::TAU * rng.uniform();
        let dir = Vec3::new(
            theta.sin() * phi.cos(),
            theta.sin() * phi.sin(),
            theta.cos(),
        );
        let parent = FourVector::from_mass_momentum(self.meson.mass(), dir * p);
        let (g1, g2) = two_body_decay(parent, 0.0, 0.0, rng.uniform(), rng.uniform())?;
        let photon = if rng.uniform() < 0.5 { g1 } else { g2 };
        let e = photon.e;
        if e <= self.mass {
            return None;
        }
        let w = self.scale * self.sigma_cm2(e);
        if w <= 0.0 {
            return None;
        }
        let pa = (e * e - self.mass * self.mass).sqrt();
        Some((
            FourVector::from_mass_momentum(self.mass, photon.p.unit() * pa),
            w,
        ))
    }
}

/// The B-meson parents of dark scalars in the dump: (name, PDG id).
const SCALAR_PARENTS: [(&str, i32); 4] = [("B+", 521), ("B-", -521), ("B0", 511), ("B0~", -511)];

/// The heavy-meson parents of HNLs in the dump: (name, PDG id).
const HNL_PARENTS: [(&str, i32); 10] = [
    ("D+", 411),
    ("D-", -411),
    ("D0", 421),
    ("D0~", -421),
    ("D_s+", 431),
    ("D_s-", -431),
    ("B+", 521),
    ("B-", -521),
    ("B0", 511),
    ("B0~", -511),
];

/// BR(D_s⁺ → τ⁺ν) = (5.36 ± 0.10) %, PDG 2024 (S. Navas et al., PRD 110
/// (2024) 030001).
pub const BR_DS_TAU_NU: f64 = 0.0536;

/// The decay modes of `parent_pdg` into an HNL of mass `mass` for the
/// coupling vector `model`, as [`ParentDecay`]s (BR and recoil masses).
fn hnl_modes(parent_pdg: i32, mass: f64, model: &HnlModel) -> Vec<ParentDecay> {
    hnl::channels(parent_pdg, mass, model)
        .map(|chs| chs.iter().map(|c| c.as_parent_decay()).collect())
        .unwrap_or_default()
}

/// HNLs from τ leptons of D_s → τν decays: per trial a D_s from the table,
/// D_s → τν (isotropic), and τ → N X (two-body, or three-body in flat phase
/// space) at the D_s vertex (cτ_τ = 87 μm is negligible against the 100 m
/// flight). Weight = D_s per POT × BR(D_s → τν) × Σ BR(τ → N X).
struct TauFromDs {
    name: &'static str,
    ds_spectrum: &'static dyn crate::production::source::ParentSpectrum,
    weight: f64,
    mass: f64,
    modes: DecayModes,
}

impl TauFromDs {
    fn new(
        name: &'static str,
        ds_pdg: i32,
        mass: f64,
        model: &HnlModel,
        cascade: bool,
    ) -> Option<Self> {
        let (_, ds_per_pot, ds_spectrum) = parent_table_with_cascade(ds_pdg, cascade)?;
        // τ⁺ from D_s⁺: the τ⁺ decays give the conjugate channels of τ⁻ (15).
        let tau_pdg = if ds_pdg > 0 { -15 } else { 15 };
        let modes = DecayModes::new(TAU.mass, mass, hnl_modes(tau_pdg, mass, model));
        Some(Self {
            name,
            ds_spectrum,
            weight: ds_per_pot * BR_DS_TAU_NU * modes.total_branching_ratio(),
            mass,
            modes,
        })
    }
}

impl crate::production::source::FipSource for TauFromDs {
    fn name(&self) -> &str {
        self.name
    }
    fn sample(&self, rng: &mut Rng) -> Option<(FourVector, f64)> {
        if self.modes.is_empty() || self.weight <= 0.0 {
            return None;
        }
        let (p, theta) = self.ds_spectrum.sample_p_theta(rng);
        let phi = std::f64::consts::TAU * rng.uniform();
        let dir = Vec3::new(
            theta.sin() * phi.cos(),
            theta.sin() * phi.sin(),
            theta.cos(),
        );
        let ds = FourVector::from_mass_momentum(D_S.mass, dir * p);
        let (tau, _) = two_body_decay(ds, TAU.mass, 0.0, rng.uniform(), rng.uniform())?;
        let n = self.modes.decay(tau, TAU.mass, self.mass, rng)?;
        Some((n, self.weight))
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

/// How the dump makes parents: the proton beam energy and whether heavy
/// hadrons get the cascade enhancement of the thick target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DumpBeam {
    /// Proton beam energy (GeV).
    pub energy_gev: f64,
    /// Multiply charm and beauty yields by their cascade enhancement
    /// ([`crate::production::source::parent_table_with_cascade`]).
    pub heavy_flavour_cascade: bool,
}

/// The sources of `spec` at FIP mass `mass` in a proton dump: the named
/// channels, or all of the model's.
pub fn proton_dump_sources(
    spec: &ModelSpec,
    names: Option<&[String]>,
    beam: DumpBeam,
    mass: f64,
) -> Result<Vec<Box<dyn FipSource>>, String> {
    let beam_energy = beam.energy_gev;
    let cascade = beam.heavy_flavour_cascade;
    if let Some(n) = names {
        check_channel_names(spec, n)?;
    }
    let selected: Vec<&str> = match names {
        Some(n) => n.iter().map(String::as_str).collect(),
        None => channel_names(spec),
    };
    match spec {
        ModelSpec::BMinusL { .. } => Err(
            "b-minus-l: no proton-dump production is modelled (missing-energy presets only)".into(),
        ),
        ModelSpec::LmuLtau {} => Err(
            "the Lmu-Ltau Z' has no proton-dump production source (it does not couple to quarks)"
                .into(),
        ),
        ModelSpec::DarkPhoton { .. } => Ok(selected
            .iter()
            .filter_map(|n| Channel::from_name(n))
            .map(|c| c.source(beam_energy, mass))
            .collect()),
        &ModelSpec::Hnl {
            ue2,
            umu2,
            utau2,
            dirac,
        } => {
            let model = HnlModel::new(ue2, umu2, utau2, dirac).map_err(|e| e.to_string())?;
            let mut out: Vec<Box<dyn FipSource>> = Vec::new();
            for name in selected {
                if let Some(&(_, pdg)) = HNL_PARENTS.iter().find(|(n, _)| *n == name) {
                    let src = parent_table_with_cascade(pdg, cascade)
                        .and_then(|p| {
                            ParentDecaySource::with_parents(
                                name,
                                p,
                                mass,
                                hnl_modes(pdg, mass, &model),
                            )
                        })
                        .ok_or_else(|| format!("no spectrum for parent {name}"))?;
                    out.push(Box::new(src));
                } else {
                    let (label, ds) = if name == "tau(D_s+)" {
                        ("tau(D_s+)", 431)
                    } else {
                        ("tau(D_s-)", -431)
                    };
                    let src = TauFromDs::new(label, ds, mass, &model, cascade)
                        .ok_or_else(|| format!("no spectrum for {name}"))?;
                    out.push(Box::new(src));
                }
            }
            Ok(out)
        }
        ModelSpec::Alp { g_agg, .. } => {
            let material = crate::experiment::material::copper();
            let model = spec
                .alp()
                .expect("an ALP spec")
                .map_err(|e| e.to_string())?;
            selected
                .iter()
                .map(|&name| {
                    if let Some(&(_, pdg)) = ALP_PARENTS.iter().find(|(n, _)| *n == name) {
                        let modes = crate::production::alp_mesons::channels(pdg, mass, &model)
                            .map(|chs| chs.iter().map(|c| c.as_parent_decay()).collect())
                            .unwrap_or_default();
                        let src = parent_table_with_cascade(pdg, cascade)
                            .and_then(|p| ParentDecaySource::with_parents(name, p, mass, modes))
                            .ok_or_else(|| format!("no spectrum for parent {name}"))?;
                        return Ok(Box::new(src) as Box<dyn FipSource>);
                    }
                    let meson = match name {
                        "pi0-primakoff" => crate::production::spectra::Meson::Pi0,
                        "eta-primakoff" => crate::production::spectra::Meson::Eta,
                        other => return Err(format!("unknown ALP source {other}")),
                    };
                    let src = PrimakoffFromMesonPhotons::new(
                        if meson == crate::production::spectra::Meson::Pi0 {
                            "pi0-primakoff"
                        } else {
                            "eta-primakoff"
                        },
                        meson,
                        mass,
                        *g_agg,
                        &material,
                        beam_energy,
                    );
                    Ok(Box::new(src) as Box<dyn FipSource>)
                })
                .collect()
        }
        &ModelSpec::Scalar { theta2 } => {
            let model = ScalarModel::new(theta2).map_err(|e| e.to_string())?;
            selected
                .iter()
                .map(|&name| {
                    let pdg = SCALAR_PARENTS
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|&(_, p)| p)
                        .ok_or_else(|| format!("unknown scalar parent {name}"))?;
                    let modes = crate::production::scalar::channels(pdg, mass, &model)
                        .map(|chs| chs.iter().map(|c| c.as_parent_decay()).collect())
                        .unwrap_or_default();
                    let src = parent_table_with_cascade(pdg, cascade)
                        .and_then(|p| ParentDecaySource::with_parents(name, p, mass, modes))
                        .ok_or_else(|| format!("no spectrum for parent {name}"))?;
                    Ok(Box::new(src) as Box<dyn FipSource>)
                })
                .collect()
        }
    }
}
