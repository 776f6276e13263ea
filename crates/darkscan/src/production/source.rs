//! Production sources behind one interface: a parent (a meson from a shipped
//! table, a beam particle) × BR(parent → FIP + X) × the decay kinematics.
//!
//! A [`FipSource`] is built for one FIP mass and model; each call of
//! [`FipSource::sample`] is one trial that returns the FIP's lab
//! four-momentum and its weight, the number of FIPs per beam particle at
//! coupling scale g = 1 carried by the trial (so the mean weight over trials
//! is the yield per beam particle; rates at any g follow as g^p, see
//! [`crate::model::portal`]). The acceptance Monte Carlo
//! ([`crate::mc::acceptance`]) takes any source.
//!
//! Random streams are derived from the source's *name*
//! ([`source_seed`]), so adding or removing a source never changes another
//! source's sample.

use crate::kinematics::{FourVector, Vec3, three_body_phase_space, two_body_decay};
use crate::numeric::rng::Rng;
use crate::production::heavy_flavour::{HeavyFlavourTable, HeavyHadron};
use crate::production::meson_decay::MesonChannel;
use crate::production::proton_brem;
use crate::production::spectra::{Meson, MesonSpectrum};

/// One way of producing a FIP of fixed mass (see the module docs).
pub trait FipSource: Send + Sync {
    /// Name in outputs (`yields_by_channel.csv`) and in the random-stream
    /// key, e.g. "eta", "proton-brem", "Ds+".
    fn name(&self) -> &str;
    /// One trial: the FIP's lab four-momentum and its weight (FIPs per beam
    /// particle at g = 1 carried by this trial), or `None`.
    fn sample(&self, rng: &mut Rng) -> Option<(FourVector, f64)>;
}

/// The stream key of a source name: FNV-1a (64 bit) of the name, except the
/// five dark-photon sources of darkscan's first NA62 version, which keep the
/// keys 1–5 they had by position so that their samples (and every shipped
/// dark-photon result) are unchanged.
#[must_use]
pub fn stream_key(name: &str) -> u64 {
    match name {
        "pi0" => 1,
        "eta" => 2,
        "eta-prime" => 3,
        "omega" => 4,
        "proton-brem" => 5,
        _ => {
            // FNV-1a, 64-bit offset basis and prime (Fowler, Noll, Vo).
            name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            })
        }
    }
}

/// The seed of a source's sample at one mass point: the mass point's seed
/// mixed with the source's [`stream_key`].
#[must_use]
pub fn source_seed(mass_seed: u64, name: &str) -> u64 {
    mass_seed ^ 0x9E37_79B9u64.wrapping_mul(stream_key(name))
}

/// A unit vector at polar angle `theta` and a uniform azimuth.
fn direction(theta: f64, rng: &mut Rng) -> Vec3 {
    let phi = std::f64::consts::TAU * rng.uniform();
    Vec3::new(
        theta.sin() * phi.cos(),
        theta.sin() * phi.sin(),
        theta.cos(),
    )
}

/// A′ from a light-meson decay (π⁰, η, η′ → γA′; ω → π⁰A′), parents from the
/// shipped Pythia table ([`MesonSpectrum`]); weight = multiplicity per POT ×
/// BR(meson → A′ X) at ε = 1.
#[derive(Debug, Clone)]
pub struct LightMesonSource {
    name: &'static str,
    meson: Meson,
    channel: MesonChannel,
    mass: f64,
    weight: f64,
}

impl LightMesonSource {
    /// The source of `channel` for an A′ of mass `mass`.
    #[must_use]
    pub fn new(name: &'static str, channel: MesonChannel, mass: f64) -> Option<Self> {
        let meson = Meson::ALL
            .iter()
            .copied()
            .find(|m| m.pdg_id() == channel.parent_pdg_id())?;
        let weight = MesonSpectrum::get(meson).multiplicity * channel.branching_ratio(mass);
        Some(Self {
            name,
            meson,
            channel,
            mass,
            weight,
        })
    }
}

