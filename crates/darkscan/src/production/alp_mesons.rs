//! Production of axion-like particles in meson decays: K⁺ → π⁺a and
//! B → K(*)a, for the fermion coupling g_Y (PBC BC10) and the gluon
//! coupling 1/f_G (PBC BC11) of [`AlpModel`].
//!
//! **Conventions.** darkscan's BC10 coupling gives every fermion the on-shell
//! coupling g_af = g_Y m_f/v ([`crate::model::alp`]), i.e. the derivative
//! coupling (c_ff/2)(∂_μa/Λ) f̄γ^μγ₅f with c_ff/Λ = g_Y/v (Bauer, Neubert,
//! Thamm, JHEP 12 (2017) 044, "BNT", Sec. 2). Its gluon coupling is
//! L ⊃ (α_s/8π)(a/f_G) GG̃ = c_GG (α_s/4π)(a/f) GG̃ with c_GG/f = 1/(2f_G)
//! (the normalisation of Bauer, Neubert, Renner, Schnubel, Thamm,
//! PRL 127 (2021) 081803, arXiv:2102.13112, "BNRST-K").
//!
//! **Flavour-changing coupling (BC10).** A flavour-universal ALP–fermion
//! coupling induces the left-handed flavour-changing coupling
//! L ⊃ (∂^μa/Λ) [k_D]_ij d̄_Li γ_μ d_Lj through the top Yukawa: the
//! renormalisation-group running from Λ to m_t (leading logarithm) plus the
//! one-loop W/top matching at μ_w = m_t,
//!
//! [k_D]_ij = (y_t²/16π²) V_ti* V_tj c_tt [ln(Λ/m_t) − ¼ − (3/2)(1 − x_t + ln x_t)/(1 − x_t)²],
//!
//! x_t = m_t²/m_W², c_tt = c_uu,33 − c_Q,33 (Bauer et al., "The low-energy
//! effective theory of axions and ALPs", JHEP 04 (2021) 063,
//! arXiv:2012.12272, Secs. 3–4, and "Flavor probes of axion-like
//! particles", JHEP 09 (2022) 056, arXiv:2110.10698, Sec. 2; the same
//! matching terms are in ALPaca's `alpaca/rge/matching.py`
//! (`match_FCNC_d`: for c_Q, c_u flavour-universal at μ_w it reduces to
//! c_tt[ln(μ_w/m_t) + δ_t], which with the one-loop running c_Q,sd ∋
//! c_tt y_t² ln(Λ/μ_w)/16π² of arXiv:2012.12272's RGE gives the formula
//! below for any μ_w), and ALPINIST's `C_qq_ij_mu`
//! (`ALP_rescale/alp/effective_coupling.py`) has its RG-resummed form
//! (−I_t/6 in place of the logarithm); both were read to check the
//! coefficients). With c_tt/Λ = g_Y/v and y_t = √2 m_t/v:
//!
//! g_ij ≡ [k_D]_ij/Λ = g_Y (y_t²/16π² v) V_ti* V_tj [ln(Λ/m_t) + δ_t]  (GeV⁻¹),
//!
//! δ_t = −¼ − (3/2)(1 − x_t + ln x_t)/(1 − x_t)² ≈ −0.01. The cut-off of
//! the logarithm is Λ = 1 TeV ([`LAMBDA_UV_BC10`], the PBC BC10 convention,
//! Beacham et al., J. Phys. G 47 (2020) 010501, and ALPINIST's default).
//! Terms of relative order α_s²/π² (gauge-boson couplings induced by the
//! anomaly, running below m_t) are neglected.
//!
//! **Comparison with ALPaca (alp-aca v1.1.0).** darkscan's BC10 rates are
//! 2.0–2.3 (K⁺), 2.3–2.6 (K_L), 2.5–2.6 (B⁺ → K(*)⁺a) × ALPaca's. Writing
//! [k_D]_ij = V_ti*V_tj (c_tt(Λ)/16π²) K, the two differ in c_tt and in K
//! (`tests/alp_meson_production.rs`, where undoing both reproduces
//! ALPaca's K_L → π⁰a to 2 % and B⁺ → K⁺a to 1 %):
//! - *Normalisation of BC10* (a convention, amplitude × 0.7996): ALPaca's
//!   `BC10()` sets c_uR = c_dR = c_eR = −c_qL = −c_lL = c_Y = g_Y f_a/(2v)
//!   at Λ = 1 TeV with its running MS-bar v(1 TeV) = √(2m²/λ) = 307.94 GeV;
//!   c_tt = c_uR,33 − c_qL,33 = 2c_Y, so c_tt/f_a = g_Y/(307.94 GeV).
//!   darkscan (and its ALP decay widths, [`crate::model::alp`]) uses the
//!   Fermi-constant v = 246.22 GeV: ALPaca's BC10 couplings are 0.7996 of
//!   darkscan's at Λ (its electron coupling at 0.1 GeV: 0.840).
//! - *RG improvement* (scheme and higher order, amplitude × 0.791): darkscan
//!   takes the one-loop leading-log expression with fixed y_t² =
//!   2m_t²/v² = 0.9825 (pole m_t): K = 0.9825 × (1.7570 − 0.0104) = 1.7159.
//!   ALPaca integrates the one-loop RGEs (arXiv:2012.12272 Eq. (18), as
//!   cited in ALPaca's `run_high.py`)
//!   with running MS-bar y_t(μ) and c_tt(μ) down to μ_w and matches there:
//!   K = 1.3574 (μ_w = 100 GeV, its default: running 1.8150, matching
//!   −0.4575), 1.3598 (μ_w = m_t), 1.3552 (250 GeV). Against darkscan's
//!   1.7159 (at μ_w = m_t): y_t(m_t) MS-bar 0.938 instead of 0.991 × 0.8956
//!   (K → 1.5368); y_t(μ) running to 0.864 at 1 TeV, ∫ y_t² d ln μ + y_t²δ_t
//!   = 1.4122, × 0.919; c_tt running (c_tt(m_t) = 0.912 c_tt(Λ)) and the
//!   other Yukawa and gauge terms × 0.963. These are O(α_s) (pole vs
//!   MS-bar) and O(α_s ln, y_t² ln/16π²) relative corrections to the
//!   one-loop result, beyond its accuracy; darkscan keeps the one-loop
//!   formula, whose rate is then ≈ 1.6× the RG-improved one at equal c_tt.
//! - ALPaca's `integrator='no_rge'` keeps only the matching at μ_w =
//!   100 GeV (K = y_t(μ_w)²[ln(μ_w/m_t) + δ_t] = −0.519, no Λ → μ_w log):
//!   not comparable. `'leadinglog'` takes one step with y_t(Λ)² (K = 1.293).
//!
//! **Decay rates** (arXiv:2110.10698, Sec. 3, B → K(*)a and K → πa from the
//! vector and axial currents ⟨P′|q̄γ_μq′|P⟩q^μ = (m_P² − m_P′²)f₀(q²) and
//! ⟨V|q̄γ_μγ₅q′|P⟩q^μ = 2m_V(ε*·q)A₀(q²)):
//!
//! Γ(B → K a) = |g_bs|² (m_B² − m_K²)² f₀(m_a²)² √λ / (64π m_B³),
//! Γ(B → K* a) = |g_bs|² A₀(m_a²)² λ^{3/2} / (64π m_B³),
//!
//! λ = λ(m_B², m_K(*)², m_a²); the form factors are the scalar module's
//! ([`crate::production::scalar::f0_b_k`], [`crate::production::scalar::a0_b_kstar`]:
//! Ball & Zwicky 2005) and the CKM row is its PDG 2024 one.
//!
//! **K⁺ → π⁺a.** Besides the s → d top loop the weak chiral Lagrangian
//! contributes at the same order (BNRST-K, Eq. (5); the amplitude as
//! implemented in ALPaca `alpaca/decays/mesons/invisible.py`, `Kplustopia`):
//!
//! A = (m_K² − m_π²)[N₈ c_qq/f − ½ f₀(m_a²) g_sd]
//!     + 4N₈ (c_GG/f)(m_K² − m_π²)(m_K² − m_a²)/(4m_K² − m_π² − 3m_a²),
//!
//! with the flavour-universal light-quark axial coupling c_qq/f = g_Y/v,
//! c_GG/f = 1/(2f_G), g_sd = [k_D]_sd/Λ ∝ V_ts* V_td, and
//! Γ = |A|² √λ/(16π m_K³). N₈ = −(G_F/√2)V_ud*V_us g₈ f_π² with
//! |N₈| = 1.53×10⁻⁷ (arXiv:2110.10698; the value ALPINIST uses,
//! `exotic_constants.py`), sign negative for g₈ > 0. For BC10 the chiral term
//! is ≈ 8 % of the top-loop amplitude (and interferes destructively); for
//! BC11 the chiral (a–π⁰/η/η′ mixing) term is almost the whole amplitude
//! (the double-log top loop from c_GG, below, adds ≈ 1.7 % to it, 3.5 % to
//! the rate at 0.1 GeV). Isospin breaking (≈ 1 %
//! for the gluon term away from m_π) and the 27-plet are neglected.
//!
//! **K_L → π⁰a.** The K⁰ (ds̄) and K̄⁰ (sd̄) amplitudes of arXiv:2110.10698
//! (Sec. 3; as implemented in ALPaca `alpaca/decays/mesons/invisible.py`,
//! `ampK0topia`/`KLtopia`, read to check signs), with Δ = m_K⁰² − m_π⁰²:
//!
//! √2 A(K̄⁰) = C − (Δ/2) f₀(m_a²) g_ds,   √2 A(K⁰) = −C + (Δ/2) f₀(m_a²) g_sd,
//!
//! C = N₈ [(c_qq/f) Δ + 4 (c_GG/f) Δ (m_K⁰² − m_a²)/(4m_K⁰² − m_π⁰² − 3m_a²)]
//! (the chiral term of K⁺ → π⁺a at the neutral masses), g_ds = g_sd*, and
//! K_L = [(1 + ε)K⁰ + (1 − ε)K̄⁰]/√(2(1 + |ε|²)) with ε = ε_K ([`EPSILON_K`]):
//!
//! A(K_L) = i h Im(g_sd) + ε (h Re(g_sd) − C) + O(ε²),  h = (Δ/2) f₀(m_a²),
//!
//! Γ = |A(K_L)|² √λ/(16π m_K_L³). A pseudoscalar with π⁰ in an S wave is
//! CP-even, K_L CP-odd: the decay is CP-violating. For BC10 it is direct
//! CP violation through Im(V_ts*V_td) (as in K_L → π⁰νν̄), of the size of
//! K⁺ → π⁺a's top loop; for BC11 (real N₈, no strong phase) only the ε_K
//! term remains, a rate |ε_K|² ≈ 5×10⁻⁶ of the CP-conserving one.
//!
//! **Flavour-changing coupling from the gluon coupling (BC11).** Running
//! from Λ down, c_GG feeds the top couplings and these the left-handed
//! s → d, b → s coupling (arXiv:2012.12272 Eq. (24), one loop, top Yukawa
//! and α_s only; the same equations ALPaca integrates, `beta_ytop`):
//!
//! 16π² dc_tt/d ln μ = 9y_t² c_tt + 32 α_s² c̃_GG,   16π² d[c_Q]₃₃/d ln μ ⊃ −y_t² c_tt,
//!
//! the second term non-universal, hence V_ti*V_tj off-diagonal in the down
//! basis. At leading order (c_tt(Λ) = 0, c̃_GG ≈ c_GG, the 9y_t² self-running
//! and the electroweak terms dropped), with L = ln(Λ/μ):
//! c_tt(L) = −(2/π²) c_GG I(L), I(L) = ∫₀^L α_s² dL′, and with the one-loop
//! W/top matching of the BC10 case (δ_t) at m_t:
//!
//! g_ij = −V_ti*V_tj (c_GG/f)(y_t²/16π²)(2/π²)[J + I(L_t) δ_t],
//! J = ∫₀^{L_t} (L_t − L′) α_s(L′)² dL′
//!
//! (a double logarithm, ≈ α_s²L_t²/2 for constant α_s), with darkscan's
//! one-loop α_s ([`crate::model::scalar::alpha_s`]) and c_GG/f = 1/(2f_G).
//! It adds to the BC10 g_ij ([`bc11_fcnc_factor`]): K⁺ → π⁺a and K_L → π⁰a
//! for BC11 receive the (tiny) top-loop amplitude next to the chiral one, and
//! B → K(*)a exists for BC11. Checked against ALPaca's BC11 K_L/K⁺ and
//! B⁺ → K⁺a/K⁺ → π⁺a ratios (`tests/alp_meson_production.rs`).
//!
//! Not modelled: the photon coupling's and the lepton couplings'
//! flavour-changing transitions. These channels are then simply absent.

