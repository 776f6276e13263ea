//! Relativistic kinematics and straight-line track geometry.
//!
//! Four-vectors use the (+,−,−,−) metric with components (E, px, py, pz) in
//! GeV. Positions are in metres with z along the beam.

use std::ops::{Add, Mul, Neg, Sub};

/// A three-vector (momentum in GeV or position in m, depending on use).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Vec3 {
    /// x component.
    pub x: f64,
    /// y component.
    pub y: f64,
    /// z component (the beam direction).
    pub z: f64,
}

impl Vec3 {
    /// A vector from its components.
    #[must_use]
    pub const fn new(x: f64, y: f64, z: f64) -> Self {
        Self { x, y, z }
    }
    /// Scalar product.
    #[must_use]
    pub fn dot(self, o: Self) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    /// Vector product.
    #[must_use]
    pub fn cross(self, o: Self) -> Self {
        Self::new(
            self.y * o.z - self.z * o.y,
            self.z * o.x - self.x * o.z,
            self.x * o.y - self.y * o.x,
        )
    }
    /// Euclidean length.
    #[must_use]
    pub fn norm(self) -> f64 {
        self.dot(self).sqrt()
    }
    /// Unit vector in the same direction (the zero vector stays zero).
    #[must_use]
    pub fn unit(self) -> Self {
        let n = self.norm();
        if n > 0.0 { self * (1.0 / n) } else { self }
    }
}

impl Add for Vec3 {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self::new(self.x + o.x, self.y + o.y, self.z + o.z)
    }
}
impl Sub for Vec3 {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self::new(self.x - o.x, self.y - o.y, self.z - o.z)
    }
}
impl Mul<f64> for Vec3 {
    type Output = Self;
    fn mul(self, k: f64) -> Self {
        Self::new(self.x * k, self.y * k, self.z * k)
    }
}
impl Neg for Vec3 {
    type Output = Self;
    fn neg(self) -> Self {
        Self::new(-self.x, -self.y, -self.z)
    }
}

/// A four-momentum (E, p⃗) in GeV.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FourVector {
    /// Energy.
    pub e: f64,
    /// Momentum.
    pub p: Vec3,
}

impl FourVector {
    /// From components.
    #[must_use]
    pub const fn new(e: f64, px: f64, py: f64, pz: f64) -> Self {
        Self {
            e,
            p: Vec3::new(px, py, pz),
        }
    }
    /// A particle of mass `m` with three-momentum `p`.
    #[must_use]
    pub fn from_mass_momentum(m: f64, p: Vec3) -> Self {
        Self {
            e: (m * m + p.dot(p)).sqrt(),
            p,
        }
    }
    /// A particle of mass `m` at rest.
    #[must_use]
    pub fn at_rest(m: f64) -> Self {
        Self {
            e: m,
            p: Vec3::default(),
        }
    }
    /// Minkowski product with the (+,−,−,−) metric.
    #[must_use]
    pub fn dot(self, o: Self) -> f64 {
        self.e * o.e - self.p.dot(o.p)
    }
    /// Invariant mass squared.
    #[must_use]
    pub fn m2(self) -> f64 {
        self.dot(self)
    }
    /// Invariant mass (negative m² is clamped to 0).
    #[must_use]
    pub fn mass(self) -> f64 {
        self.m2().max(0.0).sqrt()
    }
    /// Velocity β⃗ = p⃗/E.
    #[must_use]
    pub fn beta(self) -> Vec3 {
        self.p * (1.0 / self.e)
    }
    /// βγ = |p|/m, the factor that turns cτ into a mean decay length.
    #[must_use]
    pub fn beta_gamma(self) -> f64 {
        self.p.norm() / self.mass()
    }
    /// Lorentz boost by velocity `beta` (|β| < 1): a vector at rest in a frame
    /// moving with `beta` is returned as seen in the lab.
    #[must_use]
    pub fn boost(self, beta: Vec3) -> Self {
        let b2 = beta.dot(beta);
        if b2 == 0.0 {
            return self;
        }
        let gamma = 1.0 / (1.0 - b2).sqrt();
        let bp = beta.dot(self.p);
        let g2 = (gamma - 1.0) / b2;
        Self {
            e: gamma * (self.e + bp),
            p: self.p + beta * (g2 * bp + gamma * self.e),
        }
    }

