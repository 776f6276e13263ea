//! Heavy neutral leptons (the neutrino portal): decay widths, branching ratios
//! and lifetime of an HNL N of mass M mixing with the active neutrinos with
//! squared mixings |U_e|², |U_μ|², |U_τ|².
//!
//! # Source
//! All widths follow K. Bondarenko, A. Boyarsky, D. Gorbunov and
//! O. Ruchayskiy, *Phenomenology of GeV-scale heavy neutral leptons*,
//! JHEP 11 (2018) 032, arXiv:1805.08567 (“BBGR” below), section 3:
//!
//! - three-body leptonic: charged current N → ℓ_α⁻ ℓ_β⁺ ν_β (α ≠ β, BBGR
//!   sec. 3.1.1, with the kinematic function I), neutral current with the
//!   charged-current interference N → ν_α ℓ_β⁻ ℓ_β⁺ (BBGR sec. 3.1.2, with the
//!   coefficients C₁…C₄ and the functions f₁, f₂, L of Gorbunov & Shaposhnikov,
//!   JHEP 10 (2007) 015), and N → ν_α ν_β ν̄_β (BBGR sec. 3.1.2);
//! - two-body: ℓ_α⁻ P⁺ and ν_α P⁰ with pseudoscalars and
//!   ℓ_α⁻ V⁺ and ν_α V⁰ with vectors (BBGR sec. 3.2.1, single meson);
//! - inclusive quark channels N → ℓ_α⁻ u d̄ and N → ν_α q q̄ (BBGR sec. 3.2,
//!   multi-hadron final states: the leptonic formulas with N_c = 3, the quark couplings
//!   and the CKM elements) times the QCD correction
//!   1 + Δ_QCD, Δ_QCD = α_s/π + 5.2 (α_s/π)² + 26.4 (α_s/π)³ (BBGR sec. 3.2,
//!   after Gorishny, Kataev & Larin), α_s at the scale M (three-loop running
//!   from α_s(M_Z) = 0.1180, PDG 2024).
//!
//! # Exclusive and inclusive hadronic channels (the matching)
//! Below [`INCLUSIVE_SWITCH_MASS`] = 1 GeV the hadronic width is the sum of
//! the exclusive single-meson channels. From 1 GeV on (the switch HNLCalc
//! uses, A. Hewitt & D. La Rocco, arXiv:2405.07330; BBGR sec. 3.2 discuss how
//! multi-meson final states take over above ≈ 1 GeV) each hadronic group — ℓ_α⁻ and
//! hadrons, its Majorana conjugate ℓ_α⁺ and hadrons, and ν and hadrons — has the
//! width max(Γ_inclusive, Σ Γ_exclusive): the inclusive quark width with QCD
//! correction, or the exclusive sum where that is larger (near a threshold,
//! e.g. τ⁻π⁺ just above 1.92 GeV, where the quark picture undercounts). The
//! exclusive channels keep their widths and final states, and the rest of the
//! group is one channel "ℓ⁻ hadrons" / "nu hadrons" without daughters (the
//! multi-hadron final states that the acceptance Monte Carlo does not model).
//! A quark channel counts only above its lightest hadronic threshold
//! (ℓ + π for u d̄, ℓ + K for u s̄, ℓ + D for c d̄, ℓ + D_s for c s̄; π⁰ for
//! uū and dd̄, 2 m_K for s s̄, η_c for c c̄); the phase space uses the quark
//! masses m_u = m_d = 0, m_s = 93.5 MeV (PDG 2024 MS-bar at 2 GeV),
//! m_c = 1.5 GeV (as HNLCalc; between the MS-bar and pole masses) and
//! m_b = 4.78 GeV (PDG 2024 pole mass).
//!
//! The inclusive width exceeds the exclusive sum everywhere above 1 GeV (by
//! 11 % at 1 GeV and 54 % at 2 GeV for a pure U_e), so the total width jumps
//! at the switch: +12 % for U_e or U_μ, +20 % for U_τ (α_s(1 GeV) = 0.46 at
//! three loops; the jump measures the uncertainty of either description there).
//!
//! # Majorana and Dirac
//! The BBGR formulas are the widths of one lepton-number assignment (a Dirac
//! N, or N → ℓ⁻ X⁺ only). A Majorana N (the default) decays as well into every
//! charge-conjugate final state with the same width. darkscan lists the
//! charge-conjugate charged-current channels separately ("e- pi+" and
//! "e+ pi-": different charges in the detector) and doubles the
//! neutral-current widths in place ("nu pi0" stands for ν π⁰ + ν̄ π⁰, one
//! visible final state). So every Majorana total width is exactly twice the
//! Dirac one at the same |U_α|², and cτ is half.
//!
//! Neutrino daughters of flavour-summed channels carry PDG id 12 (ν) or −12
//! (ν̄); the detector never sees them.

use super::ModelError;
use super::portal::{Daughter, DecayChannel, DecayTable, Fip};
use crate::kinematics::kallen;
use crate::numeric::quadrature::gauss_legendre;
use crate::units::{self, G_FERMI};
use std::f64::consts::PI;
use std::sync::OnceLock;

/// Mass (GeV) from which the hadronic width is matched to the inclusive quark
/// width (see the module docs).
pub const INCLUSIVE_SWITCH_MASS: f64 = 1.0;
/// Largest HNL mass the model covers (GeV): the B-meson-decay range of BBGR.
pub const MAX_MASS: f64 = 5.0;
/// sin²θ_W (MS-bar at M_Z, PDG 2024 electroweak review: 0.23129).
pub const SIN2_THETA_W: f64 = 0.231_29;

