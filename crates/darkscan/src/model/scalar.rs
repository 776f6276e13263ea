//! The dark scalar S: a CP-even scalar that mixes with the Higgs boson with a
//! small angle θ, so that it couples to every SM particle like a light Higgs
//! boson with all couplings multiplied by θ (Higgs portal; PBC benchmark BC4).
//! Every width below is ∝ θ², so the coupling axis is θ² and
//! [`crate::model::Fip::coupling_power`] is 1.
//!
//! Widths (m = m_S, v = (√2 G_F)^(−1/2) = 246.22 GeV, β_X = √(1 − 4m_X²/m²)):
//!
//! - leptons: Γ(S→ℓ⁺ℓ⁻) = θ² G_F m_ℓ² m β_ℓ³/(4√2 π) (the Higgs width into a
//!   fermion pair at tree level with N_c = 1: Djouadi, Phys. Rept. 457
//!   (2008) 1, hep-ph/0503172, Sec. 2; Winkler, PRD 99 (2019) 015018);
//! - photons: Γ(S→γγ) = θ² α² m³/(256π³v²)·|Σ_f N_c Q_f² A_½(τ_f) + A_1(τ_W)|²
//!   with the W, t, b, c, τ, μ and e loops (the Higgs → γγ width of Djouadi, op. cit.; light
//!   hadron loops, which Winkler adds through chiral perturbation theory, are
//!   omitted; BR(γγ) is below 10⁻⁴ above 2m_μ, so this matters only below
//!   2m_e, where γγ is the only channel);
//! - **ππ and KK (below 2 GeV)**: the dispersive coupled-channel treatment of
//!   **Winkler, PRD 99 (2019) 015018 (arXiv:1809.01876)**, Sec. III:
//!   Γ(S→ππ) = 3θ²β_π|G_π|²/(32π m v²) and Γ(S→KK) = θ²β_K|G_K|²/(8π m v²),
//!   G = (7/9)(Γ + Δ) + (2/9)Θ, with the form factors Γ, Δ, Θ (moduli and
//!   phases) of his figure of the form factors, as digitised in ALPINIST and shipped in
//!   `data/scalar_hadronic_form_factors.csv` (provenance in its header).
//!   Isospin fixes π⁺π⁻ : π⁰π⁰ = 2 : 1; for kaons K⁺K⁻ : K⁰K̄⁰ = 1 : 1 and a
//!   CP-even K⁰K̄⁰ pair is K_S K_S or K_L K_L with equal probability;
//! - multi-hadron (4π, ηη, ρρ, …) below 2 GeV: Winkler's parametrisation
//!   Γ = C θ² m³ β_4π with β_4π = √(1 − 16m_π²/m²) and C = 5.1×10⁻⁹ GeV⁻²,
//!   fixed in that paper by matching the total hadronic width to the
//!   perturbative one at 2 GeV (the value of C as used by ALPINIST,
//!   `ALP_rescale/scalar/decay_widths_DS.py`);
//! - above 2 GeV, inclusively (no exclusive final states): S→ss̄ and S→cc̄,
//!   Γ = 3θ² m_q² m β³/(8π v²) with the meson-pair thresholds (β of the K,
//!   resp. D meson, as Winkler does) and MS-bar masses m_s = 0.095 GeV,
//!   m_c = 1.27 GeV (PDG 2024 at 2 GeV resp. m_c(m_c)); S→gg at leading order,
//!   Γ = θ² α_s(m)² m³/(72π³v²)·|Σ_{q=c,b,t} (3/4)A_½(τ_q)|² (Djouadi,
//!   op. cit., the Higgs → gg width), with one-loop α_s from α_s(m_Z) = 0.1180 (PDG 2024); and
//!   S→bb̄ above the B B̄ threshold.
//!
//! Approximations and their size: at the exclusive/inclusive switch at 2 GeV
//! the total width drops by 12 % (9.25×10⁻⁸ θ² GeV just below, 8.15×10⁻⁸
//! just above); S→gg is at leading order, without QCD corrections (which
//! raise it substantially; Winkler includes them); the form factors are
//! digitised, so near the f₀(980) peak (0.85–1.05 GeV) Γ_ππ differs from
//! Winkler's published width by up to a factor 2 (elsewhere by at most 14 %,
//! see `tests/scalar_widths.rs`). The model is declared valid up to 10 GeV.

