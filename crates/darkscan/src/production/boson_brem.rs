//! Bremsstrahlung of a scalar (S), pseudoscalar (P), vector (V) or axial
//! vector (A) boson X coupled only to the electron, e Z → e Z X, in the
//! improved Weizsäcker–Williams (IWW) approximation with the same effective
//! photon flux χ as the dark photon ([`crate::production::electron_brem::chi`],
//! BEST = Bjorken, Essig, Schuster, Toro, PRD 80 (2009) 075018, App. A).
//!
//! Couplings (the four cases of NA64, PRL 126 (2021) 211802,
//! arXiv:2102.01885, and of [`crate::model::electron_g2::BosonType`]):
//! g ē e S, g ē iγ⁵ e P, g ē γ^μ e V_μ, g ē γ^μ γ⁵ e A_μ, written g = ε e so
//! that the cross sections below are at ε = 1 and scale as ε², like the dark
//! photon's.
//!
//! **Formulas.** The WW factorisation (BEST App. A; Y.-S. Liu, D. McKeen,
//! G. A. Miller, PRD 95 (2017) 036010, "LMM"; equation numbers of both not
//! re-read here) writes the 2 → 3 cross
//! section as the photon flux times the 2 → 2 cross section e γ → e X at
//! t = t_min, where (LMM's variables) s̃ = −ũ/(1 − x), t₂ = m² + ũ x/(1 − x)
//! and −ũ = U(θ) = E₀² x θ² + m²(1 − x)/x + m_e² x. Then
//!
//! dσ_X/(dx dcosθ) = 8 α³ β χ E₀² x · k_X · [A_X/U² + (1 − x)² M_X² C/U⁴],
//! C = m² − U x/(1 − x) + m_e² x²/(1 − x),
//!
//! with (LMM for P, V, A; Y.-S. Liu, G. A. Miller, PRD 96 (2017) 016004
//! for S; the same angular forms are DMG4's `CrossSectionDSDXDU` of
//! `DarkPhotons`, `DarkScalars`, `DarkPseudoScalars`, `DarkAxials`,
//! M. Bondi et al., CPC 269 (2021) 108129):
//!
//! | X | k_X | A_X | M_X² |
//! |---|-----|-----|------|
//! | V | 1   | 1 − x + x²/2 | m² + 2m_e² |
//! | S | 1/2 | x²/2 | m² − 4m_e² |
//! | P | 1/2 | x²/2 | m² |
//! | A | 1   | 1 − x + x²/2 + (m_e²/m²) x² | m² − 4m_e² |
//!
//! k_S = k_P = 1/2 relative to V and A: one spin state instead of two (the
//! collinear e → e X splitting functions at x → 1; DMG4's leading-log totals
//! carry (2/3) α³ for S and P against (4/3) α³ for V and A,
//! `TotalCrossSectionCalc` of the four classes). The bracket of S and P is
//! DMG4's `CrossSectionDSDXDU` (its `DarkPseudoScalars::CrossSectionDSDX`
//! carries an extra 1/x against that angular form; not followed here). The
//! axial vector's extra (m_e²/m²)x²/U² is its longitudinal mode, coupled to
//! the non-conserved current ∂_μ(ē γ^μγ⁵ e) = 2m_e ē iγ⁵ e; it is the term of
//! DMG4's `DarkAxials::CrossSectionDSDX` (whose `CrossSectionDSDXDU` writes it
//! without the 1/U²). For m ≪ m_e it makes σ_A → (4m_e²/m²) σ_P (Goldstone
//! equivalence), which DMG4's exact-tree-level tables obey (at m = 1 keV,
//! σ_A/σ_P = 1.04×10⁶; tested in `tests/boson_brem_xsec.rs`).
//!
//! All four brackets, with k_X, are checked against the spin- and
//! polarisation-summed |M|² of e γ → e X computed from explicit Dirac
//! matrices (massive electron, q² = 0; −g^{μν} + k^μk^ν/m² for a massive
//! X) in `tests/boson_brem_xsec.rs` (`angular_forms_are_the_exact_2to2`).
//! In the massless-electron limit they are the textbook q g → q γ* and
//! q g → q h squared amplitudes, 2(−s̃/ũ − ũ/s̃ − 2m²t₂/(s̃ũ)) and
//! −(m⁴ + t₂²)/(s̃ũ).
//!
//! Integrating over angle (U from U_min = m²(1 − x)/x + m_e² x to ∞,
//! dcosθ = dU/(2E₀²x)), and using x U_min = m²(1 − x) + m_e² x², gives
//! (U ≡ U_min):
//!
//! - V: dσ/dx = 4α³βχ [(1 − x + x²/3)/U + m_e² x (x² + 2x − 2)/(6U²)]
//! - S: dσ/dx = 2α³βχ [x²/(3U) + m_e² x (2 − x)²/(6U²)]
//! - P: dσ/dx = 2α³βχ [x²/(3U) + m_e² x³/(6U²)]
//! - A: dσ/dx = 4α³βχ [(1 − x + x²/3)/U + m_e² x (2 − x)²/(6U²)
//!   + (m_e²/m²) x²/U]
//!
//! These are the "full" forms ([`dsigma_dx`]). BEST's vector formula keeps
//! m_e only in U and drops the m_e² numerator term; [`dsigma_dx_leading`]
//! applies the same approximation to all four, and its vector case is
//! exactly [`electron_brem::dsigma_dx_iww`]. The numerator terms matter at
//! the end point x → 1 (where U → m_e²): they add ≈ 1/(2 ln(m²/m_e²)) to σ
//! (≈ 7 % at 17 MeV) and make S and P differ below a few MeV.
//!
//! β = √(1 − m²/E₀²) as in BEST. Cross sections are per nucleus in GeV⁻²;
//! multiply by [`crate::units::HBARC2_GEV2_CM2`] for cm².

