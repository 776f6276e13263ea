//! Theory curves computed by darkscan and drawn over the reach plots:
//!
//! - the thermal relic targets of light dark matter in the y plane
//!   (y = ε² α_D (m_χ/m_A′)⁴ giving Ω h² = 0.12), solved by
//!   [`crate::model::relic`] at the plot's α_D and m_A′/m_χ;
//! - the (g−2)_μ favoured band of the L_μ−L_τ Z′: the couplings g for which
//!   the one-loop Z′ contribution ([`crate::model::lmu_ltau::delta_a_mu`],
//!   Pospelov, PRD 80 (2009) 095002) equals Δa_μ ± nσ, with Δa_μ and σ
//!   [`DELTA_A_MU_WP2020`] and [`DELTA_A_MU_WP2020_ERROR`] (Fermilab + BNL
//!   average, PRL 131 (2023) 161802, minus the 2020 White Paper SM value,
//!   Phys. Rept. 887 (2020) 1).
//!
//! Both give a table (`relic_targets.csv`, `g2_band.csv`) and
//! [`Overlay`]s for [`crate::plot`].

use crate::model::lmu_ltau::{self, DELTA_A_MU_WP2020, DELTA_A_MU_WP2020_ERROR};
use crate::model::relic::{DmKind, RelicError, RelicModel};
use crate::plot::Overlay;
use crate::reach::log_space;

/// Lightest m_χ (GeV) at which relic targets are drawn: below ≈ m_e the
/// annihilation into e⁺e⁻ closes, and darkscan's relic solver is validated
/// against published lines from 1 MeV (`tests/relic_targets.rs`).
pub const RELIC_MASS_MIN_GEV: f64 = 1e-3;
/// Heaviest m_χ (GeV) at which relic targets are drawn. The solver accepts
/// up to 10 GeV; it was compared with published lines up to 0.3 GeV only
/// (hadrons above come from the R ratio, as in the dark-photon widths).
pub const RELIC_MASS_MAX_GEV: f64 = 1.0;
/// The dark-matter types drawn. Dirac is left out: at zero splitting it is
/// the pseudo-Dirac line (same ⟨σv⟩_eff, `model::relic` docs).
pub const RELIC_KINDS: [DmKind; 3] = [DmKind::Scalar, DmKind::Majorana, DmKind::PseudoDirac];
/// Masses per relic line. Each mass is one freeze-out solve (≈ 10 ms in a
/// release build); 20 log-spaced masses over two decades draw the lines to
/// well within their 10–40 % agreement with the published targets.
pub const RELIC_POINTS: usize = 14;

/// The thermal target y(m_χ) of one dark-matter type at the given α_D and
/// m_A′/m_χ (pseudo-Dirac: zero splitting): the (m_χ, y) pairs in the order
/// of `masses_chi`, each from [`RelicModel::thermal_target`] (the same
/// computation as `darkscan relic`), solved in parallel.
///
/// # Errors
/// The first [`RelicError`] of any mass (a parameter outside the solver's
/// domain, or no convergence).
pub fn relic_target_curve(
    kind: DmKind,
    alpha_d: f64,
    mass_ratio: f64,
    masses_chi: &[f64],
) -> Result<Vec<(f64, f64)>, RelicError> {
    let template = RelicModel {
        kind,
        mass_chi: masses_chi.first().copied().unwrap_or(RELIC_MASS_MIN_GEV),
        mass_ratio,
        alpha_d,
        splitting: 0.0,
    };
    crate::model::relic::thermal_target_curve(template, masses_chi)
}

/// Relic-target lines of several dark-matter types on one mass grid.
#[derive(Debug, Clone, PartialEq)]
pub struct RelicTargets {
    /// α_D of the lines.
    pub alpha_d: f64,
    /// m_A′/m_χ of the lines.
    pub mass_ratio: f64,
    /// m_χ in GeV, increasing.
    pub masses_chi_gev: Vec<f64>,
    /// Per type, y at each mass.
    pub lines: Vec<(DmKind, Vec<f64>)>,
}

/// The [`RELIC_KINDS`] lines at [`RELIC_POINTS`] log-spaced m_χ over the part
/// of `[lo, hi]` (GeV) inside [`RELIC_MASS_MIN_GEV`, `RELIC_MASS_MAX_GEV`];
/// `Ok(None)` if that part is empty. All (type, mass) solves run in parallel.
///
/// # Errors
/// As [`relic_target_curve`].
pub fn relic_targets(
    alpha_d: f64,
    mass_ratio: f64,
    lo: f64,
    hi: f64,
) -> Result<Option<RelicTargets>, RelicError> {
    use rayon::prelude::*;
    let (lo, hi) = (lo.max(RELIC_MASS_MIN_GEV), hi.min(RELIC_MASS_MAX_GEV));
    if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
        return Ok(None);
    }
    let masses = if hi > lo {
        log_space(lo, hi, RELIC_POINTS)
    } else {
        vec![lo]
    };
    let jobs: Vec<(DmKind, f64)> = RELIC_KINDS
        .iter()
        .flat_map(|&k| masses.iter().map(move |&m| (k, m)))
        .collect();
    let ys = jobs
        .par_iter()
        .map(|&(kind, mass_chi)| {
            RelicModel {
                kind,
                mass_chi,
                mass_ratio,
                alpha_d,
                splitting: 0.0,
            }
            .thermal_target()
            .map(|r| r.y)
        })
        .collect::<Result<Vec<f64>, RelicError>>()?;
    let lines = RELIC_KINDS
        .iter()
        .zip(ys.chunks(masses.len()))
        .map(|(&k, ys)| (k, ys.to_vec()))
        .collect();
    Ok(Some(RelicTargets {
        alpha_d,
        mass_ratio,
        masses_chi_gev: masses,
        lines,
    }))
}

