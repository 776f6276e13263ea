//! Production of the dark scalar S in kaon and B-meson decays through the
//! top–W loop (flavour-changing penguin with an S emitted from the top line).
//!
//! The effective vertex for d_j → d_i S (i, j down-type, m_j ≫ m_i) is
//! L = θ · [3 m_t² V_ti* V_tj /(16π² v³)] · m_j · S d̄_i P_R d_j + h.c.
//! (Willey & Yu, PRD 26 (1982) 3086; Grinstein, Hall, Randall, PLB 211 (1988)
//! 363; used in this form by Winkler, PRD 99 (2019) 015018, Sec. IV and
//! Boiarska et al., JHEP 11 (2019) 162, arXiv:1904.10447, Sec. 3). With
//! ⟨P′|d̄_i d_j|P⟩ = (m_P² − m_P′²)/(m_j − m_i)·f₀(q²) and the P_R projector
//! (a factor ½, m_i neglected), a pseudoscalar P decays as
//!
//! Γ(P → P′S) = θ² |C|² (m_P² − m_P′²)² f₀(m_S²)² √λ / (64π m_P³),
//! C = 3 m_t² V_ti* V_tj/(16π² v³),
//!
//! and to a vector V (the K*, with the pseudoscalar-density form factor A₀)
//!
//! Γ(P → V S) = θ² |C|² A₀(m_S²)² λ^{3/2} / (64π m_P³),
//!
//! with λ = λ(m_P², m_P′², m_S²) the Källén function.
//!
//! Inputs: m_t = 172.57 GeV (PDG 2024 pole mass; the loop is evaluated with
//! the pole mass as in Winkler and Boiarska et al.), v = 246.22 GeV, the CKM
//! matrix in the standard parametrisation from the PDG 2024 global fit
//! Wolfenstein parameters λ = 0.22501, A = 0.826, ρ̄ = 0.1591, η̄ = 0.3523
//! (PDG 2024 CKM review). Form factors:
//!
//! - K → π: f₀(q²) = f₊(0)(1 + λ₀ q²/m_π+²), f₊(0) = 0.9698 (FLAG 2021,
//!   N_f = 2+1+1) and λ₀ = 0.01338 (PDG 2024 K_ℓ3 review, linear fit);
//! - B → K: f₀(q²) = 0.330/(1 − q²/37.46 GeV²) (Ball & Zwicky, PRD 71 (2005)
//!   014015, light-cone sum rules);
//! - B → K*: A₀(q²) = 1.364/(1 − q²/m_B²) − 0.990/(1 − q²/36.78 GeV²) (Ball &
//!   Zwicky, PRD 71 (2005) 014029).
//!
//! K_L → π⁰S: K_L is (to 10⁻³) the CP-odd K₂ and π⁰S (L = 0) is CP-odd, so
//! only the CP-conserving part of the coupling contributes:
//! Γ(K_L→π⁰S) = Γ(K⁺→π⁺S)|_{m_K⁰, m_π⁰} · (Re λ_t)²/|λ_t|², λ_t = V_td* V_ts
//! (Leutwyler & Shifman, NPB 343 (1990) 369; Winkler Sec. IV).

use crate::kinematics::kallen;
use crate::model::scalar::{M_TOP, ScalarModel, higgs_vev};
use crate::model::{Daughter, ModelError};
use crate::units::{B_CHARGED, B_NEUTRAL, KAON_CHARGED, KAON_LONG, PION_CHARGED, PION_NEUTRAL};
use std::f64::consts::PI;

pub use crate::production::source::ProductionChannel;

/// Wolfenstein parameters of the PDG 2024 global CKM fit (λ, A, ρ̄, η̄).
pub const WOLFENSTEIN: (f64, f64, f64, f64) = (0.22501, 0.826, 0.1591, 0.3523);

/// A complex number (re, im).
type Cx = (f64, f64);

fn cmul(a: Cx, b: Cx) -> Cx {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}
fn cconj(a: Cx) -> Cx {
    (a.0, -a.1)
}

