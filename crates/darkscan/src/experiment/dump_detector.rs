//! NA62's dump-mode detector behind the decay volume, as the acceptance
//! Monte Carlo sees it: for a decay at a point of the fiducial volume,
//! isotropic two-body (or flat three-body) decay in the rest frame, straight
//! daughter tracks with the MNP33 p_T kick, every straw chamber and the LKr
//! (and MUV3 for muons) in acceptance, momentum thresholds, then the pointing
//! variables — the FIP direction rebuilt from the sum of the charged daughter
//! momenta, drawn back from the vertex, its closest approach to the beam axis
//! CDA_TAX and the z of that point Z_TAX — smeared with the resolutions and
//! cut to the signal region; or, for γγ, two LKr clusters.
//!
//! Selection and geometry: NA62, JHEP 09 (2023) 035 and JINST 12 (2017)
//! P05025 (see [`crate::experiment::dump_geometry`]). [`DumpGeometry`]
//! implements [`DecayDetector`], so the generic sampling of
//! [`crate::mc::acceptance`] runs on it.

use crate::experiment::dump_geometry::DumpGeometry;
use crate::kinematics::{
    FourVector, Line, Vec3, closest_approach_to_beam, three_body_phase_space, two_body_momentum,
};
use crate::mc::acceptance::{FinalStates, is_two_photon};
use crate::mc::detector::DecayDetector;
use crate::model::{Daughter, DecayChannel};
use crate::numeric::rng::Rng;

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
        &states.channels()[0],
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

impl DecayDetector for DumpGeometry {
    fn production_point(&self) -> Vec3 {
        Vec3::new(0.0, 0.0, self.production.tax_z_m)
    }
    fn decay_points(&self) -> usize {
        self.sampling.decay_points
    }
    fn flight_interval(&self, origin: Vec3, direction: Vec3) -> Option<(f64, f64)> {
        flight_interval(self, origin, direction)
    }
    fn decay_selected(
        &self,
        fip: FourVector,
        mass: f64,
        channel: &DecayChannel,
        origin: Vec3,
        l_m: f64,
        u_cos: f64,
        u_phi: f64,
        normals: [f64; 3],
        rng: &mut Rng,
    ) -> Option<bool> {
        decay_outcome_channel(
            self, fip, mass, channel, origin, l_m, u_cos, u_phi, normals, rng,
        )
        .map(|o| o.accepted())
    }
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
