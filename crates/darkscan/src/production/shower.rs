//! A fast one-dimensional electromagnetic cascade Monte Carlo: the
//! differential track length of e⁻ and e⁺ versus energy in a thick target.
//!
//! NA64 (100 GeV e⁻ on a ~40 X₀ Pb/Sc active target) computes its A′ yield as
//! Σ over e± track length × n_atoms × σ(E); this module supplies the track
//! length T(E), per primary, in units of X₀. [`simulate_with_photons`] also
//! tallies the photon track length T_γ(k) (X₀ per primary), for processes
//! initiated by shower photons (Primakoff production of ALPs: N_a = N_EOT
//! Σ_k T_γ(k) · n X₀ · σ(k)).
//!
//! # Physics
//!
//! A longitudinal cascade in a homogeneous medium described by its radiation
//! length X₀ (all depths are in X₀) and its critical energy E_c:
//!
//! - **Bremsstrahlung** of e± with the complete-screening spectrum (Y.-S. Tsai,
//!   Rev. Mod. Phys. 46 (1974) 815, eq. 3.83; PDG 2024 "Passage of particles
//!   through matter", eq. 34.29, dropping its small Z-dependent last term):
//!   X₀ n dσ/dy = (1/y)(4/3 − 4/3 y + y²), y = k/E. Photons with y < y_min are
//!   a continuous fractional loss −dE/dt = a E with
//!   a = ∫₀^{y_min} y dσ/dy = 4/3 y_min − 2/3 y_min² + 1/3 y_min³; those with
//!   y ≥ y_min are sampled one by one, at the energy-independent rate
//!   λ_b = 4/3 ln(1/y_min) − 4/3 (1 − y_min) + (1 − y_min²)/2 per X₀, y by
//!   rejection from 1/y (acceptance ≥ 2/3). With this normalisation
//!   ∫₀¹ y dσ/dy = 1: the mean radiative loss is E per X₀.
//! - **Pair production** by photons with the complete-screening spectrum
//!   (PDG 2024 eq. 34.31, again without the small last term):
//!   X₀ n dσ/dx = 1 − 4/3 x(1 − x), total 7/9 per X₀; the e⁺ takes x = E₊/k,
//!   the e⁻ 1 − x. Sampled by rejection from a uniform x (acceptance 7/9).
//! - **Ionisation**: a constant loss E_c per X₀ for e± (B. Rossi,
//!   "High-Energy Particles", Prentice-Hall 1952, Approximation B, with
//!   Rossi's definition of E_c, which the PDG uses in its tables). Between
//!   discrete photons the e± energy therefore obeys dE/dt = −(a E + E_c), so
//!   E(t) = E₀ e^{−a t} − (E_c/a)(1 − e^{−a t}), and the path from E₁ down to
//!   E₂ is t = ln[(a E₁ + E_c)/(a E₂ + E_c)]/a. The track length is
//!   histogrammed with this formula, split exactly at the bin edges, so no
//!   step-size condition is needed.
//! - Particles below the cutoff `e_cut` are dropped (e± deposit their
//!   remaining energy, photons are absorbed), and particles crossing the
//!   target's back face at `depth_x0` leave; their track length counts only
//!   inside.
//!
//! Neglected: the LPM effect (it suppresses only y < E/E_LPM, about 2 % at
//! 100 GeV in Pb where E_LPM ≈ 4.3 TeV (PDG 2024 §34.4.6: E_LPM = 7.7 TeV/cm
//! × X₀, X₀(Pb) = 0.56 cm), so it is irrelevant for E_A′ > 50 GeV), Compton
//! scattering, the photoelectric effect and multiple scattering (a 1D model),
//! and the pair-production threshold (keep `e_cut` ≳ 1 MeV when this matters).
//!
//! # Efficiency
//!
//! A particle below E can never make an e± above E. When only E > e_min
//! matters, `e_cut = e_min` (the default of [`ShowerConfig::new`]) drops
//! everything below e_min at once, so at 100 GeV with e_min = 50 GeV an event
//! is a handful of particles.
//!
//! # Reproducibility
//!
//! Events run in chunks of [`EVENTS_PER_CHUNK`]; chunk k uses
//! `Rng::new(seed, k)`. Chunks run on the rayon pool and their histograms are
//! added in chunk order, so the result is bit-identical for any thread count.