/// The third row (V_td, V_ts, V_tb) of the CKM matrix in the standard
/// parametrisation (PDG CKM review) from [`WOLFENSTEIN`] via the exact
/// relations given there (s₁₂ = λ, s₂₃ = Aλ², s₁₃e^{iδ} as below).
#[must_use]
pub fn ckm_top_row() -> [(f64, f64); 3] {
    let (lam, a, rho, eta) = WOLFENSTEIN;
    let s12 = lam;
    let s23 = a * lam * lam;
    // s13 e^{iδ} = Aλ³(ρ̄+iη̄)√(1−A²λ⁴) / (√(1−λ²)[1 − A²λ⁴(ρ̄+iη̄)])
    let num = (
        a * lam.powi(3) * rho * (1.0 - a * a * lam.powi(4)).sqrt(),
        a * lam.powi(3) * eta * (1.0 - a * a * lam.powi(4)).sqrt(),
    );
    let den = (
        (1.0 - lam * lam).sqrt() * (1.0 - a * a * lam.powi(4) * rho),
        (1.0 - lam * lam).sqrt() * (-a * a * lam.powi(4) * eta),
    );
    let d2 = den.0 * den.0 + den.1 * den.1;
    let s13e = cmul(num, (den.0 / d2, -den.1 / d2));
    let s13 = (s13e.0 * s13e.0 + s13e.1 * s13e.1).sqrt();
    let c12 = (1.0 - s12 * s12).sqrt();
    let c23 = (1.0 - s23 * s23).sqrt();
    let c13 = (1.0 - s13 * s13).sqrt();
    // V_td = s12 s23 − c12 c23 s13 e^{iδ}; V_ts = −c12 s23 − s12 c23 s13 e^{iδ};
    // V_tb = c23 c13.
    let vtd = (s12 * s23 - c12 * c23 * s13e.0, -c12 * c23 * s13e.1);
    let vts = (-c12 * s23 - s12 * c23 * s13e.0, -s12 * c23 * s13e.1);
    let vtb = (c23 * c13, 0.0);
    [vtd, vts, vtb]
}

/// |C|² = |3 m_t² V_ti* V_tj/(16π² v³)|² in GeV⁻² for the given CKM product.
fn c_squared(ckm: Cx) -> f64 {
    let v = higgs_vev();
    let c = 3.0 * M_TOP * M_TOP / (16.0 * PI * PI * v.powi(3));
    c * c * (ckm.0 * ckm.0 + ckm.1 * ckm.1)
}

/// λ_t = V_td* V_ts (s → d transitions).
#[must_use]
pub fn lambda_t_sd() -> (f64, f64) {
    let [vtd, vts, _] = ckm_top_row();
    cmul(cconj(vtd), vts)
}

/// V_ts* V_tb (b → s transitions).
#[must_use]
pub fn lambda_t_bs() -> (f64, f64) {
    let [_, vts, vtb] = ckm_top_row();
    cmul(cconj(vts), vtb)
}

/// Γ(P→P′S)/θ² in GeV for parent mass `mp`, recoil mass `mr`, scalar mass
/// `ms`, form factor `f0` at q² = m_S² and CKM product `ckm`.
fn width_pseudoscalar(mp: f64, mr: f64, ms: f64, f0: f64, ckm: Cx) -> f64 {
    width_to_pseudoscalar_and_spin0(mp, mr, ms, f0, c_squared(ckm))
}

/// Γ(P→VS)/θ² in GeV (vector recoil, form factor A₀ at q² = m_S²).
fn width_vector(mp: f64, mr: f64, ms: f64, a0: f64, ckm: Cx) -> f64 {
    width_to_vector_and_spin0(mp, mr, ms, a0, c_squared(ckm))
}

/// Γ(P → P′X) in GeV for a spin-0 X of mass `m` with effective
/// flavour-changing coupling squared `g2` (GeV⁻²): g2 (m_P² − m_P′²)² f₀(m²)²
/// λ^{1/2} / (64π m_P³) (module docs; for the scalar g2 = θ²|C|², for the
/// ALP |g_bs|², `production::alp_mesons`).
pub(crate) fn width_to_pseudoscalar_and_spin0(mp: f64, mr: f64, m: f64, f0: f64, g2: f64) -> f64 {
    if m >= mp - mr {
        return 0.0;
    }
    let l = kallen(mp * mp, mr * mr, m * m).max(0.0);
    g2 * (mp * mp - mr * mr).powi(2) * f0 * f0 * l.sqrt() / (64.0 * PI * mp.powi(3))
}