impl FipSource for LightMesonSource {
    fn name(&self) -> &str {
        self.name
    }
    fn sample(&self, rng: &mut Rng) -> Option<(FourVector, f64)> {
        if self.weight <= 0.0 {
            return None;
        }
        let (p, theta) = MesonSpectrum::get(self.meson).sample(rng);
        let parent = FourVector::from_mass_momentum(self.meson.mass(), direction(theta, rng) * p);
        self.channel
            .decay(parent, self.mass, rng)
            .map(|a| (a, self.weight))
    }
}

/// A′ from proton bremsstrahlung p N → p N A′
/// ([`proton_brem::sample`], Blümlein–Brunner with a time-like form factor).
#[derive(Debug, Clone)]
pub struct ProtonBremSource {
    /// Proton beam energy (GeV).
    pub beam_energy: f64,
    /// A′ mass (GeV).
    pub mass: f64,
}

impl FipSource for ProtonBremSource {
    fn name(&self) -> &str {
        "proton-brem"
    }
    fn sample(&self, rng: &mut Rng) -> Option<(FourVector, f64)> {
        proton_brem::sample(self.beam_energy, self.mass, rng)
    }
}

/// One production channel of a FIP in a parent decay, parent → FIP + recoil,
/// at a model's coupling vector (g = 1): what every model's production
/// module (`production::hnl`, `production::scalar`) returns.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProductionChannel {
    /// e.g. "K+ -> mu+ N", "B+ -> K+ S".
    pub name: String,
    /// PDG number of the parent.
    pub parent_pdg: i32,
    /// BR(parent → FIP + recoil) at the model's couplings (g = 1).
    pub branching_ratio: f64,
    /// The other final-state particles, for kinematics.
    pub recoil: Vec<crate::model::Daughter>,
}

impl ProductionChannel {
    /// The channel as a decay mode of its parent (BR and recoil masses).
    #[must_use]
    pub fn as_parent_decay(&self) -> ParentDecay {
        ParentDecay {
            branching_ratio: self.branching_ratio,
            recoil_masses: self.recoil.iter().map(|d| d.mass).collect(),
        }
    }
}

/// One decay mode of a parent that yields the FIP: its branching ratio
/// (at g = 1) and the masses of the other final-state particles.
#[derive(Debug, Clone, PartialEq)]
pub struct ParentDecay {
    /// BR(parent → FIP + recoil) at g = 1.
    pub branching_ratio: f64,
    /// Masses (GeV) of the recoiling particles: one (two-body) or two
    /// (three-body, flat phase space).
    pub recoil_masses: Vec<f64>,
}

/// A spectrum of parents of one species: sampled (p, θ) in the lab.
pub trait ParentSpectrum: Send + Sync {
    /// One parent: momentum (GeV) and polar angle (rad).
    fn sample_p_theta(&self, rng: &mut Rng) -> (f64, f64);
}

impl ParentSpectrum for MesonSpectrum {
    fn sample_p_theta(&self, rng: &mut Rng) -> (f64, f64) {
        self.sample(rng)
    }
}

impl ParentSpectrum for crate::production::heavy_flavour::HeavyFlavourSpectrum {
    fn sample_p_theta(&self, rng: &mut Rng) -> (f64, f64) {
        self.sample(rng)
    }
}

/// Parents per POT and their spectrum, for a light meson or a heavy hadron
/// of the shipped tables, found by PDG number (the one parent table keyed by
/// particle id): `(mass, parents per POT, spectrum)`. Light mesons: per
/// inelastic pN collision (≈ per POT for the thick TAX); heavy hadrons: per
/// POT through [`HeavyFlavourTable::per_pot`] (no cascade enhancement; see
/// [`parent_table_with_cascade`]).
#[must_use]
pub fn parent_table(pdg_id: i32) -> Option<(f64, f64, &'static dyn ParentSpectrum)> {
    parent_table_with_cascade(pdg_id, false)
}