use crate::model::ModelError;
use crate::model::electron_g2::BosonType;
use crate::numeric::quadrature::composite_gauss_legendre;
use crate::production::electron_brem::{self, BremMethod, KFactorTable, Nucleus, chi, x_range};
use crate::units::{ALPHA_EM, ELECTRON};
use std::sync::OnceLock;

/// U_min = m²(1 − x)/x + m_e² x (GeV²).
fn u_min(m: f64, x: f64) -> f64 {
    m * m * (1.0 - x) / x + ELECTRON.mass * ELECTRON.mass * x
}

fn beta(e0: f64, m: f64) -> f64 {
    (1.0 - m * m / (e0 * e0)).sqrt()
}

/// Full IWW dσ/dx at ε = 1 (g = e) in GeV⁻², for flux `chi` (see the module
/// docs for the formulas and sources). Zero outside 0 < x < 1 or for m ≥ E₀.
#[must_use]
pub fn dsigma_dx(boson: BosonType, e0: f64, m: f64, x: f64, chi: f64) -> f64 {
    if m >= e0 || !(x > 0.0 && x < 1.0) {
        return 0.0;
    }
    let u = u_min(m, x);
    let me2 = ELECTRON.mass * ELECTRON.mass;
    let c = ALPHA_EM.powi(3) * beta(e0, m) * chi;
    let transverse_v = (1.0 - x + x * x / 3.0) / u;
    let spin0 = |numerator: f64| 2.0 * c * (x * x / (3.0 * u) + me2 * numerator / (6.0 * u * u));
    match boson {
        BosonType::Vector => {
            4.0 * c * (transverse_v + me2 * x * (x * x + 2.0 * x - 2.0) / (6.0 * u * u))
        }
        BosonType::Scalar => spin0(x * (2.0 - x).powi(2)),
        BosonType::Pseudoscalar => spin0(x.powi(3)),
        BosonType::Axial => {
            4.0 * c
                * (transverse_v
                    + me2 * x * (2.0 - x).powi(2) / (6.0 * u * u)
                    + me2 / (m * m) * x * x / u)
        }
    }
}

