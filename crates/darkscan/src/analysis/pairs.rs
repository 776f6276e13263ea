//! Two-track vertices and their pointing to the dump.
//!
//! For two opposite-charge tracks (straight lines: point + momentum
//! direction), as in the NA62 beam-dump A′ → ℓ⁺ℓ⁻ selection (NA62,
//! JHEP 09 (2023) 035, section 3; seed talk 000):
//! - the vertex is the midpoint of the segment of closest approach between
//!   the two tracks, and `cda_m` its length ([`closest_approach`]);
//! - the invariant mass is |P₊ + P₋| with each track's mass hypothesis
//!   ([`super::events::Pid::mass`], PDG 2024);
//! - `dt_ns` = t₊ − t₋;
//! - the pair's line runs through the vertex along P⃗₊ + P⃗₋; `cda_tax_m` is
//!   its closest distance to the beam line and `z_tax_m` the z of the
//!   closest point on the beam line (NA62's CDA_TAX and Z_TAX).

use super::AnalysisError;
use super::events::{Event, Track};
use crate::kinematics::{BEAM_AXIS, Line, Vec3, closest_approach};
use serde::Serialize;

/// The variables of a two-track pair, by name (the names selections use).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Var {
    /// Vertex x (m).
    VertexX,
    /// Vertex y (m).
    VertexY,
    /// Vertex z (m).
    VertexZ,
    /// Two-track closest distance of approach (m).
    Cda,
    /// Invariant mass (GeV).
    Mass,
    /// t₊ − t₋ (ns).
    Dt,
    /// Distance of the pair's line from the beam line (m).
    CdaTax,
    /// z of the pair line's closest point on the beam line (m).
    ZTax,
    /// |P⃗₊ + P⃗₋| (GeV).
    P,
    /// |P⃗₊| (GeV).
    PPos,
    /// |P⃗₋| (GeV).
    PNeg,
}

impl Var {
    /// Every variable with its name.
    pub const ALL: [(Var, &'static str); 11] = [
        (Var::VertexX, "vertex_x_m"),
        (Var::VertexY, "vertex_y_m"),
        (Var::VertexZ, "vertex_z_m"),
        (Var::Cda, "cda_m"),
        (Var::Mass, "mass_gev"),
        (Var::Dt, "dt_ns"),
        (Var::CdaTax, "cda_tax_m"),
        (Var::ZTax, "z_tax_m"),
        (Var::P, "p_gev"),
        (Var::PPos, "p_pos_gev"),
        (Var::PNeg, "p_neg_gev"),
    ];
    /// The variable called `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Var> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(v, _)| *v)
    }
    /// Its name.
    #[must_use]
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("?", |(_, n)| n)
    }
}

/// The reconstructed pair of one event.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pair {
    /// Event number.
    pub event: i64,
    /// Vertex (m): midpoint of the closest-approach segment.
    pub vertex_m: [f64; 3],
    /// Two-track CDA (m).
    pub cda_m: f64,
    /// Invariant mass (GeV).
    pub mass_gev: f64,
    /// t₊ − t₋ (ns).
    pub dt_ns: f64,
    /// CDA of the pair's line to the beam line (m).
    pub cda_tax_m: f64,
    /// z of the closest point on the beam line (m).
    pub z_tax_m: f64,
    /// |P⃗₊ + P⃗₋| (GeV).
    pub p_gev: f64,
    /// |P⃗₊| (GeV).
    pub p_pos_gev: f64,
    /// |P⃗₋| (GeV).
    pub p_neg_gev: f64,
}

impl Pair {
    /// The value of a variable.
    #[must_use]
    pub fn get(&self, v: Var) -> f64 {
        match v {
            Var::VertexX => self.vertex_m[0],
            Var::VertexY => self.vertex_m[1],
            Var::VertexZ => self.vertex_m[2],
            Var::Cda => self.cda_m,
            Var::Mass => self.mass_gev,
            Var::Dt => self.dt_ns,
            Var::CdaTax => self.cda_tax_m,
            Var::ZTax => self.z_tax_m,
            Var::P => self.p_gev,
            Var::PPos => self.p_pos_gev,
            Var::PNeg => self.p_neg_gev,
        }
    }
}