/// [`parent_table`], with the heavy-hadron yields multiplied by the
/// cascade enhancement of their flavour when `cascade` is true (secondary
/// production in the thick dump, SHiP's ×2.3 for charm and ×1.7 for beauty:
/// [`crate::production::heavy_flavour::Source::cascade_enhancement`],
/// unverified secondary quotes). The spectrum shape is the primary one.
#[must_use]
pub fn parent_table_with_cascade(
    pdg_id: i32,
    cascade: bool,
) -> Option<(f64, f64, &'static dyn ParentSpectrum)> {
    if let Some(m) = Meson::ALL.iter().copied().find(|m| m.pdg_id() == pdg_id) {
        let s = MesonSpectrum::get(m);
        return Some((m.mass(), s.multiplicity, s));
    }
    let h = HeavyHadron::ALL
        .iter()
        .copied()
        .find(|h| h.pdg_id() == pdg_id)?;
    let table = HeavyFlavourTable::embedded().ok()?;
    let factor = if cascade {
        h.source().cascade_enhancement().unwrap_or(1.0)
    } else {
        1.0
    };
    Some((h.mass(), table.per_pot(h) * factor, table.spectrum(h)))
}

/// A FIP from the decays of a parent species taken from the shipped tables:
/// per trial one parent is drawn from its spectrum, one decay mode with
/// probability ∝ BR, and the FIP is emitted isotropically in the parent's
/// rest frame (two-body exactly, three-body in flat phase space). Weight =
/// parents per POT × Σ BR.
pub struct ParentDecaySource {
    name: String,
    parent_mass: f64,
    spectrum: &'static dyn ParentSpectrum,
    mass: f64,
    modes: DecayModes,
    weight: f64,
}

/// The open decay modes of one parent into a FIP of fixed mass, chosen in
/// proportion to their branching ratios (shared by every parent-decay
/// source, including cascades such as D_s → τ → N).
#[derive(Debug, Clone, PartialEq)]
pub struct DecayModes {
    modes: Vec<ParentDecay>,
    cumulative: Vec<f64>,
    total: f64,
}

impl DecayModes {
    /// The modes of `modes` that are open for a parent of `parent_mass`
    /// and a FIP of `fip_mass` (BR > 0, one or two recoil particles, above
    /// threshold).
    #[must_use]
    pub fn new(parent_mass: f64, fip_mass: f64, modes: Vec<ParentDecay>) -> Self {
        let modes: Vec<ParentDecay> = modes
            .into_iter()
            .filter(|d| {
                d.branching_ratio > 0.0
                    && (1..=2).contains(&d.recoil_masses.len())
                    && fip_mass + d.recoil_masses.iter().sum::<f64>() < parent_mass
            })
            .collect();
        let total: f64 = modes.iter().map(|d| d.branching_ratio).sum();
        let mut acc = 0.0;
        let cumulative = modes
            .iter()
            .map(|d| {
                acc += d.branching_ratio / total;
                acc
            })
            .collect();
        Self {
            modes,
            cumulative,
            total,
        }
    }

    /// Σ BR of the open modes.
    #[must_use]
    pub fn total_branching_ratio(&self) -> f64 {
        self.total
    }

    /// Whether no mode is open.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.modes.is_empty()
    }

    /// The FIP's lab four-momentum from one decay of `parent` (mass
    /// `parent_mass`): a mode drawn ∝ BR (one uniform when there are
    /// several), then isotropic two-body or flat three-body kinematics.
    pub fn decay(
        &self,
        parent: FourVector,
        parent_mass: f64,
        fip_mass: f64,
        rng: &mut Rng,
    ) -> Option<FourVector> {
        let mode = match self.modes.len() {
            0 => return None,
            1 => &self.modes[0],
            n => {
                let u = rng.uniform();
                &self.modes[self.cumulative.partition_point(|&c| c <= u).min(n - 1)]
            }
        };
        match mode.recoil_masses.as_slice() {
            [m1] => {
                let (u_cos, u_phi) = (rng.uniform(), rng.uniform());
                Some(two_body_decay(parent, fip_mass, *m1, u_cos, u_phi)?.0)
            }
            [m1, m2] => {
                let rest = three_body_phase_space(parent_mass, [fip_mass, *m1, *m2], rng)?;
                Some(rest[0].boost_from_rest_of(parent, parent_mass))
            }
            _ => None,
        }
    }
}

