//! HNL production in meson and τ decays: branching ratios BR(parent → N + X)
//! for a coupling vector [`HnlModel`] (at g = 1), and the q² distribution of
//! the three-body semileptonic channels for sampling the N kinematics.
//!
//! # Channels and sources
//! - **Leptonic two-body** P⁺ → ℓ⁺N (Shrock, PRD 24 (1981) 1232; Bondarenko,
//!   Boyarsky, Gorbunov & Ruchayskiy, JHEP 11 (2018) 032, “BBGR”, sec. 2.1):
//!   Γ = G_F² f_P² |V|² |U_ℓ|² M_P³/(8π) [x_N² + x_ℓ² − (x_N² − x_ℓ²)²]
//!   λ^{1/2}(1, x_N², x_ℓ²), x = m/M_P. For π⁺ and K⁺ the BR is normalised to
//!   the measured one, as in NA62, PLB 807 (2020) 135599, eqs. 1–2:
//!   B(P → ℓN) = B(P → ℓν) ρ_ℓ(m_N) |U_ℓ|², ρ_ℓ = [x_N² + x_ℓ² − (x_N² − x_ℓ²)²]
//!   λ^{1/2}(1, x_N², x_ℓ²)/[x_ℓ²(1 − x_ℓ²)²], with B(K⁺ → μ⁺ν) = 63.56 %,
//!   B(K⁺ → e⁺ν) = 1.582×10⁻⁵, B(π⁺ → μ⁺ν) = 99.9877 %, B(π⁺ → e⁺ν) =
//!   1.230×10⁻⁴ (PDG 2024). For D⁺, D_s⁺, B⁺ and B_c⁺ it is Γ τ_P/ħ with the
//!   decay constants and CKM elements of [`crate::model::hnl`] (FLAG 2021,
//!   PDG 2024) and the PDG 2024 lifetimes.
//! - **Semileptonic three-body** P → P′ ℓ⁺ N with a pseudoscalar P′
//!   (BBGR sec. 2.1): the full matrix element with both
//!   lepton masses, |M|² = 4 G_F² |V|² |U_ℓ|² c [2(H·p_N)(H·p_ℓ) − H²(p_N·p_ℓ)],
//!   H^μ = f₊(q²)(p + p′)^μ + f₋(q²) q^μ, f₋ = (f₀ − f₊)(M² − M′²)/q², c the
//!   isospin factor (½ for a π⁰ daughter), integrated over the Dalitz plot
//!   (dΓ = |M|² dq² ds/(256π³M³), PDG kinematics review, three-body decays). Form
//!   factors: K⁺ → π⁰: linear, f₊(0) = 0.9698 (FLAG 2021), λ₊ = 2.97×10⁻²,
//!   λ₀ = 1.95×10⁻² in units of m_π⁺² (PDG 2024 K±ℓ3 linear fit);
//!   D → K and D → π: BESIII's single-pole fits to D⁰ → K⁻e⁺ν and π⁻e⁺ν,
//!   PRD 92 (2015) 072012: f₊(0)|V_cs| = 0.7368 with the pole at 1.921 GeV,
//!   f₊(0)|V_cd| = 0.1420 with the pole at 1.911 GeV (the FLAG 2021 lattice
//!   f₊(0) with the nominal D_s*, D* poles undershoot the measured rates by
//!   10–20 %), and f₀ with the same f(0) and the scalar poles
//!   m(D_s0*(2317)) = 2.3178 GeV, m(D₀*(2300)) = 2.343 GeV; B → D: f(0) = 0.664 (HPQCD, Na et al.,
//!   PRD 92 (2015) 054510), poles at m(B_c*) = 6.330 GeV (HPQCD lattice,
//!   PRL 104 (2010) 022001) and m(B_c0) = 6.70 GeV (Eichten & Quigg,
//!   PRD 49 (1994) 5845). Single poles are an approximation: checked against
//!   the measured SM branching ratios at m_N = 0 in `tests/hnl_production.rs`.
//! - B_s⁰ → D_s⁻ ℓ⁺N and D_s*⁻ ℓ⁺N use the B → D and B → D* form factors
//!   (SU(3) flavour symmetry of the spectator; checked against the measured
//!   SM rates in `tests/hnl_production.rs`).
//! - **Semileptonic three-body** P → V ℓ⁺ N with a vector V (D → K*, B → D*):
//!   dΓ/dq² from the helicity amplitudes H_±, H_0, H_t of the A₀, A₁, A₂, V
//!   form factors (Körner & Schuler, Z. Phys. C 46 (1990) 93, with both lepton
//!   masses), form factors of Melikhov & Stech, PRD 62 (2000) 014006 (as in
//!   BBGR and HNLCalc). The angular distribution at fixed q² is
//!   not provided for these (phase space in the ℓN frame is the fallback).
//! - **τ decays** (BBGR sec. 2.2): τ⁻ → π⁻N, K⁻N, τ⁻ → ρ⁻N, both ∝ |U_τ|²; τ⁻ → ℓ⁻ ν̄_ℓ N ∝ |U_τ|² and τ⁻ → ℓ⁻ ν_τ N ∝
//!   |U_ℓ|², G_F² m_τ⁵ |U|²/(192π³) I(x_ℓ, x_N, 0). The τ
//!   themselves come from D_s → τν (the caller's parent table).
//!
//! [`NSampler`] draws the N four-momentum in the parent's rest frame for any
//! channel (exact for two-body and P → P′ℓN, q² exact and an isotropic ℓN
//! decay angle for P → VℓN, V−A matrix element for τ⁻ → ℓ⁻νN).
//!
//! Majorana and Dirac HNLs have the same production branching ratios.
//! Channel names read "K+ -> e+ N", "D0 -> K- e+ N", "tau- -> pi- N"; for a
//! negative parent id the charge-conjugate channels are returned ("K- -> e- N").

use crate::model::ModelError;
use crate::model::hnl::{HnlModel, ckm, decay_constants, integrate_sqrt_ends, kinematic_i};
use crate::model::portal::Daughter;
use crate::numeric::quadrature::gauss_legendre;
use crate::units::{self, G_FERMI, lifetime_to_width};
use std::f64::consts::PI;
use std::sync::OnceLock;

pub use crate::production::source::ProductionChannel;

/// Parents with production channels (PDG ids; their charge conjugates are
/// accepted by [`channels`] too): π⁺, K⁺, D⁺, D⁰, D_s⁺, B⁺, B⁰, B_s⁰, B_c⁺, τ⁻.
#[must_use]
pub fn parents() -> &'static [i32] {
    &[211, 321, 411, 421, 431, 521, 511, 531, 541, 15]
}

