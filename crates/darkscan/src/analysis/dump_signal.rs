//! Toy two-track signal events of a beam-dump preset, from the reach's own
//! Monte Carlo: the preset's model, production sources and selected final
//! states at one (mass, coupling) point.
//!
//! Per source, `trials` FIPs are drawn ([`crate::production::source`]); each
//! that crosses the fiducial volume decays at a point drawn from its
//! exponential decay law truncated to the volume, through a selected
//! channel (probability ∝ width, as in [`crate::mc::acceptance`]), and is
//! kept when both charged daughters pass the spectrometer acceptance
//! (straws, LKr, MUV3 for muons, momentum thresholds —
//! [`crate::experiment::dump_detector::track_acceptance`]; **no** pointing cut: that is
//! for the analysis to apply). Its weight is the source weight × the
//! probability to decay inside the volume at the coupling's cτ. Events are
//! then drawn from the weighted candidates by systematic resampling, so they
//! follow the expected signal distribution; the expected number of such
//! events for the preset's exposure and efficiency is returned with them.
//!
//! Resolution (a toy, documented): momentum σ_p/p = 0.30 % ⊕ 0.005 % · p/GeV
//! (the NA62 straw spectrometer, JINST 12 (2017) P05025), direction σ =
//! 0.1 mrad per projection and the track point at the vertex smeared by
//! 1 mm transversely (assumed), time 0 ± 0.1 ns (assumed, of the order of
//! the NA62 timing resolution).

use crate::analysis::AnalysisError;
use crate::analysis::events::{Pid, Track};
use crate::analysis::generate::normal;
use crate::analysis::hepmc3;
use crate::experiment::beam_dump::{DumpPreset, selects};
use crate::experiment::dump_detector::{flight_interval, track_acceptance};
use crate::experiment::dump_geometry;
use crate::kinematics::{FourVector, Vec3, three_body_phase_space, two_body_momentum};
use crate::mc::acceptance::FinalStates;
use crate::model::{Daughter, DecayChannel};
use crate::numeric::rng::Rng;
use crate::production::dump_sources::{DumpBeam, proton_dump_sources};
use crate::production::source::source_seed;

/// Generated signal events and their expected number.
#[derive(Debug, Clone, PartialEq)]
pub struct DumpSignal {
    /// Two tracks per event (positive first), in the event-file schema.
    pub tracks: Vec<Track>,
    /// The true decays as HepMC3 events (FIP → daughters).
    pub hepmc: Vec<hepmc3::Event>,
    /// Expected number of such events (decay in the volume, both tracks in
    /// acceptance) for the preset's exposure × signal efficiency.
    pub expected_events: f64,
}

/// A kept candidate: weight, FIP, decay vertex and the lab daughters.
struct Candidate {
    weight: f64,
    fip: FourVector,
    vertex: Vec3,
    daughters: Vec<(Daughter, FourVector)>,
}

/// The pid of a daughter for the event file.
fn pid_of(d: &Daughter) -> Pid {
    match d.pdg_id.abs() {
        11 => Pid::Electron,
        13 => Pid::Muon,
        211 => Pid::Pion,
        _ => Pid::Other,
    }
}

/// Lab momenta of a decay through `channel` (two-body isotropic, three-body
/// flat phase space).
fn decay(
    fip: FourVector,
    mass: f64,
    channel: &DecayChannel,
    rng: &mut Rng,
) -> Option<Vec<FourVector>> {
    let ds = &channel.daughters;
    let parent = FourVector::from_mass_momentum(mass, fip.p);
    match ds.len() {
        2 => {
            let p = two_body_momentum(mass, ds[0].mass, ds[1].mass)?;
            let cos_t = 2.0 * rng.uniform() - 1.0;
            let sin_t = (1.0 - cos_t * cos_t).max(0.0).sqrt();
            let (s, c) = (std::f64::consts::TAU * rng.uniform()).sin_cos();
            let dir = Vec3::new(sin_t * c, sin_t * s, cos_t);
            Some(vec![
                FourVector::from_mass_momentum(ds[0].mass, dir * p)
                    .boost_from_rest_of(parent, mass),
                FourVector::from_mass_momentum(ds[1].mass, -dir * p)
                    .boost_from_rest_of(parent, mass),
            ])
        }
        3 => Some(
            three_body_phase_space(mass, [ds[0].mass, ds[1].mass, ds[2].mass], rng)?
                .iter()
                .map(|d| d.boost_from_rest_of(parent, mass))
                .collect(),
        ),
        _ => None,
    }
}

