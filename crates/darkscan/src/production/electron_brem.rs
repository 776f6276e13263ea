//! Dark-photon bremsstrahlung off electrons and positrons, e Z → e Z A′.
//!
//! Two methods, both per nucleus and at ε = 1 (yields scale as ε²):
//!
//! - **IWW** (improved Weizsäcker–Williams): J. D. Bjorken, R. Essig,
//!   P. Schuster, N. Toro, PRD 80 (2009) 075018 (BEST), with the effective
//!   photon flux χ of their App. A (eqs. A18–A19: elastic atomic form factor
//!   with screening and nuclear size, plus the inelastic proton term):
//!
//!   dσ/dx = 4 α³ β χ (1 − x + x²/3) / (m²(1 − x)/x + m_e² x),
//!
//!   x = E_A′/E₀, β = √(1 − m²/E₀²). The normalisation 4 (not 8) is the one
//!   obtained by integrating BEST's double-differential eq. A12 over angle; it
//!   is the one used by DMG4 and G4DarkBreM. χ is evaluated with t from
//!   t_min = m⁴/(4E₀²) to t_max = m² (BEST's constant-χ prescription).
//! - **ETL** (exact tree level), the NA64 calculation of S. N. Gninenko,
//!   D. V. Kirpichnikov, M. M. Kirsanov, N. V. Krasnikov, PLB 782 (2018) 406,
//!   as encoded in DMG4 (M. Bondi et al., CPC 269 (2021) 108129,
//!   `DarkPhotons.cc`): σ_ETL = σ_IWW,log / K(m, E₀), with the leading-log
//!   total σ_IWW,log = (4/3) α³ χ_el β ln(1/δ²)/m², δ = max(m_e/m, m/E₀),
//!   and DMG4's tabulated K-factors for lead (`data/dmg4_kfactors_pb.csv`).
//!   The energy spectrum of the ETL result is taken from the IWW dσ/dx: the
//!   fraction of σ above an energy cut is the IWW fraction (as DMG4 does when
//!   it samples x). For other nuclei the lead K-factors are applied
//!   unchanged, an approximation.
//!
//! Cross sections are returned in GeV⁻²; multiply by
//! [`crate::units::HBARC2_GEV2_CM2`] for cm².

use crate::numeric::quadrature::composite_gauss_legendre;
use crate::units::{ALPHA_EM, ELECTRON, PROTON};
use serde::Serialize;
use std::str::FromStr;
use std::sync::OnceLock;

/// Which cross-section calculation to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BremMethod {
    /// Exact tree level (NA64's default), via DMG4's K-factors.
    #[default]
    Etl,
    /// Improved Weizsäcker–Williams, integrated numerically.
    Iww,
}

impl BremMethod {
    /// Name used on the command line and in presets.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Etl => "etl",
            Self::Iww => "iww",
        }
    }
}

impl FromStr for BremMethod {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "etl" => Ok(Self::Etl),
            "iww" => Ok(Self::Iww),
            other => Err(format!(
                "unknown cross-section method '{other}' (expected etl or iww)"
            )),
        }
    }
}

/// The nucleus an A′ is radiated off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nucleus {
    /// Atomic number.
    pub z: f64,
    /// Mass number.
    pub a: f64,
}

/// Lead-208-like nucleus as used by NA64 and DMG4 (Z = 82, A = 207.2).
pub const LEAD: Nucleus = Nucleus { z: 82.0, a: 207.2 };

/// Proton magnetic moment in nuclear magnetons (PDG 2024: 2.7928473446).
const MU_PROTON: f64 = 2.792_847_344_6;

impl Nucleus {
    /// BEST eq. A18: atomic screening parameter a = 111 Z^(−1/3)/m_e (GeV⁻¹).
    pub(crate) fn a_el(self) -> f64 {
        111.0 * self.z.powf(-1.0 / 3.0) / ELECTRON.mass
    }
    /// BEST eq. A19: inelastic screening parameter a′ = 773 Z^(−2/3)/m_e.
    fn a_inel(self) -> f64 {
        773.0 * self.z.powf(-2.0 / 3.0) / ELECTRON.mass
    }
    /// BEST eq. A18: nuclear size parameter d = 0.164 A^(−2/3) GeV².
    pub(crate) fn d(self) -> f64 {
        0.164 * self.a.powf(-2.0 / 3.0)
    }