/// The name of a parent as used in channel names and on the command line
/// ("K+", "K-", "D0", "D0~", "tau-", …).
#[must_use]
pub fn parent_name(pdg: i32) -> String {
    crate::model::hnl::particle_name(pdg)
}

/// The PDG id of a parent named as by [`parent_name`] (either charge).
#[must_use]
pub fn parent_from_name(name: &str) -> Option<i32> {
    parents()
        .iter()
        .flat_map(|&p| [p, -p])
        .find(|&p| parent_name(p).eq_ignore_ascii_case(name))
}

/// Form factors of a pseudoscalar-to-pseudoscalar transition.
#[derive(Debug, Clone, Copy)]
enum FormFactors {
    /// f(q²) = f(0)(1 + λ q²/m_π+²), for f₊ and f₀.
    Linear {
        f0: f64,
        lambda_plus: f64,
        lambda_zero: f64,
    },
    /// f(q²) = f(0)/(1 − q²/M²), vector pole for f₊ and scalar pole for f₀.
    Pole { f0: f64, vector: f64, scalar: f64 },
}

impl FormFactors {
    fn plus_zero(self, q2: f64) -> (f64, f64) {
        match self {
            Self::Linear {
                f0,
                lambda_plus,
                lambda_zero,
            } => {
                let r = q2 / units::PION_CHARGED.mass.powi(2);
                (f0 * (1.0 + lambda_plus * r), f0 * (1.0 + lambda_zero * r))
            }
            Self::Pole { f0, vector, scalar } => (
                f0 / (1.0 - q2 / (vector * vector)),
                f0 / (1.0 - q2 / (scalar * scalar)),
            ),
        }
    }
}

const FF_K_PI: FormFactors = FormFactors::Linear {
    f0: 0.9698,
    lambda_plus: 2.97e-2,
    lambda_zero: 1.95e-2,
};
const FF_D_K: FormFactors = FormFactors::Pole {
    f0: 0.7368 / ckm::VCS,
    vector: 1.921,
    scalar: 2.3178,
};
const FF_D_PI: FormFactors = FormFactors::Pole {
    f0: 0.1420 / ckm::VCD,
    vector: 1.911,
    scalar: 2.343,
};
const FF_B_D: FormFactors = FormFactors::Pole {
    f0: 0.664,
    vector: 6.330,
    scalar: 6.70,
};

/// Form factors A₀, A₁, A₂, V of a pseudoscalar-to-vector transition in the
/// Melikhov–Stech form (D. Melikhov and B. Stech, PRD 62 (2000) 014006,
/// hep-ph/0001113, their fit form and table of F(0), σ₁, σ₂): for V and A₀
/// F(q²) = F(0)/[(1 − q²/M²)(1 − σ₁q²/M² + σ₂q⁴/M⁴)] with M the vector
/// (V) or pseudoscalar (A₀) pole, for A₁ and A₂
/// F(q²) = F(0)/(1 − σ₁q²/M_V² + σ₂q⁴/M_V⁴).
#[derive(Debug, Clone, Copy)]
struct VectorFormFactors {
    /// Pseudoscalar pole (A₀) and vector pole (V, A₁, A₂) masses.
    poles: (f64, f64),
    /// (F(0), σ₁, σ₂) of A₀, A₁, A₂, V.
    a0: (f64, f64, f64),
    a1: (f64, f64, f64),
    a2: (f64, f64, f64),
    v: (f64, f64, f64),
}

impl VectorFormFactors {
    fn at(&self, q2: f64) -> (f64, f64, f64, f64) {
        let (mps, mv) = self.poles;
        let pole = |(f0, s1, s2): (f64, f64, f64), m: f64, with_pole: bool| {
            let r = q2 / (m * m);
            let extra = if with_pole { 1.0 - r } else { 1.0 };
            f0 / (extra * (1.0 - s1 * r + s2 * r * r))
        };
        (
            pole(self.a0, mps, true),
            pole(self.a1, mv, false),
            pole(self.a2, mv, false),
            pole(self.v, mv, true),
        )
    }
}

/// D → K*: Melikhov–Stech's table, poles m(D_s) and m(D_s*).
const FF_D_KSTAR: VectorFormFactors = VectorFormFactors {
    poles: (1.968_35, 2.1122),
    a0: (0.76, 0.17, 0.0),
    a1: (0.66, 0.30, 0.20),
    a2: (0.49, 0.67, 0.16),
    v: (1.03, 0.27, 0.0),
};

/// B → D*: Melikhov–Stech's table, poles m(B_c) and m(B_c*) = 6.330 GeV.
const FF_B_DSTAR: VectorFormFactors = VectorFormFactors {
    poles: (6.274_47, 6.330),
    a0: (0.69, 0.58, 0.0),
    a1: (0.66, 0.78, 0.40),
    a2: (0.62, 1.40, 0.41),
    v: (0.76, 0.57, 0.0),
};

/// The hadronic transition of a semileptonic channel.
#[derive(Debug, Clone, Copy)]
enum Transition {
    /// To a pseudoscalar (f₊, f₀).
    Pseudoscalar(FormFactors),
    /// To a vector (A₀, A₁, A₂, V).
    Vector(VectorFormFactors),
}

/// What a channel is, for one parent (written for the positive parent id).
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// P⁺ → ℓ⁺N normalised to the measured B(P → ℓν).
    LeptonicMeasured { lepton: usize, br_lnu: f64 },
    /// P⁺ → ℓ⁺N from f_P, V and the lifetime.
    Leptonic { lepton: usize, f: f64, v: f64 },
    /// P → P′ ℓ⁺ N.
    Semileptonic {
        lepton: usize,
        daughter: i32,
        v: f64,
        iso: f64,
        ff: Transition,
    },
    /// τ⁻ → M⁻ N with a pseudoscalar (`vector` false) or vector meson M.
    TauMeson {
        meson: i32,
        f: f64,
        v: f64,
        vector: bool,
    },
    /// τ⁻ → ℓ⁻ ν N: via U_τ (ν̄_ℓ) when `via_tau`, via U_ℓ (ν_τ) otherwise.
    TauLeptonic { lepton: usize, via_tau: bool },
}

const LEPTON_PDG: [i32; 3] = [11, 13, 15];

fn lepton_mass(a: usize) -> f64 {
    [units::ELECTRON.mass, units::MUON.mass, units::TAU.mass][a]
}

fn parent_particle(pdg: i32) -> Option<&'static units::Particle> {
    let p = match pdg {
        211 => &units::PION_CHARGED,
        321 => &units::KAON_CHARGED,
        411 => &units::D_CHARGED,
        421 => &units::D_NEUTRAL,
        431 => &units::D_S,
        521 => &units::B_CHARGED,
        511 => &units::B_NEUTRAL,
        531 => &units::B_S,
        541 => &units::B_C,
        15 => &units::TAU,
        _ => return None,
    };
    Some(p)
}