    /// Transforms a vector given in the rest frame of `frame` (a four-momentum
    /// of mass `frame_mass`) to the frame in which `frame` was measured.
    ///
    /// Written with γ = E/M and γβ⃗ = p⃗/M rather than 1/√(1 − β²), which keeps
    /// full precision for the very boosted FIPs of a beam dump (γ ~ 10³).
    #[must_use]
    pub fn boost_from_rest_of(self, frame: FourVector, frame_mass: f64) -> Self {
        let m = frame_mass;
        let pp = frame.p.dot(self.p);
        let e = (frame.e * self.e + pp) / m;
        let k = pp / (m * (frame.e + m)) + self.e / m;
        Self {
            e,
            p: self.p + frame.p * k,
        }
    }
}

impl Add for FourVector {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self {
            e: self.e + o.e,
            p: self.p + o.p,
        }
    }
}
impl Sub for FourVector {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self {
            e: self.e - o.e,
            p: self.p - o.p,
        }
    }
}

/// The Källén function λ(a, b, c) = a² + b² + c² − 2ab − 2ac − 2bc.
#[must_use]
pub fn kallen(a: f64, b: f64, c: f64) -> f64 {
    a * a + b * b + c * c - 2.0 * (a * b + a * c + b * c)
}

/// Momentum of either daughter in the rest frame of a parent of mass `m`
/// decaying to masses `m1`, `m2`: p* = √λ(M², m1², m2²) / (2M).
/// Returns `None` below threshold.
#[must_use]
pub fn two_body_momentum(m: f64, m1: f64, m2: f64) -> Option<f64> {
    if m1 + m2 > m || m <= 0.0 {
        return None;
    }
    let l = kallen(m * m, m1 * m1, m2 * m2).max(0.0);
    Some(l.sqrt() / (2.0 * m))
}

/// Isotropic two-body decay of `parent` into masses `m1`, `m2`.
///
/// `u_cos` and `u_phi` are uniform random numbers in [0, 1) that set the
/// rest-frame direction (cos θ = 2u − 1, φ = 2πu); taking them as arguments
/// keeps the function deterministic and lets callers choose the generator.
#[must_use]
pub fn two_body_decay(
    parent: FourVector,
    m1: f64,
    m2: f64,
    u_cos: f64,
    u_phi: f64,
) -> Option<(FourVector, FourVector)> {
    let m = parent.mass();
    let p = two_body_momentum(m, m1, m2)?;
    let cos_t = 2.0 * u_cos - 1.0;
    let sin_t = (1.0 - cos_t * cos_t).max(0.0).sqrt();
    let phi = std::f64::consts::TAU * u_phi;
    let dir = Vec3::new(sin_t * phi.cos(), sin_t * phi.sin(), cos_t);
    let d1 = FourVector::from_mass_momentum(m1, dir * p);
    let d2 = FourVector::from_mass_momentum(m2, -dir * p);
    Some((
        d1.boost_from_rest_of(parent, m),
        d2.boost_from_rest_of(parent, m),
    ))
}