/// IWW dσ/dx at ε = 1 in GeV⁻² with m_e kept only in U (BEST's
/// approximation): V 4α³βχ(1 − x + x²/3)/U, S and P 2α³βχ x²/(3U),
/// A = V + 4α³βχ (m_e²/m²) x²/U (its longitudinal term is ∝ m_e² and kept).
/// The vector case equals
/// [`electron_brem::dsigma_dx_iww`].
#[must_use]
pub fn dsigma_dx_leading(boson: BosonType, e0: f64, m: f64, x: f64, chi: f64) -> f64 {
    if m >= e0 || !(x > 0.0 && x < 1.0) {
        return 0.0;
    }
    let u = u_min(m, x);
    let c = ALPHA_EM.powi(3) * beta(e0, m) * chi;
    let v = 4.0 * c * (1.0 - x + x * x / 3.0) / u;
    let p = 2.0 * c * x * x / (3.0 * u);
    match boson {
        BosonType::Vector => v,
        BosonType::Scalar | BosonType::Pseudoscalar => p,
        BosonType::Axial => v + 4.0 * c * ELECTRON.mass * ELECTRON.mass / (m * m) * x * x / u,
    }
}

/// ∫ dσ/dx over x_cut < x < x_max (GeV⁻², ε = 1) of the full IWW formula for
/// flux `chi`, in u = −ln(1 − x) (resolves the peak at x → 1).
#[must_use]
pub fn sigma_with_chi(boson: BosonType, e0: f64, m: f64, chi: f64, x_cut: f64) -> f64 {
    let (x_lo, x_hi) = x_range(e0, m);
    let x_lo = x_lo.max(x_cut);
    if x_hi <= x_lo {
        return 0.0;
    }
    let (u_lo, u_hi) = (-(-x_lo).ln_1p(), -(-x_hi).ln_1p());
    composite_gauss_legendre(
        |u| {
            let one_minus_x = (-u).exp();
            dsigma_dx(boson, e0, m, 1.0 - one_minus_x, chi) * one_minus_x
        },
        u_lo,
        u_hi,
        12,
    )
}

/// IWW cross section per nucleus at ε = 1 (GeV⁻²) for X energies above
/// `x_cut · e0`, full formula, BEST's χ (elastic + inelastic).
#[must_use]
pub fn sigma_iww(boson: BosonType, e0: f64, m: f64, nucleus: Nucleus, x_cut: f64) -> f64 {
    sigma_with_chi(boson, e0, m, chi(e0, m, nucleus), x_cut)
}

/// [`sigma_iww`] with its inputs checked: a typed error for a mass or beam
/// energy that is not finite and positive, a mass not below the beam energy,
/// or an energy cut outside [0, 1).
pub fn sigma_iww_checked(
    boson: BosonType,
    e0: f64,
    m: f64,
    nucleus: Nucleus,
    x_cut: f64,
) -> Result<f64, ModelError> {
    if !(m.is_finite() && m > 0.0) {
        return Err(ModelError::InvalidMass(m));
    }
    if !(e0.is_finite() && e0 > m) {
        return Err(ModelError::InvalidParameter {
            name: "beam_energy_gev",
            value: e0,
            reason: "must be finite and above the boson mass",
        });
    }
    if !(x_cut.is_finite() && (0.0..1.0).contains(&x_cut)) {
        return Err(ModelError::InvalidParameter {
            name: "x_cut",
            value: x_cut,
            reason: "the energy-fraction cut must lie in [0, 1)",
        });
    }
    Ok(sigma_iww(boson, e0, m, nucleus, x_cut))
}

