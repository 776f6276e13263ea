//! Toy events in the event-file schema: single halo-muon tracks for the
//! combinatorial method, K⁺ → ℓ⁺N and K⁺ → ℓ⁺ν decays for peak scans, and
//! two-track events of prescribed mass and pointing (constructed events).
//!
//! These are **toy models**: their parameters are round numbers chosen to
//! resemble the NA62 set-up (NA62, JINST 12 (2017) P05025: 75 GeV/c K⁺ beam
//! with ≈ 1 % momentum bite; decay volume starting ≈ 105 m from the target),
//! not fits to NA62 data. Every stream is `Rng::new(seed, k)`, so a sample is
//! reproducible from its seed.

use super::AnalysisError;
use super::events::{Pid, Track};
use crate::kinematics::{FourVector, Vec3, two_body_decay};
use crate::numeric::rng::Rng;
use crate::units::{ELECTRON, KAON_CHARGED, MUON};

/// A standard normal number by the Box–Muller transform (G. E. P. Box and
/// M. E. Muller, Ann. Math. Statist. 29 (1958) 610).
pub fn normal(rng: &mut Rng) -> f64 {
    let u = rng.uniform_open();
    let v = rng.uniform();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// The halo-muon toy model of `generate dump-halo`.
///
/// Each track: charge ±1 with probability `positive_fraction` for +1; a
/// point at z = `z_start_m` uniform in a disc of radius `radius_m` around
/// the beam axis; slopes dx/dz, dy/dz independent Gaussians of width
/// `slope_sigma`; momentum p = `p_min_gev` + an exponential of mean
/// `p_mean_gev` − `p_min_gev`; time uniform over the live time N/`rate_hz`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HaloModel {
    /// z of the track point (m).
    pub z_start_m: f64,
    /// Radius of the disc the tracks cross at `z_start_m` (m).
    pub radius_m: f64,
    /// Gaussian width of each slope.
    pub slope_sigma: f64,
    /// Lowest momentum (GeV).
    pub p_min_gev: f64,
    /// Mean momentum (GeV).
    pub p_mean_gev: f64,
    /// Probability of a positive track.
    pub positive_fraction: f64,
    /// Single-track rate (Hz): sets the live time.
    pub rate_hz: f64,
}

impl Default for HaloModel {
    fn default() -> Self {
        Self {
            z_start_m: 105.0,
            radius_m: 1.0,
            slope_sigma: 0.003,
            p_min_gev: 5.0,
            p_mean_gev: 30.0,
            positive_fraction: 0.5,
            rate_hz: 1.0e6,
        }
    }
}

impl HaloModel {
    /// Checks every parameter is finite and in its domain.
    ///
    /// # Errors
    /// [`AnalysisError::Invalid`] naming the parameter.
    pub fn validate(&self) -> Result<(), AnalysisError> {
        let ok = self.z_start_m.is_finite()
            && self.radius_m.is_finite()
            && self.radius_m >= 0.0
            && self.slope_sigma.is_finite()
            && self.slope_sigma >= 0.0
            && self.p_min_gev > 0.0
            && self.p_mean_gev.is_finite()
            && self.p_mean_gev >= self.p_min_gev
            && (0.0..=1.0).contains(&self.positive_fraction)
            && self.rate_hz.is_finite()
            && self.rate_hz > 0.0;
        if ok {
            Ok(())
        } else {
            Err(AnalysisError::Invalid(format!(
                "invalid halo model: {self:?}"
            )))
        }
    }

    /// One track (event number `event`) with time `time_ns`.
    pub fn track(&self, rng: &mut Rng, event: i64, time_ns: f64) -> Track {
        let charge = if rng.uniform() < self.positive_fraction {
            1
        } else {
            -1
        };
        let r = self.radius_m * rng.uniform().sqrt();
        let phi = std::f64::consts::TAU * rng.uniform();
        let (sx, sy) = (
            self.slope_sigma * normal(rng),
            self.slope_sigma * normal(rng),
        );
        let p = self.p_min_gev + (self.p_mean_gev - self.p_min_gev) * rng.exponential();
        let dir = Vec3::new(sx, sy, 1.0).unit();
        Track {
            event,
            charge,
            point_m: Vec3::new(r * phi.cos(), r * phi.sin(), self.z_start_m),
            momentum: dir * p,
            time_ns,
            pid: Pid::Muon,
            kaon_momentum: None,
            row: 0,
        }
    }
}