use crate::numeric::rng::Rng;
use crate::production::preshower::{PreshowerRequirement, photon_fraction_before};
use rayon::prelude::*;

/// Critical energy of lead for electrons, 7.43 MeV, in GeV (PDG "Atomic and
/// nuclear properties of materials", lead (Pb), Rossi's definition; for
/// positrons the table gives 7.16 MeV).
pub const PB_CRITICAL_ENERGY_ELECTRON: f64 = 7.43e-3;

/// Pair-production probability per X₀ with complete screening (PDG 2024
/// eq. 34.31 integrated over x, without its small last term): 7/9.
pub const PAIR_RATE_PER_X0: f64 = 7.0 / 9.0;

/// Events per reproducibility chunk; chunk k uses `Rng::new(seed, k)`.
pub const EVENTS_PER_CHUNK: u64 = 1024;

/// Chunks evaluated in parallel before their histograms are added (bounds the
/// memory held for the ordered sum; it does not affect the result).
const CHUNKS_PER_BATCH: u64 = 256;

/// Coefficient k of Rossi's Approximation A thick-target differential track
/// length of e⁻ + e⁺, T(E) dE = k E₀/E² dE X₀ for E ≪ E₀, for the spectra
/// used here (no Z-dependent b terms).
///
/// Derivation (Mellin transform of the integrated diffusion equations, Rossi
/// 1952 ch. 5): with A(s) = ∫[1 − (1−v)^s] φ(v) dv, B(s) = 2∫u^s ψ(u) du,
/// C(s) = ∫v^s φ(v) dv and σ₀ = 7/9, the track-length moment of the e± for a
/// primary e± of energy E₀ is ∫T(E) E^s dE = E₀^s σ₀ / [A(s) σ₀ − B(s) C(s)].
/// Its pole at s = 1 (where A = C = 1, B = σ₀) gives
/// k = σ₀ / (σ₀ A′(1) − B′(1) − σ₀ C′(1)) with A′(1) = 2π²/9 − 55/36,
/// B′(1) = −10/27, C′(1) = −10/9, i.e. k = (7/9)/(14π²/81 + 5/108) = 0.44390.
/// Rossi's book quotes 0.437 (computed with his b-corrected spectra); the
/// value here is the one this model must reproduce.
pub const ROSSI_A_TRACK_LENGTH_COEFF: f64 = 0.443_898_108;

/// Coefficient k_γ of Rossi's Approximation A thick-target differential
/// photon track length, T_γ(k) dk = k_γ E₀/k² dk X₀ for k ≪ E₀.
///
/// Derivation (same Mellin transform as [`ROSSI_A_TRACK_LENGTH_COEFF`]):
/// photons are made by the e± at the rate ∫ T(E) φ(k/E) dE/E and each travels
/// 1/σ₀ X₀, so ∫ T_γ(k) k^s dk = C(s)/σ₀ · ∫ T(E) E^s dE; at the pole s = 1,
/// C(1) = 1 and k_γ = k/σ₀ = (9/7) · 0.443898 = 0.57073. Rossi (1952, ch. 5)
/// quotes 0.572 with his b-corrected spectra.
pub const ROSSI_A_PHOTON_TRACK_LENGTH_COEFF: f64 = ROSSI_A_TRACK_LENGTH_COEFF / PAIR_RATE_PER_X0;

/// Parameters of a cascade simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct ShowerConfig {
    /// Primary energy E₀ in GeV.
    pub beam_energy: f64,
    /// The primary is an e⁺ (otherwise an e⁻).
    pub primary_is_positron: bool,
    /// Lowest e± energy histogrammed, GeV (bins span `e_min..beam_energy`).
    pub e_min: f64,
    /// Tracking cutoff in GeV: e± and photons below it are dropped. Setting it
    /// to `e_min` loses nothing above `e_min` and is much faster.
    pub e_cut: f64,
    /// Critical energy E_c in GeV: the ionisation loss of e± per X₀.
    pub critical_energy: f64,
    /// Target depth in X₀ (may be `f64::INFINITY`).
    pub depth_x0: f64,
    /// Photons with y = k/E below this are treated as continuous loss.
    pub y_min: f64,
    /// Number of primaries.
    pub n_events: u64,
    /// Number of log-spaced energy bins.
    pub n_bins: usize,
    /// Master seed.
    pub seed: u64,
    /// A preshower requirement on the event: the primary positron's track
    /// length before it is met is also tallied apart
    /// ([`ShowerTallies::primary_positron_before_preshower`]). `None` (the
    /// default) tallies nothing more and draws no random numbers either way.
    pub preshower: Option<PreshowerRequirement>,
}