use super::ModelError;
use crate::model::{Daughter, DecayChannel, DecayTable, Fip};
use crate::units::{
    ALPHA_EM, B_CHARGED, D_NEUTRAL, ELECTRON, G_FERMI, KAON_CHARGED, MUON, PION_CHARGED, TAU,
};
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;
use std::sync::OnceLock;

/// Highest scalar mass (GeV) for which [`ScalarModel`] gives widths: above
/// ≈ 10 GeV the bb̄ threshold region and bottomonium mixing (not modelled)
/// matter, and the kaon/B-meson production channels are closed anyway.
pub const MAX_SCALAR_MASS: f64 = 10.0;

/// Where the exclusive hadronic description (ππ, KK, 4π) hands over to the
/// inclusive perturbative one (gg, ss̄, cc̄): 2 GeV, as in Winkler (2019).
pub const HADRONIC_SWITCH_MASS: f64 = 2.0;

/// Higgs vacuum expectation value v = (√2 G_F)^(−1/2) in GeV (246.22 GeV
/// with G_F from PDG 2024).
#[must_use]
pub fn higgs_vev() -> f64 {
    (std::f64::consts::SQRT_2 * G_FERMI).powf(-0.5)
}

/// W mass in GeV (PDG 2024).
pub const M_W: f64 = 80.369_2;
/// Z mass in GeV (PDG 2024).
pub const M_Z: f64 = 91.188_0;
/// Top-quark pole mass in GeV (PDG 2024, direct measurements: 172.57).
pub const M_TOP: f64 = 172.57;
/// Bottom-quark MS-bar mass m_b(m_b) in GeV (PDG 2024).
pub const M_BOTTOM: f64 = 4.183;
/// Charm-quark MS-bar mass m_c(m_c) in GeV (PDG 2024).
pub const M_CHARM: f64 = 1.273_0;
/// Strange-quark MS-bar mass at 2 GeV in GeV (PDG 2024: 93.5 MeV; Winkler
/// uses 95 MeV).
pub const M_STRANGE: f64 = 0.095;
/// Strong coupling at the Z pole (PDG 2024 world average).
pub const ALPHA_S_MZ: f64 = 0.1180;

/// A minimal complex number for the loop functions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct C64 {
    pub re: f64,
    pub im: f64,
}