    /// Elastic form factor squared (BEST A18), including Z².
    #[must_use]
    pub fn g2_elastic(self, t: f64) -> f64 {
        let a2t = self.a_el().powi(2) * t;
        let screen = a2t / (1.0 + a2t);
        let nuclear = 1.0 / (1.0 + t / self.d());
        self.z * self.z * (screen * nuclear).powi(2)
    }

    /// Inelastic form factor squared (BEST A19), proportional to Z.
    #[must_use]
    pub fn g2_inelastic(self, t: f64) -> f64 {
        let ap2t = self.a_inel().powi(2) * t;
        let screen = ap2t / (1.0 + ap2t);
        let mp = PROTON.mass;
        let proton =
            (1.0 + t * (MU_PROTON * MU_PROTON - 1.0) / (4.0 * mp * mp)) / (1.0 + t / 0.71).powi(4);
        self.z * (screen * proton).powi(2)
    }
}

/// t range of the constant-χ prescription: [m⁴/(4E₀²), m²].
fn t_range(e0: f64, m: f64) -> (f64, f64) {
    (m.powi(4) / (4.0 * e0 * e0), m * m)
}

/// Effective photon flux χ = ∫ dt (t − t_min)/t² G₂(t) (BEST eq. A17) with
/// elastic and inelastic form factors, integrated numerically in ln t.
#[must_use]
pub fn chi(e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    chi_with(e0, m, |t| nucleus.g2_elastic(t) + nucleus.g2_inelastic(t))
}

/// χ with the elastic form factor only (numerically).
#[must_use]
pub fn chi_elastic_numeric(e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    chi_with(e0, m, |t| nucleus.g2_elastic(t))
}

fn chi_with(e0: f64, m: f64, g2: impl Fn(f64) -> f64) -> f64 {
    let (tmin, tmax) = t_range(e0, m);
    if tmax <= tmin {
        return 0.0;
    }
    composite_gauss_legendre(
        |lt| {
            let t = lt.exp();
            (t - tmin) / t * g2(t)
        },
        tmin.ln(),
        tmax.ln(),
        16,
    )
}

/// Elastic χ in closed form, as in DMG4 `DarkPhotons::TotalCrossSectionCalc`
/// (the integral of BEST A18 between t_min and t_max).
#[must_use]
pub fn chi_elastic_analytic(e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    let (tmin, tmax) = t_range(e0, m);
    let ta = 1.0 / nucleus.a_el().powi(2);
    let td = nucleus.d();
    let logs = (ta + tmax).ln() - (td + tmax).ln() - (ta + tmin).ln() + (td + tmin).ln();
    let first = (ta - td) * (ta + td + 2.0 * tmax) * (tmax - tmin) / ((ta + tmax) * (td + tmax));
    nucleus.z * nucleus.z * (-td * td * (first + (ta + td + 2.0 * tmin) * logs) / (ta - td).powi(3))
}

/// IWW dσ/dx at ε = 1 in GeV⁻² for a given χ (BEST; see the module docs).
#[must_use]
pub fn dsigma_dx_iww(e0: f64, m: f64, x: f64, chi: f64) -> f64 {
    if m >= e0 {
        return 0.0;
    }
    let beta = (1.0 - m * m / (e0 * e0)).sqrt();
    let me2 = ELECTRON.mass * ELECTRON.mass;
    4.0 * ALPHA_EM.powi(3) * beta * chi * (1.0 - x + x * x / 3.0)
        / (m * m * (1.0 - x) / x + me2 * x)
}

/// Kinematic range of x = E_A′/E₀: [m/E₀, 1 − max(m_e, m)/E₀].
#[must_use]
pub fn x_range(e0: f64, m: f64) -> (f64, f64) {
    (m / e0, 1.0 - ELECTRON.mass.max(m) / e0)
}