/// The channel list of a parent (positive id).
fn kinds(parent: i32) -> Vec<Kind> {
    let mut out = Vec::new();
    let leptonic = |out: &mut Vec<Kind>, f: f64, v: f64| {
        for lepton in 0..3 {
            out.push(Kind::Leptonic { lepton, f, v });
        }
    };
    let semi = |out: &mut Vec<Kind>, daughter: i32, v: f64, iso: f64, ff: Transition| {
        for lepton in 0..3 {
            out.push(Kind::Semileptonic {
                lepton,
                daughter,
                v,
                iso,
                ff,
            });
        }
    };
    match parent {
        211 => {
            out.push(Kind::LeptonicMeasured {
                lepton: 0,
                br_lnu: 1.230e-4,
            });
            out.push(Kind::LeptonicMeasured {
                lepton: 1,
                br_lnu: 0.999_877,
            });
        }
        321 => {
            out.push(Kind::LeptonicMeasured {
                lepton: 0,
                br_lnu: 1.582e-5,
            });
            out.push(Kind::LeptonicMeasured {
                lepton: 1,
                br_lnu: 0.6356,
            });
            semi(
                &mut out,
                111,
                ckm::VUS,
                0.5,
                Transition::Pseudoscalar(FF_K_PI),
            );
        }
        411 => {
            leptonic(&mut out, decay_constants::D, ckm::VCD);
            semi(
                &mut out,
                -311,
                ckm::VCS,
                1.0,
                Transition::Pseudoscalar(FF_D_K),
            );
            semi(
                &mut out,
                -313,
                ckm::VCS,
                1.0,
                Transition::Vector(FF_D_KSTAR),
            );
            semi(
                &mut out,
                111,
                ckm::VCD,
                0.5,
                Transition::Pseudoscalar(FF_D_PI),
            );
        }
        421 => {
            semi(
                &mut out,
                -321,
                ckm::VCS,
                1.0,
                Transition::Pseudoscalar(FF_D_K),
            );
            semi(
                &mut out,
                -323,
                ckm::VCS,
                1.0,
                Transition::Vector(FF_D_KSTAR),
            );
            semi(
                &mut out,
                -211,
                ckm::VCD,
                1.0,
                Transition::Pseudoscalar(FF_D_PI),
            );
        }
        431 => leptonic(&mut out, decay_constants::DS, ckm::VCS),
        521 => {
            leptonic(&mut out, decay_constants::B, ckm::VUB);
            semi(
                &mut out,
                -421,
                ckm::VCB,
                1.0,
                Transition::Pseudoscalar(FF_B_D),
            );
            semi(
                &mut out,
                -423,
                ckm::VCB,
                1.0,
                Transition::Vector(FF_B_DSTAR),
            );
        }
        511 => {
            semi(
                &mut out,
                -411,
                ckm::VCB,
                1.0,
                Transition::Pseudoscalar(FF_B_D),
            );
            semi(
                &mut out,
                -413,
                ckm::VCB,
                1.0,
                Transition::Vector(FF_B_DSTAR),
            );
        }
        531 => {
            semi(
                &mut out,
                -431,
                ckm::VCB,
                1.0,
                Transition::Pseudoscalar(FF_B_D),
            );
            semi(
                &mut out,
                -433,
                ckm::VCB,
                1.0,
                Transition::Vector(FF_B_DSTAR),
            );
        }
        541 => leptonic(&mut out, decay_constants::BC, ckm::VCB),
        15 => {
            out.push(Kind::TauMeson {
                meson: -211,
                f: decay_constants::PI,
                v: ckm::VUD,
                vector: false,
            });
            out.push(Kind::TauMeson {
                meson: -321,
                f: decay_constants::K,
                v: ckm::VUS,
                vector: false,
            });
            out.push(Kind::TauMeson {
                meson: -213,
                f: decay_constants::RHO,
                v: ckm::VUD,
                vector: true,
            });
            for lepton in 0..2 {
                out.push(Kind::TauLeptonic {
                    lepton,
                    via_tau: true,
                });
                out.push(Kind::TauLeptonic {
                    lepton,
                    via_tau: false,
                });
            }
        }
        _ => {}
    }
    out
}

fn daughter(pdg: i32) -> Daughter {
    Daughter::from_pdg(pdg).expect("every recoil particle is in units::ALL_PARTICLES")
}

fn lam(a: f64, b: f64, c: f64) -> f64 {
    crate::kinematics::kallen(a, b, c).max(0.0)
}

/// The helicity factor of P → ℓN relative to G_F² f² |V|² M³/(8π):
/// [x_N² + x_ℓ² − (x_N² − x_ℓ²)²] λ^{1/2}(1, x_N², x_ℓ²).
fn leptonic_factor(m_parent: f64, ml: f64, mn: f64) -> f64 {
    if mn + ml >= m_parent {
        return 0.0;
    }
    let (xn2, xl2) = ((mn / m_parent).powi(2), (ml / m_parent).powi(2));
    (xn2 + xl2 - (xn2 - xl2).powi(2)) * lam(1.0, xn2, xl2).sqrt()
}

/// Shrock's ρ_ℓ(m_N) (NA62 PLB 807 (2020) 135599 eq. 2): B(P → ℓN)/(B(P → ℓν)|U|²).
#[must_use]
pub fn shrock_rho(m_parent: f64, m_lepton: f64, m_n: f64) -> f64 {
    let xl2 = (m_lepton / m_parent).powi(2);
    leptonic_factor(m_parent, m_lepton, m_n) / (xl2 * (1.0 - xl2).powi(2))
}

/// |M|² of P → P′ ℓ⁺ N divided by 4 G_F² |V|² |U|² c, at (q², s = (p′ + p_ℓ)²).
fn semileptonic_me(
    ff: FormFactors,
    (mp, md, ml, mn): (f64, f64, f64, f64),
    q2: f64,
    s: f64,
) -> f64 {
    let (fp, f0) = ff.plus_zero(q2);
    let fm = (f0 - fp) * (mp * mp - md * md) / q2;
    let u = mp * mp + md * md + ml * ml + mn * mn - q2 - s;
    let p_pn = 0.5 * (mp * mp + mn * mn - s);
    let p_pl = 0.5 * (mp * mp + ml * ml - u);
    let d_pn = 0.5 * (u - md * md - mn * mn);
    let d_pl = 0.5 * (s - md * md - ml * ml);
    let ln = 0.5 * (q2 - mn * mn - ml * ml);
    let q_pn = ln + mn * mn;
    let q_pl = ln + ml * ml;
    let h_n = fp * (p_pn + d_pn) + fm * q_pn;
    let h_l = fp * (p_pl + d_pl) + fm * q_pl;
    let h2 = fp * fp * (2.0 * mp * mp + 2.0 * md * md - q2)
        + 2.0 * fp * fm * (mp * mp - md * md)
        + fm * fm * q2;
    2.0 * h_n * h_l - h2 * ln
}