fn k_table(boson: BosonType) -> Option<&'static KFactorTable> {
    static S: OnceLock<KFactorTable> = OnceLock::new();
    static P: OnceLock<KFactorTable> = OnceLock::new();
    static A: OnceLock<KFactorTable> = OnceLock::new();
    match boson {
        BosonType::Scalar => Some(S.get_or_init(|| {
            KFactorTable::parse(include_str!("../../data/dmg4_kfactors_scalar_pb.csv"))
        })),
        BosonType::Pseudoscalar => Some(P.get_or_init(|| {
            KFactorTable::parse(include_str!("../../data/dmg4_kfactors_pseudoscalar_pb.csv"))
        })),
        BosonType::Axial => Some(A.get_or_init(|| {
            KFactorTable::parse(include_str!("../../data/dmg4_kfactors_axial_pb.csv"))
        })),
        BosonType::Vector => None,
    }
}

/// DMG4's K-factor σ_IWW,log/σ_ETL on lead for `boson` (the vector's is
/// [`electron_brem::k_factor`]), bilinear in (m, E₀) and clamped at the
/// table edges (1 MeV–3 GeV, 20–160 GeV), as DMG4 does. Tables:
/// `data/dmg4_kfactors_{scalar,pseudoscalar,axial}_pb.csv` (DMG4's
/// `KFactorsScalars`, `KFactorsPseudoScalars`, `KFactorsAxials`; Bondi et
/// al., CPC 269 (2021) 108129).
#[must_use]
pub fn k_factor(boson: BosonType, m: f64, e0: f64) -> f64 {
    let Some(t) = k_table(boson) else {
        return electron_brem::k_factor(m, e0);
    };
    t.at(m, e0)
}

/// DMG4's leading-log IWW total at ε = 1 (GeV⁻²), the base of its ETL:
/// c_X α³ χ_el β ln(1/δ²)/m², δ = max(m_e/m, m/E₀), with c = 4/3 for V and
/// A and 2/3 for S and P (`TotalCrossSectionCalc` of the four DMG4
/// classes). The vector's is [`electron_brem::sigma_iww_log`].
#[must_use]
pub fn sigma_iww_log(boson: BosonType, e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    let v = electron_brem::sigma_iww_log(e0, m, nucleus);
    match boson {
        BosonType::Vector | BosonType::Axial => v,
        BosonType::Scalar | BosonType::Pseudoscalar => 0.5 * v,
    }
}

/// Exact-tree-level total cross section at ε = 1 (GeV⁻²) as DMG4 encodes it
/// for NA64: [`sigma_iww_log`] / [`k_factor`]. The lead K-factors are used
/// for every nucleus (as for the dark photon, an approximation).
#[must_use]
pub fn sigma_etl_total(boson: BosonType, e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    sigma_iww_log(boson, e0, m, nucleus) / k_factor(boson, m, e0)
}

/// The factor that turns the IWW spectrum of [`dsigma_dx`] (full form) into
/// the chosen method's: 1 for IWW; for ETL, σ_ETL/σ_IWW (totals), so that the
/// ETL spectrum has the IWW shape, as DMG4 samples it. For the vector the
/// spectrum is BEST's ([`electron_brem`]), so use that module instead.
#[must_use]
pub fn spectrum_norm(
    boson: BosonType,
    method: BremMethod,
    e0: f64,
    m: f64,
    nucleus: Nucleus,
) -> f64 {
    match method {
        BremMethod::Iww => 1.0,
        BremMethod::Etl => {
            let all = sigma_iww(boson, e0, m, nucleus, 0.0);
            if all > 0.0 {
                sigma_etl_total(boson, e0, m, nucleus) / all
            } else {
                0.0
            }
        }
    }
}

/// Production cross section per nucleus at ε = 1 (GeV⁻²) for X energies
/// above `x_cut · e0`, with the chosen method. The vector is exactly the dark
/// photon's [`electron_brem::sigma_above`] (BEST's spectrum), so vector
/// results are unchanged; S, P, A use the full IWW spectrum of
/// [`dsigma_dx`], normalised to DMG4's ETL total for `Etl`.
#[must_use]
pub fn sigma_above(
    boson: BosonType,
    method: BremMethod,
    e0: f64,
    m: f64,
    nucleus: Nucleus,
    x_cut: f64,
) -> f64 {
    if boson == BosonType::Vector {
        return electron_brem::sigma_above(method, e0, m, nucleus, x_cut);
    }
    let c = chi(e0, m, nucleus);
    let above = sigma_with_chi(boson, e0, m, c, x_cut);
    match method {
        BremMethod::Iww => above,
        BremMethod::Etl => {
            let all = sigma_with_chi(boson, e0, m, c, 0.0);
            if all <= 0.0 {
                return 0.0;
            }
            sigma_etl_total(boson, e0, m, nucleus) * above / all
        }
    }
}