/// IWW cross section at ε = 1 (GeV⁻²) for A′ energy fractions x > `x_cut`,
/// integrated numerically in u = −ln(1 − x), which resolves the peak at
/// x → 1.
#[must_use]
pub fn sigma_iww(e0: f64, m: f64, nucleus: Nucleus, x_cut: f64) -> f64 {
    let c = chi(e0, m, nucleus);
    sigma_iww_with_chi(e0, m, c, x_cut)
}

fn sigma_iww_with_chi(e0: f64, m: f64, chi: f64, x_cut: f64) -> f64 {
    let (x_lo, x_hi) = x_range(e0, m);
    let x_lo = x_lo.max(x_cut);
    if x_hi <= x_lo {
        return 0.0;
    }
    let (u_lo, u_hi) = (-(-x_lo).ln_1p(), -(-x_hi).ln_1p());
    composite_gauss_legendre(
        |u| {
            let one_minus_x = (-u).exp();
            dsigma_dx_iww(e0, m, 1.0 - one_minus_x, chi) * one_minus_x
        },
        u_lo,
        u_hi,
        12,
    )
}

/// Lowest A′ mass (GeV) at which the cross sections of this module hold,
/// 1 MeV: DMG4's K-factor table ([`k_factor`]) starts there, and BEST's
/// effective photon flux with t_max = m² ([`chi`]) assumes m ≫ m_e — below
/// ≈ 1 MeV it understates χ, so the IWW σ falls with decreasing mass instead
/// of approaching ε² times ordinary bremsstrahlung, and the leading-log
/// [`sigma_iww_log`] (hence ETL) turns negative below m_e, where
/// ln(1/δ²) < 0. Below it [`sigma_above`] switches to
/// [`super::electron_brem_light`] (valid down to m ≪ m_e; the `xsec` request
/// and the missing-energy searches accept masses down to
/// [`super::electron_brem_light::LIGHT_MIN_MASS`]); the visible-mode search
/// (A′ → e⁺e⁻ needs m > 2m_e) still rejects masses below this one.
pub const MIN_MASS: f64 = 1e-3;

/// Leading-log IWW total cross section at ε = 1 (GeV⁻²), DMG4's base for ETL:
/// σ = (4/3) α³ χ_el β ln(1/δ²)/m², δ = max(m_e/m, m/E₀).
#[must_use]
pub fn sigma_iww_log(e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    if m >= e0 {
        return 0.0;
    }
    let beta = (1.0 - m * m / (e0 * e0)).sqrt();
    let delta = (ELECTRON.mass / m).max(m / e0);
    let chi_el = chi_elastic_analytic(e0, m, nucleus);
    (4.0 / 3.0) * ALPHA_EM.powi(3) * chi_el * beta * (1.0 / (delta * delta)).ln() / (m * m)
}

/// A DMG4 K-factor table for lead: σ_IWW,log/σ_ETL by mass (rows, GeV) and
/// beam energy (columns E₀ = 20, 40, …, 160 GeV), as DMG4's `KFactors*.code`
/// (Bondi et al., CPC 269 (2021) 108129). One type for the vector's table
/// and the scalar, pseudoscalar and axial ones of
/// [`crate::production::boson_brem`].
pub(crate) struct KFactorTable {
    masses: Vec<f64>,
    energies: [f64; 8],
    /// k[i_mass][i_energy]
    k: Vec<[f64; 8]>,
}

impl KFactorTable {
    /// Parses `m_GeV,E20,…,E160` rows (`#` comments, one header line).
    pub(crate) fn parse(text: &str) -> Self {
        let mut masses = Vec::new();
        let mut k = Vec::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("m_GeV"))
        {
            let vals: Vec<f64> = line
                .split(',')
                .map(|v| v.trim().parse().unwrap_or(f64::NAN))
                .collect();
            if let [m, rest @ ..] = vals.as_slice()
                && let Ok(row) = <[f64; 8]>::try_from(rest)
            {
                masses.push(*m);
                k.push(row);
            }
        }
        Self {
            masses,
            energies: std::array::from_fn(|i| 20.0 * (i + 1) as f64),
            k,
        }
    }

    /// K at (m, E₀): bilinear, clamped at the table edges (1 MeV–3 GeV,
    /// 20–160 GeV) as DMG4 does.
    pub(crate) fn at(&self, m: f64, e0: f64) -> f64 {
        let (i, wm) = bracket(&self.masses, m);
        let (j, we) = bracket(&self.energies, e0);
        let k00 = self.k[i][j];
        let k01 = self.k[i][j + 1];
        let k10 = self.k[i + 1][j];
        let k11 = self.k[i + 1][j + 1];
        (1.0 - wm) * ((1.0 - we) * k00 + we * k01) + wm * ((1.0 - we) * k10 + we * k11)
    }
}