/// The Dalitz limits of s = (p′ + p_ℓ)² at fixed q² = (p_ℓ + p_N)²
/// (PDG kinematics review, Dalitz plot limits).
fn s_limits(q2: f64, (mp, md, ml, mn): (f64, f64, f64, f64)) -> Option<(f64, f64)> {
    let q = q2.sqrt();
    let e_l = (q2 - mn * mn + ml * ml) / (2.0 * q);
    let e_d = (mp * mp - q2 - md * md) / (2.0 * q);
    let p_l = (e_l * e_l - ml * ml).max(0.0).sqrt();
    let p_d = (e_d * e_d - md * md).max(0.0).sqrt();
    if e_d < md {
        return None;
    }
    let sum = (e_l + e_d).powi(2);
    Some((sum - (p_l + p_d).powi(2), sum - (p_l - p_d).powi(2)))
}

/// dΓ/dq² of P → P′ ℓ⁺N divided by G_F² |V|² |U|² c (the s integral is
/// exact: |M|² is quadratic in s; 4-point Gauss–Legendre).
fn semileptonic_dgamma_dq2(ff: FormFactors, masses: (f64, f64, f64, f64), q2: f64) -> f64 {
    static RULE: OnceLock<(Vec<f64>, Vec<f64>)> = OnceLock::new();
    let (x, w) = RULE.get_or_init(|| gauss_legendre(4));
    let Some((lo, hi)) = s_limits(q2, masses) else {
        return 0.0;
    };
    let half = 0.5 * (hi - lo);
    let mid = 0.5 * (hi + lo);
    let inner: f64 = x
        .iter()
        .zip(w)
        .map(|(&xi, &wi)| wi * half * semileptonic_me(ff, masses, q2, mid + half * xi))
        .sum();
    4.0 * inner / (256.0 * PI.powi(3) * masses.0.powi(3))
}

/// dΓ/dq² of either transition, divided by G_F² |V|² |U|² c.
fn transition_dgamma_dq2(tr: Transition, masses: (f64, f64, f64, f64), q2: f64) -> f64 {
    match tr {
        Transition::Pseudoscalar(ff) => semileptonic_dgamma_dq2(ff, masses, q2),
        Transition::Vector(ff) => {
            let (mp, md, _, _) = masses;
            let pp = lam(mp * mp, md * md, q2).sqrt() / (2.0 * mp);
            let (a0, a1, a2, v) = ff.at(q2);
            let sum = mp + md;
            let hp = sum * a1 - 2.0 * mp * pp * v / sum;
            let hm = sum * a1 + 2.0 * mp * pp * v / sum;
            let h0 = ((mp * mp - md * md - q2) * sum * a1 - 4.0 * mp * mp * pp * pp * a2 / sum)
                / (2.0 * md * q2.sqrt());
            let ht = 2.0 * mp * pp * a0 / q2.sqrt();
            helicity_dgamma_dq2(masses, q2, hp * hp + hm * hm + h0 * h0, ht * ht)
        }
    }
}

/// dΓ/dq² / (G_F² |V|² |U|²) from the helicity amplitudes of the hadronic
/// current (Körner & Schuler, Z. Phys. C 46 (1990) 93, generalised to two
/// massive leptons m₁, m₂ of the W* → ℓN vertex):
/// |p′| q² v/(96π³M²) [Σ_{±,0}|H|² (1 − (m₁² + m₂²)/(2q²) − (m₁² − m₂²)²/(2q⁴))
/// + |H_t|² 3/(2q²) (m₁² + m₂² − (m₁² − m₂²)²/q²)], v = λ^{1/2}(1, m₁²/q², m₂²/q²).
fn helicity_dgamma_dq2(
    (mp, md, ml, mn): (f64, f64, f64, f64),
    q2: f64,
    h_spin1: f64,
    h_time: f64,
) -> f64 {
    if q2 <= (ml + mn).powi(2) || q2 >= (mp - md).powi(2) {
        return 0.0;
    }
    let pp = lam(mp * mp, md * md, q2).sqrt() / (2.0 * mp);
    let (a, b) = (ml * ml + mn * mn, (ml * ml - mn * mn).powi(2));
    let v = lam(1.0, ml * ml / q2, mn * mn / q2).sqrt();
    pp * q2 * v / (96.0 * PI.powi(3) * mp * mp)
        * (h_spin1 * (1.0 - a / (2.0 * q2) - b / (2.0 * q2 * q2))
            + h_time * 1.5 / q2 * (a - b / q2))
}

fn semileptonic_width_unit(tr: Transition, masses: (f64, f64, f64, f64)) -> f64 {
    let (mp, md, ml, mn) = masses;
    let lo = (ml + mn).powi(2);
    let hi = (mp - md).powi(2);
    if lo >= hi {
        return 0.0;
    }
    integrate_sqrt_ends(|q2| transition_dgamma_dq2(tr, masses, q2), lo, hi)
}

struct Evaluated {
    name_parts: Vec<i32>,
    recoil: Vec<i32>,
    br: f64,
}