/// CKM magnitudes (PDG 2024 CKM review, global fit / direct averages).
pub mod ckm {
    /// |V_ud| = 0.97367.
    pub const VUD: f64 = 0.973_67;
    /// |V_us| = 0.22431.
    pub const VUS: f64 = 0.224_31;
    /// |V_ub| = 3.82×10⁻³.
    pub const VUB: f64 = 3.82e-3;
    /// |V_cd| = 0.221.
    pub const VCD: f64 = 0.221;
    /// |V_cs| = 0.975.
    pub const VCS: f64 = 0.975;
    /// |V_cb| = 41.1×10⁻³.
    pub const VCB: f64 = 41.1e-3;
}

/// Meson decay constants in GeV (convention f_π ≈ 130 MeV).
pub mod decay_constants {
    /// f_π± = 130.2 MeV (PDG 2024, leptonic decays of pseudoscalars review).
    pub const PI: f64 = 0.1302;
    /// f_K± = 155.7 MeV (FLAG 2021, N_f = 2+1+1).
    pub const K: f64 = 0.1557;
    /// f_D± = 212.0 MeV (FLAG 2021, N_f = 2+1+1).
    pub const D: f64 = 0.2120;
    /// f_Ds = 249.9 MeV (FLAG 2021, N_f = 2+1+1).
    pub const DS: f64 = 0.2499;
    /// f_B = 190.0 MeV (FLAG 2021, N_f = 2+1+1).
    pub const B: f64 = 0.1900;
    /// f_Bc = 427 MeV (HPQCD, McNeile et al., PRD 86 (2012) 074503).
    pub const BC: f64 = 0.427;
    /// Neutral-current η constant, 81.7 MeV (BBGR's table of decay constants,
    /// as also implemented in cHNLdecay, github.com/f-thiele/cHNLdecay).
    pub const ETA: f64 = 0.0817;
    /// Neutral-current η′ constant, −94.7 MeV (BBGR's table, as in cHNLdecay).
    pub const ETA_PRIME: f64 = -0.0947;
    /// f_ρ = 210 MeV, from B(τ → π π⁰ ν) = 25.49 % (PDG 2024) with
    /// Γ(τ → ρν) = G_F²|V_ud|² f_ρ² m_τ³ (1 − x²)² (1 + 2x²)/(16π).
    pub const RHO: f64 = 0.210;
    /// f_ω = 195 MeV, with ⟨0|ūγ^μu|ω⟩ = f_ω m_ω ε^μ/√2 (BBGR: g_ω = 0.153 GeV²
    /// = f_ω m_ω; consistent with Γ(ω → e⁺e⁻), PDG 2024, within 3 %).
    pub const OMEGA: f64 = 0.195;
    /// f_φ = 229 MeV, with ⟨0|s̄γ^μs|φ⟩ = f_φ m_φ ε^μ (BBGR: g_φ = 0.234 GeV²;
    /// Γ(φ → e⁺e⁻), PDG 2024, gives 228 MeV).
    pub const PHI: f64 = 0.229;
    /// f_K* = 204 MeV (B(τ → K*(892)ν) = 1.20 %, PDG 2024, gives 206 MeV with
    /// the formula of [`RHO`]).
    pub const KSTAR: f64 = 0.204;
    /// f_D* = 223.5 MeV (ETMC, Lubicz et al., PRD 96 (2017) 034524).
    pub const DSTAR: f64 = 0.2235;
    /// f_Ds* = 268.8 MeV (ETMC, Lubicz et al., PRD 96 (2017) 034524).
    pub const DSSTAR: f64 = 0.2688;
}

/// An HNL coupling vector: squared mixings with the three active flavours,
/// Majorana (default) or Dirac. The reach's coupling axis g scales the
/// whole vector (U_α² → g U_α², [`Fip::coupling_power`] = 1).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HnlModel {
    /// |U_e|².
    pub ue2: f64,
    /// |U_μ|².
    pub umu2: f64,
    /// |U_τ|².
    pub utau2: f64,
    /// Majorana (true) or Dirac (false).
    pub majorana: bool,
}

/// Charged lepton of flavour α (0 = e, 1 = μ, 2 = τ): PDG id of ℓ⁻.
const LEPTON_PDG: [i32; 3] = [11, 13, 15];
/// Neutrino of flavour α.
const NEUTRINO_PDG: [i32; 3] = [12, 14, 16];

fn lepton_mass(alpha: usize) -> f64 {
    [units::ELECTRON.mass, units::MUON.mass, units::TAU.mass][alpha]
}

/// The name of a particle in channel names: "e-", "mu+", "pi+", "K*-",
/// "nu", "nu~", "pi0", …
pub(crate) fn particle_name(pdg: i32) -> String {
    let a = pdg.abs();
    let neg = pdg < 0;
    match a {
        11 | 13 | 15 => {
            let base = match a {
                11 => "e",
                13 => "mu",
                _ => "tau",
            };
            format!("{base}{}", if neg { "+" } else { "-" })
        }
        12 | 14 | 16 => {
            let base = match a {
                12 => "nu_e",
                14 => "nu_mu",
                _ => "nu_tau",
            };
            format!("{base}{}", if neg { "~" } else { "" })
        }
        _ => {
            let name = units::ALL_PARTICLES
                .iter()
                .find(|p| p.pdg_id == a)
                .map_or_else(|| format!("[{a}]"), |p| p.name.to_string());
            if neg {
                if let Some(stem) = name.strip_suffix('+') {
                    format!("{stem}-")
                } else {
                    format!("{name}~")
                }
            } else {
                name
            }
        }
    }
}

fn daughter(pdg: i32) -> Daughter {
    Daughter::from_pdg(pdg).expect("every HNL daughter is in units::ALL_PARTICLES")
}