impl C64 {
    pub(crate) fn new(re: f64, im: f64) -> Self {
        Self { re, im }
    }
    pub(crate) fn norm_sqr(self) -> f64 {
        self.re * self.re + self.im * self.im
    }
    pub(crate) fn add(self, o: Self) -> Self {
        Self::new(self.re + o.re, self.im + o.im)
    }
    pub(crate) fn scale(self, s: f64) -> Self {
        Self::new(self.re * s, self.im * s)
    }
    pub(crate) fn mul(self, o: Self) -> Self {
        Self::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
    pub(crate) fn from_polar(r: f64, phi: f64) -> Self {
        Self::new(r * phi.cos(), r * phi.sin())
    }
}

/// The triangle-loop function f(τ) of Djouadi, Phys. Rept. 457 (2008) 1
/// (Higgs → γγ section): arcsin²√τ for τ ≤ 1 and −¼[ln((1+√(1−1/τ))/(1−√(1−1/τ))) − iπ]²
/// above, with τ = m²/(4m_loop²).
pub(crate) fn loop_f(tau: f64) -> C64 {
    if tau <= 1.0 {
        let a = tau.sqrt().asin();
        C64::new(a * a, 0.0)
    } else {
        let s = (1.0 - 1.0 / tau).sqrt();
        let l = ((1.0 + s) / (1.0 - s)).ln();
        // −¼ (l − iπ)² = −¼ (l² − π² − 2iπl)
        C64::new(-0.25 * (l * l - PI * PI), 0.5 * PI * l)
    }
}

/// Spin-½ loop amplitude of a CP-even scalar, A_½(τ) = 2[τ + (τ−1)f(τ)]/τ²
/// (Djouadi, op. cit.): 4/3 for a heavy loop particle (τ → 0), → 0 for a light
/// one.
pub(crate) fn a_half(tau: f64) -> C64 {
    if tau < 1e-6 {
        return C64::new(4.0 / 3.0, 0.0);
    }
    let f = loop_f(tau);
    C64::new(tau, 0.0)
        .add(f.scale(tau - 1.0))
        .scale(2.0 / (tau * tau))
}

/// Spin-1 (W) loop amplitude A_1(τ) = −[2τ² + 3τ + 3(2τ−1)f(τ)]/τ²
/// (Djouadi, op. cit.): −7 for τ → 0.
fn a_one(tau: f64) -> C64 {
    if tau < 1e-6 {
        return C64::new(-7.0, 0.0);
    }
    let f = loop_f(tau);
    C64::new(2.0 * tau * tau + 3.0 * tau, 0.0)
        .add(f.scale(3.0 * (2.0 * tau - 1.0)))
        .scale(-1.0 / (tau * tau))
}

/// One-loop α_s(μ) run from α_s(m_Z) = 0.1180 with n_f = 5 above m_b, 4
/// between m_c and m_b and 3 below (continuous at the thresholds), for
/// μ ≥ 1 GeV (clamped there). Leading-order running (PDG QCD review §9,
/// Eq. 9.4 truncated at b₀).
#[must_use]
pub fn alpha_s(mu: f64) -> f64 {
    let b0 = |nf: f64| (33.0 - 2.0 * nf) / (12.0 * PI);
    let run = |a: f64, from: f64, to: f64, nf: f64| {
        1.0 / (1.0 / a + b0(nf) * (to * to / (from * from)).ln())
    };
    let mu = mu.max(1.0);
    let a_b = run(ALPHA_S_MZ, M_Z, M_BOTTOM, 5.0);
    if mu >= M_BOTTOM {
        return run(ALPHA_S_MZ, M_Z, mu, 5.0);
    }
    let a_c = run(a_b, M_BOTTOM, M_CHARM, 4.0);
    if mu >= M_CHARM {
        return run(a_b, M_BOTTOM, mu, 4.0);
    }
    run(a_c, M_CHARM, mu, 3.0)
}

/// β³-suppressed Yukawa width 3θ² m_q² m β³/(8π v²) ·(N_c/3) at θ = 1, with
/// the kinematic threshold of the lightest meson pair `m_threshold`.
fn yukawa_width(mass: f64, coupling_mass: f64, threshold_mass: f64, colours: f64) -> f64 {
    if mass <= 2.0 * threshold_mass {
        return 0.0;
    }
    let beta = (1.0 - 4.0 * threshold_mass * threshold_mass / (mass * mass)).sqrt();
    let v = higgs_vev();
    colours * coupling_mass * coupling_mass * mass * beta.powi(3) / (8.0 * PI * v * v)
}

/// Γ(S→ℓ⁺ℓ⁻)/θ² in GeV: G_F m_ℓ² m β³/(4√2 π) (Winkler 2019).
#[must_use]
pub fn width_leptons(mass: f64, lepton_mass: f64) -> f64 {
    if !mass.is_finite() || mass <= 2.0 * lepton_mass {
        return 0.0;
    }
    let beta = (1.0 - 4.0 * lepton_mass * lepton_mass / (mass * mass)).sqrt();
    G_FERMI * lepton_mass * lepton_mass * mass * beta.powi(3)
        / (4.0 * std::f64::consts::SQRT_2 * PI)
}

/// Γ(S→γγ)/θ² in GeV with W, t, b, c, τ, μ, e loops (see module docs).
#[must_use]
pub fn width_photons(mass: f64) -> f64 {
    let tau = |m: f64| mass * mass / (4.0 * m * m);
    let fermions: [(f64, f64); 6] = [
        (M_TOP, 3.0 * 4.0 / 9.0),
        (M_BOTTOM, 3.0 / 9.0),
        (M_CHARM, 3.0 * 4.0 / 9.0),
        (TAU.mass, 1.0),
        (MUON.mass, 1.0),
        (ELECTRON.mass, 1.0),
    ];
    let mut amp = a_one(tau(M_W));
    for (m, ncq2) in fermions {
        amp = amp.add(a_half(tau(m)).scale(ncq2));
    }
    let v = higgs_vev();
    ALPHA_EM * ALPHA_EM * mass.powi(3) / (256.0 * PI.powi(3) * v * v) * amp.norm_sqr()
}

/// Γ(S→gg)/θ² in GeV at leading order with c, b, t loops (module docs); 0
/// below [`HADRONIC_SWITCH_MASS`], where the exclusive channels take over.
#[must_use]
pub fn width_gluons(mass: f64) -> f64 {
    if mass < HADRONIC_SWITCH_MASS {
        return 0.0;
    }
    let mut amp = C64::new(0.0, 0.0);
    for m in [M_CHARM, M_BOTTOM, M_TOP] {
        amp = amp.add(a_half(mass * mass / (4.0 * m * m)).scale(0.75));
    }
    let v = higgs_vev();
    let a = alpha_s(mass);
    a * a * mass.powi(3) / (72.0 * PI.powi(3) * v * v) * amp.norm_sqr()
}

/// Γ(S→ss̄)/θ² (inclusive, above 2 GeV; K K̄ threshold).
#[must_use]
pub fn width_strange(mass: f64) -> f64 {
    if mass < HADRONIC_SWITCH_MASS {
        return 0.0;
    }
    yukawa_width(mass, M_STRANGE, KAON_CHARGED.mass, 3.0)
}

/// Γ(S→cc̄)/θ² (inclusive, above 2 GeV; D D̄ threshold).
#[must_use]
pub fn width_charm(mass: f64) -> f64 {
    if mass < HADRONIC_SWITCH_MASS {
        return 0.0;
    }
    yukawa_width(mass, M_CHARM, D_NEUTRAL.mass, 3.0)
}

/// Γ(S→bb̄)/θ² (inclusive; B B̄ threshold).
#[must_use]
pub fn width_bottom(mass: f64) -> f64 {
    yukawa_width(mass, M_BOTTOM, B_CHARGED.mass, 3.0)
}

/// Which two-meson channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MesonPair {
    PiPi,
    KK,
}