/// `n` single halo tracks, events 0..n, times uniform over n/rate.
#[must_use]
pub fn dump_halo(model: &HaloModel, n: u64, seed: u64) -> Vec<Track> {
    let mut rng = Rng::new(seed, 0);
    let span_ns = n as f64 / model.rate_hz * 1e9;
    (0..n)
        .map(|i| {
            let t = span_ns * rng.uniform();
            model.track(&mut rng, i as i64, t)
        })
        .collect()
}

/// The decay channel of `generate kaon`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KaonChannel {
    /// The charged lepton (e or μ).
    pub lepton: Pid,
    /// Whether the invisible particle is a heavy neutral lepton N (else ν).
    pub heavy: bool,
}

impl KaonChannel {
    /// Parses `"K+ -> mu+ N"`, `"K+ -> e+ N"`, `"K+ -> mu+ nu"`, `"K+ -> e+ nu"`.
    ///
    /// # Errors
    /// [`AnalysisError::Invalid`] for anything else.
    pub fn parse(s: &str) -> Result<Self, AnalysisError> {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let (lepton, heavy) = match t.as_str() {
            "K+->mu+N" => (Pid::Muon, true),
            "K+->e+N" => (Pid::Electron, true),
            "K+->mu+nu" => (Pid::Muon, false),
            "K+->e+nu" => (Pid::Electron, false),
            _ => {
                return Err(AnalysisError::Invalid(format!(
                    "unknown channel '{s}': expected \"K+ -> mu+ N\", \"K+ -> e+ N\", \"K+ -> mu+ nu\" or \"K+ -> e+ nu\""
                )));
            }
        };
        Ok(Self { lepton, heavy })
    }
    /// PDG id of the charged lepton (ℓ⁺: −11 or −13).
    #[must_use]
    pub fn lepton_pdg(self) -> i32 {
        if self.lepton == Pid::Muon { -13 } else { -11 }
    }
    /// PDG id of the invisible particle: ν_ℓ (12, 14) or N, for which the
    /// code 9900012 of the MadGraph HeavyN model is used (no PDG code exists).
    #[must_use]
    pub fn invisible_pdg(self) -> i32 {
        match (self.heavy, self.lepton) {
            (true, _) => 9_900_012,
            (false, Pid::Muon) => 14,
            (false, _) => 12,
        }
    }
}

/// The kaon-beam toy model of `generate kaon`.
///
/// K⁺ momentum Gaussian around `p_kaon_gev` with relative width `p_spread`
/// (NA62: 75 GeV/c, ≈ 1 %, JINST 12 (2017) P05025), direction with Gaussian
/// slopes of width `divergence`; decay z uniform in [`z_min_m`, `z_max_m`];
/// decay isotropic in the kaon rest frame. The reconstructed lepton momentum
/// is shifted along the gradient of m²_miss = (P_K − P_ℓ)² so that m²_miss
/// moves by a Gaussian of width `m2_resolution_gev2`: the m²_miss resolution
/// is exactly Gaussian with that σ (a toy resolution, not NA62's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KaonModel {
    /// Mean kaon momentum (GeV).
    pub p_kaon_gev: f64,
    /// Relative momentum spread.
    pub p_spread: f64,
    /// Gaussian width of the beam slopes.
    pub divergence: f64,
    /// Decay volume start (m).
    pub z_min_m: f64,
    /// Decay volume end (m).
    pub z_max_m: f64,
    /// σ of m²_miss (GeV²).
    pub m2_resolution_gev2: f64,
}

impl Default for KaonModel {
    fn default() -> Self {
        Self {
            p_kaon_gev: 75.0,
            p_spread: 0.01,
            divergence: 1.0e-4,
            z_min_m: 105.0,
            z_max_m: 165.0,
            m2_resolution_gev2: 1.0e-3,
        }
    }
}