fn k_table() -> &'static KFactorTable {
    static TABLE: OnceLock<KFactorTable> = OnceLock::new();
    TABLE.get_or_init(|| KFactorTable::parse(include_str!("../../data/dmg4_kfactors_pb.csv")))
}

/// Index i with xs[i] ≤ v ≤ xs[i+1] and the linear weight, clamped to the grid.
fn bracket(xs: &[f64], v: f64) -> (usize, f64) {
    if v <= xs[0] {
        return (0, 0.0);
    }
    let n = xs.len();
    if v >= xs[n - 1] {
        return (n - 2, 1.0);
    }
    let i = xs.partition_point(|&x| x <= v) - 1;
    (i, (v - xs[i]) / (xs[i + 1] - xs[i]))
}

/// DMG4's K-factor σ_IWW,log/σ_ETL for lead, bilinear in (m, E₀), clamped at
/// the table edges (1 MeV–3 GeV, 20–160 GeV) as DMG4 does.
#[must_use]
pub fn k_factor(m: f64, e0: f64) -> f64 {
    k_table().at(m, e0)
}

/// Total ETL cross section at ε = 1 (GeV⁻²).
#[must_use]
pub fn sigma_etl_total(e0: f64, m: f64, nucleus: Nucleus) -> f64 {
    sigma_iww_log(e0, m, nucleus) / k_factor(m, e0)
}

/// A′ production cross section per nucleus at ε = 1 (GeV⁻²) for
/// A′ energies above `x_cut · e0`, with the chosen method. Below
/// [`MIN_MASS`] the light-mass continuation of
/// [`super::electron_brem_light::sigma_above_light`] is used.
#[must_use]
pub fn sigma_above(method: BremMethod, e0: f64, m: f64, nucleus: Nucleus, x_cut: f64) -> f64 {
    if m < MIN_MASS {
        return super::electron_brem_light::sigma_above_light(method, e0, m, nucleus, x_cut);
    }
    let c = chi(e0, m, nucleus);
    let above = sigma_iww_with_chi(e0, m, c, x_cut);
    match method {
        BremMethod::Iww => above,
        BremMethod::Etl => {
            let all = sigma_iww_with_chi(e0, m, c, 0.0);
            if all <= 0.0 {
                return 0.0;
            }
            sigma_etl_total(e0, m, nucleus) * above / all
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analytic_and_numeric_elastic_chi_agree() {
        for &m in &[0.002, 0.02, 0.2, 1.0] {
            let a = chi_elastic_analytic(100.0, m, LEAD);
            let n = chi_elastic_numeric(100.0, m, LEAD);
            assert!(((a - n) / a).abs() < 1e-6, "m={m}: {a} vs {n}");
        }
    }

    #[test]
    fn k_factor_interpolates_table() {
        // Table row 0.002 GeV, E0 = 100 GeV: 0.832335.
        assert!((k_factor(0.002, 100.0) - 0.832_335).abs() < 1e-9);
        // Clamped outside the grid.
        assert_eq!(k_factor(1e-4, 100.0), k_factor(0.001, 100.0));
        assert_eq!(k_factor(0.1, 500.0), k_factor(0.1, 160.0));
    }

    #[test]
    fn spectrum_fraction_is_between_zero_and_one() {
        let all = sigma_iww(100.0, 0.01, LEAD, 0.0);
        let half = sigma_iww(100.0, 0.01, LEAD, 0.5);
        assert!(half > 0.5 * all && half < all);
        assert_eq!(sigma_iww(100.0, 0.01, LEAD, 1.0), 0.0);
        assert_eq!(sigma_above(BremMethod::Etl, 100.0, 200.0, LEAD, 0.0), 0.0);
    }
}
