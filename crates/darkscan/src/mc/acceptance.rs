//! Acceptance of a FIP decaying to two charged daughters in a beam-dump
//! experiment, and the per-mass acceptance sample.
//!
//! For one FIP (lab four-momentum, production point) the chain is:
//!
//! 1. [`flight_interval`]: the path lengths L₁ < L₂ (metres from the
//!    production point, along the flight line) between which the FIP is inside
//!    the fiducial cylinder;
//! 2. K decay points L_k = L₁ + (k + u)·δ, δ = (L₂ − L₁)/K, k = 0…K−1, with one
//!    uniform u per FIP: one point in each of K equal strata (a randomised
//!    systematic sample, uniform over [L₁, L₂]);
//! 3. [`decay_outcome`] at each point: isotropic two-body decay in the rest
//!    frame, straight daughter tracks with the MNP33 p_T kick, every straw
//!    chamber and the LKr (and MUV3 for muons) in acceptance, momentum
//!    thresholds, then the pointing variables — the FIP direction rebuilt from
//!    the sum of the daughter momenta, drawn back from the vertex, its closest
//!    approach to the beam axis CDA_TAX and the z of that point Z_TAX — smeared
//!    with the resolutions and cut to the signal region.
//!
//! The result per FIP is a compact [`FipRecord`] (a K-bit acceptance mask); a
//! whole mass point is an [`AcceptanceSample`] (struct of arrays), which
//! [`crate::mc::reweight`] evaluates for any cτ.
//!
//! Selection and geometry: NA62, JHEP 09 (2023) 035 and JINST 12 (2017)
//! P05025 (see [`crate::experiment::dump_geometry`]).

use crate::experiment::dump_geometry::DumpGeometry;
use crate::kinematics::{
    FourVector, Line, Vec3, closest_approach_to_beam, three_body_phase_space, two_body_momentum,
};
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

/// A detector station.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Station {
    /// Straw chamber (index into `straws.z_m`).
    Straw(usize),
    /// LKr front face.
    Lkr,
    /// MUV3 plane.
    Muv3,
}

/// Why a decay is not selected (the first failed requirement).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// A daughter does not move downstream.
    Backward,
    /// A daughter is below `min_momentum_gev` (or `muon_min_momentum_gev`).
    BelowMomentum,
    /// A daughter goes through a station's beam hole.
    BeamHole(Station),
    /// A daughter passes outside a station.
    OutsideStation(Station),
    /// A daughter curls up in the magnet (kick larger than its p_xz).
    Curled,
    /// Smeared CDA_TAX outside the signal region.
    Cda,
    /// Smeared Z_TAX outside the signal region.
    ZTax,
    /// A photon of a γγ final state below the LKr energy threshold.
    PhotonEnergy,
    /// The two photon clusters closer than the separation cut.
    PhotonSeparation,
}

/// The fate of one decay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecayOutcome {
    /// Decay vertex (m).
    pub vertex: Vec3,
    /// Lab four-momenta of the daughters: positive charge first.
    pub daughters: [FourVector; 2],
    /// True CDA between the rebuilt FIP line and the beam axis (m).
    pub cda_m: f64,
    /// True z of that closest approach (m).
    pub z_tax_m: f64,
    /// Smeared CDA_TAX (m).
    pub cda_smeared_m: f64,
    /// Smeared Z_TAX (m).
    pub z_tax_smeared_m: f64,
    /// `None` when selected.
    pub rejection: Option<Rejection>,
}

impl DecayOutcome {
    /// Whether the decay passes the whole selection.
    #[must_use]
    pub fn accepted(&self) -> bool {
        self.rejection.is_none()
    }
}

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