/// Width of X → e⁺e⁻ at coupling g = ε e (GeV), the only open channel below
/// 2m_μ for a boson coupled only to the electron. With β = √(1 − 4m_e²/m²):
///
/// - S: (g²/8π) m β³ (PDG-style Yukawa width; DMG4 `DarkScalars::Width`)
/// - P: (g²/8π) m β (DMG4 `DarkPseudoScalars::Width`; NA64 PRD 104 (2021)
///   L111102 uses it for the X17 pseudoscalar)
/// - V: (g²/12π) m (1 + 2m_e²/m²) β (the dark photon's e⁺e⁻ width, BEST)
/// - A: (g²/12π) m β³ (DMG4 `DarkAxials::Width`)
///
/// Zero at or below threshold.
#[must_use]
pub fn width_ee(boson: BosonType, m: f64, eps: f64) -> f64 {
    let r = (ELECTRON.mass / m).powi(2);
    if m.is_nan() || m <= 2.0 * ELECTRON.mass {
        return 0.0;
    }
    let b = (1.0 - 4.0 * r).sqrt();
    // g²/(4π) = ε² α.
    let a = eps * eps * ALPHA_EM;
    match boson {
        BosonType::Scalar => a / 2.0 * m * b.powi(3),
        BosonType::Pseudoscalar => a / 2.0 * m * b,
        BosonType::Vector => a / 3.0 * m * (1.0 + 2.0 * r) * b,
        BosonType::Axial => a / 3.0 * m * b.powi(3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::production::electron_brem::LEAD;

    #[test]
    fn leading_vector_is_best() {
        let c = chi(100.0, 0.0167, LEAD);
        for x in [0.01, 0.3, 0.9, 0.999] {
            let a = dsigma_dx_leading(BosonType::Vector, 100.0, 0.0167, x, c);
            let b = electron_brem::dsigma_dx_iww(100.0, 0.0167, x, c);
            assert!((a / b - 1.0).abs() < 1e-12);
        }
        assert_eq!(dsigma_dx(BosonType::Scalar, 1.0, 2.0, 0.5, 1.0), 0.0);
        assert!(sigma_iww_checked(BosonType::Scalar, 100.0, -1.0, LEAD, 0.0).is_err());
        assert!(sigma_iww_checked(BosonType::Scalar, 1.0, 2.0, LEAD, 0.0).is_err());
        assert!(sigma_iww_checked(BosonType::Scalar, 100.0, 0.01, LEAD, 1.5).is_err());
    }

    #[test]
    fn widths() {
        // P → ee at 16.7 MeV and ε = 1: (α/2) m β.
        let m = 0.0167;
        let b = (1.0 - 4.0 * (ELECTRON.mass / m).powi(2)).sqrt();
        let w = width_ee(BosonType::Pseudoscalar, m, 1.0);
        assert!((w / (ALPHA_EM / 2.0 * m * b) - 1.0).abs() < 1e-14);
        assert_eq!(width_ee(BosonType::Scalar, 0.001, 1.0), 0.0);
        // The vector agrees with the dark photon's e⁺e⁻ width below 2m_μ.
        let a = crate::model::dark_photon::DarkPhoton::new(m, 1.0).unwrap();
        let wv = width_ee(BosonType::Vector, m, 1.0);
        assert!(
            (wv / a.width_ee() - 1.0).abs() < 1e-6,
            "{wv} {}",
            a.width_ee()
        );
    }
}
