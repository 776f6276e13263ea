//! The per-mass acceptance sample of a decay-in-flight search, for any
//! detector that implements [`DecayDetector`].
//!
//! For one FIP (lab four-momentum, production point) the chain is:
//!
//! 1. [`DecayDetector::flight_interval`]: the path lengths L₁ < L₂ (metres
//!    from the production point, along the flight line) between which the FIP
//!    is inside the decay volume;
//! 2. K decay points L_k = L₁ + (k + u)·δ, δ = (L₂ − L₁)/K, k = 0…K−1, with one
//!    uniform u per FIP: one point in each of K equal strata (a randomised
//!    systematic sample, uniform over [L₁, L₂]);
//! 3. [`DecayDetector::decay_selected`] at each point: the decay through a
//!    channel of [`FinalStates`] and the detector's selection (for NA62, the
//!    straws, LKr, MUV3 and the pointing cuts of
//!    [`crate::experiment::dump_detector`]).
//!
//! The result per FIP is a compact [`FipRecord`] (a K-bit acceptance mask); a
//! whole mass point is an [`AcceptanceSample`] (struct of arrays), which
//! [`crate::mc::reweight`] evaluates for any cτ. This module knows no
//! experiment: the detector is a trait object of the caller's.

use crate::kinematics::{FourVector, Vec3};
pub use crate::mc::detector::DecayDetector;
use crate::model::{Daughter, DecayChannel};
use crate::numeric::rng::Rng;
use crate::units::MUON;
use rayon::prelude::*;

/// FIPs per random-number chunk: chunk c of [`build_sample`] draws from
/// `Rng::new(seed, c)`. Changing it changes the sample (not its statistics).
pub const CHUNK_EVENTS: usize = 1024;

/// Stream-index flag of the acceptance (decay and smearing) generator of a
/// chunk: chunk c uses `Rng::new(seed, c)` for the source and
/// `Rng::new(seed, ACCEPTANCE_STREAM | c)` for the decays, so the two never
/// share a stream and the source sees the same numbers however the decays
/// are computed.
pub const ACCEPTANCE_STREAM: u64 = 1 << 63;

/// Chunks generated (sequentially, by the `FnMut` source) before each
/// parallel acceptance pass of [`build_sample`]; bounds the memory held.
const BLOCK_CHUNKS: usize = 64;

/// One FIP of the acceptance sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FipRecord {
    /// Event weight (as returned by the source, not yet divided by n).
    pub weight: f64,
    /// βγ = |p|/m.
    pub beta_gamma: f64,
    /// Path length from the production point where the FIP enters the
    /// decay volume (m).
    pub l1_m: f64,
    /// Path length where it leaves (m).
    pub l2_m: f64,
    /// Position u ∈ [0, 1) of the decay points inside their strata:
    /// L_k = L₁ + (k + u)(L₂ − L₁)/K.
    pub stratum_offset: f64,
    /// Bit k set when decay point k is selected.
    pub accepted: u64,
}

/// Whether daughters of mass `m` are muons (MUV3 and the muon momentum
/// threshold then apply).
#[must_use]
pub fn daughters_are_muons(m: f64) -> bool {
    (m - MUON.mass).abs() < 1e-6 * MUON.mass
}

/// Two or three daughters, exactly two of them charged (the two tracks).
#[must_use]
pub fn is_two_track(c: &DecayChannel) -> bool {
    (2..=3).contains(&c.daughters.len()) && c.charged_daughters() == 2
}

/// Exactly two photons (γγ clusters in the LKr).
#[must_use]
pub fn is_two_photon(c: &DecayChannel) -> bool {
    c.daughters.len() == 2 && c.daughters.iter().all(|d| d.pdg_id == 22)
}