/// The path-length interval [L₁, L₂] (m, from `origin` along the unit vector
/// of `direction`) inside the fiducial cylinder: z_min ≤ z ≤ z_max and
/// x² + y² ≤ R². `None` when the line misses it or moves upstream.
#[must_use]
pub fn flight_interval(g: &DumpGeometry, origin: Vec3, direction: Vec3) -> Option<(f64, f64)> {
    let d = direction.unit();
    if d.z.is_nan() || d.z <= 0.0 {
        return None;
    }
    let f = &g.fiducial;
    let mut lo = ((f.z_min_m - origin.z) / d.z).max(0.0);
    let mut hi = (f.z_max_m - origin.z) / d.z;
    // |o⊥ + s d⊥|² ≤ R²: a s² + b s + c ≤ 0.
    let a = d.x * d.x + d.y * d.y;
    let b = 2.0 * (origin.x * d.x + origin.y * d.y);
    let c = origin.x * origin.x + origin.y * origin.y - f.radius_m * f.radius_m;
    if a == 0.0 {
        if c > 0.0 {
            return None;
        }
    } else {
        let disc = b * b - 4.0 * a * c;
        if disc < 0.0 {
            return None;
        }
        // Stable roots (Numerical Recipes 3rd ed., eq. 5.6.4).
        let q = -0.5 * (b + b.signum() * disc.sqrt());
        let (r1, r2) = if q == 0.0 { (0.0, 0.0) } else { (q / a, c / q) };
        lo = lo.max(r1.min(r2));
        hi = hi.min(r1.max(r2));
    }
    (hi > lo).then_some((lo, hi))
}

/// Rotates `p` in the x–z plane by a transverse kick `kick` (GeV) along x:
/// p_x → p_x + kick with |p_xz| kept (a magnetic field does no work).
/// `None` when the kick exceeds |p_xz| (the track curls up).
fn apply_kick(p: Vec3, kick: f64) -> Option<Vec3> {
    let pxz2 = p.x * p.x + p.z * p.z;
    let px = p.x + kick;
    let pz2 = pxz2 - px * px;
    if pz2 <= 0.0 {
        return None;
    }
    Some(Vec3::new(px, p.y, pz2.sqrt()))
}

/// Follows one charged track (charge `charge` = ±1, momentum `p` in GeV)
/// from `vertex` through the spectrometer stations (straws with the MNP33
/// kick, LKr, MUV3 for muons) and the momentum thresholds; returns the
/// first failure. Used by the dump acceptance and the kaon-mode MC.
pub fn track_acceptance(
    g: &DumpGeometry,
    vertex: Vec3,
    p: Vec3,
    charge: f64,
    muon: bool,
) -> Result<(), Rejection> {
    if p.z.is_nan() || p.z <= 0.0 {
        return Err(Rejection::Backward);
    }
    let pmag = p.norm();
    let pmin = if muon {
        g.selection
            .min_momentum_gev
            .max(g.selection.muon_min_momentum_gev)
    } else {
        g.selection.min_momentum_gev
    };
    if pmag < pmin {
        return Err(Rejection::BelowMomentum);
    }
    let annulus = |pos: Vec3, inner: f64, outer: f64, st: Station| {
        let r2 = pos.x * pos.x + pos.y * pos.y;
        if r2 < inner * inner {
            Err(Rejection::BeamHole(st))
        } else if r2 > outer * outer {
            Err(Rejection::OutsideStation(st))
        } else {
            Ok(())
        }
    };
    let before = Line::new(vertex, p);
    let zm = g.magnet.z_m;
    let at_magnet = before.at((zm - vertex.z) / p.z);
    let p_after = apply_kick(p, charge * g.magnet.pt_kick_gev).ok_or(Rejection::Curled)?;
    let after = Line::new(at_magnet, p_after);
    let at = |z: f64| {
        if z <= zm {
            before.at((z - vertex.z) / p.z)
        } else {
            after.at((z - zm) / p_after.z)
        }
    };
    let s = &g.straws;
    for (i, &z) in s.z_m.iter().enumerate() {
        annulus(at(z), s.inner_radius_m, s.outer_radius_m, Station::Straw(i))?;
    }
    annulus(
        at(g.lkr.z_m),
        g.lkr.inner_radius_m,
        g.lkr.outer_radius_m,
        Station::Lkr,
    )?;
    if muon {
        let pos = at(g.muv3.z_m);
        let h = g.muv3.half_size_m;
        if pos.x.abs() > h || pos.y.abs() > h {
            return Err(Rejection::OutsideStation(Station::Muv3));
        }
        let r = g.muv3.hole_radius_m;
        if pos.x * pos.x + pos.y * pos.y < r * r {
            return Err(Rejection::BeamHole(Station::Muv3));
        }
    }
    Ok(())
}