/// Rest-frame momenta of a three-body decay of a parent of mass `m` into
/// masses `masses`, distributed uniformly in phase space (flat Dalitz plot),
/// with an isotropic orientation.
///
/// The invariant masses m₁₂², m₂₃² are drawn uniformly over their bounding
/// rectangle and accepted inside the Dalitz boundary (PDG RPP, Kinematics
/// §49.4.3.1, Eq. 49.23: d²Γ ∝ |M|² dm₁₂² dm₂₃², so a constant |M|² is a flat
/// density); the daughter energies follow from m₁₂², m₂₃² and the event is
/// rotated by a random rotation. Uses a variable number of draws from `rng`.
/// Returns `None` below threshold.
#[must_use]
pub fn three_body_phase_space(
    m: f64,
    masses: [f64; 3],
    rng: &mut crate::numeric::rng::Rng,
) -> Option<[FourVector; 3]> {
    let [m1, m2, m3] = masses;
    if m.is_nan() || m <= m1 + m2 + m3 {
        return None;
    }
    let (lo12, hi12) = ((m1 + m2).powi(2), (m - m3).powi(2));
    let (lo23, hi23) = ((m2 + m3).powi(2), (m - m1).powi(2));
    let (s12, s23) = loop {
        let s12 = lo12 + (hi12 - lo12) * rng.uniform();
        let s23 = lo23 + (hi23 - lo23) * rng.uniform();
        // Dalitz boundary at fixed m₁₂² (RPP Eq. 49.22): E₂*, E₃* in the
        // rest frame of the (1, 2) system.
        let m12 = s12.sqrt();
        let e2 = (s12 - m1 * m1 + m2 * m2) / (2.0 * m12);
        let e3 = (m * m - s12 - m3 * m3) / (2.0 * m12);
        let p2 = (e2 * e2 - m2 * m2).max(0.0).sqrt();
        let p3 = (e3 * e3 - m3 * m3).max(0.0).sqrt();
        let s23_min = (e2 + e3).powi(2) - (p2 + p3).powi(2);
        let s23_max = (e2 + e3).powi(2) - (p2 - p3).powi(2);
        if s23 >= s23_min && s23 <= s23_max {
            break (s12, s23);
        }
    };
    let s13 = m * m + m1 * m1 + m2 * m2 + m3 * m3 - s12 - s23;
    // Rest-frame energies: E_i = (M² + m_i² − s_jk)/(2M).
    let e1 = (m * m + m1 * m1 - s23) / (2.0 * m);
    let e2 = (m * m + m2 * m2 - s13) / (2.0 * m);
    let p1 = (e1 * e1 - m1 * m1).max(0.0).sqrt();
    let p2 = (e2 * e2 - m2 * m2).max(0.0).sqrt();
    let e3 = m - e1 - e2;
    let p3 = (e3 * e3 - m3 * m3).max(0.0).sqrt();
    // Angle between p⃗₁ and p⃗₂ from p⃗₃ = −(p⃗₁ + p⃗₂).
    let cos12 = if p1 > 0.0 && p2 > 0.0 {
        ((p3 * p3 - p1 * p1 - p2 * p2) / (2.0 * p1 * p2)).clamp(-1.0, 1.0)
    } else {
        1.0
    };
    let sin12 = (1.0 - cos12 * cos12).max(0.0).sqrt();
    let a = Vec3::new(0.0, 0.0, p1);
    let b = Vec3::new(p2 * sin12, 0.0, p2 * cos12);
    // Random orientation: uniform axis for p⃗₁ and a uniform rotation about it.
    let cos_t = 2.0 * rng.uniform() - 1.0;
    let sin_t = (1.0 - cos_t * cos_t).max(0.0).sqrt();
    let (sp, cp) = (std::f64::consts::TAU * rng.uniform()).sin_cos();
    let (sa, ca) = (std::f64::consts::TAU * rng.uniform()).sin_cos();
    let z = Vec3::new(sin_t * cp, sin_t * sp, cos_t);
    // Any unit vector orthogonal to z, rotated by the angle α about z.
    let helper = if z.x.abs() < 0.9 {
        Vec3::new(1.0, 0.0, 0.0)
    } else {
        Vec3::new(0.0, 1.0, 0.0)
    };
    let x0 = helper.cross(z).unit();
    let y0 = z.cross(x0);
    let x = x0 * ca + y0 * sa;
    let y = z.cross(x);
    let rot = |v: Vec3| x * v.x + y * v.y + z * v.z;
    let (q1, q2) = (rot(a), rot(b));
    let q3 = -(q1 + q2);
    Some([
        FourVector::from_mass_momentum(m1, q1),
        FourVector::from_mass_momentum(m2, q2),
        FourVector::from_mass_momentum(m3, q3),
    ])
}

/// A straight line: a point and a direction (not necessarily normalised).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// A point on the line (m).
    pub point: Vec3,
    /// Direction.
    pub dir: Vec3,
}

/// The beam axis: the z axis through the origin.
pub const BEAM_AXIS: Line = Line {
    point: Vec3::new(0.0, 0.0, 0.0),
    dir: Vec3::new(0.0, 0.0, 1.0),
};

impl Line {
    /// A line through `point` along `dir`.
    #[must_use]
    pub fn new(point: Vec3, dir: Vec3) -> Self {
        Self { point, dir }
    }
    /// The point at parameter `t`: point + t·dir.
    #[must_use]
    pub fn at(&self, t: f64) -> Vec3 {
        self.point + self.dir * t
    }
    /// The point of this line at longitudinal position `z` (None if the line
    /// runs perpendicular to z).
    #[must_use]
    pub fn at_z(&self, z: f64) -> Option<Vec3> {
        if self.dir.z == 0.0 {
            return None;
        }
        Some(self.at((z - self.point.z) / self.dir.z))
    }
}

/// The closest approach between two lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClosestApproach {
    /// Closest distance of approach (CDA), in the units of the inputs.
    pub cda: f64,
    /// The closest point on the first line.
    pub on_first: Vec3,
    /// The closest point on the second line.
    pub on_second: Vec3,
    /// The midpoint of the two closest points: the usual two-track vertex.
    pub vertex: Vec3,
}