impl std::fmt::Debug for ParentDecaySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParentDecaySource")
            .field("name", &self.name)
            .field("mass", &self.mass)
            .field("weight", &self.weight)
            .finish_non_exhaustive()
    }
}

impl ParentDecaySource {
    /// The source named `name` for parents with PDG number `parent_pdg`
    /// (see [`parent_table`]) decaying through `modes` into a FIP of mass
    /// `mass`. `None` for a parent the tables do not have; closed modes
    /// (BR ≤ 0 or below threshold) are dropped.
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        parent_pdg: i32,
        mass: f64,
        modes: Vec<ParentDecay>,
    ) -> Option<Self> {
        Self::with_parents(name, parent_table(parent_pdg)?, mass, modes)
    }

    /// [`ParentDecaySource::new`] with the parent's (mass, parents per POT,
    /// spectrum) given, e.g. from [`parent_table_with_cascade`].
    #[must_use]
    pub fn with_parents(
        name: impl Into<String>,
        parents: (f64, f64, &'static dyn ParentSpectrum),
        mass: f64,
        modes: Vec<ParentDecay>,
    ) -> Option<Self> {
        let (parent_mass, per_pot, spectrum) = parents;
        let modes = DecayModes::new(parent_mass, mass, modes);
        Some(Self {
            name: name.into(),
            parent_mass,
            spectrum,
            mass,
            weight: per_pot * modes.total_branching_ratio(),
            modes,
        })
    }

    /// FIPs per POT at g = 1 (parents per POT × Σ BR).
    #[must_use]
    pub fn yield_per_pot(&self) -> f64 {
        if self.modes.is_empty() {
            0.0
        } else {
            self.weight
        }
    }
}

impl FipSource for ParentDecaySource {
    fn name(&self) -> &str {
        &self.name
    }
    fn sample(&self, rng: &mut Rng) -> Option<(FourVector, f64)> {
        if self.modes.is_empty() || self.weight <= 0.0 {
            return None;
        }
        let (p, theta) = self.spectrum.sample_p_theta(rng);
        let parent = FourVector::from_mass_momentum(self.parent_mass, direction(theta, rng) * p);
        let fip = self.modes.decay(parent, self.parent_mass, self.mass, rng)?;
        Some((fip, self.weight))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_keys_and_name_hashes() {
        assert_eq!(stream_key("eta"), 2);
        assert_eq!(stream_key("proton-brem"), 5);
        // FNV-1a of the empty string is the offset basis; of "a" a known value.
        assert_eq!(stream_key(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stream_key("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(source_seed(7, "Ds+"), source_seed(7, "D+"));
    }

    #[test]
    fn parent_decay_source_weights_and_kinematics() {
        // D_s+ → μ+ N with a toy BR of 1e-3 into a 1 GeV FIP.
        let s = ParentDecaySource::new(
            "Ds+",
            431,
            1.0,
            vec![ParentDecay {
                branching_ratio: 1e-3,
                recoil_masses: vec![crate::units::MUON.mass],
            }],
        )
        .unwrap();
        let (_, per_pot, _) = parent_table(431).unwrap();
        assert!((s.yield_per_pot() / (per_pot * 1e-3) - 1.0).abs() < 1e-12);
        let mut rng = Rng::new(1, 0);
        for _ in 0..100 {
            let (fip, w) = s.sample(&mut rng).unwrap();
            assert!((fip.mass() - 1.0).abs() < 1e-6);
            assert_eq!(w, s.yield_per_pot());
        }
        // A closed mode is dropped: nothing is produced.
        let closed = ParentDecaySource::new(
            "Ds+",
            431,
            2.0,
            vec![ParentDecay {
                branching_ratio: 1e-3,
                recoil_masses: vec![0.1],
            }],
        )
        .unwrap();
        assert_eq!(closed.yield_per_pot(), 0.0);
        assert!(closed.sample(&mut rng).is_none());
        assert!(parent_table(999).is_none());
    }
}