use crate::kinematics::kallen;
use crate::model::alp::AlpModel;
use crate::model::scalar::{M_TOP, higgs_vev};
use crate::model::{Daughter, ModelError};
use crate::production::scalar::{
    M_K0, M_KSTAR_CHARGED, M_KSTAR_NEUTRAL, a0_b_kstar, f0_b_k, f0_k_pi, lambda_t_bs, lambda_t_sd,
    width_to_pseudoscalar_and_spin0, width_to_vector_and_spin0,
};
use crate::production::source::ProductionChannel;
use crate::units::{B_CHARGED, B_NEUTRAL, KAON_CHARGED, KAON_LONG, PION_CHARGED, PION_NEUTRAL};
use std::f64::consts::PI;

/// UV cut-off Λ (GeV) of the BC10 top-loop logarithm (PBC BC10 convention,
/// Beacham et al., J. Phys. G 47 (2020) 010501; ALPINIST's default Λ).
pub const LAMBDA_UV_BC10: f64 = 1000.0;

/// W mass in GeV (PDG 2024 average 80.3692).
pub const M_W: f64 = 80.3692;

/// N₈ of the weak chiral Lagrangian, −(G_F/√2)V_ud*V_us g₈ f_π²
/// (|N₈| = 1.53×10⁻⁷, arXiv:2110.10698; negative for g₈ > 0).
pub const N8: f64 = -1.53e-7;