/// Γ(P → V X) in GeV for a spin-0 X: g2 A₀(m²)² λ^{3/2} / (64π m_P³).
pub(crate) fn width_to_vector_and_spin0(mp: f64, mr: f64, m: f64, a0: f64, g2: f64) -> f64 {
    if m >= mp - mr {
        return 0.0;
    }
    let l = kallen(mp * mp, mr * mr, m * m).max(0.0);
    g2 * a0 * a0 * l.powf(1.5) / (64.0 * PI * mp.powi(3))
}

/// K→π scalar form factor f₀(q²) (module docs).
#[must_use]
pub fn f0_k_pi(q2: f64) -> f64 {
    0.9698 * (1.0 + 0.01338 * q2 / (PION_CHARGED.mass * PION_CHARGED.mass))
}

/// B→K scalar form factor f₀(q²), Ball & Zwicky 2005.
#[must_use]
pub fn f0_b_k(q2: f64) -> f64 {
    0.330 / (1.0 - q2 / 37.46)
}

/// B→K* form factor A₀(q²), Ball & Zwicky 2005 (m_R = m_B).
#[must_use]
pub fn a0_b_kstar(q2: f64) -> f64 {
    let mb = B_CHARGED.mass;
    1.364 / (1.0 - q2 / (mb * mb)) - 0.990 / (1.0 - q2 / 36.78)
}

/// K*(892)± mass in GeV (PDG 2024, hadroproduced average).
pub const M_KSTAR_CHARGED: f64 = 0.891_67;
/// K*(892)⁰ mass in GeV (PDG 2024).
pub const M_KSTAR_NEUTRAL: f64 = 0.895_55;
/// K⁰ mass in GeV (PDG 2024).
pub const M_K0: f64 = 0.497_611;

/// Γ(K⁺→π⁺S)/θ² in GeV.
#[must_use]
pub fn width_kplus_pi_s(ms: f64) -> f64 {
    width_pseudoscalar(
        KAON_CHARGED.mass,
        PION_CHARGED.mass,
        ms,
        f0_k_pi(ms * ms),
        lambda_t_sd(),
    )
}

/// Γ(K_L→π⁰S)/θ² in GeV (CP-conserving part, ∝ (Re λ_t)²).
#[must_use]
pub fn width_klong_pi0_s(ms: f64) -> f64 {
    let lt = lambda_t_sd();
    width_pseudoscalar(
        KAON_LONG.mass,
        PION_NEUTRAL.mass,
        ms,
        f0_k_pi(ms * ms),
        (lt.0, 0.0),
    )
}

/// The parents [`channels`] knows: K⁺ (321), K_L (130), B⁺ (521), B⁰ (511).
pub const SUPPORTED_PARENTS: [i32; 4] = [321, 130, 521, 511];

/// PDG number of a parent given by name ("K+", "K_L", "B+", "B0"; case
/// insensitive) or number.
#[must_use]
pub fn parent_pdg(name: &str) -> Option<i32> {
    match name.trim().to_ascii_lowercase().as_str() {
        "k+" | "kplus" | "321" => Some(321),
        "k_l" | "kl" | "k_l0" | "130" => Some(130),
        "b+" | "bplus" | "521" => Some(521),
        "b0" | "511" => Some(511),
        _ => None,
    }
}

fn d(pdg: i32) -> Daughter {
    Daughter::from_pdg(pdg).expect("particle in units")
}