/// One generated kaon decay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KaonDecay {
    /// The reconstructed (smeared) lepton track, with the kaon momentum.
    pub track: Track,
    /// The kaon four-momentum.
    pub kaon: FourVector,
    /// The true lepton four-momentum.
    pub lepton: FourVector,
    /// The invisible particle (N or ν).
    pub invisible: FourVector,
    /// Decay vertex (m).
    pub vertex_m: Vec3,
}

/// m²_miss = (P_K − P_ℓ)² with the PDG K⁺ mass and lepton mass `m_l`.
#[must_use]
pub fn m2_miss(kaon_p: Vec3, lepton_p: Vec3, m_l: f64) -> f64 {
    let k = FourVector::from_mass_momentum(KAON_CHARGED.mass, kaon_p);
    let l = FourVector::from_mass_momentum(m_l, lepton_p);
    (k - l).m2()
}

/// `n` decays K⁺ → ℓ⁺X with X of mass `mass` (0 for ν).
///
/// # Errors
/// [`AnalysisError::Invalid`] if the decay is closed (m_ℓ + m ≥ m_K) or a
/// parameter is out of its domain.
pub fn kaon_decays(
    model: &KaonModel,
    channel: KaonChannel,
    mass: f64,
    n: u64,
    seed: u64,
) -> Result<Vec<KaonDecay>, AnalysisError> {
    let m_l = if channel.lepton == Pid::Muon {
        MUON.mass
    } else {
        ELECTRON.mass
    };
    let m_x = if channel.heavy { mass } else { 0.0 };
    if !(m_x.is_finite() && m_x >= 0.0 && m_x + m_l < KAON_CHARGED.mass) {
        return Err(AnalysisError::Invalid(format!(
            "K+ -> l+ X is closed for m_X = {m_x} GeV (needs 0 <= m_X < {} GeV)",
            KAON_CHARGED.mass - m_l
        )));
    }
    let ok = model.p_kaon_gev > 0.0
        && model.p_kaon_gev.is_finite()
        && (0.0..1.0).contains(&model.p_spread)
        && model.divergence.is_finite()
        && model.divergence >= 0.0
        && model.z_min_m.is_finite()
        && model.z_max_m >= model.z_min_m
        && model.z_max_m.is_finite()
        && model.m2_resolution_gev2.is_finite()
        && model.m2_resolution_gev2 >= 0.0;
    if !ok {
        return Err(AnalysisError::Invalid(format!(
            "invalid kaon model: {model:?}"
        )));
    }
    let mut rng = Rng::new(seed, 1);
    let mut out = Vec::with_capacity(n.min(1 << 24) as usize);
    for i in 0..n {
        let p = model.p_kaon_gev * (1.0 + model.p_spread * normal(&mut rng));
        let dir = Vec3::new(
            model.divergence * normal(&mut rng),
            model.divergence * normal(&mut rng),
            1.0,
        )
        .unit();
        let kaon = FourVector::from_mass_momentum(KAON_CHARGED.mass, dir * p.abs());
        let z = model.z_min_m + (model.z_max_m - model.z_min_m) * rng.uniform();
        let vertex = Vec3::new(dir.x / dir.z * z, dir.y / dir.z * z, z);
        let (u, v) = (rng.uniform(), rng.uniform());
        let (lepton, invisible) = two_body_decay(kaon, m_l, m_x, u, v).ok_or_else(|| {
            AnalysisError::Invalid("two-body decay failed (closed channel)".into())
        })?;
        // (Should Newton fail, a new Gaussian number is drawn.)
        let mut p_reco = lepton.p;
        for _ in 0..20 {
            let target = m_x * m_x + model.m2_resolution_gev2 * normal(&mut rng);
            if let Some(p) = rescale_to_m2(kaon, lepton.p, m_l, target) {
                p_reco = p;
                break;
            }
        }
        let time_ns = 1.0e3 * i as f64 + z / crate::units::C_M_PER_S * 1e9;
        out.push(KaonDecay {
            track: Track {
                event: i as i64,
                charge: 1,
                point_m: vertex,
                momentum: p_reco,
                time_ns,
                pid: channel.lepton,
                kaon_momentum: Some(kaon.p),
                row: 0,
            },
            kaon,
            lepton,
            invisible,
            vertex_m: vertex,
        });
    }
    Ok(out)
}