/// The parents [`channels`] knows: K⁺ (321), K_L (130), B⁺ (521), B⁰ (511).
pub const SUPPORTED_PARENTS: [i32; 4] = [321, 130, 521, 511];

/// ε_K of K⁰–K̄⁰ mixing as (|ε|, φ_ε in degrees): |ε| = 2.228×10⁻³,
/// φ_ε = 43.52° (PDG 2024, CP violation in K_L decays).
pub const EPSILON_K: (f64, f64) = (2.228e-3, 43.52);

/// δ_t = −¼ − (3/2)(1 − x_t + ln x_t)/(1 − x_t)², x_t = m_t²/m_W²: the
/// finite part of the one-loop W/top matching (module docs).
#[must_use]
pub fn matching_constant() -> f64 {
    let xt = (M_TOP / M_W).powi(2);
    -0.25 - 1.5 * (1.0 - xt + xt.ln()) / (1.0 - xt).powi(2)
}

/// g_ij/(g_Y V_ti* V_tj) in GeV⁻¹: (y_t²/16π² v)[ln(Λ/m_t) + δ_t] with
/// Λ = [`LAMBDA_UV_BC10`], y_t = √2 m_t/v (module docs).
#[must_use]
pub fn bc10_fcnc_factor() -> f64 {
    let v = higgs_vev();
    let yt2 = 2.0 * M_TOP * M_TOP / (v * v);
    yt2 / (16.0 * PI * PI * v) * ((LAMBDA_UV_BC10 / M_TOP).ln() + matching_constant())
}