impl ShowerConfig {
    /// An e⁻ beam of `beam_energy` GeV in lead, histogrammed above `e_min`
    /// GeV, with e_cut = e_min, E_c = 7.43 MeV ([`PB_CRITICAL_ENERGY_ELECTRON`]),
    /// 40 X₀ depth, y_min = 1e-4, 100 000 events, 200 bins, seed 1.
    #[must_use]
    pub fn new(beam_energy: f64, e_min: f64) -> Self {
        Self {
            beam_energy,
            primary_is_positron: false,
            e_min,
            e_cut: e_min,
            critical_energy: PB_CRITICAL_ENERGY_ELECTRON,
            depth_x0: 40.0,
            y_min: 1e-4,
            n_events: 100_000,
            n_bins: 200,
            seed: 1,
            preshower: None,
        }
    }

    /// Panics with a message naming the first invalid parameter.
    fn validate(&self) {
        let ok = |c: bool, what: &str| assert!(c, "invalid ShowerConfig: {what}");
        ok(
            self.beam_energy.is_finite() && self.beam_energy > 0.0,
            "beam_energy must be finite and > 0",
        );
        ok(
            self.e_min > 0.0 && self.e_min < self.beam_energy,
            "need 0 < e_min < beam_energy",
        );
        ok(
            self.e_cut.is_finite() && self.e_cut > 0.0,
            "e_cut must be finite and > 0",
        );
        ok(
            self.critical_energy.is_finite() && self.critical_energy >= 0.0,
            "critical_energy must be finite and >= 0",
        );
        ok(self.depth_x0 > 0.0, "depth_x0 must be > 0");
        ok(self.y_min > 0.0 && self.y_min < 1.0, "need 0 < y_min < 1");
        ok(self.n_bins > 0, "n_bins must be > 0");
        if let Some(r) = self.preshower {
            ok(
                r.validate().is_ok(),
                "preshower depth must be > 0, energy >= 0",
            );
        }
    }
}

/// Track length per primary, in units of X₀, in log-spaced energy bins
/// between `e_min` and `beam_energy`.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackLengths {
    /// Bin edges in GeV (n_bins + 1, increasing, log-spaced).
    pub edges: Vec<f64>,
    /// e⁻ track length per primary in each bin, X₀.
    pub electron: Vec<f64>,
    /// e⁺ track length per primary in each bin, X₀.
    pub positron: Vec<f64>,
    /// Number of primaries simulated.
    pub n_events: u64,
}

impl TrackLengths {
    /// Total e⁻ + e⁺ track length per primary above `e_min`, X₀.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.electron.iter().chain(&self.positron).sum()
    }

    /// Geometric bin centres √(E_lo E_hi), GeV.
    #[must_use]
    pub fn centers(&self) -> Vec<f64> {
        self.edges
            .windows(2)
            .map(|w| (w[0] * w[1]).sqrt())
            .collect()
    }

    /// e⁻ + e⁺ track length per primary with energy above `e` GeV, X₀. In the
    /// bin containing `e` the track length is taken as uniform in ln E.
    #[must_use]
    pub fn integral_above(&self, e: f64) -> f64 {
        let mut sum = 0.0;
        for (i, w) in self.edges.windows(2).enumerate() {
            let (lo, hi) = (w[0], w[1]);
            let frac = if e <= lo {
                1.0
            } else if e >= hi {
                0.0
            } else {
                (hi / e).ln() / (hi / lo).ln()
            };
            sum += frac * (self.electron[i] + self.positron[i]);
        }
        sum
    }
}

/// Rossi's Approximation B total charged track length E₀/E_c in X₀ (Rossi
/// 1952; PDG 2024 §34.5): ionisation, the only sink of energy, takes E_c per
/// X₀ of e± track.
#[must_use]
pub fn rossi_total_track_length_x0(e0: f64, critical_energy: f64) -> f64 {
    e0 / critical_energy
}

/// Rossi's Approximation A integral track length of e⁻ + e⁺ above `e`,
/// k E₀/E X₀ with k = [`ROSSI_A_TRACK_LENGTH_COEFF`], valid for
/// E_c ≪ E ≪ E₀.
#[must_use]
pub fn rossi_a_integral_track_length_x0(e0: f64, e: f64) -> f64 {
    ROSSI_A_TRACK_LENGTH_COEFF * e0 / e
}