/// Decays `fip` (mass `mass`) at path length `l_m` from `origin` into two
/// daughters of mass `daughters_mass` (charges ±1, muons when the mass is
/// the muon's) and applies the selection: [`decay_outcome_channel`] for a
/// lepton pair.
#[allow(clippy::too_many_arguments)]
#[must_use]
pub fn decay_outcome(
    g: &DumpGeometry,
    fip: FourVector,
    mass: f64,
    daughters_mass: f64,
    origin: Vec3,
    l_m: f64,
    u_cos: f64,
    u_phi: f64,
    normals: [f64; 3],
) -> Option<DecayOutcome> {
    let states = FinalStates::pair(daughters_mass);
    // A two-body decay draws nothing from the generator.
    let mut unused = Rng::new(0, 0);
    decay_outcome_channel(
        g,
        fip,
        mass,
        &states.channels[0],
        origin,
        l_m,
        u_cos,
        u_phi,
        normals,
        &mut unused,
    )
}

/// Decays `fip` (mass `mass`) at path length `l_m` from `origin` through
/// `channel` (two or three daughters, exactly two of them charged) and
/// applies the selection to the two charged daughters.
///
/// Two-body: `u_cos`, `u_phi` ∈ [0, 1) set the rest-frame direction of the
/// first daughter (cos θ = 2u − 1, φ = 2πu, as in
/// [`crate::kinematics::two_body_decay`]). Three-body: flat phase space
/// ([`three_body_phase_space`], drawing from `rng`; `u_cos`, `u_phi` are
/// unused) — a documented approximation where the matrix element is not
/// flat (e.g. N → ℓℓν). `normals` are three standard normal numbers for the
/// smearing of the closest-approach point in x and y (σ = `sigma_cda_m`
/// each, so the smeared CDA of a perfectly pointing FIP follows a Rayleigh
/// law) and of Z_TAX (σ = `sigma_z_m`). The pointing uses the sum of the two
/// charged daughters' momenta (a neutrino escapes).
///
/// The decay is done with the nominal `mass` (`boost_from_rest_of`) rather
/// than the mass recomputed from E² − p², which loses digits for
/// E/m ~ 10³–10⁵. Returns `None` below threshold or for a channel that is
/// not two- or three-body with two charged daughters.
#[allow(clippy::too_many_arguments)]
#[must_use]
pub fn decay_outcome_channel(
    g: &DumpGeometry,
    fip: FourVector,
    mass: f64,
    channel: &DecayChannel,
    origin: Vec3,
    l_m: f64,
    u_cos: f64,
    u_phi: f64,
    normals: [f64; 3],
    rng: &mut Rng,
) -> Option<DecayOutcome> {
    let parent = FourVector::from_mass_momentum(mass, fip.p);
    let ds = &channel.daughters;
    let mut lab = [FourVector::at_rest(0.0); 3];
    match ds.len() {
        2 => {
            let pstar = two_body_momentum(mass, ds[0].mass, ds[1].mass)?;
            let cos_t = 2.0 * u_cos - 1.0;
            let sin_t = (1.0 - cos_t * cos_t).max(0.0).sqrt();
            let (sin_p, cos_p) = (std::f64::consts::TAU * u_phi).sin_cos();
            let dir = Vec3::new(sin_t * cos_p, sin_t * sin_p, cos_t);
            lab[0] = FourVector::from_mass_momentum(ds[0].mass, dir * pstar)
                .boost_from_rest_of(parent, mass);
            lab[1] = FourVector::from_mass_momentum(ds[1].mass, -dir * pstar)
                .boost_from_rest_of(parent, mass);
        }
        3 => {
            let rest = three_body_phase_space(mass, [ds[0].mass, ds[1].mass, ds[2].mass], rng)?;
            for (l, r) in lab.iter_mut().zip(rest) {
                *l = r.boost_from_rest_of(parent, mass);
            }
        }
        _ => return None,
    }
    if is_two_photon(channel) {
        return Some(two_photon_outcome(g, fip, origin, l_m, [lab[0], lab[1]]));
    }
    let mut charged = ds.iter().zip(lab).filter(|(d, _)| d.charge != 0);
    let (t1, t2) = (charged.next()?, charged.next()?);
    if charged.next().is_some() {
        return None;
    }
    let vertex = origin + fip.p.unit() * l_m;

    // Pointing: FIP direction from the charged daughters, back to the beam axis.
    let sum = t1.1.p + t2.1.p;
    let ca = closest_approach_to_beam(&Line::new(vertex, sum));
    let off = ca.on_first - ca.on_second;
    let s = &g.selection;
    let cda_smeared =
        (off.x + s.sigma_cda_m * normals[0]).hypot(off.y + s.sigma_cda_m * normals[1]);
    let z_tax = ca.vertex.z;
    let z_smeared = z_tax + s.sigma_z_m * normals[2];

    let track = |(d, p): (&Daughter, FourVector)| {
        track_acceptance(g, vertex, p.p, f64::from(d.charge), d.is_muon())
    };
    let rejection = track(t1)
        .and_then(|()| track(t2))
        .err()
        .or_else(|| (cda_smeared >= s.cda_max_m).then_some(Rejection::Cda))
        .or_else(|| {
            (z_smeared <= s.z_tax_min_m || z_smeared >= s.z_tax_max_m).then_some(Rejection::ZTax)
        });
    Some(DecayOutcome {
        vertex,
        daughters: [t1.1, t2.1],
        cda_m: ca.cda,
        z_tax_m: z_tax,
        cda_smeared_m: cda_smeared,
        z_tax_smeared_m: z_smeared,
        rejection,
    })
}