/// g_ij/(−(c_GG/f) V_ti* V_tj) in units of (c_GG/f): the BC11 double-log
/// factor (y_t²/16π²)(2/π²)[J + I(L_t) δ_t] of the module docs, with
/// Λ = [`LAMBDA_UV_BC10`] (the PBC convention for both benchmarks) and the
/// integrals done by Gauss–Legendre quadrature in L = ln(Λ/μ).
#[must_use]
pub fn bc11_fcnc_factor() -> f64 {
    // A constant: computed once (it enters every K and B amplitude).
    static F: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *F.get_or_init(bc11_fcnc_factor_uncached)
}

fn bc11_fcnc_factor_uncached() -> f64 {
    use crate::model::scalar::alpha_s;
    use crate::numeric::quadrature::composite_gauss_legendre;
    let v = higgs_vev();
    let yt2 = 2.0 * M_TOP * M_TOP / (v * v);
    let lt = (LAMBDA_UV_BC10 / M_TOP).ln();
    let a2 = |l: f64| alpha_s(LAMBDA_UV_BC10 * (-l).exp()).powi(2);
    let i_t = composite_gauss_legendre(a2, 0.0, lt, 8);
    let j = composite_gauss_legendre(|l| (lt - l) * a2(l), 0.0, lt, 8);
    yt2 / (16.0 * PI * PI) * (2.0 / (PI * PI)) * (j + i_t * matching_constant())
}