fn evaluate(parent: i32, kind: Kind, mn: f64, model: &HnlModel) -> Evaluated {
    let p = parent_particle(parent).expect("parent checked by the caller");
    let mp = p.mass;
    let width_to_br = 1.0 / p.width();
    let u2 = model.mixings();
    let gf2 = G_FERMI * G_FERMI;
    match kind {
        Kind::LeptonicMeasured { lepton, br_lnu } => {
            let l = -LEPTON_PDG[lepton];
            let br = br_lnu * shrock_rho(mp, lepton_mass(lepton), mn) * u2[lepton];
            Evaluated {
                name_parts: vec![l],
                recoil: vec![l],
                br,
            }
        }
        Kind::Leptonic { lepton, f, v } => {
            let l = -LEPTON_PDG[lepton];
            let gamma = gf2 * f * f * v * v * u2[lepton] * mp.powi(3) / (8.0 * PI)
                * leptonic_factor(mp, lepton_mass(lepton), mn);
            Evaluated {
                name_parts: vec![l],
                recoil: vec![l],
                br: gamma * width_to_br,
            }
        }
        Kind::Semileptonic {
            lepton,
            daughter: d,
            v,
            iso,
            ff,
        } => {
            let l = -LEPTON_PDG[lepton];
            let md = daughter(d).mass;
            let br = if u2[lepton] > 0.0 {
                gf2 * v
                    * v
                    * u2[lepton]
                    * iso
                    * semileptonic_width_unit(ff, (mp, md, lepton_mass(lepton), mn))
                    * width_to_br
            } else {
                0.0
            };
            Evaluated {
                name_parts: vec![d, l],
                recoil: vec![d, l],
                br,
            }
        }
        Kind::TauMeson {
            meson,
            f,
            v,
            vector,
        } => {
            let mm = daughter(meson).mass;
            let br = if mn + mm < mp {
                let (xn2, xm2) = ((mn / mp).powi(2), (mm / mp).powi(2));
                let shape = if vector {
                    (1.0 - xn2).powi(2) + xm2 * (1.0 + xn2 - 2.0 * xm2)
                } else {
                    (1.0 - xn2).powi(2) - xm2 * (1.0 + xn2)
                };
                gf2 * f * f * v * v * u2[2] * mp.powi(3) / (16.0 * PI)
                    * shape
                    * lam(1.0, xn2, xm2).sqrt()
                    * width_to_br
            } else {
                0.0
            };
            Evaluated {
                name_parts: vec![meson],
                recoil: vec![meson],
                br,
            }
        }
        Kind::TauLeptonic { lepton, via_tau } => {
            let l = LEPTON_PDG[lepton];
            let (nu, coupling) = if via_tau {
                (-(l + 1), u2[2])
            } else {
                (16, u2[lepton])
            };
            let ml = lepton_mass(lepton);
            let br = if ml + mn < mp {
                gf2 * mp.powi(5) * coupling / (192.0 * PI.powi(3))
                    * kinematic_i(ml / mp, mn / mp, 0.0)
                    * width_to_br
            } else {
                0.0
            };
            Evaluated {
                name_parts: vec![l, nu],
                recoil: vec![l, nu],
                br,
            }
        }
    }
}

fn recoil_mass(kind: Kind) -> f64 {
    match kind {
        Kind::LeptonicMeasured { lepton, .. } | Kind::Leptonic { lepton, .. } => {
            lepton_mass(lepton)
        }
        Kind::Semileptonic {
            lepton,
            daughter: d,
            ..
        } => lepton_mass(lepton) + daughter(d).mass,
        Kind::TauMeson { meson, .. } => daughter(meson).mass,
        Kind::TauLeptonic { lepton, .. } => lepton_mass(lepton),
    }
}

fn check(parent_pdg: i32, mass: f64) -> Result<(i32, f64), ModelError> {
    let parent = parent_pdg.abs();
    let Some(p) = parent_particle(parent) else {
        return Err(ModelError::UnknownParent(parent_pdg));
    };
    if !mass.is_finite() || mass <= 0.0 {
        return Err(ModelError::InvalidMass(mass));
    }
    let lightest = kinds(parent)
        .into_iter()
        .map(recoil_mass)
        .fold(f64::INFINITY, f64::min);
    if mass + lightest >= p.mass {
        return Err(ModelError::ParentTooLight {
            parent: parent_name(parent_pdg),
            mass,
        });
    }
    Ok((parent, if parent_pdg < 0 { -1.0 } else { 1.0 }))
}

fn channel_name(parent_pdg: i32, sign: i32, parts: &[i32]) -> String {
    let mut name = format!("{} ->", parent_name(parent_pdg));
    for &p in parts {
        name.push(' ');
        name.push_str(&crate::model::hnl::particle_name(sign * p));
    }
    name.push_str(" N");
    name
}

/// Every open production channel of `parent_pdg` (see [`parents`]; negative
/// ids give the charge conjugates) for an HNL of `mass` (GeV) at the model's
/// couplings (g = 1). Channels closed by kinematics or by a zero mixing are
/// left out.
///
/// # Errors
/// [`ModelError::UnknownParent`], [`ModelError::InvalidMass`], and
/// [`ModelError::ParentTooLight`] when the mass leaves no channel of this
/// parent open.
pub fn channels(
    parent_pdg: i32,
    mass: f64,
    model: &HnlModel,
) -> Result<Vec<ProductionChannel>, ModelError> {
    let (parent, sign) = check(parent_pdg, mass)?;
    let sign = sign as i32;
    Ok(kinds(parent)
        .into_iter()
        .map(|k| evaluate(parent, k, mass, model))
        .filter(|e| e.br > 0.0)
        .map(|e| ProductionChannel {
            name: channel_name(parent_pdg, sign, &e.name_parts),
            parent_pdg,
            branching_ratio: e.br,
            recoil: e.recoil.iter().map(|&d| daughter(sign * d)).collect(),
        })
        .collect())
}

/// Sum of [`channels`]' branching ratios.
///
/// # Errors
/// As [`channels`].
pub fn total_branching_ratio(
    parent_pdg: i32,
    mass: f64,
    model: &HnlModel,
) -> Result<f64, ModelError> {
    Ok(channels(parent_pdg, mass, model)?
        .iter()
        .map(|c| c.branching_ratio)
        .sum())
}

/// dBR/dq² (GeV⁻²) of a semileptonic three-body channel named as by
/// [`channels`] (e.g. "D0 -> K- e+ N"), q² = (p_ℓ + p_N)², from the
/// form-factor matrix element; integrates to the channel's branching ratio
/// over [(m_ℓ + m_N)², (M − M′)²] (0 outside). The N energy in the parent
/// frame then follows from the Dalitz plot ([`NSampler`] draws it).
///
/// # Errors
/// As [`channels`], and [`ModelError::UnknownParent`] when the channel is
/// not a semileptonic meson channel of this parent.
pub fn dbr_dq2(
    parent_pdg: i32,
    channel: &str,
    mass: f64,
    model: &HnlModel,
    q2: f64,
) -> Result<f64, ModelError> {
    let (parent, sign) = check(parent_pdg, mass)?;
    let sign = sign as i32;
    let p = parent_particle(parent).expect("checked");
    let u2 = model.mixings();
    for k in kinds(parent) {
        if let Kind::Semileptonic {
            lepton,
            daughter: d,
            v,
            iso,
            ff,
        } = k
        {
            if channel_name(parent_pdg, sign, &[d, -LEPTON_PDG[lepton]]) != channel {
                continue;
            }
            let masses = (p.mass, daughter(d).mass, lepton_mass(lepton), mass);
            let lo = (masses.2 + mass).powi(2);
            let hi = (masses.0 - masses.1).powi(2);
            if q2 <= lo || q2 >= hi {
                return Ok(0.0);
            }
            return Ok(G_FERMI
                * G_FERMI
                * v
                * v
                * u2[lepton]
                * iso
                * transition_dgamma_dq2(ff, masses, q2)
                / p.width());
        }
    }
    Err(ModelError::UnknownParent(parent_pdg))
}