/// The Källén function of squared mass ratios, clamped at 0.
fn lam(a: f64, b: f64, c: f64) -> f64 {
    kallen(a, b, c).max(0.0)
}

/// Integrates f over [a, b] for integrands with square-root end points:
/// s = a + (b − a)(1 − cos θ)/2 and a 48-point Gauss–Legendre rule in θ.
pub(crate) fn integrate_sqrt_ends(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    static RULE: OnceLock<(Vec<f64>, Vec<f64>)> = OnceLock::new();
    let (x, w) = RULE.get_or_init(|| gauss_legendre(48));
    if b <= a {
        return 0.0;
    }
    let half = 0.5 * PI;
    x.iter()
        .zip(w)
        .map(|(&xi, &wi)| {
            let theta = half * (xi + 1.0);
            let s = a + 0.5 * (b - a) * (1.0 - theta.cos());
            wi * half * 0.5 * (b - a) * theta.sin() * f(s)
        })
        .sum()
}

/// The kinematic function of three-body decays through a V−A four-fermion
/// vertex (BBGR sec. 3.1.1):
/// I(x, y, z) = 12 ∫_{(x+y)²}^{(1−z)²} ds/s (s − x² − y²)(1 + z² − s)
/// λ^{1/2}(s, x², y²) λ^{1/2}(1, s, z²), with x, y, z the daughter masses over
/// the parent's; I(0, 0, 0) = 1. It is symmetric in its arguments.
#[must_use]
pub fn kinematic_i(x: f64, y: f64, z: f64) -> f64 {
    if x + y + z >= 1.0 {
        return 0.0;
    }
    let (x2, y2, z2) = (x * x, y * y, z * z);
    12.0 * integrate_sqrt_ends(
        |s| (s - x2 - y2) * (1.0 + z2 - s) * lam(s, x2, y2).sqrt() * lam(1.0, s, z2).sqrt() / s,
        (x + y) * (x + y),
        (1.0 - z) * (1.0 - z),
    )
}

/// L(x) of Gorbunov & Shaposhnikov (2007) (BBGR sec. 3.1.2), in the
/// algebraically equivalent, cancellation-free form
/// L = ln[(1 − 3x² − (1 − x²)√(1 − 4x²)) / (x²(1 + √(1 − 4x²)))]
///   = 2 ln[4x² / (1 + √(1 − 4x²))²].
fn big_l(x: f64) -> f64 {
    let s = (1.0 - 4.0 * x * x).max(0.0).sqrt();
    2.0 * (4.0 * x * x / ((1.0 + s) * (1.0 + s))).ln()
}

/// f₁(x) = (1 − 14x² − 2x⁴ − 12x⁶)√(1 − 4x²) + 12x⁴(x⁴ − 1)L(x)
/// (BBGR sec. 3.1.2); f₁(0) = 1.
fn f1(x: f64) -> f64 {
    if 2.0 * x >= 1.0 {
        return 0.0;
    }
    let x2 = x * x;
    let s = (1.0 - 4.0 * x2).sqrt();
    let tail = if x2 > 0.0 {
        12.0 * x2 * x2 * (x2 * x2 - 1.0) * big_l(x)
    } else {
        0.0
    };
    (1.0 - 14.0 * x2 - 2.0 * x2 * x2 - 12.0 * x2 * x2 * x2) * s + tail
}

/// f₂(x) = 4[x²(2 + 10x² − 12x⁴)√(1 − 4x²) + 6x⁴(1 − 2x² + 2x⁴)L(x)]
/// (BBGR sec. 3.1.2); f₂(0) = 0.
fn f2(x: f64) -> f64 {
    if 2.0 * x >= 1.0 || x <= 0.0 {
        return 0.0;
    }
    let x2 = x * x;
    let s = (1.0 - 4.0 * x2).sqrt();
    4.0 * (x2 * (2.0 + 10.0 * x2 - 12.0 * x2 * x2) * s
        + 6.0 * x2 * x2 * (1.0 - 2.0 * x2 + 2.0 * x2 * x2) * big_l(x))
}

/// Strong coupling α_s(μ) from three-loop running (MS-bar β function, PDG
/// 2024 QCD review, β-function coefficients) of α_s(M_Z) = 0.1180 (PDG 2024), with n_f = 5
/// above m_b = 4.18 GeV, 4 above m_c = 1.27 GeV and 3 below (continuous at the
/// thresholds). Fourth-order Runge–Kutta in ln μ².
#[must_use]
pub fn alpha_s(mu: f64) -> f64 {
    const MZ: f64 = 91.1876;
    const ALPHA_MZ: f64 = 0.1180;
    const MB: f64 = 4.18;
    const MC: f64 = 1.27;
    // da/dt = −β₀a² − β₁a³ − β₂a⁴ with a = α_s/(4π), t = ln μ².
    let beta = |a: f64, nf: f64| {
        let b0 = 11.0 - 2.0 / 3.0 * nf;
        let b1 = 102.0 - 38.0 / 3.0 * nf;
        let b2 = 2857.0 / 2.0 - 5033.0 / 18.0 * nf + 325.0 / 54.0 * nf * nf;
        -a * a * (b0 + a * (b1 + a * b2))
    };
    let run = |a0: f64, mu0: f64, mu1: f64, nf: f64| {
        let n = 200;
        let h = (mu1 * mu1).ln() - (mu0 * mu0).ln();
        let h = h / f64::from(n);
        let mut a = a0;
        for _ in 0..n {
            let k1 = beta(a, nf);
            let k2 = beta(a + 0.5 * h * k1, nf);
            let k3 = beta(a + 0.5 * h * k2, nf);
            let k4 = beta(a + h * k3, nf);
            a += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
        }
        a
    };
    let mut a = ALPHA_MZ / (4.0 * PI);
    let mut scale = MZ;
    for (lo, nf) in [(MB, 5.0), (MC, 4.0), (0.0, 3.0)] {
        let target = mu.max(lo);
        if target < scale {
            a = run(a, scale, target, nf);
            scale = target;
        }
        if mu >= lo {
            break;
        }
    }
    4.0 * PI * a
}