/// Closest distance of approach between two lines and the CDA-midpoint
/// vertex. Parallel lines have no unique closest pair: the point of the first
/// line at its own reference point is used.
///
/// Uses n⃗ = d⃗₁ × d⃗₂: CDA = |w⃗·n⃗|/|n⃗| and t₁ = (w⃗ × d⃗₂)·n⃗/|n⃗|², which stays
/// accurate for the nearly parallel lines of small-angle tracks (a plain
/// normal-equation solve loses ~1e-6 m there).
#[must_use]
pub fn closest_approach(a: &Line, b: &Line) -> ClosestApproach {
    let w = b.point - a.point;
    let n = a.dir.cross(b.dir);
    let nn = n.dot(n);
    let scale = a.dir.dot(a.dir) * b.dir.dot(b.dir);
    if nn <= 1e-24 * scale {
        let tb = -w.dot(b.dir) / b.dir.dot(b.dir);
        let pa = a.point;
        let pb = b.at(tb);
        return ClosestApproach {
            cda: (pa - pb).norm(),
            on_first: pa,
            on_second: pb,
            vertex: (pa + pb) * 0.5,
        };
    }
    let ta = w.cross(b.dir).dot(n) / nn;
    let tb = w.cross(a.dir).dot(n) / nn;
    let pa = a.at(ta);
    let pb = b.at(tb);
    ClosestApproach {
        cda: w.dot(n).abs() / nn.sqrt(),
        on_first: pa,
        on_second: pb,
        vertex: (pa + pb) * 0.5,
    }
}

/// Closest approach of a line to the beam axis (the z axis), as used for
/// NA62's CDA_TAX and Z_TAX pointing variables.
#[must_use]
pub fn closest_approach_to_beam(line: &Line) -> ClosestApproach {
    closest_approach(line, &BEAM_AXIS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kallen_and_two_body() {
        assert_eq!(kallen(1.0, 0.0, 0.0), 1.0);
        // K⁺ → μ⁺ν: p* = (m_K² − m_μ²)/(2 m_K) = 235.5 MeV (PDG).
        let p = two_body_momentum(0.493_677, 0.105_658_375_5, 0.0).unwrap();
        assert!((p - 0.235_53).abs() < 1e-4, "{p}");
        assert!(two_body_momentum(0.1, 0.06, 0.06).is_none());
    }

    #[test]
    fn decay_conserves_four_momentum() {
        let parent = FourVector::from_mass_momentum(0.4, Vec3::new(0.3, -1.0, 80.0));
        for i in 0..20 {
            let (u, v) = (i as f64 / 20.0, (i as f64 * 0.37) % 1.0);
            let (a, b) = two_body_decay(parent, 0.105_658, 0.105_658, u, v).unwrap();
            let sum = a + b;
            assert!((sum.e - parent.e).abs() < 1e-10);
            assert!((sum.p - parent.p).norm() < 1e-10);
            assert!((a.mass() - 0.105_658).abs() < 1e-8);
            // Back in the rest frame each daughter has p*.
            let rest = a.boost(-parent.beta());
            // (the plain β boost is enough for this check at γ = 200)
            let pstar = two_body_momentum(0.4, 0.105_658, 0.105_658).unwrap();
            assert!((rest.p.norm() - pstar).abs() < 1e-9);
        }
    }

    #[test]
    fn boosts_compose_to_identity() {
        let v = FourVector::new(5.0, 1.0, 2.0, 3.0);
        let beta = Vec3::new(0.1, -0.5, 0.6);
        let w = v.boost(beta).boost(-beta);
        assert!((w.e - v.e).abs() < 1e-12 && (w.p - v.p).norm() < 1e-12);
        assert!((v.boost(beta).m2() - v.m2()).abs() < 1e-10);
    }

    #[test]
    fn cda_of_skew_lines() {
        // Line along x at z = 0, line along y at z = 2: CDA 2, vertex at z = 1.
        let a = Line::new(Vec3::new(0.0, 0.0, 0.0), Vec3::new(1.0, 0.0, 0.0));
        let b = Line::new(Vec3::new(5.0, 3.0, 2.0), Vec3::new(0.0, 1.0, 0.0));
        let c = closest_approach(&a, &b);
        assert!((c.cda - 2.0).abs() < 1e-12);
        assert!((c.vertex - Vec3::new(5.0, 0.0, 1.0)).norm() < 1e-12);
        // A track crossing the beam axis at z = 30 m has CDA 0 there.
        let t = Line::new(
            Vec3::new(0.01, 0.0, 130.0),
            Vec3::new(0.01 / 100.0, 0.0, 1.0),
        );
        let c = closest_approach_to_beam(&t);
        assert!(c.cda < 1e-12);
        assert!((c.vertex.z - 30.0).abs() < 1e-9);
        // Parallel lines: distance between them.
        let p = Line::new(Vec3::new(0.0, 1.0, 0.0), Vec3::new(0.0, 0.0, 2.0));
        assert!((closest_approach(&p, &BEAM_AXIS).cda - 1.0).abs() < 1e-12);
    }
}