/// The lepton momentum p⃗ + t ĝ whose m²_miss with `kaon` is `target`, where
/// ĝ is the direction of the gradient of m²_miss with respect to p⃗_ℓ,
/// ∇ = −2 (E_K p⃗_ℓ/E_ℓ − p⃗_K), which vanishes only for a lepton at rest in
/// the kaon frame; m²_miss = m_K² + m_ℓ² − 2 m_K E*_ℓ is monotonic along that
/// line over many σ. Newton's method on t; `None` if it does not converge.
fn rescale_to_m2(kaon: FourVector, p: Vec3, m_l: f64, target: f64) -> Option<Vec3> {
    let e0 = (m_l * m_l + p.dot(p)).sqrt();
    let g = (p * (kaon.e / e0) - kaon.p).unit();
    let mk2 = KAON_CHARGED.mass.powi(2);
    let f_df = |t: f64| {
        let q = p + g * t;
        let e = (m_l * m_l + q.dot(q)).sqrt();
        (
            mk2 + m_l * m_l - 2.0 * (kaon.e * e - kaon.p.dot(q)) - target,
            -2.0 * (kaon.e * q.dot(g) / e - kaon.p.dot(g)),
        )
    };
    // m²_miss is computed from terms of size ≈ 2 E_K E_ℓ: 1e-12 of that is
    // far below any resolution and well above the rounding noise.
    let tol = 1e-12 * (2.0 * kaon.e * e0).max(1.0);
    let mut t = 0.0;
    for _ in 0..60 {
        let (f, df) = f_df(t);
        if f.abs() <= tol {
            return Some(p + g * t);
        }
        if df == 0.0 || !df.is_finite() {
            return None;
        }
        t -= f / df;
    }
    None
}