/// The shipped Winkler form factors: data/scalar_hadronic_form_factors.csv.
const FORM_FACTORS_CSV: &str = include_str!("../../data/scalar_hadronic_form_factors.csv");

/// (x, y) points of one series, sorted in x.
type Series = Vec<(f64, f64)>;

/// Per channel: [Γ, Δ, Θ] × [modulus, phase].
struct FormFactorTables {
    pipi: [[Series; 2]; 3],
    kk: [[Series; 2]; 3],
}

fn form_factor_tables() -> &'static FormFactorTables {
    static T: OnceLock<FormFactorTables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = FormFactorTables {
            pipi: Default::default(),
            kk: Default::default(),
        };
        for line in FORM_FACTORS_CSV.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') || line.starts_with("channel") {
                continue;
            }
            let f: Vec<&str> = line.split(',').map(str::trim).collect();
            if f.len() != 5 {
                continue;
            }
            let (Ok(x), Ok(y)) = (f[3].parse::<f64>(), f[4].parse::<f64>()) else {
                continue;
            };
            let ch = match f[0] {
                "pipi" => &mut t.pipi,
                "KK" => &mut t.kk,
                _ => continue,
            };
            let i = match f[1] {
                "gamma" => 0,
                "delta" => 1,
                "theta" => 2,
                _ => continue,
            };
            let j = usize::from(f[2] == "arg");
            ch[i][j].push((x, y));
        }
        for ch in [&mut t.pipi, &mut t.kk] {
            for ff in ch.iter_mut() {
                for s in ff.iter_mut() {
                    s.sort_by(|a, b| a.0.total_cmp(&b.0));
                }
            }
        }
        t
    })
}