/// Rossi's Approximation A integral photon track length above `k`,
/// k_γ E₀/k X₀ with k_γ = [`ROSSI_A_PHOTON_TRACK_LENGTH_COEFF`], valid for
/// E_c ≪ k ≪ E₀.
#[must_use]
pub fn rossi_a_photon_integral_track_length_x0(e0: f64, k: f64) -> f64 {
    ROSSI_A_PHOTON_TRACK_LENGTH_COEFF * e0 / k
}

/// Simulates `config.n_events` cascades and returns the mean e± track length
/// per primary.
///
/// # Panics
///
/// If `config` is invalid (non-positive energies, `e_min ≥ beam_energy`,
/// `y_min` outside (0, 1), no bins, non-positive depth).
#[must_use]
pub fn simulate(config: &ShowerConfig) -> TrackLengths {
    simulate_with_photons(config).tracks
}

/// The e± and photon track lengths of one simulation (per primary, X₀).
#[derive(Debug, Clone, PartialEq)]
pub struct ShowerTallies {
    /// e⁻ and e⁺ track lengths (the result of [`simulate`]).
    pub tracks: TrackLengths,
    /// Photon track length per primary in each bin of `tracks.edges`, X₀:
    /// the path of every photon with energy in the bin from its emission to
    /// its conversion point or the back face of the target. Photons travel
    /// 1/(7/9) = 9/7 X₀ on average before converting ([`PAIR_RATE_PER_X0`]),
    /// so in a thick target T_γ = (9/7) × the number of photons made in the
    /// bin; n X₀ σ(k) T_γ(k) is then the number of photon-initiated
    /// reactions of cross section σ per primary.
    pub photon: Vec<f64>,
    /// Track length per primary (X₀) of the primary positron while the
    /// event has not yet met `config.preshower`
    /// ([`crate::production::preshower`]): a resonant annihilation there
    /// leaves too little energy in the preshower. Included in
    /// `tracks.positron`; all zero without a requirement or for an e⁻ beam.
    pub primary_positron_before_preshower: Vec<f64>,
}

impl ShowerTallies {
    /// Photon track length per primary with energy above `k` GeV, X₀ (in the
    /// bin containing `k`, uniform in ln k).
    #[must_use]
    pub fn photon_integral_above(&self, k: f64) -> f64 {
        let mut sum = 0.0;
        for (i, w) in self.tracks.edges.windows(2).enumerate() {
            let (lo, hi) = (w[0], w[1]);
            let frac = if k <= lo {
                1.0
            } else if k >= hi {
                0.0
            } else {
                (hi / k).ln() / (hi / lo).ln()
            };
            sum += frac * self.photon[i];
        }
        sum
    }
}

/// Simulates `config.n_events` cascades and returns the mean e± and photon
/// track lengths per primary. The random streams are those of [`simulate`]
/// (tallying photons draws no random numbers), so its e± track lengths are
/// bit-identical to [`simulate`]'s.
///
/// # Panics
///
/// As [`simulate`].
#[must_use]
pub fn simulate_with_photons(config: &ShowerConfig) -> ShowerTallies {
    config.validate();
    let model = Model::new(config);
    let n_bins = config.n_bins;
    let n_chunks = config.n_events.div_ceil(EVENTS_PER_CHUNK);
    let mut electron = vec![0.0; n_bins];
    let mut positron = vec![0.0; n_bins];
    let mut photon = vec![0.0; n_bins];
    let mut vetoed = vec![0.0; n_bins];
    let mut first = 0;
    while first < n_chunks {
        let last = (first + CHUNKS_PER_BATCH).min(n_chunks);
        let hists: Vec<Histograms> = (first..last)
            .into_par_iter()
            .map(|k| {
                let start = k * EVENTS_PER_CHUNK;
                let n = EVENTS_PER_CHUNK.min(config.n_events - start);
                model.run_chunk(Rng::new(config.seed, k), n)
            })
            .collect();
        for h in &hists {
            for (t, x) in electron.iter_mut().zip(&h.electron) {
                *t += x;
            }
            for (t, x) in positron.iter_mut().zip(&h.positron) {
                *t += x;
            }
            for (t, x) in photon.iter_mut().zip(&h.photon) {
                *t += x;
            }
            for (t, x) in vetoed.iter_mut().zip(&h.vetoed) {
                *t += x;
            }
        }
        first = last;
    }
    if config.n_events > 0 {
        let norm = 1.0 / config.n_events as f64;
        electron
            .iter_mut()
            .chain(positron.iter_mut())
            .chain(photon.iter_mut())
            .chain(vetoed.iter_mut())
            .for_each(|x| *x *= norm);
    }
    ShowerTallies {
        tracks: TrackLengths {
            edges: model.edges,
            electron,
            positron,
            n_events: config.n_events,
        },
        photon,
        primary_positron_before_preshower: vetoed,
    }
}