/// 1 + Δ_QCD at the scale μ (BBGR sec. 3.2).
#[must_use]
pub fn qcd_correction(mu: f64) -> f64 {
    let a = alpha_s(mu) / PI;
    1.0 + a + 5.2 * a * a + 26.4 * a * a * a
}

/// A pseudoscalar or vector meson of a two-body HNL decay.
struct Meson {
    pdg: i32,
    f: f64,
    /// CKM element (charged current) or neutral-current factor κ (neutral).
    coupling: f64,
}

/// Charged mesons of N → ℓ⁻ M⁺ (PDG id of M⁺, f, CKM).
const CHARGED_PSEUDOSCALARS: [Meson; 4] = [
    Meson {
        pdg: 211,
        f: decay_constants::PI,
        coupling: ckm::VUD,
    },
    Meson {
        pdg: 321,
        f: decay_constants::K,
        coupling: ckm::VUS,
    },
    Meson {
        pdg: 411,
        f: decay_constants::D,
        coupling: ckm::VCD,
    },
    Meson {
        pdg: 431,
        f: decay_constants::DS,
        coupling: ckm::VCS,
    },
];

const CHARGED_VECTORS: [Meson; 4] = [
    Meson {
        pdg: 213,
        f: decay_constants::RHO,
        coupling: ckm::VUD,
    },
    Meson {
        pdg: 323,
        f: decay_constants::KSTAR,
        coupling: ckm::VUS,
    },
    Meson {
        pdg: 413,
        f: decay_constants::DSTAR,
        coupling: ckm::VCD,
    },
    Meson {
        pdg: 433,
        f: decay_constants::DSSTAR,
        coupling: ckm::VCS,
    },
];

/// Neutral pseudoscalars of N → ν P⁰ (the constants already include the
/// neutral-current projection: κ = 1).
const NEUTRAL_PSEUDOSCALARS: [Meson; 3] = [
    Meson {
        pdg: 111,
        f: decay_constants::PI,
        coupling: 1.0,
    },
    Meson {
        pdg: 221,
        f: decay_constants::ETA,
        coupling: 1.0,
    },
    Meson {
        pdg: 331,
        f: decay_constants::ETA_PRIME,
        coupling: 1.0,
    },
];

/// Neutral-current factors κ_V of N → ν V⁰ (the width formula of BBGR
/// sec. 3.2.1): the Z vector coupling g_V^q = T₃ − 2Q s_W² of the meson's
/// quark content, ⟨0|J_Z^μ|V⟩ = κ_V f_V m_V ε^μ/√2, with the decay constants
/// normalised as in [`decay_constants`] (the normalisation that reproduces
/// the e⁺e⁻ widths): ρ⁰ = (uū − dd̄)/√2: κ = 1 − 2s_W²;
/// ω = (uū + dd̄)/√2: −(2/3)s_W²; φ = ss̄: −√2(1/2 − (2/3)s_W²). These are
/// HNLCalc's values (arXiv:2405.07330). BBGR's table (as implemented in
/// cHNLdecay) has 4s_W²/3 for ω and 4s_W²/3 − 1 for φ with the same f_V,
/// i.e. widths 4 and 2 times larger; the isospin relation to the ρ⁰ (whose κ
/// all agree on) fixes the values used here.
fn neutral_vectors() -> [Meson; 3] {
    let s2 = SIN2_THETA_W;
    [
        Meson {
            pdg: 113,
            f: decay_constants::RHO,
            coupling: 1.0 - 2.0 * s2,
        },
        Meson {
            pdg: 223,
            f: decay_constants::OMEGA,
            coupling: -2.0 / 3.0 * s2,
        },
        Meson {
            pdg: 333,
            f: decay_constants::PHI,
            coupling: -std::f64::consts::SQRT_2 * (0.5 - 2.0 / 3.0 * s2),
        },
    ]
}

fn meson_mass(pdg: i32) -> f64 {
    daughter(pdg).mass
}

/// Γ(N → ℓ⁻ P⁺) for a Dirac N (BBGR sec. 3.2.1):
/// G_F² f² |V|² |U|² M³/(16π) [(1 − x_ℓ²)² − x_P²(1 + x_ℓ²)] λ^{1/2}(1, x_P², x_ℓ²).
fn width_lepton_pseudoscalar(m: f64, u2: f64, ml: f64, p: &Meson) -> f64 {
    let mp = meson_mass(p.pdg);
    if m <= ml + mp {
        return 0.0;
    }
    let (xl2, xp2) = ((ml / m).powi(2), (mp / m).powi(2));
    G_FERMI.powi(2) * p.f.powi(2) * p.coupling.powi(2) * u2 * m.powi(3) / (16.0 * PI)
        * ((1.0 - xl2).powi(2) - xp2 * (1.0 + xl2))
        * lam(1.0, xp2, xl2).sqrt()
}