/// Generates `events` signal events of `preset` at `mass` (GeV) and coupling
/// scale `coupling`, with `trials` source calls per source (see the module
/// docs). Reproducible by `seed`.
///
/// # Errors
/// [`AnalysisError::Invalid`] for a bad preset, mass or coupling, or when no
/// candidate passes (nothing to draw from).
pub fn dump_signal(
    preset: &DumpPreset,
    mass: f64,
    coupling: f64,
    events: usize,
    trials: usize,
    seed: u64,
) -> Result<DumpSignal, AnalysisError> {
    let bad = |m: String| AnalysisError::Invalid(m);
    if !(mass.is_finite() && mass > 0.0 && mass < preset.beam_energy_gev) {
        return Err(bad(format!("invalid mass {mass} GeV")));
    }
    if !(coupling.is_finite() && coupling > 0.0) {
        return Err(bad(format!(
            "invalid coupling {coupling}: must be positive"
        )));
    }
    let geometry = dump_geometry::load(&preset.geometry).map_err(|e| bad(e.to_string()))?;
    let spec = preset.model_spec();
    let model = spec.fip().map_err(|e| bad(e.to_string()))?;
    let table = model.decays(mass).map_err(|e| bad(e.to_string()))?;
    let chosen: Vec<DecayChannel> = table
        .channels
        .iter()
        .filter(|c| selects(&preset.decay, c) && c.charged_daughters() == 2)
        .cloned()
        .collect();
    let states = FinalStates::new(chosen).ok_or_else(|| {
        bad(format!(
            "no two-track final state '{}' open at {mass} GeV",
            preset.decay
        ))
    })?;
    let sel = |c: &DecayChannel| states.channels().iter().any(|s| s.name == c.name);
    let br = table.branching_ratio_where(coupling, sel);
    let scale = table.scale(coupling);
    let ctau = table.ctau_m(coupling);
    let beam = DumpBeam {
        energy_gev: preset.beam_energy_gev,
        heavy_flavour_cascade: preset.heavy_flavour_cascade,
    };
    let names: Option<&[String]> = preset.channels.as_deref();
    let sources = proton_dump_sources(&spec, names, beam, mass).map_err(bad)?;
    let origin = Vec3::new(0.0, 0.0, geometry.production.tax_z_m);
    let mut candidates: Vec<Candidate> = Vec::new();
    for src in &sources {
        let mut rng = Rng::new(source_seed(seed, src.name()), 0);
        for _ in 0..trials {
            let Some((fip, w)) = src.sample(&mut rng) else {
                continue;
            };
            let Some((l1, l2)) = flight_interval(&geometry, origin, fip.p) else {
                continue;
            };
            let lambda = fip.p.norm() / mass * ctau;
            // P(decay in [L1, L2]) and a point from the truncated law.
            let (a, b) = ((-l1 / lambda).exp(), (-l2 / lambda).exp());
            let p_in = a - b;
            if p_in.is_nan() || p_in <= 0.0 {
                continue;
            }
            let u = rng.uniform();
            let l = -lambda * (a - u * p_in).ln();
            let vertex = origin + fip.p.unit() * l.clamp(l1, l2);
            let channel = states.pick(&mut rng);
            let Some(lab) = decay(fip, mass, channel, &mut rng) else {
                continue;
            };
            let daughters: Vec<(Daughter, FourVector)> =
                channel.daughters.iter().copied().zip(lab).collect();
            let pass = daughters
                .iter()
                .filter(|(d, _)| d.charge != 0)
                .all(|(d, p)| {
                    track_acceptance(&geometry, vertex, p.p, f64::from(d.charge), d.is_muon())
                        .is_ok()
                });
            if pass {
                candidates.push(Candidate {
                    weight: w / trials as f64 * scale * br * p_in,
                    fip,
                    vertex,
                    daughters,
                });
            }
        }
    }
    let total: f64 = candidates.iter().map(|c| c.weight).sum();
    if candidates.is_empty() || total.is_nan() || total <= 0.0 {
        return Err(bad(format!(
            "no signal candidate passes at m = {mass} GeV, coupling {coupling} (try more trials or another point)"
        )));
    }
    // Systematic resampling: N equally spaced points on the cumulative weight.
    let mut rng = Rng::new(seed, 1 << 40);
    let u0 = rng.uniform();
    let mut tracks = Vec::with_capacity(2 * events);
    let mut hepmc = Vec::with_capacity(events);
    let (mut acc, mut j) = (0.0, 0usize);
    for n in 0..events {
        let target = (n as f64 + u0) / events as f64 * total;
        while j + 1 < candidates.len() && acc + candidates[j].weight < target {
            acc += candidates[j].weight;
            j += 1;
        }
        let c = &candidates[j];
        let id = n as i64;
        let mut charged: Vec<&(Daughter, FourVector)> =
            c.daughters.iter().filter(|(d, _)| d.charge != 0).collect();
        charged.sort_by_key(|(d, _)| -d.charge);
        for (d, p) in charged {
            tracks.push(smeared_track(id, d, p.p, c.vertex, &mut rng));
        }
        hepmc.push(hepmc_event(id, c, mass));
    }
    Ok(DumpSignal {
        tracks,
        hepmc,
        expected_events: total * preset.protons_on_target * preset.signal_efficiency,
    })
}