/// The particles named in a channel (recoil, for the positive parent id).
fn recoil_of(kind: Kind) -> Vec<i32> {
    match kind {
        Kind::LeptonicMeasured { lepton, .. } | Kind::Leptonic { lepton, .. } => {
            vec![-LEPTON_PDG[lepton]]
        }
        Kind::Semileptonic {
            lepton,
            daughter: d,
            ..
        } => vec![d, -LEPTON_PDG[lepton]],
        Kind::TauMeson { meson, .. } => vec![meson],
        Kind::TauLeptonic { lepton, via_tau } => {
            let l = LEPTON_PDG[lepton];
            vec![l, if via_tau { -(l + 1) } else { 16 }]
        }
    }
}

/// How the N momentum of one channel is drawn (see [`NSampler`]).
#[derive(Debug, Clone)]
enum SamplerKind {
    /// Fixed |p_N|, isotropic.
    TwoBody { p: f64 },
    /// q² from a tabulated cumulative distribution, then s (pseudoscalar:
    /// the exact quadratic density) or the W* decay angle (vector: isotropic).
    Semileptonic {
        tr: Transition,
        masses: (f64, f64, f64, f64),
        q2: Vec<f64>,
        cdf: Vec<f64>,
    },
    /// τ⁻ → ℓ⁻ ν N: uniform Dalitz points weighted by the V−A matrix element
    /// (p_τ·p_ν̄)(p_ℓ·p_N) via U_τ, (p_τ·p_N)(p_ℓ·p_ν) via U_ℓ.
    TauLeptonic {
        masses: (f64, f64, f64),
        via_tau: bool,
        w_max: f64,
    },
}

/// Draws the HNL four-momentum in the parent's rest frame for one
/// production channel, for the caller to boost with the parent's momentum.
///
/// Two-body channels: fixed momentum, isotropic (spin-0 parents; the τ is
/// taken unpolarised). Semileptonic channels into a pseudoscalar: exact, from
/// the form-factor matrix element (q² from [`dbr_dq2`], then the Dalitz
/// variable s from its quadratic density at that q²). Into a vector: q² exact
/// from the helicity amplitudes, the decay angle in the ℓN rest frame
/// isotropic (the (1 ± cos θ)² helicity terms are neglected). τ⁻ → ℓ⁻νN:
/// the V−A matrix element by accept–reject on the Dalitz plot.
#[derive(Debug, Clone)]
pub struct NSampler {
    parent_mass: f64,
    mass: f64,
    kind: SamplerKind,
}

fn dalitz_dots_tau(masses: (f64, f64, f64), mp: f64, m12: f64, m23: f64) -> (f64, f64, f64) {
    // Particles 1 = ℓ, 2 = N, 3 = ν; m12 = (p_ℓ + p_N)², m23 = (p_N + p_ν)².
    let (m1, m2, m3) = masses;
    let m13 = mp * mp + m1 * m1 + m2 * m2 + m3 * m3 - m12 - m23;
    let e_n = (mp * mp + m2 * m2 - m13) / (2.0 * mp);
    let tau_nu = 0.5 * (mp * mp + m3 * m3 - m12);
    let tau_n = 0.5 * (mp * mp + m2 * m2 - m13);
    let l_n = 0.5 * (m12 - m1 * m1 - m2 * m2);
    let l_nu = 0.5 * (m13 - m1 * m1 - m3 * m3);
    (e_n, tau_nu * l_n, tau_n * l_nu)
}

impl NSampler {
    /// The sampler of `channel` (a name from [`channels`]) of `parent_pdg`
    /// for an HNL of `mass` (the kinematics do not depend on the couplings).
    ///
    /// # Errors
    /// As [`channels`], and [`ModelError::UnknownParent`] when the channel
    /// is not one of this parent's.
    pub fn new(parent_pdg: i32, channel: &str, mass: f64) -> Result<Self, ModelError> {
        let (parent, sign) = check(parent_pdg, mass)?;
        let sign = sign as i32;
        let mp = parent_particle(parent).expect("checked").mass;
        let kind = kinds(parent)
            .into_iter()
            .find(|&k| channel_name(parent_pdg, sign, &recoil_of(k)) == channel)
            .ok_or(ModelError::UnknownParent(parent_pdg))?;
        let recoil_mass: f64 = recoil_of(kind).iter().map(|&d| daughter(d).mass).sum();
        if mass + recoil_mass >= mp {
            return Err(ModelError::ParentTooLight {
                parent: parent_name(parent_pdg),
                mass,
            });
        }
        let kind = match kind {
            Kind::LeptonicMeasured { .. } | Kind::Leptonic { .. } | Kind::TauMeson { .. } => {
                SamplerKind::TwoBody {
                    p: crate::kinematics::two_body_momentum(mp, mass, recoil_mass).unwrap_or(0.0),
                }
            }
            Kind::Semileptonic {
                lepton,
                daughter: d,
                ff,
                ..
            } => {
                let masses = (mp, daughter(d).mass, lepton_mass(lepton), mass);
                let lo = (masses.2 + mass).powi(2);
                let hi = (mp - masses.1).powi(2);
                let n = 400;
                let q2: Vec<f64> = (0..=n)
                    .map(|i| lo + (hi - lo) * f64::from(i) / f64::from(n))
                    .collect();
                let dens: Vec<f64> = q2
                    .iter()
                    .map(|&x| transition_dgamma_dq2(ff, masses, x).max(0.0))
                    .collect();
                let mut cdf = vec![0.0; q2.len()];
                for i in 1..q2.len() {
                    cdf[i] = cdf[i - 1] + 0.5 * (dens[i] + dens[i - 1]) * (q2[i] - q2[i - 1]);
                }
                let total = cdf[q2.len() - 1];
                if total > 0.0 {
                    cdf.iter_mut().for_each(|c| *c /= total);
                }
                SamplerKind::Semileptonic {
                    tr: ff,
                    masses,
                    q2,
                    cdf,
                }
            }
            Kind::TauLeptonic { lepton, via_tau } => {
                let masses = (lepton_mass(lepton), mass, 0.0);
                // Bound of the weight from a grid over the Dalitz rectangle.
                let mut w_max: f64 = 0.0;
                let (a0, a1) = ((masses.0 + masses.1).powi(2), (mp - masses.2).powi(2));
                let (b0, b1) = ((masses.1 + masses.2).powi(2), (mp - masses.0).powi(2));
                for i in 0..=60 {
                    for j in 0..=60 {
                        let m12 = a0 + (a1 - a0) * f64::from(i) / 60.0;
                        let m23 = b0 + (b1 - b0) * f64::from(j) / 60.0;
                        let (_, wt, wl) = dalitz_dots_tau(masses, mp, m12, m23);
                        w_max = w_max.max(if via_tau { wt } else { wl });
                    }
                }
                SamplerKind::TauLeptonic {
                    masses,
                    via_tau,
                    w_max: 1.2 * w_max,
                }
            }
        };
        Ok(Self {
            parent_mass: mp,
            mass,
            kind,
        })
    }