/// Summed (un-normalised) track lengths of one chunk.
struct Histograms {
    electron: Vec<f64>,
    positron: Vec<f64>,
    photon: Vec<f64>,
    /// The primary positron before the preshower requirement is met.
    vetoed: Vec<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Electron,
    Positron,
    Photon,
}

#[derive(Debug, Clone, Copy)]
struct Particle {
    kind: Kind,
    /// GeV.
    energy: f64,
    /// X₀.
    depth: f64,
    /// The beam particle itself.
    primary: bool,
}

/// Precomputed rates and binning.
struct Model {
    beam_energy: f64,
    primary: Kind,
    e_min: f64,
    e_cut: f64,
    critical_energy: f64,
    depth_x0: f64,
    preshower: Option<PreshowerRequirement>,
    /// ln y_min.
    ln_y_min: f64,
    /// Discrete brems rate λ_b per X₀ (y ≥ y_min).
    brem_rate: f64,
    /// Continuous fractional radiative loss a per X₀ (y < y_min).
    soft_loss_rate: f64,
    edges: Vec<f64>,
    ln_e_min: f64,
    /// n_bins / ln(E₀/e_min).
    bins_per_ln: f64,
}

impl Model {
    fn new(c: &ShowerConfig) -> Self {
        let y = c.y_min;
        let n = c.n_bins;
        let ln_range = (c.beam_energy / c.e_min).ln();
        let mut edges: Vec<f64> = (0..=n)
            .map(|i| c.e_min * (ln_range * i as f64 / n as f64).exp())
            .collect();
        edges[0] = c.e_min;
        edges[n] = c.beam_energy;
        Self {
            beam_energy: c.beam_energy,
            primary: if c.primary_is_positron {
                Kind::Positron
            } else {
                Kind::Electron
            },
            e_min: c.e_min,
            e_cut: c.e_cut,
            critical_energy: c.critical_energy,
            depth_x0: c.depth_x0,
            preshower: c.preshower,
            ln_y_min: y.ln(),
            brem_rate: brem_rate_above(y),
            soft_loss_rate: soft_loss_rate(y),
            edges,
            ln_e_min: c.e_min.ln(),
            bins_per_ln: n as f64 / ln_range,
        }
    }

    fn run_chunk(&self, mut rng: Rng, n_events: u64) -> Histograms {
        let n = self.edges.len() - 1;
        let mut h = Histograms {
            electron: vec![0.0; n],
            positron: vec![0.0; n],
            photon: vec![0.0; n],
            vetoed: vec![0.0; n],
        };
        let mut stack = Vec::with_capacity(64);
        for _ in 0..n_events {
            stack.push(Particle {
                kind: self.primary,
                energy: self.beam_energy,
                depth: 0.0,
                primary: true,
            });
            while let Some(p) = stack.pop() {
                match p.kind {
                    Kind::Photon => self.photon(p, &mut rng, &mut stack, &mut h.photon),
                    Kind::Electron => {
                        self.charged(p, &mut rng, &mut stack, &mut h.electron, None);
                    }
                    Kind::Positron => self.charged(
                        p,
                        &mut rng,
                        &mut stack,
                        &mut h.positron,
                        Some(&mut h.vetoed),
                    ),
                }
            }
        }
        h
    }