/// Γ(N → ℓ⁻ V⁺) for a Dirac N (BBGR sec. 3.2.1):
/// G_F² f_V² |V|² |U|² M³/(16π) [(1 − x_V²)(1 + 2x_V²) + x_ℓ²(x_V² + x_ℓ² − 2)]
/// λ^{1/2}(1, x_V², x_ℓ²).
fn width_lepton_vector(m: f64, u2: f64, ml: f64, v: &Meson) -> f64 {
    let mv = meson_mass(v.pdg);
    if m <= ml + mv {
        return 0.0;
    }
    let (xl2, xv2) = ((ml / m).powi(2), (mv / m).powi(2));
    G_FERMI.powi(2) * v.f.powi(2) * v.coupling.powi(2) * u2 * m.powi(3) / (16.0 * PI)
        * ((1.0 - xv2) * (1.0 + 2.0 * xv2) + xl2 * (xv2 + xl2 - 2.0))
        * lam(1.0, xv2, xl2).sqrt()
}

/// Γ(N → ν P⁰) for a Dirac N summed over ν flavours (BBGR sec. 3.2.1):
/// G_F² f² Σ|U|² M³/(32π) (1 − x_P²)².
fn width_nu_pseudoscalar(m: f64, u2_sum: f64, p: &Meson) -> f64 {
    let mp = meson_mass(p.pdg);
    if m <= mp {
        return 0.0;
    }
    let xp2 = (mp / m).powi(2);
    G_FERMI.powi(2) * p.f.powi(2) * u2_sum * m.powi(3) / (32.0 * PI) * (1.0 - xp2).powi(2)
}

/// Γ(N → ν V⁰) for a Dirac N summed over ν flavours (BBGR sec. 3.2.1):
/// G_F² κ² f_V² Σ|U|² M³/(32π) (1 + 2x_V²)(1 − x_V²)².
fn width_nu_vector(m: f64, u2_sum: f64, v: &Meson) -> f64 {
    let mv = meson_mass(v.pdg);
    if m <= mv {
        return 0.0;
    }
    let xv2 = (mv / m).powi(2);
    G_FERMI.powi(2) * (v.coupling * v.f).powi(2) * u2_sum * m.powi(3) / (32.0 * PI)
        * (1.0 + 2.0 * xv2)
        * (1.0 - xv2).powi(2)
}

/// Γ(N → ν ℓ_β⁻ ℓ_β⁺) for a Dirac N, summed over the neutrino flavour α
/// (BBGR sec. 3.1.2; neutral current, plus the charged current and its
/// interference for α = β):
/// G_F² M⁵/(192π³) Σ_α |U_α|² [(C₁ + 2s_W²δ_αβ) f₁(x) + (C₂ + s_W²δ_αβ) f₂(x)],
/// C₁ = (1 − 4s_W² + 8s_W⁴)/4, C₂ = s_W²(2s_W² − 1)/2.
fn width_nu_ll(m: f64, u2: [f64; 3], beta: usize) -> f64 {
    let ml = lepton_mass(beta);
    if m <= 2.0 * ml {
        return 0.0;
    }
    let s2 = SIN2_THETA_W;
    let c1 = 0.25 * (1.0 - 4.0 * s2 + 8.0 * s2 * s2);
    let c2 = 0.5 * s2 * (2.0 * s2 - 1.0);
    let x = ml / m;
    let (g1, g2) = (f1(x), f2(x));
    let sum: f64 = (0..3)
        .map(|alpha| {
            let d = if alpha == beta { 1.0 } else { 0.0 };
            u2[alpha] * ((c1 + 2.0 * s2 * d) * g1 + (c2 + s2 * d) * g2)
        })
        .sum();
    G_FERMI.powi(2) * m.powi(5) / (192.0 * PI.powi(3)) * sum
}

/// Γ(N → ℓ_α⁻ ℓ_β⁺ ν_β), α ≠ β, for a Dirac N (BBGR sec. 3.1.1):
/// G_F² M⁵ |U_α|²/(192π³) I(x_α, x_β, 0).
fn width_l_l_nu(m: f64, u2_alpha: f64, alpha: usize, beta: usize) -> f64 {
    let (ma, mb) = (lepton_mass(alpha), lepton_mass(beta));
    if m <= ma + mb {
        return 0.0;
    }
    G_FERMI.powi(2) * m.powi(5) * u2_alpha / (192.0 * PI.powi(3)) * kinematic_i(ma / m, mb / m, 0.0)
}

/// Γ(N → ν ν ν̄) for a Dirac N summed over flavours (BBGR sec. 3.1.2, summed over
/// β: (1 + δ_αβ)/768 → 1/192): G_F² M⁵ Σ|U|²/(192π³).
fn width_3nu(m: f64, u2_sum: f64) -> f64 {
    G_FERMI.powi(2) * m.powi(5) * u2_sum / (192.0 * PI.powi(3))
}

/// Quark masses for the inclusive phase space (module docs): d, u, s, c, b.
const QUARK_MASS_U: f64 = 0.0;
const QUARK_MASS_D: f64 = 0.0;
const QUARK_MASS_S: f64 = 0.0935;
const QUARK_MASS_C: f64 = 1.5;
const QUARK_MASS_B: f64 = 4.78;

/// Inclusive Γ(N → ℓ_α⁻ + hadrons) for a Dirac N without the QCD factor:
/// Σ_{u,d} 3 G_F² |V_ud|² |U_α|² M⁵/(192π³) I(x_ℓ, x_u, x_d) (BBGR sec. 3.2),
/// each (u, d̄) counted above its lightest hadronic threshold ℓ + meson.
fn width_lepton_quarks(m: f64, u2: f64, ml: f64) -> f64 {
    let pairs = [
        (
            QUARK_MASS_U,
            QUARK_MASS_D,
            ckm::VUD,
            units::PION_CHARGED.mass,
        ),
        (
            QUARK_MASS_U,
            QUARK_MASS_S,
            ckm::VUS,
            units::KAON_CHARGED.mass,
        ),
        (QUARK_MASS_U, QUARK_MASS_B, ckm::VUB, units::B_CHARGED.mass),
        (QUARK_MASS_C, QUARK_MASS_D, ckm::VCD, units::D_CHARGED.mass),
        (QUARK_MASS_C, QUARK_MASS_S, ckm::VCS, units::D_S.mass),
        (QUARK_MASS_C, QUARK_MASS_B, ckm::VCB, units::B_C.mass),
    ];
    pairs
        .iter()
        .filter(|(_, _, _, threshold)| m > ml + threshold)
        .map(|&(mu, md, v, _)| {
            3.0 * G_FERMI.powi(2) * v * v * u2 * m.powi(5) / (192.0 * PI.powi(3))
                * kinematic_i(ml / m, mu / m, md / m)
        })
        .sum()
}