/// The beam line of the pointing variables: by default the z axis through
/// the origin (the production target).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BeamLine(pub Line);

impl Default for BeamLine {
    fn default() -> Self {
        Self(BEAM_AXIS)
    }
}

/// The pair variables of a positive and a negative track (`time_shift_ns`
/// is added to the negative track's time: 0 for real pairs; the
/// combinatorial method shifts tracks to a common time).
#[must_use]
pub fn pair_of(pos: &Track, neg: &Track, beam: &BeamLine) -> Pair {
    let ca = closest_approach(&pos.line(), &neg.line());
    let total = pos.four_momentum() + neg.four_momentum();
    let pointing = Line::new(ca.vertex, total.p);
    let tax = closest_approach(&pointing, &beam.0);
    Pair {
        event: pos.event,
        vertex_m: [ca.vertex.x, ca.vertex.y, ca.vertex.z],
        cda_m: ca.cda,
        mass_gev: total.mass(),
        dt_ns: pos.time_ns - neg.time_ns,
        cda_tax_m: tax.cda,
        z_tax_m: tax.on_second.z,
        p_gev: total.p.norm(),
        p_pos_gev: pos.momentum.norm(),
        p_neg_gev: neg.momentum.norm(),
    }
}

/// The pair of an event that must hold exactly two opposite-charge tracks.
///
/// # Errors
/// [`AnalysisError::BadEvent`] naming the event's first row otherwise.
pub fn event_pair(file: &str, ev: &Event, beam: &BeamLine) -> Result<Pair, AnalysisError> {
    let bad = |why: String| AnalysisError::BadEvent {
        file: file.to_string(),
        row: ev.tracks.first().map_or(0, |t| t.row),
        event: ev.id,
        why,
    };
    match ev.tracks.as_slice() {
        [a, b] if a.charge != b.charge => {
            let (p, n) = if a.charge > 0 { (a, b) } else { (b, a) };
            Ok(pair_of(p, n, beam))
        }
        [_, _] => Err(bad("has two tracks of the same charge".into())),
        t => Err(bad(format!(
            "has {} track(s); two-track vertices need exactly 2",
            t.len()
        ))),
    }
}

/// Reads an event file and reconstructs the pair of every event.
///
/// # Errors
/// File errors, and any event without exactly two opposite-charge tracks
/// (reading stops at the third track of an event).
pub fn pairs_from_file(
    path: &std::path::Path,
    beam: &BeamLine,
) -> Result<Vec<Pair>, AnalysisError> {
    let mut reader = super::events::open(path, 2)?;
    let name = reader.name().to_string();
    let mut out = Vec::new();
    while let Some(ev) = reader.next_event()? {
        out.push(event_pair(&name, &ev, beam)?);
    }
    if out.is_empty() {
        return Err(AnalysisError::NoTracks(name));
    }
    Ok(out)
}