/// Linear interpolation in a sorted series, constant beyond its ends.
fn interpolate(s: &[(f64, f64)], x: f64) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    if x <= s[0].0 {
        return s[0].1;
    }
    if x >= s[s.len() - 1].0 {
        return s[s.len() - 1].1;
    }
    let i = s.partition_point(|p| p.0 <= x);
    let (x0, y0) = s[i - 1];
    let (x1, y1) = s[i];
    if x1 <= x0 {
        return y0;
    }
    y0 + (y1 - y0) * (x - x0) / (x1 - x0)
}

/// |G|² = |(7/9)(Γ + Δ) + (2/9)Θ|² in GeV⁴ at √s = `mass` (Winkler 2019).
fn g_squared(pair: MesonPair, mass: f64) -> f64 {
    let t = form_factor_tables();
    let ch = match pair {
        MesonPair::PiPi => &t.pipi,
        MesonPair::KK => &t.kk,
    };
    let ff = |i: usize| C64::from_polar(interpolate(&ch[i][0], mass), interpolate(&ch[i][1], mass));
    ff(0)
        .add(ff(1))
        .scale(7.0 / 9.0)
        .add(ff(2).scale(2.0 / 9.0))
        .norm_sqr()
}

/// Γ(S→ππ)/θ² in GeV (π⁺π⁻ + π⁰π⁰), Winkler's dispersive result, for
/// 2m_π < m < 2 GeV (0 outside).
#[must_use]
pub fn width_pipi(mass: f64) -> f64 {
    let mpi = PION_CHARGED.mass;
    if !(mass > 2.0 * mpi && mass < HADRONIC_SWITCH_MASS) {
        return 0.0;
    }
    let beta = (1.0 - 4.0 * mpi * mpi / (mass * mass)).sqrt();
    let v = higgs_vev();
    3.0 * beta * g_squared(MesonPair::PiPi, mass) / (32.0 * PI * mass * v * v)
}

/// Γ(S→KK̄)/θ² in GeV (K⁺K⁻ + K⁰K̄⁰), Winkler's dispersive result, for
/// 2m_K < m < 2 GeV (0 outside).
#[must_use]
pub fn width_kk(mass: f64) -> f64 {
    let mk = KAON_CHARGED.mass;
    if !(mass > 2.0 * mk && mass < HADRONIC_SWITCH_MASS) {
        return 0.0;
    }
    let beta = (1.0 - 4.0 * mk * mk / (mass * mass)).sqrt();
    let v = higgs_vev();
    beta * g_squared(MesonPair::KK, mass) / (8.0 * PI * mass * v * v)
}

/// Winkler's multi-hadron coefficient C in GeV⁻² (module docs).
pub const MULTI_HADRON_C: f64 = 5.1e-9;

/// Γ(S→4π, ηη, ρρ, …)/θ² in GeV below 2 GeV: C m³ β_4π (module docs).
#[must_use]
pub fn width_multi_hadron(mass: f64) -> f64 {
    let mpi = PION_CHARGED.mass;
    if !(mass > 4.0 * mpi && mass < HADRONIC_SWITCH_MASS) {
        return 0.0;
    }
    MULTI_HADRON_C * mass.powi(3) * (1.0 - 16.0 * mpi * mpi / (mass * mass)).sqrt()
}