/// The selection of a γγ final state: both photons (straight lines, no
/// magnetic deflection) inside the LKr annulus, each above
/// `photon_min_energy_gev`, the clusters at least `photon_min_separation_m`
/// apart. No pointing requirement (without tracks NA62 reconstructs the
/// vertex assuming the FIP comes from the TAX); the pointing fields are the
/// true values of the photon pair's direction.
fn two_photon_outcome(
    g: &DumpGeometry,
    fip: FourVector,
    origin: Vec3,
    l_m: f64,
    photons: [FourVector; 2],
) -> DecayOutcome {
    let vertex = origin + fip.p.unit() * l_m;
    let sum = photons[0].p + photons[1].p;
    let ca = closest_approach_to_beam(&Line::new(vertex, sum));
    let s = &g.selection;
    let at_lkr = |p: Vec3| -> Result<Vec3, Rejection> {
        if p.z.is_nan() || p.z <= 0.0 {
            return Err(Rejection::Backward);
        }
        let pos = Line::new(vertex, p).at((g.lkr.z_m - vertex.z) / p.z);
        let r2 = pos.x * pos.x + pos.y * pos.y;
        if r2 < g.lkr.inner_radius_m.powi(2) {
            Err(Rejection::BeamHole(Station::Lkr))
        } else if r2 > g.lkr.outer_radius_m.powi(2) {
            Err(Rejection::OutsideStation(Station::Lkr))
        } else {
            Ok(pos)
        }
    };
    let rejection = (|| {
        let a = at_lkr(photons[0].p)?;
        let b = at_lkr(photons[1].p)?;
        if photons.iter().any(|p| p.e < s.photon_min_energy_gev) {
            return Err(Rejection::PhotonEnergy);
        }
        if (a.x - b.x).hypot(a.y - b.y) < s.photon_min_separation_m {
            return Err(Rejection::PhotonSeparation);
        }
        Ok(())
    })()
    .err();
    DecayOutcome {
        vertex,
        daughters: photons,
        cda_m: ca.cda,
        z_tax_m: ca.vertex.z,
        cda_smeared_m: ca.cda,
        z_tax_smeared_m: ca.vertex.z,
        rejection,
    }
}