    /// One HNL four-momentum in the parent's rest frame.
    pub fn sample(&self, rng: &mut crate::numeric::rng::Rng) -> crate::kinematics::FourVector {
        let mp = self.parent_mass;
        let m = self.mass;
        let e_n = match &self.kind {
            SamplerKind::TwoBody { p } => (p * p + m * m).sqrt(),
            SamplerKind::Semileptonic {
                tr,
                masses,
                q2,
                cdf,
            } => {
                let u = rng.uniform();
                let i = cdf.partition_point(|&c| c < u).clamp(1, cdf.len() - 1);
                let f = if cdf[i] > cdf[i - 1] {
                    (u - cdf[i - 1]) / (cdf[i] - cdf[i - 1])
                } else {
                    0.5
                };
                let q2 = q2[i - 1] + f * (q2[i] - q2[i - 1]);
                let (_, md, ml, _) = *masses;
                match tr {
                    Transition::Pseudoscalar(ff) => {
                        let (lo, hi) = s_limits(q2, *masses).unwrap_or((0.0, 0.0));
                        let g = |s: f64| semileptonic_me(*ff, *masses, q2, s).max(0.0);
                        let (g0, g1, g2) = (g(lo), g(0.5 * (lo + hi)), g(hi));
                        // Quadratic through the three points: its maximum
                        // on [lo, hi] is at an end or at the vertex.
                        let (a, b) = (2.0 * (g0 - 2.0 * g1 + g2), -3.0 * g0 + 4.0 * g1 - g2);
                        let mut bound = g0.max(g1).max(g2);
                        if a < 0.0 {
                            let t = (-b / (2.0 * a)).clamp(0.0, 1.0);
                            bound = bound.max(g(lo + t * (hi - lo)));
                        }
                        let mut s = 0.5 * (lo + hi);
                        for _ in 0..10_000 {
                            let cand = lo + (hi - lo) * rng.uniform();
                            if rng.uniform() * bound <= g(cand) {
                                s = cand;
                                break;
                            }
                        }
                        (mp * mp + m * m - s) / (2.0 * mp)
                    }
                    Transition::Vector(_) => {
                        let q = q2.sqrt();
                        let e_star = (q2 + m * m - ml * ml) / (2.0 * q);
                        let p_star = (e_star * e_star - m * m).max(0.0).sqrt();
                        let e_w = (mp * mp + q2 - md * md) / (2.0 * mp);
                        let p_w = (e_w * e_w - q2).max(0.0).sqrt();
                        let cos = 2.0 * rng.uniform() - 1.0;
                        (e_w * e_star + p_w * p_star * cos) / q
                    }
                }
            }
            SamplerKind::TauLeptonic {
                masses,
                via_tau,
                w_max,
            } => {
                let (m1, m2, m3) = *masses;
                let (a0, a1) = ((m1 + m2).powi(2), (mp - m3).powi(2));
                let (b0, b1) = ((m2 + m3).powi(2), (mp - m1).powi(2));
                let mut e = m;
                for _ in 0..100_000 {
                    let m12 = a0 + (a1 - a0) * rng.uniform();
                    let m23 = b0 + (b1 - b0) * rng.uniform();
                    // Inside the Dalitz plot: m23 within its limits at m12.
                    let q = m12.sqrt();
                    let e2 = (m12 - m1 * m1 + m2 * m2) / (2.0 * q);
                    let e3 = (mp * mp - m12 - m3 * m3) / (2.0 * q);
                    let p2 = (e2 * e2 - m2 * m2).max(0.0).sqrt();
                    let p3 = (e3 * e3 - m3 * m3).max(0.0).sqrt();
                    let sum = (e2 + e3).powi(2);
                    if m23 < sum - (p2 + p3).powi(2) || m23 > sum - (p2 - p3).powi(2) {
                        continue;
                    }
                    let (e_n, wt, wl) = dalitz_dots_tau(*masses, mp, m12, m23);
                    let w = if *via_tau { wt } else { wl };
                    if rng.uniform() * w_max <= w {
                        e = e_n;
                        break;
                    }
                }
                e
            }
        };
        let p = (e_n * e_n - m * m).max(0.0).sqrt();
        let cos = 2.0 * rng.uniform() - 1.0;
        let sin = (1.0 - cos * cos).max(0.0).sqrt();
        let phi = std::f64::consts::TAU * rng.uniform();
        crate::kinematics::FourVector::from_mass_momentum(
            m,
            crate::kinematics::Vec3::new(p * sin * phi.cos(), p * sin * phi.sin(), p * cos),
        )
    }
}

/// Standard-model check: BR(P → P′ ℓ⁺ ν) of a semileptonic channel at
/// m_N = 0 and |U|² = 1 (for the validation tests against the PDG).
#[doc(hidden)]
#[must_use]
pub fn semileptonic_sm_branching_ratio(parent: i32, daughter_pdg: i32, lepton: usize) -> f64 {
    let Some(p) = parent_particle(parent) else {
        return 0.0;
    };
    kinds(parent)
        .into_iter()
        .find_map(|k| match k {
            Kind::Semileptonic {
                lepton: l,
                daughter: d,
                v,
                iso,
                ff,
            } if l == lepton && d == daughter_pdg => Some(
                G_FERMI
                    * G_FERMI
                    * v
                    * v
                    * iso
                    * semileptonic_width_unit(ff, (p.mass, daughter(d).mass, lepton_mass(l), 0.0))
                    / p.width(),
            ),
            _ => None,
        })
        .unwrap_or(0.0)
}