/// The dark scalar on the portal layer: coupling axis θ² (p = 1).
///
/// `theta2` is the coupling vector (one component): the decay table is for
/// this θ² at axis scale g = 1, as the [`Fip`] interface requires (θ² = g ·
/// `theta2` on the reach's axis; presets use `theta2 = 1`, so the axis is θ²
/// itself).
///
/// Channels: "e+e-", "mu+mu-", "tau+tau-", "gamma gamma", "pi+pi-",
/// "pi0pi0", "K+K-", "K_S K_S", "K_L K_L" (exclusive, with daughters);
/// "multi-hadron" (4π, ηη, … below 2 GeV), "g g", "s sbar", "c cbar",
/// "b bbar" (inclusive, no daughters). [`ScalarModel::grouped`] sums them into
/// "pi pi", "K K" and "hadrons (inclusive)".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScalarModel {
    /// Mixing angle squared θ² at g = 1.
    pub theta2: f64,
}

impl Default for ScalarModel {
    fn default() -> Self {
        Self { theta2: 1.0 }
    }
}

fn check_mass(mass: f64) -> Result<(), ModelError> {
    if !(mass.is_finite() && mass > 0.0) {
        return Err(ModelError::InvalidMass(mass));
    }
    if mass > MAX_SCALAR_MASS {
        return Err(ModelError::MassOutOfRange {
            mass,
            max: MAX_SCALAR_MASS,
        });
    }
    Ok(())
}

fn pair(a: i32, b: i32) -> Vec<Daughter> {
    [a, b]
        .into_iter()
        .map(|id| Daughter::from_pdg(id).expect("particle in units"))
        .collect()
}

impl ScalarModel {
    /// A scalar with mixing θ² (finite, > 0).
    pub fn new(theta2: f64) -> Result<Self, ModelError> {
        if !(theta2.is_finite() && theta2 > 0.0) {
            return Err(ModelError::InvalidCoupling(theta2));
        }
        Ok(Self { theta2 })
    }

    /// Branching ratios grouped as the CLI reports them: "e+e-", "mu+mu-",
    /// "tau+tau-", "gamma gamma", "pi pi" (π⁺π⁻ + π⁰π⁰), "K K" (all kaon
    /// pairs), "multi-hadron", "g g", "s sbar", "c cbar", "b bbar".
    pub fn grouped(&self, mass: f64) -> Result<Vec<(String, f64)>, ModelError> {
        let t = self.decays(mass)?;
        let mut out: Vec<(String, f64)> = Vec::new();
        for (name, br) in t.branching_ratios(1.0) {
            let group = match name.as_str() {
                "pi+pi-" | "pi0pi0" => "pi pi".to_string(),
                "K+K-" | "K_S K_S" | "K_L K_L" => "K K".to_string(),
                _ => name,
            };
            if let Some(e) = out.iter_mut().find(|e| e.0 == group) {
                e.1 += br;
            } else {
                out.push((group, br));
            }
        }
        Ok(out)
    }
}