/// Inclusive Γ(N → ν + hadrons) for a Dirac N without the QCD factor, summed
/// over ν flavours (BBGR sec. 3.2):
/// Σ_q 3 G_F² Σ|U|² M⁵/(192π³) [C₁^q f₁(x_q) + C₂^q f₂(x_q)] with
/// C₁^u = (1 − 8s²/3 + 32s⁴/9)/4, C₂^u = s²(4s²/3 − 1)/3,
/// C₁^d = (1 − 4s²/3 + 8s⁴/9)/4, C₂^d = s²(2s²/3 − 1)/6.
fn width_nu_quarks(m: f64, u2_sum: f64) -> f64 {
    let s2 = SIN2_THETA_W;
    let up = (
        0.25 * (1.0 - 8.0 / 3.0 * s2 + 32.0 / 9.0 * s2 * s2),
        s2 / 3.0 * (4.0 / 3.0 * s2 - 1.0),
    );
    let down = (
        0.25 * (1.0 - 4.0 / 3.0 * s2 + 8.0 / 9.0 * s2 * s2),
        s2 / 6.0 * (2.0 / 3.0 * s2 - 1.0),
    );
    let quarks = [
        (QUARK_MASS_U, up, units::PION_NEUTRAL.mass),
        (QUARK_MASS_D, down, units::PION_NEUTRAL.mass),
        (QUARK_MASS_S, down, 2.0 * units::KAON_CHARGED.mass),
        (QUARK_MASS_C, up, units::ETA_C.mass),
        (QUARK_MASS_B, down, 2.0 * units::B_CHARGED.mass),
    ];
    quarks
        .iter()
        .filter(|(_, _, threshold)| m > *threshold)
        .map(|&(mq, (c1, c2), _)| {
            let x = mq / m;
            let kin = if x > 0.0 { c1 * f1(x) + c2 * f2(x) } else { c1 };
            3.0 * G_FERMI.powi(2) * u2_sum * m.powi(5) / (192.0 * PI.powi(3)) * kin
        })
        .sum()
}

impl HnlModel {
    /// A validated coupling vector: every |U_α|² finite and ≥ 0, at least one
    /// positive; `dirac` selects a Dirac HNL (default Majorana).
    ///
    /// # Errors
    /// [`ModelError::InvalidMixing`] for a negative or non-finite entry,
    /// [`ModelError::NoMixing`] when all are zero.
    pub fn new(ue2: f64, umu2: f64, utau2: f64, dirac: bool) -> Result<Self, ModelError> {
        for (name, value) in [("U_e^2", ue2), ("U_mu^2", umu2), ("U_tau^2", utau2)] {
            if !value.is_finite() || value < 0.0 {
                return Err(ModelError::InvalidMixing { name, value });
            }
        }
        if ue2 + umu2 + utau2 <= 0.0 {
            return Err(ModelError::NoMixing);
        }
        Ok(Self {
            ue2,
            umu2,
            utau2,
            majorana: !dirac,
        })
    }

    /// The squared mixings as [e, μ, τ].
    #[must_use]
    pub fn mixings(&self) -> [f64; 3] {
        [self.ue2, self.umu2, self.utau2]
    }

    /// Total width in GeV at `mass` (GeV).
    ///
    /// # Errors
    /// As [`Fip::decays`].
    pub fn total_width(&self, mass: f64) -> Result<f64, ModelError> {
        Ok(self.decays(mass)?.total_width(1.0))
    }

    /// cτ in metres at `mass`.
    ///
    /// # Errors
    /// As [`Fip::decays`].
    pub fn ctau_m(&self, mass: f64) -> Result<f64, ModelError> {
        Ok(self.decays(mass)?.ctau_m(1.0))
    }

    /// (channel, branching ratio) of every open channel at `mass`.
    ///
    /// # Errors
    /// As [`Fip::decays`].
    pub fn branching_ratios(&self, mass: f64) -> Result<Vec<(String, f64)>, ModelError> {
        Ok(self.decays(mass)?.branching_ratios(1.0))
    }

    fn check_mass(mass: f64) -> Result<(), ModelError> {
        if !mass.is_finite() || mass <= 0.0 {
            return Err(ModelError::InvalidMass(mass));
        }
        if mass > MAX_MASS {
            return Err(ModelError::MassOutOfRange {
                mass,
                max: MAX_MASS,
            });
        }
        Ok(())
    }
}

/// Appends an open channel (positive width) with its daughters.
fn add(out: &mut Vec<DecayChannel>, name: String, width: f64, daughters: Vec<i32>) {
    if width > 0.0 {
        out.push(DecayChannel::portal(
            name,
            width,
            daughters.into_iter().map(daughter).collect(),
        ));
    }
}