/// Width of a parent in GeV (for callers normalising rates).
#[must_use]
pub fn parent_width(parent_pdg: i32) -> Option<f64> {
    parent_particle(parent_pdg.abs()).map(|p| match p.decay {
        units::Decay::LifetimeS(t) => lifetime_to_width(t),
        _ => p.width(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn massless_semileptonic_matches_textbook_spectrum() {
        // With m_ℓ = m_N = 0 and constant f₊ = f₀ = 1:
        // dΓ/dq² = G_F²|V|²|p′|³/(24π³) (e.g. PDG "Semileptonic b-hadron
        // decays" review); here divided by G_F²|V|².
        let ff = FormFactors::Pole {
            f0: 1.0,
            vector: 1e9,
            scalar: 1e9,
        };
        let (mp, md) = (1.86484, 0.493677);
        for q2 in [0.1, 0.5, 1.0, 1.5] {
            let ours = semileptonic_dgamma_dq2(ff, (mp, md, 0.0, 0.0), q2);
            let pp = lam(mp * mp, md * md, q2).sqrt() / (2.0 * mp);
            let textbook = pp.powi(3) / (24.0 * PI.powi(3));
            assert!(
                (ours / textbook - 1.0).abs() < 1e-10,
                "{q2}: {ours} {textbook}"
            );
        }
    }

    #[test]
    fn helicity_formula_matches_the_dalitz_integral() {
        // A pseudoscalar daughter has H₀ = 2M|p′|f₊/√q², H_t = (M² − M′²)f₀/√q²:
        // the helicity formula with two massive leptons must reproduce the
        // explicit Dalitz integral of the matrix element.
        let (mp, md, ml, mn) = (1.86484, 0.493677, 0.105_658, 0.6);
        for q2 in [0.6, 0.8, 1.0, 1.3] {
            let (fp, f0) = FF_D_K.plus_zero(q2);
            let pp = lam(mp * mp, md * md, q2).sqrt() / (2.0 * mp);
            let h0 = 2.0 * mp * pp * fp / q2.sqrt();
            let ht = (mp * mp - md * md) * f0 / q2.sqrt();
            let hel = helicity_dgamma_dq2((mp, md, ml, mn), q2, h0 * h0, ht * ht);
            let dal = semileptonic_dgamma_dq2(FF_D_K, (mp, md, ml, mn), q2);
            assert!((hel / dal - 1.0).abs() < 1e-10, "{q2}: {hel} {dal}");
        }
    }

    #[test]
    fn dbr_dq2_integrates_to_the_branching_ratio() {
        let model = HnlModel::new(1e-4, 2e-4, 0.0, false).unwrap();
        let mass = 0.5;
        let chans = channels(421, mass, &model).unwrap();
        let c = chans.iter().find(|c| c.name == "D0 -> K- mu+ N").unwrap();
        let lo = (units::MUON.mass + mass).powi(2);
        let hi = (units::D_NEUTRAL.mass - units::KAON_CHARGED.mass).powi(2);
        let n = 4000;
        let h = (hi - lo) / f64::from(n);
        let sum: f64 = (0..n)
            .map(|i| {
                dbr_dq2(421, &c.name, mass, &model, lo + (f64::from(i) + 0.5) * h).unwrap() * h
            })
            .sum();
        assert!(
            (sum / c.branching_ratio - 1.0).abs() < 1e-3,
            "{sum} {}",
            c.branching_ratio
        );
    }

    #[test]
    fn sampler_reproduces_the_mean_energy() {
        // D⁰ → K⁻ μ⁺ N at m_N = 0.5 GeV: ⟨E_N⟩ of the sampler against the
        // Dalitz-plot average of E_N = (M² + m_N² − s)/(2M) with |M|².
        let mass = 0.5;
        let masses = (
            units::D_NEUTRAL.mass,
            units::KAON_CHARGED.mass,
            units::MUON.mass,
            mass,
        );
        let mp = masses.0;
        let (x, w) = gauss_legendre(8);
        let (mut num, mut den) = (0.0, 0.0);
        let lo = (masses.2 + mass).powi(2);
        let hi = (mp - masses.1).powi(2);
        let nq = 2000;
        for i in 0..nq {
            let q2 = lo + (hi - lo) * (f64::from(i) + 0.5) / f64::from(nq);
            let (slo, shi) = s_limits(q2, masses).unwrap();
            for (xi, wi) in x.iter().zip(&w) {
                let s = 0.5 * (slo + shi) + 0.5 * (shi - slo) * xi;
                let me = semileptonic_me(FF_D_K, masses, q2, s) * wi * 0.5 * (shi - slo);
                num += me * (mp * mp + mass * mass - s) / (2.0 * mp);
                den += me;
            }
        }
        let expect = num / den;
        let sampler = NSampler::new(421, "D0 -> K- mu+ N", mass).unwrap();
        let mut rng = crate::numeric::rng::Rng::new(7, 0);
        let n = 200_000;
        let (mut sum, mut sum2) = (0.0, 0.0);
        let emax = (mp * mp + mass * mass - (masses.1 + masses.2).powi(2)) / (2.0 * mp);
        for _ in 0..n {
            let e = sampler.sample(&mut rng).e;
            assert!(e >= mass - 1e-12 && e <= emax + 1e-9, "{e}");
            sum += e;
            sum2 += e * e;
        }
        let mean = sum / f64::from(n);
        let sigma = ((sum2 / f64::from(n) - mean * mean) / f64::from(n)).sqrt();
        assert!(
            (mean - expect).abs() < 4.0 * sigma + 1e-4,
            "{mean} {expect} {sigma}"
        );
        // Every channel of a few parents can be sampled within its limits.
        let all = HnlModel::new(1e-6, 1e-6, 1e-6, false).unwrap();
        for (parent, m) in [(15, 0.3), (521, 1.0), (411, 0.4), (321, 0.2)] {
            for c in channels(parent, m, &all).unwrap() {
                let s = NSampler::new(parent, &c.name, m).unwrap();
                let mp = parent_particle(parent).unwrap().mass;
                for _ in 0..200 {
                    let e = s.sample(&mut rng).e;
                    assert!(e >= m - 1e-12 && e <= 0.5 * (mp * mp + m * m) / mp + 1e-9);
                }
            }
        }
    }

    #[test]
    fn names_and_conjugates() {
        let model = HnlModel::new(1e-6, 1e-6, 1e-6, false).unwrap();
        let k = channels(321, 0.3, &model).unwrap();
        assert!(k.iter().any(|c| c.name == "K+ -> e+ N"));
        assert!(k.iter().any(|c| c.name == "K+ -> mu+ N"));
        let kbar = channels(-321, 0.3, &model).unwrap();
        let c = kbar.iter().find(|c| c.name == "K- -> e- N").unwrap();
        assert_eq!(c.recoil[0].pdg_id, 11);
        assert_eq!(parent_from_name("D_s+"), Some(431));
        assert_eq!(parent_from_name("tau-"), Some(15));
        assert!(matches!(
            channels(321, 0.5, &model),
            Err(ModelError::ParentTooLight { .. })
        ));
        assert!(matches!(
            channels(2212, 0.1, &model),
            Err(ModelError::UnknownParent(2212))
        ));
    }
}