/// The final states a FIP is decayed into by the acceptance Monte Carlo:
/// the channels of its decay table that the search selects, each with two
/// or three daughters of which exactly two are charged (the two tracks the
/// spectrometer reconstructs; ℓℓ, ℓπ, ππ, KK, ℓℓν, …), or two photons (two
/// clusters in the LKr).
///
/// At each decay point one channel is chosen with probability Γ_c/Σ Γ_sel;
/// the signal then multiplies by the summed branching ratio of the selected
/// channels. Because the relative widths of portal channels do not depend
/// on the coupling, this is exact for every coupling. With one channel no
/// random number is drawn for the choice.
#[derive(Debug, Clone, PartialEq)]
pub struct FinalStates {
    channels: Vec<DecayChannel>,
    /// Normalised cumulative widths.
    cumulative: Vec<f64>,
}

impl FinalStates {
    /// The selected channels with a positive width that the Monte Carlo can
    /// decay into (two or three daughters, exactly two charged); `None` when
    /// none is left.
    #[must_use]
    pub fn new(channels: Vec<DecayChannel>) -> Option<Self> {
        let channels: Vec<DecayChannel> = channels
            .into_iter()
            .filter(|c| c.width > 0.0 && (is_two_track(c) || is_two_photon(c)))
            .collect();
        if channels.is_empty() {
            return None;
        }
        let total: f64 = channels.iter().map(|c| c.width).sum();
        let mut acc = 0.0;
        let cumulative = channels
            .iter()
            .map(|c| {
                acc += c.width / total;
                acc
            })
            .collect();
        Some(Self {
            channels,
            cumulative,
        })
    }

    /// Two daughters of equal mass `daughters_mass` and charges ±1 (positive
    /// first): muons when the mass is the muon's, else electron-like tracks
    /// (no muon identification).
    #[must_use]
    pub fn pair(daughters_mass: f64) -> Self {
        let id = if daughters_are_muons(daughters_mass) {
            13
        } else {
            11
        };
        let d = |pdg_id: i32, charge: i8| Daughter {
            pdg_id,
            mass: daughters_mass,
            charge,
        };
        let name = if id == 13 { "mu+mu-" } else { "pair" };
        Self {
            channels: vec![DecayChannel::portal(name, 1.0, vec![d(-id, 1), d(id, -1)])],
            cumulative: vec![1.0],
        }
    }

    /// The channels.
    #[must_use]
    pub fn channels(&self) -> &[DecayChannel] {
        &self.channels
    }

    /// Whether every channel is open at `mass` (the daughters' masses sum
    /// to less than it).
    #[must_use]
    pub fn open_at(&self, mass: f64) -> bool {
        self.channels
            .iter()
            .all(|c| c.daughters.iter().map(|d| d.mass).sum::<f64>() < mass)
    }

    /// Mass of the first daughter of the first channel (the legacy
    /// `daughters_mass` of a lepton pair).
    #[must_use]
    pub fn first_daughter_mass(&self) -> f64 {
        self.channels[0].daughters[0].mass
    }

    /// One channel drawn with probability ∝ width (no random number drawn
    /// when there is a single channel).
    pub fn pick(&self, rng: &mut Rng) -> &DecayChannel {
        if self.channels.len() == 1 {
            return &self.channels[0];
        }
        let u = rng.uniform();
        let i = self.cumulative.partition_point(|&c| c <= u);
        &self.channels[i.min(self.channels.len() - 1)]
    }
}

/// Two standard normal numbers (Box–Muller; G. E. P. Box and M. E. Muller,
/// Ann. Math. Statist. 29 (1958) 610).
pub(crate) fn normal_pair(rng: &mut Rng) -> (f64, f64) {
    let r = (-2.0 * rng.uniform_open().ln()).sqrt();
    let (s, c) = (std::f64::consts::TAU * rng.uniform()).sin_cos();
    (r * c, r * s)
}

/// The acceptance record of one FIP produced at `origin`, decaying to two
/// daughters of mass `daughters_mass` ([`fip_record_states`] for a lepton
/// pair).
#[must_use]
pub fn fip_record(
    g: &impl DecayDetector,
    fip: FourVector,
    weight: f64,
    mass: f64,
    daughters_mass: f64,
    origin: Vec3,
    rng: &mut Rng,
) -> Option<FipRecord> {
    fip_record_states(
        g,
        fip,
        weight,
        mass,
        &FinalStates::pair(daughters_mass),
        origin,
        rng,
    )
}