/// A beam line from a point and a direction.
///
/// # Errors
/// [`AnalysisError::Invalid`] for a zero or non-finite direction.
pub fn beam_line(point: Vec3, direction: Vec3) -> Result<BeamLine, AnalysisError> {
    let ok = |v: Vec3| v.x.is_finite() && v.y.is_finite() && v.z.is_finite();
    if !ok(point) || !ok(direction) || direction.norm() == 0.0 {
        return Err(AnalysisError::Invalid(
            "the beam line needs a finite point and a non-zero finite direction".into(),
        ));
    }
    Ok(BeamLine(Line::new(point, direction)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::events::Pid;
    use crate::numeric::rng::Rng;
    use crate::units::MUON;

    fn track(charge: i8, point: Vec3, p: Vec3, t: f64) -> Track {
        Track {
            event: 1,
            charge,
            point_m: point,
            momentum: p,
            time_ns: t,
            pid: Pid::Muon,
            kaon_momentum: None,
            row: 0,
        }
    }

    #[test]
    fn constructed_vertices_to_1e9() {
        let mut rng = Rng::new(11, 0);
        for _ in 0..200 {
            let v = Vec3::new(
                rng.uniform() - 0.5,
                rng.uniform() - 0.5,
                105.0 + 75.0 * rng.uniform(),
            );
            let d1 = Vec3::new(
                0.02 * (rng.uniform() - 0.5),
                0.02 * (rng.uniform() - 0.5),
                1.0,
            );
            let d2 = Vec3::new(
                0.02 * (rng.uniform() - 0.5),
                0.02 * (rng.uniform() - 0.5),
                1.0,
            );
            let n = d1.cross(d2).unit();
            let cda = 0.05 * rng.uniform();
            // Each track passes at ±cda/2 from v along the common normal,
            // given by a point far from the vertex.
            let a = v + n * (0.5 * cda) + d1 * (-30.0 * rng.uniform());
            let b = v - n * (0.5 * cda) + d2 * (40.0 * rng.uniform());
            let (p1, p2) = (10.0 + 90.0 * rng.uniform(), 10.0 + 90.0 * rng.uniform());
            let tp = track(1, a, d1.unit() * p1, 3.0);
            let tn = track(-1, b, d2.unit() * p2, 1.0);
            let pair = pair_of(&tp, &tn, &BeamLine::default());
            let got = Vec3::new(pair.vertex_m[0], pair.vertex_m[1], pair.vertex_m[2]);
            assert!((got - v).norm() < 1e-9, "{got:?} vs {v:?}");
            assert!((pair.cda_m - cda).abs() < 1e-9);
            assert!((pair.dt_ns - 2.0).abs() < 1e-12);
            // Mass from the definition m² = (E₊ + E₋)² − |p⃗₊ + p⃗₋|².
            let m = MUON.mass;
            let e = (m * m + p1 * p1).sqrt() + (m * m + p2 * p2).sqrt();
            let ptot = d1.unit() * p1 + d2.unit() * p2;
            let m2 = (e - ptot.norm()) * (e + ptot.norm());
            assert!((pair.mass_gev - m2.sqrt()).abs() < 1e-9 * pair.mass_gev.max(1.0));
        }
    }

    /// The seed's observed event (seed talk 000, NA62 beam dump 2021:
    /// m_μμ = 411 MeV, momenta 99.5 and 39.5 GeV/c, Z_TAX = 35.3 m,
    /// CDA_TAX = 17 mm) as two tracks meeting at a vertex at z = 150 m.
    fn seed_event() -> (Track, Track) {
        crate::analysis::generate::two_track_event(
            1,
            Pid::Muon,
            0.411,
            99.5,
            39.5,
            35.3,
            0.017,
            150.0,
        )
        .unwrap()
    }

    #[test]
    fn seed_observed_event() {
        let (a, b) = seed_event();
        let pair = pair_of(&a, &b, &BeamLine::default());
        assert!((pair.mass_gev - 0.411).abs() < 1e-9, "{}", pair.mass_gev);
        assert!((pair.z_tax_m - 35.3).abs() < 1e-9, "{}", pair.z_tax_m);
        assert!((pair.cda_tax_m - 0.017).abs() < 1e-9, "{}", pair.cda_tax_m);
        assert!(pair.cda_m < 1e-9);
        assert!((pair.vertex_m[2] - 150.0).abs() < 1e-9);
        assert!((pair.p_pos_gev - 99.5).abs() < 1e-9 && (pair.p_neg_gev - 39.5).abs() < 1e-9);
    }

    #[test]
    fn event_errors() {
        let (a, b) = seed_event();
        let ev = Event {
            id: 4,
            tracks: vec![a, a],
        };
        let e = event_pair("f", &ev, &BeamLine::default()).unwrap_err();
        assert!(e.to_string().contains("same charge"));
        let ev = Event {
            id: 4,
            tracks: vec![b],
        };
        let e = event_pair("f", &ev, &BeamLine::default()).unwrap_err();
        assert!(e.to_string().contains("1 track"));
    }
}