/// A measured track: momentum and direction smeared, point at the vertex
/// smeared transversely (module docs).
fn smeared_track(event: i64, d: &Daughter, p: Vec3, vertex: Vec3, rng: &mut Rng) -> Track {
    let pm = p.norm();
    let sigma_rel = (0.003f64.powi(2) + (0.000_05 * pm).powi(2)).sqrt();
    let pm_s = pm * (1.0 + sigma_rel * normal(rng));
    let dir = p.unit();
    let (tx, ty) = (
        dir.x / dir.z + 1e-4 * normal(rng),
        dir.y / dir.z + 1e-4 * normal(rng),
    );
    let d_s = Vec3::new(tx, ty, 1.0).unit();
    let point = vertex + Vec3::new(1e-3 * normal(rng), 1e-3 * normal(rng), 0.0);
    Track {
        event,
        charge: d.charge,
        point_m: point,
        momentum: d_s * pm_s,
        time_ns: 0.1 * normal(rng),
        pid: pid_of(d),
        kaon_momentum: None,
        row: 0,
    }
}

/// The FIP's HepMC code: no standard PDG number exists for these models,
/// so darkscan uses one generic code for every FIP.
pub const FIP_PDG: i32 = 9_000_000;

/// The true decay as a HepMC3 event: the FIP (status 2, code [`FIP_PDG`])
/// decaying at the vertex into its daughters (status 1).
fn hepmc_event(number: i64, c: &Candidate, mass: f64) -> hepmc3::Event {
    let to_mm = |v: Vec3| [v.x * 1e3, v.y * 1e3, v.z * 1e3, 0.0];
    let mut particles = vec![hepmc3::Particle {
        id: 1,
        parent: 0,
        pdg: FIP_PDG,
        momentum: FourVector::from_mass_momentum(mass, c.fip.p),
        mass,
        status: 2,
    }];
    for (i, (d, p)) in c.daughters.iter().enumerate() {
        particles.push(hepmc3::Particle {
            id: i as i32 + 2,
            parent: -1,
            pdg: d.pdg_id,
            momentum: *p,
            mass: d.mass,
            status: 1,
        });
    }
    hepmc3::Event {
        number,
        particles,
        vertices: vec![hepmc3::Vertex {
            id: -1,
            status: 0,
            incoming: vec![1],
            position_mm: to_mm(c.vertex),
        }],
    }
}