/// Builds the channel list (see the module docs for the conventions).
fn hnl_channels(model: &HnlModel, m: f64) -> Vec<DecayChannel> {
    let u2 = model.mixings();
    let u2_sum: f64 = u2.iter().sum();
    // Majorana: neutral-current widths doubled in place (ν and ν̄ final states).
    let nc = if model.majorana { 2.0 } else { 1.0 };
    let mut out: Vec<DecayChannel> = Vec::new();

    // Invisible: N → 3ν.
    add(
        &mut out,
        "nu nu nu".into(),
        nc * width_3nu(m, u2_sum),
        vec![12, 12, -12],
    );

    // N → ν ℓ_β⁺ ℓ_β⁻ (neutral current with charged-current interference).
    for (beta, &l) in LEPTON_PDG.iter().enumerate() {
        let w = nc * width_nu_ll(m, u2, beta);
        add(
            &mut out,
            format!("nu {} {}", particle_name(-l), particle_name(l)),
            w,
            vec![12, -l, l],
        );
    }

    // N → ℓ_α⁻ ℓ_β⁺ ν_β (α ≠ β) and the Majorana conjugate ℓ_α⁺ ℓ_β⁻ ν̄_β.
    for alpha in 0..3 {
        for beta in 0..3 {
            if alpha == beta || u2[alpha] == 0.0 {
                continue;
            }
            let (la, lb, nb) = (LEPTON_PDG[alpha], LEPTON_PDG[beta], NEUTRINO_PDG[beta]);
            let w = width_l_l_nu(m, u2[alpha], alpha, beta);
            add(
                &mut out,
                format!(
                    "{} {} {}",
                    particle_name(la),
                    particle_name(-lb),
                    particle_name(nb)
                ),
                w,
                vec![la, -lb, nb],
            );
            if model.majorana {
                add(
                    &mut out,
                    format!(
                        "{} {} {}",
                        particle_name(-la),
                        particle_name(lb),
                        particle_name(-nb)
                    ),
                    w,
                    vec![-la, lb, -nb],
                );
            }
        }
    }

    let inclusive = m >= INCLUSIVE_SWITCH_MASS;
    let qcd = if inclusive { qcd_correction(m) } else { 1.0 };

    // Charged-current hadronic groups: ℓ_α⁻ + hadrons⁺ (and the conjugate).
    for alpha in 0..3 {
        if u2[alpha] == 0.0 {
            continue;
        }
        let ml = lepton_mass(alpha);
        let l = LEPTON_PDG[alpha];
        let mut exclusive: Vec<(i32, f64)> = Vec::new();
        for p in &CHARGED_PSEUDOSCALARS {
            exclusive.push((p.pdg, width_lepton_pseudoscalar(m, u2[alpha], ml, p)));
        }
        for v in &CHARGED_VECTORS {
            exclusive.push((v.pdg, width_lepton_vector(m, u2[alpha], ml, v)));
        }
        let sum_excl: f64 = exclusive.iter().map(|e| e.1).sum();
        let rest = if inclusive {
            (qcd * width_lepton_quarks(m, u2[alpha], ml) - sum_excl).max(0.0)
        } else {
            0.0
        };
        let signs: &[i32] = if model.majorana { &[1, -1] } else { &[1] };
        for &sign in signs {
            for &(pdg, w) in &exclusive {
                add(
                    &mut out,
                    format!("{} {}", particle_name(sign * l), particle_name(sign * pdg)),
                    w,
                    vec![sign * l, sign * pdg],
                );
            }
            if rest > 0.0 {
                out.push(DecayChannel::portal(
                    format!("{} hadrons", particle_name(sign * l)),
                    rest,
                    vec![],
                ));
            }
        }
    }

    // Neutral-current hadronic group: ν + hadrons⁰.
    let mut exclusive: Vec<(i32, f64)> = Vec::new();
    for p in &NEUTRAL_PSEUDOSCALARS {
        exclusive.push((p.pdg, nc * width_nu_pseudoscalar(m, u2_sum, p)));
    }
    for v in &neutral_vectors() {
        exclusive.push((v.pdg, nc * width_nu_vector(m, u2_sum, v)));
    }
    let sum_excl: f64 = exclusive.iter().map(|e| e.1).sum();
    for &(pdg, w) in &exclusive {
        add(
            &mut out,
            format!("nu {}", particle_name(pdg)),
            w,
            vec![12, pdg],
        );
    }
    if inclusive {
        let rest = (nc * qcd * width_nu_quarks(m, u2_sum) - sum_excl).max(0.0);
        if rest > 0.0 {
            out.push(DecayChannel::portal("nu hadrons", rest, vec![]));
        }
    }
    out
}