/// g_ij/(V_ti* V_tj) in GeV⁻¹ at the model's couplings: the BC10 top loop
/// minus the BC11 double log, g_Y·[`bc10_fcnc_factor`] −
/// (c_GG/f)·[`bc11_fcnc_factor`], c_GG/f = 1/(2f_G).
#[must_use]
pub fn fcnc_coupling(model: &AlpModel) -> f64 {
    model.g_y * bc10_fcnc_factor() - 0.5 * model.inv_f_g * bc11_fcnc_factor()
}

/// |g_bs|² in GeV⁻² at the model's couplings (BC10 and BC11).
#[must_use]
pub fn g_bs_squared_of(model: &AlpModel) -> f64 {
    let (re, im) = lambda_t_bs();
    fcnc_coupling(model).powi(2) * (re * re + im * im)
}

/// |g_bs|² in GeV⁻² for the fermion coupling `g_y` (BC10 only).
#[must_use]
pub fn g_bs_squared(g_y: f64) -> f64 {
    let (re, im) = lambda_t_bs();
    (g_y * bc10_fcnc_factor()).powi(2) * (re * re + im * im)
}

fn sqrt_kallen(mp: f64, mr: f64, ma: f64) -> f64 {
    kallen(mp * mp, mr * mr, ma * ma).max(0.0).sqrt()
}

/// The K⁺ → π⁺a amplitude (GeV, complex as (re, im)) of the module docs.
#[must_use]
pub fn amplitude_kplus_pi_a(ma: f64, model: &AlpModel) -> (f64, f64) {
    let (mk, mpi) = (KAON_CHARGED.mass, PION_CHARGED.mass);
    let (mk2, mpi2, ma2) = (mk * mk, mpi * mpi, ma * ma);
    let v = higgs_vev();
    // g_sd ∝ V_ts* V_td = conj(V_td* V_ts).
    let (lre, lim) = lambda_t_sd();
    let g = fcnc_coupling(model);
    let f0 = f0_k_pi(ma2);
    let fermion_re = N8 * model.g_y / v - 0.5 * f0 * g * lre;
    let fermion_im = 0.5 * f0 * g * lim;
    let gluon = 4.0 * N8 * (0.5 * model.inv_f_g) * (mk2 - ma2) / (4.0 * mk2 - mpi2 - 3.0 * ma2);
    (
        (mk2 - mpi2) * (fermion_re + gluon),
        (mk2 - mpi2) * fermion_im,
    )
}

/// Γ(K⁺ → π⁺a) in GeV at the model's couplings.
#[must_use]
pub fn width_kplus_pi_a(ma: f64, model: &AlpModel) -> f64 {
    let (mk, mpi) = (KAON_CHARGED.mass, PION_CHARGED.mass);
    if !(ma >= 0.0 && ma < mk - mpi) {
        return 0.0;
    }
    let (re, im) = amplitude_kplus_pi_a(ma, model);
    (re * re + im * im) * sqrt_kallen(mk, mpi, ma) / (16.0 * PI * mk.powi(3))
}