/// The acceptance record of one FIP produced at `origin`, with
/// `geometry.sampling.decay_points` decay points (see the module docs), each
/// decaying through a channel of `states`.
///
/// Draws 1 + 6K numbers from `rng` when the FIP crosses the decay volume
/// (none otherwise), plus one per point to choose the channel when `states`
/// has several and the three-body phase-space draws. `None` when the FIP
/// misses the volume or a channel is closed at `mass`; a record whose mask
/// is 0 is returned as such.
#[must_use]
pub fn fip_record_states(
    g: &impl DecayDetector,
    fip: FourVector,
    weight: f64,
    mass: f64,
    states: &FinalStates,
    origin: Vec3,
    rng: &mut Rng,
) -> Option<FipRecord> {
    if !states.open_at(mass) {
        return None;
    }
    let (l1, l2) = g.flight_interval(origin, fip.p)?;
    let k_max = g.decay_points().clamp(1, 64);
    let delta = (l2 - l1) / k_max as f64;
    let u = rng.uniform();
    let mut mask = 0u64;
    for k in 0..k_max {
        let l = l1 + (k as f64 + u) * delta;
        let (u_cos, u_phi) = (rng.uniform(), rng.uniform());
        let (n0, n1) = normal_pair(rng);
        let (n2, _) = normal_pair(rng);
        let channel = states.pick(rng);
        let accepted = g.decay_selected(
            fip,
            mass,
            channel,
            origin,
            l,
            u_cos,
            u_phi,
            [n0, n1, n2],
            rng,
        )?;
        if accepted {
            mask |= 1 << k;
        }
    }
    Some(FipRecord {
        weight,
        beta_gamma: fip.p.norm() / mass,
        l1_m: l1,
        l2_m: l2,
        stratum_offset: u,
        accepted: mask,
    })
}

/// The per-mass acceptance sample: one entry per FIP that has at least one
/// selected decay point (the others contribute nothing at any cτ), as a
/// struct of arrays for the re-weighting kernel.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AcceptanceSample {
    /// FIP mass (GeV).
    pub mass: f64,
    /// Daughter mass (GeV).
    pub daughters_mass: f64,
    /// Decay points per FIP, K.
    pub decay_points: usize,
    /// Source calls (the n of [`build_sample`]).
    pub n_generated: usize,
    /// Source calls that returned a FIP.
    pub n_produced: usize,
    /// FIPs that crossed the decay volume.
    pub n_in_volume: usize,
    /// Σ source weight / n over all produced FIPs (e.g. FIPs per proton).
    pub produced_weight: f64,
    /// Σ source weight / n over the FIPs that crossed the decay volume.
    pub in_volume_weight: f64,
    /// Source weight / n of each stored FIP.
    pub weight: Vec<f64>,
    /// βγ of each stored FIP.
    pub beta_gamma: Vec<f64>,
    /// Entry path length L₁ (m).
    pub l1_m: Vec<f64>,
    /// Exit path length L₂ (m).
    pub l2_m: Vec<f64>,
    /// Stratum offset u of the decay points.
    pub stratum_offset: Vec<f64>,
    /// K-bit acceptance mask.
    pub accepted: Vec<u64>,
}