/// The open production channels of a scalar of mass `mass` (GeV) in decays
/// of `parent_pdg` (one of [`SUPPORTED_PARENTS`]), with branching ratios at
/// the model's θ². Closed channels are left out (an empty list above every
/// threshold). Charge-conjugate parents (negative numbers) give the same
/// rates with conjugated recoils.
pub fn channels(
    parent_pdg: i32,
    mass: f64,
    model: &ScalarModel,
) -> Result<Vec<ProductionChannel>, ModelError> {
    if !(mass.is_finite() && mass > 0.0) {
        return Err(ModelError::InvalidMass(mass));
    }
    if !(model.theta2.is_finite() && model.theta2 > 0.0) {
        return Err(ModelError::InvalidCoupling(model.theta2));
    }
    let sign = parent_pdg.signum();
    let conj = |x: Daughter| Daughter {
        pdg_id: if x.charge != 0 || x.pdg_id == 313 || x.pdg_id == 311 {
            x.pdg_id * sign
        } else {
            x.pdg_id
        },
        charge: x.charge * sign as i8,
        ..x
    };
    let mut out = Vec::new();
    let mut push = |name: &str, width: f64, parent_width: f64, recoil: Daughter| {
        if width > 0.0 {
            out.push(ProductionChannel {
                name: name.into(),
                parent_pdg,
                branching_ratio: model.theta2 * width / parent_width,
                recoil: vec![conj(recoil)],
            });
        }
    };
    let bs = lambda_t_bs();
    let q2 = mass * mass;
    match parent_pdg.abs() {
        321 => push(
            "K+ -> pi+ S",
            width_kplus_pi_s(mass),
            KAON_CHARGED.width(),
            d(211),
        ),
        130 => push(
            "K_L -> pi0 S",
            width_klong_pi0_s(mass),
            KAON_LONG.width(),
            d(111),
        ),
        521 => {
            let mb = B_CHARGED.mass;
            let w = B_CHARGED.width();
            push(
                "B+ -> K+ S",
                width_pseudoscalar(mb, KAON_CHARGED.mass, mass, f0_b_k(q2), bs),
                w,
                d(321),
            );
            push(
                "B+ -> K*+ S",
                width_vector(mb, M_KSTAR_CHARGED, mass, a0_b_kstar(q2), bs),
                w,
                Daughter {
                    pdg_id: 323,
                    mass: M_KSTAR_CHARGED,
                    charge: 1,
                },
            );
        }
        511 => {
            let mb = B_NEUTRAL.mass;
            let w = B_NEUTRAL.width();
            push(
                "B0 -> K0 S",
                width_pseudoscalar(mb, M_K0, mass, f0_b_k(q2), bs),
                w,
                Daughter {
                    pdg_id: 311,
                    mass: M_K0,
                    charge: 0,
                },
            );
            push(
                "B0 -> K*0 S",
                width_vector(mb, M_KSTAR_NEUTRAL, mass, a0_b_kstar(q2), bs),
                w,
                Daughter {
                    pdg_id: 313,
                    mass: M_KSTAR_NEUTRAL,
                    charge: 0,
                },
            );
        }
        _ => return Err(ModelError::UnknownParent(parent_pdg)),
    }
    // K_S → π⁰S is CP-violating (∝ (Im λ_t)²) and, with τ_S/τ_L = 1/571,
    // 10⁻³ of the K_L branching ratio: not offered.
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ckm_is_unitary_enough() {
        let [vtd, vts, vtb] = ckm_top_row();
        let n = |c: Cx| c.0 * c.0 + c.1 * c.1;
        assert!((n(vtd) + n(vts) + n(vtb) - 1.0).abs() < 1e-12);
        // PDG 2024 global fit: |V_td| = 8.58e-3, |V_ts| = 41.1e-3 (±2 %).
        assert!((n(vtd).sqrt() / 8.58e-3 - 1.0).abs() < 0.02);
        assert!((n(vts).sqrt() / 41.1e-3 - 1.0).abs() < 0.02);
    }

    #[test]
    fn closed_and_bad_inputs() {
        let m = ScalarModel::new(1.0).unwrap();
        assert!(channels(321, 0.4, &m).unwrap().is_empty());
        assert_eq!(channels(521, 0.1, &m).unwrap().len(), 2);
        assert!(matches!(
            channels(999, 0.1, &m),
            Err(ModelError::UnknownParent(999))
        ));
        assert!(channels(321, f64::NAN, &m).is_err());
        let minus = channels(-321, 0.1, &m).unwrap();
        assert_eq!(minus[0].recoil[0].pdg_id, -211);
        assert_eq!(parent_pdg("K_L"), Some(130));
    }
}