/// The K_L → π⁰a amplitude (GeV, as (re, im)) of the module docs.
#[must_use]
pub fn amplitude_klong_pi0_a(ma: f64, model: &AlpModel) -> (f64, f64) {
    let (mk, mpi) = (M_K0, PION_NEUTRAL.mass);
    let (mk2, mpi2, ma2) = (mk * mk, mpi * mpi, ma * ma);
    let delta = mk2 - mpi2;
    let v = higgs_vev();
    let chiral = N8
        * (model.g_y / v * delta
            + 4.0 * (0.5 * model.inv_f_g) * delta * (mk2 - ma2) / (4.0 * mk2 - mpi2 - 3.0 * ma2));
    // g_sd ∝ V_ts* V_td = conj(λ), λ = V_td* V_ts (as for K⁺ → π⁺a).
    let (lre, lim) = lambda_t_sd();
    let g = fcnc_coupling(model);
    let h = 0.5 * delta * f0_k_pi(ma2);
    let (gsd_re, gsd_im) = (g * lre, -g * lim);
    // √2 A(K⁰) = −C + h g_sd, √2 A(K̄⁰) = C − h g_sd*.
    let s = std::f64::consts::FRAC_1_SQRT_2;
    let a_k0 = ((-chiral + h * gsd_re) * s, h * gsd_im * s);
    let a_k0bar = ((chiral - h * gsd_re) * s, h * gsd_im * s);
    let (eps, phi) = (EPSILON_K.0, EPSILON_K.1.to_radians());
    let (er, ei) = (eps * phi.cos(), eps * phi.sin());
    // (1 + ε) A(K⁰) + (1 − ε) A(K̄⁰), normalised by √(2(1 + |ε|²)).
    let plus = (
        (1.0 + er) * a_k0.0 - ei * a_k0.1,
        (1.0 + er) * a_k0.1 + ei * a_k0.0,
    );
    let minus = (
        (1.0 - er) * a_k0bar.0 + ei * a_k0bar.1,
        (1.0 - er) * a_k0bar.1 - ei * a_k0bar.0,
    );
    let norm = (2.0 * (1.0 + eps * eps)).sqrt();
    ((plus.0 + minus.0) / norm, (plus.1 + minus.1) / norm)
}

/// Γ(K_L → π⁰a) in GeV at the model's couplings.
#[must_use]
pub fn width_klong_pi0_a(ma: f64, model: &AlpModel) -> f64 {
    let (mk, mpi) = (KAON_LONG.mass, PION_NEUTRAL.mass);
    if !(ma >= 0.0 && ma < mk - mpi) {
        return 0.0;
    }
    let (re, im) = amplitude_klong_pi0_a(ma, model);
    (re * re + im * im) * sqrt_kallen(mk, mpi, ma) / (16.0 * PI * mk.powi(3))
}

/// PDG number of a parent given by name: the ALP has the scalar's parents
/// (K⁺, K_L, B⁺, B⁰), so the scalar's parser serves both.
pub use crate::production::scalar::parent_pdg;

fn d(pdg: i32) -> Daughter {
    Daughter::from_pdg(pdg).expect("particle in units")
}