impl AcceptanceSample {
    /// An empty sample.
    #[must_use]
    pub fn new(mass: f64, daughters_mass: f64, decay_points: usize) -> Self {
        Self {
            mass,
            daughters_mass,
            decay_points,
            ..Self::default()
        }
    }
    /// Stored FIPs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.weight.len()
    }
    /// Whether no FIP is stored.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.weight.is_empty()
    }
    /// Path length (m) of decay point `k` of stored FIP `i`.
    #[must_use]
    pub fn decay_point_m(&self, i: usize, k: usize) -> f64 {
        let d = (self.l2_m[i] - self.l1_m[i]) / self.decay_points as f64;
        self.l1_m[i] + (k as f64 + self.stratum_offset[i]) * d
    }
    /// Whether decay point `k` of stored FIP `i` is selected.
    #[must_use]
    pub fn is_accepted(&self, i: usize, k: usize) -> bool {
        self.accepted[i] >> k & 1 == 1
    }
    /// The record of stored FIP `i` (weight already divided by n).
    #[must_use]
    pub fn record(&self, i: usize) -> FipRecord {
        FipRecord {
            weight: self.weight[i],
            beta_gamma: self.beta_gamma[i],
            l1_m: self.l1_m[i],
            l2_m: self.l2_m[i],
            stratum_offset: self.stratum_offset[i],
            accepted: self.accepted[i],
        }
    }
    /// Mean acceptance of the decay points, weighted by FIP weight, over the
    /// FIPs that cross the decay volume: the cτ → ∞ limit of the fraction
    /// of decays in the volume that are selected.
    #[must_use]
    pub fn mean_acceptance(&self) -> f64 {
        if self.in_volume_weight <= 0.0 {
            return 0.0;
        }
        let k = self.decay_points as f64;
        let s: f64 = self
            .weight
            .iter()
            .zip(&self.accepted)
            .map(|(w, m)| w * f64::from(m.count_ones()) / k)
            .sum();
        s / self.in_volume_weight
    }
    fn push(&mut self, r: &FipRecord) {
        self.weight.push(r.weight);
        self.beta_gamma.push(r.beta_gamma);
        self.l1_m.push(r.l1_m);
        self.l2_m.push(r.l2_m);
        self.stratum_offset.push(r.stratum_offset);
        self.accepted.push(r.accepted);
    }
}

/// What one chunk contributes, before normalisation by n.
#[derive(Default)]
struct ChunkResult {
    records: Vec<FipRecord>,
    n_produced: usize,
    n_in_volume: usize,
    produced_weight: f64,
    in_volume_weight: f64,
}

struct SampleSpec<'a, D: DecayDetector> {
    seed: u64,
    mass: f64,
    states: &'a FinalStates,
    geometry: &'a D,
    origin: Vec3,
}

impl<D: DecayDetector> SampleSpec<'_, D> {
    fn process_chunk(&self, chunk: usize, fips: &[Option<(FourVector, f64)>]) -> ChunkResult {
        let mut rng = Rng::new(self.seed, ACCEPTANCE_STREAM | chunk as u64);
        let mut out = ChunkResult::default();
        for (fip, w) in fips.iter().flatten() {
            out.n_produced += 1;
            out.produced_weight += w;
            if let Some(r) = fip_record_states(
                self.geometry,
                *fip,
                *w,
                self.mass,
                self.states,
                self.origin,
                &mut rng,
            ) {
                out.n_in_volume += 1;
                out.in_volume_weight += w;
                if r.accepted != 0 {
                    out.records.push(r);
                }
            }
        }
        out
    }
}

fn chunk_len(n: usize, chunk: usize) -> usize {
    (n - chunk * CHUNK_EVENTS).min(CHUNK_EVENTS)
}

fn assemble(
    n: usize,
    mass: f64,
    daughters_mass: f64,
    k: usize,
    parts: Vec<ChunkResult>,
) -> AcceptanceSample {
    let mut s = AcceptanceSample::new(mass, daughters_mass, k);
    s.n_generated = n;
    let inv_n = if n > 0 { 1.0 / n as f64 } else { 0.0 };
    for p in parts {
        s.n_produced += p.n_produced;
        s.n_in_volume += p.n_in_volume;
        s.produced_weight += p.produced_weight * inv_n;
        s.in_volume_weight += p.in_volume_weight * inv_n;
        for mut r in p.records {
            r.weight *= inv_n;
            s.push(&r);
        }
    }
    s
}

/// Builds the acceptance sample of `n` source calls for a FIP of mass `mass`
/// decaying to two daughters of mass `daughters_mass`
/// ([`build_sample_states`] for a lepton pair).
pub fn build_sample<F>(
    n: usize,
    seed: u64,
    mass: f64,
    daughters_mass: f64,
    geometry: &impl DecayDetector,
    source: F,
) -> AcceptanceSample
where
    F: FnMut(&mut Rng) -> Option<(FourVector, f64)>,
{
    build_sample_states(
        n,
        seed,
        mass,
        &FinalStates::pair(daughters_mass),
        geometry,
        source,
    )
}