    /// Tracks one photon to its conversion point or out of the target,
    /// histogramming its path (inside the target) at its energy.
    fn photon(&self, p: Particle, rng: &mut Rng, stack: &mut Vec<Particle>, hist: &mut [f64]) {
        let depth = p.depth + rng.exponential() / PAIR_RATE_PER_X0;
        if p.energy >= self.e_min && p.energy <= self.beam_energy {
            hist[self.bin_of(p.energy)] += depth.min(self.depth_x0) - p.depth;
        }
        if depth >= self.depth_x0 {
            return;
        }
        let x = sample_pair_fraction(rng);
        for (kind, energy) in [
            (Kind::Positron, x * p.energy),
            (Kind::Electron, (1.0 - x) * p.energy),
        ] {
            if energy >= self.e_cut {
                stack.push(Particle {
                    kind,
                    energy,
                    depth,
                    primary: false,
                });
            }
        }
    }

    /// Tracks one e± until it falls below `e_cut` or leaves the target,
    /// histogramming its track length and pushing its photons. For the
    /// primary positron under a preshower requirement, its track before the
    /// requirement is met is also added to `vetoed` (see
    /// [`crate::production::preshower`]; the check draws no random numbers).
    fn charged(
        &self,
        p: Particle,
        rng: &mut Rng,
        stack: &mut Vec<Particle>,
        hist: &mut [f64],
        vetoed: Option<&mut [f64]>,
    ) {
        let (mut energy, mut depth) = (p.energy, p.depth);
        let mut bin = self.bin_of(energy);
        // (requirement, histogram, energy in the preshower so far).
        let mut ps = match (self.preshower, vetoed) {
            (Some(r), Some(v)) if p.primary && p.kind == Kind::Positron => Some((r, v, 0.0)),
            _ => None,
        };
        loop {
            let to_brem = rng.exponential() / self.brem_rate;
            let to_exit = self.depth_x0 - depth;
            let step = to_brem.min(to_exit);
            let e_end = self.energy_after(energy, step);
            if let Some((r, v, e_ps)) = ps.as_mut() {
                if *e_ps < r.energy_min {
                    let mut b = bin;
                    self.deposit(v, &mut b, energy, e_end.max(self.e_cut));
                }
                // Continuous loss inside the preshower, deposited locally.
                let inside = (r.depth_x0 - depth).clamp(0.0, step);
                if inside > 0.0 {
                    *e_ps += energy - self.energy_after(energy, inside);
                }
            }
            if e_end <= self.e_cut {
                // Continuous loss reaches the cutoff first.
                self.deposit(hist, &mut bin, energy, self.e_cut);
                return;
            }
            self.deposit(hist, &mut bin, energy, e_end);
            if to_brem >= to_exit {
                return;
            }
            depth += to_brem;
            let k = sample_brem_fraction(self.ln_y_min, rng) * e_end;
            energy = e_end - k;
            if let Some((r, _, e_ps)) = ps.as_mut().filter(|(r, _, e)| *e < r.energy_min) {
                *e_ps += k * photon_fraction_before(k, self.critical_energy, depth, r.depth_x0);
            }
            if k >= self.e_cut {
                stack.push(Particle {
                    kind: Kind::Photon,
                    energy: k,
                    depth,
                    primary: false,
                });
            }
            if energy < self.e_cut {
                return;
            }
            if energy < self.edges[bin] {
                bin = self.bin_of(energy);
            }
        }
    }

    /// e± energy after a path `t` X₀ of continuous loss dE/dt = −(aE + E_c):
    /// E + (E + E_c/a)(e^{−at} − 1) (negative once the e± would have stopped).
    fn energy_after(&self, energy: f64, t: f64) -> f64 {
        let a = self.soft_loss_rate;
        energy + (energy + self.critical_energy / a) * (-a * t).exp_m1()
    }

    /// Path in X₀ over which continuous loss takes an e± from `e_hi` down to
    /// `e_lo`: ln[(a e_hi + E_c)/(a e_lo + E_c)]/a (0 if e_hi ≤ e_lo).
    fn path(&self, e_hi: f64, e_lo: f64) -> f64 {
        if e_hi <= e_lo {
            return 0.0;
        }
        let a = self.soft_loss_rate;
        (a * (e_hi - e_lo) / (a * e_lo + self.critical_energy)).ln_1p() / a
    }

    /// Index of the bin holding `energy` (clamped to the histogram).
    fn bin_of(&self, energy: f64) -> usize {
        let n = self.edges.len() - 1;
        let guess = ((energy.ln() - self.ln_e_min) * self.bins_per_ln).floor();
        let mut i = if guess > 0.0 {
            (guess as usize).min(n - 1)
        } else {
            0
        };
        // Repair rounding at the edges.
        while i > 0 && self.edges[i] > energy {
            i -= 1;
        }
        while i + 1 < n && self.edges[i + 1] <= energy {
            i += 1;
        }
        i
    }