/// A two-track event of known answer: two tracks of mass hypothesis `pid`
/// with momenta `p1` (positive) and `p2` (negative), invariant mass `mass`,
/// meeting at a vertex at z = `z_vertex_m`, whose total momentum points back
/// to the beam (z) axis with closest distance `cda_tax_m` at z = `z_tax_m`.
///
/// The pair axis runs from (cda_tax, 0, z_tax) in the y–z plane, so its
/// closest approach to the z axis is that point; the opening angle θ follows
/// from m² = m₁² + m₂² + 2(E₁E₂ − p₁p₂ cos θ), split as p₁ sin θ₁ = p₂ sin θ₂
/// so that the total momentum lies along the axis.
///
/// # Errors
/// [`AnalysisError::Invalid`] if the mass is unreachable with these momenta.
#[allow(
    clippy::too_many_arguments,
    reason = "one number per published quantity"
)]
pub fn two_track_event(
    event: i64,
    pid: Pid,
    mass: f64,
    p1: f64,
    p2: f64,
    z_tax_m: f64,
    cda_tax_m: f64,
    z_vertex_m: f64,
) -> Result<(Track, Track), AnalysisError> {
    let m = pid.mass();
    let (e1, e2) = ((m * m + p1 * p1).sqrt(), (m * m + p2 * p2).sqrt());
    let cos_t = (e1 * e2 - (mass * mass - 2.0 * m * m) / 2.0) / (p1 * p2);
    if !(cos_t.is_finite() && (-1.0..=1.0).contains(&cos_t)) || z_vertex_m == z_tax_m {
        return Err(AnalysisError::Invalid(format!(
            "no two-track event with m = {mass} GeV, p = {p1}, {p2} GeV"
        )));
    }
    let theta = cos_t.acos();
    let th1 = (p2 * theta.sin()).atan2(p1 + p2 * theta.cos());
    let th2 = theta - th1;
    let axis = Vec3::new(0.0, 0.12, z_vertex_m - z_tax_m).unit();
    let v = Vec3::new(cda_tax_m, 0.0, z_tax_m) + axis * ((z_vertex_m - z_tax_m) / axis.z);
    let ex = Vec3::new(1.0, 0.0, 0.0);
    let d1 = axis * th1.cos() + ex * th1.sin();
    let d2 = axis * th2.cos() - ex * th2.sin();
    let track = |charge: i8, d: Vec3, p: f64, offset: f64| Track {
        event,
        charge,
        point_m: v + d * offset,
        momentum: d * p,
        time_ns: 0.0,
        pid,
        kaon_momentum: None,
        row: 0,
    };
    Ok((track(1, d1, p1, 10.0), track(-1, d2, p2, 12.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kaon_m2_miss_is_gaussian_with_the_resolution() {
        // K⁺ → μ⁺N at m_N = 0.3 GeV: mean m² = 0.09 GeV², σ = 1e-3 GeV².
        let model = KaonModel::default();
        let ch = KaonChannel::parse("K+ -> mu+ N").unwrap();
        let ev = kaon_decays(&model, ch, 0.3, 20_000, 3).unwrap();
        let m2: Vec<f64> = ev
            .iter()
            .map(|e| m2_miss(e.track.kaon_momentum.unwrap(), e.track.momentum, MUON.mass))
            .collect();
        let n = m2.len() as f64;
        let mean = m2.iter().sum::<f64>() / n;
        let sd = (m2.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        // Standard errors: σ/√n = 7e-6 on the mean, σ/√(2n) = 5e-6 on σ.
        assert!((mean - 0.09).abs() < 4.0 * 1e-3 / n.sqrt(), "{mean}");
        assert!((sd - 1e-3).abs() < 4.0 * 1e-3 / (2.0 * n).sqrt(), "{sd}");
        // The true decay conserves four-momentum.
        let e = &ev[0];
        let s = e.lepton + e.invisible;
        assert!((s.e - e.kaon.e).abs() < 1e-9 && (s.p - e.kaon.p).norm() < 1e-9);
        assert!(kaon_decays(&model, ch, 0.4, 1, 1).is_err());
        assert!(KaonChannel::parse("K+ -> pi+ X").is_err());
    }

    #[test]
    fn halo_follows_its_documented_model() {
        // p = 5 GeV + exponential of mean 25 GeV: mean 30 GeV, sd 25 GeV;
        // equal charges; times uniform over N/rate = 20 ms; slopes σ = 3 mrad.
        let n = 20_000;
        let t = dump_halo(&HaloModel::default(), n, 4);
        let nf = n as f64;
        let mean_p = t.iter().map(|t| t.momentum.norm()).sum::<f64>() / nf;
        assert!((mean_p - 30.0).abs() < 4.0 * 25.0 / nf.sqrt(), "{mean_p}");
        let pos = t.iter().filter(|t| t.charge > 0).count() as f64 / nf;
        assert!((pos - 0.5).abs() < 4.0 * 0.5 / nf.sqrt(), "{pos}");
        let t_max = t.iter().map(|t| t.time_ns).fold(0.0, f64::max);
        assert!(t_max < 2e7 && t_max > 2e7 * (1.0 - 10.0 / nf), "{t_max}");
        let sx2 = t
            .iter()
            .map(|t| (t.momentum.x / t.momentum.z).powi(2))
            .sum::<f64>()
            / nf;
        assert!((sx2.sqrt() - 0.003).abs() < 4.0 * 0.003 / (2.0 * nf).sqrt());
        assert!(t.iter().all(|t| t.point_m.x.hypot(t.point_m.y) <= 1.0));
    }

    #[test]
    fn halo_is_reproducible() {
        let a = dump_halo(&HaloModel::default(), 100, 9);
        let b = dump_halo(&HaloModel::default(), 100, 9);
        assert_eq!(a, b);
        assert!(
            a.iter()
                .all(|t| t.momentum.norm() >= 5.0 && t.point_m.z == 105.0)
        );
    }
}