/// Two standard normal numbers (Box–Muller; G. E. P. Box and M. E. Muller,
/// Ann. Math. Statist. 29 (1958) 610).
fn normal_pair(rng: &mut Rng) -> (f64, f64) {
    let r = (-2.0 * rng.uniform_open().ln()).sqrt();
    let (s, c) = (std::f64::consts::TAU * rng.uniform()).sin_cos();
    (r * c, r * s)
}

/// The acceptance record of one FIP produced at `origin`, decaying to two
/// daughters of mass `daughters_mass` ([`fip_record_states`] for a lepton
/// pair).
#[must_use]
pub fn fip_record(
    g: &DumpGeometry,
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
    g: &DumpGeometry,
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
    let (l1, l2) = flight_interval(g, origin, fip.p)?;
    let k_max = g.sampling.decay_points.clamp(1, 64);
    let delta = (l2 - l1) / k_max as f64;
    let u = rng.uniform();
    let mut mask = 0u64;
    for k in 0..k_max {
        let l = l1 + (k as f64 + u) * delta;
        let (u_cos, u_phi) = (rng.uniform(), rng.uniform());
        let (n0, n1) = normal_pair(rng);
        let (n2, _) = normal_pair(rng);
        let channel = states.pick(rng);
        let out = decay_outcome_channel(
            g,
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
        if out.accepted() {
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

struct SampleSpec<'a> {
    seed: u64,
    mass: f64,
    states: &'a FinalStates,
    geometry: &'a DumpGeometry,
    origin: Vec3,
}

impl SampleSpec<'_> {
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
    geometry: &DumpGeometry,
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
    geometry: &DumpGeometry,
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
        origin: Vec3::new(0.0, 0.0, geometry.production.tax_z_m),
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
        geometry.sampling.decay_points,
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
    geometry: &DumpGeometry,
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
    geometry: &DumpGeometry,
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
        origin: Vec3::new(0.0, 0.0, geometry.production.tax_z_m),
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
        geometry.sampling.decay_points,
        parts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_of_axial_and_tilted_lines() {
        let g = DumpGeometry::na62();
        let o = Vec3::new(0.0, 0.0, 23.0);
        let (l1, l2) = flight_interval(&g, o, Vec3::new(0.0, 0.0, 1.0)).unwrap();
        assert!((l1 - 82.0).abs() < 1e-12 && (l2 - 157.0).abs() < 1e-12);
        // 10 mrad leaves the 1.05 m cylinder at z = 23 + 105 m = 128 m.
        let (l1, l2) = flight_interval(&g, o, Vec3::new(0.01, 0.0, 1.0)).unwrap();
        let s = (1.0f64 + 1e-4).sqrt();
        assert!((l1 - 82.0 * s).abs() < 1e-9, "{l1}");
        assert!((l2 - 105.0 * s).abs() < 1e-9, "{l2}");
        assert!(flight_interval(&g, o, Vec3::new(0.02, 0.0, 1.0)).is_none());
        assert!(flight_interval(&g, o, Vec3::new(0.0, 0.0, -1.0)).is_none());
    }

    #[test]
    fn kick_keeps_momentum() {
        let p = Vec3::new(0.1, 0.2, 20.0);
        let q = apply_kick(p, 0.27).unwrap();
        assert!((q.norm() - p.norm()).abs() < 1e-12);
        assert!((q.x - 0.37).abs() < 1e-15);
        assert!(apply_kick(Vec3::new(0.0, 0.0, 0.1), 0.27).is_none());
    }
}