/// Legend text of a dark-matter type.
fn relic_label(kind: DmKind) -> &'static str {
    match kind {
        DmKind::Scalar => "scalar relic target",
        DmKind::Majorana => "Majorana relic target",
        DmKind::PseudoDirac => "pseudo-Dirac (= Dirac) relic target",
        DmKind::Dirac => "Dirac relic target",
    }
}

impl RelicTargets {
    /// `relic_targets.csv`: comment lines with the inputs, then
    /// `m_chi_gev,y_scalar,y_majorana,y_pseudo_dirac` (one `y_<type>`
    /// column per line, `-` in the type name written `_`).
    #[must_use]
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "# darkscan: thermal relic targets, y = eps^2 alpha_D (m_chi/m_A')^4 giving Omega h^2 = 0.12 (darkscan::model::relic)\n",
        );
        out.push_str(&format!(
            "# alpha_D: {}\n# m_A'/m_chi: {}\n# pseudo-dirac splitting: 0 (equal to the Dirac line)\n",
            self.alpha_d, self.mass_ratio
        ));
        out.push_str("m_chi_gev");
        for (k, _) in &self.lines {
            out.push_str(&format!(",y_{}", k.name().replace('-', "_")));
        }
        out.push('\n');
        for (i, m) in self.masses_chi_gev.iter().enumerate() {
            out.push_str(&format!("{m:e}"));
            for (_, ys) in &self.lines {
                out.push_str(&format!(",{:e}", ys[i]));
            }
            out.push('\n');
        }
        out
    }

    /// One labelled line per type, (m_χ, y).
    #[must_use]
    pub fn overlays(&self) -> Vec<Overlay> {
        self.lines
            .iter()
            .map(|(k, ys)| Overlay::Line {
                label: relic_label(*k).into(),
                points: self
                    .masses_chi_gev
                    .iter()
                    .copied()
                    .zip(ys.clone())
                    .collect(),
            })
            .collect()
    }
}

/// Masses per (g−2)_μ band edge (a closed formula: cheap), log-spaced over
/// the plot's range clipped to the L_μ−L_τ model's domain
/// (0, [`lmu_ltau::MAX_MASS_GEV`]].
pub const G2_POINTS: usize = 60;

/// The (g−2)_μ favoured band of the L_μ−L_τ Z′.
#[derive(Debug, Clone, PartialEq)]
pub struct G2Band {
    /// Width of the band in standard deviations of Δa_μ.
    pub n_sigma: f64,
    /// m_Z′ in GeV, increasing.
    pub masses_gev: Vec<f64>,
    /// g at Δa_μ − nσ.
    pub g_lower: Vec<f64>,
    /// g at Δa_μ.
    pub g_central: Vec<f64>,
    /// g at Δa_μ + nσ.
    pub g_upper: Vec<f64>,
}

/// The band Δa_μ ± `n_sigma` σ ([`DELTA_A_MU_WP2020`] ±
/// [`DELTA_A_MU_WP2020_ERROR`]) at [`G2_POINTS`] masses over `[lo, hi]`
/// (GeV) inside the model's domain; `None` if that is empty or the lower
/// edge Δa_μ − nσ is not positive.
#[must_use]
pub fn g2_band(lo: f64, hi: f64, n_sigma: f64) -> Option<G2Band> {
    let (lo, hi) = (lo, hi.min(lmu_ltau::MAX_MASS_GEV));
    let low_delta = DELTA_A_MU_WP2020 - n_sigma * DELTA_A_MU_WP2020_ERROR;
    if !(lo.is_finite() && hi.is_finite() && lo > 0.0 && lo <= hi && low_delta > 0.0) {
        return None;
    }
    let masses = if hi > lo {
        log_space(lo, hi, G2_POINTS)
    } else {
        vec![lo]
    };
    let g = |delta: f64| -> Vec<f64> {
        masses
            .iter()
            .map(|&m| lmu_ltau::g_for_delta_a_mu(m, delta))
            .collect()
    };
    Some(G2Band {
        n_sigma,
        g_lower: g(low_delta),
        g_central: g(DELTA_A_MU_WP2020),
        g_upper: g(DELTA_A_MU_WP2020 + n_sigma * DELTA_A_MU_WP2020_ERROR),
        masses_gev: masses,
    })
}

impl G2Band {
    /// `g2_band.csv`: comment lines with the inputs, then
    /// `mass_gev,g_lower,g_central,g_upper`.
    #[must_use]
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "# darkscan: (g-2)_mu favoured band of the Lmu-Ltau Z' (one-loop, Pospelov PRD 80 (2009) 095002)\n",
        );
        out.push_str(&format!(
            "# delta_a_mu: {:e} +- {:e} (FNAL+BNL PRL 131 (2023) 161802 minus WP2020); band: +-{} sigma\n",
            DELTA_A_MU_WP2020, DELTA_A_MU_WP2020_ERROR, self.n_sigma
        ));
        out.push_str("mass_gev,g_lower,g_central,g_upper\n");
        for i in 0..self.masses_gev.len() {
            out.push_str(&format!(
                "{:e},{:e},{:e},{:e}\n",
                self.masses_gev[i], self.g_lower[i], self.g_central[i], self.g_upper[i]
            ));
        }
        out
    }

    /// The band as one filled [`Overlay::Band`].
    #[must_use]
    pub fn overlays(&self) -> Vec<Overlay> {
        let pts = |g: &[f64]| self.masses_gev.iter().copied().zip(g.to_vec()).collect();
        vec![Overlay::Band {
            label: format!("(g-2)_mu favoured, ±{}σ", self.n_sigma),
            lower: pts(&self.g_lower),
            upper: pts(&self.g_upper),
        }]
    }
}