/// The open production channels of an ALP of mass `mass` (GeV) in decays
/// of `parent_pdg` (one of [`SUPPORTED_PARENTS`], or its charge conjugate),
/// with branching ratios at the model's couplings. Closed channels and
/// channels the couplings do not induce are left out.
pub fn channels(
    parent_pdg: i32,
    mass: f64,
    model: &AlpModel,
) -> Result<Vec<ProductionChannel>, ModelError> {
    if !(mass.is_finite() && mass > 0.0) {
        return Err(ModelError::InvalidMass(mass));
    }
    model.validate()?;
    if !SUPPORTED_PARENTS.contains(&parent_pdg.abs()) {
        return Err(ModelError::UnknownParent(parent_pdg));
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
                branching_ratio: width / parent_width,
                recoil: vec![conj(recoil)],
            });
        }
    };
    let q2 = mass * mass;
    let g2 = g_bs_squared_of(model);
    match parent_pdg.abs() {
        321 => push(
            "K+ -> pi+ a",
            width_kplus_pi_a(mass, model),
            KAON_CHARGED.width(),
            d(211),
        ),
        130 => push(
            "K_L -> pi0 a",
            width_klong_pi0_a(mass, model),
            KAON_LONG.width(),
            d(111),
        ),
        521 => {
            let mb = B_CHARGED.mass;
            let w = B_CHARGED.width();
            push(
                "B+ -> K+ a",
                width_to_pseudoscalar_and_spin0(mb, KAON_CHARGED.mass, mass, f0_b_k(q2), g2),
                w,
                d(321),
            );
            push(
                "B+ -> K*+ a",
                width_to_vector_and_spin0(mb, M_KSTAR_CHARGED, mass, a0_b_kstar(q2), g2),
                w,
                Daughter {
                    pdg_id: 323,
                    mass: M_KSTAR_CHARGED,
                    charge: 1,
                },
            );
        }
        _ => {
            let mb = B_NEUTRAL.mass;
            let w = B_NEUTRAL.width();
            push(
                "B0 -> K0 a",
                width_to_pseudoscalar_and_spin0(mb, M_K0, mass, f0_b_k(q2), g2),
                w,
                Daughter {
                    pdg_id: 311,
                    mass: M_K0,
                    charge: 0,
                },
            );
            push(
                "B0 -> K*0 a",
                width_to_vector_and_spin0(mb, M_KSTAR_NEUTRAL, mass, a0_b_kstar(q2), g2),
                w,
                Daughter {
                    pdg_id: 313,
                    mass: M_KSTAR_NEUTRAL,
                    charge: 0,
                },
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_constant_is_small() {
        // x_t ≈ 4.61: −¼ + (3/2)·0.160 ≈ −0.01.
        let d = matching_constant();
        assert!(d.abs() < 0.02, "{d}");
    }

    #[test]
    fn one_step_coefficient_has_the_documented_pieces() {
        // K = y_t²[ln(Λ/m_t) + δ_t] = 0.9825 × (1.7570 − 0.0104) = 1.7159
        // (module docs, "Comparison with ALPaca"), to the quoted digits.
        let v = higgs_vev();
        let yt2 = 2.0 * M_TOP * M_TOP / (v * v);
        let log = (LAMBDA_UV_BC10 / M_TOP).ln();
        let k = bc10_fcnc_factor() * 16.0 * PI * PI * v;
        assert!((yt2 - 0.9825).abs() < 5e-5, "{yt2}");
        assert!((log - 1.7570).abs() < 5e-5, "{log}");
        assert!((matching_constant() + 0.0104).abs() < 5e-5);
        assert!((k - 1.7159).abs() < 5e-5, "{k}");
    }

    #[test]
    fn gluon_only_channels_and_bad_inputs_fail() {
        let m = AlpModel {
            inv_f_g: 1e-5,
            ..AlpModel::default()
        };
        // The gluon coupling's induced b → s coupling (double log) opens B → K(*)a.
        assert_eq!(channels(521, 0.5, &m).unwrap().len(), 2);
        assert_eq!(channels(321, 0.2, &m).unwrap().len(), 1);
        assert!(channels(321, 0.4, &m).unwrap().is_empty());
        assert!(matches!(
            channels(310, 0.1, &m),
            Err(ModelError::UnknownParent(310))
        ));
        assert!(channels(321, f64::NAN, &m).is_err());
        assert!(channels(321, 0.1, &AlpModel::default()).is_err());
        let y = AlpModel {
            g_y: 1.0,
            ..AlpModel::default()
        };
        let minus = channels(-521, 1.0, &y).unwrap();
        assert_eq!(minus.len(), 2);
        assert_eq!(minus[0].recoil[0].pdg_id, -321);
        assert_eq!(parent_pdg("b0"), Some(511));
    }
}