    /// Adds the track length of a continuous-loss segment from `e_hi` down to
    /// `e_lo` to the histogram, split exactly at the bin edges. `bin` is a bin
    /// at or above the one holding `e_hi`; on return it holds `e_lo` (or is 0).
    fn deposit(&self, hist: &mut [f64], bin: &mut usize, e_hi: f64, e_lo: f64) {
        if e_hi <= self.e_min {
            return;
        }
        let lo = e_lo.max(self.e_min);
        let mut upper = e_hi.min(self.beam_energy);
        while *bin > 0 && self.edges[*bin] > lo {
            let edge = self.edges[*bin];
            hist[*bin] += self.path(upper, edge);
            upper = upper.min(edge);
            *bin -= 1;
        }
        hist[*bin] += self.path(upper, lo);
    }
}

/// Discrete bremsstrahlung rate per X₀ for y ∈ [y_min, 1]:
/// ∫ (1/y)(4/3 − 4/3 y + y²) dy = 4/3 ln(1/y_min) − 4/3 (1 − y_min) + (1 − y_min²)/2.
#[must_use]
pub fn brem_rate_above(y_min: f64) -> f64 {
    -4.0 / 3.0 * y_min.ln() - 4.0 / 3.0 * (1.0 - y_min) + 0.5 * (1.0 - y_min * y_min)
}

/// Continuous fractional radiative loss per X₀ from photons with y < y_min:
/// ∫₀^{y_min} (4/3 − 4/3 y + y²) dy = 4/3 y_min − 2/3 y_min² + 1/3 y_min³.
#[must_use]
pub fn soft_loss_rate(y_min: f64) -> f64 {
    y_min * (4.0 / 3.0 - y_min * (2.0 / 3.0 - y_min / 3.0))
}

/// y = k/E ∈ (y_min, 1] from (1/y)(4/3 − 4/3 y + y²): y = y_min^u from the 1/y
/// envelope, accepted with probability (4/3 − 4/3 y + y²)/(4/3) ≥ 2/3.
fn sample_brem_fraction(ln_y_min: f64, rng: &mut Rng) -> f64 {
    loop {
        let y = (ln_y_min * rng.uniform()).exp();
        if rng.uniform() * (4.0 / 3.0) < 4.0 / 3.0 - 4.0 / 3.0 * y + y * y {
            return y;
        }
    }
}