/// Builds the acceptance sample of `n` source calls for a FIP of mass `mass`
/// decaying through the channels of `states`, produced at the dump
/// (x = y = 0, z = `production.tax_z_m`).
///
/// `source` returns a FIP's lab four-momentum and its weight (or `None` when
/// the trial produced nothing); each stored weight is divided by `n`, so
/// Σ weight · P(decay and selected) estimates the mean per source call.
///
/// Reproducibility: events come in chunks of [`CHUNK_EVENTS`]; chunk c's
/// source numbers come from `Rng::new(seed, c)` and its decay numbers from
/// `Rng::new(seed, ACCEPTANCE_STREAM | c)`. The (`FnMut`) source is called in
/// event order on the calling thread; the decays run on rayon, and the
/// chunks are concatenated in order, so the sample is bit-identical for any
/// number of threads — and identical to [`build_sample_par`]'s.
pub fn build_sample_states<F>(
    n: usize,
    seed: u64,
    mass: f64,
    states: &FinalStates,
    geometry: &impl DecayDetector,
    mut source: F,
) -> AcceptanceSample
where
    F: FnMut(&mut Rng) -> Option<(FourVector, f64)>,
{
    let spec = SampleSpec {
        seed,
        mass,
        states,
        geometry,
        origin: geometry.production_point(),
    };
    let n_chunks = n.div_ceil(CHUNK_EVENTS);
    let mut parts = Vec::with_capacity(n_chunks);
    for block in (0..n_chunks).step_by(BLOCK_CHUNKS) {
        let end = (block + BLOCK_CHUNKS).min(n_chunks);
        let fips: Vec<Vec<Option<(FourVector, f64)>>> = (block..end)
            .map(|c| {
                let mut rng = Rng::new(seed, c as u64);
                (0..chunk_len(n, c)).map(|_| source(&mut rng)).collect()
            })
            .collect();
        let done: Vec<ChunkResult> = fips
            .par_iter()
            .enumerate()
            .map(|(j, f)| spec.process_chunk(block + j, f))
            .collect();
        parts.extend(done);
    }
    assemble(
        n,
        mass,
        states.first_daughter_mass(),
        geometry.decay_points(),
        parts,
    )
}

/// [`build_sample`] for a thread-safe source, which is then also called in
/// parallel. Same random streams, hence the very same sample.
pub fn build_sample_par<F>(
    n: usize,
    seed: u64,
    mass: f64,
    daughters_mass: f64,
    geometry: &impl DecayDetector,
    source: F,
) -> AcceptanceSample
where
    F: Fn(&mut Rng) -> Option<(FourVector, f64)> + Sync,
{
    build_sample_par_states(
        n,
        seed,
        mass,
        &FinalStates::pair(daughters_mass),
        geometry,
        source,
    )
}

/// [`build_sample_states`] for a thread-safe source, which is then also
/// called in parallel. Same random streams, hence the very same sample.
pub fn build_sample_par_states<F>(
    n: usize,
    seed: u64,
    mass: f64,
    states: &FinalStates,
    geometry: &impl DecayDetector,
    source: F,
) -> AcceptanceSample
where
    F: Fn(&mut Rng) -> Option<(FourVector, f64)> + Sync,
{
    let spec = SampleSpec {
        seed,
        mass,
        states,
        geometry,
        origin: geometry.production_point(),
    };
    let parts: Vec<ChunkResult> = (0..n.div_ceil(CHUNK_EVENTS))
        .into_par_iter()
        .map(|c| {
            let mut rng = Rng::new(seed, c as u64);
            let fips: Vec<_> = (0..chunk_len(n, c)).map(|_| source(&mut rng)).collect();
            spec.process_chunk(c, &fips)
        })
        .collect();
    assemble(
        n,
        mass,
        states.first_daughter_mass(),
        geometry.decay_points(),
        parts,
    )
}