impl Fip for ScalarModel {
    fn model_name(&self) -> &'static str {
        "scalar"
    }
    fn coupling_label(&self) -> String {
        "theta^2".into()
    }
    fn coupling_power(&self) -> i32 {
        1
    }
    fn mass_symbol(&self) -> String {
        "m_S".into()
    }
    fn decays(&self, mass: f64) -> Result<DecayTable, ModelError> {
        check_mass(mass)?;
        let pipi = width_pipi(mass);
        let kk = width_kk(mass);
        // Isospin: π⁺π⁻ : π⁰π⁰ = 2 : 1. The CP-even K⁰K̄⁰ pair is
        // (K_S K_S + K_L K_L)/√2; K⁺K⁻ : K⁰K̄⁰ = 1 : 1 (phase space
        // differences are inside the form factors' threshold behaviour and
        // neglected here).
        let mut channels = vec![
            DecayChannel::portal("e+e-", width_leptons(mass, ELECTRON.mass), pair(-11, 11)),
            DecayChannel::portal("mu+mu-", width_leptons(mass, MUON.mass), pair(-13, 13)),
            DecayChannel::portal("tau+tau-", width_leptons(mass, TAU.mass), pair(-15, 15)),
            DecayChannel::portal("gamma gamma", width_photons(mass), pair(22, 22)),
            DecayChannel::portal("pi+pi-", pipi * 2.0 / 3.0, pair(211, -211)),
            DecayChannel::portal("pi0pi0", pipi / 3.0, pair(111, 111)),
            DecayChannel::portal("K+K-", kk / 2.0, pair(321, -321)),
            DecayChannel::portal("K_S K_S", kk / 4.0, pair(310, 310)),
            DecayChannel::portal("K_L K_L", kk / 4.0, pair(130, 130)),
            DecayChannel::portal("multi-hadron", width_multi_hadron(mass), Vec::new()),
            DecayChannel::portal("g g", width_gluons(mass), Vec::new()),
            DecayChannel::portal("s sbar", width_strange(mass), Vec::new()),
            DecayChannel::portal("c cbar", width_charm(mass), Vec::new()),
            DecayChannel::portal("b bbar", width_bottom(mass), Vec::new()),
        ];
        // The table is for this coupling vector at g = 1 (the `Fip`
        // contract): every width ∝ θ².
        for c in &mut channels {
            c.width *= self.theta2;
        }
        channels.retain(|c| c.width > 0.0);
        Ok(DecayTable {
            mass,
            coupling_power: 1,
            channels,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vev_and_alpha_s() {
        assert!((higgs_vev() - 246.22).abs() < 0.01);
        assert!((alpha_s(M_Z) - ALPHA_S_MZ).abs() < 1e-12);
        // One-loop α_s(m_τ) ≈ 0.30–0.33 (PDG: 0.314 at higher order).
        let a = alpha_s(1.777);
        assert!(a > 0.27 && a < 0.36, "{a}");
    }

    #[test]
    fn loop_functions_limits() {
        assert!((a_half(1e-4).re - 4.0 / 3.0).abs() < 1e-3);
        assert!((a_one(1e-4).re + 7.0).abs() < 1e-2);
        // Light loop particle: A_½ → 0.
        assert!(a_half(1e8).norm_sqr() < 1e-4);
        // Continuity of f at τ = 1: π²/4.
        let below = loop_f(1.0 - 1e-9).re;
        let above = loop_f(1.0 + 1e-9).re;
        assert!((below - PI * PI / 4.0).abs() < 1e-3 && (above - below).abs() < 1e-3);
    }

    #[test]
    fn table_is_complete_and_finite() {
        let m = ScalarModel::default();
        for &mass in &[1e-3, 0.01, 0.25, 0.5, 0.98, 1.5, 1.99, 2.0, 3.0, 5.0, 9.9] {
            let t = m.decays(mass).unwrap();
            assert!(t.total_width(1.0).is_finite() && t.total_width(1.0) > 0.0);
            let s: f64 = t.branching_ratios(1.0).iter().map(|x| x.1).sum();
            assert!((s - 1.0).abs() < 1e-12, "{mass}");
        }
        assert!(matches!(m.decays(0.0), Err(ModelError::InvalidMass(_))));
        assert!(matches!(
            m.decays(20.0),
            Err(ModelError::MassOutOfRange { .. })
        ));
        // Below 2m_e no channel but γγ: still a finite width.
        let t = m.decays(5e-4).unwrap();
        assert_eq!(t.channels.len(), 1);
    }
}