impl Fip for HnlModel {
    fn model_name(&self) -> &'static str {
        "hnl"
    }
    fn coupling_label(&self) -> String {
        "U^2".into()
    }
    fn coupling_power(&self) -> i32 {
        1
    }
    fn mass_symbol(&self) -> String {
        "m_N".into()
    }
    /// Every open channel at `mass` (GeV) for this coupling vector (g = 1).
    ///
    /// # Errors
    /// [`ModelError::InvalidMass`] for a non-positive or non-finite mass,
    /// [`ModelError::MassOutOfRange`] above [`MAX_MASS`].
    fn decays(&self, mass: f64) -> Result<DecayTable, ModelError> {
        Self::check_mass(mass)?;
        Ok(DecayTable {
            mass,
            coupling_power: 1,
            channels: hnl_channels(self, mass),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinematic_function_limits() {
        // I(0,0,0) = 1; I(x,0,0) = 1 − 8x² + 8x⁶ − x⁸ − 24x⁴ ln x (muon decay).
        assert!((kinematic_i(0.0, 0.0, 0.0) - 1.0).abs() < 1e-10);
        let x: f64 = 0.3;
        let x2 = x * x;
        let exact = 1.0 - 8.0 * x2 + 8.0 * x2.powi(3) - x2.powi(4) - 24.0 * x2 * x2 * x.ln();
        assert!((kinematic_i(x, 0.0, 0.0) / exact - 1.0).abs() < 1e-8);
        assert!((kinematic_i(0.2, 0.5, 0.0) - kinematic_i(0.2, 0.0, 0.5)).abs() < 1e-9);
        assert_eq!(kinematic_i(0.5, 0.5, 0.1), 0.0);
    }

    #[test]
    fn f_functions_limits() {
        assert!((f1(1e-6) - 1.0).abs() < 1e-9);
        assert!(f2(1e-6).abs() < 1e-9);
        // At threshold both vanish.
        assert!(f1(0.49999).abs() < 1e-3 && f2(0.49999).abs() < 1e-3);
    }

    #[test]
    fn alpha_s_runs() {
        assert!((alpha_s(91.1876) - 0.118).abs() < 1e-9);
        // The τ-decay determinations of α_s(m_τ) collected in the PDG QCD
        // review lie around 0.31–0.34; three-loop running of the world
        // average from M_Z must land in that band.
        let at = alpha_s(1.777);
        assert!((0.30..0.35).contains(&at), "{at}");
    }

    #[test]
    fn validation_of_couplings() {
        assert!(matches!(
            HnlModel::new(-1e-6, 0.0, 0.0, false),
            Err(ModelError::InvalidMixing { .. })
        ));
        assert!(matches!(
            HnlModel::new(0.0, 0.0, 0.0, false),
            Err(ModelError::NoMixing)
        ));
        assert!(HnlModel::new(0.0, f64::NAN, 1.0, false).is_err());
        let m = HnlModel::new(1.0, 0.0, 0.0, false).unwrap();
        assert!(m.majorana);
        assert!(m.decays(-0.1).is_err() && m.decays(6.0).is_err());
    }

    #[test]
    fn majorana_is_twice_dirac_and_widths_scale_linearly() {
        for mass in [0.3, 0.9, 1.5, 3.0] {
            let maj = HnlModel::new(1e-6, 2e-6, 3e-6, false).unwrap();
            let dir = HnlModel::new(1e-6, 2e-6, 3e-6, true).unwrap();
            let r = maj.total_width(mass).unwrap() / dir.total_width(mass).unwrap();
            assert!((r - 2.0).abs() < 1e-12, "{mass}: {r}");
            let t = maj.decays(mass).unwrap();
            assert!((t.total_width(3.0) / t.total_width(1.0) - 3.0).abs() < 1e-12);
            let sum: f64 = t.branching_ratios(1.0).iter().map(|c| c.1).sum();
            assert!((sum - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn channels_have_final_states() {
        let m = HnlModel::new(1e-6, 0.0, 0.0, false).unwrap();
        let t = m.decays(0.5).unwrap();
        let epi = t.channels.iter().find(|c| c.name == "e- pi+").unwrap();
        assert_eq!(
            epi.daughters.iter().map(|d| d.pdg_id).collect::<Vec<_>>(),
            [11, 211]
        );
        assert!(t.channels.iter().any(|c| c.name == "e+ pi-"));
        let nee = t.channels.iter().find(|c| c.name == "nu e+ e-").unwrap();
        assert_eq!(nee.daughters.len(), 3);
        assert_eq!(nee.charged_daughters(), 2);
        // Dirac: no conjugate channel.
        let d = HnlModel::new(1e-6, 0.0, 0.0, true).unwrap();
        assert!(
            !d.decays(0.5)
                .unwrap()
                .channels
                .iter()
                .any(|c| c.name == "e+ pi-")
        );
        // Above the switch: an inclusive remainder without daughters.
        let t = m.decays(2.5).unwrap();
        let had = t.channels.iter().find(|c| c.name == "e- hadrons").unwrap();
        assert!(had.daughters.is_empty());
    }

    #[test]
    fn final_states_conserve_charge_and_fit_in_the_mass() {
        let model = HnlModel::new(1e-6, 2e-6, 3e-6, false).unwrap();
        for i in 1..=100 {
            let mass = 0.05 * f64::from(i);
            for c in model.decays(mass).unwrap().channels {
                assert!(c.width > 0.0 && c.width.is_finite(), "{mass} {}", c.name);
                if c.daughters.is_empty() {
                    assert!(c.name.ends_with("hadrons"), "{}", c.name);
                    continue;
                }
                let q: i32 = c.daughters.iter().map(|d| i32::from(d.charge)).sum();
                let m: f64 = c.daughters.iter().map(|d| d.mass).sum();
                assert_eq!(q, 0, "{mass} {}", c.name);
                assert!(m < mass, "{mass} {}", c.name);
            }
        }
    }

    #[test]
    fn two_body_width_matches_hand_calculation() {
        // Γ(N → e⁻π⁺) at M = 0.5 GeV, |U_e|² = 1 (Dirac), by hand from
        // BBGR sec. 3.2.1 with x_e → 0: G_F² f_π² V_ud² M³/(16π) (1 − x_π²)².
        let m = 0.5;
        let xp2 = (units::PION_CHARGED.mass / m).powi(2);
        let hand = G_FERMI.powi(2) * 0.1302_f64.powi(2) * ckm::VUD.powi(2) * m.powi(3)
            / (16.0 * PI)
            * (1.0 - xp2).powi(2);
        let model = HnlModel::new(1.0, 0.0, 0.0, true).unwrap();
        let t = model.decays(m).unwrap();
        let w = t
            .channels
            .iter()
            .find(|c| c.name == "e- pi+")
            .unwrap()
            .width;
        assert!((w / hand - 1.0).abs() < 1e-4, "{w} {hand}");
    }
}