/// x = E₊/k ∈ [0, 1) from 1 − 4/3 x(1 − x) by rejection from a uniform x
/// (acceptance 7/9).
fn sample_pair_fraction(rng: &mut Rng) -> f64 {
    loop {
        let x = rng.uniform();
        if rng.uniform() < 1.0 - 4.0 / 3.0 * x * (1.0 - x) {
            return x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_match_the_spectrum() {
        // λ_b + ∫ over [y_min,1] numerically; a + ∫ y dσ over [y_min,1] = 1.
        let y_min: f64 = 1e-3;
        let n = 200_000;
        let (mut rate, mut loss) = (0.0, 0.0);
        let h = -y_min.ln() / n as f64;
        for i in 0..n {
            let y = (y_min.ln() + (i as f64 + 0.5) * h).exp();
            let g = 4.0 / 3.0 - 4.0 / 3.0 * y + y * y;
            rate += g * h; // dy/y = d ln y
            loss += g * y * h;
        }
        assert!((rate / brem_rate_above(y_min) - 1.0).abs() < 1e-8);
        assert!((loss + soft_loss_rate(y_min) - 1.0).abs() < 1e-8);
    }

    #[test]
    fn sampled_fractions_have_the_right_means() {
        let mut rng = Rng::new(3, 0);
        let y_min: f64 = 1e-3;
        let n = 400_000;
        let mean_y: f64 = (0..n)
            .map(|_| sample_brem_fraction(y_min.ln(), &mut rng))
            .sum::<f64>()
            / n as f64;
        // ⟨y⟩ = ∫ y dσ / ∫ dσ over [y_min, 1].
        let expect = (1.0 - soft_loss_rate(y_min)) / brem_rate_above(y_min);
        assert!((mean_y / expect - 1.0).abs() < 0.01, "{mean_y} vs {expect}");
        // ⟨x(1−x)⟩ = (9/7)∫ x(1−x)(1 − 4/3 x(1−x)) dx = (9/7)(1/6 − 4/90) = 11/70.
        let m: f64 = (0..n)
            .map(|_| {
                let x = sample_pair_fraction(&mut rng);
                x * (1.0 - x)
            })
            .sum::<f64>()
            / n as f64;
        assert!((m / (11.0 / 70.0) - 1.0).abs() < 0.005, "{m}");
    }

    #[test]
    fn continuous_loss_path_and_energy_invert() {
        let mut c = ShowerConfig::new(100.0, 1.0);
        c.y_min = 1e-3;
        let m = Model::new(&c);
        for &(e, t) in &[(100.0, 0.3), (0.05, 1.0), (2.0, 0.01)] {
            let e2 = m.energy_after(e, t);
            if e2 > 0.0 {
                assert!((m.path(e, e2) / t - 1.0).abs() < 1e-9);
            }
        }
        // Deposits split across bins add up to the unsplit path.
        let mut h = vec![0.0; c.n_bins];
        let mut bin = c.n_bins - 1;
        m.deposit(&mut h, &mut bin, 80.0, 1.5);
        assert_eq!(bin, m.bin_of(1.5));
        let sum: f64 = h.iter().sum();
        assert!((sum / m.path(80.0, 1.5) - 1.0).abs() < 1e-12);
    }

    /// The preshower tally of the primary positron (see
    /// [`crate::production::preshower`]). With an infinitesimal threshold
    /// the requirement is met by the first continuous-loss segment's
    /// deposit, so the tally is the primary's path to its first discrete
    /// photon: an exponential of mean 1/λ_b(y_min) X₀ (λ_b =
    /// [`brem_rate_above`] = 11.45 per X₀ at y_min = 1e-4), checked within
    /// 3 % (20 000 events: 0.7 % statistical). The e± track lengths do not
    /// change (the tally draws no random numbers), a higher threshold vetoes
    /// more, and an e⁻ beam or no requirement vetoes nothing.
    #[test]
    fn preshower_tally_of_the_primary_positron() {
        let mut c = ShowerConfig::new(100.0, 45.0);
        c.primary_is_positron = true;
        c.n_events = 20_000;
        let plain = simulate_with_photons(&c);
        assert!(
            plain
                .primary_positron_before_preshower
                .iter()
                .all(|&x| x == 0.0)
        );
        let with = |e_min: f64, positron: bool| {
            let mut c = c.clone();
            c.primary_is_positron = positron;
            c.preshower = Some(PreshowerRequirement {
                depth_x0: 4.0,
                energy_min: e_min,
            });
            simulate_with_photons(&c)
        };
        let tiny = with(1e-12, true);
        assert_eq!(tiny.tracks, plain.tracks);
        let first: f64 = tiny.primary_positron_before_preshower.iter().sum();
        let expected = 1.0 / brem_rate_above(c.y_min);
        assert!(
            (first / expected - 1.0).abs() < 0.03,
            "{first} vs {expected}"
        );
        let mut last = first;
        for e_min in [0.3, 0.5, 1.0] {
            let t = with(e_min, true);
            assert_eq!(t.tracks, plain.tracks);
            let v = &t.primary_positron_before_preshower;
            assert!(v.iter().zip(&t.tracks.positron).all(|(a, b)| a <= b));
            let sum: f64 = v.iter().sum();
            assert!(sum > last, "{e_min}: {sum} <= {last}");
            last = sum;
        }
        let electron = with(1.0, false);
        assert!(
            electron
                .primary_positron_before_preshower
                .iter()
                .all(|&x| x == 0.0)
        );
    }

    #[test]
    fn integral_above_interpolates_in_log() {
        let t = TrackLengths {
            edges: vec![1.0, 2.0, 4.0],
            electron: vec![1.0, 2.0],
            positron: vec![0.0, 1.0],
            n_events: 1,
        };
        assert_eq!(t.total(), 4.0);
        assert_eq!(t.integral_above(0.5), 4.0);
        assert_eq!(t.integral_above(2.0), 3.0);
        assert!((t.integral_above(2.0_f64.sqrt()) - 3.5).abs() < 1e-12);
        assert_eq!(t.integral_above(5.0), 0.0);
        assert!((t.centers()[1] - 8.0_f64.sqrt()).abs() < 1e-12);
    }
}
